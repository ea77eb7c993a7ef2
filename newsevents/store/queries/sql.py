"""What every query module shares: the connection type, rows as dicts, column fragments.

The fragments are fixed SQL text (no value from a caller is ever formatted
into a query; values are bound parameters).
"""

from __future__ import annotations

from typing import Any

import duckdb

Con = duckdb.DuckDBPyConnection

#: The columns of one event report as the web pages list it (names joined with ", ",
#: dates as text, confidence to 3 places); rows of :func:`report_page` and friends.
REPORT_COLUMNS = """
    e.article_id || ':' || e.event_id AS event_id, e.article_id, CAST(e.event_date AS VARCHAR) AS date,
    e.type, e.status, array_to_string(e.source_names, ', ') AS source,
    array_to_string(e.target_names, ', ') AS target,
    array_to_string(e.attributed_names, ', ') AS attributed_to, e.outlet,
    round(e.confidence, 3) AS confidence, e.evidence"""


def dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every remaining row of an executed cursor as a dict keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def fetch(con: Con, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
    """All rows of one parameterised query as dicts."""
    return dicts(con.execute(sql, list(params)))


#: One event row with its article's title and URL and its story (the API's event rows,
#: keys :data:`~newsevents.store.queries.events.EVENT_COLUMNS`); ``{where}``, ``{order}``
#: and ``{page}`` are fixed fragments chosen by the caller.
EVENT_SELECT = """
SELECT e.article_id || ':' || e.event_id AS event_id, e.article_id, e.event_date AS date, e.type, e.mode, e.status,
       array_to_string(e.source_names, '; ') AS source,
       array_to_string(e.target_names, '; ') AS target,
       array_to_string(e.attributed_names, '; ') AS attributed_to,
       array_to_string(e.via_names, '; ') AS via,
       e.outlet, e.published, a.title, a.url, e.confidence, e.trigger_text AS trigger,
       e.evidence, e.location_text AS location, e.date_text,
       (SELECT min(se.story_id) FROM story_events se WHERE se.eid = e.eid) AS story_id
FROM (SELECT * FROM events e WHERE {where} ORDER BY {order} {page}) e
JOIN articles a ON a.article_id = e.article_id
ORDER BY {order}
"""


def split_event_id(event_uid: str) -> tuple[str, str]:
    """``(article_id, event_id)`` of a public event id ``<article_id>:<event_id>``."""
    article_id, _, event_id = event_uid.rpartition(":")
    return article_id, event_id
