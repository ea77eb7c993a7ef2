"""Hand-made coded articles for store tests (no pipeline needed)."""

from __future__ import annotations

from datetime import date

from newsevents.records import (
    Actor, Article, ArticleResult, Attribution, AttributionSource, Event, EventDate, Quantity,
    Span,
)


def span(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def article(text: str, *, doc_id: str = "a1", url: str | None = None, outlet: str | None = None,
            published: date | None = date(2025, 3, 14), source: str = "<test>") -> Article:
    return Article(id=doc_id, source=source, text=text, title=text.split(".")[0],
                   published=published, outlet=outlet, language="en", url=url)


def country(text: str, aid: str, name: str, code: str) -> Actor:
    return Actor(id=aid, name=name, kind="country", country=code,
                 mentions=(span(text, name),))


def aid_story(text: str = "Officials in Kyiv said Russia shipped shells to Belarus on Monday, "
                          "killing 12 people.",
              *, doc_id: str = "a1", url: str | None = None, outlet: str | None = "Daily Ledger",
              published: date | None = date(2025, 3, 14), status: str = "reported",
              killed: int | None = 12) -> ArticleResult:
    """One article: an AID from Russia to Belarus, attributed to Ukrainian officials."""
    art = article(text, doc_id=doc_id, url=url, outlet=outlet, published=published)
    actors = (country(text, "A1", "Russia", "RUS"), country(text, "A2", "Belarus", "BLR"),
              Actor(id="A3", name="Officials in Kyiv", kind="group", country="UKR", sector="GOV",
                    mentions=(span(text, "Officials in Kyiv"),)))
    quantities = ()
    if killed is not None and str(killed) in text:
        quantities = (Quantity(killed, "people", "killed", span(text, str(killed))),)
    monday = span(text, "Monday") if "Monday" in text else None
    ev = Event(id="E1", type="AID", mode="military", trigger=span(text, "shipped"),
               evidence=Span(0, len(text), text), source=("A1",), target=("A2",),
               status=status, attributed_to=("A3",),
               date=EventDate("Monday", monday, date(2025, 3, 10), date(2025, 3, 10), "day")
               if monday else None,
               quantities=quantities, confidence=0.8, attribution="Q1")
    att = Attribution(id="Q1", kind="indirect", cue=span(text, "said"),
                      contents=(span(text, "Russia shipped shells to Belarus"),),
                      source=AttributionSource(span(text, "Officials in Kyiv"), "A3"))
    return ArticleResult(article=art, actors=actors, events=(ev,), attributions=(att,))
