"""JSON Lines export: the ``newsevents/1`` contract record of each article."""

from __future__ import annotations

from typing import IO

import duckdb

from ..store.filters import attr, where


def _is_empty(f: object) -> bool:
    return f is None or not any(attr(f, k) for k in (
        "actor", "source", "target", "type", "status", "attributed_to", "outlet", "since",
        "until", "text"))


def write_jsonl(con: duckdb.DuckDBPyConnection, fh: IO[str], f: object = None) -> int:
    """One contract record per line: every latest article (no filter), or those with a
    matching event.  The records are stored verbatim, so they read back with
    :func:`newsevents.contract.from_json` and validate against the schema."""
    latest = attr(f, "latest_only", True) if f is not None else True
    if _is_empty(f):
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
