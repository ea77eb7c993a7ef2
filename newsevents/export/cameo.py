"""PLOVER type/mode -> CAMEO codes (the shipped table ``data/plover_cameo.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO code with its root, the GDELT quad class of that root and its
    Goldstein weight (-10 most conflictual .. +10 most cooperative)."""

    code: str
    description: str
    goldstein: float | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        """The 3-digit base code (the root padded with 0 for a root-only code)."""
        return self.code[:3] if len(self.code) >= 3 else self.code + "0"

    @property
    def quad_class(self) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        root = int(self.root)
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], CameoCode]:
    """``{(plover_type, mode or "-"): CameoCode}`` from the shipped TSV."""
    path = resources.files("newsevents") / "data" / "plover_cameo.tsv"
    out: dict[tuple[str, str], CameoCode] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        plover, mode, code, description, goldstein = line.split("\t")
        out[(plover, mode)] = CameoCode(code, description, float(goldstein))
    return out


def cameo(plover_type: str, mode: str | None = None) -> CameoCode | None:
    """The CAMEO code of a PLOVER type and mode (the type's default for unknown modes)."""
    t = table()
    return t.get((plover_type, mode or "-")) or t.get((plover_type, "-"))
