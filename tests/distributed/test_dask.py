"""The Dask engine on a LocalCluster of 2 single-threaded worker processes.

Few, short tests: one cluster for the module (each start costs seconds).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter

import pytest

pytest.importorskip("distributed")

from newsevents.contract import to_json  # noqa: E402
from newsevents.distributed.engine import ingest  # noqa: E402
from newsevents.distributed.shards import count_shards, item_key, read_shards  # noqa: E402
from newsevents.ingest import read_paths  # noqa: E402

PLACES = ["Kestria", "Valdora", "Norland", "Suderia", "Orlen", "Maravia"]
VERBS = ["accused {b} of shelling border villages", "agreed to resume talks with {b}",
         "sent medical aid to {b}", "threatened to impose tariffs on {b}",
         "rejected a proposal from {b}", "met envoys from {b}"]


def _articles(n: int) -> list[dict]:
    """Short invented wire stories, each different."""
    out = []
    for i in range(n):
        a, b = PLACES[i % 6], PLACES[(i + 1 + i // 6) % 6]
        verb = VERBS[(i * 5) % 6].format(b=b)
        text = (f"{a} {verb} on Tuesday, the foreign ministry said in statement {i}. "
                f"Officials in {b} said they would respond within days. "
                f"The dispute over the river {i} has lasted for two years.")
        out.append({"id": f"wire-{i}", "text": text, "published": "2025-03-14",
                    "outlet": "Test Wire"})
    return out


def _write_jsonl(path, records, extra_lines=()):
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    return path


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cl:
        yield cl


def test_two_workers_code_like_one_process(cluster, tmp_path):
    from newsevents.pipeline import Pipeline

    src = _write_jsonl(tmp_path / "wire.jsonl", _articles(10),
                       extra_lines=['{"id": "blank", "text": "   "}', "{not json"])
    summary = ingest([src], shards=tmp_path / "shards", cluster=cluster, batch_size=3)
    assert (summary.read, summary.coded, summary.skipped, summary.failed) == (12, 10, 1, 1)
    assert count_shards(tmp_path / "shards") == {"result": 10, "skipped": 1, "failed": 1}
    # Same records as the single-process pipeline, document by document.
    items = list(read_paths([src]))
    local = {item_key(i): to_json(o) for i, o in zip(items, Pipeline().run(items))}
    remote = {r.key: to_json(r.outcome) for r in read_shards(tmp_path / "shards")}
    assert remote == local
    assert sum(len(r.get("events", [])) for r in remote.values()) == summary.events


def test_killed_worker_costs_a_retry_not_articles(cluster, tmp_path):
    from distributed import Client

    n = 24
    src = _write_jsonl(tmp_path / "many.jsonl", _articles(n))
    shards = tmp_path / "shards"
    result: dict = {}

    def run():
        result["summary"] = ingest([src], shards=shards, cluster=cluster, batch_size=1)

    with Client(cluster) as client:
        client.wait_for_workers(2)
        pids = client.run(os.getpid)
        runner = threading.Thread(target=run)
        runner.start()
        victim = None
        deadline = time.monotonic() + 120
        while victim is None and time.monotonic() < deadline and runner.is_alive():
            busy = {w: keys for w, keys in client.processing().items() if keys}
            if any(shards.glob("part-*.parquet")) and busy:
                victim = next(iter(busy))  # a worker with tasks in hand, mid-run
                os.kill(pids[victim], signal.SIGKILL)
            time.sleep(0.02)
        runner.join(timeout=300)
        assert victim is not None, "the run ended before a worker could be killed"
        client.wait_for_workers(2, timeout=60)  # the nanny restarted the worker process
        assert pids[victim] not in client.run(os.getpid).values()
    summary = result["summary"]
    assert summary.read == n == summary.coded + summary.skipped + summary.failed
    assert summary.failed == 0
    rows = list(read_shards(shards))
    assert len(rows) == n  # nothing lost
    assert not list(shards.glob(".*.tmp"))  # no half-written shard left behind
    ids = Counter(r.outcome.article.id for r in rows)
    assert len(ids) == n and set(ids.values()) == {1}  # nothing twice


def test_ingest_into_store_and_rerun_codes_nothing_new(cluster, tmp_path):
    from newsevents.store import open_store

    src = _write_jsonl(tmp_path / "wire.jsonl", _articles(5), extra_lines=["{not json"])
    db = tmp_path / "news.duckdb"
    first = ingest([src], db=db, cluster=cluster, batch_size=2)
    assert (first.read, first.coded, first.failed, first.already) == (6, 5, 1, 0)
    assert first.db == str(db) and (tmp_path / "news.duckdb.shards").is_dir()
    again = ingest([src], db=db, cluster=cluster, batch_size=2)
    # the failed input is tried again (both engines): not "already"
    assert (again.read, again.coded, again.failed, again.already) == (6, 5, 1, 5)
    with open_store(db) as store:
        ledger = dict(store.con.execute(
            "SELECT status, count(*) FROM ledger GROUP BY 1").fetchall())
        assert ledger == {"coded": 5, "failed": 1}
        assert store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 5


def test_pipeline_plugin_stops_the_statistical_profiler():
    from newsevents.distributed.worker import stop_profiler

    class Callback:
        stopped = False

        def stop(self):
            self.stopped = True

    class FakeWorker:
        def __init__(self):
            self.periodic_callbacks = {"profile": Callback(), "profile-cycle": Callback(),
                                       "heartbeat": Callback()}

    worker = FakeWorker()
    profile, cycle = worker.periodic_callbacks["profile"], worker.periodic_callbacks["profile-cycle"]
    stop_profiler(worker)
    assert profile.stopped and cycle.stopped
    assert list(worker.periodic_callbacks) == ["heartbeat"]
    assert not worker.periodic_callbacks["heartbeat"].stopped
