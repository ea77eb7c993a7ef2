"""Loading shard folders into the DuckDB store: ``newsevents merge SHARDS --db PATH``.

Merging is idempotent: rows are keyed by the store's input key, and the
store's writer skips inputs already in its ledger and articles already
stored, so merging the same folder twice (or a folder that grew since) adds
only what is new.  :func:`open_shards` merges a folder into an in-memory store
so that the query commands can run on shards directly.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..records import ArticleResult, Outcome, Skipped
from ..store.writer import WriteStats
from .shards import read_shards, shard_files

log = logging.getLogger(__name__)

BATCH = 256


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What a merge read from the shards and what the store took of it."""

    rows: int  # distinct documents in the shards
    coded: int
    skipped: int
    failed: int
    new_inputs: int  # ledger rows added (0 when merging again)
    new_articles: int
    new_events: int
    written: WriteStats = field(default_factory=WriteStats)  # all the store's counts


def _source(outcome: Outcome) -> str:
    return outcome.article.source if isinstance(outcome, ArticleResult) else outcome.source


def merge_into(con, folder: str | os.PathLike,
               progress: Callable[[int], None] | None = None) -> MergeSummary:
    """Write every document of the shard folder into an open store connection."""
    from ..store import Writer

    shard_files(folder)  # UsageError for a missing folder, before anything is written
    writer = Writer(con, run_id=None)
    stats = WriteStats()
    kinds = {"coded": 0, "skipped": 0, "failed": 0}
    batch: list[tuple[str, str, Outcome]] = []
    rows = 0
    for row in read_shards(folder):
        rows += 1
        out = row.outcome
        kinds["coded" if isinstance(out, ArticleResult) else
              "skipped" if isinstance(out, Skipped) else "failed"] += 1
        batch.append((row.key, _source(out), out))
        if len(batch) >= BATCH:
            stats += writer.write(batch)
            batch = []
            if progress:
                progress(rows)
    if batch:
        stats += writer.write(batch)
    return MergeSummary(rows, kinds["coded"], kinds["skipped"], kinds["failed"],
                        stats.inputs, stats.articles, stats.events, stats)


def merge_shards(folder: str | os.PathLike, db: str | os.PathLike,
                 progress: Callable[[int], None] | None = None) -> MergeSummary:
    """Load a shard folder into the store at ``db`` (created if missing); idempotent."""
    from ..store import open_store

    shard_files(folder)
    with open_store(db) as store:
        summary = merge_into(store.con, folder, progress)
    log.info("merged %d documents from %s into %s", summary.rows, folder, db)
    return summary


def open_shards(folder: str | os.PathLike):
    """An in-memory store (a DuckDB connection) holding the shard folder's documents.

    For the query commands: ``con = open_shards(path) if Path(path).is_dir()
    else connect(path, read_only=True)``.  The caller closes it.
    """
    from ..store import connect

    shard_files(folder)
    con = connect(":memory:")
    try:
        merge_into(con, Path(folder))
    except BaseException:
        con.close()
        raise
    return con
