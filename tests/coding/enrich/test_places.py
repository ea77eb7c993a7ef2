"""Event locations: locative attachment, actor exclusion, gazetteer resolution (faked)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from newsevents.coding.base import Analysis
from newsevents.coding.enrich.places import PlacesStage
from newsevents.records import Actor, Article, Event, Span


@dataclass(frozen=True)
class FakePlace:
    name: str
    kind: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None


# An invented, tiny gazetteer: the tests must not depend on the real data.
_GAZ = {
    "velmora": FakePlace("Velmora", "city", "UKR", 49.0, 36.0),
    "ostrava": FakePlace("Ostrava", "city", "CZE", 49.8, 18.3),
    "syria": FakePlace("Syria", "country", "SYR", 35.0, 38.0),
    "iran": FakePlace("Iran", "country", "IRN", 32.0, 53.0),
    "israel": FakePlace("Israel", "country", "ISR", 31.0, 35.0),
    "ukraine": FakePlace("Ukraine", "country", "UKR", 49.0, 32.0),
    "russia": FakePlace("Russia", "country", "RUS", 60.0, 90.0),
    "geneva": FakePlace("Geneva", "city", "CHE", 46.2, 6.1),
    "kyiv": FakePlace("Kyiv", "capital", "UKR", 50.4, 30.5),
    "rafah": FakePlace("Rafah", "city", "PSE", 31.3, 34.2),
    "paris": FakePlace("Paris", "capital", "FRA", 48.9, 2.3),
}


def fake_place(name: str):
    return _GAZ.get(name.lower().removeprefix("the "))


def _run(nlp, text: str, trigger: str, actors: dict[str, str] | None = None,
         source: tuple[str, ...] = (), target: tuple[str, ...] = (),
         etype: str = "ASSAULT") -> Event:
    a = Analysis(article=Article(id="t", source="t", text=text, published=date(2024, 2, 1)),
                 doc=nlp(text))
    for aid, word in (actors or {}).items():
        s = text.index(word)
        toks = [t.i for t in a.doc.char_span(s, s + len(word), alignment_mode="expand")]
        a.actors.add(Actor(id=aid, name=word, kind="country", mentions=(Span.of(text, s, s + len(word)),)),
                     toks)
    s = text.index(trigger)
    a.events.append(Event(id="e0", type=etype, trigger=Span.of(text, s, s + len(trigger)),
                          evidence=Span.of(text, 0, len(text)), source=source, target=target))
    PlacesStage(lookup=fake_place)(a)
    return a.events[0]


def test_locative_preposition_on_the_trigger(nlp):
    ev = _run(nlp, "Heavy fighting broke out in Paris overnight, witnesses said.", "fighting")
    loc = ev.location
    assert loc.text == "Paris" and loc.country == "FRA" and loc.lat == pytest.approx(48.9)
    assert loc.span.text == "Paris"


def test_place_noun_chain(nlp):
    ev = _run(nlp, "Soldiers detained two men near the border town of Rafah.", "detained")
    assert ev.location.text == "Rafah" and ev.location.country == "PSE"


def test_direction_is_kept_in_text_but_not_as_coordinates(nlp):
    ev = _run(nlp, "Airstrikes hit several villages in northern Syria.", "hit")
    loc = ev.location
    assert loc.text == "northern Syria" and loc.country == "SYR"
    assert loc.lat is None and loc.lon is None


def test_actor_subject_is_not_a_location(nlp):
    ev = _run(nlp, "Iran attacked Israel with dozens of drones.", "attacked",
              actors={"a1": "Iran", "a2": "Israel"}, source=("a1",), target=("a2",))
    # the attacker is never the location; the country attacked is where it happened
    assert ev.location is not None and ev.location.country == "ISR"
    ev = _run(nlp, "Iran threatened Israel with dozens of drones.", "threatened",
              etype="THREATEN")
    assert ev.location is None


def test_country_object_is_an_actor_not_a_location(nlp):
    ev = _run(nlp, "The ministers sanctioned Russia again.", "sanctioned", etype="SANCTION")
    assert ev.location is None


def test_city_attacked_is_the_location(nlp):
    ev = _run(nlp, "Artillery shelled Velmora for a third night.", "shelled")
    assert ev.location is not None and ev.location.text == "Velmora"
    assert ev.location.country == "UKR"


def test_qualifier_gives_the_country_of_an_unknown_town(nlp):
    ev = _run(nlp, "Clashes erupted in Brenivka, Ukraine, on Sunday.", "Clashes")
    assert ev.location.text == "Brenivka" and ev.location.country == "UKR"
    assert ev.location.lat is None


def test_own_clause_beats_a_place_elsewhere_in_the_sentence(nlp):
    text = "Officials in Kyiv said that protesters gathered in Geneva on Monday."
    ev = _run(nlp, text, "gathered")
    assert ev.location.text == "Geneva"


def test_no_location_from_another_sentence(nlp):
    ev = _run(nlp, "Talks were held in Geneva. Later the rebels shelled a checkpoint.", "shelled")
    assert ev.location is None


def test_unknown_place_keeps_its_text(nlp):
    ev = _run(nlp, "Police fired tear gas at crowds in Tahrir Square on Friday.", "fired")
    assert ev.location is not None and ev.location.text == "Tahrir Square"
    assert ev.location.country is None


def test_non_locative_preposition_is_not_a_location(nlp):
    ev = _run(nlp, "The government signed a grain deal with Ukraine.", "signed")
    assert ev.location is None


def test_place_of_another_clause_event_is_not_borrowed(nlp):
    text = "Rebels who trained in Geneva later stormed a checkpoint."
    a = Analysis(article=Article(id="t", source="t", text=text, published=date(2024, 2, 1)),
                 doc=nlp(text))
    for k, trig in enumerate(("trained", "stormed")):
        s = text.index(trig)
        a.events.append(Event(id=f"e{k}", type="ASSAULT", trigger=Span.of(text, s, s + len(trig)),
                              evidence=Span.of(text, 0, len(text))))
    PlacesStage(lookup=fake_place)(a)
    trained, stormed = a.events
    assert trained.location.text == "Geneva"
    assert stormed.location is None


def test_unknown_object_name_is_not_a_location(nlp):
    ev = _run(nlp, "The mayor praised Velmorski for his courage.", "praised")
    assert ev.location is None


def test_coordinated_places_share_the_preposition(nlp):
    text = "Drones struck targets in Kyiv and Velmora overnight."
    a = Analysis(article=Article(id="t", source="t", text=text, published=date(2024, 2, 1)),
                 doc=nlp(text))
    s = text.index("struck")
    a.events.append(Event(id="e0", type="ASSAULT", trigger=Span.of(text, s, s + 6),
                          evidence=Span.of(text, 0, len(text))))
    PlacesStage(lookup=fake_place)(a)
    mentions = {m.location.text: m for m in a.places}
    assert mentions["Velmora"].locative and mentions["Kyiv"].locative
    assert a.events[0].location.text == "Kyiv"


def test_broken_entity_and_demonym_border(nlp):
    from newsevents.coding.enrich import places

    text = "Troops clashed with rebels on the Thai border."
    a = Analysis(article=Article(id="t", source="t", text=text, published=date(2024, 2, 1)),
                 doc=nlp(text))
    s = text.index("clashed")
    a.events.append(Event(id="e0", type="ASSAULT", trigger=Span.of(text, s, s + 7),
                          evidence=Span.of(text, 0, len(text))))

    def lookup(name):
        return places._Demonym("THA") if name.lower() == "thai" else None
    PlacesStage(lookup=lookup)(a)
    loc = a.events[0].location
    assert loc is not None and loc.text == "Thai border" and loc.country == "THA"


def test_default_gazetteer_resolves_cities_countries_and_demonym_borders(nlp):
    text = "Shelling hit a school in Kharkiv, and fighting flared on the Syrian border."
    a = Analysis(article=Article(id="t", source="t", text=text, published=date(2024, 2, 1)),
                 doc=nlp(text))
    for k, trig in enumerate(("Shelling", "fighting")):
        s = text.index(trig)
        a.events.append(Event(id=f"e{k}", type="ASSAULT", trigger=Span.of(text, s, s + len(trig)),
                              evidence=Span.of(text, 0, len(text))))
    PlacesStage()(a)
    shelling, fighting = a.events
    assert shelling.location.text == "Kharkiv" and shelling.location.country == "UKR"
    assert shelling.location.lat == pytest.approx(50.0, abs=0.5)
    assert fighting.location.country == "SYR" and fighting.location.text == "Syrian border"


def test_capitalised_place_noun_chain(nlp):
    # NER takes "the West Bank City" as the place and misses the town's name
    ev = _run(nlp, "Troops raided homes in the West Bank City of Ostrava.", "raided")
    assert ev.location is not None and ev.location.text == "Ostrava"
    assert ev.location.country == "CZE"


def test_stage_pickles_after_use(nlp):
    import pickle

    stage = PlacesStage()
    text = "Fighting broke out in Kharkiv."
    a = Analysis(article=Article(id="t", source="t", text=text, published=None), doc=nlp(text))
    a.events.append(Event(id="e0", type="ASSAULT", trigger=Span.of(text, 0, 8),
                          evidence=Span.of(text, 0, len(text))))
    stage(a)
    again = pickle.loads(pickle.dumps(stage))
    fresh = Event(id="e0", type="ASSAULT", trigger=Span.of(text, 0, 8),
                  evidence=Span.of(text, 0, len(text)))
    b = Analysis(article=a.article, doc=a.doc, events=[fresh])
    again(b)
    assert a.events[0].location is not None
    assert b.events[0].location == a.events[0].location


def test_attack_on_a_city_but_not_pressure_on_a_country(nlp):
    ev = _run(nlp, "A missile attack on Velmora killed 11 civilians.", "attack")
    assert ev.location is not None and ev.location.text == "Velmora"
    ev = _run(nlp, "The summit increased pressure on Russia.", "pressure", etype="COERCE")
    assert ev.location is None
    ev = _run(nlp, "Warplanes carried out strikes on Syria overnight.", "strikes")
    assert ev.location is not None and ev.location.country == "SYR"


def test_us_dateline_style_qualifier(nlp):
    text = "Protesters rallied in Dearborn, Mich., on Friday."
    a = Analysis(article=Article(id="t", source="t", text=text, published=date(2024, 2, 1)),
                 doc=nlp(text))
    s = text.index("rallied")
    a.events.append(Event(id="e0", type="PROTEST", trigger=Span.of(text, s, s + 7),
                          evidence=Span.of(text, 0, len(text))))
    PlacesStage()(a)  # the real gazetteer, and the AP state abbreviation
    loc = a.events[0].location
    assert loc is not None and loc.text == "Dearborn" and loc.country == "USA"


def test_place_of_a_participle_clause_holds_for_its_head(nlp):
    text = "Speaking at a rally in Velmora, the minister threatened new strikes."
    ev = _run(nlp, text, "threatened")
    assert ev.location is not None and ev.location.text == "Velmora"


def test_saint_abbreviation_prefers_the_bigger_city(nlp):
    small = FakePlace("St. Velmora", "city", "USA", population=1000)
    big = FakePlace("Saint Velmora", "city", "UKR", population=900000)

    def lookup(name):
        return {"st. velmora": small, "saint velmora": big}.get(name.lower())
    text = "Protesters marched in St. Velmora on Sunday."
    a = Analysis(article=Article(id="t", source="t", text=text, published=date(2024, 2, 1)),
                 doc=nlp(text))
    s = text.index("marched")
    a.events.append(Event(id="e0", type="PROTEST", trigger=Span.of(text, s, s + 7),
                          evidence=Span.of(text, 0, len(text))))
    PlacesStage(lookup=lookup)(a)
    assert a.events[0].location.country == "UKR"
