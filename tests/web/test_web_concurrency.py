"""The app reads the store while another process writes it (an ingest)."""

import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient
from web_store import drones, write_store

from newsevents.errors import StoreError
from newsevents.web import create_app
from newsevents.web.db import ReadOnlyStore

HOLD = """
import sys, time
from newsevents.store import open_store
store = open_store(sys.argv[1])          # read-write: holds the file lock
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
print("released", flush=True)
time.sleep(30)
"""


@pytest.fixture
def store_file(tmp_path):
    return write_store(tmp_path / "busy.duckdb", [drones()])


def _hold(path, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_short_write_lock_is_waited_out(store_file):
    client = TestClient(create_app(store_file))
    proc = _hold(store_file, 0.4)
    try:
        t0 = time.monotonic()
        r = client.get("/events")
        assert r.status_code == 200, r.text[:300]
        assert 'data-event="' in r.text
        assert time.monotonic() - t0 >= 0.2  # it did wait for the writer
    finally:
        proc.kill()
        proc.wait()


def test_a_long_write_lock_gives_503_with_retry_after(store_file):
    app = create_app(store_file)
    app.state.store = ReadOnlyStore(store_file, delays=(0.05, 0.05))
    client = TestClient(app)
    proc = _hold(store_file, 20)
    try:
        r = client.get("/events", headers={"accept": "text/html"})
        assert r.status_code == 503
        assert r.headers["retry-after"] == "3"
        assert "another process" in r.text
        assert str(store_file.parent) not in r.text  # no server paths on the page
        assert '<meta http-equiv="refresh" content="3">' in r.text  # the page retries itself
    finally:
        proc.kill()
        proc.wait()


def test_the_app_never_holds_the_file_between_requests(store_file):
    client = TestClient(create_app(store_file))
    assert client.get("/events").status_code == 200
    assert client.get("/actors/IRN").status_code == 200
    # a writer can open the file right after the requests
    proc = _hold(store_file, 0.1)
    proc.kill()
    proc.wait()


def test_stale_stories_are_flagged(tmp_path):
    from newsevents.store import open_store
    from web_store import clash

    path = write_store(tmp_path / "stale.duckdb", [drones()])
    with open_store(path) as store:  # a later batch, stories not regrouped yet
        store.writer().write([("test:clash", "test://clash", clash())])
    client = TestClient(create_app(path))
    assert 'id="stale"' in client.get("/stories").text
    fresh = TestClient(create_app(write_store(tmp_path / "fresh.duckdb", [drones()])))
    assert 'id="stale"' not in fresh.get("/stories").text


def test_unusable_store_files_give_503_with_a_reason(tmp_path):
    import duckdb

    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()  # a DuckDB file without the store's tables
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    for path, word in ((empty, "schema version 0"), (junk, "cannot open store")):
        r = TestClient(create_app(path)).get("/events", headers={"accept": "text/html"})
        assert r.status_code == 503, path
        assert word in r.text


def test_schema_is_checked_again_when_the_file_changes(store_file):
    import duckdb

    store = ReadOnlyStore(store_file)
    with store.connect():
        pass
    con = duckdb.connect(str(store_file))  # a newer newsevents migrated the file
    con.execute("INSERT INTO schema_version VALUES (999, 'from the future', current_timestamp)")
    con.close()
    with pytest.raises(StoreError, match="schema version 999"):
        with store.connect():
            pass


BATCH_WRITER = """
import sys, time
sys.path.insert(0, sys.argv[3])
from dataclasses import replace
from web_store import clash
from newsevents.errors import StoreBusy
from newsevents.store import open_store

def open_retrying(path):
    deadline = time.monotonic() + 10
    while True:
        try:
            return open_store(path)
        except StoreBusy:  # a web request holds the file for a few ms
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)

base = clash()
for i in range(int(sys.argv[2])):
    art = replace(base.article, text=base.article.text + f" Update {i}.", url=f"https://x.example/{i}")
    with open_retrying(sys.argv[1]) as store:   # the lock is held for one batch only
        store.writer().write([(f"batch:{i}", "test://batch", replace(base, article=art))])
    time.sleep(0.1)  # coding the next batch (much longer in a real ingest)
print("done", flush=True)
"""


def test_reads_interleave_with_a_writer_that_releases_the_lock_between_batches(store_file):
    from pathlib import Path

    client = TestClient(create_app(store_file))
    here = str(Path(__file__).resolve().parent)
    proc = subprocess.Popen([sys.executable, "-c", BATCH_WRITER, str(store_file), "15", here],
                            stdout=subprocess.PIPE, text=True)
    statuses, counts = [], []
    try:
        while proc.poll() is None:
            r = client.get("/events.csv")
            statuses.append(r.status_code)
            if r.status_code == 200:
                counts.append(r.text.count("\n") - 1)
        assert proc.stdout.read().strip() == "done"  # the writer never failed
    finally:
        proc.kill()
        proc.wait()
    assert statuses and set(statuses) == {200}
    assert counts == sorted(counts)  # each read sees a committed state, never a half batch
    final = client.get("/events.csv").text.count("\n") - 1
    assert final == 4 + 15 * 2  # drones' 4 events + 2 per written batch
