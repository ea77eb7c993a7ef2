"""The store's page queries (the rows the web pages list) over a small invented corpus."""

import pytest

from store_helpers import corpus_connection

from newsevents.store import queries as Q


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    with corpus_connection(tmp_path_factory.mktemp("p") / "p.duckdb") as c:
        yield c


def test_a_report_page_is_the_same_events_as_the_event_rows_of_the_same_filter(con):
    f = Q.event_filter(actor="Iran", sort="date", desc=False, limit=2, offset=1)
    page = Q.report_page(con, f)
    assert [r["event_id"] for r in page] == [r["event_id"] for r in Q.list_events(con, f)]
    assert [r["date"] for r in page] == ["2025-04-02", "2025-04-10"]  # dates as text
    every = [r for b in Q.report_batches(con, Q.event_filter(actor="Iran"), batch=3) for r in b]
    assert len(every) == Q.count_events(con, Q.event_filter(actor="Iran")) == 4


def test_report_rows_join_names_with_commas(con):
    row = Q.report_page(con, Q.event_filter(type="CONSULT", limit=10))[0]
    assert (row["source"], row["target"], row["outlet"]) == ("Turkish", "Greek", "Aegean Daily")


def test_actor_links_give_each_role_its_names_and_keys(con):
    row = Q.report_page(con, Q.event_filter(status="reported", limit=10))[0]
    links = Q.actor_links(con, [row["eid"]])[row["eid"]]
    assert [n for n, _ in links["source"]] == ["Iran"]
    assert [n for n, _ in links["attributed_to"]] == ["United Nations panel"]
    assert all(k for _, k in links["target"])
    assert Q.actor_links(con, []) == {}


def test_an_event_record_and_its_article(con):
    uid = Q.list_events(con, Q.event_filter(status="denied"))[0]["event_id"]
    result, event, article_id = Q.event_record(con, uid)
    assert event.trigger.text == "arming" and result.article.id == "c3"
    assert Q.public_event_ids(con, article_id)[event.id] == uid
    assert set(Q.actor_keys(con, article_id)) == {"A1", "A2", "A3"}
    assert Q.event_record(con, "nope") is None and Q.event_record(con, f"{article_id}:E9") is None


def test_articles_newest_first_and_outlets(con):
    titles = [r["title"] for r in Q.latest_articles(con, 10, 0)]
    assert titles[0].startswith("Tehran denied") and titles[-1].startswith("Turkish")
    assert len(Q.latest_articles(con, 2, 3)) == 1
    assert Q.frequent_outlets(con)[0] == "Gulf Wire"  # two articles
    assert sorted(Q.frequent_outlets(con)) == Q.outlets(con)
    assert [v["version"] for v in Q.article_versions(con, "https://wire.example/1")] == [1]
    assert Q.article_versions(con, None) == []


def test_the_actor_directory_and_one_actors_rows(con):
    rows = Q.actor_directory(con, "", 50, 0)
    assert rows == sorted(rows, key=lambda r: (-r["n_events"], -r["n_articles"], r["name"],
                                               r["actor_key"]))
    houthi = next(r for r in rows if r["name"] == "Houthi rebels")
    assert houthi["n_events"] == 3 and houthi["n_articles"] == 3
    key = houthi["actor_key"]
    assert Q.actor_summary(con, key)["name"] == "Houthi rebels"
    assert Q.actor_summary(con, "no such key") is None
    assert sum(n for _, _, n, _, _ in Q.actor_activity(con, key)) == 3
    # Iran (IRN, written "Iran" twice and "Tehran" once) acted on them three times
    [(other, _, out, inc)] = Q.actor_counterparts(con, key)
    assert (other, out, inc) == ("IRN", 0, 3)
    assert len(Q.claims_about(con, key)) >= 2  # the alleged and the reported shipment


def test_search_finds_actors_articles_and_quotes(con):
    found = Q.search(con, "houthi")
    assert {r["name"] for r in found["actors"]} == {"Houthi rebels"}
    assert len(found["articles"]) == 3
    assert [q["speaker"] for q in found["quotes"]] == ["Saudi officials"]
    assert Q.search(con, "%") == {"actors": [], "articles": [], "quotes": []}


def test_story_rows_of_a_story_and_its_events(con):
    stories = Q.story_summaries(con, 10, 0)
    assert stories and stories[0]["n_articles"] >= 2 and stories[0]["evidence"]
    top = Q.story_summary(con, stories[0]["story_id"])
    assert top["n_articles"] == stories[0]["n_articles"] and top["statuses"].startswith("{")
    reports = Q.story_report_rows(con, top["story_id"])
    assert len(reports) == top["n_reports"]
    assert [r["published"] for r in reports] == sorted(r["published"] for r in reports)
    assert Q.story_of_event(con, reports[0]["event_id"])["story_id"] == top["story_id"]
    assert Q.story_summary(con, "nope") is None and Q.story_of_event(con, "nope:E1") is None


def test_contradiction_rows_follow_the_cli_order_with_both_sides(con):
    rows = Q.contradiction_rows(con, 10, 0)
    cli = Q.contradictions(con)
    assert [(r["kind"], r["a_event_id"], r["b_event_id"]) for r in rows] == \
        [(r["kind"], r["a_event"], r["b_event"]) for r in cli]
    assert all(f"a_{k}" in r and f"b_{k}" in r for r in rows for k in Q.CONTRADICTION_SIDE)
    counts = Q.contradiction_counts(con)
    assert counts["denials"] == 1 and counts["dated"] == 5
    assert counts["denial"] == sum(r["kind"] == "denial" for r in cli)
