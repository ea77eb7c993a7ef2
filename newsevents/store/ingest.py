"""Incremental, resumable ingest: read inputs, code the new ones, store them in batches.

The loop (one writer process; optionally N coding processes)::

    read_paths -> chunks of B inputs -> drop inputs already in the ledger
               -> Pipeline.run (here or in a process pool) -> Writer.write (1 transaction)

Because the ledger rows of a batch commit together with its articles, a
process killed at any point loses at most the batch in flight, and running
the same command again codes exactly the inputs that are not yet in the
ledger.  The store file is opened only around each ledger lookup and each
batch write, so read-only users (``newsevents serve``, queries) can open it
while the next batch is being coded.  Nothing is dropped silently: every input ends up coded, skipped or
failed in the ledger.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings
from ..errors import StoreBusy
from ..records import Item, Outcome
from . import DEFAULT_DB, open_store
from .ledger import pending
from .runs import IngestReport, rebuild_stories

log = logging.getLogger(__name__)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# --- coding in worker processes ------------------------------------------------

_WORKER_PIPE = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPE
    from ..pipeline import Pipeline

    _WORKER_PIPE = Pipeline(settings)


def _code_in_worker(items: list[Item]) -> list[Outcome]:
    assert _WORKER_PIPE is not None
    return list(_WORKER_PIPE.run(items))


class _Coder:
    """Codes chunks of items, in this process or in a pool of N; results in order."""

    def __init__(self, settings: Settings, workers: int, pipeline=None) -> None:
        self.workers = workers
        self.settings = settings
        self._pipe = pipeline
        self._pool = None
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(workers, initializer=_init_worker,
                                             initargs=(settings,))

    def warm(self) -> None:
        """Load the model now (one process), so that rates measure coding, not loading."""
        if self._pool is None:
            from ..pipeline import Pipeline

            self._pipe = self._pipe or Pipeline(self.settings)
            self._pipe.nlp  # noqa: B018 - loads spaCy
            self._pipe.stages  # noqa: B018 - loads the coding stages

    def map(self, chunks: Iterable[tuple[list, list[Item]]]) -> Iterator[tuple[list, list]]:
        """``(tag, items) -> (tag, outcomes)`` for each chunk, in input order."""
        if self._pool is None:
            from ..pipeline import Pipeline

            self._pipe = self._pipe or Pipeline(self.settings)
            for tag, items in chunks:
                yield tag, list(self._pipe.run(items)) if items else []
            return
        pending: deque = deque()
        for tag, items in chunks:
            pending.append((tag, self._pool.submit(_code_in_worker, items) if items else None))
            while len(pending) > 2 * self.workers:  # bounded: memory stays flat
                t, fut = pending.popleft()
                yield t, fut.result() if fut else []
        while pending:
            t, fut = pending.popleft()
            yield t, fut.result() if fut else []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def ingest(paths: Iterable[str | os.PathLike], db: str | Path = DEFAULT_DB, *,
           published: date | str | None = None, settings: Settings | None = None,
           workers: int = 1, batch_size: int = 64,
           on_batch: Callable[[IngestReport], None] | None = None,
           build_stories: bool = True, pipeline=None, fetch: bool = False) -> IngestReport:
    """Code and store every input under ``paths``; return the counts.

    Inputs already in the ledger are not coded again; each batch is one
    transaction.  ``on_batch`` is called after every committed batch (for
    progress display).  Stories are rebuilt at the end when anything new
    was stored (``build_stories=False`` leaves that to the first query).
    ``pipeline`` reuses a loaded :class:`~newsevents.pipeline.Pipeline` (one process only).
    """
    from ..ingest import read_paths
    from ..pipeline import as_date

    settings = settings or Settings()
    coder = _Coder(settings, max(1, workers), pipeline)
    coder.warm()
    report, start = IngestReport(db=os.fspath(db)), time.monotonic()
    items = read_paths(paths, as_date(published), settings, fetch=fetch)
    run_id = uuid.uuid4().hex[:12]
    with open_retrying(db):  # create/migrate (and fail early on a bad store) before coding
        pass
    try:
        for (keys, sources, _), outcomes in coder.map(_plan(db, items, batch_size, report)):
            # The store is opened for each batch only, so that readers (the web
            # app) get the file between batches while the next batch is coded.
            with open_retrying(db) as store:
                stats = store.writer(run_id).write(list(zip(keys, sources, outcomes)))
            report.written += stats
            report.count_outcomes(outcomes)
            report.seconds = time.monotonic() - start
            log.info("batch committed: %d inputs (%d new articles, %d events); %d read",
                     len(outcomes), stats.articles, stats.events, report.read)
            if on_batch:
                on_batch(report)
    finally:
        coder.close()
    if build_stories and report.written.articles:
        with open_retrying(db) as store:
            rebuild_stories(store.con, report)
    report.seconds = time.monotonic() - start
    if report.failed:
        log.info("%s", report.retry_note())
    return report


def open_retrying(db: str | Path, patience: float = 30.0):
    """Open the store for writing, waiting up to ``patience`` s while a reader holds it."""
    delay, waited = 0.05, 0.0
    while True:
        try:
            return open_store(db)
        except StoreBusy:
            if waited >= patience:
                raise
            time.sleep(delay)
            waited += delay
            delay = min(delay * 2, 1.0)


def _plan(db: str | Path, items: Iterable[Item], batch_size: int,
          report: IngestReport) -> Iterator[tuple[tuple, list[Item]]]:
    """Chunks of inputs not yet in the ledger (:func:`~.ledger.pending`), tagged
    with their keys and sources; inputs not coded again are counted here."""
    for chunk in _chunks(items, batch_size):
        with open_retrying(db) as store:
            found = pending(store.con, chunk)
        report.count_known(found.done)
        todo = [item for _, item in found.todo]
        yield ([k for k, _ in found.todo], [x.source for x in todo], found.already), todo


__all__ = ["IngestReport", "ingest", "open_retrying"]
