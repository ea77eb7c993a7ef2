"""Queries over actors: lists, profiles, quotes, claims by and about an actor, search.

An actor across articles is identified by the store's ``actor_key``; the
per-article rows of ``actors``/``event_actors`` carry it.  :func:`actors`,
:func:`actor_profile` and :func:`quotes` are the CLI's and the API's (actor
arguments accept a country in any form the gazetteer knows); the functions
keyed by ``actor_key`` give the rows of the web's actor pages.  All values are
bound parameters.
"""

from __future__ import annotations

from typing import Any

from ...errors import UsageError
from ..filters import actor_match, event_filter, like, parse_day, where
from .sql import REPORT_COLUMNS, Con, dicts, fetch


def actors(con: Con, name: str | None = None, country: str | None = None,
           sector: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Actors across articles (grouped by actor key), most events first.

    ``events`` counts the actor's roles in events (source, target, speaker,
    intermediary); ``articles`` is a HyperLogLog estimate (exact for small
    counts, within ~2% for large ones: an exact distinct count over every
    actor row costs seconds on a big store).  A country is shown under its
    ISO 3166 name.
    """
    conds, params = ["ea.latest"], []
    if name:
        cond, p = actor_match(name)
        conds.append(cond)
        params += p
    if country:
        conds.append("ea.country = ?")
        params.append(country.upper())
    if sector:
        conds.append("ea.sector = ?")
        params.append(sector.upper())
    sql = f"""
        SELECT min(ea.name) AS name, ea.actor_key, any_value(ea.country) AS country,
               min(ea.sector) AS sector, count(*) AS events,
               approx_count_distinct(ea.article_id) AS articles,
               count(*) FILTER (WHERE ea.role = 'source') AS as_source,
               count(*) FILTER (WHERE ea.role = 'target') AS as_target,
               count(*) FILTER (WHERE ea.role = 'attributed_to') AS as_speaker
        FROM event_actors ea
        WHERE {' AND '.join(conds)}
        GROUP BY ea.actor_key ORDER BY events DESC, name LIMIT ?"""
    rows = fetch(con, sql, params + [limit])
    for r in rows:
        # one country is one actor key whatever the article called it (Iran, Tehran …)
        if r["actor_key"] == r["country"]:
            r["name"] = _country_name(r["country"]) or r["name"]
            r["sector"] = None
    return rows


def _country_name(code: str) -> str | None:
    from ...coding.vocab import gazetteer

    c = gazetteer.country_by_code(code)
    return c.name if c else None


def actor_profile(con: Con, name: str, since: object = None,
                  until: object = None, limit: int = 20) -> dict[str, Any]:
    """What the store knows about actor ``name``: counts, counterparts, types by month."""
    if not name or not name.strip():
        raise UsageError("an actor name is required")
    f = event_filter(actor=name, since=since, until=until, limit=None)
    cond, params = where(f)
    mine, mp = actor_match(name, alias="o")
    # Two small temp tables (the actor's events, and every actor row of those
    # events) so that each part of the profile scans thousands of rows, not millions.
    con.execute(f"CREATE OR REPLACE TEMP TABLE _pe AS SELECT e.eid, e.type, e.month, e.status "
                f"FROM events e WHERE {cond}", params)
    con.execute("CREATE OR REPLACE TEMP TABLE _pa AS SELECT o.eid, o.role, o.name, o.country, "
                "o.sector FROM event_actors o JOIN _pe ON o.eid = _pe.eid")
    try:
        profile: dict[str, Any] = {"actor": name, "events": int(con.execute(
            "SELECT count(*) FROM _pe").fetchall()[0][0])}
        profile["names"] = dicts(con.execute(
            f"SELECT o.name, o.country, o.sector, count(*) AS n FROM _pa o "
            f"WHERE o.role IN ('source', 'target') AND {mine} "
            f"GROUP BY ALL ORDER BY n DESC, o.name LIMIT ?", mp + [limit]))
        for key, col in (("by_type", "type"), ("by_status", "status")):
            profile[key] = dicts(con.execute(
                f"SELECT {col}, count(*) AS n FROM _pe GROUP BY 1 ORDER BY n DESC, 1"))
        profile["by_month"] = dicts(con.execute(
            "SELECT month, type, count(*) AS n FROM _pe GROUP BY ALL ORDER BY month, type"))
        profile["counterparts"] = dicts(con.execute(
            f"""SELECT o.name, o.country, o.sector, o.role, count(*) AS n
                FROM _pa o WHERE o.role IN ('source', 'target') AND NOT ({mine})
                GROUP BY ALL ORDER BY n DESC, o.name LIMIT ?""", mp + [limit]))
        profile["quoted_by"] = dicts(con.execute(
            """SELECT o.name, count(*) AS n FROM _pa o
               WHERE o.role = 'attributed_to' GROUP BY ALL ORDER BY n DESC, o.name LIMIT ?""",
            [limit]))
    finally:
        con.execute("DROP TABLE IF EXISTS _pe")
        con.execute("DROP TABLE IF EXISTS _pa")
    return profile


def quotes(con: Con, speaker: str | None = None, since: object = None,
           until: object = None, outlet: str | None = None, text: str | None = None,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes and reported speech, newest first, optionally by speaker."""
    conds, params = ["q.latest"], []
    if speaker:
        cond, p = actor_match(speaker, alias="q")
        cond = cond.replace("q.name", "q.speaker_name").replace("q.country", "q.speaker_country")
        conds.append(cond)
        params += p
    for value, sql in ((parse_day(since, "since"), "q.published >= ?"),
                       (parse_day(until, "until"), "q.published <= ?")):
        if value:
            conds.append(sql)
            params.append(value)
    if outlet:
        conds.append("q.outlet ILIKE ? ESCAPE '\\'")
        params.append(like(outlet))
    for word in (text or "").split():
        conds.append("q.content ILIKE ? ESCAPE '\\'")
        params.append(like(word))
    sql = f"""SELECT q.article_id, q.attribution_id, q.kind, q.status, q.speaker_name AS speaker,
                     q.speaker AS speaker_text, q.speaker_country, q.cue, q.content,
                     array_to_string(q.via, '; ') AS via, q.published, q.outlet, a.title, a.url
              FROM attributions q JOIN articles a ON a.article_id = q.article_id
              WHERE {' AND '.join(conds)}
              ORDER BY q.published DESC NULLS LAST, q.article_id, q.cue_start LIMIT ? OFFSET ?"""
    return fetch(con, sql, params + [limit, offset])


# Events (latest article versions) where the actor is source or target.
_ACTOR_EVENTS = """SELECT ea.eid FROM event_actors ea
    WHERE ea.actor_key = ? AND ea.role IN ('source', 'target') AND ea.latest"""


def actor_directory(con: Con, name: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Actors by number of events, optionally those whose name/code contains ``name``."""
    params: list[Any] = []
    cond = "a.actor_key IS NOT NULL"
    if name:
        cond += " AND (a.name ILIKE ? ESCAPE '\\' OR a.country = ? OR a.actor_key = ?)"
        params += [like(name), name.upper(), name]
    return fetch(con, f"""
        WITH hits AS (SELECT a.actor_key, mode(a.name) AS name, mode(a.kind) AS kind,
                             mode(a.country) AS country, mode(a.sector) AS sector,
                             count(DISTINCT a.article_id) AS n_articles
                      FROM actors a WHERE {cond} GROUP BY a.actor_key),
             n AS (SELECT ea.actor_key, count(DISTINCT ea.eid) AS n_events
                   FROM event_actors ea WHERE ea.role IN ('source', 'target') AND ea.latest
                   AND ea.actor_key IN (SELECT actor_key FROM hits) GROUP BY ea.actor_key)
        SELECT hits.*, coalesce(n.n_events, 0) AS n_events FROM hits LEFT JOIN n USING (actor_key)
        ORDER BY n_events DESC, n_articles DESC, name, actor_key LIMIT ? OFFSET ?""",
                [*params, limit, offset])


def actor_summary(con: Con, key: str) -> dict[str, Any] | None:
    """Most frequent name, kind and codes of one actor, or None when the key is unknown."""
    found = fetch(con, """
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


def actor_counterparts(con: Con, key: str, limit: int = 12) -> list[tuple[str, str | None, int, int]]:
    """Actors most often on the other side of the actor's events (each direction counted):
    (actor key, most frequent name, times the actor acted on them, times they acted on it)."""
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
    return [(k, n, int(out), int(inc)) for k, n, out, inc in found]


def actor_quotes(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """What the actor is quoted or reported as saying, newest first."""
    # The page of quotes is cut before the join with articles (for the titles).
    return fetch(con, """
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
    return fetch(con, f"""
        SELECT {REPORT_COLUMNS} FROM events e
        WHERE e.latest AND e.eid IN (SELECT eid FROM event_actors
                                     WHERE actor_key = ? AND role = 'attributed_to' AND latest)
        ORDER BY e.event_date DESC NULLS LAST, e.eid DESC LIMIT ?""", [key, limit])


def claims_about(con: Con, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Events with the actor as source or target that someone else is said to claim."""
    # One pass over the actor's event_actors rows decides both conditions (a side of
    # the event, not its attributed source); the page is cut before the wide columns.
    return fetch(con, f"""
        WITH mine AS (SELECT eid FROM event_actors WHERE actor_key = ? AND latest GROUP BY eid
                      HAVING bool_or(role IN ('source', 'target'))
                         AND NOT bool_or(role = 'attributed_to')),
             page AS (SELECT e.eid FROM events e
                      WHERE e.latest AND e.eid IN (SELECT eid FROM mine)
                        AND (e.attribution_id IS NOT NULL OR len(e.attributed_names) > 0)
                      ORDER BY e.event_date DESC NULLS LAST, e.eid DESC LIMIT ?)
        SELECT {REPORT_COLUMNS} FROM events e WHERE e.eid IN (SELECT eid FROM page)
        ORDER BY e.event_date DESC NULLS LAST, e.eid DESC""", [key, limit])


def search(con: Con, q: str, limit: int = 25) -> dict[str, list[dict[str, Any]]]:
    """Actors, articles and quotes containing ``q`` (case-insensitive)."""
    pattern = like(q)
    articles = fetch(con, """
        SELECT article_id, title, source, outlet, CAST(published AS VARCHAR) AS published
        FROM articles WHERE latest AND (title ILIKE ? ESCAPE '\\' OR outlet ILIKE ? ESCAPE '\\'
                                        OR url ILIKE ? ESCAPE '\\')
        ORDER BY published DESC NULLS LAST LIMIT ?""", [pattern, pattern, pattern, limit])
    quotes = fetch(con, """
        SELECT t.content AS text, coalesce(t.speaker_name, t.speaker) AS speaker,
               t.article_id, ar.title
        FROM attributions t JOIN articles ar ON ar.article_id = t.article_id
        WHERE t.latest AND (t.content ILIKE ? ESCAPE '\\' OR t.speaker_name ILIKE ? ESCAPE '\\'
                            OR t.speaker ILIKE ? ESCAPE '\\')
        ORDER BY t.published DESC NULLS LAST LIMIT ?""", [pattern, pattern, pattern, limit])
    return {"actors": actor_directory(con, q, limit, 0), "articles": articles, "quotes": quotes}
