"""The events stage on invented sentences: types, modes, actors, speech acts, non-events."""

from __future__ import annotations

import pytest

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.base import Analysis
from newsevents.coding.events.lexicon import load as lexicon
from newsevents.coding.events.events import EventStage
from newsevents.coding.events.type_model import EventTypeModel, clause_features, load_default
from newsevents.training import fit_event_type as fit
from newsevents.records import EVENT_TYPES, Article


def names(analysis: Analysis, ids) -> set[str]:
    return {analysis.actors.get(i).name for i in ids}


def country(analysis: Analysis, ids) -> set[str | None]:
    return {analysis.actors.get(i).country for i in ids}


def only(analysis: Analysis, etype: str):
    found = [e for e in analysis.events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in analysis.events]
    return found[0]


# one invented sentence per PLOVER type: (text, type, source country, target country)
TYPED = [
    ("Brazil agreed to cooperate with Argentina on border security.", "AGREE", "BRA", "ARG"),
    ("Officials from Peru visited Ecuador last week.", "CONSULT", "PER", "ECU"),
    ("Kenya praised Tanzania for its handling of the refugee crisis.", "SUPPORT", "KEN", "TZA"),
    ("Japan pledged to ease travel restrictions on South Korea.", "CONCEDE", "JPN", "KOR"),
    ("Portugal extradited two suspects to Spain.", "COOPERATE", "PRT", "ESP"),
    ("Canada sent humanitarian aid to Haiti after the earthquake.", "AID", "CAN", "HTI"),
    ("Ethiopia withdrew its troops from Somalia on Friday.", "RETREAT", "ETH", "SOM"),
    ("Poland urged Germany to send more tanks to Ukraine.", "REQUEST", "POL", "DEU"),
    ("Egypt rejected Ethiopia's proposal on the dam.", "REJECT", "EGY", "ETH"),
    ("North Korea threatened to attack South Korea.", "THREATEN", "PRK", "KOR"),
    ("Thousands of students protested against the Serbian government in Belgrade.", "PROTEST", None, "SRB"),
    ("Hungary expelled Romania's ambassador.", "SANCTION", "HUN", "ROU"),
    ("Pakistan mobilized troops along its border with India.", "MOBILIZE", "PAK", None),
    ("Turkish police arrested dozens of journalists in Istanbul.", "COERCE", "TUR", None),
    ("Russian forces shelled Kharkiv overnight.", "ASSAULT", "RUS", None),
]


@pytest.mark.parametrize("text,etype,src,tgt", TYPED, ids=[t[1] for t in TYPED])
def test_each_type(code, text, etype, src, tgt):
    a = code(text)
    ev = only(a, etype)
    if src:
        assert src in country(a, ev.source)
    if tgt:
        assert tgt in country(a, ev.target)
    assert a.article.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert ev.evidence.contains(ev.trigger)
    assert 0.0 <= ev.confidence <= 1.0 and ev.coder in ("rules", "model")


def test_accusation_types_are_all_plover():
    rows = [r for rows in lexicon().single.values() for r in rows if r.type]
    assert rows and {r.type for r in rows} <= set(EVENT_TYPES)
    assert {t for _, t, _, _ in TYPED} | {"ACCUSE"} == set(EVENT_TYPES)


@pytest.mark.parametrize("text,etype,mode", [
    ("Israeli jets struck Hezbollah positions in southern Lebanon.", "ASSAULT", "aerial"),
    ("Russian forces shelled Kharkiv overnight.", "ASSAULT", "heavy-weapons"),
    ("Canada sent humanitarian aid to Haiti after the earthquake.", "AID", "humanitarian"),
    ("Ethiopia withdrew its troops from Somalia on Friday.", "RETREAT", "withdraw"),
    ("Hungary expelled Romania's ambassador.", "SANCTION", "expel"),
])
def test_modes(code, text, etype, mode):
    assert only(code(text), etype).mode == mode


def test_conjoined_actors_share_one_record(code):
    a = code("The United States and France held talks with Germany and Italy on Tuesday.")
    ev = only(a, "CONSULT")
    assert country(a, ev.source) == {"USA", "FRA"}
    assert country(a, ev.target) == {"DEU", "ITA"}
    assert len(a.events) == 1  # never one record per dyad permutation


def test_denial_gives_denied_aid_and_reject(code):
    a = code("Iran denied sending drones to Russia.")
    aid, reject = only(a, "AID"), only(a, "REJECT")
    assert aid.status == "denied"
    assert country(a, aid.source) == {"IRN"} and country(a, aid.target) == {"RUS"}
    assert country(a, aid.attributed_to) == {"IRN"}
    assert country(a, reject.source) == {"IRN"}
    assert reject.trigger.text == "denied" and aid.trigger.text == "sending"


def test_accusation_gives_accuse_and_alleged_event(code):
    a = code("Morocco accused Algeria of arming the Polisario Front.")
    accuse = only(a, "ACCUSE")
    assert country(a, accuse.source) == {"MAR"} and country(a, accuse.target) == {"DZA"}
    embedded = only(a, "AID")
    assert embedded.status == "alleged"
    assert country(a, embedded.source) == {"DZA"}
    assert country(a, embedded.attributed_to) == {"MAR"}


def test_reported_event_is_attributed_to_speaker_and_affiliation(code):
    a = code("Chile's defense minister Ana Soto told El Mercurio that Bolivia had attacked "
             "a Chilean border post.")
    ev = only(a, "ASSAULT")
    assert ev.attribution is not None
    assert "Ana Soto" in names(a, ev.attributed_to)
    assert ev.status != "asserted"


def test_meeting_is_consult(code):
    a = code("President Biden met with French President Emmanuel Macron in Paris.")
    ev = only(a, "CONSULT")
    assert names(a, ev.source) == {"Biden"} or "Biden" in " ".join(names(a, ev.source))


@pytest.mark.parametrize("text", [
    "The weather in Paris was pleasant on Sunday.",
    "Germany has a population of about 84 million people.",
    "The Spanish economy grew by two percent last year.",
    "The minister said the economy is doing well.",
    "Norway is famous for its fjords and long winters.",
])
def test_non_events_give_nothing(code, text):
    assert code(text).events == []


def test_ids_in_text_order(code):
    a = code("Iran denied sending drones to Russia. Hungary expelled Romania's ambassador.")
    assert [e.id for e in a.events] == [f"E{n}" for n in range(1, len(a.events) + 1)]
    starts = [e.trigger.start for e in a.events]
    assert starts == sorted(starts) and len(a.events) >= 3


def test_rules_only_stage_still_codes_lexicon_events(nlp):
    text = "North Korea threatened to attack South Korea."
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    EventStage(use_model=False)(analysis)
    ev = only(analysis, "THREATEN")
    assert ev.coder == "rules" and ev.trigger.text == "threatened"


def test_model_roundtrip_and_probabilities(nlp, tmp_path):
    docs = [nlp(t) for t in ("Chad attacked Niger.", "Chad praised Niger.",
                             "Mali attacked Togo.", "Mali praised Togo.")]
    feats = [clause_features(d, None, (0, 1), (2, 3), lexicon()) for d in docs]
    model = fit(feats, ["ASSAULT", "SUPPORT", "ASSAULT", "SUPPORT"], c=10.0, negatives=[])
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = EventTypeModel.load(path)
    probs = loaded.predict_proba(feats)
    assert probs.shape == (4, 2)
    assert abs(float(probs.sum(axis=1).min()) - 1.0) < 1e-5
    assert [lab for lab, _ in loaded.predict(feats)] == ["ASSAULT", "SUPPORT", "ASSAULT", "SUPPORT"]


def test_shipped_model_is_small_and_loads():
    model = load_default()
    assert model is not None
    assert "ASSAULT" in model.labels and "YIELD" in model.labels
    assert len(model.vocab) == model.coef.shape[0]


def test_passive_agent_is_source_and_subject_is_target(code):
    a = code("Two villages in Ukraine were shelled by Russian forces on Monday.")
    ev = only(a, "ASSAULT")
    assert country(a, ev.source) == {"RUS"} and country(a, ev.target) == {"UKR"}


def test_according_to_outlet_gives_via_and_future(code):
    a = code("Iran will send more drones to Russia, according to Iranian state media.")
    ev = only(a, "AID")
    assert ev.status == "future" and ev.mode == "military"
    assert ev.via and ev.attribution is not None


def test_ambiguous_word_without_actors_is_not_an_event(code):
    assert code("The company will release its annual report next week.").events == []


def test_receiving_a_delegation_stays_a_meeting(code):
    a = code("Norland received a delegation from Suderia on Tuesday.")
    assert "CONSULT" in {e.type for e in a.events}, [(e.type, e.trigger.text) for e in a.events]


def test_missiles_fired_at_a_country_stay_an_attack(code):
    a = code("Norland fired two missiles at Suderia on Sunday.")
    assert "ASSAULT" in {e.type for e in a.events}, [(e.type, e.trigger.text) for e in a.events]
