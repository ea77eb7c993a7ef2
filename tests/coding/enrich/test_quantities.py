"""Quantities: number parsing, classification and attachment to events."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.coding.base import Analysis
from newsevents.coding.enrich.quantities import QuantitiesStage, find_numbers, parse_bounds, parse_number
from newsevents.records import Article, Event, Span


@pytest.mark.parametrize("text, value", [
    ("over 1,400", 1400), ("a million", 1e6), ("2.5 billion", 2.5e9), ("at least 12", 12),
    ("twenty-three", 23), ("3m", 3e6), ("$2.5 billion", 2.5e9), ("2.5bn euros", 2.5e9),
    ("more than 2.5 million", 2.5e6), ("two hundred and fifty", 250), ("half a million", 5e5),
    ("a dozen", 12), ("nearly 40,000", 40000), ("£40m", 4e7), ("some 300", 300),
    ("one hundred thousand", 1e5), ("Seventeen", 17), ("1.2 million", 1.2e6), ("450k", 450000),
    ("$400-million", 4e8),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["dozens", "hundreds", "tens of thousands", "thousands",
                                  "scores", "many", "several", "", "billion", "million people"])
def test_vague_amounts_are_not_numbers(text):
    assert parse_number(text) is None


def test_find_numbers_skips_ages_and_vague_amounts():
    text = "A 45-year-old driver and dozens of others were hurt; 7 died, and thousands fled."
    found = [(text[n.start:n.end], n.value) for n in find_numbers(text)]
    assert found == [("7", 7.0)]


def test_fractions_of_a_scale_are_not_read_as_the_scale():
    text = "They pledged a quarter of a million dollars; a billion people watched."
    found = [(text[n.start:n.end], n.value) for n in find_numbers(text)]
    assert found == [("a billion", 1e9)]


def test_find_numbers_currency():
    text = "Brussels offered 2.5bn euros, Tokyo ¥300 million and Washington $1.2 billion."
    found = [(text[n.start:n.end], n.value, n.currency) for n in find_numbers(text)]
    assert found == [("2.5bn euros", 2.5e9, "EUR"), ("¥300 million", 3e8, "JPY"),
                     ("$1.2 billion", 1.2e9, "USD")]


def _run(nlp, text: str, *triggers: tuple[str, str]) -> list[Event]:
    art = Article(id="t", source="t", text=text, published=date(2024, 5, 6))
    a = Analysis(article=art, doc=nlp(text))
    for k, (trig, etype) in enumerate(triggers):
        s = text.index(trig)
        a.events.append(Event(id=f"e{k}", type=etype, trigger=Span.of(text, s, s + len(trig)),
                              evidence=Span.of(text, 0, len(text))))
    QuantitiesStage()(a)
    return a.events


def _q(event: Event) -> set[tuple[str, float, str, str]]:
    return {(q.span.text, q.value, q.what, q.unit) for q in event.quantities}


def test_casualties_governed_by_the_trigger(nlp):
    text = ("Artillery units shelled the market town, killing at least 14 people and "
            "wounding over 2,300, the governor said.")
    (ev,) = _run(nlp, text, ("shelled", "ASSAULT"))
    assert _q(ev) == {("at least 14", 14, "killed", "people"),
                      ("over 2,300", 2300, "injured", "people")}
    for q in ev.quantities:
        assert text[q.span.start:q.span.end] == q.span.text


def test_passive_and_elliptic_casualties(nlp):
    text = "Nine civilians were killed and 30 injured when the drone struck a bus."
    (ev,) = _run(nlp, text, ("struck", "ASSAULT"))
    assert {(q.value, q.what) for q in ev.quantities} == {(9, "killed"), (30, "injured")}


def test_death_toll_and_missing(nlp):
    text = "After the bombing the death toll rose to 61, and eleven people remain missing."
    (ev,) = _run(nlp, text, ("bombing", "ASSAULT"))
    assert {(q.value, q.what) for q in ev.quantities} == {(61, "killed"), (11, "missing")}


def test_arrests_and_things_are_not_people(nlp):
    text = "Police detained twenty-three students and confiscated 40 laptops."
    (ev,) = _run(nlp, text, ("detained", "COERCE"))
    assert _q(ev) == {("twenty-three", 23, "arrested", "people")}


def test_displaced(nlp):
    text = "The offensive forced more than 1.5 million residents to flee, and 3m people have fled since."
    (ev,) = _run(nlp, text, ("offensive", "ASSAULT"))
    assert (3e6, "displaced") in {(q.value, q.what) for q in ev.quantities}


def test_munitions_fired_and_intercepted(nlp):
    text = "The militia fired 120 rockets at the port, and air defences shot down 85 drones."
    fired, downed = _run(nlp, text, ("fired", "ASSAULT"), ("shot", "ASSAULT"))
    assert _q(fired) == {("120", 120, "fired", "rockets")}
    assert _q(downed) == {("85", 85, "intercepted", "drones")}


def test_money_and_troops(nlp):
    text = ("The alliance pledged $2.5 billion in military aid, and Berlin will deploy "
            "some 4,000 troops to the eastern flank.")
    aid, deploy = _run(nlp, text, ("pledged", "AID"), ("deploy", "MOBILIZE"))
    assert _q(aid) == {("$2.5 billion", 2.5e9, "money", "USD")}
    assert _q(deploy) == {("some 4,000", 4000, "deployed", "troops")}


def test_casualties_go_to_the_assault_event_of_the_sentence(nlp):
    text = "Officials condemned the raid on the camp, which left 17 people dead."
    condemn, raid = _run(nlp, text, ("condemned", "ACCUSE"), ("raid", "ASSAULT"))
    assert condemn.quantities == ()
    assert {(q.value, q.what) for q in raid.quantities} == {(17, "killed")}


def test_no_quantity_from_another_sentence_or_vague_amount(nlp):
    text = "Dozens of people were wounded. Troops shelled the village again."
    (ev,) = _run(nlp, text, ("shelled", "ASSAULT"))
    assert ev.quantities == ()


def test_unclassified_numbers_are_dropped(nlp):
    text = "The 3 ministers met in Geneva for 2 rounds of talks."
    (ev,) = _run(nlp, text, ("met", "CONSULT"))
    assert ev.quantities == ()


def test_the_subject_of_a_transitive_kill_is_not_the_toll(nlp):
    text = "Two gunmen killed 23 villagers before dawn."
    (ev,) = _run(nlp, text, ("killed", "ASSAULT"))
    assert _q(ev) == {("23", 23, "killed", "people")}


def test_non_person_objects_are_not_displaced_people(nlp):
    text = "The army will evacuate all 21 settlements in the area."
    (ev,) = _run(nlp, text, ("evacuate", "RETREAT"))
    assert ev.quantities == ()


def test_other_currencies(nlp):
    text = "Seoul pledged 300 billion won in aid."
    (ev,) = _run(nlp, text, ("pledged", "AID"))
    assert _q(ev) == {("300 billion won", 3e11, "money", "KRW")}


def test_barrage_and_number_of_dead(nlp):
    text = "Gunners unleashed a barrage of 60 shells, and the number of dead rose to 9."
    (ev,) = _run(nlp, text, ("unleashed", "ASSAULT"))
    assert {(q.value, q.what, q.unit) for q in ev.quantities} == {(60, "fired", "shells"),
                                                                  (9, "killed", "people")}


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_digit_groups_round_trip(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"at least {n}") == n


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_number_never_raises(text):
    got = parse_number(text)
    assert got is None or got >= 0


def test_negated_counts_and_ages_are_not_quantities():
    text = "No one was hurt, but a man aged 56 died and not one shop opened."
    assert [(text[n.start:n.end]) for n in find_numbers(text)] == []


def test_casualty_count_in_the_next_sentence_goes_to_the_assault(nlp):
    text = ("Missiles struck the port city overnight.\n\nAt least 12 people were killed, "
            "the mayor said. Officials met later to discuss $3 million in repairs.")
    (strike,) = _run(nlp, text, ("struck", "ASSAULT"))
    assert {(q.value, q.what) for q in strike.quantities} == {(12, "killed")}


def test_next_sentence_rule_needs_a_lone_assault_and_an_eventless_sentence(nlp):
    text = "Police detained the organisers. At least 12 people were hurt."
    (detain,) = _run(nlp, text, ("detained", "COERCE"))
    assert detain.quantities == ()


@pytest.mark.parametrize("text, trigger, what", [
    ("Soldiers took 40 protesters into custody.", "took", "arrested"),
    ("The floods forced 300 families from their homes.", "forced", "displaced"),
    ("Gunmen gunned down 5 villagers.", "gunned", "killed"),
    ("The blast hospitalized 14 workers.", "blast", "injured"),
])
def test_more_casualty_phrasings(nlp, text, trigger, what):
    (ev,) = _run(nlp, text, (trigger, "ASSAULT"))
    assert [q.what for q in ev.quantities] == [what]


@pytest.mark.parametrize("text, after, bounds", [
    ("at least 12", "", (12, None, False)), ("more than 1,400", "", (1400, None, False)),
    ("over 1,400", "", (1400, None, False)), ("up to 300", "", (None, 300, False)),
    ("nearly a million", "", (None, 1e6, True)), ("about 40", "", (None, None, True)),
    ("fewer than 20", "", (None, 20, False)), ("15", "", (15, 15, False)),
    ("12", " or more people", (12, None, False)), ("40", " or so", (None, None, True)),
    ("some 300", "", (None, None, True)), ("just over 100", "", (100, None, True)),
])
def test_qualifiers_are_kept_as_bounds(text, after, bounds):
    value = parse_number(text)
    assert parse_bounds(text, value, after) == bounds


def test_find_numbers_carries_the_bounds():
    text = "At least 12 people died and up to 300 were arrested; 15 were hurt."
    found = [(text[n.start:n.end], n.min, n.max) for n in find_numbers(text)]
    assert found == [("At least 12", 12, None), ("up to 300", None, 300), ("15", 15, 15)]


def test_a_qualified_toll_is_attached_with_its_bounds(nlp):
    text = "Missiles struck a market in Kharkiv on Friday. At least 12 people were killed."
    (ev,) = _run(nlp, text, ("struck", "ASSAULT"))
    (q,) = ev.quantities
    assert (q.what, q.value, q.min, q.max, q.approx) == ("killed", 12, 12, None, False)
