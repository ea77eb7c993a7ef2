"""Readers for the event gold data: PLV and AW (marked dyads) and the PLOVER GSR.

All yield :class:`GoldDyad` records: a sentence, the character spans of its
source and target actors, and the gold PLOVER type under today's names.
The files stay in ``../shared/data``; nothing from them is copied.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

#: PLOVER 0.5 names -> PLOVER 2.0 (the manual's mapping; YIELD is split later)
OLD_NAMES: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}
#: how PLV's single YIELD root compares to PLOVER 2.0's two types
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})
_MARK = re.compile(r"</?[st]>")


@dataclass(frozen=True)
class GoldDyad:
    """One gold event: a sentence, its actors' character spans and its type."""

    id: str
    text: str
    label: str  # PLOVER 2.0 type, or YIELD (PLV: CONCEDE or RETREAT)
    sources: tuple[tuple[int, int], ...] = ()
    targets: tuple[tuple[int, int], ...] = ()
    mode: str | None = None
    source_codes: tuple[str, ...] = field(default=())
    target_codes: tuple[str, ...] = field(default=())
    group: str = ""  # for cross-validation: dyads of one sentence stay together


def coarse(label: str) -> str:
    """The label compared across schemes: CONCEDE and RETREAT count as YIELD."""
    return "YIELD" if label in YIELD_TYPES else label


def _unmark(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """Remove ``<s>…</s>``/``<t>…</t>`` and return the text and each span (stripped)."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        tag = m.group(0)
        kind = tag.strip("</>")
        if tag.startswith("</"):
            start = opened.pop(kind, length)
            spans[kind] = (start, length)
        else:
            opened[kind] = length
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    for kind, (a, b) in list(spans.items()):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        spans[kind] = (a, b)
    return text, spans


def _marked_dyad(dyad_id: str, marked: str, label: str, group: str) -> GoldDyad:
    text, spans = _unmark(marked)
    src, tgt = spans.get("s"), spans.get("t")
    return GoldDyad(id=dyad_id, text=text, label=label,
                    sources=(src,) if src and src[1] > src[0] else (),
                    targets=(tgt,) if tgt and tgt[1] > tgt[0] else (), group=group)


def _read_tsv(path: Path, what: str) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh, delimiter="\t"))
    except OSError as exc:
        raise InputError(f"cannot read {what} data {path}: {exc}") from exc


def read_plv(path: Path) -> list[GoldDyad]:
    """Read ``PLV_train.tsv``: one dyad per row, text with the marks removed."""
    return [_marked_dyad(f"plv-{n}", row["marked_sentence"], row["gold_root"].strip(), row["sentence_id"])
            for n, row in enumerate(_read_tsv(path, "PLV"))]


def read_aw(path: Path) -> list[GoldDyad]:
    """Read ``AW_train.tsv``: one dyad per row, ``label`` is ``gold_binary`` ("1": a PLOVER
    relation holds between the marked pair, "0": none); ``group`` is the document
    (``dataset:doc_id``), the unit of AW's sealed split."""
    return [_marked_dyad(f"aw-{row['uid']}", row["marked_sentence"], row["gold_binary"].strip(),
                         f"{row['dataset']}:{row['doc_id']}")
            for row in _read_tsv(path, "AW")]


def _find(text: str, actor_text: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    actor_text = actor_text.strip()
    if not actor_text:
        return None
    start = text.find(actor_text)
    while start >= 0:
        span = (start, start + len(actor_text))
        if span not in taken:
            return span
        start = text.find(actor_text, start + 1)
    return None


def _gsr_label(event: str, mode: str | None) -> str:
    event = OLD_NAMES.get(event, event)
    return "YIELD" if event == "YIELD" else event


def read_gsr(path: Path) -> list[GoldDyad]:
    """Read ``PLOVER_GSR_CAMEO.json`` (old names mapped; actor spans found by their text)."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read PLOVER GSR {path}: {exc}") from exc
    out: list[GoldDyad] = []
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        text = rec["text"]
        taken: set[tuple[int, int]] = set()
        sides: dict[str, tuple[list[tuple[int, int]], list[str]]] = {}
        for side in ("source", "target"):
            spans, codes = [], []
            actors = rec.get(side)
            for actor in actors if isinstance(actors, list) else ():
                if not isinstance(actor, dict):
                    continue
                span = _find(text, actor.get("actorText", ""), set())
                if span is not None:
                    spans.append(span)
                    taken.add(span)
                codes.append(str(actor.get("code", "")))
            sides[side] = (spans, codes)
        out.append(GoldDyad(
            id=rec["id"], text=text, label=_gsr_label(rec["event"], rec.get("mode")),
            sources=tuple(sides["source"][0]), targets=tuple(sides["target"][0]),
            mode=rec.get("mode") or None, source_codes=tuple(sides["source"][1]),
            target_codes=tuple(sides["target"][1]), group=rec["id"]))
    return out
