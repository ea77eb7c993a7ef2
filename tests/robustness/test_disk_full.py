"""A full disk during ingest: a clear error, exit status 1, and the store still readable.

Two ways to run out of space without root:

* a real one: the ingest subprocess runs under ``RLIMIT_FSIZE`` (with SIGXFSZ
  ignored), so DuckDB's own writes fail with EFBIG once the store file or its
  WAL reaches the limit, exactly where a full disk would stop them;
* a failing writer: ``Writer._insert`` raises ``OSError(ENOSPC)`` half-way
  through the third batch (after the articles table, before the events).

Either way the CLI must print one ``error:`` line (no traceback) and exit 1,
and the store must open with every earlier batch intact and nothing of the
failed one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generate import write_jsonl

from newsevents.store import connect

BATCH = 8
N_LIMIT = 96  # inputs of the real-limit test; about half fit under the 1 MB limit

FAILING_WRITER = """
import errno, sys
from newsevents.store import writer
calls = {"n": 0}
original = writer.Writer._insert

def insert(self, tables):
    calls["n"] += 1
    if calls["n"] == 3:  # the third batch: articles go in, then the disk is full
        original(self, {k: v for k, v in tables.items() if k == "articles"})
        raise OSError(errno.ENOSPC, "No space left on device")
    return original(self, tables)

writer.Writer._insert = insert
from newsevents.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _ingest_args(src: Path, db: Path) -> list[str]:
    return ["ingest", str(src), "--db", str(db), "--batch-size", str(BATCH), "--no-stories"]


def _assert_clean_failure(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "error:" in proc.stderr.lower(), proc.stderr[-2000:]


def _assert_intact(db: Path) -> int:
    """The store opens read-only; whole batches only, no orphans; returns inputs stored."""
    con = connect(db, read_only=True)
    try:
        one = lambda sql: int(con.execute(sql).fetchall()[0][0])  # noqa: E731
        done = one("SELECT count(*) FROM ledger")
        assert done % BATCH == 0, done
        assert one("SELECT count(*) FROM articles") == done  # every input here is an article
        assert one("SELECT count(*) FROM events e WHERE NOT EXISTS "
                   "(SELECT 1 FROM articles a WHERE a.article_id = e.article_id)") == 0
        assert one("SELECT count(*) FROM articles a WHERE n_events <> "
                   "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id)") == 0
        return done
    finally:
        con.close()


def test_failing_writer_mid_batch_is_a_clear_error(tmp_path, repo):
    src = write_jsonl(tmp_path / "in.jsonl", 40, seed=3)
    db = tmp_path / "full.duckdb"
    proc = subprocess.run([sys.executable, "-c", FAILING_WRITER, *_ingest_args(src, db)],
                          capture_output=True, text=True, cwd=repo, timeout=600)
    _assert_clean_failure(proc)
    assert "space" in proc.stderr.lower()
    assert _assert_intact(db) == 2 * BATCH  # the two earlier batches, none of the third


# The limit is set once the language identifier is loaded: py3langid unpacks
# its model into a temporary file, and a full /tmp is a different fault (every
# document then fails language identification and is recorded as failed).
LIMITED = """
import resource, signal, sys
from newsevents.ingest.language import identifier
identifier()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from newsevents.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_real_write_limit_is_a_clear_error_and_the_store_stays_readable(tmp_path, repo):
    src = write_jsonl(tmp_path / "in.jsonl", N_LIMIT, seed=4)
    db = tmp_path / "tiny.duckdb"
    proc = subprocess.run([sys.executable, "-c", LIMITED, "1000000", *_ingest_args(src, db)],
                          capture_output=True, text=True, cwd=repo, timeout=600)
    _assert_clean_failure(proc)
    done = _assert_intact(db)
    assert 0 < done < N_LIMIT
    # with room again, the same command finishes the rest
    again = subprocess.run([sys.executable, "-m", "newsevents", *_ingest_args(src, db)],
                           capture_output=True, text=True, cwd=repo, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    assert _assert_intact(db) == N_LIMIT
