"""What the enrich stages hand each other through :class:`~newsevents.coding.base.Analysis`:
the dates stage's :class:`DateMention` list (read by quantities, which leave time
expressions out) and the places stage's :class:`PlaceMention` list.

Kept apart from the stages so that ``base.Analysis`` can name them without
importing a stage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ...records import Event, EventDate, Location
from .timex import resolve

if TYPE_CHECKING:
    from spacy.tokens import Token


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


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place entity, how it hangs in the parse, and its resolution."""

    location: Location
    tokens: tuple["Token", ...]
    top: "Token"                 # highest token of the place phrase ("town" in "the town of X")
    governor: "Token | None"     # what the locative preposition modifies
    locative: bool
    kind: str | None             # gazetteer kind: country, capital, city, region, or None
