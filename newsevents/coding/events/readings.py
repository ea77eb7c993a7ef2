"""The readings of the events stage: one ordered registry, one kind of decision.

A *reading* is a named judgement about a typed clause that the classifier and
the trigger lexicon cannot make alone: what a word means in this clause
("attacked her *in a tweet*" is an accusation), why a clause is no political
event ("Austria beat Hungary 2-1" is a sports result), or what the event's
status makes of its type ("will not lift the embargo" is a refusal).  Each is
a function in its phase's module; this module lists them in the order they are
tried, and turns what each says into a :class:`Decision` that names it.

The phases run in this order on every typed clause:

1. ``sense`` (:data:`.senses.RETYPES`): every reading is tried; each may
   change the type or the roles of the clause.
2. ``reject`` (:data:`.rejections.REJECTIONS`): the first that gives a reason
   rejects the clause; the reason and the reading's name go with it.
3. ``status`` (:data:`.by_status.STATUS_READINGS`): the first that applies
   changes the type and status.

To add a reading: write the function beside its kind (a sense in
``senses.py``, a rejection in ``rejections.py`` or ``misreadings.py``, a
status reading in ``by_status.py``), add it to that module's tuple at the
place it must be tried, and test it with invented sentences in the matching
test module.  A reading that looks words up in the trigger lexicon takes it as a
keyword argument ``lex``: the registry passes the events stage's own
(``Settings.lexicons``).  :func:`registry` lists them all; ``Settings.readings_off`` turns
readings off by name, which is how each one's contribution is measured
(``scripts/ablate_readings.py``).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .by_status import STATUS_READINGS
from .rejections import REJECTIONS
from .senses import RETYPES

if TYPE_CHECKING:
    from ..base import Analysis
    from .lexicon import Lexicon
    from .types import TypedClause

#: the phases, in the order they run
PHASES = ("sense", "reject", "status")


@dataclass(frozen=True)
class Reading:
    """One registered reading: its name (the function's), its phase and what it says."""

    name: str
    phase: str
    function: Callable
    summary: str

    @property
    def lexical(self) -> bool:
        """Whether the reading looks words up in the trigger lexicon (takes ``lex``)."""
        return "lex" in inspect.signature(self.function).parameters


@dataclass(frozen=True)
class Decision:
    """What one reading decided about one clause: ``retype`` (type or roles changed),
    ``reject`` (no political event) or ``restatus`` (same type, another status)."""

    reading: str
    action: str
    reason: str
    before: str
    after: str | None


def _summary(function: Callable) -> str:
    doc = (function.__doc__ or function.__name__).strip()
    return " ".join(doc.split("\n\n")[0].split())


def registry() -> tuple[Reading, ...]:
    """Every reading, phase by phase, in the order it is tried."""
    tables = (("sense", RETYPES), ("reject", REJECTIONS), ("status", STATUS_READINGS))
    return tuple(Reading(f.__name__, phase, f, _summary(f)) for phase, table in tables for f in table)


@dataclass(frozen=True)
class Outcome:
    """A clause after its readings: the typed clause and status it ends with (``typed``
    is ``None`` when a reading rejected it) and the decisions that led there."""

    typed: "TypedClause | None"
    status: str
    decisions: tuple[Decision, ...]

    @property
    def rejection(self) -> Decision | None:
        """The decision that rejected the clause, if one did."""
        return self.decisions[-1] if self.typed is None and self.decisions else None


class Readings:
    """The registry with some readings turned off (by name), applied to clauses."""

    def __init__(self, off: frozenset[str], lexicon: "Lexicon") -> None:
        every = registry()
        unknown = off - {r.name for r in every}
        if unknown:
            raise ValueError(f"no such reading: {', '.join(sorted(unknown))}")
        self.active = tuple(r for r in every if r.name not in off)
        self._by_phase = {p: tuple(r for r in self.active if r.phase == p) for p in PHASES}
        #: keyword arguments of each reading: the lexicon for those that read it
        self._kwargs = {r.name: {"lex": lexicon} if r.lexical else {} for r in self.active}

    def apply(self, typed: "TypedClause", status: str, analysis: "Analysis") -> Outcome:
        """Run the phases on one typed clause (see the module docstring)."""
        decisions: list[Decision] = []
        for reading in self._by_phase["sense"]:
            new = reading.function(typed, analysis, **self._kwargs[reading.name])
            if new is not typed:
                decisions.append(Decision(reading.name, "retype", reading.summary, typed.type, new.type))
                typed = new
        for reading in self._by_phase["reject"]:
            reason = reading.function(typed, analysis, **self._kwargs[reading.name])
            if reason:
                decisions.append(Decision(reading.name, "reject", reason, typed.type, None))
                return Outcome(None, status, tuple(decisions))
        for reading in self._by_phase["status"]:
            found = reading.function(typed, status)
            if found is not None:
                new, new_status = found
                action = "retype" if new.type != typed.type else "restatus"
                decisions.append(Decision(reading.name, action, reading.summary, typed.type, new.type))
                typed, status = new, new_status
                break
        return Outcome(typed, status, tuple(decisions))
