"""Fetching over http(s) from a local server; refused schemes and oversized bodies."""

from __future__ import annotations

import time

import pytest
from _http import serve

from newsevents.config import FetchPolicy, Settings
from newsevents.ingest import read_paths
from newsevents.ingest.fetcher import user_agent
from newsevents.ingest.feeds import read_url
from newsevents.ingest.urls import fetch_url, is_url
from newsevents.records import Document, Failed, Skipped

PAGE = ("<html><head><title>Border talks</title></head><body><article><p>Envoys from Valdora "
        "and Kestria agreed on Monday to reopen two border crossings, the Valdoran foreign "
        "ministry said.</p></article></body></html>").encode()


def test_page_is_fetched_with_user_agent_and_charset():
    latin = "<html><body><p>Caf\u00e9 owners in Valdora protested.</p></body></html>"
    routes = {"/a": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
              "/latin": (200, {"Content-Type": "text/html; charset=iso-8859-1"},
                         latin.encode("latin-1")),
              "/plain": (200, {"Content-Type": "text/plain"}, b"Kestria recalled its envoy.")}
    with serve(routes) as (base, seen):
        doc = fetch_url(base + "/a")
        latin_doc = fetch_url(base + "/latin")
        plain = fetch_url(base + "/plain")
    assert isinstance(doc, Document) and doc.content_type == "html"
    assert doc.content == PAGE.decode() and doc.url == base + "/a" and doc.source == base + "/a"
    assert latin_doc.content == latin
    assert plain.content_type == "text" and plain.content == "Kestria recalled its envoy."
    agent = user_agent(FetchPolicy())  # the default settings' user agent
    assert {r["user-agent"] for r in seen} == {agent}  # robots.txt and pages alike
    assert agent.startswith("newsevents/") and "(+http" in agent


def test_redirect_within_http_is_followed_but_not_to_file():
    routes = {"/old": (301, {"Location": "/new"}, b""),
              "/new": (200, {"Content-Type": "text/html"}, PAGE),
              "/evil": (302, {"Location": "file:///etc/passwd"}, b""),
              "/ftp": (302, {"Location": "ftp://127.0.0.1/x"}, b"")}
    with serve(routes) as (base, _):
        moved = fetch_url(base + "/old")
        evil = fetch_url(base + "/evil")
        ftp = fetch_url(base + "/ftp")
    assert isinstance(moved, Document) and moved.url == base + "/new"
    for bad in (evil, ftp):
        assert isinstance(bad, Failed) and bad.kind == "scheme_refused"
        assert "root:" not in bad.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x",
                                 "data:text/html,<p>hi</p>", "gopher://x", "http:///nohost"])
def test_other_schemes_are_refused_without_io(url):
    out = fetch_url(url)
    assert isinstance(out, Failed) and out.kind in ("scheme_refused", "bad_url")


def test_oversized_response_is_cut_and_reported():
    streamed = []

    def endless(handler):  # no Content-Length: the cap must stop the download itself
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(50_000):  # 50 MB: far more than loopback socket buffers hold
                handler.wfile.write(b"<p>" + b"x" * 1021 + b"</p>")
                streamed.append(1)
        except (BrokenPipeError, ConnectionResetError):
            pass

    routes = {"/big": (200, {"Content-Type": "text/html"}, b"y" * 50_000), "/endless": endless}
    with serve(routes) as (base, _):
        declared = fetch_url(base + "/big", max_bytes=10_000)
        endless_out = fetch_url(base + "/endless", settings=Settings(max_bytes=20_000))
    for out in (declared, endless_out):
        assert isinstance(out, Skipped) and out.reason == "too_large"
        assert "download cut" in out.detail
    assert len(streamed) < 50_000  # the client hung up instead of reading 50 MB


def test_http_errors_timeouts_and_binary_are_records():
    def slow(handler):
        time.sleep(1.5)
        handler.send_response(200)
        handler.end_headers()

    routes = {"/png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n"),
              "/bin": (200, {"Content-Type": "text/html"}, b"\x00\x01\x02" * 100),
              "/slow": slow}
    with serve(routes) as (base, _):
        missing = fetch_url(base + "/missing")
        png = fetch_url(base + "/png")
        binary = fetch_url(base + "/bin")
        late = fetch_url(base + "/slow", timeout=0.3)
    assert isinstance(missing, Failed) and missing.kind == "http_error" and "404" in missing.message
    assert isinstance(png, Skipped) and png.reason == "unsupported_content_type"
    assert isinstance(binary, Failed) and binary.kind == "binary"
    assert isinstance(late, Failed) and late.kind == "timeout"
    quick = Settings(fetch=FetchPolicy(backoff=0.01))  # connection errors are retried
    refused = fetch_url("http://127.0.0.1:9/", settings=quick)  # nothing listens on the discard port
    assert isinstance(refused, Failed) and refused.kind == "network_error"


def test_read_paths_dispatches_pages_and_feed_urls():
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Kestria Daily</title>"
            b"<item><title>Envoy recalled</title><link>http://127.0.0.1/x</link>"
            b"<description>Kestria recalled its envoy from Valdora.</description></item>"
            b"</channel></rss>")
    routes = {"/page": (200, {"Content-Type": "text/html"}, PAGE),
              "/feed": (200, {"Content-Type": "application/rss+xml"}, feed)}
    with serve(routes) as (base, _):
        items = list(read_paths([base + "/page", base + "/feed"]))
        direct = list(read_url(base + "/feed"))
    assert [type(i) for i in items] == [Document, Document]
    assert items[0].content_type == "html" and items[1].outlet == "Kestria Daily"
    assert direct == items[1:]


def test_is_url():
    assert is_url("http://x.test/a") and is_url("file:///etc/passwd")
    assert not is_url("news/a.html") and not is_url("C:\\news\\a.html")
