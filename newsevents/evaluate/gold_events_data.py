"""Reader for ``gold-events/``: real articles with every political event they report.

Each line of ``gold-events/dev/D*.jsonl`` is one document (see that folder's
README and GUIDE): a path to its text under the data directory, its
publication date, whether it is political, and its events.  The texts stay
in ``../shared/data``: PolNeAR ``.txt`` files, or for article-extraction pages
the benchmark's gold ``articleBody``.  D2's last three lines annotate three of
D1's articles again, for the annotators' agreement; they are kept apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError

FOLDER = "gold-events/dev"


@dataclass(frozen=True)
class GoldActor:
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event, located in its document's text."""

    sentence: tuple[int, int]  # character span of the sentence in the text
    sentence_text: str
    trigger: tuple[int, int]
    type: str
    mode: str | None
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    status: str
    attributed_to: tuple[str, ...]
    date: str | None


@dataclass(frozen=True)
class GoldDoc:
    """One annotated document and its text."""

    id: str  # path relative to the data directory (the unit of the sealed split)
    text: str
    published: date | None
    political: bool
    events: tuple[GoldEvent, ...]
    batch: str  # D1 … D4


def _actors(items) -> tuple[GoldActor, ...]:
    return tuple(GoldActor(str(a.get("name") or ""), a.get("country"), a.get("sector"))
                 for a in items or () if isinstance(a, dict))


def _locate(text: str, ev: dict) -> GoldEvent | None:
    start = text.find(ev["sentence"])
    if start < 0:
        return None
    end = start + len(ev["sentence"])
    t = ev["sentence"].find(ev["trigger"])
    trig = (start + t, start + t + len(ev["trigger"])) if t >= 0 else (start, start)
    return GoldEvent((start, end), ev["sentence"], trig, ev["type"], ev.get("mode"),
                     _actors(ev.get("source")), _actors(ev.get("target")), ev["status"],
                     tuple(str(x) for x in ev.get("attributed_to") or ()), ev.get("date"))


def _text(data_dir: Path, doc: str, bodies: dict[str, str]) -> str:
    if doc.startswith("article-extraction/"):
        page_id = Path(doc).name.split(".")[0]
        return bodies[page_id]
    return (data_dir / doc).read_text(encoding="utf-8")


def read_gold_events(data_dir: Path, *, repeats: bool = False) -> list[GoldDoc]:
    """Every annotated document (first annotation of each; ``repeats=True``: only D2's repeats)."""
    data_dir = Path(data_dir)
    gt = data_dir / "article-extraction" / "ground-truth.json"
    try:
        bodies = {k: v["articleBody"] for k, v in json.loads(gt.read_text(encoding="utf-8")).items()} \
            if gt.exists() else {}
        out: list[GoldDoc] = []
        seen: set[str] = set()
        for path in sorted((data_dir / FOLDER).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                rec = json.loads(line)
                if (rec["doc"] in seen) != repeats:
                    seen.add(rec["doc"])
                    continue
                seen.add(rec["doc"])
                text = _text(data_dir, rec["doc"], bodies)
                events = tuple(e for e in (_locate(text, ev) for ev in rec["events"]) if e is not None)
                pub = date.fromisoformat(rec["published"]) if rec.get("published") else None
                out.append(GoldDoc(rec["doc"], text, pub, bool(rec.get("political")), events, path.stem))
        return out
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read gold events under {data_dir}: {exc}") from exc
