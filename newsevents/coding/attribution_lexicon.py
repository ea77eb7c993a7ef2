"""Word lists of the attribution stage, read once from ``data/lexicons/``.

The lists are editable TSV files so that a user can add a cue verb or an
outlet without touching code: ``attribution_cues.tsv`` (cue lemma, status of
what it attributes, strong/weak) and ``outlets.tsv`` (news outlets and other
intermediaries that quotes come "via").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ModelError
from ..records import STATUSES


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One cue lemma: the status it gives its content and how sure a cue it is."""

    lemma: str
    status: str
    strong: bool


def _read(name: str) -> list[list[str]]:
    """Non-comment rows of a lexicon file, split on tabs."""
    try:
        text = (resources.files("newsevents") / "data" / "lexicons" / name).read_text("utf-8")
    except OSError as exc:  # a broken install, not a per-document problem
        raise ModelError(f"lexicon {name} missing: {exc}") from exc
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, CueEntry]:
    """Cue lemma -> :class:`CueEntry`."""
    table: dict[str, CueEntry] = {}
    for row in _read("attribution_cues.tsv"):
        lemma, status = row[0].lower(), row[1] if len(row) > 1 else "reported"
        if status not in STATUSES:
            raise ModelError(f"unknown status {status!r} for cue {lemma!r}")
        strong = (row[2] if len(row) > 2 else "strong") == "strong"
        table[lemma] = CueEntry(lemma, status, strong)
    return table


@lru_cache(maxsize=2)
def frames(use_model: bool = True) -> dict[str, frozenset[str]]:
    """Cue lemma -> the content frames it takes (``ccomp``, ``xcomp``, ``dobj``, ``prep:for`` …).

    Every lexicon cue takes a clause (``ccomp``); the table learned from
    PolNeAR train by ``scripts/train_attribution.py`` adds the frames that
    were gold cues at least half of the time there.
    """
    table: dict[str, set[str]] = {lemma: {"ccomp"} for lemma in cue_lexicon()}
    path = resources.files("newsevents") / "data" / "models" / "attribution_frames.tsv"
    if use_model and path.is_file():
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lemma, frame = line.split("\t")[:2]
                table.setdefault(lemma, set()).add(frame)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """Lower-case names of news outlets and intermediaries."""
    return frozenset(row[0].lower() for row in _read("outlets.tsv"))


__all__ = ["CueEntry", "cue_lexicon", "frames", "outlets"]
