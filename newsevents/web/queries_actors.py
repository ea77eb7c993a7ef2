"""Read-only SQL of the actor pages and the search box.

An actor across articles is identified by the store's ``actor_key``; the
per-article rows of ``actors``/``event_actors`` carry it.  All values are
bound parameters.
"""

from __future__ import annotations

from typing import Any

from .charts import Counterpart
from .queries import EVENT_COLUMNS, Con, like, rows

# Events (latest article versions) where the actor is source or target.
_ACTOR_EVENTS = """SELECT DISTINCT ea.eid FROM event_actors ea
    WHERE ea.actor_key = ? AND ea.role IN ('source', 'target')"""


def list_actors(con: Con, name: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Actors by number of events, optionally those whose name/code contains ``name``."""
    params: list[Any] = []
    where = "a.actor_key IS NOT NULL"
    if name:
        where += " AND (a.name ILIKE ? ESCAPE '\\' OR a.country = ? OR a.actor_key = ?)"
        params += [like(name), name.upper(), name]
    return rows(con, f"""
        WITH hits AS (SELECT a.actor_key, mode(a.name) AS name, mode(a.kind) AS kind,
                             mode(a.country) AS country, mode(a.sector) AS sector,
                             count(DISTINCT a.article_id) AS n_articles
                      FROM actors a WHERE {where} GROUP BY a.actor_key),
             n AS (SELECT ea.actor_key, count(DISTINCT ea.eid) AS n_events
                   FROM event_actors ea WHERE ea.role IN ('source', 'target')
                   AND ea.actor_key IN (SELECT actor_key FROM hits) GROUP BY ea.actor_key)
        SELECT hits.*, coalesce(n.n_events, 0) AS n_events FROM hits LEFT JOIN n USING (actor_key)
        ORDER BY n_events DESC, n_articles DESC, name LIMIT ? OFFSET ?""",
                [*params, limit, offset])


def actor_profile(con: Con, key: str) -> dict[str, Any] | None:
    """Name, codes and counts of one actor, or None when the key is unknown."""
    found = rows(con, """
        SELECT ? AS actor_key, mode(name) AS name, mode(kind) AS kind, mode(country) AS country,
               mode(sector) AS sector, count(DISTINCT article_id) AS n_articles
        FROM actors WHERE actor_key = ?""", [key, key])
    if not found or found[0]["n_articles"] == 0:
        return None
    profile = found[0]
    stats = con.execute(f"""
        SELECT count(*), CAST(min(e.event_date) AS VARCHAR), CAST(max(e.event_date) AS VARCHAR)
        FROM events e WHERE e.latest AND e.eid IN ({_ACTOR_EVENTS})""", [key]).fetchone()
    profile.update(n_events=stats[0], first_seen=stats[1], last_seen=stats[2])
    return profile


def actor_timeline(con: Con, key: str) -> list[tuple[str, str, int]]:
    """(month, type, count) of the actor's events."""
    return con.execute(f"""
        SELECT e.month, e.type, count(*) FROM events e
        WHERE e.latest AND e.month IS NOT NULL AND e.eid IN ({_ACTOR_EVENTS})
        GROUP BY ALL ORDER BY 1, 2""", [key]).fetchall()


def actor_types(con: Con, key: str) -> list[tuple[str, int]]:
    """(type, count) of the actor's events, most frequent first."""
    return con.execute(f"""
        SELECT e.type, count(*) AS n FROM events e
        WHERE e.latest AND e.eid IN ({_ACTOR_EVENTS}) GROUP BY 1 ORDER BY n DESC, 1""",
                       [key]).fetchall()


def actor_counterparts(con: Con, key: str, limit: int = 12) -> list[Counterpart]:
    """Actors most often on the other side of the actor's events (each direction counted)."""
    found = con.execute("""
        WITH mine AS (SELECT ea.eid, ea.role FROM event_actors ea
                      JOIN events e ON e.eid = ea.eid
                      WHERE ea.actor_key = ? AND ea.role IN ('source', 'target') AND e.latest)
        SELECT o.actor_key, mode(o.name),
               count(DISTINCT CASE WHEN m.role = 'source' THEN o.eid END) AS outgoing,
               count(DISTINCT CASE WHEN m.role = 'target' THEN o.eid END) AS incoming
        FROM mine m JOIN event_actors o ON o.eid = m.eid
        WHERE o.actor_key IS NOT NULL AND o.actor_key <> ?
          AND ((m.role = 'source' AND o.role = 'target') OR (m.role = 'target' AND o.role = 'source'))
        GROUP BY o.actor_key ORDER BY outgoing + incoming DESC, 2 LIMIT ?""",
                        [key, key, limit]).fetchall()
    return [Counterpart(k, n or k, int(out), int(inc)) for k, n, out, inc in found]


def actor_quotes(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """What the actor is quoted or reported as saying, newest first."""
    return rows(con, """
        SELECT t.content AS text, t.cue, t.status, t.article_id, ar.title, t.outlet,
               CAST(t.published AS VARCHAR) AS published
        FROM attributions t
        JOIN actors a ON a.article_id = t.article_id AND a.actor_id = t.speaker_actor
        JOIN articles ar ON ar.article_id = t.article_id
        WHERE a.actor_key = ? AND t.latest
        ORDER BY t.published DESC NULLS LAST, t.article_id LIMIT ?""", [key, limit])


def claims_by(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Events ascribed to the actor (they are the source of the claim)."""
    return rows(con, f"""
        SELECT {EVENT_COLUMNS} FROM events e
        WHERE e.latest AND e.eid IN (SELECT eid FROM event_actors
                                     WHERE actor_key = ? AND role = 'attributed_to')
        ORDER BY e.event_date DESC NULLS LAST, e.eid DESC LIMIT ?""", [key, limit])


def claims_about(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Events with the actor as source or target that someone else is said to claim."""
    return rows(con, f"""
        SELECT {EVENT_COLUMNS} FROM events e
        WHERE e.latest AND e.eid IN ({_ACTOR_EVENTS})
          AND (e.attribution_id IS NOT NULL OR len(e.attributed_names) > 0)
          AND e.eid NOT IN (SELECT eid FROM event_actors
                            WHERE actor_key = ? AND role = 'attributed_to')
        ORDER BY e.event_date DESC NULLS LAST, e.eid DESC LIMIT ?""", [key, key, limit])


def search(con: Con, q: str, limit: int = 25) -> dict[str, list[dict[str, Any]]]:
    """Actors, articles and quotes containing ``q`` (case-insensitive)."""
    pattern = like(q)
    articles = rows(con, """
        SELECT article_id, title, source, outlet, CAST(published AS VARCHAR) AS published
        FROM articles WHERE latest AND (title ILIKE ? ESCAPE '\\' OR outlet ILIKE ? ESCAPE '\\'
                                        OR url ILIKE ? ESCAPE '\\')
        ORDER BY published DESC NULLS LAST LIMIT ?""", [pattern, pattern, pattern, limit])
    quotes = rows(con, """
        SELECT t.content AS text, coalesce(t.speaker_name, t.speaker) AS speaker,
               t.article_id, ar.title
        FROM attributions t JOIN articles ar ON ar.article_id = t.article_id
        WHERE t.latest AND (t.content ILIKE ? ESCAPE '\\' OR t.speaker_name ILIKE ? ESCAPE '\\'
                            OR t.speaker ILIKE ? ESCAPE '\\')
        ORDER BY t.published DESC NULLS LAST LIMIT ?""", [pattern, pattern, pattern, limit])
    return {"actors": list_actors(con, q, limit, 0), "articles": articles, "quotes": quotes}
