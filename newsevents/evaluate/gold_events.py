"""The ``gold-events`` suite: the events an analyst would write down, article by article.

The pipeline codes every document of ``gold-events/`` (PolNeAR articles and
article-extraction pages, see :mod:`.gold_events_data`) and its events are
matched one-to-one with the gold events (:mod:`.event_match`).  Figures are
reported separately for the *dev* documents and the *sealed* ones
(``newsevents/data/splits/gold-events.json``), each with its bootstrap noise
over documents; per-type figures are printed for dev only, so that nothing
is learned about the sealed documents beyond their totals.  The annotators'
agreement on the three doubly annotated articles is printed as reference
rows: the ceiling to read the scores against.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..records import ArticleResult, Document
from .base import Score
from .event_match import LEVELS, CodedActor, CodedEvent, DocScore, Totals, name_words, score_document, words_of
from .gold_events_data import FOLDER, GoldActor, GoldDoc, read_gold_events
from .metrics import bootstrap_std
from .splits import PARTS, load_split

if TYPE_CHECKING:
    from ..pipeline import Pipeline

#: the issue's targets (political news; detection precision; non-political pages)
TARGETS = {"full_precision": 0.75, "full_f1": 0.60, "detection_precision": 0.90, "quiet_nonpolitical": 0.95}


def coded_events(result: ArticleResult) -> list[CodedEvent]:
    """The scorer's view of a pipeline result."""
    actors = {a.id: CodedActor(words_of([a.name, *(m.text for m in a.mentions)]), a.country)
              for a in result.actors}
    text = result.article.text

    def side(ids: Sequence[str]) -> tuple[CodedActor, ...]:
        return tuple(actors[i] for i in ids if i in actors)

    return [CodedEvent((e.trigger.start, e.trigger.end), name_words(text[e.evidence.start:e.evidence.end]),
                       e.type, side(e.source), side(e.target), e.status, side(e.attributed_to),
                       e.date.value if e.date is not None else None) for e in result.events]


def gold_as_coded(doc: GoldDoc) -> list[CodedEvent]:
    """A second annotator's events, scored like a coder's (the agreement rows)."""
    def side(actors: Sequence[GoldActor]) -> tuple[CodedActor, ...]:
        return tuple(CodedActor(name_words(a.name), a.country) for a in actors)

    return [CodedEvent(g.trigger, name_words(g.sentence_text), g.type, side(g.source), side(g.target),
                       g.status, tuple(CodedActor(name_words(n), None) for n in g.attributed_to), g.date)
            for g in doc.events]


def run_pipeline(docs: Sequence[GoldDoc], pipeline: "Pipeline") -> list[DocScore]:
    items = [Document(source=d.id, content=d.text, id=d.id, published=d.published) for d in docs]
    out = []
    for doc, result in zip(docs, pipeline.run(items)):
        coded = coded_events(result) if isinstance(result, ArticleResult) else []
        out.append(score_document(coded, doc.events, doc.political))
    return out


def _stat(level: str, k: int):
    return lambda sample: Totals(sample).prf(level)[k]


def part_scores(name: str, part: str, scores: Sequence[DocScore], rounds: int) -> list[Score]:
    """P/R/F1 at each level, field accuracies and the quiet share of one part."""
    totals, n = Totals(scores), len(scores)
    out = []
    for level in LEVELS:
        for k, what in enumerate(("precision", "recall", "f1")):
            metric = f"{level}_{what}"
            out.append(Score(name, f"{part}_{metric}", totals.prf(level)[k], n=n, unit="documents",
                             target=TARGETS.get(metric), noise=bootstrap_std(scores, _stat(level, k), rounds)))
    for field in ("source", "target", "status", "attributed_to", "date"):
        value, m = totals.accuracy(field)
        out.append(Score(name, f"{part}_{field}_accuracy", value, n=m, unit="detected events"))
    quiet, m = totals.quiet_share()
    if m:
        out.append(Score(name, f"{part}_quiet_nonpolitical", quiet, n=m, unit="pages",
                         target=TARGETS["quiet_nonpolitical"]))
    return out


class GoldEventsSuite:
    """``newsevents evaluate gold-events`` (see the module docstring)."""

    name = "gold-events"
    needs = (FOLDER, "polnear", "article-extraction/ground-truth.json")

    def __init__(self, rounds: int = 200) -> None:
        self.rounds = rounds

    def run(self, data_dir: Path, pipeline: "Pipeline") -> list[Score]:
        docs = read_gold_events(Path(data_dir))
        split = load_split("gold-events")
        scored = dict(zip((d.id for d in docs), run_pipeline(docs, pipeline)))
        out: list[Score] = []
        for part in PARTS:
            mine = [scored[d.id] for d in split.select(docs, lambda d: d.id, part)]
            out.extend(part_scores(self.name, part, mine, self.rounds))
        dev = Totals([scored[d.id] for d in split.select(docs, lambda d: d.id, "dev")])
        for t, (f1, n) in sorted(dev.type_f1().items()):
            out.append(Score(self.name, f"dev_typed_f1_{t}", f1, n=n, unit="gold events"))
        return out + self._agreement(Path(data_dir), {d.id: d for d in docs})

    def _agreement(self, data_dir: Path, first: dict[str, GoldDoc]) -> list[Score]:
        repeats = [d for d in read_gold_events(data_dir, repeats=True) if d.id in first]
        if not repeats:
            return []
        scores = [score_document(gold_as_coded(d), first[d.id].events, first[d.id].political) for d in repeats]
        totals = Totals(scores)
        return [Score(self.name, f"annotators_{level}_f1", totals.prf(level)[2], n=len(repeats),
                      unit="documents") for level in LEVELS]


SUITE = GoldEventsSuite()
