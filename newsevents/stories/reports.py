"""Reports (stored events) as stories and contradictions see them, and how two compare.

A *report* is one event of the latest article versions.  What the grouping
needs of it: its type and mode, the doers (sources) and targets as actor
identities, the speakers it is attributed to, its time and place, and the
content words of its evidence sentence.

Actors are compared by identity (the store's ``actor_key``); a country actor
("Iran", "Tehran") also stands for any actor of that country ("Iranian
officials"), because an article that names only the country names the doer
as precisely as it can.  Two different people of one country are different
actors.

A report's *time* is the event's own date (a day, or the interval of a week,
month …) when the coder resolved one; otherwise its publication date, and for
a denial or claim, the ``lookback`` days before it (a report published on
Friday may be about Tuesday).  A report with neither is undated and matches
nothing on time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb

#: Statuses of a claim, and of a denial (someone denies) or a negation (the text says it did not happen).
CLAIM_STATUSES = ("asserted", "reported", "alleged", "speculative")
DENIAL_STATUSES = ("denied", "negated")
_STATE_SECTORS = frozenset({"MIL", "GOV", "DIP", "COP", "SPY"})
#: An event date spanning more days than this is too vague to place the event.
MAX_EVENT_DAYS = 7
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset("""the and for that with from this have has had was were are said says
    would could will not but its their they them his her who which what when where after
    before about into over than also been being other some such more most very just told
    tell telling saying say did does doing done didn don't doesn't isn't wasn't weren't
    can cannot can't should may might must then there here those these our your you she him
    one two new last week month year years today yesterday monday tuesday wednesday
    thursday friday saturday sunday according reported report reports statement""".split())


@dataclass(frozen=True, slots=True)
class ActorRef:
    """One actor of a report: its store-wide key, country, and display name."""

    key: str
    country: str | None
    name: str
    sector: str | None = None

    @property
    def is_country(self) -> bool:
        return self.country is not None and self.key == self.country

    @property
    def is_state_group(self) -> bool:
        """An unnamed body of a state: "Russian forces", "Iranian officials" (not a party)."""
        return (self.key.startswith("group:") and self.country is not None
                and self.sector in _STATE_SECTORS)


def actor_match(x: ActorRef, y: ActorRef) -> str | None:
    """How ``x`` and ``y`` are the same actor, or ``None``.

    ``"identity"``: the same key; ``"country"``: one is a country and the other
    of it; ``"country and sector"``: two unnamed state bodies of one country and
    sector ("Russian forces", "Russian artillery").  Two people, or two named
    organisations, of one country are different actors.
    """
    if x.key == y.key:
        return "identity"
    if (x.is_country and y.country == x.key) or (y.is_country and x.country == y.key):
        return "country"
    if x.is_state_group and y.is_state_group and (x.country, x.sector) == (y.country, y.sector):
        return "country and sector"
    return None


def side_match(a: tuple[ActorRef, ...], b: tuple[ActorRef, ...]) -> str | None:
    """How two actor lists are the same list: every actor of each matches one of the other.

    ``"identity"`` when every match is by identity, ``"country"`` when some
    are by country, ``"empty"`` when both are empty, ``None`` when the lists
    differ (overlapping is not enough: "Trump, FBI" is not "Trump").
    """
    if not a and not b:
        return "empty"
    if not a or not b:
        return None
    if len(a) == len(b) and all(x.key == y.key for x, y in zip(a, b)):
        return "identity"  # lists are sorted by key: the common case, without pairing
    how = "identity"
    for xs, ys in ((a, b), (b, a)):
        for x in xs:
            found = [m for m in (actor_match(x, y) for y in ys) if m]
            if not found:
                return None
            if "identity" not in found:
                how = found[0]
    return how


def names(refs: tuple[ActorRef, ...]) -> str:
    return ", ".join(r.name for r in refs) or "?"


@dataclass(frozen=True, slots=True)
class Sides:
    """How the doers and targets of two reports of one act match (see :func:`match_sides`)."""

    doer: str  # how the doers match (side_match)
    target: str | None  # how the targets match; None when one side names none, "empty" when both
    doer_text: str  # the first report's doers and how they match, as a link's ``why`` writes it

    @property
    def both_named(self) -> bool:
        return self.target not in (None, "empty")


@dataclass(slots=True)
class Report:
    """One event as stories and contradictions see it."""

    eid: int
    uid: str
    article_id: str
    type: str
    mode: str | None
    status: str
    event_start: date | None  # the event's own date, when the coder resolved one
    event_end: date | None
    published: date | None
    outlet: str | None
    place: str | None
    evidence: str | None
    evidence_span: tuple[int | None, int | None]
    trigger: str | None
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    speakers: tuple[ActorRef, ...]
    _words: frozenset[str] | None = field(default=None, repr=False)
    _span: tuple[date, date] | None = field(default=None, repr=False)

    def span(self, lookback: int = 0) -> tuple[date, date] | None:
        """The days the event can have happened on (see the module docstring), or ``None``.

        An event date vaguer than ``MAX_EVENT_DAYS`` ("in 2015", "last month")
        says less than the publication date, which is used instead when known.
        """
        if lookback == 0 and self._span is not None:
            return self._span
        if self.event_start is not None:
            end = self.event_end or self.event_start
            if (end - self.event_start).days <= MAX_EVENT_DAYS or self.published is None:
                return self.event_start, end
        if self.published is not None:
            return self.published - timedelta(days=lookback), self.published
        return None

    @property
    def when(self) -> date | None:
        """The date the report sorts by: the last day of its :meth:`span`."""
        span = self.span()
        return span[1] if span else None

    def words(self) -> frozenset[str]:
        """Content words of the evidence, without stop words and the actors' own names."""
        if self._words is None:
            own = set()
            for ref in self.sources + self.targets + self.speakers:
                own |= set(_WORD.findall(ref.name.lower()))
            self._words = frozenset(w for w in _WORD.findall((self.evidence or "").lower())
                                    if w not in _STOP and w not in own)
        return self._words


def match_sides(a: Report, b: Report) -> Sides | None:
    """The sides of ``a`` and ``b`` when they can be reports of one act, else ``None``.

    They must have the same type, modes that are not different (one may lack
    a mode), both a doer, the same doers, and the same targets unless one
    side names none.
    """
    if a.type != b.type or (a.mode and b.mode and a.mode != b.mode):
        return None
    if not a.sources or not b.sources:
        return None
    doer = side_match(a.sources, b.sources)
    if doer is None:
        return None
    target = side_match(a.targets, b.targets)
    if target is None and a.targets and b.targets:
        return None  # both name a target, and not the same
    return Sides(doer, target, f"{names(a.sources)} ({doer})")


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def gap_days(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int | None:
    """Days between two date intervals (0 when they overlap); ``None`` when one is unknown."""
    if a is None or b is None:
        return None
    return max(0, (a[0] - b[1]).days, (b[0] - a[1]).days)


_LOAD = """
WITH ea AS (
  SELECT eid,
         list(struct_pack(r := role, k := actor_key, c := country, n := name, s := sector)) AS refs
  FROM event_actors WHERE role IN ('source', 'target', 'attributed_to')
    AND eid IN (SELECT eid FROM events e WHERE {where})
  GROUP BY eid)
SELECT e.eid, e.article_id || ':' || e.event_id, e.article_id, e.type, e.mode, e.status,
       e.date_start, e.date_end, e.published, e.outlet, e.location_country, e.evidence,
       e.evidence_start, e.evidence_end, e.trigger_text, ea.refs
FROM events e LEFT JOIN ea ON ea.eid = e.eid
WHERE {where}
"""
#: Reports whose :attr:`Report.when` can be on or after a day (it is one of these dates).
SINCE = "e.latest AND (coalesce(e.date_end, e.date_start) >= ? OR e.published >= ?)"


_ROLES = ("source", "target", "attributed_to")


def _refs(refs: list[dict] | None) -> list[tuple[ActorRef, ...]]:
    """Sources, targets and speakers of one event, each sorted by key, without repeats."""
    out: dict[str, dict[str, ActorRef]] = {role: {} for role in _ROLES}
    for r in refs or ():
        if r["k"] or r["n"]:
            key = r["k"] or f"name:{(r['n'] or '').lower()}"
            out[r["r"]].setdefault(key, ActorRef(key, r["c"], r["n"] or key, r["s"]))
    return [tuple(v for _, v in sorted(out[role].items())) for role in _ROLES]


def load_reports(con: duckdb.DuckDBPyConnection, where: str = "e.latest",
                 params: list | tuple = ()) -> list[Report]:
    """Every event of the latest article versions (or those ``where`` selects, with
    ``params`` for each of its two uses), in date order (undated last)."""
    out = []
    for row in con.execute(_LOAD.format(where=where), [*params, *params]).fetchall():
        (eid, uid, art, typ, mode, status, d0, d1, pub, outlet, place, evidence, e0, e1,
         trig, refs) = row
        r = Report(eid, uid, art, typ, mode, status, d0, d1, pub, outlet, place, evidence,
                   (e0, e1), trig, *_refs(refs))
        r._span = r.span()
        out.append(r)
    out.sort(key=sort_key)
    return out


def sort_key(r: Report) -> tuple:
    """The order stories are built in: by :attr:`Report.when`, undated last, then eid."""
    return (r.when is None, r.when or date.min, r.eid)


__all__ = ["ActorRef", "Report", "Sides", "actor_match", "side_match", "match_sides", "similarity", "gap_days",
           "load_reports", "sort_key", "SINCE", "names", "CLAIM_STATUSES", "DENIAL_STATUSES"]
