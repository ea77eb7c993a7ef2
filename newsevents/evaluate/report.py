"""The result of an evaluation run: a readable table and a JSON document."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .base import Score

#: identifies the JSON written by ``newsevents evaluate --json``
REPORT_SCHEMA = "newsevents-evaluate/1"
#: a metric measured on one part of a sealed split: ``dev_full_f1`` or ``plv_type_accuracy_sealed``
_PART = re.compile(r"^(?:(dev|sealed)_(.+)|(.+)_(dev|sealed))$")


def split_part(metric: str) -> tuple[str, str] | None:
    """``(figure, part)`` of a metric measured on the dev or the sealed part, else ``None``."""
    m = _PART.match(metric)
    if m is None:
        return None
    return (m.group(2), m.group(1)) if m.group(1) else (m.group(3), m.group(4))


def _fixed_width(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as left-aligned columns, with a rule under the first (the header)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths).rstrip())
    return lines


def _target(score: Score) -> str:
    """``≥ 0.80`` (``≤`` for an error measure), or empty without a target."""
    if score.target is None:
        return ""
    return ("≥ " if score.higher_is_better else "≤ ") + f"{score.target:.2f}"


def _cell(score: Score | None) -> str:
    if score is None:
        return ""
    noise = "" if score.noise is None else f" ±{score.noise:.3f}"
    return f"{score.value:.3f}{noise}"


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of the suites that ran, and why the others did not.

    ``skipped`` maps a suite name to the reason it was skipped (missing data,
    suite not installed); ``seconds`` maps a suite name to its run time;
    ``errors`` maps a suite that crashed to its error (its scores are lost,
    and the quality gate fails them).
    """

    scores: tuple[Score, ...] = ()
    skipped: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> Score | None:
        """The score named ``suite/metric``, if it was measured."""
        for s in self.scores:
            if s.key == key:
                return s
        return None

    def suites(self) -> list[str]:
        """Names of the suites that produced scores, in order of appearance."""
        return list(dict.fromkeys(s.suite for s in self.scores))

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data (see :data:`REPORT_SCHEMA`)."""
        return {
            "schema": REPORT_SCHEMA,
            "scores": [asdict(s) | {"key": s.key} for s in self.scores],
            "skipped": dict(self.skipped),
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "errors": dict(self.errors),
        }

    def dumps(self) -> str:
        """:meth:`to_json` as indented text."""
        return json.dumps(self.to_json(), indent=2, sort_keys=False)

    def side_by_side(self) -> str:
        """The figures measured on both parts of a sealed split, dev beside sealed."""
        pairs: dict[tuple[str, str], dict[str, Score]] = {}
        for s in self.scores:
            found = split_part(s.metric)
            if found is not None:
                pairs.setdefault((s.suite, found[0]), {})[found[1]] = s
        head = ("suite", "figure", "dev", "sealed", "target")
        rows = [head]
        for (suite, figure), parts in pairs.items():
            target = _target(parts.get("sealed") or parts["dev"])
            rows.append((suite, figure, _cell(parts.get("dev")), _cell(parts.get("sealed")), target))
        return "\n".join(_fixed_width(rows))

    def table(self) -> str:
        """A fixed-width table: suite, metric, value, n, noise, target."""
        head = ("suite", "metric", "value", "n", "noise", "target", "")
        rows = [head]
        for s in self.scores:
            met = s.meets_target()
            mark = "" if met is None else ("ok" if met else "below" if s.higher_is_better else "above")
            noise = "" if s.noise is None else f"±{s.noise:.3f}"
            n = f"{s.n} {s.unit}".strip()
            rows.append((s.suite, s.metric, f"{s.value:.3f}", n, noise, _target(s), mark))
        lines = _fixed_width(rows)
        for name, secs in self.seconds.items():
            lines.append(f"# {name}: {secs:.1f} s")
        for name, why in self.skipped.items():
            lines.append(f"# skipped {name}: {why}")
        for name, err in self.errors.items():
            lines.append(f"# ERROR in {name}: {err}")
        return "\n".join(lines)
