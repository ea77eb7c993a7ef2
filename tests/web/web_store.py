"""Build small test stores through the store's writer API.

``coded_results()`` are hand-coded records of short invented articles (spans
found by substring, so every offset is exact), written with the store's own
``Writer``: the web tests then know exactly which spans must be highlighted.
``pipeline_store()`` runs the real pipeline on invented articles instead.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsevents.records import (
    Actor, Article, ArticleResult, Attribution, AttributionSource, Event, EventDate, Quantity,
    Removed, Span,
)
from newsevents.store import open_store
from newsevents.stories import rebuild

XSS_TEXT = (
    "Russia attacked Ukraine <script>window.__xss=1</script> on Monday, officials said.\n\n"
    "<img src=x onerror=\"window.__xss=2\"> Ukraine accused Russia of shelling Kharkiv.\n\n"
    "<a href=\"javascript:window.__xss=3\">Read more</a> about the attack.")


def sp(text: str, sub: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span.of(text, start, start + len(sub))


def _sentence(text: str, inside: str) -> Span:
    """The sentence-ish line holding ``inside`` (lines are sentences in these texts)."""
    i = text.index(inside)
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return Span.of(text, start, len(text) if end < 0 else end)


def drones() -> ArticleResult:
    text = ("Iran sent hundreds of drones to Russia in February, Western officials said.\n\n"
            "Tehran denied the claim.\n\n"
            "\"We have not sent any drones in February,\" Foreign Minister Ali Rahimi told reporters.\n\n"
            "Subscribe to our morning newsletter\n\n"
            "President Olena Bondar accused Iran of helping Russia.")
    art = Article(id="drones", source="test://drones", text=text, outlet="Northern Ledger",
                  title="Officials say Iran sent drones to Russia", published=date(2025, 3, 12),
                  url="https://ledger.example/drones", language="en")
    actors = (
        Actor("a1", "Iran", "country", (sp(text, "Iran"), sp(text, "Tehran"), sp(text, "Iran", 1)),
              country="IRN"),
        Actor("a2", "Russia", "country", (sp(text, "Russia"), sp(text, "Russia", 1)), country="RUS"),
        Actor("a3", "Western officials", "group", (sp(text, "Western officials"),)),
        Actor("a4", "Ali Rahimi", "person", (sp(text, "Ali Rahimi"),), country="IRN",
              sector="GOV", role="Foreign Minister", affiliation="a1"),
        Actor("a5", "Olena Bondar", "person", (sp(text, "Olena Bondar"),), country="UKR",
              sector="GOV", role="President"),
    )
    claim = sp(text, "Iran sent hundreds of drones to Russia in February")
    quote = sp(text, "We have not sent any drones in February,")
    atts = (
        Attribution("t1", "indirect", sp(text, "said"), (claim,),
                    AttributionSource(sp(text, "Western officials"), "a3"), "reported"),
        Attribution("t2", "direct", sp(text, "told"), (quote,),
                    AttributionSource(sp(text, "Ali Rahimi"), "a4"), "reported"),
    )
    feb = sp(text, "in February")
    events = (
        Event("e1", "AID", sp(text, "sent"), _sentence(text, "hundreds"), ("a1",), ("a2",),
              mode="military", status="reported", attributed_to=("a3",),
              date=EventDate("in February", feb, date(2025, 2, 1), date(2025, 2, 28), "month"),
              confidence=0.8, attribution="t1"),
        Event("e2", "REJECT", sp(text, "denied"), _sentence(text, "denied"), ("a1",), (),
              status="asserted", confidence=0.7),
        Event("e3", "ACCUSE", sp(text, "accused"), _sentence(text, "accused"), ("a5",), ("a1",),
              status="asserted", confidence=0.9),
        Event("e4", "AID", sp(text, "sent", 1), _sentence(text, "We have not"), ("a1",), ("a2",),
              status="denied", attributed_to=("a4",), confidence=0.6, attribution="t2",
              date=EventDate("in February", sp(text, "in February", 1), date(2025, 2, 1),
                             date(2025, 2, 28), "month")),
    )
    removed = (Removed(sp(text, "Subscribe to our morning newsletter"), "promo"),)
    return ArticleResult(art, removed, actors, events, atts)


def drones_again() -> ArticleResult:
    text = "Iran shipped drones to Russia in February, European diplomats said on Thursday."
    art = Article(id="drones-again", source="test://drones-again", text=text,
                  outlet="Harbour Times", title="Diplomats: Iran shipped drones",
                  published=date(2025, 3, 14), url="https://harbour.example/drones")
    actors = (
        Actor("a1", "Iran", "country", (sp(text, "Iran"),), country="IRN"),
        Actor("a2", "Russia", "country", (sp(text, "Russia"),), country="RUS"),
        Actor("a3", "European diplomats", "group", (sp(text, "European diplomats"),)),
    )
    atts = (Attribution("t1", "indirect", sp(text, "said"),
                        (sp(text, "Iran shipped drones to Russia in February"),),
                        AttributionSource(sp(text, "European diplomats"), "a3")),)
    events = (Event("e1", "AID", sp(text, "shipped"), Span.of(text, 0, len(text)), ("a1",), ("a2",),
                    status="reported", attributed_to=("a3",), attribution="t1",
                    date=EventDate("in February", sp(text, "in February"), date(2025, 2, 1),
                                   date(2025, 2, 28), "month")),)
    return ArticleResult(art, (), actors, events, atts)


def clash_again() -> ArticleResult:
    text = "Indian troops attacked Pakistani posts on Sunday; 4 soldiers were killed, officials said."
    art = Article(id="clash-again", source="test://clash-again", text=text,
                  outlet="Northern Ledger", title="Four killed in border attack",
                  published=date(2025, 1, 21), url="https://ledger.example/clash")
    actors = (
        Actor("a1", "Indian troops", "group", (sp(text, "Indian troops"),), country="IND",
              sector="MIL"),
        Actor("a2", "Pakistan", "country", (sp(text, "Pakistani"),), country="PAK"),
    )
    events = (Event("e1", "ASSAULT", sp(text, "attacked"), Span.of(text, 0, len(text)), ("a1",),
                    ("a2",), status="reported",
                    quantities=(Quantity(4, "people", "killed", sp(text, "4")),)),)
    return ArticleResult(art, (), actors, events, ())


def clash() -> ArticleResult:
    text = ("Indian troops attacked Pakistani positions on Sunday, killing 12 soldiers, "
            "the army said.\n\nPakistan threatened to retaliate against India.")
    art = Article(id="clash", source="test://clash", text=text, outlet="Harbour Times",
                  title="Troops clash on the border", published=date(2025, 1, 20),
                  url="https://harbour.example/clash")
    actors = (
        Actor("a1", "Indian troops", "group", (sp(text, "Indian troops"),), country="IND",
              sector="MIL"),
        Actor("a2", "Pakistan", "country", (sp(text, "Pakistani"), sp(text, "Pakistan", 1)),
              country="PAK"),
        Actor("a3", "India", "country", (sp(text, "India", 1),), country="IND"),
    )
    events = (
        Event("e1", "ASSAULT", sp(text, "attacked"), _sentence(text, "attacked"), ("a1",), ("a2",),
              status="reported", quantities=(Quantity(12, "people", "killed", sp(text, "12")),),
              confidence=0.9),
        Event("e2", "THREATEN", sp(text, "threatened"), _sentence(text, "threatened"), ("a2",),
              ("a3",), status="asserted", confidence=0.8),
    )
    return ArticleResult(art, (), actors, events, ())


def xss() -> ArticleResult:
    text = XSS_TEXT
    art = Article(id="xss", source="test://xss", text=text, outlet="<b>Evil</b> Outlet",
                  title="<script>window.__xss=5</script>Attack", published=date(2025, 2, 2),
                  url="javascript:window.__xss=4")
    actors = (
        Actor("a1", "Russia", "country", (sp(text, "Russia"), sp(text, "Russia", 1)), country="RUS"),
        Actor("a2", "<img src=x onerror=window.__xss=6>", "country",
              (sp(text, "Ukraine"), sp(text, "Ukraine", 1)), country="UKR"),
    )
    events = (
        Event("e1", "ASSAULT", sp(text, "attacked"), _sentence(text, "attacked"), ("a1",), ("a2",),
              status="reported"),
        Event("e2", "ACCUSE", sp(text, "accused"), _sentence(text, "accused"), ("a2",), ("a1",)),
    )
    return ArticleResult(art, (), actors, events, ())


def coded_results() -> list[ArticleResult]:
    """The hand-coded test articles."""
    return [drones(), drones_again(), clash(), clash_again(), xss()]


def write_store(path: Path, results: list[ArticleResult]) -> Path:
    """A store at ``path`` holding ``results``, written by the store's writer."""
    with open_store(path) as store:
        store.writer().write([(f"test:{r.article.id}", r.article.source, r) for r in results])
        rebuild(store.con)  # stories and contradictions, as ingest does at its end
    return path
