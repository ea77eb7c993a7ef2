"""Sentence starts the parser is given: after line breaks and after datelines."""

from __future__ import annotations

import pytest

from newsevents.nlp import dateline_end


def _first_sentence(nlp, text: str) -> str:
    return next(iter(nlp(text).sents)).text.strip()


@pytest.mark.parametrize("text, dateline", [
    ("KABUL (Wire) - Pakistan's army said it had closed the border.", "KABUL (Wire) -"),
    ("NEW YORK, March 3 \u2014 The council met behind closed doors.", "NEW YORK, March 3 \u2014"),
    ("ANKARA, Oct. 12 (Wire) -- Turkey summoned the envoy.", "ANKARA, Oct. 12 (Wire) --"),
])
def test_a_dateline_is_a_sentence_of_its_own(nlp, text, dateline):
    doc = nlp(text)
    end = dateline_end(doc, 0)
    assert end is not None and doc[:end].text == dateline
    assert doc[end].is_sent_start


@pytest.mark.parametrize("text", [
    "NATO Secretary-General Anna Berg said the alliance was ready.",  # a hyphen inside a word
    "UN officials - who asked not to be named - said the talks had stalled.",  # lower-case words
    "The minister - a former general - resigned.",  # no capitals first
    "EU leaders met in Brussels on Friday to discuss the budget without reaching a deal - again.",
])
def test_a_dash_later_in_an_ordinary_sentence_is_no_dateline(nlp, text):
    assert dateline_end(nlp(text), 0) is None


def test_a_line_break_still_starts_a_sentence(nlp):
    doc = nlp("Ministers meet in Lima\nThe talks open on Monday.")
    assert [s.text.strip() for s in doc.sents] == ["Ministers meet in Lima", "The talks open on Monday."]


def test_a_kicker_in_capitals_is_no_dateline(nlp):
    doc = nlp("FELLOW SENATORS SAY THEY WILL NOT VOTE FOR IT \u2014 The bill faces a hard week.")
    assert dateline_end(doc, 0) is None
