"""Metrics against small cases computed by hand."""

from __future__ import annotations

import math

import pytest

from newsevents.evaluate import metrics as m
from newsevents.records import Span


def test_exact_span_matching_counts_one_to_one():
    # gold: (0,5) (10,15) (20,25); pred: (0,5) hit, (10,14) miss, (0,5) duplicate
    prf = m.match_spans([(0, 5), (10, 14), (0, 5)], [(0, 5), (10, 15), (20, 25)])
    assert (prf.matched_pred, prf.n_pred, prf.matched_gold, prf.n_gold) == (1, 3, 1, 3)
    assert prf.precision == pytest.approx(1 / 3)
    assert prf.recall == pytest.approx(1 / 3)
    assert prf.f1 == pytest.approx(1 / 3)


def test_overlap_matching_counts_each_side_separately():
    # one long prediction covers two gold spans; another prediction misses
    prf = m.match_spans([(0, 30), (40, 45)], [(2, 8), (12, 20), (50, 55)], mode="overlap")
    assert prf.precision == pytest.approx(1 / 2)
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_overlap_on_space_or_punctuation_only_is_no_token_overlap():
    text = "Ministers met, then left."
    # "met," ends at 14 (comma at 13); "then" starts at 15: sharing the comma is not a token
    assert m.spans_overlap((10, 14), (13, 19), text) is False
    assert m.spans_overlap((10, 14), (12, 19), text) is True
    assert m.spans_overlap((10, 14), (13, 19)) is True  # without text any character counts


def test_spans_may_be_records():
    text = "Aid arrived today."
    prf = m.match_spans([Span.of(text, 0, 3)], [Span.of(text, 0, 3), Span.of(text, 4, 11)])
    assert (prf.precision, prf.recall) == (1.0, 0.5)


def test_prf_adds_over_documents_and_handles_empty():
    total = m.total([m.PRF(1, 2, 1, 4), m.PRF(3, 3, 2, 2)])
    assert total == m.PRF(4, 5, 3, 6)
    assert total.precision == pytest.approx(0.8) and total.recall == pytest.approx(0.5)
    assert m.PRF().f1 == 0.0
    with pytest.raises(ValueError):
        m.match_spans([(0, 1)], [(0, 1)], mode="fuzzy")


def test_accuracy_and_macro_f1():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "b"]
    assert m.accuracy(gold, pred) == 0.5
    # a: P 1/1 R 1/2 -> 2/3; b: P 1/3 R 1/1 -> 1/2; c: 0
    per = m.per_class_f1(gold, pred)
    assert per == pytest.approx({"a": 2 / 3, "b": 0.5, "c": 0.0})
    assert m.macro_f1(gold, pred) == pytest.approx((2 / 3 + 0.5) / 3)
    # a label never seen in gold still counts when asked for
    assert m.macro_f1(gold, pred, labels=["a", "b", "c", "d"]) == pytest.approx((2 / 3 + 0.5) / 4)
    with pytest.raises(ValueError):
        m.accuracy(["a"], [])


def test_pearson_and_mae():
    assert m.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert m.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # x = 1,2,3,4; y = 1,3,2,4: cov sum 4, var sums 5 and 5 -> r = 0.8
    assert m.pearson([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)
    assert m.pearson([1, 1, 1], [1, 2, 3]) == 0.0
    assert m.mae([3, -3, 0], [2.5, -1, 0]) == pytest.approx((0.5 + 2 + 0) / 3)


def test_shingles_of_short_and_long_texts():
    assert m.shingles("one two three four five") == {("one", "two", "three", "four"): 1,
                                                      ("two", "three", "four", "five"): 1}
    assert m.shingles("only two") == {("only", "two"): 1}
    assert m.shingles("") == {}


def test_shingle_counts_are_normalised_per_page():
    # gold has 3 shingles (a b c d / b c d e / c d e f); pred 3 (a b c d / b c d x / c d x y)
    tp, fp, fn = m.shingle_counts("a b c d e f", "a b c d x y")
    assert (tp, fp, fn) == pytest.approx((1 / 5, 2 / 5, 2 / 5))
    assert m.shingle_counts("", "") == (0.0, 0.0, 0.0)


def test_shingle_prf_averages_pages_then_takes_harmonic_mean():
    perfect = m.shingle_counts("w x y z", "w x y z")       # P = R = 1
    nothing = m.shingle_counts("w x y z v", "")             # no prediction: recall 0, no precision
    half = (0.5, 0.5, 0.0)                                  # P = 0.5, R = 1
    p, r, f = m.shingle_prf([perfect, nothing, half])
    assert p == pytest.approx((1 + 0.5) / 2)                # 'nothing' has no precision term
    assert r == pytest.approx((1 + 0 + 1) / 3)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_bootstrap_std_is_zero_for_constant_units_and_reproducible():
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    assert m.bootstrap_std([2.0] * 10, mean) == 0.0
    units = [0.0, 1.0] * 20
    a = m.bootstrap_std(units, mean, rounds=300, seed=1)
    assert a == m.bootstrap_std(units, mean, rounds=300, seed=1)
    # standard error of a mean of 40 fair coin flips: 0.5 / sqrt(40) ~ 0.079
    assert a == pytest.approx(0.5 / math.sqrt(40), rel=0.25)
