import gzip
import io
import json
from datetime import date

import pytest

from newsevents.config import Settings
from newsevents.ingest import read_paths
from newsevents.ingest.decode import decode, looks_binary
from newsevents.ingest.sources import parse_date, read_stdin
from newsevents.records import Document, Failed, Skipped


def test_directory_is_read_recursively_in_order_with_unknown_files_reported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "b" / "c.html").write_text("<html><body><p>Second</p></body></html>")
    (tmp_path / "b" / "d.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_paths([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Skipped"]
    assert items[0].content == "First story." and items[0].content_type == "text"
    assert items[1].content_type == "html"
    assert items[2].reason == "unsupported_format"


def test_jsonl_records_keep_order_metadata_and_report_bad_lines(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Alpha.", "url": "https://n.example/1", "title": "T",
                    "published": "2024-05-02T10:00:00Z", "outlet": "Wire"}),
        "{not json",
        json.dumps({"id": 7, "html": "<p>Beta</p>"}),
        json.dumps(["a list"]),
        json.dumps({"id": "x4", "text": 12}),
        "",
        json.dumps({"id": "x5", "text": "   "}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([path], published=date(2020, 1, 1)))
    assert len(items) == 6  # the blank line is not a record
    a, bad_json, b, not_obj, wrong_type, empty = items
    assert (a.id, a.url, a.title, a.outlet, a.published) == (
        "x1", "https://n.example/1", "T", "Wire", date(2024, 5, 2))
    assert isinstance(bad_json, Failed) and bad_json.kind == "bad_json" and bad_json.source.endswith(":2")
    assert b.content_type == "html" and b.id == "7" and b.published == date(2020, 1, 1)
    assert isinstance(not_obj, Failed) and not_obj.kind == "bad_record"
    assert isinstance(wrong_type, Failed) and wrong_type.kind == "bad_record"
    assert isinstance(empty, Skipped) and empty.reason == "empty"


def test_gzip_truncated_and_bomb_are_records_not_exceptions(tmp_path):
    good = tmp_path / "ok.txt.gz"
    good.write_bytes(gzip.compress("Ministers met.".encode()))
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(b"<p>" + b"x" * 5000)[:40])
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    settings = Settings(max_bytes=1_000_000)
    ok, bad, big = list(read_paths([good, broken, bomb], settings=settings))
    assert isinstance(ok, Document) and ok.content == "Ministers met."
    assert isinstance(bad, Failed) and bad.kind == "bad_gzip"
    assert isinstance(big, Skipped) and big.reason == "too_large"


def test_non_utf8_text_is_decoded_and_binary_is_refused(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre a déclaré que la réunion aurait lieu à Genève.".encode("cp1252"))
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    doc, junk = list(read_paths([latin, binary]))
    assert "déclaré" in doc.content and "Genève" in doc.content
    assert isinstance(junk, Failed) and junk.kind == "binary"


def test_decode_honours_boms_and_detects_binary():
    assert decode("\ufeffHello".encode("utf-8")) == "Hello"
    assert decode("Salut".encode("utf-16")) == "Salut"
    assert looks_binary(b"\x00\x01\x02 some text")
    assert not looks_binary("plain words\n".encode())


def test_stdin_text_and_jsonl():
    text = list(read_stdin(io.BytesIO(b"A plain story."), None, Settings()))
    assert [d.content for d in text] == ["A plain story."]
    lines = list(read_stdin(io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n'), None, Settings()))
    assert [d.content for d in lines] == ["One.", "Two."]
    assert lines[1].source == "<stdin>:2"


def test_missing_path_is_a_failed_record():
    (item,) = list(read_paths(["/definitely/not/here.txt"]))
    assert isinstance(item, Failed) and item.kind == "not_found"


@pytest.mark.parametrize("value,expected", [
    ("2024-03-01", date(2024, 3, 1)), ("2024-03-01T23:10:00+02:00", date(2024, 3, 1)),
    ("2024-03-01T05:00:00Z", date(2024, 3, 1)), ("yesterday", None), (20240301, None), (None, None)])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_language_model_that_cannot_load_keeps_documents(monkeypatch):
    from newsevents.ingest import language

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    language.identifier.cache_clear()
    monkeypatch.setattr("py3langid.langid.LanguageIdentifier.from_model_file", broken)
    try:
        assert language.detect("Die Regierung hat am Montag neue Regeln beschlossen, sagte ein "
                               "Sprecher in Berlin.") == (None, 0.0)
    finally:
        monkeypatch.undo()
        language.identifier.cache_clear()
    assert language.detect("Die Regierung hat am Montag neue Regeln beschlossen, sagte ein "
                           "Sprecher in Berlin.")[0] == "de"


def test_a_run_of_local_files_makes_no_fetcher_and_a_feed_makes_one(tmp_path, monkeypatch):
    from newsevents.ingest import fetcher as fetcher_module

    made = []

    class Counting(fetcher_module.Fetcher):
        def __init__(self, *args, **kw):
            made.append(1)
            super().__init__(*args, **kw)

    monkeypatch.setattr(fetcher_module, "Fetcher", Counting)
    (tmp_path / "a.txt").write_text("The council met.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "The envoy left."}\n', encoding="utf-8")
    assert len(list(read_paths([tmp_path / "a.txt", tmp_path / "b.jsonl"]))) == 2
    assert made == []
    (tmp_path / "f.rss").write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>Talks</title>'
        "<description>The ministers met in Valdora on Monday.</description></item>"
        "</channel></rss>", encoding="utf-8")
    items = list(read_paths([tmp_path / "a.txt", tmp_path / "f.rss", tmp_path / "b.jsonl"]))
    assert len(items) == 3 and made == [1]  # one for the run, made at the feed
