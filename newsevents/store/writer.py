"""Batched, transactional writes into the store.

One call of :meth:`Writer.write` stores one batch of outcomes in ONE
transaction: the new articles with all their rows, the version bookkeeping
of changed articles, and the ledger rows of every input of the batch.  A
process killed mid-batch therefore leaves either the whole batch or none of
it, and a rerun (which skips inputs already in the ledger) finishes the rest.

Idempotence: an article whose store key (hash of normalised text + URL) is
already stored is not stored again; an input whose key is already in the
ledger is not recorded again.  Rows reach DuckDB as Arrow tables, one
``INSERT … BY NAME`` per table per batch.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import ArticleResult, Failed, Outcome
from .ledger import article_key, ledger_row, ledger_status
from .rows import ARROW_SCHEMAS, Columns, add_article

log = logging.getLogger(__name__)

#: Tables filled from coded articles, in insert order.
DATA_TABLES: tuple[str, ...] = ("articles", "actors", "mentions", "events", "event_actors",
                                "attributions", "quantities")

_LEDGER_SCHEMA = pa.schema([
    ("input_key", pa.string()), ("source", pa.string()), ("line", pa.int32()),
    ("status", pa.string()), ("reason", pa.string()), ("error", pa.string()),
    ("article_id", pa.string()), ("new_article", pa.bool_()), ("run_id", pa.string())])


@dataclass
class WriteStats:
    """What one batch did: inputs recorded, articles added, new versions, events added."""

    inputs: int = 0
    known_inputs: int = 0
    articles: int = 0
    versions: int = 0
    events: int = 0

    def __iadd__(self, other: "WriteStats") -> "WriteStats":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


class Writer:
    """Writes batches of ``(input_key, source, outcome)`` into an open store connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> None:
        self.con = con
        self.run_id = run_id or uuid.uuid4().hex[:12]

    # --- the transaction ----------------------------------------------------

    def write(self, batch: list[tuple[str, str, Outcome]]) -> WriteStats:
        """Store one batch in one transaction; return what it added."""
        if not batch:
            return WriteStats()
        self.con.execute("BEGIN TRANSACTION")
        try:
            stats = self._write(batch)
            self.con.execute("COMMIT")
        except BaseException as exc:  # KeyboardInterrupt too: never leave a half batch
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:  # a failed COMMIT (disk full) has already ended it
                pass
            if isinstance(exc, (duckdb.Error, OSError)):
                raise StoreError(f"writing a batch failed: {exc}") from exc
            raise
        return stats

    def write_tables(self, tables: dict[str, pa.Table]) -> None:
        """Insert ready-made Arrow tables (named as store tables) in one transaction.

        The low-level path used by :meth:`write` and by benchmarks and merges
        that build Arrow tables themselves; no deduplication happens here.
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert(tables)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            view = f"_batch_{name}"
            self.con.register(view, table)
            try:
                extra = ", current_timestamp AS ingested_at" if name == "articles" else ""
                extra = ", current_timestamp AS seen_at" if name == "ledger" else extra
                self.con.execute(f"INSERT INTO {name} BY NAME SELECT *{extra} FROM {view}")
            finally:
                self.con.unregister(view)

    # --- one batch ------------------------------------------------------------

    def _write(self, batch: list[tuple[str, str, Outcome]]) -> WriteStats:
        stats = WriteStats()
        status = ledger_status(self.con, [k for k, _, _ in batch])
        todo, seen = [], set()
        for key, source, outcome in batch:
            # done: coded or skipped before, or failed before and failing again
            known = key in status and (status[key] != "failed" or isinstance(outcome, Failed))
            if known or key in seen:
                stats.known_inputs += 1
                continue
            seen.add(key)
            todo.append((key, source, outcome))
        results = {article_key(o.article.text, o.article.url): o
                   for _, _, o in todo if isinstance(o, ArticleResult)}
        stored = self._stored(list(results))
        new = {k: r for k, r in results.items() if k not in stored}
        superseded = self._add_new(new, stats)
        ledger: dict[str, list] = {c: [] for c in _LEDGER_SCHEMA.names}
        claimed: set[str] = set()  # the first input of a new article is the one that added it
        for key, source, outcome in todo:
            art = article_key(outcome.article.text, outcome.article.url) \
                if isinstance(outcome, ArticleResult) else None
            added = art in new and art not in claimed
            claimed.add(art)
            row = ledger_row(key, source, outcome, art, added, self.run_id)
            for col, values in ledger.items():
                values.append(row[col])
        tables = self._pending.tables()
        tables["ledger"] = pa.table(ledger, schema=_LEDGER_SCHEMA)
        self._mark_superseded(superseded)
        self._forget_failures([k for k, _, _ in todo])
        self._insert(tables)
        if new:  # stories are rebuilt lazily when asked for (see newsevents.stories)
            self.con.execute("DELETE FROM meta WHERE key = 'stories_stale'")
            self.con.execute("INSERT INTO meta VALUES ('stories_stale', '1')")
        stats.inputs = len(todo)
        return stats

    def _forget_failures(self, keys: list[str]) -> None:
        """Drop the ledger rows of earlier failures of inputs tried again in this batch."""
        if not keys:
            return
        probe = pa.table({"k": pa.array(keys, pa.string())})
        self.con.register("_probe_retry", probe)
        try:
            self.con.execute("DELETE FROM ledger WHERE status = 'failed' "
                             "AND input_key IN (SELECT k FROM _probe_retry)")
        finally:
            self.con.unregister("_probe_retry")

    def _stored(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        probe = pa.table({"k": pa.array(keys, pa.string())})
        self.con.register("_probe_articles", probe)
        try:
            rows = self.con.execute("SELECT DISTINCT a.article_id FROM articles a "
                                    "JOIN _probe_articles p ON a.article_id = p.k").fetchall()
        finally:
            self.con.unregister("_probe_articles")
        return {r[0] for r in rows}

    def _versions(self, urls: list[str]) -> dict[str, int]:
        """The highest stored version per URL (URLs never seen are absent)."""
        if not urls:
            return {}
        probe = pa.table({"u": pa.array(urls, pa.string())})
        self.con.register("_probe_urls", probe)
        try:
            rows = self.con.execute("SELECT a.url, max(a.version) FROM articles a "
                                    "JOIN _probe_urls p ON a.url = p.u GROUP BY a.url").fetchall()
        finally:
            self.con.unregister("_probe_urls")
        return {u: int(v) for u, v in rows}

    def _add_new(self, new: dict[str, ArticleResult], stats: WriteStats) -> list[str]:
        """Build the rows of the new articles; return URLs whose older versions are superseded."""
        self._pending = Columns()
        urls = sorted({r.article.url for r in new.values() if r.article.url})
        latest = self._versions(urls)
        eid = int(self.con.execute("SELECT coalesce(max(eid), 0) + 1 FROM events").fetchall()[0][0])
        superseded = []
        for key, result in new.items():
            url = result.article.url
            version = 1
            if url:
                version = latest.get(url, 0) + 1
                if version > 1:
                    superseded.append(url)
                    stats.versions += 1
                latest[url] = version
            eid = add_article(self._pending, key, version, result, eid)
            stats.articles += 1
            stats.events += len(result.events)
        self._fix_latest_within_batch(new)
        return superseded

    def _fix_latest_within_batch(self, new: dict[str, ArticleResult]) -> None:
        """Two versions of one URL in the same batch: only the highest stays latest."""
        arts = self._pending.data["articles"]
        best: dict[str, int] = {}
        for url, version in zip(arts["url"], arts["version"]):
            if url:
                best[url] = max(best.get(url, 0), version)
        stale = {k for k, url, v in zip(arts["article_id"], arts["url"], arts["version"])
                 if url and v < best[url]}
        if not stale:
            return
        for table in ("articles", "events", "event_actors", "attributions"):
            cols = self._pending.data[table]
            cols["latest"] = [False if k in stale else flag
                              for k, flag in zip(cols["article_id"], cols["latest"])]

    def _mark_superseded(self, urls: list[str]) -> None:
        """Older versions of re-published URLs stop being ``latest`` (they are kept)."""
        if not urls:
            return
        probe = pa.table({"u": pa.array(sorted(set(urls)), pa.string())})
        self.con.register("_probe_old", probe)
        try:
            self.con.execute("CREATE TEMP TABLE _old AS SELECT article_id FROM articles "
                             "WHERE latest AND url IN (SELECT u FROM _probe_old)")
            for table in ("articles", "events", "event_actors", "attributions"):
                self.con.execute(f"UPDATE {table} SET latest = false "
                                 "WHERE latest AND article_id IN (SELECT article_id FROM _old)")
            self.con.execute("DROP TABLE _old")
        finally:
            self.con.unregister("_probe_old")


__all__ = ["DATA_TABLES", "ARROW_SCHEMAS", "WriteStats", "Writer"]
