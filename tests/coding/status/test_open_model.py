"""The learned open-outcome check of governed statuses (coding.status.open_model)."""

from __future__ import annotations

import math

import pytest

from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.base import Analysis
from newsevents.coding.status import open_model as status_open
from newsevents.coding.status.open_model import OpenModel, features, plain_features, refinable
from newsevents.coding.status.cues import status_words
from newsevents.coding.status.status import status_of
from newsevents.errors import ModelError
from newsevents.records import Article


def analyse(nlp, text: str) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    AttributionStage()(analysis)
    return analysis


def token(analysis: Analysis, word: str):
    return next(t for t in analysis.doc if t.text == word)


@pytest.fixture
def always_open(monkeypatch):
    """A governed-status model that finds every outcome it may judge open (no plain check)."""
    model = OpenModel(weights={}, bias=10.0, threshold=0.5)
    monkeypatch.setattr(status_open, "load", lambda: model)
    monkeypatch.setattr(status_open, "load_plain", lambda: None)
    return model


@pytest.fixture
def never_open(monkeypatch):
    model = OpenModel(weights={}, bias=-10.0, threshold=0.5)
    monkeypatch.setattr(status_open, "load", lambda: model)
    monkeypatch.setattr(status_open, "load_plain", lambda: None)
    return model


@pytest.fixture
def plain_always_open(monkeypatch):
    """No governed-status model; a plain check that finds everything it sees open."""
    model = OpenModel(weights={}, bias=10.0, threshold=0.5)
    monkeypatch.setattr(status_open, "load", lambda: None)
    monkeypatch.setattr(status_open, "load_plain", lambda: model)
    return model


def test_probability_is_the_logistic_of_the_weighted_sum():
    model = OpenModel(weights={"a": 1.0, "b": -0.5}, bias=0.25, threshold=0.6)
    assert model.probability({"a": 1.0, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-0.75)))
    assert model.probability({"zzz": 1.0}) == pytest.approx(1 / (1 + math.exp(-0.25)))
    assert model.is_open({"a": 1.0}) and not model.is_open({"b": 1.0})


def test_json_round_trip_and_bad_file(tmp_path):
    model = OpenModel(weights={"gl=try": 1.5, "st=future": -0.25}, bias=-0.125, threshold=0.55)
    path = tmp_path / "m.json"
    model.save(path)
    again = OpenModel.from_json(path.read_text())
    assert again == model
    with pytest.raises(ModelError):
        OpenModel.from_json('{"weights": {}}')


@pytest.mark.parametrize("text,word,expected", [
    # governed statuses may become speculative ...
    ("The ministry plans to expel three diplomats.", "expel", "speculative"),
    ("The council refused to extend the curfew.", "extend", "speculative"),
    # ... but never a marker on the predicate, "will" on its governor, or a report
    ("Brazil will host the summit next year.", "host", "future"),
    ("The ministry will stop issuing permits.", "issuing", "future"),
    ("The army did not enter the city.", "enter", "negated"),
    ("Tehran denied arming the rebels.", "arming", "denied"),
    ("The governor said that the militants had seized the airport.", "seized", "reported"),
    ("Government troops shelled the port on Tuesday.", "shelled", "asserted"),
])
def test_model_only_touches_governed_future_and_negated(nlp, always_open, text, word, expected):
    a = analyse(nlp, text)
    assert status_of(token(a, word), a) == expected


def test_rules_stand_when_the_model_says_no_or_is_switched_off(nlp, never_open):
    a = analyse(nlp, "The ministry plans to expel three diplomats.")
    assert status_of(token(a, "expel"), a) == "future"


def test_use_model_false_ignores_the_model(nlp, always_open):
    a = analyse(nlp, "The ministry plans to expel three diplomats.")
    assert status_of(token(a, "expel"), a, use_model=False) == "future"


def test_features_describe_the_governor(nlp):
    a = analyse(nlp, "The rebels were about to storm the fort.")
    feats = features(token(a, "storm"), "future", status_words())
    assert feats["st=future"] == 1.0
    assert feats["inf=True"] == 1.0
    assert any(k.startswith("gl=") for k in feats)


def test_refinable_excludes_future_governors(nlp):
    a = analyse(nlp, "The ministry will stop issuing permits.")
    assert not refinable(token(a, "issuing"), "future", status_words())
    b = analyse(nlp, "The ministry plans to expel three diplomats.")
    assert refinable(token(b, "expel"), "future", status_words())
    assert not refinable(token(b, "expel"), "reported", status_words())


def test_shipped_model_loads_and_keeps_the_contract(nlp):
    model = status_open.load()
    assert model is not None, "the shipped status model is missing (scripts/train_status.py)"
    assert 0.0 < model.threshold < 1.0 and model.weights
    a = analyse(nlp, "Brazil will host the summit, the minister said.")
    assert status_of(token(a, "host"), a) == "future"


@pytest.mark.parametrize("text,word,expected", [
    # the plain check sees what the rules state as done, asserted or reported ...
    ("Government troops shelled the port on Tuesday.", "shelled", "speculative"),
    ("The governor said that the militants had seized the airport.", "seized", "speculative"),
    # ... never a marker, a governed status or a proper name
    ("Brazil will host the summit next year.", "host", "future"),
    ("The army did not enter the city.", "enter", "negated"),
    ("The ministry plans to expel three diplomats.", "expel", "future"),
    ("Tehran denied arming the rebels.", "arming", "denied"),
    ("Officials from Interpol arrived on Monday.", "Interpol", "asserted"),
])
def test_plain_check_only_touches_asserted_and_reported(nlp, plain_always_open, text, word, expected):
    a = analyse(nlp, text)
    assert status_of(token(a, word), a) == expected


def test_plain_check_is_off_without_models(nlp, plain_always_open):
    a = analyse(nlp, "Government troops shelled the port on Tuesday.")
    assert status_of(token(a, "shelled"), a, use_model=False) == "asserted"


def test_plain_features_are_structural(nlp):
    a = analyse(nlp, "Why would the council block the sale?")
    feats = plain_features(token(a, "sale"), "asserted", status_words())
    assert not any(k.startswith(("gl=", "ggl=")) for k in feats)
    assert feats["q=?"] == 1.0
    assert feats["d=det:the"] == 1.0
    assert feats["st=asserted"] == 1.0


def test_shipped_plain_check_keeps_plain_facts(nlp):
    assert status_open.load_plain() is not None, "the shipped plain check is missing (scripts/train_status.py)"
    a = analyse(nlp, "Rebels shelled the port on Tuesday and seized two ships.")
    assert status_of(token(a, "shelled"), a) == "asserted"
    assert status_of(token(a, "seized"), a) == "asserted"
