"""The model's NONE class (is this clause an event at all?) and the gates that use it."""

from __future__ import annotations

import pytest

from newsevents.coding.events.args import Arg
from newsevents.coding.events.types import Clause
from newsevents.coding.events.lexicon import load as lexicon
from newsevents.coding.events.events import EVENT_MIN, WEAK_EVENT_MIN, Prediction, decide
from newsevents.training import fit_event_type as fit
from newsevents.coding.events.type_model import (NONE_LABEL, clause_features, load_default,
                                                 load_negatives, save_negatives)

EVENTS = [("Chad attacked Niger.", "ASSAULT"), ("Mali shelled Togo.", "ASSAULT"),
          ("Chad praised Niger.", "SUPPORT"), ("Mali lauded Togo.", "SUPPORT")]
NON_EVENTS = ["Chad resembled Niger.", "Mali outnumbered Togo.", "Chad interested Niger.",
              "Mali amused Togo."]


@pytest.fixture(scope="module")
def feats(nlp):
    def f(texts):
        return [clause_features(nlp(t), None, (0, 1), (2, 3), lexicon()) for t in texts]
    return f


def test_negatives_become_a_none_class_that_predict_never_returns(feats):
    model = fit(feats([t for t, _ in EVENTS]), [y for _, y in EVENTS], c=10.0,
                negatives=feats(NON_EVENTS))
    assert NONE_LABEL in model.labels
    batch = feats([t for t, _ in EVENTS] + NON_EVENTS)
    labels = [lab for lab, _ in model.predict(batch)]
    assert NONE_LABEL not in labels
    assert labels[:4] == [y for _, y in EVENTS]
    p_event = model.event_probability(batch)
    assert min(p_event[:4]) > 0.5 > max(p_event[4:])
    # the type probability is given the clause is an event: the types' share sums to 1
    probs = model.predict_proba(batch)
    j = model.labels.index(NONE_LABEL)
    for (lab, prob), row in zip(model.predict(batch), probs):
        assert prob == pytest.approx(row[model.labels.index(lab)] / (1.0 - row[j]), rel=1e-5)


def test_without_negatives_every_clause_is_an_event(feats):
    model = fit(feats([t for t, _ in EVENTS]), [y for _, y in EVENTS], c=10.0, negatives=[])
    assert NONE_LABEL not in model.labels
    assert model.event_probability(feats(NON_EVENTS)) == [1.0] * 4


def test_negatives_roundtrip(tmp_path):
    rows = [{"t=resemble": 1.0, "bias": 1.0}, {"t=amuse": 1.0, "w=ACTOR": 1.0}]
    path = tmp_path / "neg.npz"
    save_negatives(path, rows)
    assert list(load_negatives(path)) == rows


def test_shipped_model_knows_none_and_the_pool_is_shipped():
    model = load_default()
    assert model is not None and NONE_LABEL in model.labels
    assert len(load_negatives()) > 1000


def _clause(nlp, text: str, verb: str, target: bool = True) -> Clause:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    return Clause(trigger=tok, row=lexicon().lookup(tok), source=Arg(("A1",), (0, 1)),
                  target=Arg(("A2",), (len(doc) - 2, len(doc) - 1)) if target else None)


def test_verb_outside_lexicon_needs_the_model_to_say_event(nlp):
    clause = _clause(nlp, "Ruritania blindsided Freedonia.", "blindsided")
    assert clause.row is None
    sure = decide(clause, Prediction("ASSAULT", 0.9, EVENT_MIN + 0.1), "asserted", lexicon())
    assert sure is not None and sure.type == "ASSAULT" and sure.coder == "model"
    assert decide(clause, Prediction("ASSAULT", 0.9, EVENT_MIN - 0.1), "asserted", lexicon()) is None
    one_actor = _clause(nlp, "Ruritania blindsided Freedonia.", "blindsided", target=False)
    assert decide(one_actor, Prediction("ASSAULT", 0.9, 0.99), "asserted", lexicon()) is None


def test_ambiguous_word_with_one_actor_needs_the_model(nlp):
    clause = _clause(nlp, "Ruritania will release the prisoners.", "release", target=False)
    assert clause.row is not None and clause.row.is_weak
    assert decide(clause, None, "future", lexicon()) is None
    assert decide(clause, Prediction("AGREE", 0.6, WEAK_EVENT_MIN - 0.1), "future", lexicon()) is None
    kept = decide(clause, Prediction("AGREE", 0.6, WEAK_EVENT_MIN + 0.1), "future", lexicon())
    assert kept is not None and kept.type == "AGREE" and kept.coder == "model"


@pytest.mark.parametrize("text, etype", [
    ("Chinese troops opened fire on Indian soldiers near the border.", "ASSAULT"),
    ("Russian forces overran a Ukrainian army base on Sunday.", "ASSAULT"),
    ("French police apprehended two Belgian smugglers.", "COERCE"),
    ("Germany lambasted Hungary over its treatment of refugees.", "ACCUSE"),
    ("Japan lent 2 billion dollars to Indonesia.", "AID"),
    ("Peru repudiated the agreement with Chile.", "REJECT"),
])
def test_widened_lexicon_words_are_events(nlp, text, etype):
    from newsevents.coding.actors.actors import ActorStage
    from newsevents.coding.attribution.attribution import AttributionStage
    from newsevents.coding.base import Analysis
    from newsevents.coding.events.events import EventStage
    from newsevents.records import Article

    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    AttributionStage()(analysis)
    EventStage()(analysis)
    assert etype in {e.type for e in analysis.events}, [(e.type, e.trigger.text) for e in analysis.events]
    assert all(e.coder in ("rules", "model") for e in analysis.events)
