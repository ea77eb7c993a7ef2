"""The store's writer: idempotence, versions, atomic batches, ledger, migrations."""

from datetime import date

import duckdb
import pytest

from store_helpers import aid_story

from newsevents.errors import StoreError
from newsevents.records import Failed, Skipped
from newsevents.store import connect, open_store, queries
from newsevents.store.ledger import article_key, input_key, normalise_source
from newsevents.store.schema import SCHEMA_VERSION
from newsevents.records import Document

TABLES = ("articles", "actors", "mentions", "events", "event_actors", "attributions",
          "quantities", "ledger")


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.duckdb") as st:
        yield st


def test_writing_the_same_batch_twice_changes_nothing(store):
    batch = [("k1", "a.txt", aid_story(doc_id="a")),
             ("k2", "b.txt", Skipped("b.txt", "empty", "no text")),
             ("k3", "c.txt", Failed("c.txt", "decode_error", "binary file"))]
    first = store.writer().write(batch)
    before = counts(store.con)
    second = store.writer().write(batch)
    assert (first.articles, first.events, first.inputs) == (1, 1, 3)
    assert (second.articles, second.inputs, second.known_inputs) == (0, 0, 3)
    assert counts(store.con) == before
    assert before["events"] == 1 and before["event_actors"] == 3 and before["quantities"] == 1


def test_ledger_records_every_input_with_status_and_reason(store):
    store.writer().write([("k1", "a.txt", aid_story()),
                          ("k2", "b.txt", Skipped("b.txt", "not_english", "detected de")),
                          ("k3", "c.txt", Failed("c.txt", "bad_json", "not valid JSON"))])
    rows = store.con.execute("SELECT input_key, status, reason, error, article_id IS NOT NULL "
                             "FROM ledger ORDER BY input_key").fetchall()
    assert rows == [("k1", "coded", None, None, True),
                    ("k2", "skipped", "not_english: detected de", None, False),
                    ("k3", "failed", "bad_json", "not valid JSON", False)]
    assert store.status()["ledger"] == {"coded": 1, "skipped": 1, "failed": 1}


def test_same_article_from_two_inputs_is_stored_once(store):
    r = aid_story()
    store.writer().write([("k1", "a.txt", r), ("k2", "copy/a.txt", r)])
    assert counts(store.con)["articles"] == 1
    new = store.con.execute("SELECT input_key, new_article FROM ledger ORDER BY 1").fetchall()
    assert new == [("k1", True), ("k2", False)]  # both recorded, one article


def test_changed_article_at_same_url_becomes_a_new_version(store):
    url = "https://news.example/aid"
    old = aid_story(url=url, killed=12)
    new = aid_story("Officials in Kyiv said Russia shipped shells to Belarus on Monday, "
                    "killing 15 people.", url=url, killed=15)
    store.writer().write([("k1", "feed", old)])
    stats = store.writer().write([("k2", "feed", new)])
    assert stats.versions == 1
    versions = queries.article_versions(store.con, url)
    assert [(v["version"], v["latest"]) for v in versions] == [(1, False), (2, True)]
    # the old version is kept, but queries see the latest by default
    assert queries.count_events(store.con) == 1
    assert queries.count_events(store.con, queries.event_filter(latest_only=False)) == 2
    only = queries.list_events(store.con)[0]
    assert "15 people" in only["evidence"]


def test_two_versions_in_one_batch_keep_only_the_newest_latest(store):
    url = "https://news.example/x"
    a = aid_story(url=url, killed=12)
    b = aid_story("Officials in Kyiv said Russia shipped shells to Belarus on Monday, "
                  "killing 13 people.", url=url, killed=13)
    store.writer().write([("k1", "feed", a), ("k2", "feed", b)])
    rows = store.con.execute("SELECT version, latest FROM articles ORDER BY version").fetchall()
    assert rows == [(1, False), (2, True)]
    assert store.con.execute("SELECT count(*) FROM events WHERE latest").fetchall()[0][0] == 1


def test_whitespace_only_changes_are_the_same_article():
    assert article_key("Russia  shipped\nshells.", "u") == article_key("Russia shipped shells. ", "u")
    assert article_key("Russia shipped shells.", "u") != article_key("Russia shipped shells.", "v")
    assert article_key("Russia shipped shells.", None) != article_key("Russia sent shells.", None)


class _FailingCommit:
    """A connection whose COMMIT fails (disk full): every row of the batch is inserted first."""

    def __init__(self, con):
        self.con = con

    def execute(self, sql, *args):
        if sql == "COMMIT":
            raise duckdb.IOException("disk full (simulated)")
        return self.con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.con, name)


def test_a_failing_batch_leaves_nothing_behind(store):
    from newsevents.store import Writer

    with pytest.raises(StoreError):
        Writer(_FailingCommit(store.con)).write([("k1", "a.txt", aid_story())])
    assert all(n == 0 for n in counts(store.con).values())
    store.writer().write([("k1", "a.txt", aid_story())])  # and the retry stores it whole
    assert counts(store.con)["articles"] == 1 and counts(store.con)["ledger"] == 1


def test_event_ids_are_unique_across_batches(store):
    for i in range(3):
        text = f"Officials in Kyiv said Russia shipped shells to Belarus on Monday, killing {i + 2} people."
        store.writer().write([(f"k{i}", "x", aid_story(text, doc_id=f"d{i}", killed=i + 2,
                                                       published=date(2025, 3, 14 + i)))])
    eids = [r[0] for r in store.con.execute("SELECT eid FROM events").fetchall()]
    assert len(eids) == len(set(eids)) == 3


def test_migrations_are_recorded_and_not_repeated(tmp_path):
    path = tmp_path / "m.duckdb"
    with open_store(path):
        pass
    with open_store(path) as st:  # a second open must not fail on existing tables
        versions = st.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert [v[0] for v in versions] == list(range(1, SCHEMA_VERSION + 1))


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with open_store(path) as st:
        st.con.execute("INSERT INTO schema_version VALUES (?, 'future', current_timestamp)",
                       [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="upgrade"):
        open_store(path)


def test_read_only_open_of_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        connect(tmp_path / "absent.duckdb", read_only=True)


def test_input_keys_depend_on_content_and_not_on_path_spelling(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text("x")
    monkeypatch.chdir(tmp_path)
    same = [Document(source="a.txt", content="Text one."), Document(source=str(f), content="Text one.")]
    assert input_key(same[0]) == input_key(same[1])
    assert input_key(Document(source="a.txt", content="Text two.")) != input_key(same[0])
    assert normalise_source(f"{f}:12") == (f"{f}:12", 12)


def test_a_failed_input_is_retried_and_its_failure_replaced(store):
    store.writer().write([("k1", "a.txt", Failed("a.txt", "fetch_error", "timed out"))])
    stats = store.writer().write([("k1", "a.txt", aid_story())])
    assert stats.articles == 1
    rows = store.con.execute("SELECT status FROM ledger WHERE input_key = 'k1'").fetchall()
    assert rows == [("coded",)]
    assert store.status()["ledger"] == {"coded": 1, "skipped": 0, "failed": 0}
