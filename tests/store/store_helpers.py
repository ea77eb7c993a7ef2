"""Hand-made coded articles for store tests (no pipeline needed)."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from newsevents.records import (  # noqa: I001
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


def make_result(text: str, actors: dict[str, tuple[str, str, str | None, str | None]],
                events: list[dict], *, doc_id: str = "d", url: str | None = None,
                outlet: str | None = None, published: date | None = date(2025, 3, 14),
                quotes: list[tuple[str, str, str, str]] = ()) -> ArticleResult:
    """An article from compact specs.

    ``actors``: id -> (name as written in the text, kind, country, sector).
    ``events``: dicts with type, trigger (a word of the text) and optional
    source/target/attributed_to (actor ids), status, mode, killed (a number
    written in the text), day (a date), sentence (the evidence text; default:
    the sentence holding the trigger).
    ``quotes``: (id, speaker actor id, cue word, content text).
    """
    art = article(text, doc_id=doc_id, url=url, outlet=outlet, published=published)
    acts = tuple(Actor(id=i, name=n, kind=k, country=c, sector=s, mentions=(span(text, n),))
                 for i, (n, k, c, s) in actors.items())
    evs = []
    for n, e in enumerate(events, 1):
        trig = span(text, e["trigger"])
        start = text.rfind(". ", 0, trig.start)
        start = 0 if start < 0 else start + 2
        end = text.find(".", trig.end)
        end = len(text) if end < 0 else end + 1
        evidence = span(text, e["sentence"]) if "sentence" in e else Span.of(text, start, end)
        qs = ()
        if "killed" in e:
            qs = (Quantity(float(e["killed"]), "people", "killed", span(text, str(e["killed"]))),)
        day = e.get("day")
        dt = EventDate(day.isoformat(), trig, day, day, "day") if day else None
        evs.append(Event(id=f"E{n}", type=e["type"], mode=e.get("mode"), trigger=trig,
                         evidence=evidence, source=tuple(e.get("source", ())),
                         target=tuple(e.get("target", ())), status=e.get("status", "asserted"),
                         attributed_to=tuple(e.get("attributed_to", ())), date=dt,
                         quantities=qs, confidence=0.7))
    atts = tuple(Attribution(id=qid, kind="indirect", cue=span(text, cue),
                             contents=(span(text, content),),
                             source=AttributionSource(acts_by_id(acts)[who].mentions[0], who))
                 for qid, who, cue, content in quotes)
    return ArticleResult(article=art, actors=acts, events=tuple(evs), attributions=atts)


def acts_by_id(actors) -> dict:
    return {a.id: a for a in actors}


# --- a small invented news corpus, reused by query, story and export tests ---

IRN = ("Iran", "country", "IRN", None)
YEM = ("Houthi rebels", "group", "YEM", "REB")


def corpus() -> list[ArticleResult]:
    """Four invented articles: an alleged Iranian arms shipment, reported twice and
    denied once, and an unrelated Turkish-Greek meeting."""
    t1 = ("Saudi officials said Iran shipped missiles to Houthi rebels last week. "
          "The claim could not be verified.")
    a1 = make_result(t1, {"A1": ("Saudi officials", "group", "SAU", "GOV"), "A2": IRN, "A3": YEM},
                     [{"type": "AID", "mode": "military", "trigger": "shipped", "source": ["A2"],
                       "target": ["A3"], "status": "alleged", "attributed_to": ["A1"],
                       "day": date(2025, 4, 1)}],
                     doc_id="c1", url="https://wire.example/1", outlet="Gulf Wire",
                     published=date(2025, 4, 3),
                     quotes=[("Q1", "A1", "said", "Iran shipped missiles to Houthi rebels last week")])
    t2 = ("Iran sent missiles to Houthi rebels, a United Nations panel reported on Thursday.")
    a2 = make_result(t2, {"A1": IRN, "A2": YEM, "A3": ("United Nations panel", "organization", "IGO", "IGO")},
                     [{"type": "AID", "mode": "military", "trigger": "sent", "source": ["A1"],
                       "target": ["A2"], "status": "reported", "attributed_to": ["A3"],
                       "day": date(2025, 4, 2)}],
                     doc_id="c2", url="https://herald.example/2", outlet="Morning Herald",
                     published=date(2025, 4, 4))
    t3 = ("Tehran denied arming Houthi rebels. Iran rejected the accusation as baseless.")
    a3 = make_result(t3, {"A1": ("Tehran", "country", "IRN", "GOV"), "A2": YEM,
                          "A3": ("Iran", "country", "IRN", None)},
                     [{"type": "AID", "trigger": "arming", "source": ["A1"], "target": ["A2"],
                       "status": "denied", "attributed_to": ["A1"], "sentence": "Tehran denied arming Houthi rebels."},
                      {"type": "REJECT", "trigger": "denied", "source": ["A1"], "status": "asserted",
                       "sentence": "Tehran denied arming Houthi rebels."}],
                     doc_id="c3", url="https://wire.example/3", outlet="Gulf Wire",
                     published=date(2025, 4, 10))
    t4 = ("Turkish and Greek foreign ministers met in Athens on Monday to discuss maritime borders.")
    a4 = make_result(t4, {"A1": ("Turkish", "country", "TUR", None),
                          "A2": ("Greek", "country", "GRC", None)},
                     [{"type": "CONSULT", "trigger": "met", "source": ["A1"], "target": ["A2"],
                       "day": date(2025, 3, 3)}],
                     doc_id="c4", outlet="Aegean Daily", published=date(2025, 3, 4))
    return [a1, a2, a3, a4]



@contextmanager
def corpus_connection(path, stories: bool = True):
    """A read-only connection to a new store at ``path`` holding :func:`corpus` (and its
    stories), closed on exit."""
    from newsevents.store import connect, open_store
    from newsevents.stories import rebuild

    with open_store(path) as st:
        st.writer().write([(f"k{i}", f"in{i}", r) for i, r in enumerate(corpus())])
        if stories:
            rebuild(st.con)
    con = connect(path, read_only=True)
    try:
        yield con
    finally:
        con.close()
