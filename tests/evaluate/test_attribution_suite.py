"""The PolNeAR attribution suite: brat reading and scoring on invented files;
a small real run when ../shared/data is present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsevents.evaluate.attribution import (
    SUITE, GoldAttribution, Scorer, annotator_agreement, read_ann, read_polnear, score_split,
)
from newsevents.records import Attribution, AttributionSource, Span

DATA = Path(os.environ.get("NEWSEVENTS_DATA", Path(__file__).resolve().parents[2] / ".." / "shared" / "data"))

TEXT = 'Ana Ruiz said the port was closed. "We are ready," the mayor told us.'
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789


def _ann(tmp_path: Path) -> Path:
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 0 8\tAna Ruiz\n"
        "T2\tCue 9 13\tsaid\n"
        "T3\tContent 14 33\tthe port was closed\n"
        "T4\tAttribution 9 13\tsaid\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        "T5\tContent 35 50\t\"We are ready,\"\n"
        "T6\tSource 51 60\tthe mayor\n"
        "T7\tCue 61 65\ttold\n"
        "T8\tAttribution 61 65\ttold\n"
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n",
        encoding="utf-8")
    return ann


def _att(id_, kind, cue, contents, source=None):
    sp = lambda s, e: Span.of(TEXT, s, e)  # noqa: E731
    src = AttributionSource(sp(*source)) if source else None
    return Attribution(id=id_, kind=kind, cue=sp(*cue), contents=tuple(sp(*c) for c in contents), source=src)


def test_read_ann_ties_roles_even_when_defined_after_the_event(tmp_path):
    gold = read_ann(_ann(tmp_path))
    assert gold == (
        GoldAttribution(cue=((9, 13),), content=((14, 33),), source=((0, 8),)),
        GoldAttribution(cue=((61, 65),), content=((35, 50),), source=((51, 60),)),
    )


def test_perfect_prediction_scores_one(tmp_path):
    gold = read_ann(_ann(tmp_path))
    pred = [_att("Q1", "indirect", (9, 13), [(14, 33)], (0, 8)),
            _att("Q2", "direct", (61, 65), [(35, 50)], (51, 60))]
    s = Scorer()
    s.add(TEXT, gold, pred)
    table = s.scores()
    for key in ("cue_exact", "source_exact", "content_exact", "content_overlap", "attribution_full", "direct_quote"):
        assert table[key]["f1"] == pytest.approx(1.0), key
    assert table["direct_speaker"]["accuracy"] == 1.0


def test_partial_prediction(tmp_path):
    gold = read_ann(_ann(tmp_path))
    # right cue, content one word short, wrong source; the quote is missed
    pred = [_att("Q1", "indirect", (9, 13), [(18, 33)], (51, 60))]
    s = Scorer()
    s.add(TEXT, gold, pred)
    t = s.scores()
    assert t["cue_exact"]["p"] == 1.0 and t["cue_exact"]["r"] == 0.5
    assert t["content_exact"]["f1"] == 0.0
    assert 0.0 < t["content_overlap"]["f1"] < 1.0
    assert t["attribution_full"]["f1"] == 0.0  # gold has a source and it does not overlap
    assert t["direct_quote"]["r"] == 0.0


def test_merging_per_document_scorers_equals_one_scorer(tmp_path):
    gold = read_ann(_ann(tmp_path))
    pred = [_att("Q1", "indirect", (9, 13), [(14, 33)], (0, 8))]
    one = Scorer()
    one.add(TEXT, gold, pred)
    one.add(TEXT, gold, [])
    parts = []
    for p in (pred, []):
        part = Scorer()
        part.add(TEXT, gold, p)
        parts.append(part)
    assert Scorer.merged(parts).scores() == one.scores()


def test_failed_analysis_counts_as_no_prediction(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    _ann(tmp_path).rename(tmp_path / "attributions" / "doc_x1.ann")
    docs = read_polnear(tmp_path)
    assert [d.name for d in docs] == ["doc"]
    parts = score_split(docs, [object()])
    assert Scorer.merged(parts).scores()["cue_exact"]["r"] == 0.0


def test_annotator_agreement_scores_the_second_file_of_an_article_against_the_first(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (split / "text" / "alone.txt").write_text(TEXT, encoding="utf-8")
    _ann(tmp_path).rename(split / "attributions" / "doc_a1.ann")
    # the second annotator marked "told us" as the second cue and missed the first attribution
    (split / "attributions" / "doc_b2.ann").write_text(
        "T5\tContent 35 50\t\"We are ready,\"\n"
        "T6\tSource 51 60\tthe mayor\n"
        "T7\tCue 61 68\ttold us\n"
        "E2\tAttribution:T7 Content:T5 Cue:T7 Source:T6\n", encoding="utf-8")
    # an article with one annotator only does not count
    _ann(tmp_path).rename(split / "attributions" / "alone_a1.ann")
    table, n = annotator_agreement(tmp_path)
    assert n == 1
    assert table["cue_exact"]["p"] == 0.0 and table["cue_exact"]["r"] == 0.0
    assert table["source_exact"]["p"] == 1.0 and table["source_exact"]["r"] == 0.5
    assert table["direct_quote"]["f1"] == pytest.approx(1.0)


@pytest.mark.skipif(not (DATA / "polnear" / "dev").is_dir(), reason="PolNeAR gold data not present")
def test_suite_on_a_slice_of_polnear_dev(nlp, tmp_path):
    """A real run on five dev articles: the rules must find most direct quotes."""
    from newsevents.coding.attribution.attribution import AttributionStage
    from newsevents.pipeline import Pipeline

    dev = DATA / "polnear" / "dev"
    docs = read_polnear(dev)[:5]
    pipe = Pipeline(nlp=nlp, stages=[AttributionStage()])
    table = Scorer.merged(score_split(docs, pipe.analyse([d.text for d in docs]))).scores()
    assert table["direct_quote"]["f1"] > 0.6
    assert table["cue_exact"]["f1"] > 0.4
    assert SUITE.name == "attribution" and SUITE.needs == ("polnear/dev",)
