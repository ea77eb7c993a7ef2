"""Queries over events: filtered lists, counts, one event, statistics, report pages.

Every filtered query takes the one :class:`~newsevents.store.filters.EventFilter`
and its one WHERE clause and sort (:func:`~newsevents.store.filters.where`,
:func:`~newsevents.store.filters.order_by`), so the same filter selects the same
events in the CLI, the Python API and the web app.  Two row shapes exist:
event rows (:data:`EVENT_COLUMNS`, names joined with "; ", for the CLI and the
API) and report rows (:data:`~newsevents.store.queries.sql.REPORT_COLUMNS`,
the narrower rows the web pages list).
"""

from __future__ import annotations

from typing import Any, Iterator

import duckdb

from ...errors import UsageError
from ..filters import EventFilter, order_by, where
from .sql import EVENT_SELECT, REPORT_COLUMNS, Con, fetch, split_event_id

#: Keys of one event row, in display order.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "date", "type", "mode", "status", "source", "target",
    "attributed_to", "via", "outlet", "published", "title", "url", "confidence", "trigger",
    "evidence", "location", "date_text", "story_id")

_PAGE_SELECT = """
SELECT e.article_id || ':' || e.event_id AS event_id, e.article_id, e.event_date AS date, e.type,
       e.mode, e.status, array_to_string(e.source_names, '; ') AS source,
       array_to_string(e.target_names, '; ') AS target,
       array_to_string(e.attributed_names, '; ') AS attributed_to,
       array_to_string(e.via_names, '; ') AS via, e.outlet, e.published, e.confidence,
       e.trigger_text AS trigger, e.evidence, e.location_text AS location, e.date_text,
       e.eid AS _eid
FROM events e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?
"""

STATS_BY = ("type", "month", "country", "status", "outlet")


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> int:
    """How many events match ``f``."""
    cond, params = where(f)
    return int(con.execute(f"SELECT count(*) FROM events e WHERE {cond}", params).fetchall()[0][0])


def list_events(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """One page of events matching ``f``, sorted by ``f.sort`` (default: newest first)."""
    cond, params = where(f)
    f = f or EventFilter()
    limit, offset = f.limit, f.offset
    if limit is None:
        return [row for batch in iter_events(con, f) for row in batch][offset:]
    # The page is picked from the events table alone (a top-N over one table);
    # titles, URLs and stories are then looked up for those rows only.
    sql = _PAGE_SELECT.format(where=cond, order=order_by(f))
    rows = fetch(con, sql, params + [limit, offset])
    _add_article_fields(con, rows)
    return rows


def _add_article_fields(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    ids = sorted({r["article_id"] for r in rows})
    arts = {a: (t, u) for a, t, u in con.execute(
        "SELECT article_id, title, url FROM articles WHERE article_id IN "
        f"({', '.join('?' for _ in ids)})", ids).fetchall()}
    eids = [r.pop("_eid") for r in rows]
    stories = dict(con.execute(
        f"SELECT eid, min(story_id) FROM story_events WHERE eid IN "
        f"({', '.join('?' for _ in eids)}) GROUP BY eid", eids).fetchall())
    for r, eid in zip(rows, eids):
        r["title"], r["url"] = arts.get(r["article_id"], (None, None))
        r["story_id"] = stories.get(eid)


def iter_events(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None,
                batch_size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """Every event matching ``f`` (all pages), in batches of dicts."""
    cond, params = where(f)
    sql = EVENT_SELECT.format(where=cond, order=order_by(f), page="")
    cur = con.cursor()  # its own cursor: the caller may query ``con`` between batches
    try:
        cur.execute(sql, params)
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(batch_size):
            yield [dict(zip(names, r)) for r in rows]
    finally:
        cur.close()


def get_event(con: duckdb.DuckDBPyConnection, event_uid: str) -> dict[str, Any] | None:
    """One event by its public id (``<article_id>:<event id>``), or ``None``."""
    article_id, local = split_event_id(event_uid)
    sql = EVENT_SELECT.format(where="e.article_id = ? AND e.event_id = ?", order="e.eid",
                               page="")
    rows = fetch(con, sql, [article_id, local])
    if not rows:
        return None
    row = rows[0]
    row["local_id"] = local
    return row


def stats(con: duckdb.DuckDBPyConnection, by: str = "type", f: EventFilter | None = None) -> list[dict]:
    """Event counts grouped by ``by`` (type, month, country of the source, status, outlet)."""
    if by not in STATS_BY:
        raise UsageError(f"unknown --by {by!r}; choose from {', '.join(STATS_BY)}")
    cond, params = where(f)
    if by == "country":  # country of the source(s); each event counted once per country
        sql = f"""SELECT coalesce(c, '?') AS key, count(*) AS events,
                         count(DISTINCT article_id) AS articles
                  FROM (SELECT e.article_id, unnest(CASE WHEN len(e.source_countries) = 0
                               THEN [NULL] ELSE e.source_countries END) AS c
                        FROM events e WHERE {cond})
                  GROUP BY 1 ORDER BY events DESC, key"""
    else:
        column = {"type": "e.type", "month": "e.month", "status": "e.status",
                  "outlet": "e.outlet"}[by]
        order = "key" if by == "month" else "events DESC, key"
        sql = f"""SELECT coalesce({column}, '?') AS key, count(*) AS events,
                         count(DISTINCT e.article_id) AS articles
                  FROM events e WHERE {cond} GROUP BY 1 ORDER BY {order}"""
    return fetch(con, sql, params)




def report_page(con: Con, f: EventFilter) -> list[dict[str, Any]]:
    """One page of report rows matching ``f`` (``f.limit`` from ``f.offset``), in its sort
    order; each row also carries the store's ``eid`` (for :func:`actor_links`)."""
    cond, params = where(f)
    # Late materialisation: sort and cut the page on narrow columns, then fetch the
    # wide ones (evidence, names) for the page's rows only (2x faster at 1M events).
    order = order_by(f)
    sql = (f"WITH page AS (SELECT e.eid FROM events e WHERE {cond} ORDER BY {order} "
           f"LIMIT ? OFFSET ?) SELECT e.eid, {REPORT_COLUMNS} FROM events e "
           f"WHERE e.eid IN (SELECT eid FROM page) ORDER BY {order}")
    return fetch(con, sql, [*params, f.limit, f.offset])


def report_batches(con: Con, f: EventFilter, batch: int = 5000) -> Iterator[list[dict[str, Any]]]:
    """Every report row matching ``f`` (all pages), in batches."""
    cond, params = where(f)
    cur = con.execute(f"SELECT {REPORT_COLUMNS} FROM events e WHERE {cond} "
                      f"ORDER BY {order_by(f)}", params)
    names = [d[0] for d in cur.description]
    while chunk := cur.fetchmany(batch):
        yield [dict(zip(names, r)) for r in chunk]


def actor_links(con: Con, eids: list[int]) -> dict[int, dict[str, list[tuple[str, str | None]]]]:
    """For each event ``eid``: role -> [(name, actor key or None)] of its source, target
    and attributed_to actors, in the order the article gave them."""
    if not eids:
        return {}
    found = con.execute("""
        SELECT eid, role, name, actor_key FROM event_actors
        WHERE eid IN (SELECT unnest(?)) AND role IN ('source', 'target', 'attributed_to')
        ORDER BY eid, role, rowid""", [eids]).fetchall()
    out: dict[int, dict[str, list[tuple[str, str | None]]]] = {}
    for eid, role, name, key in found:
        out.setdefault(eid, {}).setdefault(role, []).append((name, key))
    return out


def public_event_ids(con: Con, article_id: str) -> dict[str, str]:
    """The article's event ids -> their public ids ``<article_id>:<event id>``."""
    return dict(con.execute("SELECT event_id, article_id || ':' || event_id FROM events "
                            "WHERE article_id = ?", [article_id]).fetchall())
