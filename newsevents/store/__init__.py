"""The event store: an embedded DuckDB file of articles, events, stories and a ledger.

Public API::

    from newsevents.store import open_store, connect, DEFAULT_DB
    with open_store("news.duckdb") as store:          # read-write, migrated
        stats = store.writer().write([(input_key, source, outcome), ...])
        store.status()                                 # ledger counts, table sizes
    con = connect("news.duckdb", read_only=True)       # a plain DuckDB connection
    from newsevents.store import queries               # query functions over a connection
    from newsevents.store.ingest import ingest         # read + code + store, resumable
    report = ingest(["news/"], "news.duckdb", workers=2)   # IngestReport(read, coded, …)

The schema lives in :mod:`newsevents.store.schema`, batched writes in
:mod:`newsevents.store.writer`, the ledger in :mod:`newsevents.store.ledger`
and every read query in :mod:`newsevents.store.queries`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

from ..errors import StoreBusy, StoreError
from .ledger import input_key, ledger_counts, ledger_reasons
from .schema import SCHEMA_VERSION, current_version, migrate
from .writer import Writer, WriteStats

log = logging.getLogger(__name__)

DEFAULT_DB = "newsevents.duckdb"


def _lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def open_file(path: str | Path, read_only: bool = False, threads: int | None = None,
              name: str | None = None) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file at ``path`` as it is (no schema check, no migration).

    Raises :class:`StoreBusy` when another process holds its write lock and
    :class:`StoreError` when it is missing (read-only) or not a DuckDB
    database.  Messages call the file ``name`` (default: the path; the web
    app passes the bare file name, never a server path).
    """
    path = Path(path)
    name = name or str(path)
    if read_only and not path.is_file():
        raise StoreError(f"no store at {name}: run `newsevents ingest` first")
    config = {"threads": threads} if threads else {}
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if _lock_error(exc):
            raise StoreBusy(f"the store {name} is in use by another process "
                            "(an ingest is running?); retry when it is done") from exc
        raise StoreError(f"cannot open store {name}: {exc}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {name}: {exc}") from exc


def connect(path: str | Path, read_only: bool = False,
            threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """Open the store file; a writable open creates and migrates it.

    Raises :class:`StoreBusy` when another process holds the file's write
    lock, :class:`StoreError` when the file is missing (read-only), not a
    DuckDB database, or of an unknown schema version.
    """
    con = open_file(path, read_only, threads)
    try:
        if read_only:
            version = current_version(con)
            if version != SCHEMA_VERSION:
                raise StoreError(f"the store {path} has schema version {version}, expected "
                                 f"{SCHEMA_VERSION}: open it once for writing to migrate it")
        else:
            migrate(con)
    except BaseException:
        con.close()
        raise
    return con


class Store:
    """An open store: a connection plus the writer and status helpers."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only)

    def writer(self, run_id: str | None = None) -> Writer:
        """A batch writer on this store."""
        if self.read_only:
            raise StoreError("the store was opened read-only")
        return Writer(self.con, run_id)

    def status(self) -> dict:
        """Ledger counts, most frequent skip/fail reasons, and table sizes."""
        sizes = {}
        for table in ("articles", "events", "actors", "attributions", "stories",
                      "contradictions"):
            sizes[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
        sizes["latest_articles"] = int(self.con.execute(
            "SELECT count(*) FROM articles WHERE latest").fetchall()[0][0])
        stale = self.con.execute("SELECT value FROM meta WHERE key = 'stories_stale'").fetchall()
        return {"path": str(self.path), "schema_version": current_version(self.con),
                "ledger": ledger_counts(self.con), "reasons": ledger_reasons(self.con),
                "tables": sizes,
                "stories_stale": (stale[0][0] == "1") if stale else sizes["events"] > 0}

    def close(self) -> None:
        """Close the connection (and release the file lock)."""
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (creating and migrating when writable) the store at ``path``."""
    return Store(path, read_only=read_only)


__all__ = ["DEFAULT_DB", "Store", "Writer", "WriteStats", "connect", "open_file", "input_key",
           "ledger_counts", "open_store"]
