"""The actors stage on names read whole: family-name-first and hyphenated names,
organizations introduced through a possessive and the people tied to them,
outlet names inside longer names, and paragraph labels ending in a colon."""

from __future__ import annotations

import pytest

from newsevents.coding.base import Analysis
from newsevents.coding.actors.section_labels import label_tokens


def person(analysis: Analysis, word: str):
    """The person actor with a mention containing ``word``."""
    for actor in analysis.actors.all():
        if actor.kind == "person" and any(word in m.text.split() or word in m.text for m in actor.mentions):
            return actor
    raise AssertionError(f"no person {word!r}: {[(a.name, a.kind) for a in analysis.actors.all()]}")


def mentioned(analysis: Analysis, text: str):
    """The actor with a mention whose text is ``text``, or None."""
    return next((a for a in analysis.actors.all() if any(m.text == text for m in a.mentions)), None)


# --- family-name-first and hyphenated names ------------------------------------

@pytest.mark.parametrize("text, full, short", [
    ("South Korean President Moon Jae-in met the visiting envoy. Moon said talks would resume soon.",
     "Moon Jae-in", "Moon"),
    ("Opposition leader Lee Jae-seok criticised the budget on Monday. Lee said it would hurt farmers.",
     "Lee Jae-seok", "Lee"),
    ("Former prime minister Park Soon-ok was questioned by prosecutors. Park denied any wrongdoing.",
     "Park Soon-ok", "Park"),
    ("Vietnamese Prime Minister Tran Van Minh opened the port. Tran praised the workers.",
     "Tran Van Minh", "Tran"),
])
def test_family_name_first_names_are_whole_and_their_surname_refers_back(code_actors, text, full, short):
    a = code_actors(text)
    p = person(a, full.split()[-1].split("-")[0])
    assert p.name == full
    assert short in {m.text for m in p.mentions}
    assert len([x for x in a.actors.all() if x.kind == "person"]) == 1


@pytest.mark.parametrize("text, full", [
    ("Jean-Luc Marchand, a French senator, voted against the bill. Marchand later resigned.", "Jean-Luc Marchand"),
    ("Mayor Anne-Sophie Keller opened the bridge on Sunday.", "Anne-Sophie Keller"),
    ("Kim Hye-Jin, a South Korean diplomat, arrived in Geneva.", "Kim Hye-Jin"),
])
def test_hyphenated_given_names_stay_one_word(code_actors, text, full):
    a = code_actors(text)
    assert person(a, full.split()[-1]).name == full


def test_particle_before_a_hyphen_stays_apart(code_actors):
    a = code_actors("Syrian President Bashir al-Nouri spoke on television. Nouri said the war was over.")
    p = person(a, "Nouri")
    assert "Nouri" in {m.text for m in p.mentions}


# --- "<Country>'s agency" and the people tied to it ----------------------------

@pytest.mark.parametrize("text, name, iso3, sector", [
    ("Norway's spy agency said the network had been dismantled. Its director Ola Berg told "
     "lawmakers that two men were arrested.", "Ola Berg", "NOR", "SPY"),
    ("Pakistan's army denied the report, and its spokesman Imran Qadir said no troops had crossed.",
     "Imran Qadir", "PAK", "MIL"),
    ("Peru's central bank raised rates again. Its president, Julio Paredes, warned of inflation.",
     "Julio Paredes", "PER", None),
    ("Japan's foreign ministry protested the move. Ministry spokesman Kenji Mori called it regrettable.",
     "Kenji Mori", "JPN", None),
])
def test_person_introduced_through_a_possessive_organization_gets_its_country(code_actors, text, name, iso3, sector):
    a = code_actors(text)
    p = person(a, name.split()[-1])
    assert p.country == iso3
    assert p.affiliation is not None and a.actors.get(p.affiliation).kind != "person"
    if sector:
        assert p.sector == sector


@pytest.mark.parametrize("text, iso3, sector", [
    ("Norway's spy agency said the network had been dismantled.", "NOR", "SPY"),
    ("Israel's navy intercepted the boat overnight.", "ISR", "MIL"),
    ("Turkey's central bank cut its main rate.", "TUR", "GOV"),
])
def test_country_possessive_organization_is_that_countrys(code_actors, text, iso3, sector):
    a = code_actors(text)
    org = next(x for x in a.actors.all() if x.kind != "person")
    assert (org.country, org.sector) == (iso3, sector)


def test_its_does_not_take_a_plural_group(code_actors):
    a = code_actors("Protesters gathered outside parliament. Its speaker, Maria Okafor, refused to meet them.")
    p = person(a, "Okafor")
    assert p.affiliation is None or a.actors.get(p.affiliation).name != "protesters"


# --- outlet names inside longer names ------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The Korea Times reported that the talks had stalled.", "Korea Times"),
    ("The Hindustan Times said the minister would resign.", "Hindustan Times"),
    ("According to the Sunday Times, the plan was dropped.", "Sunday Times"),
    ("The Straits Times reported that the summit would be held in March.", "Straits Times"),
])
def test_outlet_whose_name_holds_a_shorter_outlet_is_the_longer_one(code_actors, text, name):
    a = code_actors(text)
    org = next(x for x in a.actors.all() if x.kind == "organization")
    assert org.name == name
    assert org.sector == "JRN" and org.country != "GBR"


@pytest.mark.parametrize("text, name, country", [
    ("The Japan Times said the vote would be delayed.", "Japan Times", "JPN"),
    ("The Times of Malta said the vote would be delayed.", "Times of Malta", "MLT"),  # country after the outlet
])
def test_outlet_country_comes_from_its_own_name(code_actors, text, name, country):
    a = code_actors(text)
    org = next(x for x in a.actors.all() if x.kind == "organization")
    assert (org.name, org.country) == (name, country)
    assert not any(x.kind == "country" for x in a.actors.all())


@pytest.mark.parametrize("text, longer", [
    ("The Times of India reported that the minister had resigned. The Times said it stood by its story.",
     "Times of India"),
    ("The New York Times reported the plan on Sunday. The Times said officials had confirmed it.",
     "The New York Times"),
    ("The Korea Times quoted a diplomat. The Times said the talks would resume.", "Korea Times"),
])
def test_short_form_after_a_longer_outlet_is_that_outlet(code_actors, text, longer):
    a = code_actors(text)
    orgs = [x for x in a.actors.all() if x.kind == "organization"]
    assert len(orgs) == 1 and orgs[0].name == longer
    assert "Times" in {m.text for m in orgs[0].mentions}


def test_own_country_before_an_organization_is_a_qualifier(code_actors):
    a = code_actors("The U.S. Federal Reserve raised rates. The Fed said inflation was too high.")
    fed = mentioned(a, "Fed")
    assert fed is not None and fed.name == "Federal Reserve" and fed.country == "USA"


# --- section labels --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Explainer: How the sanctions work.",
    "Background:\nThe two countries fought a war in 1999.",
    "Flashback: Moscow annexed the peninsula in 2014.",
    "Key Takeaways: The army withdrew from the town.",
    "Kenya: Police arrested three men on Sunday.",
])
def test_paragraph_label_is_never_an_actor(code_actors, text):
    a = code_actors(text)
    label = text.split(":")[0]
    assert all(m.text.strip() not in label and label not in m.text for x in a.actors.all() for m in x.mentions)


def test_label_in_a_later_paragraph(code_actors):
    a = code_actors("Troops left the town on Monday.\n\nAnalysis: Officials fear a wider war.\n")
    assert mentioned(a, "Analysis") is None
    assert mentioned(a, "Officials") is not None


@pytest.mark.parametrize("text, speaker", [
    ('Officials said: "We will not retreat from the border."', "Officials"),
    ('Senator John Miller told reporters: "The deal is dead."', "John Miller"),
])
def test_speaker_before_a_colon_is_no_label(code_actors, text, speaker):
    a = code_actors(text)
    assert not label_tokens(a.doc)
    assert mentioned(a, speaker) is not None


@pytest.mark.parametrize("text, lead, name", [
    ("Mike Pence spoke on Monday.\n\nPENCE: Well, we will see.", "PENCE", "Mike Pence"),
    ("The debate went on.\n\nJoe Biden: We will win this election.", "Joe Biden", "Joe Biden"),
])
def test_a_name_before_a_colon_is_a_speaker_not_a_label(code, text, lead, name):
    a = code(text)
    assert not label_tokens(a.doc)
    actor = mentioned(a, lead)
    assert actor is not None and actor.name == name
    sources = [x.source for x in a.attributions if x.source is not None and x.source.span.text == lead]
    assert sources and sources[0].actor == actor.id


def test_times_and_inner_colons_are_no_labels(nlp):
    assert not label_tokens(nlp("At 10:30 the minister spoke. The vote: a defeat for the government."))


@pytest.mark.parametrize("text, full", [
    ("Tran arrived in the capital on Monday. Deputy Minister Tran Quoc Bao said the deal was close.",
     "Tran Quoc Bao"),
    ("Zhang told reporters the plan was ready. Later, trade official Zhang Wenli presented it.", "Zhang Wenli"),
    ("Choi spoke first at the forum. Envoy Choi Min-seo then answered questions.", "Choi Min-seo"),
])
def test_family_name_before_the_full_name_is_that_person(code_actors, text, full):
    a = code_actors(text)
    people = [x for x in a.actors.all() if x.kind == "person"]
    assert len(people) == 1 and people[0].name == full


def test_family_name_first_is_not_read_into_western_names(code_actors):
    a = code_actors("Kim Lee, a farmer, lost her harvest. Sen. David Lee promised an inquiry. "
                    "Lee said he would act.")
    david = person(a, "David")
    assert "Lee" in {m.text for m in david.mentions}


@pytest.mark.parametrize("text, iso3", [
    ("Russia's Foreign Ministry summoned the envoy. The Foreign Ministry said the move was hostile.", "RUS"),
    ("Egypt's Interior Ministry announced the arrests. On Friday the Interior Ministry said two more "
     "men were held.", "EGY"),
    ("India's Defence Ministry signed the order. A week later the Defence Ministry cancelled it.", "IND"),
])
def test_generic_organization_named_again_keeps_its_country(code_actors, text, iso3):
    a = code_actors(text)
    orgs = [x for x in a.actors.all() if x.kind == "organization"]
    assert len(orgs) == 1 and orgs[0].country == iso3 and len(orgs[0].mentions) == 2
