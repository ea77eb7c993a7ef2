"""Word lists of the attribution stage, from ``data/lexicons/`` or ``Settings.lexicons``.

The lists are editable TSV files so that a user can add a cue verb or an
outlet without touching code: ``attribution_cues.tsv`` (cue lemma, status of
what it attributes, strong/weak) and ``outlets.tsv`` (news outlets and other
intermediaries that quotes come "via").  The stage builds its :class:`CueWords`
once (:func:`cue_words`) and passes them to whatever reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Mapping

from ...errors import ModelError
from ...records import STATUSES
from ..lexicon_files import LexiconFiles


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One cue lemma: the status it gives its content and how sure a cue it is."""

    lemma: str
    status: str
    strong: bool


@dataclass(frozen=True)
class CueWords:
    """The attribution stage's word lists: ``cues`` (lemma -> :class:`CueEntry`, from
    ``attribution_cues.tsv``) and ``outlets`` (lower-case names, from ``outlets.tsv``)."""

    cues: Mapping[str, CueEntry]
    outlets: frozenset[str]


def cue_words(files: LexiconFiles = LexiconFiles()) -> CueWords:
    """The word lists of ``files`` (by default the packaged ones)."""
    return CueWords(files.table("attribution_cues.tsv", parse_cues), files.table("outlets.tsv", parse_outlets))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def parse_cues(rows: tuple[tuple[int, str], ...]) -> dict[str, CueEntry]:
    """Cue lemma -> :class:`CueEntry` of the rows of ``attribution_cues.tsv``."""
    table: dict[str, CueEntry] = {}
    for row in (_cells(line) for _, line in rows):
        lemma, status = row[0].lower(), row[1] if len(row) > 1 else "reported"
        if status not in STATUSES:
            raise ModelError(f"unknown status {status!r} for cue {lemma!r}")
        strong = (row[2] if len(row) > 2 else "strong") == "strong"
        table[lemma] = CueEntry(lemma, status, strong)
    return table


def parse_outlets(rows: tuple[tuple[int, str], ...]) -> frozenset[str]:
    """The lower-case names of the rows of ``outlets.tsv``."""
    return frozenset(_cells(line)[0].lower() for _, line in rows)


#: a learned (lemma, frame) is a cue when it was a gold cue this often on PolNeAR train
MIN_PRECISION = 0.5
#: a hand-lexicon cue's clause frame is dropped when it was a gold cue less often than this
VETO_PRECISION = 0.1
#: … over at least this many occurrences
MIN_COUNT = 3


def frames(cues: Mapping[str, CueEntry], use_model: bool = True, min_precision: float = MIN_PRECISION,
           veto: float = VETO_PRECISION) -> dict[str, frozenset[str]]:
    """Cue lemma -> the content frames it takes (``ccomp``, ``xcomp``, ``dobj``, ``prep:for`` …).

    Every cue of ``cues`` takes a clause (``ccomp``); the table learned from
    PolNeAR train by ``scripts/train_attribution.py`` adds the frames that
    were gold cues at least ``min_precision`` of the time there, and drops
    lexicon clause frames that were gold cues less than ``veto`` of the time.
    """
    table: dict[str, set[str]] = {lemma: {"ccomp"} for lemma in cues}
    path = resources.files("newsevents") / "data" / "models" / "attribution_frames.tsv"
    if not (use_model and path.is_file()):
        return {k: frozenset(v) for k, v in table.items()}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, frame, pos, n = line.split("\t")[:4]
        precision = int(pos) / max(int(n), 1)
        if int(n) >= MIN_COUNT and precision >= min_precision:
            table.setdefault(lemma, set()).add(frame)
        elif int(n) >= MIN_COUNT and precision < veto and lemma in table:
            table[lemma].discard(frame)
    return {k: frozenset(v) for k, v in table.items() if v}


__all__ = ["CueEntry", "CueWords", "cue_words", "parse_cues", "parse_outlets", "frames"]
