"""Query API over a small invented corpus: filters, validation, profiles, quotes, stats."""

from datetime import date

import pytest

from store_helpers import corpus

from newsevents.errors import UsageError
from newsevents.store import connect, open_store, queries as Q


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "q.duckdb"
    with open_store(path) as st:
        st.writer().write([(f"k{i}", f"in{i}", r) for i, r in enumerate(corpus())])
    c = connect(path, read_only=True)
    yield c
    c.close()


def types(rows):
    return sorted(r["type"] for r in rows)


def test_actor_filter_matches_country_names_codes_demonyms_and_capitals(con):
    for name in ("Iran", "IRN", "iranian", "Tehran"):
        rows = Q.list_events(con, Q.event_filter(actor=name))
        assert types(rows) == ["AID", "AID", "AID", "REJECT"], name


def test_source_and_target_filters_respect_the_role(con):
    assert len(Q.list_events(con, Q.event_filter(source="Houthi"))) == 0
    assert len(Q.list_events(con, Q.event_filter(target="Houthi"))) == 3
    assert types(Q.list_events(con, Q.event_filter(source="Turkey", target="Greece"))) == ["CONSULT"]


def test_type_status_and_attribution_filters(con):
    assert len(Q.list_events(con, Q.event_filter(type="aid,reject"))) == 4
    rows = Q.list_events(con, Q.event_filter(status="alleged,reported"))
    assert sorted(r["status"] for r in rows) == ["alleged", "reported"]
    rows = Q.list_events(con, Q.event_filter(attributed_to="Saudi"))
    assert [r["outlet"] for r in rows] == ["Gulf Wire"]
    assert Q.count_events(con, Q.event_filter(attributed_to="United Nations")) == 1


def test_date_outlet_and_text_filters(con):
    # event dates: own date when resolved (Apr 1, Apr 2, Mar 3), else publication (Apr 10)
    assert Q.count_events(con, Q.event_filter(since="2025-04-01", until="2025-04-02")) == 2
    assert Q.count_events(con, Q.event_filter(since="2025-04")) == 4
    assert Q.count_events(con, Q.event_filter(until="2025-03-31")) == 1
    assert Q.count_events(con, Q.event_filter(outlet="gulf")) == 3
    assert types(Q.list_events(con, Q.event_filter(text="maritime borders"))) == ["CONSULT"]


def test_filter_values_are_data_not_sql(con):
    assert Q.count_events(con, Q.event_filter(actor="x' OR 1=1 --")) == 0
    assert Q.count_events(con, Q.event_filter(text="%")) == 0  # LIKE wildcards are literal
    assert Q.count_events(con, Q.event_filter(outlet="_")) == 0


@pytest.mark.parametrize("bad", [{"type": "INVADE"}, {"status": "rumoured"},
                                 {"since": "2025-02-30"}, {"until": "yesterday"},
                                 {"since": "2025-05-01", "until": "2025-04-01"},
                                 {"sort": "evidence; DROP TABLE events"}, {"limit": -1}])
def test_bad_filter_values_are_usage_errors(bad):
    with pytest.raises(UsageError):
        Q.event_filter(**bad)


def test_sorting_and_paging(con):
    newest = Q.list_events(con, Q.event_filter(sort="date"))
    assert [r["date"] for r in newest] == sorted((r["date"] for r in newest), reverse=True)
    oldest = Q.list_events(con, Q.event_filter(sort="date", desc=False, limit=2, offset=1))
    assert [r["date"] for r in oldest] == [date(2025, 4, 1), date(2025, 4, 2)]


def test_an_event_and_its_article_come_back_whole(con):
    row = Q.list_events(con, Q.event_filter(status="denied"))[0]
    assert row["evidence"] == "Tehran denied arming Houthi rebels."
    ev = Q.get_event(con, row["event_id"])
    assert ev["trigger"] == "arming" and ev["local_id"] == "E1"
    result = Q.article_result(con, row["article_id"])
    assert result.article.text.startswith("Tehran denied") and len(result.events) == 2
    assert Q.get_event(con, "nope:E1") is None


def test_actor_profile_counts_counterparts_and_months(con):
    p = Q.actor_profile(con, "Iran")
    assert p["events"] == 4
    assert {r["type"]: r["n"] for r in p["by_type"]} == {"AID": 3, "REJECT": 1}
    assert p["counterparts"][0]["name"] == "Houthi rebels" and p["counterparts"][0]["n"] == 3
    assert {r["month"] for r in p["by_month"]} == {"2025-04"}
    assert {r["name"] for r in p["quoted_by"]} >= {"Saudi officials", "United Nations panel"}


def test_actors_listing_groups_across_articles(con):
    rows = {r["name"]: r for r in Q.actors(con)}
    assert rows["Houthi rebels"]["events"] == 3 and rows["Houthi rebels"]["articles"] == 3
    assert rows["Houthi rebels"]["as_target"] == 3
    assert [r["name"] for r in Q.actors(con, country="GRC")] == ["Greece"]  # not "Greek"


def test_quotes_by_speaker(con):
    rows = Q.quotes(con, speaker="Saudi")
    assert [r["content"] for r in rows] == ["Iran shipped missiles to Houthi rebels last week"]
    assert rows[0]["cue"] == "said" and rows[0]["outlet"] == "Gulf Wire"
    assert Q.quotes(con, speaker="Greece") == []


def test_stats_by_each_dimension(con):
    by_type = {r["key"]: r["events"] for r in Q.stats(con, "type")}
    assert by_type == {"AID": 3, "REJECT": 1, "CONSULT": 1}
    assert [r["key"] for r in Q.stats(con, "month")] == ["2025-03", "2025-04"]
    by_country = {r["key"]: r["events"] for r in Q.stats(con, "country")}
    assert by_country == {"IRN": 4, "TUR": 1}
    assert {r["key"] for r in Q.stats(con, "status")} == {"alleged", "reported", "denied", "asserted"}
    with pytest.raises(UsageError):
        Q.stats(con, "weather")


def test_iter_events_returns_every_row_in_batches(con):
    batches = list(Q.iter_events(con, Q.event_filter(limit=1), batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 1]  # limit applies to pages, not to iteration
