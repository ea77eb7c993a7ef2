"""Intent adjectives and the nouns of support and aid (invented sentences)."""

from __future__ import annotations

import pytest


def _names(analysis, ids) -> set[str]:
    return {analysis.actors.get(a).name for a in ids}


@pytest.mark.parametrize("text, source", [
    ("Ghana is ready to send troops to Mali.", "Ghana"),
    ("Egypt is willing to withdraw its troops from Gaza.", "Egypt"),
])
def test_being_willing_or_ready_to_act_is_an_agreement_of_the_subject(code, text, source):
    analysis = code(text)
    ev = next(e for e in analysis.events if e.type == "AGREE")
    assert source in _names(analysis, ev.source)


def test_a_participle_of_prepare_is_no_agreement(code):
    analysis = code("Rep. Mia Ford prepared a report for the Kenyan parliament.")
    assert "AGREE" not in [e.type for e in analysis.events]


@pytest.mark.parametrize("text, source, target", [
    ("Turkish President Recep Tayyip Erdogan voiced his support for Nicolas Maduro on Thursday.",
     "Recep Tayyip Erdogan", "Nicolas Maduro"),
    ("The backing of the Kenyan parliament for President William Ruto was never in doubt.",
     "parliament", "William Ruto"),
])
def test_support_goes_from_its_owner_or_giver_to_whom_it_is_for(code, text, source, target):
    analysis = code(text)
    events = [e for e in analysis.events if e.type == "SUPPORT"]
    assert events, analysis.events
    ev = events[0]
    assert any(source in n for n in _names(analysis, ev.source)), _names(analysis, ev.source)
    if target is not None:
        assert target in _names(analysis, ev.target)


def test_air_support_is_military_aid(code):
    analysis = code("The United States offered air support to the Iraqi army.")
    assert "AID" in [e.type for e in analysis.events]


def test_accepting_demands_is_a_concession(code):
    analysis = code("Nepal's government accepted the key demands of the protesters on Sunday.")
    assert "RETREAT" in [e.type for e in analysis.events]


def test_an_act_by_someone_stands_for_its_doer(code):
    analysis = code("The Kremlin welcomed the decision by the World Economic Forum.")
    ev = next(e for e in analysis.events if e.type == "SUPPORT")
    assert any("World Economic Forum" in n for n in _names(analysis, ev.target))


def test_a_work_by_someone_does_not_stand_for_its_author(code):
    analysis = code("Kenya's president praised a new book by the novelist Mara Vell.")
    assert not [e for e in analysis.events
                if any("Mara Vell" in n for n in _names(analysis, e.target))]


def test_a_measure_of_events_passes_its_verb_on(code):
    analysis = code("Ghana and Togo began a new round of joint military exercises on Monday.")
    ev = next(e for e in analysis.events if e.type == "COOPERATE")
    assert "Ghana" in _names(analysis, ev.source)


def test_who_is_responsible_for_violence_did_it(code):
    analysis = code("Los Zetas cartel has been responsible for mass killings in northern Mexico.")
    ev = next(e for e in analysis.events if e.type == "ASSAULT")
    assert any("Zetas" in n for n in _names(analysis, ev.source))
    assert "MEX" in {analysis.actors.get(a).country for a in ev.target}


@pytest.mark.parametrize("text, expected", [
    ("Three thousand Kenyan dockworkers stopped work on Monday.", "PROTEST"),
    ("The armies of Ghana and Togo performed joint war games in October.", "COOPERATE"),
    ("Nigeria announced the deployment of 230 troops to Liberia on a peacekeeping mission.", "AID"),
])
def test_strikes_war_games_and_peacekeeping(code, text, expected):
    analysis = code(text)
    assert expected in [e.type for e in analysis.events], analysis.events


def test_aid_in_a_country_is_aimed_at_it(code):
    analysis = code("Japan provided humanitarian assistance in Yemen.")
    ev = next(e for e in analysis.events if e.type == "AID")
    assert "YEM" in {analysis.actors.get(a).country for a in ev.target}


def test_saying_someone_must_act_is_a_demand_of_them(code):
    analysis = code("Russia says Israel must end its air strikes on Syria.")
    ev = next(e for e in analysis.events if e.type == "REQUEST")
    assert "RUS" in {analysis.actors.get(a).country for a in ev.source}
    assert "ISR" in {analysis.actors.get(a).country for a in ev.target}


def test_should_of_a_thing_is_no_demand(code):
    analysis = code("Kenyan analysts said Ruto's speech should reassure Uganda.")
    assert "REQUEST" not in [e.type for e in analysis.events]


def test_letting_prisoners_go_is_a_release(code):
    analysis = code("Ethiopia let free some 74 political leaders and members of a rebel group.")
    assert "RETREAT" in [e.type for e in analysis.events]


@pytest.mark.parametrize("text, expected, not_expected", [
    ("The Pakistani army violated the ceasefire along the Line of Control.", "ASSAULT", "RETREAT"),
    ("The rebels declared a ceasefire on Sunday.", "RETREAT", "ASSAULT"),
    ("Kenya's president launched a scathing attack on the Ugandan government.", "ACCUSE", "ASSAULT"),
])
def test_broken_ceasefires_and_attacks_in_words(code, text, expected, not_expected):
    types = [e.type for e in code(text).events]
    assert expected in types and not_expected not in types, types


def test_a_name_in_apposition_stands_for_its_noun(code):
    analysis = code("The journalist Moussa Tchangari was arrested on Monday in Niamey.")
    ev = next(e for e in analysis.events if e.type == "COERCE")
    assert "Moussa Tchangari" in _names(analysis, ev.target)
