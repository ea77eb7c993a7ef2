"""RSS/Atom reader: feeds written here, a local server for --fetch, hostile XML."""

from __future__ import annotations

from datetime import date

from _http import serve

from newsevents.config import Settings
from newsevents.ingest import read_paths
from newsevents.ingest.feeds import read_feed
from newsevents.records import Document, Failed, Skipped

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Kestria Ledger</title><link>{base}/</link><description>news</description>
<item><title>Ministers meet on water rights</title><link>{base}/water</link>
  <guid>ledger-101</guid><pubDate>Tue, 11 Mar 2025 08:30:00 +0000</pubDate>
  <description>Short teaser about the water talks.</description>
  <content:encoded><![CDATA[<p>Water ministers of Kestria and Valdora met in Orlen on
  Monday and agreed to share data on river levels.</p>]]></content:encoded></item>
<item><title>Protest outside parliament</title><link>{base}/protest</link>
  <pubDate>Wed, 12 Mar 2025 23:30:00 -0500</pubDate>
  <description>Hundreds of farmers protested outside the Kestrian parliament.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valdora Wire</title>
<entry><title>Envoy recalled</title><link href="http://wire.example/envoy"/>
  <id>urn:wire:7</id><updated>2025-02-03T10:00:00Z</updated>
  <summary>Valdora recalled its envoy to Kestria on Sunday.</summary></entry>
</feed>"""

PAGE = ("<html><head><title>Protest outside parliament</title></head><body><article><p>"
        "Hundreds of farmers protested outside the Kestrian parliament on Wednesday, "
        "demanding lower fuel taxes, police said.</p></article></body></html>")


def test_rss_items_carry_link_title_date_and_full_content(tmp_path):
    path = tmp_path / "ledger.rss"
    path.write_text(RSS.format(base="http://ledger.example"), encoding="utf-8")
    first, second = read_feed(str(path))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.url == "http://ledger.example/water" and first.id == "ledger-101"
    assert first.title == "Ministers meet on water rights"
    assert first.published == date(2025, 3, 11) and first.outlet == "The Kestria Ledger"
    assert first.content.startswith("Water ministers of Kestria and Valdora met in Orlen on Monday")
    assert first.content_type == "text" and "<p>" not in first.content
    assert "teaser" not in first.content  # full content wins over the summary
    assert second.content == "Hundreds of farmers protested outside the Kestrian parliament."
    assert second.published == date(2025, 3, 13)  # 23:30 -05:00 is the 13th in UTC


def test_atom_file_through_read_paths(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = read_paths([path])
    assert doc.url == "http://wire.example/envoy" and doc.id == "urn:wire:7"
    assert doc.published == date(2025, 2, 3) and doc.outlet == "Valdora Wire"
    assert "recalled its envoy" in doc.content


def test_fetch_gets_pages_of_items_without_full_text(tmp_path):
    routes = {"/protest": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())}
    with serve(routes) as (base, seen):
        feed = RSS.format(base=base).encode()
        routes["/feed.rss"] = (200, {"Content-Type": "application/rss+xml"}, feed)
        items = list(read_paths([base + "/feed.rss"], fetch=True))
    water, protest = items
    assert "river levels" in water.content  # had full content: not fetched
    assert protest.content == PAGE and protest.content_type == "html"
    assert protest.title == "Protest outside parliament" and protest.published == date(2025, 3, 13)
    # robots.txt is asked once for the run, before the first page of the host
    assert [r["path"] for r in seen] == ["/robots.txt", "/feed.rss", "/protest"]


def test_fetch_failure_is_a_record_for_that_item(tmp_path):
    with serve({}) as (base, _):
        path = tmp_path / "f.xml"
        path.write_text(RSS.format(base=base), encoding="utf-8")
        water, protest = read_feed(str(path), fetch=True, settings=Settings(fetch_private=True))
    assert isinstance(water, Document)
    assert isinstance(protest, Failed) and protest.kind == "http_error"


def test_fetch_refuses_feed_links_to_private_addresses(tmp_path):
    # A feed file whose item points at this machine (as a cloud metadata address would)
    routes = {"/protest": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())}
    with serve(routes) as (base, seen):
        path = tmp_path / "f.xml"
        path.write_text(RSS.format(base=base), encoding="utf-8")
        water, protest = read_feed(str(path), fetch=True)
    assert isinstance(water, Document)
    assert isinstance(protest, Failed) and protest.kind == "address_refused"
    assert seen == []  # refused before any request was made


def test_a_redirect_from_the_feeds_host_to_a_private_address_is_refused():
    from newsevents.ingest.urls import fetch_url

    with serve({}) as (inner, inner_seen):
        routes = {"/protest": (302, {"Location": inner.replace("127.0.0.1", "localhost")
                                     + "/secret"}, b"")}
        with serve(routes) as (base, _):
            page = fetch_url(base + "/protest", found_in=base + "/feed.rss")
    assert isinstance(page, Failed) and page.kind == "address_refused"
    assert inner_seen == []


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>&d;</title><description>&d;&d;&d;</description></item></channel></rss>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><description>&x;</description></item>
</channel></rss>"""


def test_entity_expansion_and_external_entities_are_refused(tmp_path):
    for name, text in (("bomb.xml", BOMB), ("xxe.rss", XXE)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        items = list(read_feed(str(path)))
        assert len(items) == 1
        assert isinstance(items[0], Failed) and items[0].kind == "unsafe_xml"


def test_broken_empty_and_oversized_feeds(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("this is not xml at all", encoding="utf-8")
    empty = tmp_path / "empty.rss"
    empty.write_text('<rss version="2.0"><channel><title>t</title></channel></rss>')
    big = tmp_path / "big.rss"
    big.write_text(RSS.format(base="http://x"), encoding="utf-8")
    (b,) = read_feed(str(broken))
    (e,) = read_feed(str(empty))
    (g,) = read_feed(str(big), settings=Settings(max_bytes=200))
    (m,) = read_feed(str(tmp_path / "missing.rss"))
    assert isinstance(b, Failed) and b.kind == "bad_feed"
    assert isinstance(e, Skipped) and e.reason == "empty"
    assert isinstance(g, Skipped) and g.reason == "too_large"
    assert isinstance(m, Failed) and m.kind == "read_error"


def test_lenient_parsing_of_a_slightly_broken_feed(tmp_path):
    # an unescaped ampersand makes it ill-formed XML; feedparser still reads it
    text = RSS.format(base="http://x").replace("Ministers meet", "Ministers & envoys meet")
    path = tmp_path / "loose.rss"
    path.write_text(text, encoding="utf-8")
    items = list(read_feed(str(path)))
    assert len(items) == 2 and all(isinstance(i, Document) for i in items)
    assert items[0].title.startswith("Ministers")


def test_body_that_names_a_file_is_not_read_from_disk(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text(RSS.format(base="http://leak"), encoding="utf-8")
    routes = {"/feed": (200, {"Content-Type": "application/rss+xml"}, str(secret).encode())}
    with serve(routes) as (base, _):
        items = list(read_paths([base + "/feed"]))
    assert len(items) == 1 and isinstance(items[0], Failed)


def test_extract_command_with_fetch(capsys):
    import json

    from newsevents.cli import main

    routes = {"/protest": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())}
    with serve(routes) as (base, seen):
        routes["/feed.rss"] = (200, {"Content-Type": "application/rss+xml"},
                               RSS.format(base=base).encode())
        assert main(["extract", base + "/feed.rss", "--fetch", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["article"]["url"] for r in records] == [base + "/water", base + "/protest"]
    assert "fuel taxes" in records[1]["article"]["text"]  # the fetched page, not the summary
    # robots.txt is asked once for the run, before the first page of the host
    assert [r["path"] for r in seen] == ["/robots.txt", "/feed.rss", "/protest"]


def test_html_bodies_become_paragraphs_of_plain_text():
    from newsevents.ingest.feeds import fragment_text

    html = ("<p>Kestria&#8217;s envoy <b>left</b> Orlen.</p><script>alert(1)</script>"
            "<p>Talks &amp; trade<br/>were suspended.</p>")
    assert fragment_text(html) == "Kestria\u2019s envoy left Orlen.\n\nTalks & trade\n\nwere suspended."
    assert fragment_text("Plain words, no tags.") == "Plain words, no tags."


def test_fetched_pages_come_back_in_feed_order_while_downloads_overlap():
    import threading

    from newsevents.config import FetchPolicy

    active, most = [0], [0]
    lock, release = threading.Lock(), threading.Event()

    def page(n):
        def respond(handler):
            with lock:
                active[0] += 1
                most[0] = max(most[0], active[0])
                if active[0] >= 3:
                    release.set()  # three downloads at once: let them all finish
            release.wait(timeout=5)
            body = PAGE.replace("Hundreds of farmers", f"Crowd number {n}").encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html; charset=utf-8")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            with lock:
                active[0] -= 1
        return respond

    routes = {f"/p{n}": page(n) for n in range(6)}
    with serve(routes) as (base, _):
        items = "".join(f"<item><title>t{n}</title><link>{base}/p{n}</link></item>"
                        for n in range(6))
        routes["/feed.rss"] = (200, {"Content-Type": "application/rss+xml"},
                               f'<rss version="2.0"><channel><title>c</title>{items}'
                               '</channel></rss>'.encode())
        polite = Settings(fetch=FetchPolicy(per_host=3, delay=0))
        docs = list(read_paths([base + "/feed.rss"], fetch=True, settings=polite))
    assert [f"Crowd number {n}" in d.content for n, d in enumerate(docs)] == [True] * 6
    assert most[0] == 3  # not one download after the other, nor more than per_host at once
