"""The registry of readings: order, names, decisions recorded on events and rejections,
and turning a reading off (invented sentences)."""

from __future__ import annotations

import pytest

from newsevents import contract
from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.base import Analysis
from newsevents.coding.events.lexicon import load
from newsevents.coding.events.events import EventStage
from newsevents.coding.events.readings import PHASES, Readings, registry
from newsevents.config import Settings
from newsevents.pipeline import Pipeline
from newsevents.records import Article

_MATCH = "Portugal beat Serbia 3-1 in Tuesday's qualifier in Lisbon."
_TWEET = "Senator Ana Ruiz attacked Governor Tom Bell in a tweet on Monday."


def _code(nlp, text: str, off: frozenset[str] = frozenset()) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    AttributionStage()(analysis)
    EventStage(readings_off=off)(analysis)
    return analysis


def test_every_reading_has_a_unique_name_a_known_phase_and_a_summary():
    readings = registry()
    names = [r.name for r in readings]
    assert len(names) == len(set(names))
    assert {r.phase for r in readings} == set(PHASES)
    assert all(r.summary for r in readings)
    # the phases run in their order: all senses, then rejections, then status readings
    order = [PHASES.index(r.phase) for r in readings]
    assert order == sorted(order)


def test_an_unknown_reading_cannot_be_turned_off():
    with pytest.raises(ValueError, match="no_such_reading"):
        Readings(frozenset({"no_such_reading"}), load())


def test_a_rejection_names_the_reading_that_made_it(nlp):
    analysis = _code(nlp, _MATCH)
    assert [(r.reading, r.reason) for r in analysis.rejected] == [("sports_result", "sports result")]


def test_a_reading_turned_off_no_longer_decides(nlp):
    analysis = _code(nlp, _MATCH, frozenset({"sports_result"}))
    assert "sports_result" not in {r.reading for r in analysis.rejected}


def test_an_event_records_the_reading_that_retyped_it(nlp):
    on = _code(nlp, _TWEET)
    attack = next(e for e in on.events if e.trigger.text == "attacked")
    assert attack.type == "ACCUSE" and attack.readings == ("verbal_attack",)
    off = _code(nlp, _TWEET, frozenset({"verbal_attack"}))
    assert all("verbal_attack" not in e.readings for e in off.events)
    assert [e.type for e in off.events if e.trigger.text == "attacked"] != ["ACCUSE"]


def test_a_status_reading_is_recorded(nlp):
    analysis = _code(nlp, "Kenya will not lift the embargo on Somalia, the minister said.")
    refusal = next(e for e in analysis.events if e.type == "REJECT")
    assert refusal.readings == ("refused",)


def test_settings_turn_readings_off_in_the_pipeline_and_the_contract_keeps_names():
    on = Pipeline().extract_one(_TWEET)
    record = contract.to_json(on)
    contract.validate(record)
    assert ["verbal_attack"] in [e["readings"] for e in record["events"]]
    assert contract.from_json(record) == on
    off = Pipeline(Settings(readings_off=frozenset({"verbal_attack"}))).extract_one(_TWEET)
    assert all("verbal_attack" not in e.readings for e in off.events)
