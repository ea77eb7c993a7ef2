from datetime import date

import pytest

from newsevents.contract import from_json, to_json, validate
from newsevents.errors import ContractError
from newsevents.records import (
    Actor, Article, ArticleResult, Attribution, AttributionSource, Event, EventDate, Failed,
    Location, Quantity, Removed, Skipped, Span,
)

TEXT = "Trending: quiz\nOfficials said Chile sent 300 troops to Peru on Monday."


def s(sub, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return Span.of(TEXT, start, start + len(sub))


def sample() -> ArticleResult:
    chile = Actor("A1", "Chile", "country", (s("Chile"),), country="CHL")
    peru = Actor("A2", "Peru", "country", (s("Peru"),), country="PER")
    officials = Actor("A3", "Officials", "group", (s("Officials"),))
    att = Attribution("Q1", "indirect", s("said"), (s("Chile sent 300 troops to Peru on Monday"),),
                      AttributionSource(s("Officials"), "A3"))
    ev = Event("E1", "MOBILIZE", s("sent"), s("Officials said Chile sent 300 troops to Peru on Monday."),
               ("A1",), ("A2",), mode="military", status="reported", attributed_to=("A3",),
               date=EventDate("on Monday", s("on Monday"), date(2024, 3, 4), date(2024, 3, 4), "day"),
               location=Location("Peru", s("Peru"), "PER", -9.2, -75.0),
               quantities=(Quantity(300, "people", "troops", s("300")),), confidence=0.8,
               attribution="Q1")
    art = Article("x", "mem", TEXT, published=date(2024, 3, 6))
    return ArticleResult(art, (Removed(s("Trending: quiz"), "promo"),), (chile, peru, officials),
                         (ev,), (att,))


def test_round_trip_and_schema():
    result = sample()
    record = to_json(result)
    validate(record)
    assert from_json(record) == result
    assert record["events"][0]["date"]["value"] == "2024-03-04"
    assert record["events"][0]["quantities"][0]["value"] == 300


@pytest.mark.parametrize("outcome", [Skipped("f.txt", "empty"), Failed("g.txt", "binary", "binary data")])
def test_skip_and_error_records(outcome):
    record = to_json(outcome)
    validate(record)
    assert from_json(record) == outcome


def test_validate_rejects_a_span_that_does_not_slice_the_text():
    record = to_json(sample())
    record["events"][0]["trigger"]["text"] = "sends"
    with pytest.raises(ContractError):
        validate(record)


def test_validate_rejects_unknown_status():
    record = to_json(sample())
    record["events"][0]["status"] = "rumoured"
    with pytest.raises(ContractError):
        validate(record)


@pytest.mark.parametrize("precision,start,end,value", [
    ("day", date(2024, 3, 4), date(2024, 3, 4), "2024-03-04"),
    ("month", date(2024, 3, 1), date(2024, 3, 31), "2024-03"),
    ("year", date(2023, 1, 1), date(2023, 12, 31), "2023"),
    ("week", date(2024, 3, 4), date(2024, 3, 10), "2024-W10"),
    ("interval", date(2024, 8, 1), date(2024, 9, 15), "2024-08-01/2024-09-15"),
    (None, None, None, None),
])
def test_event_date_values(precision, start, end, value):
    assert EventDate("x", Span(0, 1, "x"), start, end, precision).value == value


def test_quantity_bounds_round_trip_and_old_records_read_back():
    from newsevents.contract import from_json, to_json, validate
    from newsevents.records import Article, ArticleResult, Event, Quantity, Span

    text = "At least 12 people were killed."
    q = Quantity(12, "people", "killed", Span.of(text, 0, 11), min=12, max=None)
    ev = Event("e1", "ASSAULT", Span.of(text, 24, 30), Span.of(text, 0, len(text)), quantities=(q,))
    result = ArticleResult(Article("a", "t", text), events=(ev,))
    record = to_json(result)
    validate(record)
    assert record["events"][0]["quantities"][0] | {"span": None} == {
        "value": 12, "min": 12, "max": None, "approx": False, "unit": "people", "what": "killed",
        "span": None}
    assert from_json(record) == result
    for key in ("min", "max", "approx"):  # a record of schema version 1.0
        del record["events"][0]["quantities"][0][key]
    validate(record)
    old = from_json(record).events[0].quantities[0]
    assert (old.value, old.min, old.max, old.approx) == (12, None, None, False)


@pytest.mark.parametrize("path,bad", [(("article", "published"), "2024-02-30"),
                                      (("events", 0, "date", "start"), "2024-13-01"),
                                      (("events", 0, "date", "end"), "next week")])
def test_validate_checks_date_formats(path, bad):
    record = to_json(sample())
    validate(record)
    node = record
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = bad
    with pytest.raises(ContractError, match="date"):
        validate(record)
