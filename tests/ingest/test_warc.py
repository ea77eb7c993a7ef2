"""WARC reader: records generated here with warcio, plus hand-broken archives."""

from __future__ import annotations

import gzip
from datetime import date
from io import BytesIO

import pytest

from newsevents.config import Settings
from newsevents.ingest.warc import is_warc, read_warc
from newsevents.records import Document, Failed, Skipped

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE_A = ("<html><head><title>Harbour talks</title></head><body><p>Delegates from Norland and "
          "Suderia met in the port city of Kessa on Tuesday to discuss fishing rights.</p>"
          "</body></html>")
PAGE_B = ("<html><body><p>The Suderian foreign ministry said on Friday that it would send "
          "two envoys to the talks.</p></body></html>")


def _write(path, records, gz=False, date_="2025-03-14T10:00:00Z", offsets=None):
    """Write ``records`` as a WARC; ``offsets`` (a list) gets each record's start."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, ctype, body, status in records:
            if offsets is not None:
                offsets.append(fh.tell())
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=BytesIO(body),
                                            http_headers=http,
                                            warc_headers_dict={"WARC-Date": date_})
            writer.write_record(rec)
    return path


def _raw_record(uri, body: bytes, length: int | None = None) -> bytes:
    """A response record without digests; ``length`` may lie about the block size."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    n = len(block) if length is None else length
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2025-01-02T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {n}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


MIXED = [
    ("http://news.example/a", "text/html; charset=utf-8", PAGE_A.encode(), "200 OK"),
    ("http://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "200 OK"),
    ("http://news.example/b", "text/html; charset=iso-8859-1", PAGE_B.encode("latin-1"), "200 OK"),
    ("http://news.example/old", "text/html", b"<html>moved</html>", "301 Moved Permanently"),
]


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_documents_with_uri_and_date(tmp_path, gz):
    path = _write(tmp_path / ("a.warc.gz" if gz else "a.warc"), MIXED, gz=gz)
    items = list(read_warc(path))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == ["http://news.example/a", "http://news.example/b"]
    assert all(d.published == date(2025, 3, 14) and d.content_type == "html" for d in docs)
    assert docs[0].content == PAGE_A and docs[1].content == PAGE_B
    skips = {i.reason for i in items if isinstance(i, Skipped)}
    assert skips == {"not_html", "http_status"}
    assert len(items) == 4  # nothing dropped silently
    assert len({i.source for i in items}) == 4  # sources tell records apart


def test_non_document_records_are_passed_over(tmp_path):
    path = tmp_path / "req.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        writer.write_record(writer.create_warcinfo_record("req.warc", {"software": "test"}))
        req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record("http://news.example/a", "request",
                                                      payload=BytesIO(b""), http_headers=req))
    assert list(read_warc(path)) == []


def test_record_longer_than_the_file_is_failed(tmp_path):
    good = _raw_record("http://news.example/ok", PAGE_A.encode())
    liar = _raw_record("http://news.example/liar", PAGE_B.encode(), length=10_000)
    path = tmp_path / "liar.warc"
    path.write_bytes(good + liar[:-4])
    items = list(read_warc(path))
    assert isinstance(items[0], Document) and items[0].url == "http://news.example/ok"
    assert isinstance(items[-1], Failed) and items[-1].kind == "truncated_record"
    assert not any(isinstance(i, Document) and i.url.endswith("liar") for i in items)


def test_record_shorter_than_its_content_is_failed_not_a_crash(tmp_path):
    block_len = len(_raw_record("u", PAGE_A.encode()).split(b"\r\n\r\n", 1)[1]) - 4
    liar = _raw_record("http://news.example/liar", PAGE_A.encode(), length=block_len - 60)
    after = _raw_record("http://news.example/after", PAGE_B.encode())
    path = tmp_path / "short.warc"
    path.write_bytes(liar + after)
    items = list(read_warc(path))
    assert items, "a broken archive must still yield records"
    assert isinstance(items[0], Failed) and items[0].kind == "bad_record_length"
    assert "news.example/liar" in items[0].message
    # warcio resynchronises on the next record, which is intact
    assert isinstance(items[-1], Document) and items[-1].url == "http://news.example/after"
    assert items[-1].content == PAGE_B


def test_digest_mismatch_is_failed(tmp_path):
    path = _write(tmp_path / "d.warc", MIXED[:1])
    data = path.read_bytes().replace(b"Norland", b"Nurland")  # same length, other bytes
    path.write_bytes(data)
    (item,) = read_warc(path)
    assert isinstance(item, Failed) and item.kind == "digest_mismatch"


def test_oversized_payload_is_skipped(tmp_path):
    path = _write(tmp_path / "big.warc.gz", MIXED[:3], gz=True)
    assert len(PAGE_A) > len(PAGE_B) + 20
    cap = (len(PAGE_A) + len(PAGE_B)) // 2  # PAGE_A is over the cap, PAGE_B is not
    items = list(read_warc(path, settings=Settings(max_bytes=cap)))
    too_large = [i for i in items if isinstance(i, Skipped) and i.reason == "too_large"]
    assert len(too_large) == 1 and "news.example/a" in too_large[0].detail
    assert any(isinstance(i, Document) and i.url.endswith("/b") for i in items)


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_archive_and_missing_file_do_not_raise(tmp_path, gz):
    offsets: list[int] = []
    path = _write(tmp_path / ("t.warc.gz" if gz else "t.warc"), MIXED, gz=gz, offsets=offsets)
    data = path.read_bytes()
    # cut inside the gzip member of page b, an HTML page read in full: a cut at half the
    # file fell on a member boundary now and then (record ids are random, so sizes vary),
    # which leaves a shorter but valid archive
    path.write_bytes(data[: offsets[2] + (offsets[3] - offsets[2]) // 2])
    items = list(read_warc(path))
    assert isinstance(items[-1], Failed)
    (missing,) = read_warc(tmp_path / "nope.warc")
    assert isinstance(missing, Failed) and missing.kind == "read_error"


def test_garbage_file_is_one_failure(tmp_path):
    path = tmp_path / "g.warc.gz"
    path.write_bytes(gzip.compress(b"this is not an archive\n" * 10))
    items = list(read_warc(path))
    assert len(items) == 1 and isinstance(items[0], Failed) and items[0].kind == "bad_warc"


def test_is_warc():
    assert is_warc("x/CC-NEWS-2025.warc.gz") and is_warc("a.WARC")
    assert not is_warc("a.html") and not is_warc("warc.txt")


def test_reading_is_streaming_not_whole_file(tmp_path):
    import tracemalloc

    body = ("<html><body>" + "<p>Kestria and Valdora held talks on fishing quotas.</p>" * 80
            + "</body></html>").encode()  # about 4.5 kB a record
    records = [(f"http://news.example/{i}", "text/html", body, "200 OK") for i in range(1500)]
    path = _write(tmp_path / "many.warc.gz", records, gz=True)
    tracemalloc.start()
    try:
        count = 0
        for item in read_warc(path):
            assert isinstance(item, Document)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 1500
    assert peak < 1_000_000 < 1500 * len(body)  # a few records' worth, not the 6.7 MB archive


def test_wet_conversion_records_and_read_paths_dispatch(tmp_path):
    from newsevents.ingest import read_paths

    path = tmp_path / "c.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        text = "Norland and Suderia agreed on Friday to extend the ceasefire by a month."
        rec = writer.create_warc_record("http://news.example/wet", "conversion",
                                        payload=BytesIO(text.encode()),
                                        warc_content_type="text/plain",
                                        warc_headers_dict={"WARC-Date": "2024-11-02T00:00:00Z"})
        writer.write_record(rec)
    (doc,) = read_paths([path])
    assert isinstance(doc, Document) and doc.content_type == "text" and doc.content == text
    assert doc.published == date(2024, 11, 2) and doc.url == "http://news.example/wet"
