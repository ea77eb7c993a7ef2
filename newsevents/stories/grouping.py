"""Stories: reports of one real-world event, grouped across articles.

Two reports are of the same event (:func:`same_event`) when they have

* the same PLOVER type, and modes that are not different (one may lack a mode);
* the same doers and the same targets: every actor of each list is an actor
  of the other (by identity, or by country when one side names only the
  country), not merely overlapping lists; a report must name a doer, and
  when one of the two names no target, their words must agree more;
* times within ``window`` days (the event's date, else the publication date;
  an undated report joins nothing);
* places that are not different countries;
* and evidence that says the same thing: their sentences share content
  words beyond the actors' names (``MIN_WORDS`` when both name the target,
  ``MIN_WORDS_ONE_SIDE`` when one names none), because one doer does the
  same kind of thing to one target many times (a candidate accuses a rival
  every day).

Grouping is by *leader*: reports are taken in date order and each joins the
first open story whose first report (its seed) it is the same event as, so
a story never drifts by chaining (A like B, B like C, A unlike C).  A story
is open while new reports can still be within ``window`` days of its seed.

A speech act and the act it is about are different stories, linked
(:func:`speech_links`): an ACCUSE or REJECT whose sentence holds an alleged
or denied report of another type.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from datetime import date

from .reports import Report, gap_days, match_sides, names, similarity

WINDOW_DAYS = 3
MIN_WORDS = 0.08
MIN_WORDS_ONE_SIDE = 0.2
SPEECH_ACTS = ("ACCUSE", "REJECT")
_ABOUT_STATUSES = ("alleged", "denied", "reported", "negated")


def same_event(a: Report, b: Report, window: int = WINDOW_DAYS) -> dict | None:
    """Why ``a`` and ``b`` are reports of one event (the matched fields), or ``None``."""
    sides = match_sides(a, b)
    if sides is None:
        return None
    gap = gap_days(a.span(), b.span())
    if gap is None or gap > window:
        return None
    one_side = not sides.both_named
    if a.place and b.place and a.place != b.place:
        return None
    sim = similarity(a.words(), b.words())
    if sim < (MIN_WORDS_ONE_SIDE if one_side else MIN_WORDS):
        return None
    return {"rule": "same event", "type": a.type, "mode": a.mode or b.mode,
            "doer": sides.doer_text,
            "target": (f"{names(a.targets)} ({sides.target})" if not one_side else
                       f"{names(a.targets) if a.targets else 'none'} vs "
                       f"{names(b.targets) if b.targets else 'none'} (one side names none)"),
            "gap_days": gap, "words": sorted(a.words() & b.words())[:8],
            "similarity": round(sim, 2), "place": a.place or b.place}


def _block_keys(r: Report) -> tuple[list[tuple], list[tuple]]:
    """The buckets a story seeded by ``r`` is filed in, and those ``r`` looks in.

    A bucket is (type, doer, target), each actor as its country when it has
    one (so that a country matches its officials): a report naming a target
    looks among seeds of that target and seeds naming none; a report naming
    none looks among all seeds of its doer (the ``"*"`` bucket).
    """
    doers = list(dict.fromkeys(s.country or s.key for s in r.sources))
    targets = list(dict.fromkeys(t.country or t.key for t in r.targets))
    filed = [(r.type, d, t) for d in doers for t in ["*", *(targets or [None])]]
    looks = ([(r.type, d, t) for d in doers for t in [*targets, None]] if targets
             else [(r.type, d, "*") for d in doers])
    return filed, looks


@dataclass(slots=True)
class Story:
    seed: Report
    members: list[Report] = field(default_factory=list)
    why: list[dict | str | None] = field(default_factory=list)
    index: int = 0  # order of creation: a report joins the first story it matches


def _open(buckets: dict[tuple, deque[Story]], keys: list[tuple], span, window: int) -> list[Story]:
    """The stories still open in ``keys``' buckets for a report of ``span``, oldest first."""
    found: dict[int, Story] = {}
    for key in keys:
        bucket = buckets.get(key)
        while bucket and (span[0] - bucket[0].seed.span()[1]).days > window:
            bucket.popleft()  # sorted by date: this seed can match no later report
        for story in bucket or ():
            found.setdefault(story.index, story)
    return [found[i] for i in sorted(found)]


def group(reports: list[Report], window: int = WINDOW_DAYS,
          fixed: dict[int, tuple[str, str | None]] | None = None) -> list[Story]:
    """Stories of ``reports`` (sorted by :func:`.reports.sort_key`), each report in exactly one.

    ``fixed``: eid -> (story id, why) of reports whose story is already known
    (an incremental rebuild); they are placed there, not matched again.
    """
    stories: list[Story] = []
    buckets: dict[tuple, deque[Story]] = defaultdict(deque)
    by_id: dict[str, Story] = {}
    for r in reports:
        span, joined = r.span(), None
        known = fixed.get(r.eid) if fixed else None
        filed, looks = _block_keys(r)
        if known is not None:
            joined = by_id.get(known[0])
            if joined is not None:
                joined.members.append(r)
                joined.why.append(known[1])
            elif known[0] != _sid(r):
                continue  # a story whose seed is before the rebuilt span: not touched
        elif span is not None:
            for story in _open(buckets, looks, span, window):
                why = same_event(story.seed, r, window)
                if why is not None:
                    joined = story
                    story.members.append(r)
                    story.why.append(why)
                    break
        if joined is None:
            story = Story(r, [r], [None], len(stories))
            stories.append(story)
            by_id[_sid(r)] = story
            if span is not None:
                for key in filed:
                    buckets[key].append(story)
    return stories


def _sid(seed: Report) -> str:
    return "s" + hashlib.sha1(seed.uid.encode()).hexdigest()[:15]


def story_id(story: Story) -> str:
    return _sid(story.seed)


def _label(members: list[Report]) -> str:
    r = members[0]
    tgt = f" → {names(r.targets)}" if r.targets else ""
    return f"{r.type} {names(r.sources)}{tgt}"


def independent_sources(members: list[Report]) -> int:
    """Distinct origins of a story's reports.

    A report's origin is each actor it is attributed to, or, when it is the
    outlet's own account, the outlet; copies of one sentence (a wire story
    reprinted) count once, with the origins of their first copy.
    """
    origins: set[str] = set()
    seen_text: set[str] = set()
    for m in members:
        text = " ".join((m.evidence or "").lower().split())
        if text and text in seen_text:
            continue
        seen_text.add(text)
        if m.speakers:
            origins |= {s.key for s in m.speakers}
        else:
            origins.add(f"outlet:{m.outlet or m.article_id}")
    return len(origins)


def _precise_span(m: Report) -> tuple[date, date] | None:
    """The event's own dates, when precise (its span starts at them), else ``None``."""
    span = m.span()
    return span if m.event_start and span and span[0] == m.event_start else None


def story_rows(stories: list[Story], window: int = WINDOW_DAYS
               ) -> tuple[dict[str, list], dict[str, list]]:
    """Column lists of the ``stories`` and ``story_events`` tables (``window``: the one
    :func:`group` used, recorded in each story's why)."""
    s: dict[str, list] = {k: [] for k in (
        "story_id", "type", "label", "first_seen", "last_seen", "event_start", "event_end",
        "n_reports", "n_articles", "n_outlets", "n_sources", "n_independent", "statuses",
        "source_keys", "target_keys", "why")}
    se: dict[str, list] = {"story_id": [], "eid": [], "why": []}
    for story in stories:
        sid, members = story_id(story), story.members
        if len(members) == 1:  # most stories: no counting needed
            _single_row(s, se, sid, members[0])
            continue
        seen = [m.published for m in members if m.published]
        dated = [x for x in map(_precise_span, members) if x]
        starts = [x[0] for x in dated]
        ends = [x[1] for x in dated]
        row = {"story_id": sid, "type": members[0].type, "label": _label(members),
               "first_seen": min(seen) if seen else None,
               "last_seen": max(seen) if seen else None,
               "event_start": min(starts) if starts else None,
               "event_end": max(ends) if ends else None,
               "n_reports": len(members), "n_articles": len({m.article_id for m in members}),
               "n_outlets": len({m.outlet for m in members if m.outlet}),
               "n_sources": len({k.key for m in members for k in m.speakers}),
               "n_independent": independent_sources(members),
               "statuses": json.dumps(dict(Counter(m.status for m in members).most_common())),
               "source_keys": sorted({a.key for a in members[0].sources}),
               "target_keys": sorted({a.key for a in members[0].targets}),
               "why": json.dumps({"rule": "same event as the first report", "seed": story.seed.uid,
                                  "window_days": window})}
        for k, v in row.items():
            s[k].append(v)
        for m, why in zip(members, story.why):
            se["story_id"].append(sid)
            se["eid"].append(m.eid)
            se["why"].append(json.dumps(why, default=str) if isinstance(why, dict) else why)
    return s, se


def _single_row(s: dict[str, list], se: dict[str, list], sid: str, m: Report) -> None:
    precise = _precise_span(m) or (None, None)
    row = {"story_id": sid, "type": m.type, "label": _label([m]), "first_seen": m.published,
           "last_seen": m.published, "event_start": precise[0], "event_end": precise[1],
           "n_reports": 1, "n_articles": 1, "n_outlets": 1 if m.outlet else 0,
           "n_sources": len(m.speakers), "n_independent": len(m.speakers) or 1,
           "statuses": f'{{"{m.status}": 1}}', "source_keys": [a.key for a in m.sources],
           "target_keys": [a.key for a in m.targets], "why": None}
    for k, v in row.items():
        s[k].append(v)
    se["story_id"].append(sid)
    se["eid"].append(m.eid)
    se["why"].append(None)


def _overlaps(a: Report, b: Report) -> bool:
    s0, e0 = a.evidence_span
    s1, e1 = b.evidence_span
    return None not in (s0, e0, s1, e1) and s0 < e1 and s1 < e0


def speech_links(reports: list[Report], story_of: dict[int, str]) -> dict[str, list]:
    """Story of a speech act (ACCUSE, REJECT) -> story of the act it is about, with why."""
    by_article: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_article[r.article_id].append(r)
    cols: dict[str, list] = {"story_id": [], "about_story_id": [], "why": []}
    seen = set()
    for members in by_article.values():
        for act in members:
            if act.type not in SPEECH_ACTS:
                continue
            for other in members:
                if other.type == act.type or other.status not in _ABOUT_STATUSES:
                    continue
                if not _overlaps(act, other):
                    continue
                pair = (story_of[act.eid], story_of[other.eid])
                if pair in seen or pair[0] == pair[1]:
                    continue
                seen.add(pair)
                cols["story_id"].append(pair[0])
                cols["about_story_id"].append(pair[1])
                cols["why"].append(json.dumps({
                    "rule": f"{act.type} in the sentence of a {other.status} {other.type}",
                    "speech_act": act.uid, "about": other.uid}))
    return cols


__all__ = ["Story", "group", "same_event", "story_rows", "story_id", "speech_links",
           "independent_sources", "WINDOW_DAYS", "SPEECH_ACTS"]
