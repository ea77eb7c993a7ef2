"""The pipeline's contract: order, per-document records, offsets, schema."""

import json
from datetime import date
from pathlib import Path

import pytest

import newsevents
from newsevents.contract import from_json, to_json, validate
from newsevents.errors import SkipDocument, UsageError
from newsevents.pipeline import Pipeline
from newsevents.records import ArticleResult, Document, Failed, Skipped

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


@pytest.fixture(scope="module")
def example_outcomes(pipe):
    return list(pipe.extract_paths([EXAMPLES], published="2025-03-14"))


def test_outcomes_keep_input_order_and_one_per_document(pipe):
    docs = [Document(source="a", content="The talks in Geneva ended on Friday without a deal."),
            Document(source="b", content="   "),
            Document(source="c", content="Die Regierung in Berlin hat am Montag neue Regeln für "
                                         "die Einwanderung beschlossen, sagte ein Sprecher."),
            Document(source="d", content="<html><body></body></html>", content_type="html"),
            Document(source="e", content="Police arrested two men in Lagos on Sunday.")]
    out = list(pipe.run(docs))
    assert [o.source if not isinstance(o, ArticleResult) else o.article.source for o in out] == list("abcde")
    assert isinstance(out[0], ArticleResult) and isinstance(out[4], ArticleResult)
    assert (out[1].reason, out[2].reason) == ("empty", "not_english")
    assert isinstance(out[3], Failed)


def test_every_example_output_satisfies_the_schema_and_spans_slice_the_text(example_outcomes):
    assert len(example_outcomes) == 6  # five files, one of them JSONL with two records
    for outcome in example_outcomes:
        record = to_json(outcome)
        validate(record)
        assert from_json(json.loads(json.dumps(record))) == outcome


def test_examples_yield_events_with_evidence_inside_the_text(example_outcomes):
    results = [o for o in example_outcomes if isinstance(o, ArticleResult)]
    assert len(results) == 6
    assert sum(len(r.events) for r in results) >= 12
    for r in results:
        for e in r.events:
            assert e.evidence.contains(e.trigger)
            for actor_id in e.source + e.target + e.attributed_to + e.via:
                r.actor(actor_id)  # raises KeyError for a dangling id


def test_nothing_inside_removed_text_is_coded(example_outcomes):
    for r in example_outcomes:
        removed = [x.span for x in r.removed]
        spans = [m for a in r.actors for m in a.mentions] + [e.trigger for e in r.events]
        spans += [a.cue for a in r.attributions]
        assert not any(s.overlaps(x) for s in spans for x in removed)


def test_plain_text_is_kept_verbatim(tmp_path, pipe):
    raw = "Trending on Example: Quiz\r\nWhy it matters: Iran\u200b denied it.\r\n\r\nTalks resume."
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    (out,) = list(pipe.extract_paths([path]))
    assert out.article.text == raw
    assert [r.reason for r in out.removed] == ["promo", "section_kicker"]


def test_publication_date_comes_from_the_document_or_the_fallback(tmp_path, pipe):
    path = tmp_path / "w.jsonl"
    path.write_text('{"text": "Ministers met.", "published": "2024-01-05"}\n{"text": "Envoys met."}\n')
    a, b = list(pipe.extract_paths([path], published="2023-06-30"))
    assert a.article.published == date(2024, 1, 5)
    assert b.article.published == date(2023, 6, 30)
    (c,) = list(pipe.extract_paths([tmp_path / "w.jsonl"]))[1:]
    assert c.article.published is None


def test_extract_api_accepts_text_and_raises_for_skips():
    result = newsevents.extract("Police arrested two protesters in Lima on Sunday.",
                                published=date(2024, 7, 8))
    assert result.article.published == date(2024, 7, 8)
    with pytest.raises(SkipDocument):
        newsevents.extract("    ")
    with pytest.raises(UsageError):
        newsevents.extract("Text.", published="08/07/2024")


def test_size_cap_skips_with_reason():
    small = Pipeline(newsevents.Settings(max_chars=50), stages=[])
    (out,) = list(small.run([Document(source="big", content="Word " * 40)]))
    assert isinstance(out, Skipped) and out.reason == "too_large"


def test_chunks_join_back_to_the_text_and_end_at_breaks():
    from newsevents.pipeline import chunk_text

    text = ("Para one is here.\n" * 50) + ("word " * 400) + "end"
    pieces = chunk_text(text, size=300)
    assert "".join(pieces) == text
    assert all(len(p) <= 300 for p in pieces)
    assert all(p.endswith(("\n", " ")) for p in pieces[:-1])


def test_long_document_is_parsed_in_chunks_with_exact_offsets(pipe, monkeypatch):
    from newsevents import pipeline as P

    monkeypatch.setattr(P, "CHUNK_CHARS", 400)  # the same code path as a multi-MB article
    body = "".join(f"Officials in Quito said {i} soldiers were deployed to Peru.\n" for i in range(40))
    (out,) = list(pipe.run([Document(source="long", content=body)]))
    assert isinstance(out, ArticleResult)
    validate(to_json(out))
    whole = Pipeline(stages=pipe.stages)  # same stages, no chunking
    monkeypatch.setattr(P, "CHUNK_CHARS", 1_000_000)
    (ref,) = list(whole.run([Document(source="long", content=body)]))
    assert [(e.type, e.trigger) for e in out.events] == [(e.type, e.trigger) for e in ref.events]
    assert len(out.events) >= 20
