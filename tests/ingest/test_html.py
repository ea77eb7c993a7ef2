"""HTML extraction and decoding on invented pages, including bad input."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest import read_file
from newsevents.ingest.clean import analysis_text, clean
from newsevents.ingest.decode import decode, declared_in_html
from newsevents.ingest.html import extract_html
from newsevents.ingest.sources import read_paths
from newsevents.records import Document, Failed, Skipped

PARAS = [
    "The regional assembly of Northmere approved a new budget for its ferry services on "
    "Thursday, ending a dispute that had left two island routes without winter sailings.",
    "Members voted forty-one to nine after a debate that ran late into the evening, and the "
    "transport minister said the first extra crossings would run before the end of the month.",
    "Island councils had warned that schools and clinics would struggle without the ferries, "
    "and several of them sent delegations to watch the vote from the public gallery.",
]
NAV = "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(12))


def page(body: str, head: str = "", charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html><html><head>{meta}<title>Northmere ferry budget approved</title>"
            f"{head}</head><body><nav><ul>{NAV}</ul></nav>{body}"
            f"<footer><a href='/about'>About us</a></footer></body></html>")


def article(extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"<article><h1>Northmere ferry budget approved</h1>{paras}{extra}</article>"


def test_body_title_date_and_site_name_come_from_the_page():
    head = ('<meta property="og:site_name" content="Northmere Courier">'
            '<meta property="article:published_time" content="2024-11-07T09:30:00Z">')
    found = extract_html(page(article(), head), url="https://courier.example/ferries")
    assert all(p in found.text for p in PARAS)
    assert found.title == "Northmere ferry budget approved"
    assert found.published == date(2024, 11, 7)
    assert found.sitename == "Northmere Courier"
    assert "Section number" not in found.text


def test_the_headline_is_the_title_not_a_line_of_the_body():
    found = extract_html(page(article()))
    assert found.title == "Northmere ferry budget approved"
    assert "Northmere ferry budget approved" not in found.text


def test_table_rows_are_in_the_text_but_not_in_what_the_parser_sees():
    table = ("<table><tr><th>Route</th><th>Sailings</th></tr>"
             "<tr><td>Northmere to Skellan</td><td>14</td></tr>"
             "<tr><td>Northmere to Orra</td><td>9</td></tr></table>")
    text = extract_html(page(article(table))).text
    assert "Northmere to Skellan" in text  # the extractor's output, unchanged
    removed = clean(text)
    rows = [text[r.span.start:r.span.end] for r in removed if r.reason == "table"]
    assert any("Northmere to Skellan" in r for r in rows)
    seen = analysis_text(text, removed)
    assert "Skellan" not in seen and PARAS[0] in seen


def test_a_one_cell_layout_table_is_prose_for_the_parser():
    text = "| The minister said the crossings would run before the end of the month. |"
    assert clean(text) == []


def test_broken_markup_still_yields_the_body():
    html = ("<html><body><div><p>" + PARAS[0] + "<p>" + PARAS[1] + "</div></span><p>"
            + PARAS[2] + "<table><tr><td>")  # unclosed tags, stray end tags, no </html>
    text = extract_html(html).text
    assert PARAS[0] in text and PARAS[2] in text


def test_a_body_swallowed_by_an_unclosed_headline_is_still_found():
    # the precision run leaves the <h1> out; the balanced retry sees the whole page
    html = ("<html><body><h1>Northmere ferry budget approved<div>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></body></html>")
    assert PARAS[1] in extract_html(html).text


@pytest.mark.parametrize("html", [
    "<html><head><title>Empty</title></head><body></body></html>",
    "<html><body>   </body></html>",
    "",
    "<<<>>>",
])
def test_empty_bodies_are_a_clear_no_text_error(html):
    with pytest.raises(InputError) as err:
        extract_html(html)
    assert err.value.kind in ("no_text", "html")


def test_a_page_of_navigation_only_is_an_error_record_not_a_traceback(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text(page(""), encoding="utf-8")
    (doc,) = list(read_paths([path]))
    with pytest.raises(InputError) as err:
        extract_html(doc.content)
    assert err.value.kind == "no_text"


def test_deep_nesting_is_an_error_or_text_never_a_crash():
    html = "<div>" * 20_000 + "<p>" + PARAS[0] + "</p>" + "</div>" * 20_000
    try:
        text = extract_html(html).text
    except InputError as exc:
        assert exc.kind in ("html", "no_text")
    else:
        assert "Northmere" in text


# --- decoding -----------------------------------------------------------------

def test_utf8_page_labelled_latin1_comes_out_right(tmp_path):
    body = "<p>Zoë Ångström met the café owners in Malmö – “a fair deal”, she said.</p>"
    html = page(body, charset="iso-8859-1")
    data = html.encode("utf-8")
    assert decode(data) == html  # the <meta> label is wrong: UTF-8 goes first
    assert decode(data, declared="latin-1") == html  # so is the HTTP header's
    path = tmp_path / "p.html"
    path.write_bytes(data)
    (doc,) = list(read_file(path))
    assert "Zoë Ångström" in doc.content and "“a fair deal”" in doc.content


def test_latin1_label_is_read_as_windows_1252():
    html = page("<p>The mayor’s “final offer” – rejected.</p>", charset="ISO-8859-1")
    data = html.encode("cp1252")
    assert decode(data) == html
    assert decode(data, declared="iso-8859-1") == html


def test_meta_charset_is_used_when_bytes_are_not_utf8():
    html = page("<p>Переговоры в Северном продолжатся в пятницу.</p>", charset="windows-1251")
    data = html.encode("cp1251")
    assert declared_in_html(data) == "windows-1251"
    assert decode(data) == html


def test_an_unknown_declared_charset_falls_back_to_detection():
    data = "Café owners met the mayor.".encode("cp1252")
    assert "Caf" in decode(data, declared="x-no-such-charset")


# --- gzip -----------------------------------------------------------------------

def test_gzip_bomb_in_a_jsonl_line_is_skipped_without_reading_it_whole(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"text": "' + b"A" * 3_000_000 + b'"}\n')
        fh.write(b'{"text": "The assembly met on Thursday."}\n')
    items = list(read_file(path, settings=Settings(max_bytes=100_000)))
    assert isinstance(items[0], Skipped) and items[0].reason == "too_large"
    assert isinstance(items[1], Document) and items[1].content.startswith("The assembly")
    assert len(items) == 2


def test_a_truncated_gzip_file_is_a_failed_record(tmp_path):
    whole = gzip.compress(page(article()).encode("utf-8") * 20)
    for name in ("cut.html.gz", "cut.jsonl.gz"):
        path = tmp_path / name
        path.write_bytes(whole[: len(whole) // 2])
        items = list(read_file(path))
        assert items and all(isinstance(i, (Failed, Skipped, Document)) for i in items)
        assert isinstance(items[-1], Failed) and items[-1].kind == "bad_gzip"


def test_a_gz_file_that_is_not_gzip_is_bad_gzip_whatever_it_holds(tmp_path):
    for name in ("plain.txt.gz", "plain.jsonl.gz"):
        path = tmp_path / name
        path.write_bytes(b'{"text": "Not compressed at all."}\n')
        items = list(read_file(path))
        assert len(items) == 1 and isinstance(items[0], Failed), name
        assert items[0].kind == "bad_gzip" and "broken gzip stream" in items[0].message, name
