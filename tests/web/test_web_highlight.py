"""Highlighting spans of untrusted text: escaping and overlapping marks."""

import re

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from newsevents.web.highlight import Mark, highlight


def _strip_tags(html: str) -> str:
    text = re.sub(r"<[^>]+>", "", html)
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')
            .replace("&#39;", "'").replace("&amp;", "&"))


def test_marks_wrap_exactly_their_span():
    text = "Iran sent drones to Russia."
    html = highlight(text, [Mark(0, 4, "source"), Mark(5, 9, "trigger"), Mark(20, 26, "target")])
    assert isinstance(html, Markup)
    assert '<mark class="hl-source">Iran</mark>' in html
    assert '<mark class="hl-trigger">sent</mark>' in html
    assert '<mark class="hl-target">Russia</mark>' in html


def test_untrusted_markup_is_escaped_inside_and_outside_marks():
    text = 'He said <script>alert(1)</script> and <img src=x onerror="alert(2)">'
    html = str(highlight(text, [Mark(8, 16, "cue", 'x" onmouseover="evil')]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'onmouseover="evil' not in html  # the title is escaped too
    assert _strip_tags(html) == text


def test_overlapping_marks_never_misnest():
    text = "abcdefghij"
    html = str(highlight(text, [Mark(0, 6, "content"), Mark(3, 9, "trigger")]))
    # every <mark> closes before the next opens
    assert re.fullmatch(r"(?:[^<]|<mark[^>]*>[^<]*</mark>)*", html)
    assert '<mark class="hl-trigger hl-content">def</mark>' in html


def test_base_offset_and_clipping():
    sentence = "Troops crossed."
    html = str(highlight(sentence, [Mark(100, 106, "source"), Mark(90, 95, "actor")], base=100))
    assert html.startswith('<mark class="hl-source">Troops</mark>')
    assert "hl-actor" not in html  # outside the sentence


def test_unknown_kinds_are_ignored():
    assert str(highlight("abc", [Mark(0, 3, "bogus\" onclick=\"x")])) == "abc"


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60),
                                                st.sampled_from(["actor", "cue", "event"])),
                                      max_size=6))
def test_text_survives_any_marks(text, raw):
    marks = [Mark(min(a, b), max(a, b), k) for a, b, k in raw]
    html = str(highlight(text, marks))
    assert _strip_tags(html) == text
    assert html.count("<mark") == html.count("</mark>")
