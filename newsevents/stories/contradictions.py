"""Contradictions between reports: claims and their denials, conflicting figures.

See :mod:`newsevents.stories` for the definitions; this module finds the
pairs and returns them as columns of the ``contradictions`` table, with the
claim (or the first figure) as side ``a`` and the denial (or the other
figure) as side ``b``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import duckdb

from bisect import bisect_left

from . import (
    CLAIM_STATUSES, DENIAL_STATUSES, MIN_SIMILARITY, Report, block_keys, gap_days,
    shared_sides, similarity, words,
)

_FAR = date.max  # sorts undated reports last

#: At most this many claims are linked to one denial (the nearest in time).
MAX_CLAIMS_PER_DENIAL = 10

COLUMNS = ("kind", "a_eid", "b_eid", "story_id", "what", "value_a", "value_b", "note")


def _empty() -> dict[str, list]:
    return {c: [] for c in COLUMNS}


def _add(cols: dict[str, list], **row: object) -> None:
    for c in COLUMNS:
        cols[c].append(row.get(c))


def contradicts(claim: Report, denial: Report, window: int) -> bool:
    """Whether ``denial`` denies (or negates) what ``claim`` reports."""
    if claim.eid == denial.eid or claim.type != denial.type or gap_days(claim, denial) > window:
        return False
    shared = shared_sides(claim, denial)
    if shared == 2:
        return True
    return shared == 1 and similarity(words(claim), words(denial)) >= MIN_SIMILARITY


def _speech_acts(reports: list[Report]) -> dict[str, list[Report]]:
    """REJECT reports per article: the speech acts that carry denials."""
    acts: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        if r.type == "REJECT":
            acts[r.article_id].append(r)
    return acts


def _reject_note(denial: Report, acts: dict[str, list[Report]]) -> str:
    s0, e0 = denial.evidence_span
    for act in acts.get(denial.article_id, ()):
        s1, e1 = act.evidence_span
        if s0 is not None and s1 is not None and s0 < e1 and s1 < e0:
            who = ", ".join(act.source_names) or "?"
            return f"{denial.status}; REJECT by {who} ({act.uid})"
    return denial.status


def _day(d: date | None) -> int:
    return d.toordinal() if d else 0


def _candidates(bucket: tuple[list[int], list[Report]], d: Report, window: int):
    """Claims of a bucket (sorted by ``hi``) whose dates can be within ``window`` of ``d``."""
    his, claims = bucket
    start = bisect_left(his, _day(d.lo) - window) if d.lo else 0
    stop = _day(d.hi) + window + 366 if d.hi else None  # a claim dated to a year spans 366 days
    for i in range(start, len(claims)):
        if stop is not None and his[i] > stop:
            break
        yield claims[i]


def denials(reports: list[Report], story_of: dict[int, str], window: int) -> dict[str, list]:
    """Claim/denial pairs (see :func:`contradicts`).

    Claims are blocked like stories (by source-target pair, or by side) and
    kept in date order, so each denial is compared with the claims about the
    same actors in its time window only.
    """
    cols = _empty()
    claims: dict[tuple, tuple[list[int], list[Report]]] = defaultdict(lambda: ([], []))
    for r in reports:  # sorted by hi: each bucket stays sorted
        if r.status in CLAIM_STATUSES:
            for key in block_keys(r)[0]:
                his, items = claims[key]
                his.append(_day(r.hi))
                items.append(r)
    acts = _speech_acts(reports)
    for d in reports:
        if d.status not in DENIAL_STATUSES:
            continue
        found: dict[int, Report] = {}
        for key in block_keys(d)[1]:
            if key not in claims:
                continue
            for c in _candidates(claims[key], d, window):
                if c.eid not in found and contradicts(c, d, window):
                    found[c.eid] = c
        nearest = sorted(found.values(), key=lambda c: (gap_days(c, d), c.eid))
        note = _reject_note(d, acts)
        for c in nearest[:MAX_CLAIMS_PER_DENIAL]:
            _add(cols, kind="denial", a_eid=c.eid, b_eid=d.eid, story_id=story_of.get(c.eid),
                 note=f"{c.status} vs {note}")
    return cols


def figures(con: duckdb.DuckDBPyConnection, by_eid: dict[int, Report],
            story_of: dict[int, str]) -> dict[str, list]:
    """Different numbers for the same quantity within one story, from different reports."""
    cols = _empty()
    rows = con.execute("SELECT q.eid, q.what, q.unit, q.value FROM quantities q "
                       "JOIN events e ON e.eid = q.eid WHERE e.latest "
                       "ORDER BY q.eid, q.start_char").fetchall()
    groups: dict[tuple[str, str, str], list[tuple[Report, float]]] = defaultdict(list)
    for eid, what, unit, value in rows:
        r = by_eid.get(eid)
        if r is not None and value is not None:
            groups[(story_of[eid], what or "", unit or "")].append((r, float(value)))
    for (sid, what, unit), items in groups.items():
        items.sort(key=lambda x: (x[0].seen or x[0].hi or _FAR, x[0].eid))
        first, v0 = items[0]
        done = {v0}
        for r, v in items[1:]:
            if v in done or (r.article_id == first.article_id and r.speakers == first.speakers):
                continue
            done.add(v)
            _add(cols, kind="figures", a_eid=first.eid, b_eid=r.eid, story_id=sid,
                 what=f"{what} ({unit})" if unit else what, value_a=v0, value_b=v,
                 note=f"{v0:g} vs {v:g}")
    return cols


def find_contradictions(con: duckdb.DuckDBPyConnection, reports: list[Report],
                        stories: dict[int, list[Report]], story_of: dict[int, str],
                        denial_window: int) -> dict[str, list]:
    """All contradictions, as columns of the ``contradictions`` table."""
    out = denials(reports, story_of, denial_window)
    more = figures(con, {r.eid: r for r in reports}, story_of)
    for c in COLUMNS:
        out[c] += more[c]
    return out

