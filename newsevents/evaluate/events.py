"""The ``events`` suite: event type and actors on PLV and the PLOVER GSR.

For each gold sentence the REAL stages run (actors, attribution, events) on
the plain sentence, with PLV's ``<s>``/``<t>`` marks removed; the predicted
event for a gold dyad is the one whose source or target actors are
mentioned inside the marked spans (both overlapping first, then the most
confident).  A dyad with no such event counts as wrong ("NONE").

Because the event stage uses a learned classifier trained on these data,
both sets are scored by 5-fold cross-validation: the classifier of fold k
is trained on the other PLV folds plus all of the GSR (for PLV) or on all of
PLV plus the other GSR folds (for GSR), and the stage runs with it on fold
k.  ``model_*`` figures score the classifier alone on the gold dyad (the
issue's "event type for a clause given its actors").  PLV's YIELD is
compared with our CONCEDE and RETREAT together.

Every figure is given for all dyads (``plv_type_accuracy``: the quality
gate's keys) and again for the *dev* and the *sealed* units of the
committed splits (``plv_type_accuracy_dev``, ``plv_type_accuracy_sealed``;
``newsevents/data/splits/plv.json`` and ``gsr.json``); per-type F1 only for
dev.  The cross-validation folds are drawn over all units as before, so the
sealed figures are out-of-fold predictions too; but the shipped clause
decider and role filler, which the stage also runs, were trained on dev
units only, so only the sealed figures are wholly unseen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..coding.base import Analysis
from ..coding.events.events import EventStage
from ..coding.events.lexicon import load as load_lexicon
from ..coding.events.type_model import EventTypeModel, clause_features
from ..training import fit_event_type
from ..errors import UsageError
from ..records import Article, Event
from .base import Score
from .events_data import GoldDyad, coarse, read_gsr, read_plv
from .metrics import accuracy, bootstrap_std, macro_f1, per_class_f1
from .splits import PARTS, Split, load_split

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

PLV = "plv/PLV_train.tsv"
GSR = "plover/PLOVER_GSR_CAMEO.json"
K = 5
SEED = 0
C = 32.0
NONE = "NONE"


@dataclass(frozen=True)
class Outcome:
    """One gold dyad scored: gold and predicted labels, classifier-only label."""

    gold: str
    pred: str
    model_pred: str
    countries: tuple[tuple[str, str | None], ...] = ()  # (gold code, our country) per found actor


def token_span(doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The token span covering a character span (``None`` when it covers none)."""
    if span is None:
        return None
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (sp.start, sp.end) if sp is not None and len(sp) else None


def gold_features(doc, dyad: GoldDyad) -> dict[str, float]:
    """Classifier features of the gold dyad of ``dyad`` in its parsed sentence."""
    src = token_span(doc, dyad.sources[0]) if dyad.sources else None
    tgt = token_span(doc, dyad.targets[0]) if dyad.targets else None
    if src is None and tgt is None:
        src = (0, 1)  # the actor's text was not found: anchor on the first word
    # the packaged lexicon: the one the shipped model is trained with and compared to
    return clause_features(doc, None, src, tgt, load_lexicon())


def fold_of(dyads: Sequence[GoldDyad], k: int = K) -> list[int]:
    """Deterministic stratified folds; dyads of one sentence share a fold."""
    try:
        from sklearn.model_selection import StratifiedGroupKFold
    except ImportError:  # an extra, not a runtime dependency
        raise UsageError("the events evaluation trains models: install the 'train' extra "
                         "(pip install 'newsevents[train]')") from None

    labels = [coarse(d.label) for d in dyads]
    out = [0] * len(dyads)
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=SEED)
    for n, (_, test) in enumerate(splitter.split(list(dyads), labels, [d.group for d in dyads])):
        for i in test:
            out[i] = n
    return out


def _overlaps(analysis: Analysis, actor_ids: Sequence[str], spans: Sequence[tuple[int, int]]) -> bool:
    for a in actor_ids:
        actor = analysis.actors.find(a)
        if actor is not None and any(m.start < e and s < m.end for m in actor.mentions for s, e in spans):
            return True
    return False


def match_event(analysis: Analysis, dyad: GoldDyad) -> Event | None:
    """The predicted event for a gold dyad: actors inside the marked spans, best first."""
    best, best_key = None, None
    for ev in analysis.events:
        s = _overlaps(analysis, ev.source, dyad.sources) or _overlaps(analysis, ev.target, dyad.sources)
        t = _overlaps(analysis, ev.target, dyad.targets) or _overlaps(analysis, ev.source, dyad.targets)
        if not (s or t):
            continue
        key = (s and t, ev.confidence)
        if best_key is None or key > best_key:
            best, best_key = ev, key
    return best


def _countries(analysis: Analysis, dyad: GoldDyad) -> tuple[tuple[str, str | None], ...]:
    out = []
    for spans, codes in ((dyad.sources, dyad.source_codes), (dyad.targets, dyad.target_codes)):
        for span, code in zip(spans, codes):
            if not code or len(code) != 3:
                continue
            for actor in analysis.actors.all():
                if any(m.start < span[1] and span[0] < m.end for m in actor.mentions):
                    out.append((code, actor.country))
                    break
    return tuple(out)


def _pre_event_stages(pipeline: "Pipeline") -> list:
    return [s for s in pipeline.stages if s.name in ("actors", "attribution")]


def run_folds(pipeline: "Pipeline", test: list[GoldDyad], extra: list[GoldDyad],
              k: int = K) -> list[Outcome]:
    """Cross-validate on ``test`` (``extra`` is always in training) with the real stages."""
    nlp = pipeline.nlp
    docs = list(nlp.pipe([d.text for d in test], batch_size=64))
    extra_docs = list(nlp.pipe([d.text for d in extra], batch_size=64))
    feats = [gold_features(doc, d) for doc, d in zip(docs, test)]
    extra_feats = [gold_features(doc, d) for doc, d in zip(extra_docs, extra)]
    folds = fold_of(test, k)
    pre = _pre_event_stages(pipeline)
    out: list[Outcome | None] = [None] * len(test)
    for fold in range(k):
        train = [i for i, f in enumerate(folds) if f != fold]
        model: EventTypeModel = fit_event_type([feats[i] for i in train] + extra_feats,
                                    [coarse(test[i].label) for i in train]
                                    + [coarse(d.label) for d in extra], c=C, seed=SEED)
        stage = EventStage(use_model=True, model=model)
        for i in (i for i, f in enumerate(folds) if f == fold):
            dyad = test[i]
            analysis = Analysis(article=Article(id=dyad.id, source=dyad.id, text=dyad.text), doc=docs[i])
            for s in pre:
                s(analysis)
            stage(analysis)
            ev = match_event(analysis, dyad)
            out[i] = Outcome(coarse(dyad.label), coarse(ev.type) if ev else NONE,
                             model.predict([feats[i]])[0][0], _countries(analysis, dyad))
    assert all(o is not None for o in out), "a dyad in no fold"
    return out  # type: ignore[return-value]


#: the issue's targets (PLV type accuracy: CV and sealed)
TARGETS = {"plv_type_accuracy": 0.80, "plv_type_macro_f1": 0.70}


def scores(prefix: str, outcomes: list[Outcome], suffix: str = "", per_type: bool = True) -> list[Score]:
    """Accuracy, macro-F1, coverage, per-type F1 and country accuracy of one set.

    Metric names are ``{prefix}_{figure}{suffix}`` (``plv_type_accuracy_dev``);
    ``per_type=False`` leaves out the per-type F1s (for the sealed part).
    """
    gold = [o.gold for o in outcomes]
    labels = sorted(set(gold))
    n = len(outcomes)

    def acc(units: Sequence[Outcome]) -> float:
        return accuracy([u.gold for u in units], [u.pred for u in units])

    def mf1(units: Sequence[Outcome]) -> float:
        return macro_f1([u.gold for u in units], [u.pred for u in units], labels)

    def score(figure: str, value: float, count: int, noise: float | None = None, unit: str = "dyads") -> Score:
        return Score("events", f"{prefix}_{figure}{suffix}", value, count,
                     TARGETS.get(f"{prefix}_{figure}"), noise, unit=unit)

    res = [
        score("type_accuracy", acc(outcomes), n, bootstrap_std(outcomes, acc)),
        score("type_macro_f1", mf1(outcomes), n, bootstrap_std(outcomes, mf1)),
        score("coverage", sum(o.pred != NONE for o in outcomes) / max(n, 1), n),
        score("model_accuracy", accuracy(gold, [o.model_pred for o in outcomes]), n),
        score("model_macro_f1", macro_f1(gold, [o.model_pred for o in outcomes], labels), n),
    ]
    if per_type:
        for label, f1 in per_class_f1(gold, [o.pred for o in outcomes], labels).items():
            res.append(score(f"f1_{label}", f1, gold.count(label)))
    pairs = [p for o in outcomes for p in o.countries]
    if pairs:
        res.append(score("actor_country_accuracy", sum(g == c for g, c in pairs) / len(pairs), len(pairs),
                         unit="actors"))
    return res


def split_scores(prefix: str, dyads: Sequence[GoldDyad], outcomes: Sequence[Outcome], split: Split) -> list[Score]:
    """All units under the old names (the gate's keys), then ``_dev`` and ``_sealed`` side by side.

    A dyad's part is its unit's (``GoldDyad.group``: PLV sentence, GSR record).
    Per-type figures are given for dev only, so nothing is learned about the
    sealed units beyond their totals.
    """
    out = scores(prefix, list(outcomes), per_type=False)
    for part in PARTS:
        mine = [o for d, o in split.select(zip(dyads, outcomes, strict=True), lambda pair: pair[0].group, part)]
        out.extend(scores(prefix, mine, suffix=f"_{part}", per_type=part == "dev"))
    return out


class _EventsSuite:
    name = "events"
    needs = (PLV, GSR)

    def run(self, data_dir: Path, pipeline: "Pipeline") -> list[Score]:
        """PLV and GSR, each by 5-fold cross-validation of the real stages, dev and sealed apart."""
        plv = read_plv(data_dir / PLV)
        gsr = read_gsr(data_dir / GSR)
        return (split_scores("plv", plv, run_folds(pipeline, plv, gsr), load_split("plv"))
                + split_scores("gsr", gsr, run_folds(pipeline, gsr, plv), load_split("gsr")))


SUITE = _EventsSuite()
