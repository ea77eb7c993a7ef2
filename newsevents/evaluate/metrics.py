"""Metrics of the evaluation harness, in plain Python (no numpy needed).

* span matching: :func:`match_spans` counts exact and token-overlap matches of
  predicted against gold spans into a :class:`PRF` (add PRFs over documents
  for micro-averaged precision, recall and F1);
* labels: :func:`accuracy`, :func:`per_class_f1`, :func:`macro_f1`;
* scores: :func:`pearson`, :func:`mae`;
* article extraction: :func:`shingle_counts` and :func:`shingle_prf`, the
  word-4-gram ("shingle") measure of the article-extraction benchmark;
* noise: :func:`bootstrap_std` resamples documents to estimate how much a
  figure moves by chance, which the quality gate tolerates.

Spans are anything with ``start`` and ``end`` attributes (``records.Span``)
or ``(start, end)`` pairs of character offsets, end exclusive.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable, Literal, Sequence, TypeVar

T = TypeVar("T")
Matching = Literal["exact", "overlap"]


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts behind precision and recall.

    Precision and recall are counted separately because with overlap matching
    one predicted span may match several gold spans and vice versa:
    ``matched_pred`` predicted spans of ``n_pred`` found a gold partner,
    ``matched_gold`` gold spans of ``n_gold`` were found.
    """

    matched_pred: int = 0
    n_pred: int = 0
    matched_gold: int = 0
    n_gold: int = 0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.matched_pred + other.matched_pred, self.n_pred + other.n_pred,
                   self.matched_gold + other.matched_gold, self.n_gold + other.n_gold)

    @property
    def precision(self) -> float:
        """Share of predictions that match; 0 when nothing was predicted."""
        return self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found; 0 when there is no gold item."""
        return self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_of(self.precision, self.recall)


def f1_of(precision: float, recall: float) -> float:
    """Harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def total(prfs: Iterable[PRF]) -> PRF:
    """Sum of per-document counts (micro-averaging)."""
    out = PRF()
    for p in prfs:
        out = out + p
    return out


def _bounds(span: Any) -> tuple[int, int]:
    if hasattr(span, "start") and hasattr(span, "end"):
        return int(span.start), int(span.end)
    start, end = span
    return int(start), int(end)


_WORD = re.compile(r"\w")


def spans_overlap(a: Any, b: Any, text: str | None = None) -> bool:
    """Whether spans ``a`` and ``b`` share a token.

    With ``text`` the shared stretch must hold a word character, so spans
    that only touch on a space or a punctuation mark do not count; without
    it any shared character counts.
    """
    a0, a1 = _bounds(a)
    b0, b1 = _bounds(b)
    lo, hi = max(a0, b0), min(a1, b1)
    if lo >= hi:
        return False
    return text is None or _WORD.search(text, lo, hi) is not None


def match_spans(pred: Sequence[Any], gold: Sequence[Any], mode: Matching = "exact",
                text: str | None = None) -> PRF:
    """Count matches of predicted ``pred`` against ``gold`` spans of one document.

    ``exact``: same start and end, one-to-one (a duplicate prediction counts
    once as a hit and once as a miss).  ``overlap``: a predicted span is
    correct when it shares a token with some gold span (see
    :func:`spans_overlap`), and a gold span is found when some prediction
    shares a token with it.
    """
    pb = [_bounds(s) for s in pred]
    gb = [_bounds(s) for s in gold]
    if mode == "exact":
        common = sum((Counter(pb) & Counter(gb)).values())
        return PRF(common, len(pb), common, len(gb))
    if mode != "overlap":
        raise ValueError(f"unknown matching mode {mode!r}")
    hit_pred = sum(1 for p in pb if any(spans_overlap(p, g, text) for g in gb))
    hit_gold = sum(1 for g in gb if any(spans_overlap(p, g, text) for p in pb))
    return PRF(hit_pred, len(pb), hit_gold, len(gb))


# --- labels -------------------------------------------------------------------

def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Share of positions where ``pred`` equals ``gold`` (0 for no items)."""
    _same_length(gold, pred)
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, pred)) / len(gold)


def per_class_f1(gold: Sequence[Hashable], pred: Sequence[Hashable],
                 labels: Iterable[Hashable] | None = None) -> dict[Hashable, float]:
    """F1 of each label, treating it as the positive class.

    ``labels`` fixes which classes are reported (default: those in ``gold``);
    a predicted label outside them still counts as a miss for the gold one.
    """
    _same_length(gold, pred)
    classes = list(labels) if labels is not None else sorted(set(gold), key=str)
    out: dict[Hashable, float] = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        n_pred = sum(1 for p in pred if p == c)
        n_gold = sum(1 for g in gold if g == c)
        out[c] = PRF(tp, n_pred, tp, n_gold).f1
    return out


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable],
             labels: Iterable[Hashable] | None = None) -> float:
    """Unweighted mean of :func:`per_class_f1` over the classes."""
    scores = per_class_f1(gold, pred, labels)
    return sum(scores.values()) / len(scores) if scores else 0.0


# --- scores -------------------------------------------------------------------

def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation of ``xs`` and ``ys``; 0 when either is constant."""
    _same_length(xs, ys)
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def mae(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Mean absolute difference of ``xs`` and ``ys`` (0 for no items)."""
    _same_length(xs, ys)
    return sum(abs(x - y) for x, y in zip(xs, ys)) / len(xs) if xs else 0.0


def _same_length(a: Sequence[Any], b: Sequence[Any]) -> None:
    if len(a) != len(b):
        raise ValueError(f"sequences differ in length: {len(a)} vs {len(b)}")


# --- article extraction: shingles ---------------------------------------------

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of word ``n``-grams of ``text``.

    Words are runs of word characters, case kept.  A text shorter than ``n``
    words gives one shorter shingle, so short texts can still match.
    """
    words = _TOKEN.findall(text or "")
    grams = (tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_counts(gold: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """``(tp, fp, fn)`` of the shingles of ``pred`` against ``gold``.

    Counts are normalised to sum to 1 so that every page weighs the same in
    :func:`shingle_prf`, whatever its length.
    """
    g, p = shingles(gold, n), shingles(pred, n)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:  # both texts empty, or identical
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def shingle_prf(pages: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pages, as the benchmark computes them.

    Precision is the mean of the per-page precisions over pages where
    something was predicted, recall the mean per-page recall over pages with
    gold text; F1 is the harmonic mean of those two means.
    """
    precs = [_page_precision(*c) for c in pages if c[0] + c[1] > 0]
    recs = [_page_recall(*c) for c in pages if c[0] + c[2] > 0]
    precision = sum(precs) / len(precs) if precs else 0.0
    recall = sum(recs) / len(recs) if recs else 0.0
    return precision, recall, f1_of(precision, recall)


# --- noise --------------------------------------------------------------------

def bootstrap_std(units: Sequence[T], statistic: Callable[[Sequence[T]], float],
                  rounds: int = 200, seed: int = 0) -> float:
    """Standard deviation of ``statistic`` over bootstrap resamples of ``units``.

    ``units`` are the independent pieces of a suite (documents, sentences);
    ``statistic`` recomputes the figure from a resample.  The seed is fixed so
    the same data always gives the same noise.
    """
    n = len(units)
    if n < 2 or rounds < 2:
        return 0.0
    rng = random.Random(seed)
    values = [statistic([units[rng.randrange(n)] for _ in range(n)]) for _ in range(rounds)]
    mean = sum(values) / rounds
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (rounds - 1))
