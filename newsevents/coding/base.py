"""The working state that coding stages share, and the stage contract.

A stage is any callable ``stage(analysis) -> None`` with a ``name``.  Stages
run in a fixed order (see :mod:`newsevents.pipeline`); each one reads what
earlier stages left in the :class:`Analysis` and adds its own part:

======================  =====================================================
stage                   adds
======================  =====================================================
actors (+ coreference)  ``analysis.actors`` (an :class:`ActorIndex`)
attribution             ``analysis.attributions`` and ``analysis.content_of``
events                  ``analysis.events`` (type, actors, status, trigger …)
time / places / quant.  replace events with ones that carry date/location/…
======================  =====================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Protocol

from ..records import Actor, Article, ArticleResult, Attribution, Event, RejectedEvent, Removed, Span

if TYPE_CHECKING:  # spaCy is imported lazily elsewhere; only types are needed here
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from .enrich.anchors import Frame
    from .enrich.types import DateMention, PlaceMention


class Stage(Protocol):
    """One coding step: reads and extends an :class:`Analysis` in place."""

    name: str

    def __call__(self, analysis: "Analysis") -> None: ...


class ActorIndex:
    """The actors of one article and the tokens that mention them.

    The actors stage fills it with :meth:`add`; later stages only query it.
    A token belongs to at most one actor.
    """

    def __init__(self) -> None:
        self._actors: dict[str, Actor] = {}
        self._by_token: dict[int, str] = {}

    def add(self, actor: Actor, tokens: Iterable[int] = ()) -> None:
        """Register (or replace) ``actor`` and mark ``tokens`` as mentioning it."""
        self._actors[actor.id] = actor
        for i in tokens:
            self._by_token[i] = actor.id

    def link(self, actor_id: str, tokens: Iterable[int]) -> None:
        """Mark more tokens (e.g. a resolved pronoun) as mentioning ``actor_id``."""
        for i in tokens:
            self._by_token[i] = actor_id

    def get(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def find(self, actor_id: str) -> Actor | None:
        """The actor ``actor_id``, or ``None`` when there is none."""
        return self._actors.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def all(self) -> tuple[Actor, ...]:
        return tuple(self._actors.values())

    def actor_at(self, token_i: int) -> str | None:
        """The actor mentioned by token ``token_i``, if any."""
        return self._by_token.get(token_i)

    def actors_in(self, start_token: int, end_token: int) -> list[str]:
        """Actors mentioned by tokens ``start_token`` .. ``end_token - 1``, in text order."""
        seen: list[str] = []
        for i in range(start_token, end_token):
            a = self._by_token.get(i)
            if a is not None and a not in seen:
                seen.append(a)
        return seen


@dataclass
class Analysis:
    """Everything known about one article while its stages run."""

    article: Article
    doc: "Doc"
    removed: list[Removed] = field(default_factory=list)
    actors: ActorIndex = field(default_factory=ActorIndex)
    attributions: list[Attribution] = field(default_factory=list)
    #: token index -> id of the attribution whose content holds that token
    content_of: dict[int, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    #: typed clauses the events stage did not keep, with the reason
    rejected: list[RejectedEvent] = field(default_factory=list)
    #: the parse frame the enrich stages share (built by the first that needs it: :meth:`Frame.of`)
    anchors: "Frame | None" = None
    #: time expressions the dates stage found (quantities leave them out)
    dates: "list[DateMention]" = field(default_factory=list)
    #: place mentions the places stage found
    places: "list[PlaceMention]" = field(default_factory=list)
    #: stage-private scratch space, keyed by stage name (not part of the output, never read by
    #: another stage: what one stage hands a later one is a field above)
    notes: dict[str, Any] = field(default_factory=dict)

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``article.text[start:end]``."""
        return Span.of(self.article.text, start, end)

    def span_of(self, item: "Token | SpacySpan") -> Span:
        """The :class:`Span` covered by a spaCy token or span."""
        if hasattr(item, "idx"):  # a Token
            return self.span(item.idx, item.idx + len(item.text))
        return self.span(item.start_char, item.end_char)

    def sentence_of(self, token: "Token") -> Span:
        """The evidence span of ``token``: its sentence without surrounding white space."""
        sent = token.sent
        start, end = sent.start_char, sent.end_char
        text = self.article.text
        # The parser saw blanks where boilerplate was removed; trim them away too.
        while start < end and (text[start].isspace() or self._removed_at(start)):
            start += 1
        while end > start and (text[end - 1].isspace() or self._removed_at(end - 1)):
            end -= 1
        return self.span(start, end)

    def _removed_at(self, offset: int) -> bool:
        return any(r.span.start <= offset < r.span.end for r in self.removed)

    def attribution(self, attribution_id: str) -> Attribution:
        for a in self.attributions:
            if a.id == attribution_id:
                return a
        raise KeyError(attribution_id)

    def attribution_holding(self, token_i: int) -> Attribution | None:
        """The attribution whose content holds token ``token_i``, if any."""
        att_id = self.content_of.get(token_i)
        return next((a for a in self.attributions if a.id == att_id), None) if att_id else None

    def result(self) -> ArticleResult:
        """Freeze the analysis into the output record."""
        return ArticleResult(
            article=self.article,
            removed=tuple(self.removed),
            actors=self.actors.all(),
            events=tuple(self.events),
            attributions=tuple(self.attributions),
            rejected=tuple(self.rejected),
        )
