"""Precision of actor coding on the kinds of text real pages hold (invented sentences):
company titles, sports ranks, glued page text, works and companies named like people."""

from __future__ import annotations

import pytest

from newsevents.coding.vocab import gazetteer as gz
from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.vocab.roles import org_sector
from newsevents.coding.base import Analysis
from newsevents.coding.actors.name_checks import glued_cut
from newsevents.records import Article


def code(nlp, text: str) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    return analysis


def person(analysis: Analysis, surname: str):
    """The person actor whose name ends with ``surname``."""
    found = [a for a in analysis.actors.all() if a.kind == "person" and a.name.split()[-1] == surname]
    assert found, [(a.name, a.kind) for a in analysis.actors.all()]
    return found[0]


def names(analysis: Analysis) -> dict[str, str]:
    return {a.name: a.kind for a in analysis.actors.all()}


# --- 1. titles shared by governments and companies -----------------------------

@pytest.mark.parametrize("text, surname, sector", [
    ("Dana Whitfield, vice president of flight programs at a rocket company, said the lander was ready.",
     "Whitfield", "BUS"),
    ("Lars Ekdahl, director for games at the tech giant, said the service would grow.", "Ekdahl", "BUS"),
    ("Mira Castell, head of equity research at Lumen Securities, said shares would rise.", "Castell", "BUS"),
    ("Tomas Rell, chairman, CEO and president of the chain, said sales were weak.", "Rell", "BUS"),
])
def test_company_titles_take_the_business_sector(nlp, text, surname, sector):
    assert person(code(nlp, text), surname).sector == sector


@pytest.mark.parametrize("text, surname", [
    ("Orla Quinn, president of the Prairie Growers Federation, said farmers were worried.", "Quinn"),
    ("Division vice president Ruben Ostrowski said the new model would sell well.", "Ostrowski"),
])
def test_titles_of_other_organisations_are_not_government(nlp, text, surname):
    assert person(code(nlp, text), surname).sector != "GOV"


@pytest.mark.parametrize("text, surname, country", [
    ("President Ashraf Ghani met the envoy in Kabul.", "Ghani", "AFG"),
    ("Pedro Alves, Brazil's president, arrived in Lisbon on Monday.", "Alves", "BRA"),
])
def test_head_of_state_titles_stay_government(nlp, text, surname, country):
    p = person(code(nlp, text), surname)
    assert p.sector == "GOV" and p.country == country


def test_spokesman_without_organisation_stays_government(nlp):
    assert person(code(nlp, "A spokesman, Omar Haddad, said talks would resume."), "Haddad").sector == "GOV"


# --- 2. ranks need a military context ---------------------------------------------

def test_team_captain_is_not_military(nlp):
    p = person(code(nlp, "Wales captain Gareth Morgan scored twice against Latvia."), "Morgan")
    assert p.sector != "MIL"


def test_army_captain_is_military(nlp):
    assert person(code(nlp, "Army captain Jane Doe led the patrol near the border."), "Doe").sector == "MIL"


def test_police_commander_is_police(nlp):
    a = code(nlp, "Ho Ka-ming, commander of the police district, said officers made arrests.")
    assert person(a, "Ka-ming").sector == "COP"


# --- 3. names and roles ---------------------------------------------------------------

def test_name_glued_to_page_text_is_cut():
    assert glued_cut("OmarIlhan") == 4
    for name in ("McConnell", "DeSantis", "MacArthur", "LeBron", "Obama"):
        assert glued_cut(name) is None


def test_glued_name_is_the_persons_name(nlp):
    a = code(nlp, "A man threatened Rep. Ilhan OmarIlhan OmarMore stories: Senators call for a vote.")
    people = [x for x in a.actors.all() if x.kind == "person"]
    assert [p.name for p in people] == ["Ilhan Omar"]


def test_hyphenated_title_keeps_its_prefix(nlp):
    assert person(code(nlp, "Prosecutors dropped the case against Leakbox co-founder Julian Marr."),
                  "Marr").role == "co-founder"


def test_place_without_adjective_keeps_its_name(nlp):
    a = code(nlp, "Hong Kong police fired tear gas at protesters.")
    police = next(x for x in a.actors.all() if x.sector == "COP")
    assert police.name == "Hong Kong police" and police.country == "HKG"
    assert gz.country_by_code("HKG").demonym is None


@pytest.mark.parametrize("text, word", [
    ("Gen X voters are tired of the debate, a poll said.", "X"),
    ("Mourinho won three Premier League titles with his old club.", "League"),
])
def test_title_words_in_ordinary_names_make_no_person(nlp, text, word):
    a = code(nlp, text)
    assert all(not (x.kind == "person" and x.name.split()[-1] == word) for x in a.actors.all())


def test_event_name_is_cut_and_not_an_actor(nlp):
    a = code(nlp, "The singer will perform at the American Music Awards after Swift won the vote.")
    assert not any("Awards" in x.name or x.country == "USA" for x in a.actors.all())


# --- 4. organizations and works named like people ------------------------------------------

def test_company_introduced_by_its_kind_is_an_organisation(nlp):
    a = code(nlp, "Trump wanted Ukraine to investigate the energy company Vantaro. Giuliani said Vantaro paid him.")
    assert names(a).get("Vantaro") == "organization"


def test_person_named_hospital_is_an_organisation(nlp):
    a = code(nlp, "The president made a trip to Walter Reed hospital on Saturday. His visit to Walter Reed was short.")
    assert names(a).get("Walter Reed") == "organization"


def test_productions_company_is_a_business(nlp):
    a = code(nlp, "Big Machine and Harlan Webb Productions reached a deal. Harlan Webb Productions denied it.")
    org = next(x for x in a.actors.all() if x.name == "Harlan Webb Productions")
    assert org.kind == "organization" and org.sector == "BUS"


def test_work_of_art_is_not_an_actor(nlp):
    a = code(nlp, "Ivana Petrovic found inspiration for their work Silent Harbour in an old painting. "
                  "With the installation Silent Harbour, the duo lit the canal.")
    assert "Silent Harbour" not in names(a)


# --- 5. national agencies -------------------------------------------------------------------

@pytest.mark.parametrize("name, sector", [
    ("Federal Bureau of Prisons", "GOV"), ("Bureau of Labor Statistics", "GOV"),
    ("Department for Rural Affairs", "GOV"), ("National Forecast Service", "GOV"),
    ("American Farm Bureau", None), ("Kestrel Securities", "BUS"), ("Aberdeen Royal Infirmary", "MED"),
])
def test_org_sector_of_public_bodies_and_companies(name, sector):
    assert org_sector(name) == sector


def test_space_agency_is_coded(nlp):
    nasa = next(x for x in code(nlp, "NASA said the lander would fly next year.").actors.all() if x.name == "NASA")
    assert (nasa.country, nasa.sector) == ("USA", "GOV")


# --- 6. a country that belongs to another person's title ----------------------------------

def test_country_of_another_persons_title_is_not_taken(nlp):
    a = code(nlp, "Lawmakers questioned Jane Miller, a senior aide to Vice President Pence on the call "
                  "with Ukrainian President Zelensky.")
    assert person(a, "Miller").country != "UKR"
    assert person(a, "Zelensky").country == "UKR"


def test_unplaced_official_takes_the_country_of_the_other_officials(nlp):
    a = code(nlp, "Ukraine's parliament met on Monday. Ukraine wants more aid, and the Ukrainian government asked "
                  "for weapons. U.S. Senator Mark Dole and U.S. Defense Secretary Ann Pratt visited Ukraine. "
                  "Energy Secretary Rick Hale joined them in Kharkiv.")
    assert person(a, "Hale").country == "USA"


# --- coreference of unnamed office holders ---------------------------------------------------

def test_counterpart_in_apposition_is_the_person_named(nlp):
    a = code(nlp, "Trump and his Chinese counterpart, Xi Jinping, met in Osaka.")
    xi = person(a, "Jinping")
    assert "his Chinese counterpart" in {m.text for m in xi.mentions} and xi.country == "CHN"
    assert not any(x.name == "Chinese counterpart" for x in a.actors.all())


def test_unnamed_president_is_the_one_named_president_of_that_country(nlp):
    a = code(nlp, "Ukrainian President Volodymyr Zelensky spoke to reporters. Democrats say the call with his "
                  "Ukrainian counterpart was improper. The Ukrainian president denied any pressure.")
    texts = {m.text for m in person(a, "Zelensky").mentions}
    assert {"his Ukrainian counterpart", "Ukrainian president"} <= texts


def test_unnamed_president_stays_apart_when_two_presidents_are_named(nlp):
    a = code(nlp, "President Jorge Vela of Peru met President Ana Ruiz of Peru's senate club. "
                  "The Peruvian president said the talks went well.")
    holders = [x for x in a.actors.all() if any(m.text == "Peruvian president" for m in x.mentions)]
    assert holders and not holders[0].name.endswith(("Vela", "Ruiz"))


def test_company_president_named_before_is_not_government(nlp):
    a = code(nlp, "Sales fell 5 percent, according to Cartrack. \u201cBuyers are careful,\u201d "
                  "Cartrack President Dan Holloway said.")
    assert person(a, "Holloway").sector != "GOV"


def test_country_inside_a_region_name_is_no_country(nlp):
    a = code(nlp, "Li Wei, deputy director of Inner Mongolia\u2019s disease control centre, said the risk was low.")
    assert not any(x.country == "MNG" for x in a.actors.all())



def test_official_of_a_region_takes_the_regions_country(nlp):
    assert person(code(nlp, "Chen Bo, a deputy governor of Sichuan province, said the roads were shut."),
                  "Bo").country == "CHN"


def test_journalist_based_in_a_city_does_not_take_its_country(nlp):
    assert person(code(nlp, "Ana Ruiz, a correspondent in Chicago, said the case was weak."), "Ruiz").country is None


@pytest.mark.parametrize("name, sector", [
    ("Africa Union", "IGO"),
    ("West African Economic Community", "IGO"),
    ("Asian Development Bank", "IGO"),
])
def test_bodies_of_a_continents_states_are_intergovernmental(name, sector):
    assert org_sector(name) == sector


def test_a_national_union_is_not_intergovernmental():
    assert org_sector("American Civil Liberties Union") != "IGO"
