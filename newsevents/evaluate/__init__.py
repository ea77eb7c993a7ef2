"""Measured accuracy: gold-data suites, their metrics and the quality gate.

``evaluate(suites=None, data_dir=None) -> Report`` runs the named suites (all
of :data:`~newsevents.evaluate.base.SUITES` by default) over the gold data in
``data_dir`` (default: ``$NEWSEVENTS_DATA``, else ``../shared/data`` beside
the repository) with one shared :class:`~newsevents.pipeline.Pipeline`.
A suite whose data or module is missing is skipped with the reason in
``Report.skipped``; a suite that raises while running is recorded in
``Report.errors`` (with the traceback logged) and the other suites go on.

See :mod:`newsevents.evaluate.base` for the suite interface,
:mod:`newsevents.evaluate.metrics` for the metrics and
:mod:`newsevents.evaluate.gate` for the baseline check.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .base import SUITES, Score, Suite, load_suite, missing_data
from .report import Report

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["evaluate", "default_data_dir", "Report", "Score", "Suite", "SUITES"]

log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    """``$NEWSEVENTS_DATA`` if set, else ``shared/data`` beside the repository."""
    env = os.environ.get("NEWSEVENTS_DATA")
    if env:
        return Path(env)
    return (Path(__file__).resolve().parents[2] / ".." / "shared" / "data").resolve()


def evaluate(suites: Iterable[str] | None = None, data_dir: str | os.PathLike | None = None,
             pipeline: "Pipeline | None" = None) -> Report:
    """Run the named suites (all by default) and collect their scores.

    Raises :class:`~newsevents.errors.UsageError` for an unknown suite name.
    """
    names = list(suites) if suites else list(SUITES)
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    loaded: list[Suite] = []
    skipped: dict[str, str] = {}
    for name in names:
        suite, why = _load(name, root)
        if suite is None:
            log.warning("skipping suite %s: %s", name, why)
            skipped[name] = why
        else:
            loaded.append(suite)
    if pipeline is None and loaded:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    scores: list[Score] = []
    seconds: dict[str, float] = {}
    errors: dict[str, str] = {}
    for suite in loaded:
        t0 = time.perf_counter()
        log.info("running suite %s", suite.name)
        try:
            scores.extend(suite.run(root, pipeline))
        except Exception as exc:  # one broken suite must not hide the others' scores
            log.exception("suite %s failed", suite.name)
            errors[suite.name] = f"{type(exc).__name__}: {exc}"
        seconds[suite.name] = time.perf_counter() - t0
    return Report(tuple(scores), skipped, seconds, errors)


def _load(name: str, root: Path) -> tuple[Suite | None, str]:
    """The suite, or ``None`` and the reason it cannot run here."""
    if name not in SUITES:
        load_suite(name)  # raises UsageError with the list of known suites
    try:
        suite = load_suite(name)
    except ImportError as exc:  # a suite still being written, or an optional extra
        return None, f"suite module not available ({exc})"
    missing = missing_data(suite, root)
    if missing:
        return None, f"gold data missing under {root}: {', '.join(missing)}"
    return suite, ""
