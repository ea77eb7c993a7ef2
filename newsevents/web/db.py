"""Short-lived read-only connections to the store, one per request.

DuckDB allows either ONE process that reads and writes a database file, or
any number of processes that only read it; a read-only open fails while a
writer holds the file lock, and a writer cannot open the file while a reader
holds it.  So the web app never keeps a connection open between requests:
each request opens the file read-only, runs its queries and closes it, which
leaves the file free for ``newsevents ingest`` between its batches.  When the
open fails because a writer holds the lock, we retry with a short back-off
and, if the writer still holds it, let :class:`StoreBusy` through (the app turns
that into a 503 with ``Retry-After``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreBusy, StoreError
from ..store import open_file
from ..store.schema import SCHEMA_VERSION, current_version

log = logging.getLogger(__name__)

#: Pauses between attempts to open a locked store (seconds), ~2 s in all.  Short
#: and even, because a writer that releases the lock between batches leaves gaps of
#: a few tens of ms that a long back-off would keep missing; a failed attempt is cheap.
RETRY_DELAYS: tuple[float, ...] = (0.005, 0.01, 0.02) + (0.025,) * 78


class ReadOnlyStore:
    """Opens the DuckDB store read-only for the span of one request."""

    def __init__(self, path: str | Path, delays: tuple[float, ...] = RETRY_DELAYS,
                 threads: int = 2) -> None:
        self.path = Path(path)
        self.delays = delays
        self.threads = threads
        self._verified: tuple[int, int] | None = None  # (mtime, size) whose schema was checked

    def _connect(self) -> duckdb.DuckDBPyConnection:
        """One attempt: open read-only; StoreBusy when a writer holds the lock."""
        con = open_file(self.path, read_only=True, threads=self.threads, name=self.path.name)
        self._check_schema(con)
        return con

    def _check_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        # The version query costs as much as the open itself, so it runs again only
        # when the file changed (a writer can migrate it only by changing it).
        stat = self.path.stat()
        signature = (stat.st_mtime_ns, stat.st_size)
        if signature == self._verified:
            return
        version = current_version(con)
        if version != SCHEMA_VERSION:
            con.close()
            raise StoreError(f"the store {self.path.name} has schema version {version}, this "
                             f"newsevents reads {SCHEMA_VERSION}: run `newsevents ingest` "
                             "(or open it once for writing) to migrate it")
        self._verified = signature

    def _open(self) -> duckdb.DuckDBPyConnection:
        for attempt, delay in enumerate((*self.delays, None)):
            try:
                return self._connect()
            except StoreBusy:
                if delay is None:
                    raise
                log.debug("store locked (attempt %d); retrying in %.2fs", attempt + 1, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection, closed (and the file lock released) on exit."""
        con = self._open()
        try:
            yield con
        finally:
            con.close()
