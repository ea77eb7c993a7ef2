"""Ingest through the real pipeline: idempotence, ledger, versions, stories, SIGKILL + resume."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.pipeline import Pipeline
from newsevents.store import connect, queries as Q
from newsevents.store.ingest import ingest

REPO = Path(__file__).resolve().parents[2]

# Invented reports: one shelling told three ways, a claim and its denial, an agreement.
ARTICLES = [
    {"id": "k1", "url": "https://kyiv-ledger.example/1", "outlet": "Kyiv Ledger",
     "published": "2025-03-12",
     "text": "Russian forces shelled the city of Kharkiv on Monday, killing 9 civilians, "
             "Ukrainian officials said."},
    {"id": "k2", "url": "https://baltic-courier.example/2", "outlet": "Baltic Courier",
     "published": "2025-03-13",
     "text": "Russia shelled Kharkiv on Monday, killing at least 11 people, the regional "
             "governor said."},
    {"id": "k3", "url": "https://danube-times.example/3", "outlet": "Danube Times",
     "published": "2025-03-14",
     "text": "Russian artillery shelled residential districts of Kharkiv on Monday, according "
             "to the Ukrainian military."},
    {"id": "d1", "url": "https://gulf-wire.example/4", "outlet": "Gulf Wire",
     "published": "2025-03-12", "text": "Western officials said Iran sent drones to Russia last month."},
    {"id": "d2", "url": "https://gulf-wire.example/5", "outlet": "Gulf Wire",
     "published": "2025-03-13", "text": "Iran's foreign ministry denied sending drones to Russia."},
    {"id": "a1", "url": "https://aegean.example/6", "outlet": "Aegean Daily",
     "published": "2025-03-11",
     "text": "Turkey and Greece agreed on Tuesday to resume talks on maritime borders."},
]
TABLES = ("articles", "events", "event_actors", "actors", "mentions", "attributions",
          "quantities", "ledger", "stories", "contradictions")


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def write_jsonl(path: Path, records: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(db: Path) -> dict[str, int]:
    con = connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def news_store(tmp_path_factory, pipe):
    tmp = tmp_path_factory.mktemp("ingest")
    src = write_jsonl(tmp / "news.jsonl", ARTICLES,
                      ('{"id": "e1", "text": "   "}', '{"id": "bad", "text": '))
    db = tmp / "news.duckdb"
    report = ingest([src], db, pipeline=pipe)
    return src, db, report


def test_every_input_is_in_the_ledger(news_store):
    src, db, report = news_store
    assert (report.read, report.coded, report.skipped, report.failed) == (8, 6, 1, 1)
    con = connect(db, read_only=True)
    rows = con.execute("SELECT line, status, reason FROM ledger ORDER BY line").fetchall()
    con.close()
    assert [r[1] for r in rows] == ["coded"] * 6 + ["skipped", "failed"]
    assert [r[0] for r in rows] == list(range(1, 9))
    assert rows[6][2].startswith("empty") and rows[7][2] == "bad_json"


def test_ingesting_twice_changes_nothing(news_store, pipe):
    src, db, _ = news_store
    before = counts(db)
    again = ingest([src], db, pipeline=pipe)
    assert again.already == 7 and again.written.articles == 0  # the failure is retried
    assert (again.coded, again.skipped, again.failed) == (6, 1, 1)
    assert counts(db) == before


def test_three_reports_become_one_story_and_a_rising_toll_is_no_conflict(news_store):
    _, db, _ = news_store
    con = connect(db, read_only=True)
    try:
        shelling = Q.stories(con, Q.event_filter(type="ASSAULT"))
        assert len(shelling) == 1
        s = shelling[0]
        assert (s["n_articles"], s["n_outlets"]) == (3, 3)
        assert str(s["first_seen"]) == "2025-03-12" and str(s["last_seen"]) == "2025-03-14"
        # 9 killed, then "at least 11" a day later: the toll rose, no contradiction
        assert Q.contradictions(con, kind="figures") == []
        bounds = con.execute("SELECT value, min_value, max_value FROM quantities "
                             "ORDER BY value").fetchall()
        assert bounds == [(9, 9, 9), (11, 11, None)]
    finally:
        con.close()


def test_claim_and_denial_are_linked(news_store):
    _, db, _ = news_store
    con = connect(db, read_only=True)
    try:
        rows = Q.contradictions(con, kind="denial")
    finally:
        con.close()
    assert len(rows) == 1
    r = rows[0]
    assert (r["a_type"], r["a_status"], r["b_status"]) == ("AID", "reported", "denied")
    assert "Iran" in r["a_source"] and "Russia" in r["a_target"] and "Russia" in r["b_target"]
    assert r["rule"] == "denial" and "different speakers" in r["note"]


def test_a_changed_article_at_the_same_url_becomes_a_new_version(tmp_path, pipe):
    db = tmp_path / "v.duckdb"
    first = dict(ARTICLES[3])
    ingest([write_jsonl(tmp_path / "a.jsonl", [first])], db, pipeline=pipe)
    changed = dict(first, text=first["text"] + " Kyiv said the drones were used against "
                                               "power stations.")
    report = ingest([write_jsonl(tmp_path / "b.jsonl", [changed])], db, pipeline=pipe)
    assert report.written.versions == 1
    con = connect(db, read_only=True)
    try:
        versions = Q.article_versions(con, first["url"])
        assert [(v["version"], v["latest"]) for v in versions] == [(1, False), (2, True)]
        latest = {r["article_id"] for r in Q.list_events(con)}
        assert latest == {versions[1]["article_id"]}
    finally:
        con.close()


def _generated(n: int) -> list[dict]:
    """Short distinct invented articles (numbers and days vary so texts differ)."""
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    pairs = (("Russia", "Ukraine"), ("Israel", "Lebanon"), ("India", "Pakistan"),
             ("Ethiopia", "Sudan"), ("Serbia", "Kosovo"))
    out = []
    for i in range(n):
        a, b = pairs[i % len(pairs)]
        out.append({"id": f"g{i}", "published": "2025-03-14",
                    "text": f"{a} accused {b} of violating the ceasefire on {days[i % 5]}. "
                            f"Officials said {i + 2} soldiers were injured."})
    return out


def _wait_for_commits(log: Path, n: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and log.read_text(errors="replace").count("batch committed") >= n:
            return
        time.sleep(0.05)
    raise AssertionError(f"no {n} committed batches within {timeout}s: {log.read_text()}")


def test_sigkill_mid_run_then_resume_finishes_without_duplicates(tmp_path):
    n = 240
    src = write_jsonl(tmp_path / "many.jsonl", _generated(n))
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "newsevents", "-v", "ingest", str(src), "--db", str(db),
           "--batch-size", "16", "--no-stories"]
    log = tmp_path / "first.log"
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=REPO)
        try:
            _wait_for_commits(log, 2)
            proc.send_signal(signal.SIGKILL)  # mid-run: later batches are being coded
        finally:
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = counts(db)["ledger"]
    assert 32 <= partial < n and partial % 16 == 0  # whole batches only
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"read {n} = coded {n} + skipped 0 + failed 0 ({partial} already" in done.stderr
    con = connect(db, read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        assert one("SELECT count(*) FROM ledger") == n
        assert one("SELECT count(DISTINCT input_key) FROM ledger") == n
        assert one("SELECT count(*) FROM articles") == n
        assert one("SELECT count(DISTINCT article_id) FROM articles") == n
        assert one("SELECT count(*) - count(DISTINCT (article_id, event_id)) FROM events") == 0
        # no half-written article: each has exactly the events its record lists
        assert one("SELECT count(*) FROM articles a WHERE n_events <> "
                   "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id)") == 0
        assert one("SELECT count(*) FROM events") >= n  # every article yields its ACCUSE
    finally:
        con.close()


def test_readers_can_open_the_store_between_batches(tmp_path, pipe):
    src = write_jsonl(tmp_path / "few.jsonl", _generated(6))
    db = tmp_path / "r.duckdb"
    seen = []

    def read_between_batches(report):
        con = connect(db, read_only=True)  # fails with StoreBusy if ingest kept the lock
        seen.append(con.execute("SELECT count(*) FROM ledger").fetchall()[0][0])
        con.close()

    ingest([src], db, pipeline=pipe, batch_size=2, on_batch=read_between_batches)
    assert seen == [2, 4, 6]
