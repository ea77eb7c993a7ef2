"""JSON Lines export: the ``newsevents/1`` contract record of each article."""

from __future__ import annotations

from typing import IO

import duckdb

from ..store.filters import EventFilter, where


def write_jsonl(con: duckdb.DuckDBPyConnection, fh: IO[str], f: EventFilter | None = None) -> int:
    """One contract record per line: every latest article (no filter), or those with a
    matching event.  The records are stored verbatim, so they read back with
    :func:`newsevents.contract.from_json` and validate against the schema."""
    latest = f.latest_only if f is not None else True
    if f is None or f.is_empty():
        sql = ("SELECT record FROM articles WHERE (latest OR NOT ?) "
               "ORDER BY published NULLS LAST, article_id")
        params: list = [latest]
    else:
        cond, params = where(f)
        sql = (f"SELECT record FROM articles WHERE article_id IN "
               f"(SELECT e.article_id FROM events e WHERE {cond}) "
               f"ORDER BY published NULLS LAST, article_id")
    cur = con.cursor()
    n = 0
    try:
        cur.execute(sql, params)
        while rows := cur.fetchmany(1000):
            for (record,) in rows:
                fh.write(record + "\n")
                n += 1
    finally:
        cur.close()
    return n
