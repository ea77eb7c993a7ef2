"""The suite interface of the evaluation harness.

A *suite* measures one part of newsevents on one gold data set.  It is any
object with

* ``name`` - a short identifier (``"attribution"``, ``"events"`` …);
* ``needs`` - paths, relative to the data directory, that must exist for the
  suite to run (``("polnear/dev",)``); when one is missing the harness skips
  the suite with a message instead of failing;
* ``run(data_dir, pipeline) -> list[Score]`` - reads its gold data under
  ``data_dir`` (a :class:`~pathlib.Path`), runs the real
  :class:`newsevents.pipeline.Pipeline` (shared by all suites, so spaCy is
  loaded once) and returns its scores.

Each suite lives in its own module ``newsevents.evaluate.<name>`` and exposes
the suite object as the module attribute ``SUITE``.  :data:`SUITES` maps suite
names to those modules; :func:`load_suite` imports one lazily, so a suite
whose module (or its heavy dependencies) is missing does not break the
others.

A :class:`Score` is one number: ``value`` of ``metric`` in ``suite`` measured
over ``n`` units (documents, spans, sentences - the suite says which in
``unit``).  ``noise`` is the bootstrap standard deviation of ``value`` over
the suite's documents (see :func:`newsevents.evaluate.metrics.bootstrap_std`),
or ``None`` when not measured; the quality gate tolerates drops within it.
``target`` is the goal from the project's issue, if any, and
``higher_is_better`` is ``False`` for error measures such as MAE.

Example of a minimal suite module::

    from newsevents.evaluate.base import Score

    class _Toy:
        name = "toy"
        needs = ("toy/gold.jsonl",)

        def run(self, data_dir, pipeline):
            ...
            return [Score("toy", "f1", 0.91, n=120, target=0.9)]

    SUITE = _Toy()
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..errors import UsageError

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

#: suite name -> module that defines ``SUITE`` (imported only when asked for)
SUITES: dict[str, str] = {
    "attribution": "newsevents.evaluate.attribution",
    "aw": "newsevents.evaluate.aw",
    "events": "newsevents.evaluate.events",
    "factuality": "newsevents.evaluate.factuality",
    "extraction": "newsevents.evaluate.extraction",
    "gold-events": "newsevents.evaluate.gold_events",
}


@dataclass(frozen=True, slots=True)
class Score:
    """One measured figure of one suite."""

    suite: str
    metric: str
    value: float
    n: int
    target: float | None = None
    noise: float | None = None
    higher_is_better: bool = True
    unit: str = ""

    @property
    def key(self) -> str:
        """``suite/metric``: the name of this score in reports and the baseline."""
        return f"{self.suite}/{self.metric}"

    def meets_target(self) -> bool | None:
        """Whether the value reaches its target (``None`` without a target)."""
        if self.target is None:
            return None
        if self.higher_is_better:
            return self.value >= self.target
        return self.value <= self.target


@runtime_checkable
class Suite(Protocol):
    """What the harness needs of a suite (see the module docstring)."""

    name: str
    needs: tuple[str, ...]

    def run(self, data_dir: Path, pipeline: "Pipeline") -> list[Score]: ...


def load_suite(name: str) -> Suite:
    """Import the module of suite ``name`` and return its ``SUITE``.

    Raises :class:`UsageError` for an unknown name; an import error of the
    suite's module propagates (the harness reports it as a skipped suite).
    """
    try:
        module_name = SUITES[name]
    except KeyError:
        raise UsageError(f"unknown suite {name!r}; known: {', '.join(SUITES)}") from None
    module = importlib.import_module(module_name)
    return module.SUITE


def missing_data(suite: Suite, data_dir: Path) -> list[str]:
    """The paths in ``suite.needs`` that do not exist under ``data_dir``."""
    return [p for p in suite.needs if not (data_dir / p).exists()]
