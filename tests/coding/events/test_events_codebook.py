"""Readings the PLOVER codebook prescribes for agreements, meetings, refusals and
orders (invented sentences)."""

from __future__ import annotations

import pytest


def _types(analysis) -> list[str]:
    return [e.type for e in analysis.events]


def _names(analysis, ids) -> set[str]:
    return {analysis.actors.get(a).name for a in ids}


@pytest.mark.parametrize("text", [
    "Ghana and Togo signed a border treaty in Accra on Monday.",
    "Chile reached a trade agreement with Peru after two years of talks.",
    "Norway and Iceland have agreed a fisheries deal.",
    "The Brazilian senate ratified the treaty with Paraguay.",
])
def test_an_agreement_signed_or_reached_is_support(code, text):
    types = _types(code(text))
    assert "SUPPORT" in types and "AGREE" not in types, types


@pytest.mark.parametrize("text", [
    "Ghana and Togo will sign a border treaty next month.",
    "Chile agreed to lower its tariffs on Peruvian fruit.",
])
def test_an_agreement_still_to_be_signed_or_carried_out_stays_agree(code, text):
    types = _types(code(text))
    assert "AGREE" in types and "SUPPORT" not in types, types


def test_a_meeting_still_to_come_is_an_agreement_to_meet(code):
    analysis = code("The Kenyan president will hold talks with Ethiopian Prime Minister Abiy Ahmed next week.")
    assert _types(analysis) == ["AGREE"]
    assert analysis.events[0].status == "asserted"


def test_a_meeting_held_stays_a_consultation(code):
    analysis = code("The Kenyan president held talks with Ethiopian Prime Minister Abiy Ahmed on Friday.")
    assert _types(analysis) == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Hungary says it will not accept any refugees from the camps in Greece.",
    "Kenya did not sign the trade agreement with Uganda.",
])
def test_a_refused_agreement_is_a_rejection(code, text):
    analysis = code(text)
    assert "REJECT" in _types(analysis) and "AGREE" not in _types(analysis), _types(analysis)


def test_an_agreement_not_yet_signed_is_no_rejection(code):
    analysis = code("Ghana has not yet signed the border treaty with Togo.")
    assert "REJECT" not in _types(analysis)


def test_an_authority_ordering_someone_coerces_them(code):
    analysis = code("The Kenyan government ordered the Daily Courier newspaper to stop printing.")
    ev = next(e for e in analysis.events if e.type == "COERCE")
    assert any("government" in n.lower() or n == "Kenya" for n in _names(analysis, ev.source))
    assert any("Daily Courier" in n for n in _names(analysis, ev.target))


def test_a_warrant_is_aimed_at_whom_it_is_for(code):
    analysis = code("Police in Peru issued an arrest warrant for former president Pedro Castillo.")
    ev = next(e for e in analysis.events if e.type == "COERCE")
    assert "Pedro Castillo" in _names(analysis, ev.target)


def test_civilians_are_the_target_of_violence(code):
    analysis = code("Islamist militants killed 12 civilians in the north.")
    ev = next(e for e in analysis.events if e.type == "ASSAULT")
    assert "civilians" in _names(analysis, ev.target)


def test_a_name_misread_as_an_adverb_is_still_the_doer(code):
    analysis = code("USAID provided tents and blankets to families in Haiti.")
    ev = next(e for e in analysis.events if e.type == "AID")
    assert any("International Development" in n for n in _names(analysis, ev.source)), _names(analysis, ev.source)


def test_an_ordered_act_named_by_a_noun_is_that_act(code):
    analysis = code("The Kenyan president ordered the deployment of troops to the border with Somalia.")
    assert "MOBILIZE" in _types(analysis) and "COERCE" not in _types(analysis), _types(analysis)


@pytest.mark.parametrize("text, expected", [
    ("A court in Lagos convicted the former governor of fraud.", "ACCUSE"),
    ("Ghana and Togo failed to reach an agreement on the border.", "REJECT"),
    ("Canada and Chile agreed to the new fisheries plan.", "SUPPORT"),
    ("Canada and Chile agreed to talks on fisheries.", "AGREE"),
    ("The United Nations withdrew its peacekeepers from Mali.", "SANCTION"),
    ("The United States cut tariffs on Chinese steel.", "RETREAT"),
    ("Japan cut aid to Myanmar.", "SANCTION"),
])
def test_codebook_readings_of_common_clauses(code, text, expected):
    assert expected in _types(code(text)), _types(code(text))


def test_an_interview_agreed_to_is_no_approval(code):
    assert "SUPPORT" not in _types(code("The Chilean minister agreed to an interview with the BBC."))


@pytest.mark.parametrize("text", [
    "Germany criticized the Russian invasion of Ukraine.",
    "France condemned the Israeli airstrikes on Gaza.",
])
def test_a_judgement_and_the_act_it_judges_keep_their_own_types(code, text):
    analysis = code(text)
    by_trigger = {e.trigger.text: e.type for e in analysis.events}
    verb = text.split()[1]
    assert by_trigger.get(verb) == "ACCUSE", by_trigger
    assert "ASSAULT" in by_trigger.values(), by_trigger


@pytest.mark.parametrize("text", [
    "Norway gave 20 million euros to help families in Chad.",
    "Norway has announced new humanitarian assistance of 5 million euros for farmers in Chad.",
])
def test_aid_is_aimed_at_the_country_its_recipients_are_in(code, text):
    analysis = code(text)
    ev = next(e for e in analysis.events if e.type == "AID")
    assert _names(analysis, ev.target) == {"Chad"}, _names(analysis, ev.target)


def test_aid_named_with_its_recipient_is_not_aimed_at_a_place(code):
    analysis = code("Norway gave 20 million euros to the Red Cross for its work in Chad.")
    ev = next(e for e in analysis.events if e.type == "AID")
    assert "Chad" not in _names(analysis, ev.target), _names(analysis, ev.target)


def test_a_verb_judging_an_event_is_an_event_of_its_own(code):
    analysis = code("Turkey welcomed the ceasefire agreement between Armenia and Azerbaijan.")
    ev = next(e for e in analysis.events if e.trigger.text == "welcomed")
    assert ev.type == "SUPPORT" and _names(analysis, ev.source) == {"Turkey"}


def test_a_call_for_sanctions_against_someone_accuses_them(code):
    analysis = code("Sweden has called for sanctions against Moscow over the poisoning case.")
    ev = next(e for e in analysis.events if e.type == "ACCUSE")
    assert _names(analysis, ev.source) == {"Sweden"} and _names(analysis, ev.target) == {"Russia"}


def test_a_call_for_talks_stays_a_request(code):
    analysis = code("Sweden called for talks with Moscow.")
    assert "ACCUSE" not in _types(analysis) and "REQUEST" in _types(analysis)


def test_a_phone_call_is_a_consultation(code):
    text = "Kenyan President William Ruto called Ethiopian Prime Minister Abiy Ahmed on Friday to discuss the border."
    ev = next(e for e in code(text).events if e.trigger.text == "called")
    assert ev.type == "CONSULT"


@pytest.mark.parametrize("text", [
    "The Kenyan opposition called the vote a sham.",
    "Everyone in Nairobi called the minister Big Joe.",
    "The Kenyan protocol called for the minister to be taken to hospital.",
])
def test_a_naming_or_a_call_for_something_is_no_phone_call(code, text):
    assert "CONSULT" not in _types(code(text))


def test_defying_a_rule_rejects_whoever_made_it(code):
    analysis = code("Pyongyang has violated a ban by the United Nations on missile tests.")
    ev = next(e for e in analysis.events if e.type == "REJECT")
    assert _names(analysis, ev.source) == {"North Korea"} and _names(analysis, ev.target) == {"United Nations"}


def test_a_breached_agreement_is_a_rejection_whatever_the_classifier_hears(code):
    assert "REJECT" in _types(code("Iran breached the nuclear agreement with the European Union."))


def test_a_violated_ceasefire_agreement_is_fighting(code):
    assert "ASSAULT" in _types(code("Sudan violated the ceasefire agreement with the rebels in Darfur."))


def test_a_refusal_is_a_rejection(code):
    assert "REJECT" in _types(code("Cuba's refusal to engage with the Colombian government angered Washington."))


def test_a_deadline_given_is_a_threat(code):
    analysis = code("The Philippine government gave Canada a May 15 deadline to remove the waste.")
    ev = next(e for e in analysis.events if e.type == "THREATEN")
    assert _names(analysis, ev.target) == {"Canada"}


def test_charges_filed_against_someone_accuse_them(code):
    analysis = code("Brazil's federal police filed new charges against President Michel Temer on Tuesday.")
    ev = next(e for e in analysis.events if e.type == "ACCUSE")
    assert "Michel Temer" in _names(analysis, ev.target)


def test_a_verb_saying_what_its_object_is_does_not_do_it(code):
    analysis = code("The Kenyan government called the charges unfounded.")
    assert "ACCUSE" not in _types(analysis) and "CONSULT" not in _types(analysis), _types(analysis)


def test_people_used_as_human_shields_are_assaulted(code):
    analysis = code("Islamist militants held hundreds of civilians as human shields in the old city.")
    ev = next(e for e in analysis.events if e.type == "ASSAULT")
    assert "civilians" in _names(analysis, ev.target)


@pytest.mark.parametrize("text, expected", [
    ("The United States carried out retaliatory strikes in Syria.", "ASSAULT"),
    ("Russian jets launched strikes on rebel positions in Idlib.", "ASSAULT"),
    ("Kenyan doctors went on strike against the government.", "PROTEST"),
])
def test_a_strike_by_armed_forces_is_an_attack_and_by_workers_a_protest(code, text, expected):
    types = _types(code(text))
    assert expected in types and ({"ASSAULT", "PROTEST"} - {expected}).isdisjoint(types), types


def test_deals_among_firms_are_rejected_with_their_reason(code):
    analysis = code("Vodafone Group agreed to a merger deal with Orange Telecom Holdings.")
    assert not analysis.events
    assert analysis.rejected
    assert {r.reason for r in analysis.rejected} == {"cooperation among firms or private people only"}


def test_aid_between_states_is_no_private_dealing(code):
    analysis = code("Norway offered humanitarian aid to Uganda.")
    assert analysis.events and not analysis.rejected


def test_firing_someone_from_a_job_is_no_attack(code):
    text = ("Kenya's football federation fired its coach on Monday. " * 1) + "Kenyan police fired at protesters in Nairobi."
    analysis = code(text)
    assert [e.trigger.text for e in analysis.events if e.type == "ASSAULT"] == ["fired"]
    assert analysis.events[-1].evidence.text.startswith("Kenyan police")


def test_an_announced_release_is_a_retreat(code):
    analysis = code("Iran's Foreign Ministry announced the release of two Kuwaiti sailors.")
    assert "RETREAT" in _types(analysis)


def test_a_letter_sent_is_no_aid(code):
    analysis = code("Kenya's president sent a letter to the United Nations on Monday.")
    assert "AID" not in _types(analysis)
    assert any(r.reason == "words given, not help" for r in analysis.rejected)
