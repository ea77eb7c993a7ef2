"""Figures of one event: bounds, conflicts and series.

A quantity keeps the bound its qualifier states (contract 1.1): "at least 12"
is ``min=12``, "up to 300" ``max=300``, "about 40" ``approx``, an exact "15"
``min=max=15``.  Two figures *agree* when the ranges they allow overlap
("at least 12" and "15"); they *conflict* when they cannot both be true
("more than 1,400" and "1,200").  An estimate ("about", "nearly") allows
``APPROX`` either side of its number.

A toll that rises over the days is an *update*, not a contradiction: when a
later-published figure lies wholly above an earlier one, the pair goes into
the quantity's series; only figures that disagree on the same day, or a later
figure below an earlier one, are conflicting figures.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import duckdb

from .reports import Report

#: Relative slack of an estimate ("about 40" allows 36 to 44).
APPROX = 0.1
#: At most this many figures of one quantity of one story are compared pairwise.
MAX_FIGURES = 50


@dataclass(frozen=True, slots=True)
class Figure:
    """One number of one report, with its bounds."""

    report: Report
    value: float
    min: float | None
    max: float | None
    approx: bool
    text: str | None

    def range(self) -> tuple[float, float]:
        """The values the text allows."""
        if self.min is None and self.max is None:
            lo = hi = self.value  # exact, or a record without bounds (read as exact)
        else:
            lo = self.min if self.min is not None else 0.0
            hi = self.max if self.max is not None else math.inf
        if self.approx:
            lo, hi = lo * (1 - APPROX), hi * (1 + APPROX)
        return lo, hi

    def label(self) -> str:
        return bound_label(self.value, self.min, self.max, self.approx)


def _num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


def bound_label(value: float | None, lo: float | None, hi: float | None,
                approx: bool | None) -> str:
    """A figure as shown to a reader: "≥ 12", "≤ 300", "≈ 40", "15"."""
    if value is None:
        return ""
    n = _num(value)
    if lo is not None and hi is None:
        return f"≳ {n}" if approx else f"≥ {n}"
    if hi is not None and lo is None:
        return f"≲ {n}" if approx else f"≤ {n}"
    return f"≈ {n}" if approx else n


def agree(a: Figure, b: Figure) -> bool:
    """Whether two figures can both be true."""
    (a0, a1), (b0, b1) = a.range(), b.range()
    return a0 <= b1 and b0 <= a1


def is_update(earlier: Figure, later: Figure) -> bool:
    """A later-published figure wholly above an earlier one: the toll rose."""
    e, l = earlier.report.published, later.report.published
    return e is not None and l is not None and l > e and later.range()[0] > earlier.range()[1]


def load_figures(con: duckdb.DuckDBPyConnection, by_eid: dict[int, Report],
                 story_of: dict[int, str]) -> dict[tuple[str, str, str], list[Figure]]:
    """Figures per (story, what, unit), in publication order."""
    rows = con.execute("SELECT q.eid, q.what, q.unit, q.value, q.min_value, q.max_value, "
                       "q.approx, q.text FROM quantities q JOIN events e ON e.eid = q.eid "
                       "WHERE e.latest ORDER BY q.eid, q.start_char").fetchall()
    groups: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for eid, what, unit, value, lo, hi, approx, text in rows:
        r = by_eid.get(eid)
        if r is not None and value is not None and eid in story_of:
            groups[(story_of[eid], what or "", unit or "")].append(
                Figure(r, float(value), lo, hi, bool(approx), text))
    for items in groups.values():
        items.sort(key=lambda f: (f.report.published or date.max, f.report.eid))
    return groups


def _independent(a: Figure, b: Figure) -> bool:
    """Figures from different articles, or from different speakers of one article."""
    ra, rb = a.report, b.report
    return ra.article_id != rb.article_id or {s.key for s in ra.speakers} != {
        s.key for s in rb.speakers}


def _who(f: Figure) -> str:
    r = f.report
    return ", ".join(s.name for s in r.speakers) or f"(the article, {r.outlet or '?'})"


def series(items: list[Figure]) -> list[dict]:
    """The figures of one quantity as a reader's series: when published, what, who says it."""
    return [{"published": f.report.published, "figure": f.label(), "by": _who(f),
             "outlet": f.report.outlet, "event": f.report.uid} for f in items]


def conflicts(con: duckdb.DuckDBPyConnection, by_eid: dict[int, Report],
              story_of: dict[int, str]) -> list[dict]:
    """Conflicting figures for one quantity of one event, each with why."""
    out = []
    for (sid, what, unit), items in load_figures(con, by_eid, story_of).items():
        items = items[:MAX_FIGURES]
        done: set[tuple[str, str]] = set()
        shown: list[dict] | None = None  # the group's series, built at its first conflict
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if agree(a, b) or not _independent(a, b) or is_update(a, b):
                    continue
                key = (a.label(), b.label())
                if key in done:
                    continue
                done.add(key)
                when = ("same day" if a.report.published == b.report.published else
                        "the later figure is lower")
                if shown is None:
                    shown = series(items)
                why = {"rule": "conflicting figures", "quantity": what, "unit": unit,
                       "story": sid, "figure_a": a.label(), "by_a": _who(a),
                       "figure_b": b.label(), "by_b": _who(b), "ranges": [a.range(), b.range()],
                       "when": when, "series": shown}
                out.append({"kind": "figures", "rule": "conflicting figures", "a_eid": a.report.eid,
                            "b_eid": b.report.eid, "story_id": sid,
                            "what": f"{what} ({unit})" if unit else what,
                            "value_a": a.value, "value_b": b.value,
                            "note": f"{a.label()} vs {b.label()} ({when})",
                            "why": json.dumps(why, default=str, ensure_ascii=False),
                            "strength": 3 if a.report.article_id != b.report.article_id else 2})
    return out


__all__ = ["Figure", "APPROX", "agree", "is_update", "bound_label", "conflicts", "series",
           "load_figures"]
