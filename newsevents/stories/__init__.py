"""Stories (reports of the same event across articles) and contradictions.

A *report* is one stored event.  Two reports belong to the same *story* when
they have the same PLOVER type, dates within ``window`` days, and overlapping
actors.  A report's date is the event's own (resolved) date or interval; a
report without one may be about anything in the ``LOOKBACK_DAYS`` before its
publication (a denial published a week after the shipment it denies), so it
gets that interval.  Actors overlap where both
name sources, the sources share an actor (countries compared by ISO3, others
by name), and the same for targets.  When only one side is shared (or none,
for actor-less events such as an unattributed bombing), their evidence
sentences must also be similar (shared content words) and, if both carry a
location country, it must be the same.  Membership is transitive
(union-find), so a story is a connected group.

*Contradictions* are pairs of reports:

``denial``   a claim (asserted, reported, alleged …) and a report of the same
             type whose status is ``denied`` or ``negated``, with the same actors,
             within ``denial_window`` days, in the same or different articles;
             the note names the REJECT speech act of the denier when the
             denying sentence carries one.
``figures``  two reports in one story that give different numbers for the same
             quantity (e.g. two death tolls), from different articles or sources.

When: stories are rebuilt from scratch, on demand.  ``newsevents ingest``
rebuilds them at its end (up to 200k events; beyond, a rebuild takes minutes
and is left to the first query); the writer marks them stale whenever new
articles arrive, and :func:`ensure_fresh` (called by the ``stories`` and
``contradictions`` commands) rebuilds stale ones first.  A full rebuild is
one pass over the latest events, in date order, with candidates blocked by
(type, actor) so its cost grows with the number of reports, not its square.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass
from datetime import date

import duckdb
import pyarrow as pa

log = logging.getLogger(__name__)

WINDOW_DAYS = 3
LOOKBACK_DAYS = 14
DENIAL_WINDOW_DAYS = 30
MIN_SIMILARITY = 0.15
CLAIM_STATUSES = ("asserted", "reported", "alleged", "speculative", "future")
DENIAL_STATUSES = ("denied", "negated")
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset("""the and for that with from this have has had was were are said says
    would could will not but its their they them his her who which what when where after
    before about into over than also been being other some such more most very just""".split())


@dataclass(slots=True)
class Report:
    """One event as the grouping sees it."""

    eid: int
    uid: str
    article_id: str
    type: str
    status: str
    lo: date | None  # earliest and latest day the event can have happened
    hi: date | None
    seen: date | None
    outlet: str | None
    sources: frozenset[str]
    targets: frozenset[str]
    speakers: frozenset[str]
    place: str | None
    evidence: str | None
    source_names: tuple[str, ...]
    target_names: tuple[str, ...]
    evidence_span: tuple[int, int]


def _words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


_WORDS: dict[int, frozenset[str]] = {}


def words(r: Report) -> frozenset[str]:
    """Content words of a report's evidence, computed when first needed."""
    got = _WORDS.get(r.eid)
    if got is None:
        got = _WORDS[r.eid] = _words(r.evidence)
    return got


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


_LOAD = """
WITH ea AS (
  SELECT eid,
         list(DISTINCT coalesce(country, actor_key)) FILTER (WHERE role = 'source') AS src,
         list(DISTINCT coalesce(country, actor_key)) FILTER (WHERE role = 'target') AS tgt,
         list(DISTINCT actor_key) FILTER (WHERE role = 'attributed_to') AS spk
  FROM event_actors WHERE latest GROUP BY eid)
SELECT e.eid, e.article_id || ':' || e.event_id, e.article_id, e.type, e.status,
       coalesce(e.date_start, e.published - INTERVAL (?) DAY)::DATE AS lo,
       coalesce(e.date_end, e.date_start, e.published) AS hi,
       coalesce(e.published, e.event_date), e.outlet, e.location_country, e.evidence,
       e.source_names, e.target_names, e.evidence_start, e.evidence_end,
       ea.src, ea.tgt, ea.spk
FROM events e LEFT JOIN ea ON ea.eid = e.eid
WHERE e.latest
ORDER BY hi NULLS LAST, e.eid
"""


def load_reports(con: duckdb.DuckDBPyConnection) -> list[Report]:
    """Every event of the latest article versions, in date order."""
    out = []
    for row in con.execute(_LOAD, [LOOKBACK_DAYS]).fetchall():
        (eid, uid, art, typ, status, lo, hi, seen, outlet, place, evidence, snames, tnames,
         ev_start, ev_end, src, tgt, spk) = row
        out.append(Report(eid, uid, art, typ, status, lo, hi, seen, outlet,
                          frozenset(x for x in (src or ()) if x),
                          frozenset(x for x in (tgt or ()) if x),
                          frozenset(x for x in (spk or ()) if x), place, evidence,
                          tuple(snames or ()), tuple(tnames or ()), (ev_start, ev_end)))
    return out


def gap_days(a: Report, b: Report) -> int:
    """Days between the date intervals of two reports (0 when they overlap or one is unknown)."""
    if a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return 0  # an undated report can join a dated one; actors and words decide
    return max(0, (a.lo - b.hi).days, (b.lo - a.hi).days)


def shared_sides(a: Report, b: Report) -> int | None:
    """How many sides (source, target) two reports share an actor on.

    ``None`` when a side that both reports fill has no actor in common: then
    they are about different actors and never the same event.
    """
    shared = 0
    for x, y in ((a.sources, b.sources), (a.targets, b.targets)):
        if x and y:
            if not x & y:
                return None
            shared += 1
    return shared


def same_event(a: Report, b: Report, window: int = WINDOW_DAYS) -> bool:
    """Whether two reports describe the same event (see the module docstring)."""
    if a.type != b.type or gap_days(a, b) > window:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    shared = shared_sides(a, b)
    if shared is None:
        return False
    if shared == 2:
        return True
    need = MIN_SIMILARITY if shared == 1 else 2 * MIN_SIMILARITY
    return similarity(words(a), words(b)) >= need


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def block_keys(r: Report) -> tuple[list[tuple], list[tuple]]:
    """``(register under, look up in)`` block keys of a report.

    Two reports can only be one event if they share a source and a target
    (when both have both), or one side (when one of them lacks the other).
    So a report with sources and targets registers under each (source, target)
    pair and under each side; one with a single side, under that side.  A
    full report looks up pairs and the single-side reports; a single-side
    report looks up its side among everything.  This keeps the buckets of
    frequent actors (one per pair, not per country) small.
    """
    t = r.type
    if r.sources and r.targets:
        pairs = [(t, "st", s, g) for s in r.sources for g in r.targets]
        sides = [(t, "S", s) for s in r.sources] + [(t, "T", g) for g in r.targets]
        partial = [(t, "s", s) for s in r.sources] + [(t, "t", g) for g in r.targets]
        return pairs + sides, pairs + partial
    if r.sources or r.targets:
        side = "s" if r.sources else "t"
        keys = [(t, side, k) for k in (r.sources or r.targets)]
        return keys, keys + [(t, side.upper(), k) for k in (r.sources or r.targets)]
    key = [(t, "place", r.place or "?")]  # actor-less reports meet by place
    return key, key


def group(reports: list[Report], window: int = WINDOW_DAYS) -> dict[int, list[Report]]:
    """Stories as ``{root eid: [reports]}``; ``reports`` must be sorted by ``hi``."""
    uf = _UnionFind()
    recent: dict[tuple, deque[Report]] = defaultdict(deque)
    horizon = LOOKBACK_DAYS + window
    for r in reports:
        uf.find(r.eid)
        register, lookup = block_keys(r)
        for key in lookup:
            bucket = recent.get(key)
            if not bucket:
                continue
            # Sorted by hi, and every later report has lo >= hi - LOOKBACK_DAYS, so a
            # report that ended more than LOOKBACK + window days before can match no more.
            while bucket and r.hi and bucket[0].hi and (r.hi - bucket[0].hi).days > horizon:
                bucket.popleft()
            for other in bucket:
                # already in r's story: no need to compare (most candidates, in a busy story)
                if uf.find(other.eid) != uf.find(r.eid) and same_event(r, other, window):
                    uf.union(r.eid, other.eid)
        for key in register:
            recent[key].append(r)
    stories: dict[int, list[Report]] = defaultdict(list)
    for r in reports:
        stories[uf.find(r.eid)].append(r)
    return stories


def _story_id(members: list[Report]) -> str:
    first = min(m.uid for m in members)
    return "s" + hashlib.sha1(first.encode()).hexdigest()[:15]


def _label(members: list[Report]) -> str:
    src = Counter(n for m in members for n in m.source_names).most_common(2)
    tgt = Counter(n for m in members for n in m.target_names).most_common(2)
    left = ", ".join(n for n, _ in src) or "?"
    right = ", ".join(n for n, _ in tgt)
    return f"{members[0].type} {left} → {right}" if right else f"{members[0].type} {left}"


def _single_row(m: Report) -> dict:
    """The story row of a one-report story (most stories): no counting needed."""
    names = ", ".join(m.source_names[:2]) or "?"
    label = f"{m.type} {names} → {', '.join(m.target_names[:2])}" if m.target_names else \
        f"{m.type} {names}"
    return {"type": m.type, "label": label, "first_seen": m.seen, "last_seen": m.seen,
            "n_reports": 1, "n_articles": 1, "n_outlets": 1 if m.outlet else 0,
            "n_sources": len(m.speakers), "statuses": f'{{"{m.status}": 1}}',
            "source_keys": sorted(m.sources), "target_keys": sorted(m.targets)}


def story_rows(stories: dict[int, list[Report]]) -> tuple[dict[str, list], dict[str, list]]:
    """Column lists of the ``stories`` and ``story_events`` tables."""
    s = {k: [] for k in ("story_id", "type", "label", "first_seen", "last_seen", "n_reports",
                         "n_articles", "n_outlets", "n_sources", "statuses", "source_keys",
                         "target_keys")}
    se: dict[str, list] = {"story_id": [], "eid": []}
    for members in stories.values():
        sid = _story_id(members)
        if len(members) == 1:
            row = {"story_id": sid, **_single_row(members[0])}
            for k, v in row.items():
                s[k].append(v)
            se["story_id"].append(sid)
            se["eid"].append(members[0].eid)
            continue
        seen = [m.seen for m in members if m.seen]
        row = {"story_id": sid, "type": members[0].type, "label": _label(members),
               "first_seen": min(seen) if seen else None, "last_seen": max(seen) if seen else None,
               "n_reports": len(members), "n_articles": len({m.article_id for m in members}),
               "n_outlets": len({m.outlet for m in members if m.outlet}),
               "n_sources": len(set().union(*(m.speakers for m in members))),
               "statuses": json.dumps(dict(Counter(m.status for m in members).most_common())),
               "source_keys": sorted(set().union(*(m.sources for m in members))),
               "target_keys": sorted(set().union(*(m.targets for m in members)))}
        for k, v in row.items():
            s[k].append(v)
        for m in members:
            se["story_id"].append(sid)
            se["eid"].append(m.eid)
    return s, se


def rebuild(con: duckdb.DuckDBPyConnection, window: int = WINDOW_DAYS,
            denial_window: int = DENIAL_WINDOW_DAYS) -> int:
    """Recompute stories and contradictions from the latest events; return the story count."""
    from .contradictions import find_contradictions

    reports = load_reports(con)
    _WORDS.clear()
    stories = group(reports, window)
    s, se = story_rows(stories)
    story_of = {eid: sid for sid, eid in zip(se["story_id"], se["eid"])}
    contra = find_contradictions(con, reports, stories, story_of, denial_window)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("stories", "story_events", "contradictions"):
            con.execute(f"DELETE FROM {table}")
        for table, cols in (("stories", s), ("story_events", se), ("contradictions", contra)):
            if cols and next(iter(cols.values())):
                con.register("_rebuild", pa.table(cols))
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rebuild")
                con.unregister("_rebuild")
        con.execute("DELETE FROM meta WHERE key = 'stories_stale'")
        con.execute("INSERT INTO meta VALUES ('stories_stale', '0')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    _WORDS.clear()
    log.info("stories rebuilt: %d stories from %d reports, %d contradictions",
             len(stories), len(reports), len(contra.get("kind", ())))
    return len(stories)


def is_stale(con: duckdb.DuckDBPyConnection) -> bool:
    """True when articles were stored since stories were last built."""
    rows = con.execute("SELECT value FROM meta WHERE key = 'stories_stale'").fetchall()
    if rows:
        return rows[0][0] == "1"
    return bool(con.execute("SELECT count(*) FROM events").fetchall()[0][0])


def ensure_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild stories if stale; return whether it did."""
    if is_stale(con):
        rebuild(con)
        return True
    return False


__all__ = ["Report", "group", "same_event", "similarity", "load_reports", "rebuild",
           "is_stale", "ensure_fresh", "WINDOW_DAYS", "DENIAL_WINDOW_DAYS"]
