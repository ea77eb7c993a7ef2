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

from ...errors import ModelError
from ...records import STATUSES


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


#: a learned (lemma, frame) is a cue when it was a gold cue this often on PolNeAR train
MIN_PRECISION = 0.5
#: a hand-lexicon cue's clause frame is dropped when it was a gold cue less often than this
VETO_PRECISION = 0.1
#: … over at least this many occurrences
MIN_COUNT = 3


@lru_cache(maxsize=8)
def frames(use_model: bool = True, min_precision: float = MIN_PRECISION,
           veto: float = VETO_PRECISION) -> dict[str, frozenset[str]]:
    """Cue lemma -> the content frames it takes (``ccomp``, ``xcomp``, ``dobj``, ``prep:for`` …).

    Every lexicon cue takes a clause (``ccomp``); the table learned from
    PolNeAR train by ``scripts/train_attribution.py`` adds the frames that
    were gold cues at least ``min_precision`` of the time there, and drops
    lexicon clause frames that were gold cues less than ``veto`` of the time.
    """
    table: dict[str, set[str]] = {lemma: {"ccomp"} for lemma in cue_lexicon()}
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


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """Lower-case names of news outlets and intermediaries."""
    return frozenset(row[0].lower() for row in _read("outlets.tsv"))


__all__ = ["CueEntry", "cue_lexicon", "frames", "outlets"]
