"""Incremental rebuild: recompute only what new (or superseded) reports can change.

Stories are built in date order, each report joining the first open story
whose seed it matches (:func:`.grouping.group`), so a report changes nothing
that comes before it.  After new articles, the *dirty* reports are the new
ones and those of superseded article versions; ``t0``, the earliest of them
in the build order, splits the reports in two:

* before ``t0`` every report keeps its stored story; the stories still open
  at ``t0`` are restored from the reports of the ``LOAD_MARGIN`` days before
  it (a seed older than its window can take no new report);
* from ``t0`` on, reports are grouped again.

Then only the *touched* stories (that gained or lost a report) are written
again, with their figures and speech-act links, and only the denials whose
reach (``DENIAL_REACH`` days) includes ``t0`` are linked again.  The result
is the full rebuild's, row for row (tests/stories/test_incremental.py); its
cost grows with the reports after ``t0``: small when news arrive in date
order, the whole store when a late article is about a day long past.
"""

from __future__ import annotations

from datetime import timedelta

import duckdb
import pyarrow as pa

from .contradictions import COLUMNS, LOOKBACK_DAYS, denials, is_denial
from .figures import conflicts
from .grouping import group, speech_links, story_id, story_rows
from .reports import MAX_EVENT_DAYS, SINCE, Report, load_reports, sort_key

#: How far after a denial's own date the claims it can answer reach (see contradictions).
DENIAL_REACH = 7 + LOOKBACK_DAYS + 7 + MAX_EVENT_DAYS
#: Reports loaded before ``t0``: the open stories and every claim a relinked denial can see.
LOAD_MARGIN = 2 * (DENIAL_REACH + MAX_EVENT_DAYS)


def _ids(con: duckdb.DuckDBPyConnection, name: str, values) -> None:
    con.register(name, pa.table({"v": pa.array(sorted(set(values)), pa.string()
                                                if name == "_arts" else pa.int64())}))


def _dirty(con: duckdb.DuckDBPyConnection) -> tuple[list[int], list[int]]:
    new = con.execute("SELECT e.eid FROM events e WHERE e.latest AND NOT EXISTS "
                      "(SELECT 1 FROM story_events s WHERE s.eid = e.eid)").fetchall()
    gone = con.execute("SELECT s.eid FROM story_events s WHERE NOT EXISTS "
                       "(SELECT 1 FROM events e WHERE e.eid = s.eid AND e.latest)").fetchall()
    return [x for (x,) in new], [x for (x,) in gone]


def _stored(con: duckdb.DuckDBPyConnection, eids) -> dict[int, tuple[str, str | None]]:
    _ids(con, "_eids", eids)
    try:
        rows = con.execute("SELECT eid, story_id, why FROM story_events "
                           "WHERE eid IN (SELECT v FROM _eids)").fetchall()
    finally:
        con.unregister("_eids")
    return {e: (s, w) for e, s, w in rows}


def plan(con: duckdb.DuckDBPyConnection, window: int, denial_window: int) -> dict | None:
    """What to recompute (see the module docstring); ``None`` when a full rebuild is needed."""
    new, gone = _dirty(con)
    if not new and not gone:
        return {"tables": {}, "touched": set(), "relinked": set(), "gone": set()}
    _ids(con, "_dirtyq", new + gone)
    try:
        changed = load_reports(con, "e.eid IN (SELECT v FROM _dirtyq)")
    finally:
        con.unregister("_dirtyq")
    if len(changed) < len(new) + len(gone):
        return None  # events removed outright: their dates are unknown
    t0 = min(changed, key=sort_key)
    fresh = {r.eid for r in changed if r.eid not in set(gone)}
    reports = [r for r in changed if r.eid in fresh and r.when is None]
    if t0.when is not None:
        cut = t0.when - timedelta(days=LOAD_MARGIN)
        reports += load_reports(con, SINCE, [cut, cut])
    reports = list({r.eid: r for r in reports}.values())
    reports.sort(key=sort_key)
    return _recompute(con, reports, t0, set(gone), window, denial_window)


def _recompute(con, reports: list[Report], t0: Report, gone: set[int], window: int,
               denial_window: int) -> dict:
    stored = _stored(con, [r.eid for r in reports] + list(gone))
    k0 = sort_key(t0)
    fixed = {r.eid: stored[r.eid] for r in reports if sort_key(r) < k0 and r.eid in stored}
    redone = {r.eid for r in reports if r.eid not in fixed}
    stories = group(reports, window, fixed)
    story_of = {e: s for e, (s, _) in fixed.items()}
    for story in stories:
        sid = story_id(story)
        story_of.update((m.eid, sid) for m in story.members)
    touched = {stored[e][0] for e in redone | gone if e in stored}
    touched |= {story_of[e] for e in redone}
    kept = [s for s in stories if story_id(s) in touched]
    s_rows, se_rows = story_rows(kept, window)
    members = {m.eid: m for s in kept for m in s.members}
    reach = None if t0.when is None else t0.when - timedelta(days=DENIAL_REACH)
    relinked = {r.eid for r in reports if is_denial(r) and reach is not None
                and r.when is not None and r.when >= reach}
    contra = denials(reports, story_of, denial_window, only=relinked)
    contra += conflicts(con, members, {e: story_of[e] for e in members})
    links = _speech_links(con, members, redone, reports, story_of, touched)
    return {"tables": {"stories": s_rows, "story_events": se_rows, "story_links": links,
                       "contradictions": {c: [r.get(c) for r in contra] for c in COLUMNS}},
            "touched": touched, "relinked": relinked, "gone": gone}


def _speech_links(con, members: dict[int, Report], redone: set[int], reports: list[Report],
                  story_of: dict[int, str], touched: set[str]) -> dict[str, list]:
    """Speech-act links of the articles that hold a report of a touched story."""
    arts = {m.article_id for m in members.values()}
    arts |= {r.article_id for r in reports if r.eid in redone}
    _ids(con, "_arts", arts)
    try:
        in_arts = load_reports(con, "e.latest AND e.article_id IN (SELECT v FROM _arts)")
    finally:
        con.unregister("_arts")
    known = _stored(con, [r.eid for r in in_arts if r.eid not in story_of])
    sids = {**{e: s for e, (s, _) in known.items()}, **story_of}
    cols = speech_links([r for r in in_arts if r.eid in sids], sids)
    keep = [i for i, (a, b) in enumerate(zip(cols["story_id"], cols["about_story_id"]))
            if a in touched or b in touched]
    return {k: [v[i] for i in keep] for k, v in cols.items()}


def write(con: duckdb.DuckDBPyConnection, done: dict, insert) -> None:
    """Replace the touched stories' rows and the relinked denials' links (in one transaction,
    with ``insert(con, tables)`` adding the new rows)."""
    touched, relinked, gone = done["touched"], done["relinked"], done["gone"]
    _ids(con, "_gone", gone)
    _ids(con, "_relinked", relinked)
    con.register("_touched", pa.table({"v": pa.array(sorted(touched), pa.string())}))
    try:
        for sql in (
            "DELETE FROM stories WHERE story_id IN (SELECT v FROM _touched)",
            "DELETE FROM story_events WHERE story_id IN (SELECT v FROM _touched) "
            "OR eid IN (SELECT v FROM _gone)",
            "DELETE FROM story_links WHERE story_id IN (SELECT v FROM _touched) "
            "OR about_story_id IN (SELECT v FROM _touched)",
            "DELETE FROM contradictions WHERE (kind = 'figures' AND story_id IN "
            "(SELECT v FROM _touched)) OR (kind = 'denial' AND (b_eid IN (SELECT v FROM _relinked)"
            " OR a_eid IN (SELECT v FROM _gone) OR b_eid IN (SELECT v FROM _gone)))",
        ):
            con.execute(sql)
        insert(con, done["tables"])
    finally:
        for name in ("_gone", "_relinked", "_touched"):
            con.unregister(name)


__all__ = ["plan", "write", "DENIAL_REACH", "LOAD_MARGIN"]
