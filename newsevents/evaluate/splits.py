"""Sealed splits: the part of every tuned-on data set that nobody tunes on.

Each data set has a committed file ``newsevents/data/splits/<name>.json``::

    {"dataset": "plv", "seed": 15, "unit": "sentence_id", "sealed": ["12", "40", ...]}

``sealed`` lists the ids of the units (documents, sentences) set aside; all
other units are *dev*.  The files are written once by
``scripts/make_splits.py`` (a seeded draw of a third of the units, stratified
where the data has strata) and never redrawn: a redraw would leak what was
tuned on into the sealed part.  Suites report ``*_dev`` and ``*_sealed``
figures side by side; errors on sealed units are never printed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Hashable, Iterable, Literal, Sequence, TypeVar

from ..errors import UsageError

T = TypeVar("T")
Part = Literal["dev", "sealed"]
PARTS: tuple[Part, ...] = ("dev", "sealed")


@dataclass(frozen=True)
class Split:
    """The sealed ids of one data set."""

    dataset: str
    seed: int
    unit: str
    sealed: frozenset[str]

    def part(self, unit_id: Hashable) -> Part:
        """``"sealed"`` for a sealed unit, else ``"dev"``."""
        return "sealed" if str(unit_id) in self.sealed else "dev"

    def select(self, items: Iterable[T], key, part: Part) -> list[T]:
        """The items whose unit id (``key(item)``) lies in ``part``."""
        return [x for x in items if self.part(key(x)) == part]


@lru_cache(maxsize=None)
def load_split(dataset: str) -> Split:
    """The committed split of ``dataset`` (raises :class:`UsageError` when there is none)."""
    path = resources.files("newsevents") / "data" / "splits" / f"{dataset}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"no sealed split for {dataset!r}: {exc}") from exc
    return Split(data["dataset"], int(data["seed"]), data.get("unit", "id"),
                 frozenset(str(x) for x in data["sealed"]))


def draw(unit_ids: Sequence[str], seed: int, share: float = 1 / 3,
         strata: dict[str, str] | None = None) -> list[str]:
    """A seeded draw of ``share`` of ``unit_ids`` (per stratum when ``strata`` maps id -> stratum)."""
    import random

    rng = random.Random(seed)
    groups: dict[str, list[str]] = {}
    for uid in sorted(set(unit_ids)):
        groups.setdefault((strata or {}).get(uid, ""), []).append(uid)
    out: list[str] = []
    for name in sorted(groups):
        ids = groups[name]
        out.extend(rng.sample(ids, round(len(ids) * share)))
    return sorted(out)
