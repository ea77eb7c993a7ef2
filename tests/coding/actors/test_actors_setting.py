"""The article's setting lent to its unqualified domestic actors (coding/setting.py)."""

from __future__ import annotations

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.base import Analysis
from newsevents.records import Article


def code(nlp, text: str) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    return analysis


def actor_named(analysis: Analysis, name: str):
    found = [a for a in analysis.actors.all() if a.name.lower() == name.lower()]
    assert found, [a.name for a in analysis.actors.all()]
    return found[0]


SET_IN_GHANA = (
    "Police fired tear gas at students marching in Kumasi, Ghana, on Monday, witnesses said.\n\n"
    "The protests spread to Accra by the evening. The interior minister said officers "
    "had acted within the law.")


def test_domestic_actors_take_the_country_the_story_is_set_in(nlp):
    a = code(nlp, SET_IN_GHANA)
    assert actor_named(a, "police").country == "GHA"
    minister = next(x for x in a.actors.all() if x.sector == "GOV" and x.kind in ("person", "group"))
    assert minister.country == "GHA"
    assert a.notes["actors"]["setting_lent"] >= 2


def test_civilian_groups_are_not_lent_a_country(nlp):
    a = code(nlp, SET_IN_GHANA)
    students = [x for x in a.actors.all() if "student" in x.name.lower()]
    assert all(x.country is None for x in students)


def test_a_story_split_between_two_countries_lends_nothing(nlp):
    a = code(nlp, "Police said on Friday that two men had been detained. Sweden and Norway "
                  "share a long border, and the men had been seen in Stockholm and in Oslo.")
    police = [x for x in a.actors.all() if x.sector == "COP"]
    assert police and all(x.country is None for x in police)


def test_a_country_given_in_the_text_is_kept(nlp):
    a = code(nlp, "Kenyan police fired tear gas at protesters in Accra, Kumasi and Tamale.")
    assert actor_named(a, "Kenyan police").country == "KEN"


def test_protests_spreading_to_a_capital_do_not_make_it_an_actor(nlp):
    a = code(nlp, "The protests spread to Accra by the evening.")
    assert not [x for x in a.actors.all() if x.kind == "country"]
