"""The ``aw`` suite: is there an event on this pair at all?

``aw/AW_train.tsv`` holds ACE and WikiEvents news sentences, one marked
(source, target) pair a row, with ``gold_binary`` 1 when the pair stands in a
relation within PLOVER's scope and 0 when it does not.  Every distinct
sentence is coded once by the real pipeline (preparing, parsing and the
coding stages up to and including ``events``, in batches); a pair is
predicted 1 when the events stage links the marked actors, i.e. when
:func:`~newsevents.evaluate.events.match_event` finds an event whose source
or target is mentioned inside a marked span, else 0.  A sentence the
pipeline skips or fails on predicts 0 for its pairs and is counted in
``unparsed_sentences``.

Figures, for the *dev* and the *sealed* documents of
``newsevents/data/splits/aw.json`` side by side, each with its bootstrap
noise over documents: balanced accuracy (the mean of recall and
specificity, fair to AW's 3:1 share of positives), recall, false-positive
rate.  The shipped clause decider learned from the dev documents, so only
the sealed figures are unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from ..coding.base import Analysis
from .base import Score
from .events import match_event
from .events_data import GoldDyad, read_aw
from .metrics import bootstrap_std
from .splits import PARTS, Split, load_split

if TYPE_CHECKING:
    from ..pipeline import Pipeline

AW = "aw/AW_train.tsv"
#: the issue's targets (AW sealed)
TARGETS = {"balanced_accuracy": 0.80, "false_positive_rate": 0.15}


@dataclass(frozen=True)
class Verdict:
    """One pair: its unit (document), gold and predicted "is there an event"."""

    unit: str
    gold: bool
    pred: bool


@dataclass(frozen=True)
class Counts:
    """The confusion counts of a set of verdicts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @classmethod
    def of(cls, verdicts: Iterable[Verdict]) -> "Counts":
        vs = list(verdicts)
        return cls(sum(v.gold and v.pred for v in vs), sum(v.pred and not v.gold for v in vs),
                   sum(v.gold and not v.pred for v in vs), sum(not v.gold and not v.pred for v in vs))

    @property
    def recall(self) -> float:
        """Share of gold pairs given an event (0 without any)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def false_positive_rate(self) -> float:
        """Share of no-relation pairs given an event (0 without any)."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    @property
    def balanced_accuracy(self) -> float:
        """Mean of recall and specificity."""
        return (self.recall + 1.0 - self.false_positive_rate) / 2


def coding_pipeline(pipeline: "Pipeline") -> "Pipeline":
    """``pipeline`` with its stages up to and including ``events`` (later ones never drop events)."""
    from ..pipeline import Pipeline

    stages = list(pipeline.stages)
    names = [s.name for s in stages]
    upto = names.index("events") + 1 if "events" in names else len(stages)
    return Pipeline(pipeline.settings, nlp=pipeline.nlp, stages=stages[:upto])


def predict(pipeline: "Pipeline", dyads: Sequence[GoldDyad]) -> tuple[list[Verdict], int]:
    """Each pair's verdict, and the number of sentences the pipeline did not code."""
    texts = list(dict.fromkeys(d.text for d in dyads))  # each sentence parsed once
    coded = dict(zip(texts, coding_pipeline(pipeline).analyse(texts)))
    verdicts = []
    for d in dyads:
        analysis = coded[d.text]
        found = isinstance(analysis, Analysis) and match_event(analysis, d) is not None
        verdicts.append(Verdict(d.group, d.label == "1", found))
    unparsed = sum(not isinstance(a, Analysis) for a in coded.values())
    return verdicts, unparsed


def _by_unit(verdicts: Sequence[Verdict]) -> list[list[Verdict]]:
    units: dict[str, list[Verdict]] = {}
    for v in verdicts:
        units.setdefault(v.unit, []).append(v)
    return list(units.values())


def part_scores(name: str, part: str, verdicts: Sequence[Verdict], rounds: int = 200) -> list[Score]:
    """Balanced accuracy, recall and false-positive rate of one part, noise over documents."""
    docs = _by_unit(verdicts)
    counts = Counts.of(verdicts)

    def noise(figure: str) -> float:
        return bootstrap_std(docs, lambda sample: getattr(Counts.of(chain.from_iterable(sample)), figure),
                             rounds)

    return [
        Score(name, f"balanced_accuracy_{part}", counts.balanced_accuracy, len(verdicts),
              TARGETS["balanced_accuracy"], noise("balanced_accuracy"), unit="pairs"),
        Score(name, f"recall_{part}", counts.recall, counts.tp + counts.fn, None, noise("recall"),
              unit="related pairs"),
        Score(name, f"false_positive_rate_{part}", counts.false_positive_rate, counts.fp + counts.tn,
              TARGETS["false_positive_rate"], noise("false_positive_rate"), higher_is_better=False,
              unit="unrelated pairs"),
    ]


def split_scores(name: str, verdicts: Sequence[Verdict], split: Split, rounds: int = 200) -> list[Score]:
    """:func:`part_scores` of the dev and of the sealed documents."""
    return [s for part in PARTS
            for s in part_scores(name, part, split.select(verdicts, lambda v: v.unit, part), rounds)]


class AwSuite:
    """``newsevents evaluate aw`` (see the module docstring)."""

    name = "aw"
    needs = (AW,)

    def __init__(self, rounds: int = 200) -> None:
        self.rounds = rounds

    def run(self, data_dir: Path, pipeline: "Pipeline") -> list[Score]:
        dyads = read_aw(Path(data_dir) / AW)
        verdicts, unparsed = predict(pipeline, dyads)
        out = split_scores(self.name, verdicts, load_split("aw"), self.rounds)
        out.append(Score(self.name, "unparsed_sentences", float(unparsed), len({d.text for d in dyads}),
                         higher_is_better=False, unit="sentences"))
        return out


SUITE = AwSuite()
