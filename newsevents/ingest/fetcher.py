"""The http(s) client of one run: pooled connections, robots.txt, pacing, retries.

A :class:`Fetcher` is made once per run (``read_paths``) and shared by the
threads that fetch a feed's pages, so that

* connections to a host are reused (one ``urllib3.PoolManager``);
* each host's robots.txt is fetched once and obeyed (a refused page raises
  :class:`RobotsRefused`, which callers report as ``skipped: robots``);
* no host sees more than ``FetchPolicy.per_host`` requests in flight, nor two
  request starts closer than its delay (``FetchPolicy.delay``, or the
  robots.txt ``Crawl-delay`` when longer);
* a connection error or a 429/500/502/503/504 answer is retried after the
  answer's ``Retry-After`` (for the whole host) or an exponential backoff.
  Read timeouts are not retried: a server that is already slow is not asked again.

Only ``http`` and ``https`` URLs are fetched, and a redirect may lead nowhere
else.  Each fetch has a per-operation timeout plus an overall deadline (a
server that drips one byte a second cannot hold a run forever) and a size cap:
the body is read in chunks and the download stops as soon as the cap is
passed.  With ``public_only`` (links found in a feed) the URL and every
redirect must resolve to public addresses (:func:`check_public`).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3

from ..version import __version__
from ..config import FetchPolicy
from ..errors import InputError
from .polite import ROBOTS_MAX_BYTES, HostGate, Robots, retry_after

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_TIMEOUT = 15.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_REDIRECTS = (301, 302, 303, 307, 308)
#: answers worth asking again after a pause
_TRANSIENT = (429, 500, 502, 503, 504)


def user_agent(policy: FetchPolicy) -> str:
    """``newsevents/0.1 (+https://…)``: the project and where to read about it."""
    return f"newsevents/{__version__} (+{policy.contact})"


@dataclass(frozen=True, slots=True)
class Fetched:
    """The raw answer to a fetch: final URL (after redirects), media type and body."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


class TooLarge(InputError):
    """The response body passed the size cap; the download was cut there."""

    def __init__(self, url: str, max_bytes: int) -> None:
        super().__init__(f"{url}: response larger than {max_bytes} bytes, download cut",
                         kind="too_large")
        self.max_bytes = max_bytes


class RobotsRefused(InputError):
    """robots.txt (or the host's wish for a longer pause than we wait) keeps us out."""

    def __init__(self, message: str) -> None:
        super().__init__(message, kind="robots")


def check_url(url: str) -> None:
    """Raise :class:`InputError` (kind ``scheme_refused``) unless ``url`` is http(s) with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise InputError(f"{url}: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}",
                         kind="scheme_refused")
    if not parts.hostname:
        raise InputError(f"{url}: URL has no host", kind="bad_url")


def check_public(url: str, allowed_host: str | None = None) -> None:
    """Raise :class:`InputError` (kind ``address_refused``) when the host of
    ``url`` resolves to a loopback, private, link-local, multicast or reserved
    address (``127.0.0.1``, ``10.x``, ``169.254.169.254`` …).

    ``allowed_host`` (the host of the feed a link came from) is always allowed.
    The name is resolved here and again by the connection; a DNS server that
    answers differently the second time is not defeated by this check.
    """
    host = (urlsplit(url).hostname or "").lower()
    if allowed_host and host == allowed_host.lower():
        return
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{url}: cannot resolve {host}: {exc}", kind="network_error") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if not addr.is_global or addr.is_multicast:
            raise InputError(f"{url}: {host} is a non-public address ({addr}); links found in a "
                             "feed are not fetched from there (--fetch-private allows it)",
                             kind="address_refused")


def _host(url: str) -> str:
    """The key of a host's robots.txt, slots and pace: ``scheme://host:port``."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"


class _Pools:
    """Pooled connections, through the environment's proxy as urllib's ProxyHandler does.

    Each scheme uses its own proxy (``http_proxy`` for http URLs, ``https_proxy``
    for https), and a host that ``urllib.request.proxy_bypass`` exempts
    (``no_proxy``, the platform's own list) is reached directly.
    """

    def __init__(self, per_host: int) -> None:
        self._direct = urllib3.PoolManager(maxsize=per_host)
        self._via = {scheme: urllib3.ProxyManager(proxy, maxsize=per_host)
                     for scheme, proxy in urllib.request.getproxies().items()
                     if scheme in ALLOWED_SCHEMES and proxy}

    def request(self, method: str, url: str, **kw) -> urllib3.BaseHTTPResponse:
        parts = urlsplit(url)
        proxied = self._via.get(parts.scheme.lower())
        if proxied is None or self._bypass(parts.hostname, parts.port):
            return self._direct.request(method, url, **kw)
        return proxied.request(method, url, **kw)

    @staticmethod
    def _bypass(host: str | None, port: int | None) -> bool:
        # proxy_bypass matches no_proxy entries against both "host" and "host:port"
        return bool(host) and bool(urllib.request.proxy_bypass(f"{host}:{port}" if port else host))

    def clear(self) -> None:
        self._direct.clear()
        for pool in self._via.values():
            pool.clear()


class Fetcher:
    """One run's HTTP client (see the module); thread-safe; :meth:`close` when done."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self.user_agent = user_agent(self.policy)
        self.gate = HostGate(self.policy.per_host, self.policy.delay)
        self._http = _Pools(self.policy.per_host)
        self._robots: dict[str, Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the pooled connections."""
        self._http.clear()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 20_000_000,
            accept: str = "*/*", public_only: bool = False,
            allowed_host: str | None = None) -> Fetched:
        """Download ``url`` and return its body, at most ``max_bytes`` of it.

        Raises :class:`InputError` with a ``kind`` of ``scheme_refused``,
        ``bad_url``, ``address_refused``, ``robots`` (:class:`RobotsRefused`),
        ``http_error``, ``network_error``, ``timeout`` or ``too_large``
        (:class:`TooLarge`).
        """
        deadline = time.monotonic() + 4 * timeout
        for _ in range(MAX_REDIRECTS + 1):
            self._check(url, public_only, allowed_host)
            self._obey_robots(url, timeout)
            answer = self._request(url, timeout, max_bytes, accept, deadline)
            if isinstance(answer, Fetched):
                return answer
            url = answer  # a redirect: checked like the first URL at the top of the loop
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects", kind="http_error")

    @staticmethod
    def _check(url: str, public_only: bool, allowed_host: str | None) -> None:
        check_url(url)
        if public_only:
            check_public(url, allowed_host)

    # --- robots.txt ---------------------------------------------------------

    def _obey_robots(self, url: str, timeout: float) -> None:
        if not self.policy.robots:
            return
        robots = self.robots(url, timeout)
        why = robots.why_not(url)
        if why:
            raise RobotsRefused(why)

    def robots(self, url: str, timeout: float = DEFAULT_TIMEOUT) -> Robots:
        """The robots.txt rules of ``url``'s host, fetched once per run (per Fetcher)."""
        host = _host(url)
        with self._lock:
            lock = self._robots_locks.setdefault(host, threading.Lock())
        with lock:  # one thread fetches a host's robots.txt; the others wait for it
            if host not in self._robots:
                self._robots[host] = self._fetch_robots(host, timeout)
                delay = self._robots[host].delay()
                if delay is not None:
                    self.gate.set_delay(host, delay)
            return self._robots[host]

    def _fetch_robots(self, host: str, timeout: float) -> Robots:
        url = host + "/robots.txt"
        deadline = time.monotonic() + 4 * timeout
        for _ in range(MAX_REDIRECTS + 1):
            try:
                answer = self._request(url, timeout, ROBOTS_MAX_BYTES, "text/plain", deadline,
                                       robots=True)
            except TooLarge:
                return Robots()  # RFC 9309: parse what fits; an oversized one we ignore
            except RobotsRefused as exc:  # 5xx: the whole host is off limits for this run
                return Robots(refusal=str(exc))
            if isinstance(answer, Fetched):
                robots = Robots.parse(answer.body.decode("utf-8", errors="replace"))
                delay = robots.delay()
                if delay is not None and delay > self.policy.max_wait:
                    return Robots(refusal=f"{host}: robots.txt asks for {delay:g} s between "
                                          f"requests, more than the {self.policy.max_wait:g} s "
                                          "this run waits")
                return robots
            if answer is None:
                return Robots()  # 4xx: no robots.txt, everything allowed
            if urlsplit(answer).hostname != urlsplit(url).hostname:
                return Robots()  # only same-host redirects (http -> https) are followed here
            url = answer
            check_url(url)
        return Robots()

    # --- one request ----------------------------------------------------------

    def _request(self, url: str, timeout: float, max_bytes: int, accept: str,
                 deadline: float, robots: bool = False) -> Fetched | str | None:
        """GET ``url`` once (with retries); a :class:`Fetched`, a redirect target,
        or (for robots.txt only) None for a 4xx answer."""
        host = _host(url)
        headers = {"User-Agent": self.user_agent, "Accept": accept}
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            with self.gate.slot(host, paced=not robots):
                resp = self._open(url, headers, timeout, retry=not last)
                if resp is None:
                    wait = None
                else:
                    try:
                        if resp.status not in _TRANSIENT or last:
                            return self._answer(url, resp, max_bytes, deadline, robots)
                        wait = retry_after(resp.headers.get("Retry-After"))
                    finally:
                        resp.release_conn()
            self._pause(url, host, wait, attempt)
        raise AssertionError("unreachable")  # pragma: no cover - the last attempt returns or raises

    def _pause(self, url: str, host: str, wait: float | None, attempt: int) -> None:
        """Hold the host off before the next try: ``Retry-After`` or a backoff."""
        if wait is not None and wait > self.policy.max_wait:
            raise InputError(f"{url}: the server asks us to come back in {wait:g} s, more than "
                             f"the {self.policy.max_wait:g} s this run waits", kind="http_error")
        pause = wait if wait is not None else self.policy.backoff * 2 ** attempt
        log.debug("%s: retrying in %.2f s", url, pause)
        self.gate.hold_off(host, pause)

    def _open(self, url: str, headers: dict, timeout: float, retry: bool):
        """The response, or None for a connection error worth retrying."""
        try:
            return self._http.request(
                "GET", url, headers=headers, redirect=False, retries=False,
                preload_content=False, timeout=urllib3.Timeout(connect=timeout, read=timeout))
        except urllib3.exceptions.NameResolutionError as exc:
            raise InputError(f"{url}: cannot resolve host: {exc}", kind="network_error") from None
        except urllib3.exceptions.NewConnectionError as exc:
            if retry:
                return None
            raise InputError(f"{url}: cannot connect: {_reason(exc)}", kind="network_error") from None
        except (urllib3.exceptions.TimeoutError, socket.timeout, TimeoutError):
            raise InputError(f"{url}: timed out after {timeout:g}s", kind="timeout") from None
        except (urllib3.exceptions.ProtocolError, ConnectionError) as exc:
            if retry:
                return None
            raise InputError(f"{url}: {exc}", kind="network_error") from None
        except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
            raise InputError(f"{url}: {exc}", kind="network_error") from None

    def _answer(self, url: str, resp, max_bytes: int, deadline: float,
                robots: bool) -> Fetched | str | None:
        if resp.status in _REDIRECTS and resp.headers.get("Location"):
            return urljoin(url, resp.headers["Location"])
        if resp.status >= 400 or resp.status in _REDIRECTS:
            if robots and 400 <= resp.status < 500:
                return None
            if robots:  # RFC 9309: an unreachable robots.txt means "keep out" for now
                raise RobotsRefused(f"{url}: answered HTTP {resp.status}; robots.txt unreachable, "
                                    "so the host is treated as disallowing all (RFC 9309)")
            raise InputError(f"{url}: HTTP {resp.status} {resp.reason or ''}".rstrip(),
                             kind="http_error")
        body = _read_capped(resp, url, max_bytes, deadline)
        msg = Message()
        msg["content-type"] = resp.headers.get("Content-Type", "")
        return Fetched(url, msg.get_content_type().lower(), msg.get_content_charset(), body)


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text.split(": ", 1)[-1] if ": " in text else text


def _read_capped(resp, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise InputError(f"{url}: download took too long", kind="timeout")
            chunk = resp.read(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > max_bytes:
                raise TooLarge(url, max_bytes)
            chunks.append(chunk)
    except InputError:
        resp.close()  # the rest is not read: this connection cannot go back to the pool
        raise
    except (urllib3.exceptions.TimeoutError, socket.timeout, TimeoutError):
        resp.close()
        raise InputError(f"{url}: timed out while reading", kind="timeout") from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        resp.close()
        raise InputError(f"{url}: {exc}", kind="network_error") from None
