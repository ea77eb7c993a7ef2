"""Which claim a denial answers: the best match among the claims of one doer.

A denial answers the claim it is about, not every claim its rules allow
(:func:`.contradictions.link`).  The claims one denial can be linked to are
first merged into *acts*: reports placed in one story are one act told by
several outlets, not rival claims.  The acts are then grouped by *doer*:

* for an accusation rejected, by the accuser: a rejection of "the criticism"
  may answer several critics, one act each;
* for a denial or negation, all candidates have the denial's own doer: one group.

Within one doer the denial answers the act that fits it best, judged by the
first of these that tells two acts apart:

1. **target**: the denial names the claim's target (by identity, then by
   country) rather than naming none;
2. **content**: its sentence shares more content words with the claim's
   (Jaccard, by at least ``CONTENT_MARGIN``);
3. **time**: the claim is nearer to it in days.

When the best acts are equal on all three (one denial of "the allegation",
two accusations by one accuser on one day, with no words to tell them
apart) the denial is **ambiguous**: each of these acts is linked weakly,
with strength 0, the rule marked "(ambiguous)" and the reason in ``why``,
so that an analyst sees the candidates last and flagged.
"""

from __future__ import annotations

from .reports import Report, names, side_match, similarity

#: Two claims' shared-word overlaps with a denial closer than this are equally good.
CONTENT_MARGIN = 0.05
_RANK = {"identity": 2, "country": 1, "country and sector": 1}


def fit(c: Report, d: Report, why: dict) -> tuple[int, float, int]:
    """How well denial ``d`` fits claim ``c``: (target rank, shared words, gap in days)."""
    if why["rule"] == "accusation rejected":  # the REJECT's target is the accuser
        target = side_match(c.sources, d.targets) if d.targets else None
    else:
        target = side_match(c.targets, d.targets)
    return _RANK.get(target, 0), similarity(c.words(), d.words()), why["gap_days"]


def better(a: tuple[int, float, int], b: tuple[int, float, int]) -> str | None:
    """The criterion by which fit ``a`` beats fit ``b`` (target, content, time), or ``None``."""
    if a[0] != b[0]:
        return "target" if a[0] > b[0] else None
    if abs(a[1] - b[1]) >= CONTENT_MARGIN:
        return "content" if a[1] > b[1] else None
    if a[2] != b[2]:
        return "time" if a[2] < b[2] else None
    return None


def _doer(c: Report, why: dict) -> tuple:
    if why["rule"] == "accusation rejected":
        return ("accuser",) + tuple(x.key for x in c.sources)
    return ("doer",)


def _choose(acts: dict[str, list[tuple[Report, dict, tuple]]], doer: str) -> list[tuple[Report, dict]]:
    """The reports of the act(s) of one doer that the denial answers, each why completed."""
    best = {a: max(items, key=lambda x: (x[2][0], x[2][1], -x[2][2])) for a, items in acts.items()}
    order = sorted(best, key=lambda a: (-best[a][2][0], -best[a][2][1], best[a][2][2], a))
    top = best[order[0]][2]
    tied = [a for a in order if a == order[0] or better(top, best[a][2]) is None]
    out = []
    if len(tied) == 1 and len(order) == 1:
        note = f"the only claim of {doer} in reach"
    elif len(tied) == 1:
        reason = better(top, best[order[1]][2])
        note = (f"best of {len(order)} claims of {doer} in reach, by {reason} "
                f"(fit {_show(top)} vs {_show(best[order[1]][2])})")
    else:
        note = (f"ambiguous: {len(tied)} claims of {doer} fit this denial equally "
                f"(each {_show(top)}); weak link")
    for a in tied:
        for c, why, _ in acts[a]:
            why = dict(why, match=note)
            if len(tied) > 1:
                why["rule"] = f"{why['rule']} (ambiguous)"
                why["strength"] = 0
            out.append((c, why))
    return out


def _show(f: tuple[int, float, int]) -> str:
    return f"target {f[0]}, words {f[1]:.2f}, {f[2]} days"


def best_matches(d: Report, found: list[tuple[Report, dict]],
                 story_of: dict[int, str]) -> list[tuple[Report, dict]]:
    """The claims of ``found`` that denial ``d`` answers (see the module docstring),
    strongest first."""
    groups: dict[tuple, dict[str, list[tuple[Report, dict, tuple]]]] = {}
    for c, why in found:
        act = story_of.get(c.eid) or f"e{c.eid}"
        groups.setdefault(_doer(c, why), {}).setdefault(act, []).append((c, why, fit(c, d, why)))
    out = []
    for key, acts in groups.items():
        first = next(iter(acts.values()))[0][0]
        who = first.sources if key[0] == "accuser" else d.sources
        doer = names(who) if who else "an unnamed accuser"
        out += _choose(acts, doer)
    out.sort(key=lambda x: (-x[1]["strength"], x[1]["gap_days"], x[0].eid))
    return out


__all__ = ["best_matches", "fit", "better", "CONTENT_MARGIN"]
