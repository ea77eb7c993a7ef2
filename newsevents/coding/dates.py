"""When events happened: time expressions resolved against the publication date.

Resolution follows news conventions rather than dateparser's defaults:

* A bare weekday ("on Wednesday", "as of Sunday") is the most recent one on
  or before the publication date, so "on Wednesday" in an article published
  on a Wednesday means that very day.  "last Wednesday" is strictly before
  the publication day.  When the expression modifies a future predicate
  ("will meet on Friday") the next one on or after publication is taken.
* A month or month-day without a year ("Sept. 12", "in March") is the most
  recent past occurrence (or the next one for a future predicate).
* "last week" is the ISO week before the publication's week; "earlier this
  month/week/year" is the interval from its start to publication; "since X"
  is the interval from the start of X to publication.
* Without a publication date, relative expressions keep their text with no
  value; absolute ones ("March 3, 2024", "in 2019") still resolve.

The rules decide the precision; dateparser only parses absolute forms that
the rules do not cover (e.g. "2024-03-12", "12/03/2024"), and only for
candidate expressions, with results cached.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ..records import Event, EventDate, Span
from . import anchors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .base import Analysis

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
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_LEAD = re.compile(r"^(?:on|in|as of|during|at|by|from|over|for|of)\s+")
_TRAIL = re.compile(r"(?:'s|’s|[\s,.;:])+$")
_NUM = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several)"
# Placeholder "publication date" used only to decide whether a relative
# expression is recognised when the article has no date (its value is dropped).
_PROBE = date(2001, 1, 10)


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
    if edge == "earlier" and step == 0:
        return res[0], pub, "interval"
    if edge == "later" and step == 0:
        return pub, res[1], "interval"
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
    (re.compile(r"^(?:yesterday|last night|the (?:previous|prior) day|the day before)" + _PART + "$"),
     _r_yesterday),
    (re.compile(r"^tomorrow" + _PART + "$"), _r_tomorrow),
    (re.compile(r"^(?:(last|this|next|past|this past|early|late|earlier|later)\s+)?" + _WD_RE + _PART
                + "$"),
     _r_weekday),
    (re.compile(r"^(?:(earlier|later)\s+)?((?:the\s+)?(?:last|previous|this|current|next|coming|"
                r"following|past|this past))\s+(week|weekend|month|year)$"), _r_relative_unit),
    (re.compile(r"^(?:over\s+)?the\s+(weekend)$"), _r_the_weekend),
    (re.compile(r"^" + _NUM + r"\s+(hour|day|week|month|year)s?\s+(?:ago|earlier)$"), _r_ago),
    (re.compile(r"^(?:the\s+)?(?:past|last|previous)\s+" + _NUM + r"\s+(hour|day|week|month|year)s$"),
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
        return _resolve(normalize(text), published, future)
    except (ValueError, OverflowError):  # arithmetic beyond year 1..9999
        return None


@lru_cache(maxsize=4096)
def _resolve(t: str, pub: date | None, fut: bool) -> Resolved | None:
    since = _SINCE.match(t)
    if since:
        inner = _resolve(normalize(since.group(1)), pub, False)
        if inner is None or pub is None or inner[0] > pub:
            return None
        return inner[0], pub, "interval"
    span = _RANGE.match(t)
    if span:  # "from 2014 to 2016", "between March 3 and March 9", "2019-2021"
        a, b = (span.group(1), span.group(2)) if span.group(1) else (span.group(3), span.group(4))
        first = _resolve(normalize(a), pub, fut)
        last = _resolve(normalize(b), pub, fut)
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
    base = datetime.combine(pub or _PROBE, datetime.min.time())
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


# --- finding time expressions in a parsed article ----------------------------

_WD_CAP = r"(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MON_CAP = (r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
            r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_CANDIDATES = re.compile(
    r"\b(?:"
    r"(?:(?:last|this|next|past|this\s+past|earlier|later)\s+)?" + _WD_CAP + r"(?:,?\s+" + _MON_CAP + r"\s+\d{1,2}(?:,\s+\d{4})?)?"
    + _PART +
    r"|(?:(?:early|mid|late)[\s-]+)?" + _MON_CAP + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?)?"
    r"(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON_CAP + r"(?:,?\s+\d{4})?"
    r"|yesterday" + _PART + r"|today|tonight|tomorrow" + _PART + r"|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|the\s+(?:previous|prior)\s+day|the\s+day\s+before"
    r"|(?:(?:earlier|later)\s+)?(?:this|last|next|the\s+previous|the\s+past|the\s+following|"
    r"this\s+past)\s+(?:week|weekend|month|year)"
    r"|(?<=\bover\s)the\s+weekend"
    r"|(?:the\s+)?(?:past|last)\s+" + _NUM + r"\s+(?:hour|day|week|month|year)s"
    r"|" + _NUM + r"\s+(?:hour|day|week|month|year)s?\s+ago"
    r"|\d{4}-\d{2}-\d{2}"
    r")(?![\w-])"
    r"|(?<=\bin\s)(?:1[89]|20)\d{2}\b(?![\w,.-]?\d)",
    re.IGNORECASE,
)
# A bare month name ("May", "March") found by the regex is only a date after a
# temporal word: "Theresa May", "the March on Rome" are not.
_BARE_MONTH = re.compile(_MON_CAP + r"$")
_TEMPORAL_BEFORE = re.compile(
    r"\b(?:in|since|during|until|till|by|from|through|of|last|next|this|early|late|mid|before|"
    r"after|between|and|to|on)[\s-]+$", re.IGNORECASE)
_DATE_LIKE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_HEADS = frozenset({"plan", "schedule", "expect", "due", "set", "go", "intend", "aim"})


def _recognised(text: str, published: date | None) -> bool:
    t = normalize(text)
    return _resolve(t, _PROBE, False) is not None or _resolve(t, published, False) is not None


def _select(text: str, spans: list[tuple[int, int]], published: date | None,
            blocked: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Longest recognised non-overlapping candidates, each with a preceding "since".

    ``blocked`` are other entities (a PERSON "Theresa May", an ORG "Sunday
    Times") in which a month or weekday name is not a date.
    """
    chosen: list[tuple[int, int]] = list(blocked)
    for s, e in sorted(set(spans), key=lambda se: (se[0] - se[1], se[0])):
        while e > s and text[e - 1] in " ,.;:":
            e -= 1
        if text[s:e].lower().endswith(("'s", "’s")):
            e -= 2
        if e <= s or any(s < ce and cs < e for cs, ce in chosen):
            continue
        if not _recognised(text[s:e], published):
            continue
        since = _SINCE_BEFORE.search(text, max(0, s - 8), s)
        if since:
            s = since.start()
        chosen.append((s, e))
    return sorted(se for se in chosen if se not in blocked)


def is_future(tok: "Token | None") -> bool:
    """Whether the clause of ``tok`` is about the future (will, plans to, is due to)."""
    if tok is None:
        return False
    head = anchors.clause_head(tok) if tok.pos_ not in ("VERB", "AUX") else tok
    for _ in range(3):
        if head.tag_ == "VBD":
            return False  # a simple past is never about the future
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in head.children):
            return True
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        if (head.dep_ == "xcomp" or infinitive) and head.head.lemma_ in _FUTURE_HEADS:
            return True  # "plans to meet", "expect Clinton to win"
        if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            return False
        head = head.head
    return False


class DateMention:
    """A time expression found in the text, with where it hangs in the parse.

    ``lo``/``hi`` are its first and last token, ``root`` its head token and
    ``governor`` the token it modifies (indices into the doc).
    """

    __slots__ = ("date", "lo", "hi", "root", "governor", "future")

    def __init__(self, event_date: EventDate, lo: int, hi: int, root: int,
                 gov: int | None, future: bool = False) -> None:
        self.date = event_date
        self.lo, self.hi, self.root, self.governor = lo, hi, root, gov
        self.future = future

    def for_event(self, event: Event, published: date | None) -> EventDate:
        """The date as resolved for this event: the next occurrence if the event is future."""
        if event.status != "future" or self.future:
            return self.date
        res = resolve(self.date.text, published, future=True)
        if res is None:
            return self.date
        return replace(self.date, start=res[0], end=res[1], precision=res[2])


def find_dates(doc: "Doc", text: str, published: date | None,
               ents: tuple | None = None) -> list[DateMention]:
    """Every time expression of a parsed text, resolved against ``published``."""
    found: list[DateMention] = []
    ents = doc.ents if ents is None else ents
    blocked = [(e.start_char, e.end_char) for e in ents if e.label_ not in _DATE_LIKE]
    spans = [(m.start(), m.end()) for m in _CANDIDATES.finditer(text)
             if not _BARE_MONTH.match(m.group()) or _TEMPORAL_BEFORE.search(text, 0, m.start())]
    spans += [(e.start_char, e.end_char) for e in ents if e.label_ in ("DATE", "TIME")]
    for s, e in _select(text, spans, published, blocked):
        toks = anchors.tokens_in(doc, s, e)
        root = anchors.span_root(toks)
        if root is None:
            continue
        gov = anchors.governor(root)
        future = is_future(gov)
        res = resolve(text[s:e], published, future)
        start, end, precision = res if res else (None, None, None)
        ed = EventDate(text=text[s:e], span=Span.of(text, s, e), start=start, end=end,
                       precision=precision)
        found.append(DateMention(ed, toks[0].i, toks[-1].i, root.i,
                                 None if gov is None else gov.i, future))
    return found


def _best(frame: anchors.Frame, mentions: list[DateMention], trig: anchors.Trigger | None,
          taken: set[int]) -> DateMention | None:
    """The mention tied closest to the trigger (see :mod:`anchors`)."""
    best: tuple[int, int] | None = None
    pick = None
    for k, m in enumerate(mentions):
        tier = frame.tie(m.governor, m.root, trig)
        if tier == anchors.NO_TIE or (tier == 2 and k in taken):
            continue
        key = (tier, anchors.distance(m.lo, m.hi, trig))
        if best is None or key < best:
            best, pick = key, m
    return pick


class DatesStage:
    """Enrichment stage: gives each event the time expression tied to its trigger."""

    name = "dates"

    def __call__(self, analysis: "Analysis") -> None:
        if not analysis.events:
            return
        doc, text = analysis.doc, analysis.article.text
        frame = anchors.Frame.of(analysis)
        mentions = find_dates(doc, text, analysis.article.published, frame.ents)
        analysis.notes[self.name] = mentions
        if not mentions:
            return
        triggers = [frame.trigger(ev) for ev in analysis.events]
        # A date tied directly to one event's trigger is not a fallback for another's.
        taken = {k for k, m in enumerate(mentions) for trig in triggers
                 if frame.tie(m.governor, m.root, trig) <= 1}
        out = []
        for ev, trig in zip(analysis.events, triggers):
            m = _best(frame, mentions, trig, taken)
            if m is None:
                out.append(ev)
            else:
                out.append(replace(ev, date=m.for_event(ev, analysis.article.published)))
        analysis.events = out


#: The name the pipeline imports.
DateStage = DatesStage

stage = DatesStage()
