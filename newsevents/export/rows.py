"""The flat event rows every export starts from (one SQL query, streamed as Arrow)."""

from __future__ import annotations

from typing import Iterator

import duckdb
import pyarrow as pa

from ..store.filters import EventFilter, where

_SQL = """
WITH f AS (SELECT e.* FROM events e WHERE {cond}),
ea AS (
  SELECT eid,
    list({{'name': name, 'country': country, 'sector': sector}}) FILTER (WHERE role = 'source') AS sources,
    list({{'name': name, 'country': country, 'sector': sector}}) FILTER (WHERE role = 'target') AS targets
  FROM event_actors WHERE eid IN (SELECT eid FROM f) GROUP BY eid),
q AS (
  SELECT eid, list({{'what': what, 'unit': unit, 'value': value, 'text': text}}) AS quantities
  FROM quantities WHERE eid IN (SELECT eid FROM f) GROUP BY eid),
st AS (
  SELECT se.eid, s.story_id, s.n_reports, s.n_articles, s.n_outlets, s.n_sources
  FROM story_events se JOIN stories s ON s.story_id = se.story_id
  WHERE se.eid IN (SELECT eid FROM f))
SELECT f.eid, f.article_id || ':' || f.event_id AS event_id, f.article_id, f.event_id AS local_id, f.event_date,
       coalesce(f.month, 'undated') AS month, f.type, f.mode, f.status, f.confidence, f.coder,
       f.source_names, f.target_names, f.attributed_names, f.via_names,
       ea.sources, ea.targets, q.quantities,
       f.trigger_text, f.trigger_start, f.trigger_end, f.evidence, f.evidence_start,
       f.evidence_end, f.date_text, f.date_value, f.date_precision, f.location_text,
       f.location_country, f.lat, f.lon, f.published, f.outlet, a.url, a.title, a.language,
       st.story_id, st.n_reports, st.n_articles, st.n_outlets, st.n_sources
FROM f JOIN articles a ON a.article_id = f.article_id
LEFT JOIN ea ON ea.eid = f.eid LEFT JOIN q ON q.eid = f.eid LEFT JOIN st ON st.eid = f.eid
ORDER BY f.event_date NULLS LAST, f.eid
"""


def event_batches(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None,
                  batch_size: int = 50_000) -> Iterator[pa.RecordBatch]:
    """Every event matching ``f`` with its actors, quantities and story, in Arrow batches."""
    cond, params = where(f)
    cur = con.cursor()
    try:
        reader = cur.sql(_SQL.format(cond=cond), params=params).to_arrow_reader(batch_size)
        for batch in reader:
            yield batch
    finally:
        cur.close()


def event_dicts(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> Iterator[dict]:
    """The same rows as dicts, one at a time."""
    for batch in event_batches(con, f, 5_000):
        yield from batch.to_pylist()
