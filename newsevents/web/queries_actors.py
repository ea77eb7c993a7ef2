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
_ACTOR_EVENTS = """SELECT ea.eid FROM event_actors ea
    WHERE ea.actor_key = ? AND ea.role IN ('source', 'target') AND ea.latest"""


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
                   FROM event_actors ea WHERE ea.role IN ('source', 'target') AND ea.latest
                   AND ea.actor_key IN (SELECT actor_key FROM hits) GROUP BY ea.actor_key)
        SELECT hits.*, coalesce(n.n_events, 0) AS n_events FROM hits LEFT JOIN n USING (actor_key)
        ORDER BY n_events DESC, n_articles DESC, name LIMIT ? OFFSET ?""",
                [*params, limit, offset])


def actor_by_key(con: Con, key: str) -> dict[str, Any] | None:
    """Most frequent name, kind and codes of one actor, or None when the key is unknown."""
    found = rows(con, """
        SELECT ? AS actor_key, mode(name) AS name, mode(kind) AS kind, mode(country) AS country,
               mode(sector) AS sector, count(*) AS n_rows
        FROM actors WHERE actor_key = ?""", [key, key])
    if not found or found[0]["n_rows"] == 0:
        return None
    return found[0]


def actor_activity(con: Con, key: str) -> list[tuple[str | None, str, int, Any, Any]]:
    """(month, type, count, first date, last date) of the actor's events (one scan)."""
    return con.execute(f"""
        SELECT e.month, e.type, count(*), min(e.event_date), max(e.event_date) FROM events e
        WHERE e.latest AND e.eid IN ({_ACTOR_EVENTS}) GROUP BY ALL ORDER BY 1, 2""",
                       [key]).fetchall()


def summarise_activity(activity: list[tuple]) -> dict[str, Any]:
    """Timeline rows, counts by type, total and first/last dates from :func:`actor_activity`."""
    by_type: dict[str, int] = {}
    for _, etype, n, _, _ in activity:
        by_type[etype] = by_type.get(etype, 0) + int(n)
    firsts = [r[3] for r in activity if r[3] is not None]
    lasts = [r[4] for r in activity if r[4] is not None]
    return {
        "timeline": [(m, t, n) for m, t, n, _, _ in activity if m],
        "by_type": sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])),
        "n_events": sum(by_type.values()),
        "first_seen": str(min(firsts)) if firsts else None,
        "last_seen": str(max(lasts)) if lasts else None,
    }


def actor_counterparts(con: Con, key: str, limit: int = 12) -> list[Counterpart]:
    """Actors most often on the other side of the actor's events (each direction counted)."""
    found = con.execute("""
        WITH mine AS (SELECT ea.eid, ea.role FROM event_actors ea
                      WHERE ea.actor_key = ? AND ea.role IN ('source', 'target') AND ea.latest)
        SELECT o.actor_key, mode(o.name),
               count(*) FILTER (WHERE m.role = 'source') AS outgoing,
               count(*) FILTER (WHERE m.role = 'target') AS incoming
        FROM mine m JOIN event_actors o ON o.eid = m.eid
        WHERE o.role IN ('source', 'target') AND o.role <> m.role
          AND o.actor_key IS NOT NULL AND o.actor_key <> ?
        GROUP BY o.actor_key ORDER BY outgoing + incoming DESC, 2 LIMIT ?""",
                        [key, key, limit]).fetchall()
    return [Counterpart(k, n or k, int(out), int(inc)) for k, n, out, inc in found]


def actor_quotes(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """What the actor is quoted or reported as saying, newest first."""
    # The page of quotes is cut before the join with articles (for the titles).
    return rows(con, """
        WITH spk AS (SELECT article_id, actor_id FROM actors WHERE actor_key = ?),
             top AS (SELECT t.content AS text, t.cue, t.status, t.article_id, t.outlet, t.published
                     FROM attributions t
                     JOIN spk ON spk.article_id = t.article_id AND spk.actor_id = t.speaker_actor
                     WHERE t.latest ORDER BY t.published DESC NULLS LAST, t.article_id LIMIT ?)
        SELECT top.text, top.cue, top.status, top.article_id, ar.title, top.outlet,
               CAST(top.published AS VARCHAR) AS published
        FROM top LEFT JOIN articles ar ON ar.article_id = top.article_id
        ORDER BY top.published DESC NULLS LAST, top.article_id""", [key, limit])


def claims_by(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Events ascribed to the actor (they are the source of the claim)."""
    return rows(con, f"""
        SELECT {EVENT_COLUMNS} FROM events e
        WHERE e.latest AND e.eid IN (SELECT eid FROM event_actors
                                     WHERE actor_key = ? AND role = 'attributed_to' AND latest)
        ORDER BY e.event_date DESC NULLS LAST, e.eid DESC LIMIT ?""", [key, limit])


def claims_about(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Events with the actor as source or target that someone else is said to claim."""
    # One pass over the actor's event_actors rows decides both conditions (a side of
    # the event, not its attributed source); the page is cut before the wide columns.
    return rows(con, f"""
        WITH mine AS (SELECT eid FROM event_actors WHERE actor_key = ? AND latest GROUP BY eid
                      HAVING bool_or(role IN ('source', 'target'))
                         AND NOT bool_or(role = 'attributed_to')),
             page AS (SELECT e.eid FROM events e
                      WHERE e.latest AND e.eid IN (SELECT eid FROM mine)
                        AND (e.attribution_id IS NOT NULL OR len(e.attributed_names) > 0)
                      ORDER BY e.event_date DESC NULLS LAST, e.eid DESC LIMIT ?)
        SELECT {EVENT_COLUMNS} FROM events e WHERE e.eid IN (SELECT eid FROM page)
        ORDER BY e.event_date DESC NULLS LAST, e.eid DESC""", [key, limit])


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
