"""Polite fetching against a local site: robots.txt, per-host limits, 429s, retries."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from _http import serve

from newsevents.config import FetchPolicy, Settings
from newsevents.ingest import read_paths
from newsevents.ingest.fetcher import Fetcher, user_agent
from newsevents.ingest.polite import HostGate, Robots, retry_after
from newsevents.ingest.urls import fetch_url
from newsevents.records import Document, Failed, Skipped

FAST = FetchPolicy(per_host=2, delay=0.0, retries=3, backoff=0.02)


def article(n: int) -> bytes:
    # invented, tiny: one event sentence per page
    return (f"<html><head><title>Report {n}</title></head><body><article><p>Kestria recalled "
            f"its ambassador from Valdora on Monday, the foreign ministry said in statement "
            f"number {n}.</p></article></body></html>").encode()


class Site:
    """A 200-page site: /news/N allowed, /private/N disallowed by robots.txt; some
    pages answer 429 (with Retry-After) or 503 the first time, some are slow.
    Counts the requests in flight and remembers when each request started."""

    ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"

    def __init__(self, pages: int = 200, retry_after: str = "1") -> None:
        self.lock = threading.Lock()
        self.active = self.most = 0
        self.starts: list[tuple[float, str]] = []
        self.limited: list[float] = []  # when a 429 was sent
        self.answered: set[str] = set()
        self.retry_after = retry_after
        self.routes: dict = {"/robots.txt": self.respond(self.robots)}
        for n in range(pages):
            path = f"/news/{n}" if n % 2 == 0 else f"/private/{n}"
            self.routes[path] = self.respond(self.page)

    def respond(self, body):
        # A request is in flight from its arrival until the server starts its answer
        # (the client may have read the whole answer before this thread runs again).
        def handler(h):
            with self.lock:
                self.active += 1
                self.most = max(self.most, self.active)
                self.starts.append((time.monotonic(), h.path))
            h.answering = lambda: self._answered()
            body(h)
        return handler

    def _answered(self) -> None:
        with self.lock:
            self.active -= 1

    @staticmethod
    def send(h, status: int, body: bytes, **headers: str) -> None:
        if hasattr(h, "answering"):
            h.answering()
        h.send_response(status)
        h.send_header("Content-Type", "text/html; charset=utf-8" if status == 200 else "text/plain")
        h.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            h.send_header(key.replace("_", "-"), value)
        h.end_headers()
        h.wfile.write(body)

    def robots(self, h) -> None:
        self.send(h, 200, self.ROBOTS)

    def page(self, h) -> None:
        n = int(h.path.rsplit("/", 1)[1])
        with self.lock:
            first = h.path not in self.answered
            self.answered.add(h.path)
        if first and n % 40 == 10:
            with self.lock:
                self.limited.append(time.monotonic())
            self.send(h, 429, b"slow down", Retry_After=self.retry_after)
        elif first and n % 40 == 30:
            self.send(h, 503, b"busy")  # no Retry-After: the client backs off on its own
        else:
            if n % 10 == 4:
                time.sleep(0.15)  # a slow page
            self.send(h, 200, article(n))

    def feed(self, base: str) -> bytes:
        items = "".join(f"<item><title>Report {n}</title><link>{base}{path}</link></item>"
                        for n, path in enumerate(p for p in self.routes if p != "/robots.txt"))
        return (f'<rss version="2.0"><channel><title>Kestria Ledger</title>{items}'
                "</channel></rss>").encode()


def test_a_200_page_site_is_fetched_politely_and_every_page_accounted_for(caplog):
    from newsevents.pipeline import Pipeline

    caplog.set_level(logging.WARNING)
    site = Site()
    with serve(site.routes) as (base, _):
        site.routes["/feed.rss"] = (200, {"Content-Type": "application/rss+xml"},
                                    site.feed(base))
        pipe = Pipeline(Settings(fetch=FAST))
        outcomes = list(pipe.extract_paths([base + "/feed.rss"], fetch=True))
    by_source = {o.source if not hasattr(o, "article") else o.article.source: o for o in outcomes}
    private = [f"{base}/private/{n}" for n in range(1, 200, 2)]
    public = [f"{base}/news/{n}" for n in range(0, 200, 2)]
    assert len(outcomes) == 200
    for url in private:  # never a silent drop: each refused page is a record
        rec = by_source[url]
        assert isinstance(rec, Skipped) and rec.reason == "robots", rec
    for url in public:
        assert hasattr(by_source[url], "events"), by_source[url]  # coded
    assert sum(len(by_source[u].events) > 0 for u in public) > 90
    assert not any(isinstance(o, Failed) for o in outcomes)
    assert not any(r.exc_info for r in caplog.records)
    # the server's own counts
    paths = [p for _, p in site.starts]
    assert not any(p.startswith("/private/") for p in paths)
    assert paths.count("/robots.txt") == 1  # cached for the run
    assert site.most == FAST.per_host, site.most  # the limit was reached and never passed
    assert len(site.limited) == 5
    for sent in site.limited:  # Retry-After: 1 held back every request to the host
        early = [t for t, _ in site.starts if sent + 0.05 < t < sent + 0.9]
        assert early == []


def test_crawl_delay_spaces_requests_and_a_too_long_one_is_refused():
    starts: list[float] = []

    def page(h):
        starts.append(time.monotonic())
        Site.send(h, 200, article(1))

    routes = {"/robots.txt": (200, {}, b"User-agent: newsevents\nCrawl-delay: 0.3\n"),
              **{f"/a{n}": page for n in range(4)}}
    with serve(routes) as (base, _), Fetcher(FAST) as fetcher:
        docs = [fetch_url(f"{base}/a{n}", fetcher=fetcher) for n in range(4)]
    assert all(isinstance(d, Document) for d in docs)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) > 0.25, gaps

    routes = {"/robots.txt": (200, {}, b"User-agent: *\nCrawl-delay: 3600\n"), "/a": page}
    with serve(routes) as (base, seen):
        out = fetch_url(base + "/a", settings=Settings(fetch=FAST))
    assert isinstance(out, Skipped) and out.reason == "robots" and "3600" in out.detail
    assert [r["path"] for r in seen] == ["/robots.txt"]


def test_robots_txt_errors_missing_files_and_a_specific_group():
    ok = (200, {"Content-Type": "text/html"}, article(2))
    for robots, expect in [((404, {}, b""), Document),  # no robots.txt: all allowed
                           ((503, {}, b""), Skipped),  # unreachable: RFC 9309 says keep out
                           ((200, {}, b"User-agent: newsevents\nDisallow: /a\n"
                                      b"User-agent: *\nDisallow:\n"), Skipped)]:
        with serve({"/robots.txt": robots, "/a": ok}) as (base, seen):
            out = fetch_url(base + "/a", settings=Settings(fetch=FAST))
        assert isinstance(out, expect), (robots, out)
        if expect is Skipped:
            assert out.reason == "robots" and "/a" not in [r["path"] for r in seen]
    # robots can be switched off for a run, e.g. for one's own site
    with serve({"/robots.txt": (200, {}, b"User-agent: *\nDisallow: /\n"), "/a": ok}) as (base, _):
        out = fetch_url(base + "/a", settings=Settings(fetch=FetchPolicy(robots=False)))
    assert isinstance(out, Document)


def test_retries_give_up_with_a_record_and_a_long_retry_after_is_not_waited():
    tries = []

    def busy(h):
        tries.append(1)
        Site.send(h, 503, b"busy")

    in_a_day = format_datetime(datetime.now(timezone.utc) + timedelta(days=1), usegmt=True)
    routes = {"/busy": busy, "/later": (429, {"Retry-After": in_a_day}, b"")}
    with serve(routes) as (base, _):
        busy_out = fetch_url(base + "/busy", settings=Settings(fetch=FAST))
        t = time.monotonic()
        later = fetch_url(base + "/later", settings=Settings(fetch=FAST))
        waited = time.monotonic() - t
    assert isinstance(busy_out, Failed) and busy_out.kind == "http_error" and "503" in busy_out.message
    assert len(tries) == 1 + FAST.retries
    assert isinstance(later, Failed) and "come back" in later.message and waited < 2


def test_connections_are_reused_and_the_user_agent_names_a_contact():
    policy = FetchPolicy(delay=0, contact="https://example.org/about-our-crawler")
    routes = {f"/a{n}": (200, {"Content-Type": "text/html"}, article(n)) for n in range(5)}
    routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")
    with serve(routes, keep_alive=True) as (base, seen), Fetcher(policy) as fetcher:
        docs = [fetch_url(f"{base}/a{n}", fetcher=fetcher) for n in range(5)]
    assert all(isinstance(d, Document) for d in docs)
    agents = {r["user-agent"] for r in seen}
    assert agents == {user_agent(policy)} and "https://example.org/about-our-crawler" in agents.pop()
    # one TCP connection for robots.txt and all five pages (HTTP/1.1 keep-alive)
    assert len({r["client_port"] for r in seen}) == 1


def test_the_environment_proxy_is_chosen_by_scheme_and_no_proxy_hosts_go_direct(monkeypatch):
    for var in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.upper(), raising=False)
    origin = "http://origin.invalid"  # never resolved here: only the proxy sees the name
    plain = {"Content-Type": "text/plain"}
    with serve({"/a": (200, plain, b"direct")}) as (base, direct_seen), \
            serve({origin + "/a": (200, plain, b"via the proxy")}) as (proxy, proxy_seen):
        monkeypatch.setenv("http_proxy", proxy)
        monkeypatch.setenv("https_proxy", "http://127.0.0.1:9")  # for https URLs only: unused
        with Fetcher(FAST) as fetcher:
            assert fetcher.get(origin + "/a").body == b"via the proxy"
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        with Fetcher(FAST) as fetcher:
            assert fetcher.get(base + "/a").body == b"direct"
    assert [r["path"] for r in proxy_seen] == [origin + "/robots.txt", origin + "/a"]
    assert [r["path"] for r in direct_seen] == ["/robots.txt", "/a"]


def test_host_gate_counts_and_paces():
    gate = HostGate(per_host=2, delay=0.0)
    active, most = [0], [0]
    lock = threading.Lock()

    def work():
        with gate.slot("h"):
            with lock:
                active[0] += 1
                most[0] = max(most[0], active[0])
            time.sleep(0.02)
            with lock:
                active[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(10)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert most[0] == 2
    gate.hold_off("h", 0.2)
    t = time.monotonic()
    with gate.slot("h"):
        assert time.monotonic() - t >= 0.19
    with pytest.raises(ValueError):
        HostGate(per_host=0, delay=0)


def test_retry_after_and_robots_parsing():
    now = datetime(2025, 3, 14, 12, 0, tzinfo=timezone.utc)
    assert retry_after("120") == 120.0 and retry_after(None) is None and retry_after("soon") is None
    assert retry_after("Fri, 14 Mar 2025 12:00:30 GMT", now=now) == 30.0
    robots = Robots.parse("User-agent: *\nDisallow: /x\nRequest-rate: 1/5s\n")
    assert robots.why_not("http://h/x/1") and robots.why_not("http://h/y") is None
    assert robots.delay() == 5.0
