"""What the pages make of the store's rows: links, labels, pairs, summaries.

Every query is :mod:`newsevents.store.queries` (the one query API of the CLI,
the Python API and the web app); this module holds no SQL.  It only shapes
the rows for the templates: the actor links of a page of reports, a story's
status counts as sorted pairs, a contradiction as a left and a right side with
a label, a figure's label, an actor's activity summary.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from ..store import queries as store_queries
from ..store.filters import EventFilter
from ..stories.figures import bound_label
from .charts import Counterpart

KIND_LABELS = {"denial": "A claim and its denial", "figures": "Conflicting figures"}
RULE_LABELS = {"denial": "a claim and its denial", "negation": "a claim and its negation",
               "accusation rejected": "an accusation and its rejection",
               "conflicting figures": "conflicting figures"}


def events_page(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict[str, Any]]:
    """One page of event reports matching ``f``, each with its ``actors`` links
    (role -> [(name, actor key)])."""
    found = store_queries.report_page(con, f)
    links = store_queries.actor_links(con, [r["eid"] for r in found])
    for r in found:
        r["actors"] = links.get(r["eid"], {})
    return found


def why_of(raw: str | None) -> dict[str, Any]:
    """A stored ``why`` (JSON text) as a dict; empty when absent or unreadable."""
    try:
        found = json.loads(raw) if raw else {}
    except ValueError:
        found = {}
    return found if isinstance(found, dict) else {}


def with_statuses(story: dict[str, Any]) -> dict[str, Any]:
    """``statuses`` (stored as a JSON object of counts) as [(status, n)], most frequent first."""
    try:
        counts = json.loads(story.get("statuses") or "{}")
    except ValueError:
        counts = {}
    story["statuses"] = sorted(((str(k), int(v)) for k, v in counts.items()),
                               key=lambda kv: (-kv[1], kv[0]))
    return story


def with_why(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Story report rows with ``why`` read from its JSON text."""
    for r in reports:
        r["why"] = why_of(r["why"])
    return reports


def with_figure_labels(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figure rows with ``figure``: value, bounds and estimate mark as pages show them."""
    for r in figures:
        r["figure"] = bound_label(r["value"], r["min_value"], r["max_value"], r["approx"])
    return figures


def contradiction_pairs(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Contradiction rows as pairs: a ``left`` and a ``right`` side (each with its figure),
    a ``kind_label``, and the ``why`` fields that say something."""
    out = []
    for r in found:
        why = why_of(r["why"])
        left = {k: r[f"a_{k}"] for k in store_queries.CONTRADICTION_SIDE}
        right = {k: r[f"b_{k}"] for k in store_queries.CONTRADICTION_SIDE}
        left["figure"], right["figure"] = why.pop("figure_a", None), why.pop("figure_b", None)
        series = why.pop("series", [])
        why.pop("ranges", None)
        rule = r["rule"] or r["kind"]
        out.append({"kind": r["kind"], "note": r["note"], "story_id": r["story_id"],
                    "what": r["what"], "strength": r["strength"],
                    "kind_label": RULE_LABELS.get(rule, KIND_LABELS.get(r["kind"], str(rule))),
                    "why": {k: v for k, v in why.items() if v not in (None, "", [])},
                    "series": series, "left": left, "right": right})
    return out


def summarise_activity(activity: list[tuple]) -> dict[str, Any]:
    """Timeline rows, counts by type, total and first/last dates from
    :func:`newsevents.store.queries.actor_activity`."""
    by_type: dict[str, int] = {}
    for _, etype, n, _, _ in activity:
        by_type[etype] = by_type.get(etype, 0) + int(n)
    firsts = [r[3] for r in activity if r[3] is not None]
    lasts = [r[4] for r in activity if r[4] is not None]
    return {
        "timeline": [(m, t, n) for m, t, n, _, _ in activity if m],
        "by_type": sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])),
        "n_events": sum(by_type.values()),
        "first_seen": str(min(firsts)) if firsts else None,
        "last_seen": str(max(lasts)) if lasts else None,
    }


def counterparts(found: list[tuple[str, str | None, int, int]]) -> list[Counterpart]:
    """:func:`newsevents.store.queries.actor_counterparts` rows for the network chart
    (an actor without a name is shown by its key)."""
    return [Counterpart(k, n or k, out, inc) for k, n, out, inc in found]
