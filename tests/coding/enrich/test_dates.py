"""Time expressions: the pure resolver and the dates stage on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.coding.base import Analysis
from newsevents.coding.enrich.dates import DatesStage, find_dates, resolve
from newsevents.records import Article, Event, Span

WED = date(2024, 3, 13)   # a Wednesday
MON = date(2024, 3, 11)   # a Monday
SUN = date(2024, 3, 17)   # a Sunday
NEW_YEAR = date(2025, 1, 2)  # a Thursday, just after a year boundary


def _d(s: str) -> date:
    return date.fromisoformat(s)


# --- resolve(): the rules ---------------------------------------------------

@pytest.mark.parametrize("text, pub, expected", [
    # a bare weekday is the most recent one, the publication day included
    ("on Wednesday", WED, ("2024-03-13", "2024-03-13", "day")),
    ("Tuesday", WED, ("2024-03-12", "2024-03-12", "day")),
    ("Thursday", WED, ("2024-03-07", "2024-03-07", "day")),
    ("as of Sunday", WED, ("2024-03-10", "2024-03-10", "day")),
    ("as of Sunday", SUN, ("2024-03-17", "2024-03-17", "day")),
    ("on Sunday", MON, ("2024-03-10", "2024-03-10", "day")),
    ("Monday night", MON, ("2024-03-11", "2024-03-11", "day")),
    ("last Wednesday", WED, ("2024-03-06", "2024-03-06", "day")),
    ("last Friday", NEW_YEAR, ("2024-12-27", "2024-12-27", "day")),
    ("next Monday", SUN, ("2024-03-18", "2024-03-18", "day")),
    ("yesterday", MON, ("2024-03-10", "2024-03-10", "day")),
    ("yesterday", NEW_YEAR, ("2025-01-01", "2025-01-01", "day")),
    ("today", WED, ("2024-03-13", "2024-03-13", "day")),
    ("last night", date(2024, 3, 1), ("2024-02-29", "2024-02-29", "day")),
    ("two days ago", NEW_YEAR, ("2024-12-31", "2024-12-31", "day")),
    ("3 weeks ago", WED, ("2024-02-19", "2024-02-25", "week")),
    ("a year ago", WED, ("2023-01-01", "2023-12-31", "year")),
    ("three hours ago", WED, ("2024-03-13", "2024-03-13", "day")),
    ("late Tuesday", WED, ("2024-03-12", "2024-03-12", "day")),
    ("earlier Wednesday", WED, ("2024-03-13", "2024-03-13", "day")),
])
def test_relative_days(text, pub, expected):
    start, end, precision = resolve(text, pub)
    assert (start, end, precision) == (_d(expected[0]), _d(expected[1]), expected[2])


@pytest.mark.parametrize("text, pub, expected", [
    ("last week", WED, ("2024-03-04", "2024-03-10", "week")),
    ("last week", MON, ("2024-03-04", "2024-03-10", "week")),
    ("last week", SUN, ("2024-03-04", "2024-03-10", "week")),
    ("the previous week", NEW_YEAR, ("2024-12-23", "2024-12-29", "week")),
    ("this week", SUN, ("2024-03-11", "2024-03-17", "week")),
    ("earlier this week", WED, ("2024-03-11", "2024-03-13", "week")),
    ("last month", WED, ("2024-02-01", "2024-02-29", "month")),
    ("last month", NEW_YEAR, ("2024-12-01", "2024-12-31", "month")),
    ("earlier this month", WED, ("2024-03-01", "2024-03-13", "month")),
    ("this year", WED, ("2024-01-01", "2024-12-31", "year")),
    ("last year", NEW_YEAR, ("2024-01-01", "2024-12-31", "year")),
    ("earlier this year", WED, ("2024-01-01", "2024-03-13", "year")),
    ("the past week", WED, ("2024-03-06", "2024-03-13", "interval")),
    ("the past two weeks", WED, ("2024-02-28", "2024-03-13", "interval")),
    ("last weekend", WED, ("2024-03-09", "2024-03-10", "interval")),
    ("last weekend", SUN, ("2024-03-09", "2024-03-10", "interval")),
    ("this weekend", SUN, ("2024-03-16", "2024-03-17", "interval")),
    ("over the weekend", MON, ("2024-03-09", "2024-03-10", "interval")),
    ("at the weekend", MON, ("2024-03-09", "2024-03-10", "interval")),
    ("this past weekend", WED, ("2024-03-09", "2024-03-10", "interval")),
    ("this past week", WED, ("2024-03-06", "2024-03-13", "interval")),
    ("the past 48 hours", WED, ("2024-03-11", "2024-03-13", "interval")),
    ("overnight", NEW_YEAR, ("2025-01-01", "2025-01-02", "interval")),
])
def test_relative_periods(text, pub, expected):
    assert resolve(text, pub) == (_d(expected[0]), _d(expected[1]), expected[2])


@pytest.mark.parametrize("text, pub, expected", [
    ("Sept. 12", WED, ("2023-09-12", "2023-09-12", "day")),      # yearless -> past
    ("March 12", WED, ("2024-03-12", "2024-03-12", "day")),
    ("March 13", WED, ("2024-03-13", "2024-03-13", "day")),
    ("Dec. 30", NEW_YEAR, ("2024-12-30", "2024-12-30", "day")),  # across the year boundary
    ("12 September", WED, ("2023-09-12", "2023-09-12", "day")),
    ("March 3, 2024", None, ("2024-03-03", "2024-03-03", "day")),
    ("Monday, March 11", WED, ("2024-03-11", "2024-03-11", "day")),
    ("the 4th of July 2020", WED, ("2020-07-04", "2020-07-04", "day")),
    ("May 3-5", WED, ("2023-05-03", "2023-05-05", "interval")),
    ("in March", WED, ("2024-03-01", "2024-03-31", "month")),
    ("in April", WED, ("2023-04-01", "2023-04-30", "month")),
    ("December", NEW_YEAR, ("2024-12-01", "2024-12-31", "month")),
    ("January 2022", None, ("2022-01-01", "2022-01-31", "month")),
    ("in 2019", None, ("2019-01-01", "2019-12-31", "year")),
    ("the 1990s", None, ("1990-01-01", "1999-12-31", "interval")),
    ("2023-11-05", None, ("2023-11-05", "2023-11-05", "day")),
])
def test_absolute_and_yearless(text, pub, expected):
    assert resolve(text, pub) == (_d(expected[0]), _d(expected[1]), expected[2])


@pytest.mark.parametrize("text, pub, expected", [
    ("since August", WED, ("2023-08-01", "2024-03-13", "interval")),
    ("since March", WED, ("2024-03-01", "2024-03-13", "interval")),
    ("since 2019", WED, ("2019-01-01", "2024-03-13", "interval")),
    ("since Monday", WED, ("2024-03-11", "2024-03-13", "interval")),
])
def test_since_is_an_interval_up_to_publication(text, pub, expected):
    assert resolve(text, pub) == (_d(expected[0]), _d(expected[1]), expected[2])


def test_earlier_this_month_has_the_month_as_value():
    start, end, precision = resolve("earlier this month", WED)
    from newsevents.records import EventDate
    ed = EventDate(text="earlier this month", span=Span(0, 18, "earlier this month"),
                   start=start, end=end, precision=precision)
    assert ed.value == "2024-03"


def test_future_predicates_take_the_next_occurrence():
    assert resolve("on Friday", WED, future=True) == (_d("2024-03-15"), _d("2024-03-15"), "day")
    assert resolve("on Wednesday", WED, future=True)[0] == WED
    assert resolve("Sept. 12", WED, future=True)[0] == _d("2024-09-12")


@pytest.mark.parametrize("text", ["on Wednesday", "last week", "Sept. 12", "since August",
                                  "two days ago", "earlier this month", "this year"])
def test_relative_dates_need_a_publication_date(text):
    assert resolve(text, None) is None


@pytest.mark.parametrize("text", ["62 years old", "the next phase", "soon", "Feb. 31", "recently"])
def test_non_dates_are_not_resolved(text):
    assert resolve(text, WED) is None


# --- the stage --------------------------------------------------------------

def _analysis(nlp, text: str, published: date | None, *triggers: str) -> Analysis:
    art = Article(id="t", source="t", text=text, published=published)
    a = Analysis(article=art, doc=nlp(text))
    for k, trig in enumerate(triggers):
        s = text.index(trig)
        a.events.append(Event(id=f"e{k}", type="ASSAULT", trigger=Span.of(text, s, s + len(trig)),
                              evidence=Span.of(text, 0, len(text))))
    return a


def test_stage_ties_the_date_to_its_own_trigger(nlp):
    text = ("Rebel fighters stormed the garrison on Tuesday, two days after the government "
            "closed the border on Sunday.")
    a = _analysis(nlp, text, WED, "stormed", "closed")
    DatesStage()(a)
    stormed, closed = a.events
    assert stormed.date.text == "Tuesday" and stormed.date.start == _d("2024-03-12")
    assert closed.date.text == "Sunday" and closed.date.start == _d("2024-03-10")
    assert text[stormed.date.span.start:stormed.date.span.end] == "Tuesday"


def test_stage_falls_back_to_the_nearest_date_in_the_sentence(nlp):
    text = "Last week was tense. Police detained the organisers, a spokesman said on Monday."
    a = _analysis(nlp, text, WED, "detained")
    DatesStage()(a)
    assert a.events[0].date is not None and a.events[0].date.text == "Monday"


def test_stage_does_not_borrow_a_date_from_another_sentence(nlp):
    text = "The talks collapsed on Friday. Troops later shelled the village."
    a = _analysis(nlp, text, WED, "shelled")
    DatesStage()(a)
    assert a.events[0].date is None


def test_stage_keeps_text_without_publication_date(nlp):
    text = "The army shelled the port city on Wednesday."
    a = _analysis(nlp, text, None, "shelled")
    DatesStage()(a)
    d = a.events[0].date
    assert d.text == "Wednesday" and d.start is None and d.value is None


def test_stage_since_and_future(nlp):
    text = "Militants have fired rockets since August, and the ministers will meet on Friday."
    a = _analysis(nlp, text, WED, "fired", "meet")
    DatesStage()(a)
    fired, meet = a.events
    assert fired.date.text == "since August" and fired.date.precision == "interval"
    assert (fired.date.start, fired.date.end) == (_d("2023-08-01"), WED)
    assert meet.date.start == _d("2024-03-15")


def test_infinitive_after_expect_is_future(nlp):
    text = "Analysts expect the rebels to attack on Friday."
    a = _analysis(nlp, text, WED, "attack")
    DatesStage()(a)
    assert a.events[0].date.start == _d("2024-03-15")


def test_person_named_may_is_not_a_month(nlp):
    text = "Prime Minister Theresa May condemned the bombing."
    dates = find_dates(nlp(text), text, WED)
    assert [m.date.text for m in dates] == []


def test_bare_month_after_preposition_is_found(nlp):
    text = "The siege began in May and protesters marched through the capital."
    found = [m.date for m in find_dates(nlp(text), text, WED)]
    assert [(d.text, d.value) for d in found] == [("May", "2023-05")]


@pytest.mark.parametrize("text, pub, expected", [
    ("from 2014 to 2016", None, ("2014-01-01", "2016-12-31", "interval")),
    ("2019-2021", None, ("2019-01-01", "2021-12-31", "interval")),
    ("between March 3 and March 9", WED, ("2024-03-03", "2024-03-09", "interval")),
    ("Monday and Tuesday", WED, ("2024-03-11", "2024-03-12", "interval")),
])
def test_ranges(text, pub, expected):
    assert resolve(text, pub) == (_d(expected[0]), _d(expected[1]), expected[2])


# --- properties ---------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PAST_FORMS = ["yesterday", "last week", "last month", "last year", "on Friday", "as of Sunday",
               "Sept. 12", "in June", "since August", "earlier this month", "two days ago",
               "the previous week", "last weekend", "the past two weeks", "earlier this year"]


@settings(max_examples=200, deadline=None)
@given(pub=st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)),
       text=st.sampled_from(_PAST_FORMS))
def test_past_forms_never_end_after_publication(pub, text):
    start, end, precision = resolve(text, pub)
    assert start <= end
    if precision in ("day", "interval"):
        assert end <= pub
    else:  # a whole week/month/year that began before publication
        assert start <= pub


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40), pub=st.one_of(st.none(), st.dates()))
def test_resolve_never_raises(text, pub):
    got = resolve(text, pub)
    assert got is None or (got[0] <= got[1] and got[2] in ("day", "week", "month", "year", "interval"))


@pytest.mark.parametrize("text, pub", [("next year", date(9999, 12, 31)),
                                        ("tomorrow", date(9999, 12, 31)),
                                        ("last month", date(1, 1, 15))])
def test_calendar_edges_give_none(text, pub):
    assert resolve(text, pub) is None


def test_future_status_from_the_events_stage_picks_the_next_occurrence(nlp):
    text = "The foreign ministers meet in Oslo on Friday, the ministry said."
    a = _analysis(nlp, text, WED, "meet")
    a.events[0] = Event(id="e0", type="CONSULT", trigger=a.events[0].trigger,
                        evidence=a.events[0].evidence, status="future")
    DatesStage()(a)
    assert a.events[0].date.start == _d("2024-03-15")


def test_weekend_and_overnight_are_found_in_text(nlp):
    text = "Drones struck the port overnight, after protests at the weekend."
    found = {m.date.text: m.date.value for m in find_dates(nlp(text), text, WED)}
    assert found == {"overnight": "2024-03-12/2024-03-13", "the weekend": "2024-03-09/2024-03-10"}


def test_coordinated_clauses_share_a_date(nlp):
    text = "Police arrested twelve men and seized weapons on Monday."
    a = _analysis(nlp, text, WED, "arrested", "seized")
    DatesStage()(a)
    arrested, seized = a.events
    assert seized.date.text == "Monday" and arrested.date is not None
    assert arrested.date.start == _d("2024-03-11")


def test_stages_survive_a_doc_without_parse():
    import spacy

    from newsevents.coding.enrich.places import PlacesStage
    from newsevents.coding.enrich.quantities import QuantitiesStage

    text = "Rebels shelled the town on Monday, killing 12 people."
    a = _analysis(spacy.blank("en"), text, WED, "shelled")
    for stage in (DatesStage(), PlacesStage(lookup=lambda name: None), QuantitiesStage()):
        stage(a)
    assert a.events[0].date.text == "Monday"


def test_no_fallback_from_a_clause_below_the_trigger(nlp):
    text = "Ministers backed a plan that would cut emissions sharply by 2030."
    a = _analysis(nlp, text, WED, "backed")
    DatesStage()(a)
    assert a.events[0].date is None
