"""Contradictions: the same act by the same doer, told two incompatible ways.

A *claim* (a report whose status is asserted, reported, alleged or
speculative) and a *denial* (status denied: someone denies it; or negated:
the text says it did not happen) are linked when they are reports of one
act (:func:`link`):

``denial`` / ``negation``
    the same type and mode; the same doers (by identity, or by country when
    one side names only the country); compatible targets (the same, or one
    side names none); times that can be the same (the event's date, else the
    ``LOOKBACK_DAYS`` before publication; within ``DENIAL_WINDOW_DAYS``;
    an undated report matches nothing).
``accusation rejected``
    an ACCUSE and a REJECT whose doer is the accused (the REJECT's target, if
    any, the accuser), whose word is a denial ("denied", "dismissed" …) and
    whose sentence names an accusation ("the criticism", "the allegation")
    or shares content words with the accusation.

A negation ("Ryan is not ready to support Trump") is weaker than a denial:
it is linked only when both sides (doer and target) are named and both
accounts are attributed to named speakers.

And the two accounts must come from different speakers (the actors the
reports are attributed to; an unattributed report is its outlet's own
account), or from the same speaker at a later date ("the same speaker
changed account").  Finally one more thing must tie them to the one act:
they are in the same article, or the denial is explicit and names both
sides, or their sentences share content words beyond the actors' names.
Two actors' stances toward one person are never linked: the doers differ.

Each link records why (``rule``, ``why`` as JSON of the matched fields) and a
``strength`` (different speakers, both sides named, an explicit denial, both
dated, shared words …) that orders the contradictions page.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict

import duckdb

from .figures import conflicts
from .pairing import best_matches
from .grouping import SPEECH_ACTS
from .reports import (
    CLAIM_STATUSES, DENIAL_STATUSES, ActorRef, Report, gap_days, match_sides, names,
    side_match, similarity,
)

LOOKBACK_DAYS = 7
DENIAL_WINDOW_DAYS = 7
MIN_WORDS = 0.1
#: An answer to an accusation that does not name it must share more words with it.
MIN_WORDS_ANSWER = 0.2
#: At most this many claims are linked to one denial (see :mod:`.pairing` for which).
MAX_CLAIMS_PER_DENIAL = 5
_DENY_WORDS = ("den", "dismiss", "reject", "refut", "rebut", "disput", "brush", "contradict")

#: A rejection that names what it rejects as an accusation answers one ("dismissed the criticism").
_ACCUSATION_NOUNS = frozenset("""accusation accusations allegation allegations charge charges
    claim claims criticism criticisms wrongdoing complaint complaints""".split())


def _words_of(text: str | None) -> list[str]:
    return re.findall(r"[a-z]+", (text or "").lower())


COLUMNS = ("kind", "rule", "a_eid", "b_eid", "story_id", "what", "value_a", "value_b", "note",
           "why", "strength")


def speakers_of(r: Report) -> tuple:
    """Who tells a report: the actors it is attributed to; for a speech act with none,
    its doer (an accusation is told by the accuser); else ``()``, the outlet itself."""
    if r.speakers or r.type not in SPEECH_ACTS:
        return r.speakers
    return r.sources


def _speaker_keys(r: Report) -> frozenset[str]:
    return frozenset(s.key for s in speakers_of(r)) or frozenset(
        {f"outlet:{r.outlet or r.article_id}"})


def _speakers(c: Report, d: Report) -> str | None:
    """How the two accounts' speakers relate, or ``None`` when it cannot be a contradiction."""
    sc, sd = _speaker_keys(c), _speaker_keys(d)
    same = bool(sc & sd) or side_match(speakers_of(c), speakers_of(d)) not in (None, "empty")
    if not same:
        return "different speakers"
    if c.published and d.published and d.published > c.published:
        return "the same speaker changed account"
    return None


def _support(c: Report, d: Report, both_named: bool) -> str | None:
    if c.article_id == d.article_id:
        return "same article"
    if d.status == "denied" and both_named:
        return "explicit denial naming both sides"
    shared = c.words() & d.words()
    if similarity(c.words(), d.words()) >= MIN_WORDS:
        return "shared words: " + ", ".join(sorted(shared)[:6])
    return None


def _time(c: Report, d: Report, window: int) -> int | None:
    gap = gap_days(c.span(LOOKBACK_DAYS), d.span(LOOKBACK_DAYS))
    return gap if gap is not None and gap <= window else None


def _same_type(c: Report, d: Report, window: int) -> dict | None:
    sides = match_sides(c, d)
    if sides is None:
        return None
    both_named = sides.both_named
    if d.status == "negated" and not (both_named and c.speakers and d.speakers):
        # a plain negation ("Ryan is not ready to support Trump") answers a claim only
        # when two named speakers tell the same doer-target act two ways
        return None
    gap = _time(c, d, window)
    if gap is None:
        return None
    return {"rule": "denial" if d.status == "denied" else "negation", "type": c.type,
            "doer": sides.doer_text,
            "target": (f"{names(c.targets)} ({sides.target})" if both_named else
                       f"{names(c.targets)} vs {names(d.targets)} (one side names none)"),
            "gap_days": gap, "both_sides_named": both_named}


def _rejected_accusation(c: Report, d: Report, window: int) -> dict | None:
    if c.type != "ACCUSE" or d.type != "REJECT" or d.status not in ("asserted", "reported"):
        return None
    if not (d.trigger or "").lower().startswith(_DENY_WORDS) or not c.targets:
        return None
    if not (_ACCUSATION_NOUNS & set(_words_of(d.evidence))
            or similarity(c.words(), d.words()) >= MIN_WORDS_ANSWER):
        return None  # "rejected the idea", "denied that waterboarding is torture": not this accusation
    accused = side_match(c.targets, d.sources)
    if accused in (None, "empty"):
        return None
    back = side_match(c.sources, d.targets)
    if d.targets and back is None:
        return None
    gap = _time(c, d, window)
    if gap is None:
        return None
    return {"rule": "accusation rejected", "type": "ACCUSE / REJECT",
            "doer": f"{names(c.targets)}, accused and denying ({accused})",
            "target": f"accuser {names(c.sources)}" + (f" ({back})" if d.targets else ""),
            "gap_days": gap, "both_sides_named": bool(d.targets)}


def link(c: Report, d: Report, window: int = DENIAL_WINDOW_DAYS) -> dict | None:
    """Why denial ``d`` contradicts claim ``c`` (rule and matched fields), or ``None``."""
    if c.eid == d.eid or c.status not in CLAIM_STATUSES:
        return None
    why = _rejected_accusation(c, d, window)
    if why is None and d.status in DENIAL_STATUSES:
        why = _same_type(c, d, window)
    if why is None:
        return None
    speakers = _speakers(c, d)
    support = _support(c, d, why["both_sides_named"]) if speakers else None
    if support is None:
        return None
    who_c, who_d = speakers_of(c), speakers_of(d)
    why["speakers"] = (f"{speakers}: {names(who_c) if who_c else '(the article)'}"
                       f" vs {names(who_d) if who_d else '(the article)'}")
    why["support"] = support
    why["strength"] = (2 * (speakers == "different speakers") + 2 * why["both_sides_named"]
                       + (d.status == "denied" or why["rule"] == "accusation rejected")
                       + (c.event_start is not None and d.event_start is not None)
                       + support.startswith("shared"))
    return why


def _keys(r: Report) -> list[str]:
    return list(dict.fromkeys(x.country or x.key for x in r.sources))


def _accused_keys(refs: tuple[ActorRef, ...]) -> list[tuple]:
    return [("ACCUSE", "accused", x.country or x.key) for x in refs]


def _claim_keys(c: Report) -> list[tuple]:
    """Claims are filed by (type, doer, target), under ``"*"`` (any target), and ACCUSE
    also by the accused; each actor as its country when it has one."""
    targets = list(dict.fromkeys(x.country or x.key for x in c.targets)) or [None]
    return ([(c.type, "doer", k, t) for k in _keys(c) for t in ("*", *targets)]
            + (_accused_keys(c.targets) if c.type == "ACCUSE" else []))


def _denial_keys(d: Report) -> list[tuple]:
    """A denial looks among claims of its type, doer and target (or naming none; any target
    when it names none), and a REJECT also among accusations of its doers."""
    targets = list(dict.fromkeys(x.country or x.key for x in d.targets))
    own = ([(d.type, "doer", k, t) for k in _keys(d) for t in (*targets, None)] if targets
           else [(d.type, "doer", k, "*") for k in _keys(d)])
    return own + (_accused_keys(d.sources) if d.type == "REJECT" else [])


def _candidates(d: Report, claims: dict[tuple, tuple[list[int], list[Report]]],
                window: int) -> list[tuple[Report, dict]]:
    """Every claim in ``d``'s blocks and time reach that :func:`link` links to ``d``."""
    span = d.span(LOOKBACK_DAYS)
    found: list[tuple[Report, dict]] = []
    tried: set[int] = set()  # a claim filed under two of d's keys is compared once
    for key in dict.fromkeys(_denial_keys(d)):
        if key not in claims:
            continue
        ends, items = claims[key]
        for i in range(bisect_left(ends, span[0].toordinal() - window), len(items)):
            if ends[i] > span[1].toordinal() + window + LOOKBACK_DAYS + 7:
                break
            c = items[i]
            if c.eid not in tried:
                tried.add(c.eid)
                why = link(c, d, window)
                if why is not None:
                    found.append((c, why))
    return found


def _file_claims(reports: list[Report]) -> dict[tuple, tuple[list[int], list[Report]]]:
    claims: dict[tuple, tuple[list[int], list[Report]]] = defaultdict(lambda: ([], []))
    for r in reports:  # sorted by `when`: each bucket stays sorted
        if r.status in CLAIM_STATUSES and r.when is not None:
            for key in dict.fromkeys(_claim_keys(r)):
                ends, items = claims[key]
                ends.append(r.when.toordinal())
                items.append(r)
    return claims


def is_denial(r: Report) -> bool:
    """Whether ``r`` can deny a claim (and is dated: an undated report links to nothing)."""
    return r.span(LOOKBACK_DAYS) is not None and (
        r.status in DENIAL_STATUSES or r.type == "REJECT")


def denials(reports: list[Report], story_of: dict[int, str], window: int,
            only: set[int] | None = None) -> list[dict]:
    """Claim/denial links (see :func:`link` and :mod:`.pairing`), each denial compared with
    the claims of its block; ``only``: the eids of the denials to link (default: all)."""
    claims = _file_claims(reports)
    out = []
    for d in reports:
        if (only is not None and d.eid not in only) or not is_denial(d):
            continue
        chosen = best_matches(d, _candidates(d, claims, window), story_of)
        for c, why in chosen[:MAX_CLAIMS_PER_DENIAL]:
            out.append({"kind": "denial", "rule": why["rule"], "a_eid": c.eid, "b_eid": d.eid,
                        "story_id": story_of.get(c.eid),
                        "note": f"{c.status} vs {d.status} {d.type}; {why['speakers']}",
                        "why": json.dumps(why, default=str, ensure_ascii=False),
                        "strength": why["strength"]})
    return out


def find_contradictions(con: duckdb.DuckDBPyConnection, reports: list[Report],
                        story_of: dict[int, str],
                        window: int = DENIAL_WINDOW_DAYS) -> dict[str, list]:
    """All contradictions, as columns of the ``contradictions`` table."""
    rows = denials(reports, story_of, window)
    rows += conflicts(con, {r.eid: r for r in reports}, story_of)
    return {c: [r.get(c) for r in rows] for c in COLUMNS}


__all__ = ["link", "denials", "is_denial", "find_contradictions", "DENIAL_WINDOW_DAYS", "LOOKBACK_DAYS"]
