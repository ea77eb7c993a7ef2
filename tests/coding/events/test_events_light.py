"""Event nouns of light verbs, framing nouns and pronoun subjects of reports (invented sentences)."""

from __future__ import annotations

import pytest

from newsevents.coding.base import Analysis
from newsevents.coding.events.lexicon import load as lexicon


def names(analysis: Analysis, ids) -> set[str]:
    return {analysis.actors.get(i).name for i in ids}


@pytest.mark.parametrize("text, word, expected", [
    ("The rebels declared a cease-fire on Sunday.", "fire", "RETREAT"),
    ("Kenya launched a mediation effort in the region.", "effort", "CONSULT"),
    ("Norway funds an aid programme in the north.", "programme", "AID"),
    ("The senator ran an election campaign in Ohio.", "campaign", None),
    ("The minister described the effort as futile.", "effort", None),
])
def test_lexicon_reads_hyphenated_and_framing_nouns(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == word)
    row = lexicon().lookup(tok)
    assert (row.type if row else None) == expected


def test_pronoun_subject_of_a_report_is_the_speaker(code):
    analysis = code("Venezuela said it would expel the Colombian ambassador.")
    ev = next(e for e in analysis.events if e.type == "SANCTION")
    assert "Venezuela" in names(analysis, ev.source)


def test_pronoun_of_the_wrong_kind_is_not_the_speaker(code):
    # "he" cannot stand for a country: no source is borrowed from Venezuela
    analysis = code("Venezuela said he would expel the Colombian ambassador.")
    for ev in analysis.events:
        assert "Venezuela" not in names(analysis, ev.source)


def test_held_discussions_with_is_a_consultation(code):
    analysis = code("Kenya held discussions with Uganda on Monday.")
    ev = next(e for e in analysis.events if e.type == "CONSULT")
    assert names(analysis, ev.source) == {"Kenya"}
    assert names(analysis, ev.target) == {"Uganda"}


@pytest.mark.parametrize("text", [
    "Senator Warren attacked Mark Zuckerberg for his handling of privacy.",
    "The governor hit Senator Blake hard on his record.",
    "Senator Warren attacked Mark Zuckerberg in a long speech.",
])
def test_attack_in_words_is_an_accusation(code, text):
    types = [e.type for e in code(text).events]
    assert "ACCUSE" in types and "ASSAULT" not in types, types


@pytest.mark.parametrize("text", [
    "Russian forces attacked Kharkiv on Friday.",
    "Gunmen attacked the mayor of Acapulco on his farm.",
])
def test_armed_attack_stays_an_assault(code, text):
    types = [e.type for e in code(text).events]
    assert "ASSAULT" in types and "ACCUSE" not in types, types


def test_framing_noun_is_unambiguous_only_when_carried_out(nlp):
    doc = nlp("Kenya launched a mediation effort in the region.")
    launched = lexicon().lookup(next(t for t in doc if t.lower_ == "effort"))
    doc = nlp("Kenya described a mediation effort in the region.")
    described = lexicon().lookup(next(t for t in doc if t.lower_ == "effort"))
    assert launched is not None and not launched.is_weak
    assert described is not None and described.is_weak


@pytest.mark.parametrize("text, etype, source", [
    ("Nurses in Leeds went on strike for better pay.", "PROTEST", "nurses"),
    ("Cambodian troops remained on alert near the Thai border.", "MOBILIZE", "Cambodian troops"),
])
def test_event_noun_after_on_of_a_verb_of_state(code, text, etype, source):
    analysis = code(text)
    ev = next((e for e in analysis.events if e.type == etype), None)
    assert ev is not None, [(e.type, e.trigger.text) for e in analysis.events]
    assert any(source.lower() in n.lower() for n in names(analysis, ev.source))


def test_comment_on_a_strike_is_not_a_strike(code):
    analysis = code("The senator commented on the strike in Ohio.")
    assert not [e for e in analysis.events if e.type == "PROTEST"]
