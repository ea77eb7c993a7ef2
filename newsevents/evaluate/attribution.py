"""The PolNeAR attribution suite: source, cue and content spans against gold.

PolNeAR (brat standoff, see ``../shared/data/README.md``) marks every
attribution with a ``Cue``, a ``Content`` and usually a ``Source`` span.
Scores, over all documents:

* ``cue`` / ``source`` / ``content``: exact-span P/R/F1 (a predicted span
  must equal a gold span of the same role, discontinuous spans compared as
  their list of pieces) and token-overlap P/R/F1 (whitespace tokens of the
  role's spans, predicted against gold, pooled over documents);
* ``attribution``: full attribution P/R/F1, where a predicted attribution
  matches an unused gold one when their cues overlap, their contents share
  at least half of the smaller content's tokens, and, when gold has a source,
  their sources overlap;
* ``direct``: quote-span P/R/F1 for direct quotes (gold contents that start
  and end with a quotation mark, against predicted contents of ``direct``
  and ``mixed`` attributions that do) and speaker accuracy (the share of
  matched quotes whose predicted source overlaps the gold source).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import UsageError
from ..records import Attribution

log = logging.getLogger(__name__)

Spans = tuple[tuple[int, int], ...]
_QUOTES = "\"\u201c\u201d'\u2018\u2019"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution: spans as tuples of (start, end) pieces."""

    cue: Spans
    content: Spans
    source: Spans | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A PolNeAR article and its gold attributions."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _spans(field: str) -> Spans:
    return tuple(tuple(int(x) for x in part.split()) for part in field.split(";"))  # type: ignore[misc]


def read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    """Parse one brat ``.ann`` file into gold attributions."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            _role, _, rest = parts[1].partition(" ")
            spans[parts[0]] = _spans(rest)
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for ev in events:
        if "Cue" not in ev or "Content" not in ev:
            continue
        if ev["Cue"] not in spans or ev["Content"] not in spans:
            continue
        src = spans.get(ev["Source"]) if "Source" in ev else None
        out.append(GoldAttribution(spans[ev["Cue"]], spans[ev["Content"]], src))
    return tuple(out)


def read_polnear(split_dir: Path | str) -> list[GoldDocument]:
    """Every article of a PolNeAR split (one annotator's file per article)."""
    split = Path(split_dir)
    if not (split / "text").is_dir():
        raise UsageError(f"not a PolNeAR split (no text/): {split}")
    anns: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    docs = []
    for txt in sorted((split / "text").glob("*.txt")):
        ann = anns.get(txt.stem)
        if ann is None:
            continue
        docs.append(GoldDocument(txt.stem, txt.read_text(encoding="utf-8"), read_ann(ann)))
    return docs


# -- scoring -------------------------------------------------------------------------
def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f}


def _words(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the whitespace words inside ``spans`` (punctuation-only words dropped)."""
    out: set[int] = set()
    for s, e in spans:
        for m in _WORD.finditer(text, s, e):
            if any(ch.isalnum() for ch in m.group()):
                out.add(m.start())
    return out


def _pred_spans(att: Attribution) -> dict[str, Spans | None]:
    return {
        "cue": ((att.cue.start, att.cue.end),),
        "content": tuple((c.start, c.end) for c in att.contents),
        "source": ((att.source.span.start, att.source.span.end),) if att.source else None,
    }


def _gold_spans(g: GoldAttribution) -> dict[str, Spans | None]:
    return {"cue": g.cue, "content": g.content, "source": g.source}


def _is_quote(text: str, s: int, e: int) -> bool:
    piece = text[s:e].strip()
    return len(piece) > 2 and piece[0] in _QUOTES and piece[-1] in _QUOTES


class Scorer:
    """Accumulates counts over documents; :meth:`scores` gives the table."""

    ROLES = ("cue", "source", "content")

    def __init__(self) -> None:
        self.exact = {r: [0, 0, 0] for r in self.ROLES}  # tp, pred, gold
        self.overlap = {r: [0, 0, 0] for r in self.ROLES}
        self.full = [0, 0, 0]
        self.quote = [0, 0, 0]
        self.speaker = [0, 0]  # correct, matched

    def add(self, text: str, gold: Sequence[GoldAttribution], pred: Sequence[Attribution]) -> None:
        """Score one document's predictions against its gold."""
        self.add_spans(text, [_gold_spans(g) for g in gold], [_pred_spans(p) for p in pred],
                       [p.kind in {"direct", "mixed"} for p in pred])

    def add_spans(self, text: str, gs: list[dict], ps: list[dict], quoting: Sequence[bool]) -> None:
        """Score one document given role -> spans dicts (``quoting``: which predictions may
        hold direct quotes)."""
        for role in self.ROLES:
            g_set = {x[role] for x in gs if x[role]}
            p_set = {x[role] for x in ps if x[role]}
            self._count(self.exact[role], len(g_set & p_set), len(p_set), len(g_set))
            gw = _words(text, [sp for x in g_set for sp in x])
            pw = _words(text, [sp for x in p_set for sp in x])
            self._count(self.overlap[role], len(gw & pw), len(pw), len(gw))
        self._full(text, gs, ps)
        self._quotes(text, gs, ps, quoting)

    @staticmethod
    def _count(acc: list[int], tp: int, n_pred: int, n_gold: int) -> None:
        acc[0] += tp
        acc[1] += n_pred
        acc[2] += n_gold

    def _full(self, text: str, gs: list[dict], ps: list[dict]) -> None:
        used: set[int] = set()
        tp = 0
        for p in ps:
            pcont = _words(text, p["content"])
            psrc = _words(text, p["source"]) if p["source"] else set()
            for gi, g in enumerate(gs):
                if gi in used or not (_overlaps(p["cue"], g["cue"])):
                    continue
                gcont = _words(text, g["content"])
                if not gcont or len(gcont & pcont) * 2 < min(len(gcont), len(pcont) or 1):
                    continue
                if g["source"] and not (_words(text, g["source"]) & psrc):
                    continue
                used.add(gi)
                tp += 1
                break
        self._count(self.full, tp, len(ps), len(gs))

    def _quotes(self, text: str, gs: list[dict], ps: list[dict], quoting: Sequence[bool]) -> None:
        gold_q = {}
        for g in gs:
            for s, e in g["content"]:
                if _is_quote(text, s, e):
                    gold_q[(s, e)] = g["source"]
        pred_q = {}
        for p, may_quote in zip(ps, quoting):
            if not may_quote:
                continue
            for s, e in p["content"]:
                if _is_quote(text, s, e):
                    pred_q[(s, e)] = p["source"]
        matched = set(gold_q) & set(pred_q)
        self._count(self.quote, len(matched), len(pred_q), len(gold_q))
        for key in matched:
            gsrc, psrc = gold_q[key], pred_q[key]
            if gsrc is None:
                continue
            self.speaker[1] += 1
            if psrc and _words(text, gsrc) & _words(text, psrc):
                self.speaker[0] += 1

    @classmethod
    def merged(cls, parts: Sequence["Scorer"]) -> "Scorer":
        """One scorer holding the summed counts of ``parts`` (e.g. per-document scorers)."""
        out = cls()
        for part in parts:
            for role in cls.ROLES:
                for acc, other in ((out.exact[role], part.exact[role]), (out.overlap[role], part.overlap[role])):
                    for k in range(3):
                        acc[k] += other[k]
            for k in range(3):
                out.full[k] += part.full[k]
                out.quote[k] += part.quote[k]
            out.speaker[0] += part.speaker[0]
            out.speaker[1] += part.speaker[1]
        return out

    def scores(self) -> dict[str, dict[str, float]]:
        """``{metric: {p, r, f1}}`` (speaker: ``{accuracy, n}``)."""
        out: dict[str, dict[str, float]] = {}
        for role in self.ROLES:
            out[f"{role}_exact"] = prf(*self.exact[role])
            out[f"{role}_overlap"] = prf(*self.overlap[role])
        out["attribution_full"] = prf(*self.full)
        out["direct_quote"] = prf(*self.quote)
        c, n = self.speaker
        out["direct_speaker"] = {"accuracy": c / n if n else 0.0, "n": float(n)}
        return out


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_split(docs: Sequence[GoldDocument], analyses) -> list[Scorer]:
    """One :class:`Scorer` per gold document, from its analysis (Skipped/Failed score as empty)."""
    parts = []
    for doc, analysis in zip(docs, analyses):
        attributions = getattr(analysis, "attributions", None)
        if attributions is None:
            log.warning("no analysis for %s: %s", doc.name, analysis)
            attributions = []
        part = Scorer()
        part.add(doc.text, doc.attributions, attributions)
        parts.append(part)
    return parts


def evaluate_polnear(split_dir: Path | str, pipeline=None) -> dict[str, dict[str, float]]:
    """Run the pipeline over a PolNeAR split and score its attributions.

    ``pipeline`` defaults to a :class:`~newsevents.pipeline.Pipeline` with the
    actors (when installed) and attribution stages only.
    """
    docs = read_polnear(split_dir)
    pipe = pipeline if pipeline is not None else _default_pipeline()
    parts = score_split(docs, pipe.analyse([d.text for d in docs]))
    return Scorer.merged(parts).scores()


def annotator_agreement(polnear_dir: Path | str) -> tuple[dict[str, dict[str, float]], int]:
    """How well PolNeAR's annotators agree with each other: the articles annotated
    twice (in every split under ``polnear_dir``), the second annotator's file
    scored against the first's exactly as the pipeline is scored.  Returns the
    score table and the number of articles.  No system is expected to agree with
    one annotator much more often than another annotator does."""
    scorer = Scorer()
    n = 0
    for split in sorted(p for p in Path(polnear_dir).iterdir() if (p / "attributions").is_dir()):
        by_article: dict[str, list[Path]] = {}
        for ann in sorted((split / "attributions").glob("*.ann")):
            by_article.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
        for stem, anns in by_article.items():
            txt = split / "text" / f"{stem}.txt"
            if len(anns) < 2 or not txt.is_file():
                continue
            first, second = read_ann(anns[0]), read_ann(anns[1])
            ps = [_gold_spans(g) for g in second]
            scorer.add_spans(txt.read_text(encoding="utf-8"), [_gold_spans(g) for g in first], ps,
                             [True] * len(ps))
            n += 1
    return scorer.scores(), n


def _default_pipeline():
    from ..coding.attribution.attribution import AttributionStage
    from ..pipeline import Pipeline

    stages = []
    try:
        from ..coding.actors.actors import ActorStage

        stages.append(ActorStage())
    except ImportError:
        log.info("actors stage not available; scoring attribution alone")
    stages.append(AttributionStage())
    return Pipeline(stages=stages)


#: metric -> (path into Scorer.scores(), target from the project's issue)
METRICS: dict[str, tuple[str, str, float | None]] = {
    "cue_exact_f1": ("cue_exact", "f1", 0.80),
    "cue_overlap_f1": ("cue_overlap", "f1", None),
    "source_exact_f1": ("source_exact", "f1", 0.75),
    "source_overlap_f1": ("source_overlap", "f1", None),
    "content_exact_f1": ("content_exact", "f1", None),
    "content_overlap_f1": ("content_overlap", "f1", 0.80),
    "content_overlap_p": ("content_overlap", "p", None),
    "content_overlap_r": ("content_overlap", "r", None),
    "attribution_full_f1": ("attribution_full", "f1", 0.60),
    "attribution_full_p": ("attribution_full", "p", None),
    "attribution_full_r": ("attribution_full", "r", None),
    "direct_quote_f1": ("direct_quote", "f1", 0.90),
    "direct_speaker_accuracy": ("direct_speaker", "accuracy", 0.90),
}


class AttributionSuite:
    """``newsevents evaluate attribution``: PolNeAR dev (see the module docstring)."""

    name = "attribution"
    needs = ("polnear/dev",)

    def __init__(self, split: str = "dev", rounds: int = 200) -> None:
        self.split = split
        self.rounds = rounds

    def run(self, data_dir: Path, pipeline) -> list:
        """Scores of the pipeline's attributions on PolNeAR ``split``."""
        from .base import Score
        from .metrics import bootstrap_std

        docs = read_polnear(Path(data_dir) / "polnear" / self.split)
        parts = score_split(docs, pipeline.analyse([d.text for d in docs]))
        table = Scorer.merged(parts).scores()
        out = []
        for metric, (group, key, target) in METRICS.items():
            def statistic(sample, group=group, key=key):
                return Scorer.merged(sample).scores()[group][key]

            noise = bootstrap_std(parts, statistic, rounds=self.rounds) if target is not None else None
            out.append(Score(self.name, metric, table[group][key], n=len(docs), target=target,
                             noise=noise, unit="documents"))
        return out + self._agreement_rows(Path(data_dir) / "polnear")

    def _agreement_rows(self, polnear_dir: Path) -> list:
        """The annotators' agreement with each other on the targeted metrics, as
        reference rows (no target, not gated): what a perfect copy of one
        annotator would score against the other."""
        from .base import Score

        table, n = annotator_agreement(polnear_dir)
        if not n:
            return []
        return [Score(self.name, f"annotators_{metric}", table[group][key], n=n, unit="documents")
                for metric, (group, key, target) in METRICS.items() if target is not None]


SUITE = AttributionSuite()


__all__ = [
    "GoldAttribution", "GoldDocument", "read_ann", "read_polnear", "Scorer", "prf", "score_split",
    "evaluate_polnear", "annotator_agreement", "AttributionSuite", "SUITE", "METRICS",
]
