"""Event filters: validation of user input and the parameterised WHERE clause.

Every value a user types goes through :func:`event_filter` (unknown type or
status, malformed date → :class:`UsageError`) and reaches SQL only as a bound
parameter; column names come from fixed tables here, never from input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import UsageError
from ..records import EVENT_TYPES, STATUSES

#: Sort keys of the events listing -> SQL (fixed; never interpolated from input).
SORT_SQL: dict[str, str] = {
    "date": "e.event_date", "type": "e.type", "status": "e.status",
    "source": "e.source_names[1]", "target": "e.target_names[1]", "outlet": "e.outlet",
    "confidence": "e.confidence", "published": "e.published",
}

MAX_LIMIT = 100_000


#: Filter fields holding free text (names, outlets, words of the evidence).
TEXT_FIELDS: tuple[str, ...] = ("actor", "source", "target", "attributed_to", "outlet", "text")
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class EventCriteria:
    """Which events match: the row-restricting part of a filter; ``None`` means "any".

    ``type`` and ``status`` may hold several comma-separated values.
    :class:`EventFilter` adds paging and sorting; :func:`where` reads only these
    (and ``latest_only``), so the same criteria select the same events.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    status: str | None = None
    attributed_to: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None

    def is_empty(self) -> bool:
        """True when no criterion restricts the rows."""
        return all(getattr(self, name) is None for name in EventCriteria.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class EventFilter(EventCriteria):
    """Which events to return, in which order, how many: the one filter of every query.

    The command line builds it with :func:`event_filter`, the web app with
    :func:`newsevents.web.filters.parse_event_filter` (a page is ``limit`` rows
    from ``offset``).  ``latest_only`` drops events of superseded article versions.
    """

    latest_only: bool = True
    sort: str = "date"
    desc: bool = True
    limit: int | None = 100
    offset: int = 0

    @property
    def per_page(self) -> int | None:
        """Rows a page (the ``limit``), as the web app's pages call it."""
        return self.limit

    @property
    def page(self) -> int:
        """The 1-based page that ``offset`` starts (1 without a limit)."""
        return self.offset // self.limit + 1 if self.limit else 1


def parse_day(value: date | str | None, what: str = "date") -> date | None:
    """A date from ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``, taken as the first day)."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt_len, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) == fmt_len:
            try:
                return date.fromisoformat(text + suffix)
            except ValueError:
                break
    raise UsageError(f"--{what}: not a date (YYYY-MM-DD): {value!r}")


def _choices(value: str | None, allowed: tuple[str, ...], what: str, upper: bool) -> str | None:
    if value is None or not str(value).strip():
        return None
    items = [v.strip().upper() if upper else v.strip().lower()
             for v in str(value).split(",") if v.strip()]
    bad = [v for v in items if v not in allowed]
    if bad:
        raise UsageError(f"unknown {what} {', '.join(bad)}; choose from {', '.join(allowed)}")
    return ",".join(items)


def clean_text(value: Any, what: str) -> str | None:
    """A free-text filter value with its whitespace collapsed; ``None`` when blank.

    Longer than :data:`MAX_TEXT` characters or holding control characters: UsageError.
    """
    if value is None:
        return None
    # before collapsing: a vertical tab or newline would pass as a space otherwise
    if any(ord(c) < 32 or ord(c) == 127 for c in str(value)):
        raise UsageError(f"{what} contains control characters")
    text = " ".join(str(value).split())
    if len(text) > MAX_TEXT:
        raise UsageError(f"{what} is longer than {MAX_TEXT} characters")
    return text or None


def event_filter(**raw: Any) -> EventFilter:
    """Validate raw filter values (strings from a command line or a form)."""
    f = {k: v for k, v in raw.items() if v is not None}
    for key in TEXT_FIELDS:
        if key in f:
            f[key] = clean_text(f[key], key)
    f["type"] = _choices(f.get("type"), EVENT_TYPES, "event type", upper=True)
    f["status"] = _choices(f.get("status"), STATUSES, "status", upper=False)
    f["since"] = parse_day(f.get("since"), "since")
    f["until"] = parse_day(f.get("until"), "until")
    if f["since"] and f["until"] and f["since"] > f["until"]:
        raise UsageError("--since is after --until")
    sort = f.get("sort", "date")
    if sort not in SORT_SQL:
        raise UsageError(f"unknown sort key {sort!r}; choose from {', '.join(SORT_SQL)}")
    limit = f.get("limit", 100)
    if limit is not None and not (0 <= int(limit) <= MAX_LIMIT):
        raise UsageError(f"--limit must be between 0 and {MAX_LIMIT}")
    if int(f.get("offset", 0)) < 0:
        raise UsageError("--offset must not be negative")
    unknown = set(f) - set(EventFilter.__dataclass_fields__)
    if unknown:
        raise UsageError(f"unknown filter {', '.join(sorted(unknown))}")
    return EventFilter(**f)


def actor_country(name: str) -> str | None:
    """ISO3 code when ``name`` names a country ("Iran", "IRN", "Iranian", "Tehran")."""
    from ..coding.vocab import gazetteer

    c = gazetteer.country(name)
    if c is not None:
        return c.iso3
    code = gazetteer.demonym(name) or gazetteer.seat(name)
    if code:
        return code
    return name.upper() if len(name) == 3 and name.isalpha() and \
        gazetteer.country_by_code(name) else None


def like(text: str) -> str:
    """A ``%…%`` ILIKE pattern matching ``text`` literally (its % and _ escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def actor_match(name: str, alias: str = "ea") -> tuple[str, list[Any]]:
    """SQL condition (and its parameters) for "this event_actors row is ``name``".

    A country name, code, demonym or capital matches every actor of that
    country (people and organizations of it included, as CAMEO country codes
    do); any other name matches actors whose name contains it.
    """
    code = actor_country(name)
    if code:
        return f"{alias}.country = ?", [code]
    return f"{alias}.name ILIKE ? ESCAPE '\\'", [like(name)]


def where(f: EventFilter | None, alias: str = "e") -> tuple[str, list[Any]]:
    """The WHERE clause (without the keyword; ``TRUE`` when empty) and its parameters."""
    f = f or EventFilter()
    conds: list[str] = []
    params: list[Any] = []
    if f.latest_only:
        conds.append(f"{alias}.latest")
    for field, roles in (("actor", ("source", "target")), ("source", ("source",)),
                         ("target", ("target",)), ("attributed_to", ("attributed_to",))):
        value = getattr(f, field)
        if not value:
            continue
        code = actor_country(value)
        if code and field != "attributed_to":
            # countries of sources/targets are copied into the events table: no join
            lists = [f"list_contains({alias}.{r}_countries, ?)" for r in roles]
            conds.append("(" + " OR ".join(lists) + ")")
            params += [code] * len(lists)
        else:
            cond, p = actor_match(value)
            # or the store's actor key, by which the web app's actor pages link
            cond, p = f"({cond} OR ea.actor_key = ?)", [*p, value]
            role_list = ", ".join(f"'{r}'" for r in roles)  # fixed literals, not input
            clause = (f"{alias}.eid IN (SELECT ea.eid FROM event_actors ea "
                      f"WHERE ea.role IN ({role_list}) AND {cond})")
            if field == "attributed_to":
                # a source that is no coded actor ("officials") lives only in the names
                clause = (f"({clause} OR array_to_string({alias}.attributed_names, '|') "
                          "ILIKE ? ESCAPE '\\')")
                p = [*p, like(value)]
            conds.append(clause)
            params += p
    for field in ("type", "status"):
        value = getattr(f, field)
        if value:
            values = [v for v in str(value).split(",") if v]
            conds.append(f"{alias}.{field} IN ({', '.join('?' for _ in values)})")
            params += values
    if f.since:
        conds.append(f"{alias}.event_date >= ?")
        params.append(f.since)
    if f.until:
        conds.append(f"{alias}.event_date <= ?")
        params.append(f.until)
    if f.outlet:
        conds.append(f"{alias}.outlet ILIKE ? ESCAPE '\\'")
        params.append(like(f.outlet))
    for word in (f.text or "").split():
        conds.append(f"{alias}.evidence ILIKE ? ESCAPE '\\'")
        params.append(like(word))
    return (" AND ".join(conds) or "TRUE"), params


def order_by(f: EventFilter | None, alias: str = "e") -> str:
    """ORDER BY expression for the filter's sort key (unknown keys sort by date)."""
    f = f or EventFilter()
    key = SORT_SQL.get(f.sort or "date", SORT_SQL["date"])
    key = key.replace("e.", f"{alias}.", 1)
    direction = "DESC" if f.desc else "ASC"
    return f"{key} {direction} NULLS LAST, {alias}.eid {direction}"
