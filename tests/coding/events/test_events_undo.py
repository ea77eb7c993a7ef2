"""Event nouns under verbs that undo them, and negated retreats (invented sentences)."""

from __future__ import annotations

import pytest

from newsevents.coding.events.nouns import undo_row
from newsevents.coding.events.lexicon import load as lexicon


@pytest.mark.parametrize("text, noun, expected", [
    ("Chile lifted the embargo on Bolivia.", "embargo", "RETREAT"),
    ("The dockworkers called off the strike on Monday.", "strike", "RETREAT"),
    ("Norway suspended aid to Malawi.", "aid", "SANCTION"),
    ("The minister cancelled her visit to Lima.", "visit", "REJECT"),
    ("The minister called off her visit to Lima.", "visit", "REJECT"),
    ("Chile imposed an embargo on Bolivia.", "embargo", "COERCE"),
    ("Norway sent aid to Malawi.", "aid", "AID"),
])
def test_undo_row_types_the_noun_by_its_verb(nlp, text, noun, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == noun)
    row = lexicon().lookup(tok)
    assert row is not None
    assert undo_row(tok, tok.head, row).type == expected


@pytest.mark.parametrize("text, expected", [
    ("Chile lifted its embargo on Bolivia on Tuesday.", "RETREAT"),
    ("Norway suspended development aid to Malawi last year.", "SANCTION"),
    ("Chile will not lift its embargo on Bolivia.", "REJECT"),
    ("Ghana did not withdraw its troops from Mali.", "REJECT"),
])
def test_pipeline_types_undone_and_refused_events(code, text, expected):
    analysis = code(text)
    types = [e.type for e in analysis.events]
    assert expected in types, types
    ev = next(e for e in analysis.events if e.type == expected)
    assert ev.status != "negated"  # a refusal is asserted, not a negated retreat


def test_unrefused_retreat_stays_retreat(code):
    analysis = code("Ghana withdrew its troops from Mali.")
    assert [e.type for e in analysis.events] == ["RETREAT"]


def test_negated_promise_of_a_retreat_is_no_refusal(code):
    analysis = code("Chile did not promise to lift its embargo on Bolivia.")
    assert "REJECT" not in [e.type for e in analysis.events]
