"""Typed, frozen records: what newsevents reads and what it emits.

These dataclasses are the Python face of the ``newsevents/1`` JSON contract;
:mod:`newsevents.contract` is the one place that turns them into JSON.
All character offsets are Python string indices into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, Union

SCHEMA = "newsevents/1"

#: PLOVER 2.0 event types, in the manual's order.
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)

#: Epistemic status of an event, from most to least certain.
STATUSES: tuple[str, ...] = (
    "asserted", "reported", "alleged", "denied", "speculative",
    "hypothetical", "negated", "future",
)

#: How certain each status makes the event, on the factuality scale [-3, 3]:
#: the median gold factuality of each status on UW train, kept in order
#: (scripts/train_status.py fits it; denied is pooled with hypothetical).
STATUS_CERTAINTY: dict[str, float] = {
    "asserted": 3.0, "reported": 2.8, "alleged": 2.4, "future": 2.2,
    "speculative": 1.4, "hypothetical": 1.2, "denied": 1.2, "negated": -1.8,
}

ActorKind = Literal["country", "organization", "person", "group"]
AttributionKind = Literal["direct", "indirect", "mixed"]
Precision = Literal["day", "week", "month", "year", "interval"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """Build the span of ``text[start:end]``."""
        return cls(start, end, text[start:end])

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Removed:
    """A stretch of text left out of analysis (promo line, credit …) and why."""

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as read, before cleaning.

    ``content`` is decoded text; ``content_type`` says whether it is plain
    text or HTML that still has to be extracted.
    """

    source: str
    content: str
    content_type: Literal["text", "html"] = "text"
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The text that was analysed and what is known about it."""

    id: str
    source: str
    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant: a country, organization, person or group.

    ``country`` is ISO 3166 alpha-3 (or an IGO/region code such as ``IGO``),
    ``sector`` a PLOVER/CAMEO sector code (GOV, MIL, REB, …).
    """

    id: str
    name: str
    kind: ActorKind
    mentions: tuple[Span, ...]
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None  # actor id of the organization/country a person belongs to


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, resolved against the publication date.

    ``start``/``end`` bound the interval (equal for a single day);
    both are ``None`` when the date could not be resolved.
    """

    text: str
    span: Span
    start: date | None = None
    end: date | None = None
    precision: Precision | None = None

    @property
    def value(self) -> str | None:
        """ISO 8601 form: a day, a reduced-precision month/year, a week, or an interval."""
        if self.start is None or self.end is None:
            return None
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "week":
            iso = self.start.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened."""

    text: str
    span: Span
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that the text gives for an event, e.g. 1400 people killed."""

    value: float
    unit: str  # people, shells, USD, troops, …
    what: str  # killed, injured, arrested, displaced, money, …
    span: Span
    # The bounds the text states: "at least 12" is min=12, max=None; "up to 300"
    # min=None, max=300; an exact "15" min=max=15; both None and approx False:
    # unknown (a record written before bounds were kept).
    min: float | None = None
    max: float | None = None
    approx: bool = False  # a hedged estimate: "about", "nearly", "some", "an estimated"


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, according to whom, and how sure the text is."""

    id: str
    type: str
    trigger: Span
    evidence: Span
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    mode: str | None = None
    status: str = "asserted"
    attributed_to: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    date: EventDate | None = None
    location: Location | None = None
    quantities: tuple[Quantity, ...] = ()
    confidence: float = 0.5
    coder: str = "rules"  # which component decided the type: "rules" or "model"
    attribution: str | None = None  # id of the attribution whose content holds it
    # the readings (coding/events/readings.py) that changed the type, roles or status
    # the coder gave, in the order they applied
    readings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AttributionSource:
    """Who an attribution is ascribed to: a span and, when known, its actor."""

    span: Span
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote or a piece of reported speech: source, cue and content."""

    id: str
    kind: AttributionKind
    cue: Span
    contents: tuple[Span, ...]
    source: AttributionSource | None = None
    status: str = "reported"
    via: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RejectedEvent:
    """A clause the events stage typed but did not keep as an event, and why
    ("sports result", "publication, not a release" …): no silent drops."""

    type: str
    trigger: Span
    reason: str
    reading: str = ""  # the reading (coding/events/readings.py) that rejected it


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything coded from one article."""

    article: Article
    removed: tuple[Removed, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    rejected: tuple[RejectedEvent, ...] = ()

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError when absent)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document deliberately not coded, and why."""

    source: str
    reason: str
    detail: str = ""
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    """A document that could not be processed, and the error."""

    source: str
    kind: str
    message: str
    id: str | None = None


Outcome = Union[ArticleResult, Skipped, Failed]

#: One input as read (what the pipeline and both ingest engines take): a document to
#: code, or an input the reader already skipped or failed to read.
Item = Union[Document, Skipped, Failed]

__all__ = [
    "SCHEMA", "EVENT_TYPES", "STATUSES", "STATUS_CERTAINTY", "Span", "Removed",
    "Document", "Article", "Actor", "EventDate", "Location", "Quantity", "Event",
    "AttributionSource", "Attribution", "RejectedEvent", "ArticleResult", "Skipped", "Failed",
    "Outcome", "Item",
]
