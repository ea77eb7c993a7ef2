"""Factuality suite: offsets, buckets, reading, scoring and the token it judges."""

from __future__ import annotations

import json
import math

import pytest

from newsevents.evaluate import factuality as fa


def test_token_offsets_follow_whitespace_split():
    text = "Talks  resumed\tin Geneva ."
    offsets = fa.token_offsets(text)
    assert [text[a:b] for a, b in offsets] == text.split()
    assert offsets[1] == (7, 14)


@pytest.mark.parametrize("value, expected", [
    (3.0, "factual"), (2.5, "factual"), (2.4, "uncertain"), (0.0, "uncertain"),
    (-0.9, "uncertain"), (-1.0, "negated"), (-3.0, "negated")])
def test_buckets(value, expected):
    assert fa.bucket(value) == expected


def test_read_corpus_maps_token_spans_to_characters_and_drops_bad_ones(tmp_path):
    path = tmp_path / "dev.jsonl"
    rows = [
        {"text": "The ferry may sail tomorrow .", "targets": [
            {"span1": [3, 4], "label": 0.8, "span_text": "sail"},
            {"span1": [7, 9], "label": 3.0, "span_text": "out of range"}]},
        {"text": "Nothing to score here .", "targets": []},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    corpus = fa.read_corpus(path)
    assert len(corpus) == 1
    text, targets = corpus[0]
    assert [(text[t.start:t.end], t.gold) for t in targets] == [("sail", 0.8)]


def test_corpus_scores_by_hand(monkeypatch):
    # the hand computation below assumes these two certainties (records.STATUS_CERTAINTY is fitted)
    monkeypatch.setitem(fa.STATUS_CERTAINTY, "asserted", 3.0)
    monkeypatch.setitem(fa.STATUS_CERTAINTY, "negated", -3.0)
    per_sentence = [[(3.0, "asserted")], [(-3.0, "negated")], [(1.0, "asserted")]]
    scores = {s.metric: s for s in fa.corpus_scores("toy", per_sentence)}
    # gold 3, -3, 1 against certainty 3, -3, 3
    assert scores["toy_mae"].value == pytest.approx(2 / 3)
    assert scores["toy_mae"].higher_is_better is False
    assert scores["toy_pearson_r"].value == pytest.approx(20 / math.sqrt(168 / 9 * 24))
    # buckets: factual P 1/2 R 1 -> 2/3; negated 1; uncertain 0
    assert scores["toy_macro_f1"].value == pytest.approx((2 / 3 + 1 + 0) / 3)
    assert all(s.n == 3 and s.noise is not None for s in scores.values())


def test_predict_judges_the_gold_token(pipeline):
    sentences = []
    for text, word in [("The council did not approve the new harbour fees .", "approve"),
                       ("The council approved the new harbour fees on Monday .", "approved"),
                       ("The council might approve the new harbour fees .", "approve")]:
        i = text.split().index(word)
        sentences.append(fa.read_corpus_line(text, [(i, i + 1, 0.0)]))
    statuses = [s for sent in fa.predict(sentences, pipeline) for _, s in sent]
    assert statuses[0] == "negated"
    assert statuses[1] in {"asserted", "reported"}
    assert statuses[2] not in {"asserted", "reported", "negated", "denied"}


def test_detokenize_rebuilds_running_text_and_keeps_token_offsets():
    tokens = "`` The port would n't reopen , '' a Harbour - based official said ( briefly ) .".split()
    text, offsets = fa.detokenize(tokens)
    assert text == "\u201cThe port wouldn't reopen,\u201d a Harbour-based official said (briefly)."
    pieces = [text[a:b] for a, b in offsets]
    assert pieces[3:5] == ["would", "n't"] and pieces[0] == "\u201c" and pieces[7] == "\u201d"
    assert len(offsets) == len(tokens)


def test_detokenize_alternates_straight_quotes():
    text, _ = fa.detokenize('He called it " a mistake " and left .'.split())
    assert text == 'He called it "a mistake" and left.'
