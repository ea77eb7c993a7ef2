"""Distributed coding on Dask: ``newsevents ingest … --engine dask``.

How the work is split: documents are read **on the client**, in streaming
fashion, and submitted in small batches (``batch_size`` documents a task),
with at most ``max_inflight`` batches queued at a time.  Reading on the client
keeps the load even whatever the input looks like (one 40 000-record WARC and
a folder of small files split the same way), keeps the ledger in one place,
and bounds the client's memory to ``max_inflight × batch_size`` documents.
The expensive part (HTML extraction, cleaning, parsing, coding) runs on the
workers, each with one pipeline per process (see :mod:`.worker`).

Each task writes its batch as one Parquet shard named by the hash of its
documents (see :mod:`.shards`).  A worker that dies mid-task costs a retry of
that batch on another worker: the retry writes the same shard name, so
nothing is lost or counted twice.  A batch that keeps failing (more than the
scheduler's allowed failures) is recorded as ``Failed`` documents, so
``read == coded + skipped + failed`` always holds.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings
from ..errors import NewsEventsError, UsageError
from ..records import Failed, Item
from ..store.runs import IngestReport, rebuild_stories
from .shards import batch_name, item_key, write_shard
from .worker import BatchResult, PipelinePlugin, code_batch

log = logging.getLogger(__name__)

DEFAULT_BATCH = 4

_QUIET_HOUSEKEEPING = {
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _close_quietly(cluster) -> None:
    # A cluster whose jobs never started re-raises that failure on close.
    try:
        cluster.close()
    except Exception:  # noqa: BLE001 - already reporting the real problem
        log.debug("closing the cluster failed", exc_info=True)


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None, cluster=None,
            cluster_config: str | os.PathLike | None = None):
    """A Dask client: to ``scheduler``, to ``cluster`` (an object or ``"slurm"``),
    or to a new LocalCluster of ``workers`` single-threaded processes.

    Clusters made here are closed on exit; ones passed in are left running.
    """
    from distributed import Client, LocalCluster

    if scheduler and cluster is not None:
        raise UsageError("give either --scheduler or --cluster, not both")
    owned = None
    if cluster is not None and not isinstance(cluster, str):
        client = Client(cluster)
    elif cluster == "slurm":
        from .slurm import make_cluster, wait_seconds

        owned = make_cluster(cluster_config)
        client = Client(owned)
        try:
            # Jobs may queue for a while; a failing sbatch would otherwise hang the run.
            client.wait_for_workers(1, timeout=wait_seconds(cluster_config))
        except (TimeoutError, OSError) as exc:
            client.close()
            _close_quietly(owned)
            raise NewsEventsError(f"no Slurm worker joined the cluster: {exc or 'timed out'} "
                                  "(check `squeue` and the job logs)") from None
    elif cluster not in (None, "local"):
        raise UsageError(f"unknown cluster kind {cluster!r} (use 'local' or 'slurm')")
    elif scheduler:
        client = Client(scheduler)
    else:
        import dask

        n = workers or os.cpu_count() or 1
        # One thread per process: spaCy work holds the GIL, so threads would not help.
        # Slower housekeeping ticks (defaults: 20 ms, 500 ms, 100 ms) leave more of
        # the machine's cores to coding; the worker processes inherit this config.
        with dask.config.set(_QUIET_HOUSEKEEPING):
            owned = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                 dashboard_address=None)
        client = Client(owned)
    try:
        yield client
    finally:
        client.close()
        if owned is not None:
            owned.close()


def keyed_batches(items: Iterable[Item], size: int) -> Iterator[list[tuple[str, int, Item]]]:
    """``(key, seq, item)`` batches of at most ``size`` items, in input order."""
    numbered = ((item_key(item), seq, item) for seq, item in enumerate(items))
    while batch := list(islice(numbered, size)):
        yield batch


def _lost_batch(batch, shard_dir: Path, exc: BaseException) -> BatchResult:
    """Record a batch whose task failed for good as Failed documents (nothing is dropped)."""
    kind = type(exc).__name__
    rows = [(key, seq, Failed(getattr(item, "source", "?"), "worker_error",
                              f"{kind}: {exc}", getattr(item, "id", None)))
            for key, seq, item in batch]
    path = write_shard(shard_dir, rows)
    return BatchResult(str(path), 0, 0, len(rows), 0)


class _InflightLimit:
    """How many batches may be queued: three per worker thread, rechecked as the
    cluster grows or shrinks (Slurm jobs join late, adaptive clusters scale)."""

    def __init__(self, client, fixed: int | None) -> None:
        self.client, self.fixed = client, fixed
        self.value, self.checked = 4, float("-inf")

    def __call__(self) -> int:
        if self.fixed is not None:
            return self.fixed
        now = time.monotonic()
        if now - self.checked > 2.0:
            self.checked = now
            self.value = max(4, 3 * sum(self.client.nthreads().values()))
        return self.value


def run_batches(client, items: Iterable[Item], settings: Settings, shard_dir: Path,
                batch_size: int = DEFAULT_BATCH, max_inflight: int | None = None,
                progress: Callable[[int, int, int, int], None] | None = None) -> IngestReport:
    """Submit ``items`` in bounded batches and collect the counts.

    ``progress(read, coded, skipped, failed)`` is called after every batch.
    """
    from distributed import as_completed

    limit = _InflightLimit(client, max_inflight)
    done_counts = [0, 0, 0, 0]  # coded, skipped, failed, events
    read = 0
    queue = as_completed()
    inflight: dict = {}

    def collect(future) -> None:
        batch = inflight.pop(future.key)
        try:
            res = future.result()
        except Exception as exc:  # noqa: BLE001 - KilledWorker, a bug: the batch is recorded
            log.warning("batch of %d documents failed for good: %s", len(batch), exc)
            res = _lost_batch(batch, shard_dir, exc)
        for i, value in enumerate((res.coded, res.skipped, res.failed, res.events)):
            done_counts[i] += value
        if progress:
            progress(read, *done_counts[:3])

    for batch in keyed_batches(items, batch_size):
        read += len(batch)
        # The task key names exactly this work (documents, settings, shard folder),
        # so two runs sharing a scheduler never mistake one batch for another.
        name = batch_name([k for k, _, _ in batch] + [repr(settings), str(shard_dir)])
        future = client.submit(code_batch, batch, settings, str(shard_dir), retries=1,
                               key=f"newsevents-code-{name[5:-8]}")
        inflight[future.key] = batch
        queue.add(future)
        while len(inflight) >= limit():
            collect(next(queue))
    for future in queue:
        collect(future)
    coded, skipped, failed, events = done_counts
    return IngestReport(read, coded, skipped, failed, events=events, shards=str(shard_dir))


def _not_done(con, items: Iterable[Item], known: Counter) -> Iterator[Item]:
    """The inputs the store's ledger does not have as done (:func:`~newsevents.store.ledger.pending`).

    Streams, a chunk of keys at a time; the others are counted by status in ``known``.
    Nothing is written before the merge, so repeats are tracked across chunks.
    """
    from ..store.ledger import pending

    seen: set[str] = set()
    it = iter(items)
    while chunk := list(islice(it, _LEDGER_CHUNK)):
        found = pending(con, chunk, seen)
        known.update(found.done)
        yield from (item for _, item in found.todo)


_LEDGER_CHUNK = 256


def ingest(paths: Iterable[str | os.PathLike], db: str | os.PathLike | None = None,
           scheduler: str | None = None, workers: int | None = None,
           published: date | str | None = None, cluster=None,
           cluster_config: str | os.PathLike | None = None, *,
           settings: Settings | None = None, shards: str | os.PathLike | None = None,
           fetch: bool = False, batch_size: int = DEFAULT_BATCH,
           progress: Callable[[int, int, int, int], None] | None = None,
           build_stories: bool = True) -> IngestReport:
    """Code ``paths`` on Dask, write Parquet shards, and merge them into ``db``.

    Connects to ``scheduler`` (``tcp://HOST:PORT``), to ``cluster`` (a Dask
    cluster object, or ``"slurm"`` configured by the YAML file
    ``cluster_config``), or starts a LocalCluster of ``workers`` processes.
    Shards go to ``shards`` (default ``<db>.shards``; on a real cluster it must
    be a folder every worker can write).  With ``db``, inputs already in its
    ledger are not coded again (``already``) and the shards are merged into
    the store at the end (idempotently); without it they stay for
    ``newsevents merge``.  The store stays locked for the run, as with the
    local engine.  What is pending, the report and the stories rebuild are the
    serial engine's (:mod:`newsevents.store.runs`): only the coding differs.
    """
    from ..ingest import read_paths
    from ..pipeline import as_date

    if db is None and shards is None:
        raise UsageError("give a --db to merge into or a shard folder to write")
    settings = settings or Settings()
    shard_dir = Path(shards) if shards is not None else Path(f"{os.fspath(db)}.shards")
    shard_dir.mkdir(parents=True, exist_ok=True)
    items = read_paths(paths, as_date(published), settings, fetch=fetch)

    start = time.monotonic()

    def run(items: Iterable[Item]) -> IngestReport:
        with connect(scheduler, workers, cluster, cluster_config) as client:
            client.register_plugin(PipelinePlugin(settings), name=PipelinePlugin.name)
            report = run_batches(client, items, settings, shard_dir, batch_size,
                                 progress=progress)
        # Every batch is done: temporary files left are from writers that were
        # killed mid-write (their batch was written again under its real name).
        for stale in shard_dir.glob(".part-*.tmp"):
            stale.unlink(missing_ok=True)
        report.seconds = time.monotonic() - start
        return report

    if db is None:
        return run(items)
    from ..store import open_store
    from .merge import merge_into

    known: Counter = Counter()
    with open_store(db) as store:
        report = run(_not_done(store.con, items, known))
        merged = merge_into(store.con, shard_dir)
        report.written = merged.written
        if build_stories:
            rebuild_stories(store.con, report)
    report.count_known(known)
    report.db, report.seconds = os.fspath(db), time.monotonic() - start
    if report.failed:
        log.info("%s", report.retry_note())
    return report
