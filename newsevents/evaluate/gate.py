"""The quality gate: scores must not fall below the committed baseline.

``newsevents/data/baseline.json`` holds one line per score::

    "extraction/body_f1": {"value": 0.961, "floor": 0.961, "noise": 0.006, "higher_is_better": true},

``value`` is what was measured when the baseline was written, ``floor`` the
bound the gate enforces and ``noise`` the bootstrap standard deviation of the
score over the suite's documents.  A score *fails* when it is below
``floor - noise`` (for an error measure such as MAE, ``higher_is_better`` is
false and it fails above ``floor + noise``).  Raising a floor after an
improvement is a one-line edit of that score's line, in the same commit.

Only scores with a measured noise are put in the baseline (see
:func:`updated_baseline`).  A baseline score whose suite did not run (not asked for, data missing) is
``not run`` and does not fail; one whose suite ran but did not report it, or
crashed, fails, so a metric cannot silently disappear.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from ..errors import UsageError
from .report import Report

Outcome = Literal["pass", "fail", "not run"]


@dataclass(frozen=True, slots=True)
class Bound:
    """One baseline entry: the bound a score is held to."""

    key: str
    value: float
    floor: float
    noise: float = 0.0
    higher_is_better: bool = True

    @property
    def suite(self) -> str:
        return self.key.split("/", 1)[0]

    def limit(self) -> float:
        """The worst value that still passes: the floor widened by the noise."""
        return self.floor - self.noise if self.higher_is_better else self.floor + self.noise

    def passes(self, value: float) -> bool:
        """Whether ``value`` is within the bound (NaN never passes)."""
        if math.isnan(value):
            return False
        return value >= self.limit() if self.higher_is_better else value <= self.limit()


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one baseline score fared in a report."""

    bound: Bound
    outcome: Outcome
    value: float | None = None
    note: str = ""

    def describe(self) -> str:
        """One line for the user, e.g. ``FAIL extraction/body_f1 0.900 < 0.955``."""
        b = self.bound
        if self.outcome == "not run":
            return f"not run  {b.key}"
        if self.value is None:
            return f"FAIL     {b.key}: {self.note}"
        op = (">=" if self.outcome == "pass" else "<") if b.higher_is_better else \
             ("<=" if self.outcome == "pass" else ">")
        tag = "ok  " if self.outcome == "pass" else "FAIL"
        return (f"{tag}     {b.key} {self.value:.3f} {op} {b.limit():.3f} "
                f"(floor {b.floor:.3f}, noise {b.noise:.3f})")


def default_baseline_path() -> Path:
    """The committed baseline inside the package."""
    return Path(str(resources.files("newsevents") / "data" / "baseline.json"))


def load_baseline(path: str | Path | None = None) -> dict[str, Bound]:
    """The bounds in a baseline file (default: the committed one).

    Raises :class:`UsageError` when the file is missing or malformed.
    """
    path = Path(path) if path is not None else default_baseline_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: Bound(k, float(v["value"]), float(v["floor"]), float(v.get("noise", 0.0)),
                         bool(v.get("higher_is_better", True)))
                for k, v in data["scores"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"cannot read baseline {path}: {exc}") from exc


def check(report: Report, baseline: dict[str, Bound]) -> list[Verdict]:
    """Judge every baseline score against ``report``."""
    ran = set(report.seconds) | set(report.suites()) | set(report.errors)
    out = []
    for key, bound in baseline.items():
        if bound.suite not in ran:
            out.append(Verdict(bound, "not run"))
            continue
        score = report.get(key)
        if bound.suite in report.errors:
            out.append(Verdict(bound, "fail", note=f"suite failed: {report.errors[bound.suite]}"))
        elif score is None:
            out.append(Verdict(bound, "fail", note="not reported although its suite ran"))
        else:
            out.append(Verdict(bound, "pass" if bound.passes(score.value) else "fail", score.value))
    return out


def failed(verdicts: list[Verdict]) -> list[Verdict]:
    """The verdicts that fail the gate."""
    return [v for v in verdicts if v.outcome == "fail"]


def updated_baseline(report: Report, old: dict[str, Bound] | None = None) -> dict[str, Bound]:
    """A baseline with ``report``'s gated scores; suites that did not run keep their entries.

    Only scores that carry a measured noise are gated: the others (per-type
    F1 on a handful of items, diagnostics) are reported but would make the
    gate fail on chance.  The floor of a score is its current value rounded
    towards failing (3 decimals), and its noise the measured one rounded up.
    """
    ran = set(report.suites()) - set(report.errors)
    out = {k: b for k, b in (old or {}).items() if b.suite not in ran}
    for s in report.scores:
        if s.noise is None:
            continue
        hi = s.higher_is_better
        floor = math.floor(s.value * 1000) / 1000 if hi else math.ceil(s.value * 1000) / 1000
        noise = math.ceil((s.noise or 0.0) * 1000) / 1000
        out[s.key] = Bound(s.key, round(s.value, 4), floor, noise, hi)
    return out


def dumps_baseline(bounds: dict[str, Bound], comment: str = "") -> str:
    """Baseline file text: one score a line, so raising a floor is a one-line diff."""
    lines = ["{", f'  "comment": {json.dumps(comment)},', '  "scores": {']
    entries = []
    for key in sorted(bounds):
        b = bounds[key]
        body = json.dumps({"value": b.value, "floor": b.floor, "noise": b.noise,
                           "higher_is_better": b.higher_is_better})
        entries.append(f"    {json.dumps(key)}: {body}")
    lines.append(",\n".join(entries))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"
