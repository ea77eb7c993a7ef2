"""Clauses that borrow the words of political events but are none (invented sentences):
each is rejected with its reason, and the political reading of the same word still counts."""

from __future__ import annotations

import pytest

from newsevents import contract
from newsevents.pipeline import Pipeline


def _reasons(analysis) -> dict[str, str]:
    return {r.trigger.text: r.reason for r in analysis.rejected}


@pytest.mark.parametrize("text, trigger, reason", [
    ("Portugal beat Serbia 3-1 in Tuesday's qualifier in Lisbon.", "beat", "sports result"),
    ("The minister released a letter from her doctor on Monday.", "released", "publication"),
    ("The Interior Ministry declined to comment on the report.", "declined", "comment"),
    ("A Kenyan government spokesman declined to comment on the deal to Reuters.", "declined",
     "comment"),
    ("The Kenyan president gave details of the plan to Ugandan officials.", "gave", "words given"),
    ("President Ana Ruiz can beat Tom Bell in November, her campaign manager said.", "beat",
     "election"),
    ("Senator Ruiz asked the Kenyan president about the refugee camps.", "asked", "question"),
    ("During the hearing, Senator Ana Ruiz asked Defense Secretary Tom Bell whether troops would "
     "stay in Niger.", "asked", "question"),
    ("Lawyers for the family released the footage to CNN on Friday.", "released", "publication"),
])
def test_non_events_are_rejected_with_a_reason(code, text, trigger, reason):
    analysis = code(text)
    assert not [e for e in analysis.events if e.trigger.text == trigger]
    assert reason in _reasons(analysis).get(trigger, ""), analysis.rejected


@pytest.mark.parametrize("text, trigger, expected", [
    ("Rwandan troops beat back a rebel attack on the border town.", "beat", None),
    ("Police released 40 detained protesters in Harare on Sunday.", "released", "RETREAT"),
    ("The Interior Ministry declined a request by Amnesty International to visit the prison.",
     "declined", "REJECT"),
    ("The Chilean senator declined.", "declined", "REJECT"),
    ("Japan gave emergency aid to Tonga after the eruption.", "gave", "AID"),
    ("Kenya asked Uganda to extradite the suspect.", "asked", "REQUEST"),
    ("Kenya released 40 Ugandan prisoners.", "released", "RETREAT"),
])
def test_the_political_sense_of_the_same_word_is_kept(code, text, trigger, expected):
    analysis = code(text)
    assert trigger not in _reasons(analysis)
    if expected is not None:
        assert expected in [e.type for e in analysis.events]


def test_a_headline_passive_makes_the_subject_the_target(code):
    analysis = code("Lebanon threatened with Israeli strikes over border clashes")
    ev = next(e for e in analysis.events if e.type == "THREATEN")
    names = {analysis.actors.get(a).name for a in ev.target}
    assert "Lebanon" in names
    assert not {analysis.actors.get(a).name for a in ev.source} & {"Lebanon"}


def test_what_is_faced_comes_from_its_from(code):
    analysis = code("Iran's government faces widespread criticism from the United Nations.")
    ev = next(e for e in analysis.events if e.type == "ACCUSE")
    assert "IRN" in {analysis.actors.get(a).country for a in ev.target}
    assert "United Nations" in {analysis.actors.get(a).name for a in ev.source}


def test_the_subject_of_face_is_the_target(code):
    analysis = code("Iran faces new sanctions from the European Union over its drone exports.")
    ev = next(e for e in analysis.events if e.type in ("SANCTION", "COERCE"))
    assert "IRN" in {analysis.actors.get(a).country for a in ev.target}
    assert "IRN" not in {analysis.actors.get(a).country for a in ev.source}


_LABEL_ROW = "Mara Vell accused Tom Rask of stealing her songs. "
_FILLER = "Her new album sold well in its first week and fans queued for the shows. "


def test_events_between_uncoded_people_in_a_text_about_no_politics_are_rejected(code):
    analysis = code(_LABEL_ROW + _FILLER * 12)
    assert not analysis.events
    assert any("no state or political-sector actor" in r.reason for r in analysis.rejected)


def test_a_short_text_is_not_judged_by_its_topic(code):
    analysis = code(_LABEL_ROW)
    assert "ACCUSE" in [e.type for e in analysis.events]


def test_rejected_events_are_part_of_the_contract_record():
    result = Pipeline().extract_one("Portugal beat Serbia 3-1 in Tuesday's qualifier in Lisbon.")
    record = contract.to_json(result)
    contract.validate(record)
    assert [r["reason"] for r in record["rejected"]] == ["sports result"]
    assert contract.from_json(record) == result


@pytest.mark.parametrize("text", [
    "Turkish drone shot down over northern Iraq",
    "Chadian soldiers wanted to raid the rebel camp, but their convoy was ambushed and destroyed.",
])
def test_a_passive_subject_is_never_the_doer(code, text):
    analysis = code(text)
    subject = next(a for a in analysis.actors.all() if a.country in ("TUR", "TCD"))
    for ev in analysis.events:
        if ev.type == "ASSAULT":
            assert subject.id not in ev.source, ev


def test_an_aimed_intransitive_keeps_its_doer(code):
    analysis = code("Kenyan police shot at protesters in Nairobi on Tuesday.")
    ev = next(e for e in analysis.events if e.type == "ASSAULT")
    assert "KEN" in {analysis.actors.get(a).country for a in ev.source}
    assert "COP" in {analysis.actors.get(a).sector for a in ev.source}
