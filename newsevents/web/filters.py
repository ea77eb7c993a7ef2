"""Validation of the query-string filters of the events pages.

Every parameter a user can type is checked here, before any SQL runs: an
unknown event type or status, a malformed date or page number raises
:class:`UsageError` with a message that the app shows with status 400.
Sort keys are mapped to a fixed set of names, never interpolated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

from ..errors import UsageError
from ..records import EVENT_TYPES, STATUSES
from ..store.filters import TEXT_FIELDS, EventCriteria, EventFilter, clean_text

#: Columns the events table can be sorted by (the query layer maps them to SQL).
SORT_KEYS: tuple[str, ...] = ("date", "type", "status", "source", "target", "outlet",
                              "confidence")
PAGE_SIZES: tuple[int, ...] = (25, 50, 100, 200)
MAX_PAGE = 100_000


#: What a page shows when the query string does not say (omitted from its links).
DEFAULT_PER_PAGE = 50


def query_params(f: EventFilter, **changes: object) -> dict[str, str]:
    """The non-default query parameters of the events page of ``f``.

    ``changes`` may set any criterion, ``sort``, ``desc``, ``page`` or ``per_page``.
    """
    page, per_page = changes.pop("page", f.page), changes.pop("per_page", f.per_page)
    f = replace(f, **changes) if changes else f
    out: dict[str, str] = {}
    for key in EventCriteria.__dataclass_fields__:
        value = getattr(f, key)
        if value is not None:
            out[key] = value.isoformat() if isinstance(value, date) else str(value)
    if f.sort != "date":
        out["sort"] = f.sort
    if not f.desc:
        out["order"] = "asc"
    if page != 1:
        out["page"] = str(page)
    if per_page != DEFAULT_PER_PAGE:
        out["per_page"] = str(per_page)
    return out


def query(f: EventFilter, **changes: object) -> str:
    """URL query string of the events page of ``f`` (with ``changes``), without '?'."""
    return urlencode(query_params(f, **changes))


def _text(params: Mapping[str, str], key: str) -> str | None:
    return clean_text(params.get(key), key)


def _choice(params: Mapping[str, str], key: str, allowed: tuple[str, ...],
            upper: bool) -> str | None:
    value = _text(params, key)
    if value is None:
        return None
    value = value.upper() if upper else value.lower()
    if value not in allowed:
        raise UsageError(f"unknown {key} {value!r}; expected one of: {', '.join(allowed)}")
    return value


def parse_date(value: str | None, key: str) -> date | None:
    """An ISO date (YYYY-MM-DD) or None; anything else is a UsageError."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{key} must be a date written YYYY-MM-DD, not {value[:40]!r}") from None


def int_param(params: Mapping[str, str], key: str, default: int, lo: int, hi: int) -> int:
    """A whole-number parameter from ``lo`` to ``hi`` (``default`` when absent)."""
    raw = (params.get(key) or "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or not lo <= int(raw) <= hi:  # "²".isdigit()
        raise UsageError(f"{key} must be a whole number from {lo} to {hi}, not {raw[:20]!r}")
    return int(raw)


def parse_event_filter(params: Mapping[str, str]) -> EventFilter:
    """Validate the query parameters of the events table into the store's :class:`EventFilter`.

    A page is ``per_page`` rows (``limit``) from ``(page - 1) * per_page`` (``offset``).
    """
    texts = {k: _text(params, k) for k in TEXT_FIELDS}
    since = parse_date(params.get("since"), "since")
    until = parse_date(params.get("until"), "until")
    if since and until and since > until:
        raise UsageError(f"since ({since}) is after until ({until})")
    sort = (params.get("sort") or "date").strip().lower()
    if sort not in SORT_KEYS:
        raise UsageError(f"cannot sort by {sort[:40]!r}; expected one of: {', '.join(SORT_KEYS)}")
    order = (params.get("order") or "desc").strip().lower()
    if order not in ("asc", "desc"):
        raise UsageError("order must be asc or desc")
    per_page = int_param(params, "per_page", DEFAULT_PER_PAGE, 1, max(PAGE_SIZES))
    if per_page not in PAGE_SIZES:
        raise UsageError(f"per_page must be one of {', '.join(map(str, PAGE_SIZES))}")
    return EventFilter(
        **texts,
        type=_choice(params, "type", EVENT_TYPES, upper=True),
        status=_choice(params, "status", STATUSES, upper=False),
        since=since, until=until, sort=sort, desc=order == "desc",
        limit=per_page, offset=(int_param(params, "page", 1, 1, MAX_PAGE) - 1) * per_page,
    )
