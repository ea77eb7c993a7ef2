"""Resolving a time expression against the publication date (pure, cached).

:func:`resolve` implements the news conventions described in
:mod:`newsevents.coding.enrich.dates`; this module has no spaCy dependency.
The rules decide the precision; dateparser only parses absolute numeric forms
that the rules do not cover ("2024-03-12", "12/03/2024").
"""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

log = logging.getLogger(__name__)

Resolved = tuple[date, date, str]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a few": 3, "several": 3,
}
_MON_ALT = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WD_RE = r"(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
PART_RE = r"(?:\s+(?:morning|afternoon|evening|night))?"
_LEAD = re.compile(r"^(?:on|in|as of|during|at|by|from|over|for|of)\s+")
_TRAIL = re.compile(r"(?:'s|’s|[\s,.;:])+$")
NUM_RE = (r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"a couple of|a few|several)")
# Placeholder "publication date" used only to decide whether a relative
# expression is recognised when the article has no date (its value is dropped).
PROBE = date(2001, 1, 10)


def _month_bounds(y: int, m: int) -> Resolved:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month"


def _week_bounds(d: date) -> Resolved:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6), "week"


def _year_bounds(y: int) -> Resolved:
    return date(y, 1, 1), date(y, 12, 31), "year"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _month_no(word: str) -> int:
    return _MONTHS[word[:3]]


def _weekday_no(word: str) -> int:
    return next(i for i, w in enumerate(WEEKDAYS) if w.startswith(word[:3]))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _SMALL[word]


# --- rule handlers: (match, published, future) -> Resolved | None ------------

def _r_today(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    return None if pub is None else (pub, pub, "day")


def _r_yesterday(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    if pub is None:
        return None
    d = pub - timedelta(days=1)
    return d, d, "day"


def _r_tomorrow(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    if pub is None:
        return None
    d = pub + timedelta(days=1)
    return d, d, "day"


def _r_overnight(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    """"overnight": the night before publication (a future one if the clause is future)."""
    if pub is None:
        return None
    if fut:
        return pub, pub + timedelta(days=1), "interval"
    return pub - timedelta(days=1), pub, "interval"


def _r_weekday(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    if pub is None:
        return None
    mod, wd = m.group(1), _weekday_no(m.group(2))
    back = (pub.weekday() - wd) % 7
    if mod == "next" or (fut and mod != "last"):
        ahead = (wd - pub.weekday()) % 7
        if mod == "next" and ahead == 0:
            ahead = 7
        d = pub + timedelta(days=ahead)
    else:
        if mod in ("last", "past", "this past") and back == 0:
            back = 7
        d = pub - timedelta(days=back)
    return d, d, "day"


def _r_relative_unit(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    """last/this/next/the previous/the past week|weekend|month|year, earlier this …"""
    if pub is None:
        return None
    edge, mod, unit = m.group(1), m.group(2), m.group(3)
    step = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
            "coming": 1, "following": 1, "past": None}[mod.split()[-1]]
    if mod == "this past":  # "this past week": the trailing week, like "the past week"
        step = None
    if step is None and unit == "weekend":  # "this past weekend": the last one
        return _r_the_weekend(m, pub, False)
    if step is None:  # "the past week/month/year": a trailing window
        days = {"week": 7, "weekend": 3, "month": 30, "year": 365}[unit]
        return pub - timedelta(days=days), pub, "interval"
    if unit == "weekend":
        # "this weekend" is the current one on Sat/Sun, else the coming one;
        # "last weekend" the one before it, "next weekend" the one after.
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        coming = sat if pub.weekday() >= 5 else sat + timedelta(weeks=1)
        if step == 1 and pub.weekday() < 5:
            step = 0
        sat = coming + timedelta(weeks=step)
        return sat, sat + timedelta(days=1), "interval"
    if unit == "week":
        res = _week_bounds(pub + timedelta(weeks=step))
    elif unit == "month":
        res = _month_bounds(*_shift_month(pub.year, pub.month, step))
    else:
        res = _year_bounds(pub.year + step)
    # "earlier this month": the month is the value (2024-03, as TimeML has it);
    # the bounds stop at publication, which the event cannot follow.
    if edge == "earlier" and step == 0:
        return res[0], pub, res[2]
    if edge == "later" and step == 0:
        return pub, res[1], res[2]
    return res


def _r_the_weekend(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    """"over the weekend": the last Saturday-Sunday (the coming one if future)."""
    if pub is None:
        return None
    sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if fut and pub.weekday() < 5:
        sat += timedelta(weeks=1)
    return sat, sat + timedelta(days=1), "interval"


def _r_ago(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    if pub is None:
        return None
    n, unit = _count(m.group(1)), m.group(2)
    if unit in ("hour", "day"):
        d = pub - timedelta(days=n if unit == "day" else n // 24)
        return d, d, "day"
    if unit == "week":
        return _week_bounds(pub - timedelta(weeks=n))
    if unit == "month":
        return _month_bounds(*_shift_month(pub.year, pub.month, -n))
    return _year_bounds(pub.year - n)


def _r_window(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    """"the past two weeks": a trailing window ending at publication."""
    if pub is None:
        return None
    n, unit = _count(m.group(1)), m.group(2)
    if unit in ("hour", "day", "week"):
        start = pub - timedelta(days={"hour": max(1, n // 24), "day": n, "week": 7 * n}[unit])
    else:
        y, mo = _shift_month(pub.year, pub.month, -n * (12 if unit == "year" else 1))
        start = _safe_day(y, mo, min(pub.day, calendar.monthrange(y, mo)[1]))
    return start, pub, "interval"


def _infer_year(month: int, day: int, pub: date | None, fut: bool) -> int | None:
    """Year of a yearless month(-day): most recent past one (next one if future)."""
    if pub is None:
        return None
    y = pub.year
    if fut:
        return y if (month, day) >= (pub.month, pub.day) else y + 1
    return y if (month, day) <= (pub.month, pub.day) else y - 1


def _safe_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _r_month_day(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    month = _month_no(m.group("mon"))
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    year = int(m.group("y")) if m.group("y") else _infer_year(month, d1, pub, fut)
    if year is None:
        return None
    start = _safe_day(year, month, d1)
    end = _safe_day(year, month, d2) if d2 else start
    if start is None or end is None or end < start:
        return None
    return start, end, "day" if start == end else "interval"


def _r_month(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    month = _month_no(m.group("mon"))
    if m.group("y"):
        return _month_bounds(int(m.group("y")), month)
    year = _infer_year(month, 1, pub, fut)
    return None if year is None else _month_bounds(year, month)


def _r_year(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    y = int(m.group(1))
    return _year_bounds(y) if 1800 <= y <= 2200 else None


def _r_decade(m: re.Match, pub: date | None, fut: bool) -> Resolved | None:
    y = int(m.group(1))
    return date(y, 1, 1), date(y + 9, 12, 31), "interval"


_RULES: tuple[tuple[re.Pattern, Callable[[re.Match, date | None, bool], Resolved | None]], ...] = (
    (re.compile(r"^(?:today|tonight|this (?:morning|afternoon|evening)|earlier today)$"), _r_today),
    (re.compile(r"^(?:yesterday|last night|the (?:previous|prior) day|the day before)" + PART_RE + "$"),
     _r_yesterday),
    (re.compile(r"^tomorrow" + PART_RE + "$"), _r_tomorrow),
    (re.compile(r"^overnight$"), _r_overnight),
    (re.compile(r"^(?:(last|this|next|past|this past|early|late|earlier|later)\s+)?" + _WD_RE + PART_RE
                + "$"),
     _r_weekday),
    (re.compile(r"^(?:(earlier|later)\s+)?((?:the\s+)?(?:last|previous|this|current|next|coming|"
                r"following|past|this past))\s+(week|weekend|month|year)$"), _r_relative_unit),
    (re.compile(r"^(?:over\s+)?the\s+(weekend)$"), _r_the_weekend),
    (re.compile(r"^" + NUM_RE + r"\s+(hour|day|week|month|year)s?\s+(?:ago|earlier)$"), _r_ago),
    (re.compile(r"^(?:the\s+)?(?:past|last|previous)\s+" + NUM_RE + r"\s+(hour|day|week|month|year)s$"),
     _r_window),
    (re.compile(r"^(?:" + _WD_RE + r",?\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<mon>" + _MON_ALT
                + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>\d{1,2}))?"
                r"(?:,?\s+(?P<y>\d{4}))?$"), _r_month_day),
    (re.compile(r"^(?:" + _WD_RE + r",?\s+)?(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
                r"(?:\s*[-–]\s*(?P<d2>\d{1,2}))?\s+(?:of\s+)?(?P<mon>" + _MON_ALT
                + r")\.?(?:,?\s+(?P<y>\d{4}))?$"), _r_month_day),
    (re.compile(r"^(?:(?:early|mid|late)[\s-]+)?(?P<mon>" + _MON_ALT
                + r")\.?(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?$"), _r_month),
    (re.compile(r"^(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?(\d{4})$"), _r_year),
    (re.compile(r"^the\s+(\d{3}0)s$"), _r_decade),
)
_SINCE = re.compile(r"^since\s+(.+)$")
_RANGE = re.compile(r"^(?:(?:from|between)\s+)?(.+?)\s+(?:to|until|till|through|and)\s+(.+)$"
                    r"|^(\d{4})\s*[-–]\s*(\d{4})$")
_ABSOLUTE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}/\d{4}$|^\d{4}/\d{1,2}/\d{1,2}$")


def normalize(text: str) -> str:
    """Lower-case, collapse spaces, drop a leading preposition and trailing punctuation."""
    t = " ".join(text.lower().replace("’", "'").split())
    t = _TRAIL.sub("", t)
    return _LEAD.sub("", t)


def resolve(text: str, published: date | None, future: bool = False) -> Resolved | None:
    """Resolve a time expression against the publication date.

    Returns ``(start, end, precision)`` with precision one of day, week,
    month, year, interval; ``None`` when the expression is not understood
    or needs a publication date that is missing.  ``future`` picks the next
    occurrence for yearless/bare expressions that modify a future predicate.
    """
    try:
        return resolve_normalized(normalize(text), published, future)
    except (ValueError, OverflowError):  # arithmetic beyond year 1..9999
        return None


@lru_cache(maxsize=4096)
def resolve_normalized(t: str, pub: date | None, fut: bool) -> Resolved | None:
    """:func:`resolve` on text already passed through :func:`normalize` (cached)."""
    since = _SINCE.match(t)
    if since:
        inner = resolve_normalized(normalize(since.group(1)), pub, False)
        if inner is None or pub is None or inner[0] > pub:
            return None
        return inner[0], pub, "interval"
    span = _RANGE.match(t)
    if span:  # "from 2014 to 2016", "between March 3 and March 9", "2019-2021"
        a, b = (span.group(1), span.group(2)) if span.group(1) else (span.group(3), span.group(4))
        first = resolve_normalized(normalize(a), pub, fut)
        last = resolve_normalized(normalize(b), pub, fut)
        if first is not None and last is not None and first[0] <= last[1]:
            return first[0], last[1], "interval"
    for pattern, handler in _RULES:
        m = pattern.match(t)
        if m:
            return handler(m, pub, fut)
    if _ABSOLUTE.match(t):
        return _dateparser(t, pub)
    return None


def _dateparser(t: str, pub: date | None) -> Resolved | None:
    """Absolute numeric forms only, through dateparser (lazily imported)."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    base = datetime.combine(pub or PROBE, datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                "DATE_ORDER": "MDY" if "/" in t and not t[:4].isdigit() else "YMD"}
    data = _parser(tuple(sorted(settings.items(), key=lambda kv: kv[0])))
    got = data.get_date_data(t)
    if got is None or got.date_obj is None:
        return None
    d = got.date_obj.date()
    return d, d, "day"


@lru_cache(maxsize=8)
def _parser(settings: tuple) -> "object":
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["en"], settings=dict(settings))
