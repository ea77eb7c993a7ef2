"""Hostile inputs end in a clear record, never a traceback or a hang."""

import gzip

import pytest

from newsevents.config import Settings
from newsevents.contract import to_json, validate
from newsevents.pipeline import Pipeline
from newsevents.records import ArticleResult, Document, Failed, Skipped


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Settings(max_bytes=2_000_000, max_chars=500_000))


def only(outcomes):
    (o,) = list(outcomes)
    validate(to_json(o))
    return o


def test_gzip_bomb_is_cut_at_the_cap_with_a_skip_record(tmp_path, pipe):
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        for _ in range(200):
            fh.write(b"<p>" + b"A" * 100_000 + b"</p>")
    assert bomb.stat().st_size < 100_000
    o = only(pipe.extract_paths([bomb]))
    assert isinstance(o, Skipped) and o.reason == "too_large"


def test_oversized_text_file_is_skipped(tmp_path, pipe):
    big = tmp_path / "big.txt"
    big.write_text("The council met. " * 200_000)
    o = only(pipe.extract_paths([big]))
    assert isinstance(o, Skipped) and o.reason == "too_large"


def test_binary_junk_named_txt(tmp_path, pipe):
    junk = tmp_path / "report.txt"
    junk.write_bytes(gzip.compress(b"x" * 1000) * 3)
    o = only(pipe.extract_paths([junk]))
    assert isinstance(o, Failed) and o.kind == "binary"


def test_one_huge_paragraph_is_coded(pipe):
    # a single line of over 100,000 characters: parsed in chunks cut at spaces
    text = ("Officials in Lima said protesters were detained " + "and released " * 8500
            + "on Sunday.")
    assert len(text) > 100_000 and "\n" not in text
    o = only(pipe.run([Document(source="para", content=text)]))
    assert isinstance(o, ArticleResult)


def test_ten_thousand_quotation_marks(pipe):
    text = 'The minister said "' + '"' * 10_000 + ' and then left Cairo.'
    o = only(pipe.run([Document(source="quotes", content=text)]))
    assert isinstance(o, ArticleResult)


def test_many_short_lines(pipe):
    text = "\n".join("Talks." for _ in range(10_000))
    o = only(pipe.run([Document(source="lines", content=text)]))
    assert isinstance(o, ArticleResult)
