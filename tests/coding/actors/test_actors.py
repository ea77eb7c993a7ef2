"""The actors stage on invented sentences: countries, organizations, groups, people."""

from __future__ import annotations

import pytest

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.base import Analysis
from newsevents.records import Article


def code(nlp, text: str) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    return analysis


def by_text(analysis: Analysis, mention: str):
    """The actor with a mention whose text is ``mention``."""
    for actor in analysis.actors.all():
        if any(m.text == mention for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mentioned as {mention!r}: {[a.name for a in analysis.actors.all()]}")


def actor_of_token(analysis: Analysis, word: str):
    """The actor of the first token ``word``."""
    tok = next(t for t in analysis.doc if t.text == word)
    actor_id = analysis.actors.actor_at(tok.i)
    return analysis.actors.get(actor_id) if actor_id else None


def test_country_short_forms_and_seat_merge_into_one_actor(nlp):
    a = code(nlp, "The United States imposed new tariffs on steel. U.S. negotiators left early, "
                  "and Washington said the talks had failed.")
    usa = [x for x in a.actors.all() if x.country == "USA" and x.kind == "country"]
    assert len(usa) == 1
    texts = {m.text for m in usa[0].mentions}
    assert {"United States", "Washington"} <= texts
    assert usa[0].sector == "GOV"  # the seat speaks for the government


@pytest.mark.parametrize("text, mention, iso3", [
    ("The Kremlin rejected the proposal on Monday.", "Kremlin", "RUS"),
    ("Tehran denied sending drones to the region.", "Tehran", "IRN"),
    ("Downing Street declined to comment on the report.", "Downing Street", "GBR"),
    ("Beijing warned that it would respond to any provocation.", "Beijing", "CHN"),
    ("The UAE and Britain signed a trade deal.", "UAE", "ARE"),
    ("Officials in Seoul said the ROK would not attend.", "ROK", "KOR"),
])
def test_countries_by_seat_and_short_form(nlp, text, mention, iso3):
    actor = by_text(code(nlp, text), mention)
    assert actor.kind == "country" and actor.country == iso3


def test_capital_as_location_is_not_an_actor(nlp):
    a = code(nlp, "The two delegations met in Moscow on Tuesday to discuss grain exports.")
    assert all(m.text != "Moscow" for x in a.actors.all() for m in x.mentions)


def test_demonym_alone_codes_the_country(nlp):
    a = code(nlp, "Witnesses said Iranian drones struck a fuel depot near the border.")
    assert actor_of_token(a, "Iranian").country == "IRN"


def test_person_named_like_a_country_is_a_person(nlp):
    a = code(nlp, "Jordan Peterson spoke at the rally, and Chad Ochocinco signed autographs.")
    assert all(x.kind != "country" for x in a.actors.all())


def test_georgia_is_a_us_state_in_a_us_context(nlp):
    us = code(nlp, "Voters in Georgia, Ohio and Florida went to the polls on Tuesday.")
    assert all(x.country != "GEO" for x in us.actors.all())
    caucasus = code(nlp, "Georgia accused Russia of moving border fences near Tbilisi.")
    assert by_text(caucasus, "Georgia").country == "GEO"


@pytest.mark.parametrize("text, mention, country, sector", [
    ("Hezbollah fired rockets at an army post.", "Hezbollah", "LBN", "REB"),
    ("The Taliban seized the district center.", "Taliban", "AFG", "REB"),
    ("The IAEA said inspectors had been denied access.", "IAEA", "IGO", "IGO"),
    ("NATO will hold exercises next month.", "NATO", "IGO", "IGO"),
    ("The CIA declined to comment.", "CIA", "USA", "SPY"),
    ("The Knesset approved the budget late on Wednesday.", "Knesset", "ISR", "LEG"),
    ("Xinhua reported that the talks went well.", "Xinhua", "CHN", "JRN"),
    ("The International Criminal Court issued a warrant.", "International Criminal Court", "IGO", "JUD"),
    ("Ansar Allah claimed the attack on the tanker.", "Ansar Allah", "YEM", "REB"),
])
def test_organizations_from_the_dictionary(nlp, text, mention, country, sector):
    actor = by_text(code(nlp, text), mention)
    assert actor.kind in ("organization", "group")
    assert (actor.country, actor.sector) == (country, sector)


def test_generic_ministry_takes_its_country_from_the_text(nlp):
    a = code(nlp, "Russia's Foreign Ministry summoned the ambassador. "
                  "In Cairo, the Egyptian Defense Ministry announced drills.")
    ministries = {x.country: x for x in a.actors.all() if "Ministry" in x.name}
    assert set(ministries) == {"RUS", "EGY"}
    assert ministries["EGY"].sector == "MIL"


def test_unknown_org_entity_is_an_organization(nlp):
    a = code(nlp, "The Nordvik Shipping Company said its tanker was seized.")
    org = [x for x in a.actors.all() if "Nordvik" in x.name]
    assert org and org[0].kind == "organization"


def test_apposition_gives_country_sector_and_role(nlp):
    a = code(nlp, "Ana Ruiz, Peru's ambassador to the OAS, said the vote was postponed.")
    ruiz = by_text(a, "Ana Ruiz")
    assert (ruiz.kind, ruiz.country, ruiz.sector) == ("person", "PER", "DIP")
    assert ruiz.role == "ambassador to the OAS"
    assert a.actors.get(ruiz.affiliation).country == "PER"  # Peru, not the OAS


def test_researcher_takes_sector_from_organization(nlp):
    a = code(nlp, "Tomas Berg, a researcher at the Brookings Institution, said the plan was unworkable.")
    berg = by_text(a, "Tomas Berg")
    assert berg.sector == "NGO" and berg.country == "USA"
    assert a.actors.get(berg.affiliation).name == "Brookings Institution"


@pytest.mark.parametrize("text, name, country, sector", [
    ("French President Emmanuel Macron called for a ceasefire.", "Emmanuel Macron", "FRA", "GOV"),
    ("Sen. Mark Doyle blocked the nomination.", "Mark Doyle", None, "LEG"),
    ("Gen. Viktor Halenko said his troops had withdrawn.", "Viktor Halenko", None, "MIL"),
    ("Kremlin spokesman Dmitry Orlov dismissed the reports.", "Dmitry Orlov", "RUS", "GOV"),
    ("Israeli Defense Minister Avi Ronen visited the base.", "Avi Ronen", "ISR", "GOV"),
])
def test_titles_before_names(nlp, text, name, country, sector):
    person = by_text(code(nlp, text), name)
    assert person.kind == "person"
    assert person.sector == sector
    if country:
        assert person.country == country


def test_spokesman_for_an_organization(nlp):
    a = code(nlp, "Leila Haddad, a spokeswoman for the World Health Organization, said cases were rising.")
    haddad = by_text(a, "Leila Haddad")
    assert (haddad.country, haddad.sector) == ("IGO", "IGO")


@pytest.mark.parametrize("text, mention, country, sector", [
    ("Iranian officials said the shipment was legal.", "Iranian officials", "IRN", "GOV"),
    ("Russian troops crossed the river overnight.", "Russian troops", "RUS", "MIL"),
    ("Israeli soldiers detained two men.", "Israeli soldiers", "ISR", "MIL"),
    ("Thousands of protesters marched to the palace.", "protesters", None, "CVL"),
])
def test_group_noun_phrases(nlp, text, mention, country, sector):
    actor = by_text(code(nlp, text), mention)
    assert (actor.kind, actor.country, actor.sector) == ("group", country, sector)


def test_modifier_org_makes_the_group_that_org(nlp):
    a = code(nlp, "Houthi rebels attacked a cargo ship in the Red Sea.")
    actor = actor_of_token(a, "rebels")
    assert actor.name == "Houthis" and actor.sector == "REB"


def test_backed_modifier_is_not_the_groups_country(nlp):
    a = code(nlp, "Iranian-backed militias fired on the convoy.")
    militia = actor_of_token(a, "militias")
    assert militia is not None and militia.country != "IRN"


def test_government_with_demonym_is_the_country_government(nlp):
    a = code(nlp, "The Turkish government closed the crossing.")
    actor = actor_of_token(a, "government")
    assert (actor.kind, actor.country, actor.sector) == ("country", "TUR", "GOV")


def test_ids_follow_first_mention_and_are_stable(nlp):
    text = "Hamas and Israel traded fire as Egypt tried to mediate. Israel said it would respond."
    first = code(nlp, text).actors.all()
    second = code(nlp, text).actors.all()
    assert [x.id for x in first] == [f"A{n}" for n in range(1, len(first) + 1)]
    assert first == second
    starts = [min(m.start for m in x.mentions) for x in first]
    assert starts == sorted(starts)


def test_mentions_are_exact_slices_and_tokens_indexed(nlp):
    text = "The Pentagon said U.S. forces and Iraqi police detained the suspects."
    a = code(nlp, text)
    for actor in a.actors.all():
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text
    tok = next(t for t in a.doc if t.text == "Pentagon")
    assert a.actors.get(a.actors.actor_at(tok.i)).sector == "MIL"


def test_blanked_text_yields_no_actors(nlp):
    text = "Iran said so." + " " * 40 + "NATO agreed."
    a = code(nlp, text.replace("NATO agreed.", " " * 12))
    assert {x.country for x in a.actors.all()} == {"IRN"}


def test_country_inside_a_longer_place_name_is_not_the_country(nlp):
    a = code(nlp, "The governor of New Jersey and officials in New Mexico signed the pact.")
    assert {x.country for x in a.actors.all()}.isdisjoint({"JEY", "MEX"})


def test_city_misread_as_a_person_is_dropped(nlp):
    a = code(nlp, "Russian forces shelled Kharkiv overnight.")
    assert all(x.name != "Kharkiv" for x in a.actors.all())


def test_hyphenated_title_keeps_organization_sector(nlp):
    a = code(nlp, "U.N. Secretary-General Antonio Guterres called for restraint.")
    person = by_text(a, "Antonio Guterres")
    assert (person.country, person.sector, person.role) == ("IGO", "IGO", "Secretary-General")


def test_name_repeated_as_org_entity_stays_the_person(nlp):
    text = ("Senator Maria Delgado visited the plant. Workers cheered. "
            "Delgado promised new jobs, and Delgado's staff handed out leaflets.")
    a = code(nlp, text)
    assert [x.kind for x in a.actors.all() if "Delgado" in x.name] == ["person"]


@pytest.mark.parametrize("text, name, role, country", [
    ("Secretary of State Mara Quinn will travel to Riyadh next week.", "Mara Quinn", "Secretary of State", None),
    ("The European Union's foreign policy chief Pavel Kral urged restraint.", "Pavel Kral", "foreign policy chief", "IGO"),
    ("Saudi Crown Prince Faisal bin Khalid met the delegation.", "Faisal bin Khalid", "Crown Prince", "SAU"),
])
def test_multiword_titles(nlp, text, name, role, country):
    person = by_text(code(nlp, text), name)
    assert person.role == role
    assert person.country == country


def test_title_words_point_to_the_person(nlp):
    a = code(nlp, "Kenyan President Daniel Mwangi said the election was fair.")
    person = by_text(a, "Daniel Mwangi")
    assert actor_of_token(a, "President").id == person.id
    assert actor_of_token(a, "Kenyan").country == "KEN"  # the country keeps its own token
    assert person.affiliation == actor_of_token(a, "Kenyan").id


def test_dateline_dash_is_not_part_of_a_title(nlp):
    a = code(nlp, "NAIROBI (Reuters) - Minister Grace Wanjiru resigned on Monday.")
    assert by_text(a, "Grace Wanjiru").role == "Minister"


def test_singular_official_with_country_is_a_group(nlp):
    a = code(nlp, "A senior U.S. official told reporters the talks would resume.")
    actor = actor_of_token(a, "official")
    assert (actor.kind, actor.country, actor.sector) == ("group", "USA", "GOV")


def test_coordinated_demonyms_make_one_group_each(nlp):
    a = code(nlp, "Senior Hungarian and Romanian officials agreed on a new border regime.")
    groups = {(x.country, x.sector) for x in a.actors.all() if x.kind == "group"}
    assert groups == {("HUN", "GOV"), ("ROU", "GOV")}


@pytest.mark.parametrize("text, word, sector", [
    ("Afghan rebel leaders rejected the offer.", "leaders", "REB"),
    ("Opposition leaders called a strike.", "leaders", "OPP"),
    ("Egyptian warships entered the strait.", "warships", "MIL"),
])
def test_group_sector_from_modifier_or_head(nlp, text, word, sector):
    assert actor_of_token(code(nlp, text), word).sector == sector


def test_un_peacekeepers_are_an_igo_military_group(nlp):
    a = code(nlp, "United Nations peacekeepers were deployed along the border.")
    actor = actor_of_token(a, "peacekeepers")
    assert (actor.country, actor.sector) == ("IGO", "MIL")


def test_plural_demonym_noun_is_the_people(nlp):
    a = code(nlp, "Thousands of Libyans fled across the border on Sunday.")
    actor = actor_of_token(a, "Libyans")
    assert (actor.kind, actor.country, actor.sector) == ("group", "LBY", "CVL")


def test_group_country_from_prepositional_phrase(nlp):
    a = code(nlp, "Rebels in the Ivory Coast rejected the peace plan.")
    assert actor_of_token(a, "Rebels").country == "CIV"


def test_led_modifier_is_the_leading_country(nlp):
    a = code(nlp, "Saudi-led forces struck the port city.")
    assert actor_of_token(a, "forces").country == "SAU"


def test_title_name_of_country(nlp):
    a = code(nlp, "King Tariq of Morocco received the envoy in Rabat.")
    assert by_text(a, "Tariq").country == "MAR"


def test_ambiguous_country_with_possessive_title(nlp):
    a = code(nlp, "Niger's ambassador Ibrahim Sani presented his credentials.")
    assert by_text(a, "Ibrahim Sani").country == "NER"


@pytest.mark.parametrize("text, mention, sector", [
    ("The Nigerian Union of Teachers called a strike.", "Nigerian Union of Teachers", "EDU"),
    ("The Islamic Salvation Front denied the claim.", "Islamic Salvation Front", "REB"),
])
def test_unknown_org_sector_from_its_name(nlp, text, mention, sector):
    assert by_text(code(nlp, text), mention).sector == sector


def test_shared_demonym_goes_to_one_country(nlp):
    a = code(nlp, "Congolese soldiers crossed the river.")
    assert actor_of_token(a, "soldiers").country == "COD"


def test_party_name_that_is_a_word_needs_ner_support(nlp):
    a = code(nlp, "Serbian Labour Minister Dragan Ilic met union leaders.")
    assert all(x.country != "GBR" for x in a.actors.all())


def test_unknown_gpe_used_as_a_subject_is_a_person(nlp):
    a = code(nlp, "Since 2013, Erdogan has accused Gulen of plotting a coup.")
    actor = actor_of_token(a, "Erdogan")
    assert actor is not None and actor.kind == "person"


def test_name_coordinated_with_a_person_is_a_person(nlp):
    a = code(nlp, "Trump and Putin have agreed to share information.")
    assert actor_of_token(a, "Trump").kind == "person"


def test_city_in_object_position_stands_for_its_country(nlp):
    a = code(nlp, "Russian forces shelled Kharkiv overnight.")
    assert actor_of_token(a, "Kharkiv").country == "UKR"
    located = code(nlp, "The delegations met in Kharkiv.")
    assert actor_of_token(located, "Kharkiv") is None


def test_anti_prefix_is_not_the_country(nlp):
    a = code(nlp, "A prominent anti-Syria journalist was killed in Beirut.")
    assert all(x.country != "SYR" for x in a.actors.all())


def test_capital_that_is_a_name_is_not_a_country(nlp):
    a = code(nlp, "Alexander Hamilton wrote the essay. Santiago Ruiz, a farmer, said the rains came late.")
    assert all(x.kind != "country" for x in a.actors.all())


def test_bare_government_takes_the_only_country_in_context(nlp):
    a = code(nlp, "Floods hit Malawi last week. The government declared a state of emergency.")
    actor = actor_of_token(a, "government")
    assert (actor.country, actor.sector) == ("MWI", "GOV")
    two = code(nlp, "Kenya and Uganda signed a deal. The government said it was fair.")
    assert actor_of_token(two, "government") is None


def test_rebel_commander_is_a_rebel(nlp):
    a = code(nlp, "RSF commander Mohamed Hamdan Dagalo rejected the truce.")
    person = by_text(a, "Mohamed Hamdan Dagalo")
    assert (person.country, person.sector) == ("SDN", "REB")


def test_generic_body_is_named_after_its_country(nlp):
    a = code(nlp, "Turkey's parliament approved the deal.")
    actor = actor_of_token(a, "parliament")
    assert (actor.name, actor.country, actor.sector) == ("Turkish parliament", "TUR", "LEG")


@pytest.mark.parametrize("text, word, sector", [
    ("Rebel fighters in the countryside laid down their weapons.", "fighters", "REB"),
    ("Human rights groups condemned the arrests.", "groups", "NGO"),
    ("Aid workers were evacuated from the camp.", "workers", "NGO"),
])
def test_bare_groups_with_a_sector_modifier(nlp, text, word, sector):
    actor = actor_of_token(code(nlp, text), word)
    assert actor is not None and (actor.kind, actor.sector) == ("group", sector)


def test_unnamed_official_with_a_country_is_a_person(nlp):
    a = code(nlp, "Germany summoned the Chinese ambassador on Tuesday.")
    actor = actor_of_token(a, "ambassador")
    assert (actor.kind, actor.country, actor.sector) == ("person", "CHN", "DIP")


def test_unnamed_head_of_state_with_a_country(nlp):
    a = code(nlp, "The Russian president said the talks had failed.")
    actor = actor_of_token(a, "president")
    assert (actor.kind, actor.country, actor.sector) == ("person", "RUS", "GOV")


def test_ministry_country_from_the_previous_sentence(nlp):
    a = code(nlp, "Protests spread across Bolivia on Monday. The Foreign Ministry blamed foreign agitators.")
    ministry = next(x for x in a.actors.all() if "Ministry" in x.name)
    assert ministry.country == "BOL"


def test_portfolio_before_a_title_is_not_an_organization(nlp):
    a = code(nlp, "Defense Secretary Lloyd Harper said the package included air defenses.")
    assert [x.kind for x in a.actors.all()] == ["person"]
    assert by_text(a, "Lloyd Harper").role == "Defense Secretary"


def test_party_word_before_a_politician(nlp):
    a = code(nlp, "Republican Sen. Tom Wexler criticized the deal.")
    person = by_text(a, "Tom Wexler")
    assert person.sector == "LEG"
    assert a.actors.get(person.affiliation).name == "Republican Party"


@pytest.mark.parametrize("text, word, country, sector", [
    ("Algerian government forces retook the town.", "forces", "DZA", "MIL"),
    ("Ugandan opposition candidates boycotted the vote.", "candidates", "UGA", "OPP"),
    ("French farmers blocked the motorway.", "farmers", "FRA", "AGR"),
    ("Students across Indonesia marched on Friday.", "Students", "IDN", "EDU"),
])
def test_more_group_nouns(nlp, text, word, country, sector):
    actor = actor_of_token(code(nlp, text), word)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("text, word, iso3", [
    ("The president of Armenia met the delegation.", "president", "ARM"),
    ("Qatar's emir hosted the talks.", "emir", "QAT"),
])
def test_unnamed_office_holder_by_possessive_or_of(nlp, text, word, iso3):
    actor = actor_of_token(code(nlp, text), word)
    assert (actor.kind, actor.country, actor.sector) == ("person", iso3, "GOV")


def test_entity_starting_with_a_first_name_is_a_person(nlp):
    a = code(nlp, "Moderator Lester Holt asked about taxes. Later, Lester Holt pressed the candidates.")
    holts = [x for x in a.actors.all() if "Holt" in x.name]
    assert holts and all(x.kind == "person" for x in holts)


@pytest.mark.parametrize("text", ["", "   \n\n  ", "...", "2024"])
def test_empty_or_trivial_text(nlp, text):
    assert len(code(nlp, text).actors) == 0


def test_works_without_a_parse():
    import spacy

    blank = spacy.blank("en")
    text = "Iran and the United Nations met in Geneva."
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=blank(text))
    ActorStage()(analysis)
    assert {x.country for x in analysis.actors.all()} >= {"IRN", "IGO"}


def test_region_subject_is_not_a_person(nlp):
    a = code(nlp, "Tigray has been cut off from aid for months.")
    assert all(x.kind != "person" for x in a.actors.all())


def test_an_unnamed_institution_takes_no_country_from_an_earlier_paragraph(nlp):
    text = ("Norway sent two frigates to the strait last week.\n\n"
            "An opposition lawmaker said the ministry had failed to consult parliament.")
    a = code(nlp, text)

    def parliament(analysis):
        return [x for x in analysis.actors.all() if any(m.text == "parliament" for m in x.mentions)]

    assert [x.country for x in parliament(a)] == [None]
    same_paragraph = code(nlp, text.replace(".\n\nAn", ". An"))
    assert [x.country for x in parliament(same_paragraph)] == ["NOR"]


@pytest.mark.parametrize("text, sector", [
    ("Police in Norway arrested three Swedish suspects on Monday.", "CRM"),
    ("Gunmen attacked Nigerian Christians in the north.", "REL"),
    ("Brazilian employees walked out of the plant.", "LAB"),
])
def test_group_nouns_of_a_country_get_their_sector(nlp, text, sector):
    a = code(nlp, text)
    groups = [x for x in a.actors.all() if x.kind == "group" and x.sector == sector]
    assert len(groups) == 1 and groups[0].country is not None


def test_a_capital_the_tagger_took_for_a_person_still_speaks_for_its_country(nlp):
    a = code(nlp, "Yerevan said the border posts had been shelled overnight.")
    assert [(x.kind, x.country) for x in a.actors.all()] == [("country", "ARM")]


def test_a_capital_that_is_also_a_first_name_needs_the_tagger_to_call_it_a_place(nlp):
    a = code(nlp, "Sofia said the plan was dead.")
    assert not [x for x in a.actors.all() if x.kind == "country"]


def test_known_leader_gets_country_when_text_gives_none(nlp):
    a = code(nlp, "President Mugabe told farmers on Monday that Putin had called him.")
    assert actor_of_token(a, "Mugabe").country == "ZWE"
    assert actor_of_token(a, "Putin").country == "RUS"


def test_leader_surname_needs_head_of_state_title_and_matching_first_name(nlp):
    a = code(nlp, "Sen. Johnson and Tim Johnson, a farmer, met Mary Merkel at the fair.")
    assert actor_of_token(a, "Johnson").country is None  # a senator, not the British prime minister
    assert all(x.country is None for x in a.actors.all() if x.kind == "person")


def test_text_country_beats_leader_list(nlp):
    a = code(nlp, "Peruvian President Mugabe Quispe said the talks would resume.")
    assert actor_of_token(a, "Quispe").country == "PER"


def test_place_under_a_measure_is_a_place_actor_of_its_country(nlp):
    a = code(nlp, "The army imposed a curfew in parts of Kashmir after the clashes.")
    kashmir = actor_of_token(a, "Kashmir")
    assert kashmir is not None and kashmir.country == "IND" and kashmir.role == "place"
    located = code(nlp, "The minister held a rally in Kashmir on Sunday.")
    assert actor_of_token(located, "Kashmir") is None  # a rally's place is where it happened


def test_place_invaded_or_left_is_a_place_actor(nlp):
    a = code(nlp, "The government ordered an invasion of South Lebanon and withdrew its brigades "
                  "from the Golan Heights.")
    assert actor_of_token(a, "Lebanon").country == "LBN"
    assert actor_of_token(a, "Golan").country == "SYR"
    assert actor_of_token(a, "Golan").role == "place"


def test_us_state_won_in_an_election_is_no_actor(nlp):
    a = code(nlp, "The senator narrowly won Ohio and lost Iowa.")
    assert actor_of_token(a, "Ohio") is None


def test_regional_government_gets_its_country(nlp):
    a = code(nlp, "The West Bengal government refused permission for the march.")
    gov = actor_of_token(a, "government")
    assert gov is not None and gov.country == "IND" and gov.sector == "GOV"


def test_political_plural_groups_without_country(nlp):
    a = code(nlp, "The strikers blocked the gates while twenty judges and 12 MPs watched.")
    assert actor_of_token(a, "strikers").sector == "LAB"
    assert actor_of_token(a, "judges").sector == "JUD"
    assert actor_of_token(a, "MPs").sector == "LEG"
    assert all(x.country is None for x in a.actors.all())


def test_single_armed_individual_is_a_group_but_not_a_warplane(nlp):
    a = code(nlp, "Police shot a suspected militant after a suicide bomber struck the market.")
    assert actor_of_token(a, "militant").sector == "REB"
    assert actor_of_token(a, "bomber").sector == "REB"
    b = code(nlp, "Militant attacks rose as the old bomber flew overhead.")
    assert actor_of_token(b, "Militant") is None and actor_of_token(b, "bomber") is None


def test_listed_leader_is_a_person_even_when_the_tagger_misses_the_name(nlp):
    a = code(nlp, "Sisi said on Tuesday that Theresa May had rejected the offer.")
    assert actor_of_token(a, "Sisi").kind == "person"
    assert actor_of_token(a, "Sisi").country == "EGY"
    assert actor_of_token(a, "Theresa").country == "GBR"
    month = code(nlp, "In May, the ministry rejected the offer.")
    assert actor_of_token(month, "May") is None


def test_workers_are_a_group_only_when_they_strike(nlp):
    a = code(nlp, "About 3,000 dock workers went on strike on Monday, and nurses walked out of two clinics.")
    assert actor_of_token(a, "workers").sector == "LAB"
    assert actor_of_token(a, "nurses").sector == "MED"
    b = code(nlp, "Workers built the new bridge, and employees of the bakery said the strike was over.")
    assert actor_of_token(b, "Workers") is None and actor_of_token(b, "employees") is None


def test_group_takes_country_of_a_known_town_or_region(nlp):
    a = code(nlp, "Darfur rebels attacked the convoy.")
    assert actor_of_token(a, "rebels").country == "SDN"
    assert actor_of_token(code(nlp, "Militants in Idlib shelled the villages."), "Militants").country == "SYR"
    b = code(nlp, "Protesters marched in the rain.")
    assert actor_of_token(b, "Protesters").country is None  # no place, no guess


def test_ethnic_people_live_where_the_text_puts_them(nlp):
    a = code(nlp, "Ethnic Albanians in south Serbia protested against the new law.")
    assert actor_of_token(a, "Albanians").country == "SRB"
    b = code(nlp, "Ethnic Russians marched through the square.")
    assert actor_of_token(b, "Russians").country is None  # no place named: no guess
    c = code(nlp, "Albanians marched through the square.")
    assert actor_of_token(c, "Albanians").country == "ALB"


@pytest.mark.parametrize("text, name", [
    ("Campaign spokeswoman Dana Whitfield said the rally would go ahead.", "Dana Whitfield"),
    ("Omar Belcourt, a senior adviser to the Harlow campaign, declined to comment.", "Omar Belcourt"),
])
def test_campaign_staff_are_party_people_not_government(nlp, text, name):
    a = code(nlp, text)
    person = next(x for x in a.actors.all() if x.name == name)
    assert person.sector == "PTY"


def test_a_government_spokeswoman_stays_government(nlp):
    a = code(nlp, "Government spokeswoman Dana Whitfield said the talks would go ahead.")
    person = next(x for x in a.actors.all() if x.name == "Dana Whitfield")
    assert person.sector == "GOV"
