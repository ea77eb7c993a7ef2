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
  month/week/year" has that month/week/year as its value and its start to
  publication as bounds; "since X" is the interval from the start of X to
  publication.
* Without a publication date, relative expressions keep their text with no
  value; absolute ones ("March 3, 2024", "in 2019") still resolve.

The rules (in :mod:`newsevents.coding.enrich.timex`, re-exported here as
:func:`resolve`) decide the precision; dateparser only parses absolute forms
that the rules do not cover (e.g. "2024-03-12", "12/03/2024"), and only for
candidate expressions, with results cached.  An event with status "future"
(from the events stage) also takes the next occurrence.

Candidates are spaCy DATE/TIME entities and a precompiled pattern (weekdays,
months, "two days ago", "over the weekend" …), looked for only in sentences
that hold an event.  Each event gets the expression tied to its trigger
(see :mod:`newsevents.coding.enrich.anchors`): one that modifies the trigger or its
clause, else a coordinated clause, else one in a clause that embeds the
trigger ("…, officials said on Monday"); otherwise none.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ...records import EventDate, Span
from . import anchors
from .timex import NUM_RE, PART_RE, PROBE, normalize, resolve
from .types import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Analysis

log = logging.getLogger(__name__)

__all__ = ["resolve", "normalize", "find_dates", "DateMention", "DatesStage", "DateStage",
           "is_future"]


# --- finding time expressions in a parsed article ----------------------------

_WD_CAP = r"(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MON_CAP = (r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
            r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_CANDIDATES = re.compile(
    r"\b(?:"
    r"(?:(?:last|this|next|past|this\s+past|earlier|later)\s+)?" + _WD_CAP
    + r"(?:,?\s+" + _MON_CAP + r"\s+\d{1,2}(?:,\s+\d{4})?)?" + PART_RE +
    r"|(?:(?:early|mid|late)[\s-]+)?" + _MON_CAP + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?)?"
    r"(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON_CAP + r"(?:,?\s+\d{4})?"
    r"|yesterday" + PART_RE + r"|today|tonight|tomorrow" + PART_RE
    + r"|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|the\s+(?:previous|prior)\s+day|the\s+day\s+before"
    r"|(?:(?:earlier|later)\s+)?(?:this|last|next|the\s+previous|the\s+past|the\s+following|"
    r"this\s+past)\s+(?:week|weekend|month|year)"
    r"|(?:(?<=\bover\s)|(?<=\bat\s)|(?<=\bduring\s))the\s+weekend|overnight"
    r"|(?:the\s+)?(?:past|last)\s+" + NUM_RE + r"\s+(?:hour|day|week|month|year)s"
    r"|" + NUM_RE + r"\s+(?:hour|day|week|month|year)s?\s+ago"
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
    """Whether the rules understand ``text`` (with a stand-in date when there is none)."""
    return resolve(text, PROBE) is not None or resolve(text, published) is not None


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


def _in_ranges(start: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in ranges)


def find_dates(doc: "Doc", text: str, published: date | None, ents: tuple | None = None,
               ranges: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Time expressions of a parsed text (within the character ``ranges``, default
    all of it), resolved against ``published``."""
    found: list[DateMention] = []
    ranges = [(0, len(text))] if ranges is None else ranges
    ents = [e for e in (doc.ents if ents is None else ents) if _in_ranges(e.start_char, ranges)]
    blocked = [(e.start_char, e.end_char) for e in ents if e.label_ not in _DATE_LIKE]
    spans = [(m.start(), m.end()) for a, b in ranges for m in _CANDIDATES.finditer(text, a, b)
             if not _BARE_MONTH.match(m.group())
             or _TEMPORAL_BEFORE.search(text, max(0, m.start() - 12), m.start())]
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
        if tier == anchors.NO_TIE or (tier == anchors.SENTENCE and k in taken):
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
        triggers = [frame.trigger(ev) for ev in analysis.events]
        # Dates tie to events of their own sentence only: look nowhere else.
        ranges = [(s.start_char, s.end_char) for s in frame.event_sentences(triggers)]
        mentions = find_dates(doc, text, analysis.article.published, frame.ents, ranges)
        analysis.dates = mentions
        if not mentions:
            return
        # A date tied directly to one event's trigger is not a fallback for another's.
        taken = {k for k, m in enumerate(mentions) for trig in triggers
                 if frame.tie(m.governor, m.root, trig) <= anchors.CLAUSE}
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
