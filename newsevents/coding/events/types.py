"""The shared types of the events stage: a candidate :class:`Clause` and the
:class:`TypedClause` it becomes once a type is chosen.

They live here, not in the modules that build or decide them, so that every
phase (clauses, nouns, senses, misreadings, rejections, by_status) reads them
without importing the stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .args import Arg
from .lexicon import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class Clause:
    """One candidate event (mutable while the stage types and gates it)."""

    trigger: "Token"
    row: Trigger | None
    verb: "Token | None" = None  # the light verb of a noun trigger
    governor: "Token | None" = None  # controlling verb that may set the type
    governor_row: Trigger | None = None
    speech: "Token | None" = None  # speech act governing it ("denied", "accused")
    trigger_override: "Token | None" = None  # the controlling verb names the event
    source: Arg | None = None
    target: Arg | None = None

    @property
    def source_actors(self) -> tuple[str, ...]:
        """The source's actor ids (empty without a source)."""
        return self.source.actors if self.source else ()

    @property
    def target_actors(self) -> tuple[str, ...]:
        """The target's actor ids (empty without a target)."""
        return self.target.actors if self.target else ()

    @property
    def status_token(self) -> "Token":
        """The token whose status is the event's: the light verb for a noun, but the noun
        itself under a verb of saying ("Hamas denied the attack": the attack is denied)."""
        if self.verb is None or self.speech is self.verb:
            return self.trigger
        return self.verb

    def actor_count(self) -> int:
        """0, 1 or 2: whether source and target are known; a conjoined source counts as both."""
        if self.source is not None and self.target is None and len(self.source.actors) > 1:
            return 2  # "Norway and Sweden signed a deal": the dyad is inside the source
        return (1 if self.source else 0) + (1 if self.target else 0)


@dataclass
class TypedClause:
    """A clause with the type chosen for it, who chose it (``coder``: "rules" or "model"),
    the confidence and the token that names the event."""

    clause: Clause
    type: str
    coder: str
    confidence: float
    trigger: "Token"
    readings: tuple[str, ...] = ()  # the readings that changed it (see .readings)
