"""What wire reports need (invented sentences): datelines the parser misreads,
institutions and "it" referred back to, forecasts that are no threats, requests
by unnamed speakers, romanised names and weapons made elsewhere."""

from __future__ import annotations

import pytest


def _events(analysis, type_: str) -> list:
    return [e for e in analysis.events if e.type == type_]


def _names(analysis, ids) -> set[str]:
    return {analysis.actors.get(a).name for a in ids}


def _countries(analysis, ids) -> set[str | None]:
    return {analysis.actors.get(a).country for a in ids}


def test_a_dateline_is_not_the_subject_of_the_lead(code):
    analysis = code("VALLETTA, May 9 (Wire) - Malta's foreign ministry summoned Libya's ambassador on "
                    "Tuesday over the seizure of a fishing boat, the ministry said.")
    events = [e for e in analysis.events if e.trigger.text == "summoned"]
    assert events, [(e.type, e.trigger.text) for e in analysis.events]
    assert _countries(analysis, events[0].source) == {"MLT"}
    assert _countries(analysis, events[0].target) == {"LBY"}


def test_the_ministry_and_the_army_refer_back_to_the_named_one(code):
    analysis = code("Chad's defence ministry said on Monday that rebels had attacked a garrison. "
                    "Later the ministry accused Sudan of arming the rebels.")
    accusations = _events(analysis, "ACCUSE")
    assert accusations, [(e.type, e.trigger.text) for e in analysis.events]
    assert _countries(analysis, accusations[0].source) == {"TCD"}
    assert _countries(analysis, accusations[0].target) == {"SDN"}


def test_an_institution_never_named_is_not_guessed(code):
    analysis = code("Chad's president met rebels in the north. The ministry later denied any deal.")
    ministry = [a for a in analysis.actors.all()
                if any(analysis.article.text[m.start:m.end] == "The ministry" for m in a.mentions)]
    assert ministry == []


def test_it_is_the_organization_that_says_it_did_something(code):
    analysis = code("KABUL (Wire) - Pakistan's air force said on Sunday it had struck militant "
                    "hideouts in Afghanistan.")
    strikes = [e for e in analysis.events if e.type == "ASSAULT"]
    assert strikes, [(e.type, e.trigger.text) for e in analysis.events]
    assert _countries(analysis, strikes[0].source) == {"PAK"}


@pytest.mark.parametrize("text", [
    "The United Nations warned that the drought could push millions into hunger.",
    "Beijing warned that the sale would harm relations with Washington.",
])
def test_a_warning_about_what_a_thing_will_do_is_a_forecast(code, text):
    analysis = code(text)
    assert not _events(analysis, "THREATEN")
    assert "a forecast, not a threat" in {r.reason for r in analysis.rejected}


@pytest.mark.parametrize("text", [
    "Iran warned Israel that its army would respond to any attack.",
    "Russia warned that its forces would strike any convoy carrying Western weapons.",
    "Zimbabwe's president warned the envoy that his government would expel him.",
])
def test_a_warning_of_what_the_warner_will_do_is_a_threat(code, text):
    assert _events(code(text), "THREATEN")


def test_a_request_by_someone_unnamed_is_not_the_asked_ones(code):
    analysis = code("A ministry spokeswoman urged the United States to stop arming Taiwan.")
    requests = _events(analysis, "REQUEST")
    assert requests
    assert "United States" not in _names(analysis, requests[0].source)
    assert _names(analysis, requests[0].target) == {"United States"}


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskiy", "Zelenskyy"])
def test_romanisations_of_a_listed_leader_are_the_same_leader(code, spelling):
    analysis = code(f"President Volodymyr {spelling} thanked Poland for its support.")
    person = [a for a in analysis.actors.all() if a.kind == "person"]
    assert [(a.country, a.sector) for a in person] == [("UKR", "GOV")]


def test_weapons_made_in_a_country_are_not_that_country(code):
    analysis = code("Ukraine's air force said it had destroyed 12 Iranian-made drones launched overnight.")
    assert all(a.country != "IRN" for a in analysis.actors.all()), \
        [(a.name, a.country) for a in analysis.actors.all()]


def test_a_country_backing_a_group_is_still_its_backer(code):
    analysis = code("Iranian-backed militias attacked a base in Syria.")
    assert "IRN" in {a.country for a in analysis.actors.all()}


def test_forces_first_met_as_their_weapons_take_the_name_of_the_people(code):
    analysis = code("Moldova said it shot down two Russian drones. Russian troops also shelled a village.")
    russian = [a for a in analysis.actors.all() if a.country == "RUS" and a.sector == "MIL"]
    assert [a.name for a in russian] == ["Russian troops"]


def test_people_going_home_is_no_withdrawal(code):
    analysis = code("Nearly 90 Peruvians returned home on Friday after months in a camp in Chile.")
    assert not _events(analysis, "RETREAT")
    assert "people going home, no withdrawal" in {r.reason for r in analysis.rejected}


def test_forces_going_back_to_base_still_withdraw(code):
    assert _events(code("Russian troops returned to their bases after the exercise."), "RETREAT")


def test_a_thing_received_is_no_visit(code):
    analysis = code("The Lima Herald said it had received copies of the minister's tax returns.")
    assert not _events(analysis, "CONSULT")


def test_a_leader_received_is_a_visit(code):
    assert _events(code("President Putin received Chinese leader Xi Jinping in the Kremlin."), "CONSULT")


def test_mutual_acts_of_several_subjects_are_coded_both_ways(code):
    analysis = code("Kenya and Ethiopia signed an agreement on Wednesday to step up joint patrols.")
    dyads = {(tuple(sorted(_countries(analysis, e.source))), tuple(sorted(_countries(analysis, e.target))))
             for e in analysis.events}
    assert dyads == {(("KEN",), ("ETH",)), (("ETH",), ("KEN",))}


def test_joint_acts_on_a_third_party_are_not_mutual(code):
    analysis = code("Britain, France and Germany imposed sanctions on Belarus.")
    assert analysis.events
    for event in analysis.events:
        assert _countries(analysis, event.target) == {"BLR"}
