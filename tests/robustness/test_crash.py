"""Crash safety: SIGKILL `newsevents ingest` at random points, rerun, check the store with SQL.

Three kill points drawn from fixed seeds, each a random delay after a random
number of committed batches, so the kill lands while a batch is being coded,
written or committed.  After the final rerun completes, the store must hold
every input exactly once, no orphan row, no half-written article, and the
articles must equal what a fresh extract of the same inputs gives.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from generate import write_jsonl

from newsevents.records import ArticleResult, Document
from newsevents.store import connect
from newsevents.store.ledger import article_key

N, BATCH, BAD_EVERY = 96, 8, 12
SEEDS = (11, 23, 37)
CHILD_TABLES = ("actors", "mentions", "events", "event_actors", "attributions", "quantities")


def _cmd(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsevents", "-v", "ingest", str(src), "--db", str(db),
            "--batch-size", str(BATCH), "--no-stories"]


def _commits(log: Path) -> int:
    return log.read_text(errors="replace").count("batch committed") if log.exists() else 0


def _run_and_kill(cmd: list[str], log: Path, rng: random.Random, repo: Path) -> bool:
    """Start the ingest, SIGKILL it after k commits + a random delay; False if it finished first."""
    k, delay = rng.randint(1, 4), rng.uniform(0.0, 1.5)
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=repo)
        try:
            deadline = time.monotonic() + 300
            while _commits(log) < k and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(delay)
            if proc.poll() is not None:
                return False
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return True


def _one(con, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def _check_integrity(db: Path, n: int) -> None:
    con = connect(db, read_only=True)
    try:
        assert _one(con, "SELECT count(*) FROM ledger") == n
        assert _one(con, "SELECT count(DISTINCT input_key) FROM ledger") == n
        assert _one(con, "SELECT count(*) - count(DISTINCT article_id) FROM articles") == 0
        for table in CHILD_TABLES:  # no row without its article
            assert _one(con, f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                             "(SELECT 1 FROM articles a WHERE a.article_id = t.article_id)") == 0, table
        assert _one(con, "SELECT count(*) FROM event_actors x WHERE NOT EXISTS "
                         "(SELECT 1 FROM events e WHERE e.eid = x.eid)") == 0
        assert _one(con, "SELECT count(*) - count(DISTINCT eid) FROM events") == 0
        # no half-written article: its events and actors are all there
        assert _one(con, "SELECT count(*) FROM articles a WHERE n_events <> "
                         "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id)") == 0
        assert _one(con, "SELECT count(*) FROM articles a WHERE n_events > 0 AND NOT EXISTS "
                         "(SELECT 1 FROM actors x WHERE x.article_id = a.article_id)") == 0
        # the ledger and the articles agree both ways
        assert _one(con, "SELECT count(*) FROM ledger l WHERE status = 'coded' AND NOT EXISTS "
                         "(SELECT 1 FROM articles a WHERE a.article_id = l.article_id)") == 0
        assert _one(con, "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                         "(SELECT 1 FROM ledger l WHERE l.article_id = a.article_id)") == 0
    finally:
        con.close()


def _stored_events(db: Path) -> dict[str, int]:
    con = connect(db, read_only=True)
    try:
        return {a: int(n) for a, n in con.execute(
            "SELECT a.article_id, (SELECT count(*) FROM events e "
            "WHERE e.article_id = a.article_id) FROM articles a").fetchall()}
    finally:
        con.close()


def _fresh(src: Path, pipe, sample: int, rng: random.Random) -> dict[str, int]:
    """``{article_id: number of events}`` from a fresh in-process extract of a sample."""
    lines = [json.loads(x) for x in src.read_text().splitlines()]
    good = [r for r in lines if isinstance(r["text"], str) and r["text"].strip()]
    docs = [Document(source=r["id"], content=r["text"], content_type="text", id=r["id"],
                     url=r["url"], title=r["title"], outlet=r["outlet"],
                     published=date.fromisoformat(r["published"]))
            for r in rng.sample(good, sample)]
    out = {}
    for res in pipe.run(docs):
        assert isinstance(res, ArticleResult)
        out[article_key(res.article.text, res.article.url)] = len(res.events)
    return out


@pytest.mark.timeout(900)
def test_sigkill_at_random_points_then_resume(tmp_path, loaded_pipeline, repo):
    src = write_jsonl(tmp_path / "in.jsonl", N, seed=5, bad_every=BAD_EVERY)
    db = tmp_path / "crash.duckdb"
    cmd = _cmd(src, db)
    kills = 0
    for i, seed in enumerate(SEEDS):
        kills += _run_and_kill(cmd, tmp_path / f"run{i}.log", random.Random(seed), repo)
        if db.exists():  # after each kill the store opens and is consistent so far
            con = connect(db, read_only=True)
            done = _one(con, "SELECT count(*) FROM ledger")
            con.close()
            assert done % BATCH == 0, "a batch was half committed"
    assert kills >= 2, "the ingest finished before it could be killed"
    final = subprocess.run(cmd, capture_output=True, text=True, cwd=repo, timeout=600)
    assert "Traceback" not in final.stderr
    assert f"read {N} = coded" in final.stderr, final.stderr[-2000:]
    _check_integrity(db, N)
    stored = _stored_events(db)
    for key, n_events in _fresh(src, loaded_pipeline, 12, random.Random(1)).items():
        assert stored.get(key) == n_events, key
