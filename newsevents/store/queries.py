"""Read queries over the store: the Python API behind the CLI and the web app.

Every function takes an open DuckDB connection (``newsevents.store.connect(path,
read_only=True)``) and returns plain Python (dicts, lists, dates).  Filters are
:class:`EventFilter` (build one from user strings with :func:`event_filter`,
which validates and raises :class:`~newsevents.errors.UsageError`; the web
app builds the same class from a query string).  All SQL is parameterised.

Signatures::

    event_filter(**raw) -> EventFilter                     # validate user input
    count_events(con, f=None) -> int
    list_events(con, f=None) -> list[dict]                 # one page (f.limit / f.offset)
    iter_events(con, f=None, batch_size=1000) -> Iterator[list[dict]]   # all rows
    get_event(con, event_uid) -> dict | None               # one event + its article ids
    article_result(con, article_id) -> ArticleResult | None  # the full coded article
    article_versions(con, url) -> list[dict]
    outlets(con) -> list[str]
    actors(con, name=None, country=None, sector=None, limit=100) -> list[dict]
    actor_profile(con, name, since=None, until=None, limit=20) -> dict
    quotes(con, speaker=None, since=None, until=None, outlet=None, text=None,
           limit=100, offset=0) -> list[dict]
    stats(con, by="type", f=None) -> list[dict]            # by: type|month|country|status|outlet
    stories(con, f=None, min_articles=1, limit=100, offset=0) -> list[dict]
    story_reports(con, story_id) -> list[dict]
    contradictions(con, kind=None, limit=100, offset=0) -> list[dict]   # kind: denial|figures;
                                                        # strongest first, each with rule and why

Event rows (``list_events``) have the keys :data:`EVENT_COLUMNS`; list-valued
actor columns are joined with "; ".  ``event_id`` is the public id
``<article_id>:<event id>``; ``date`` is the event's own date when the text
gives one, else the publication date.  By default only the latest version of
each article is searched (``EventFilter.latest_only``).

Actor arguments accept a country in any form the gazetteer knows (name, ISO3
code, demonym, capital: "Iran", "IRN", "Iranian", "Tehran" all mean every
actor coded IRN); any other text matches actor names containing it.

Measured on 1M synthetic events (benchmarks/store.py, 2 shared cores):
an events page ~25 ms CPU, an actor + type + date-range page ~45 ms CPU,
an actor profile ~115 ms CPU.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

import duckdb

from ..contract import from_json
from ..errors import UsageError
from ..records import ArticleResult
from .filters import EventFilter, actor_match, event_filter, like, order_by, parse_day, where

#: Keys of one event row, in display order.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "date", "type", "mode", "status", "source", "target",
    "attributed_to", "via", "outlet", "published", "title", "url", "confidence", "trigger",
    "evidence", "location", "date_text", "story_id")

_EVENT_SELECT = """
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


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


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
    rows = _rows(con.execute(sql, params + [limit, offset]))
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
    sql = _EVENT_SELECT.format(where=cond, order=order_by(f), page="")
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
    article_id, _, local = event_uid.rpartition(":")
    sql = _EVENT_SELECT.format(where="e.article_id = ? AND e.event_id = ?", order="e.eid",
                               page="")
    rows = _rows(con.execute(sql, [article_id, local]))
    if not rows:
        return None
    row = rows[0]
    row["local_id"] = event_uid.rsplit(":", 1)[-1]
    return row


def article_result(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleResult | None:
    """The full coded article (from its stored contract record), or ``None``."""
    rows = con.execute("SELECT record FROM articles WHERE article_id = ?", [article_id]).fetchall()
    if not rows:
        return None
    result = from_json(json.loads(rows[0][0]))
    assert isinstance(result, ArticleResult)
    return result


def article_versions(con: duckdb.DuckDBPyConnection, url: str) -> list[dict[str, Any]]:
    """Every stored version of the article at ``url``, oldest first."""
    return _rows(con.execute(
        "SELECT article_id, version, latest, title, published, ingested_at, n_events "
        "FROM articles WHERE url = ? ORDER BY version", [url]))


def outlets(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Distinct outlets of the latest articles, alphabetically."""
    rows = con.execute("SELECT DISTINCT outlet FROM articles WHERE latest AND outlet IS NOT NULL "
                       "ORDER BY outlet").fetchall()
    return [r[0] for r in rows]


def actors(con: duckdb.DuckDBPyConnection, name: str | None = None, country: str | None = None,
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
    rows = _rows(con.execute(sql, params + [limit]))
    for r in rows:
        # one country is one actor key whatever the article called it (Iran, Tehran …)
        if r["actor_key"] == r["country"]:
            r["name"] = _country_name(r["country"]) or r["name"]
            r["sector"] = None
    return rows


def _country_name(code: str) -> str | None:
    from ..coding.vocab import gazetteer

    c = gazetteer.country_by_code(code)
    return c.name if c else None


def actor_profile(con: duckdb.DuckDBPyConnection, name: str, since: object = None,
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
        profile["names"] = _rows(con.execute(
            f"SELECT o.name, o.country, o.sector, count(*) AS n FROM _pa o "
            f"WHERE o.role IN ('source', 'target') AND {mine} "
            f"GROUP BY ALL ORDER BY n DESC, o.name LIMIT ?", mp + [limit]))
        for key, col in (("by_type", "type"), ("by_status", "status")):
            profile[key] = _rows(con.execute(
                f"SELECT {col}, count(*) AS n FROM _pe GROUP BY 1 ORDER BY n DESC, 1"))
        profile["by_month"] = _rows(con.execute(
            "SELECT month, type, count(*) AS n FROM _pe GROUP BY ALL ORDER BY month, type"))
        profile["counterparts"] = _rows(con.execute(
            f"""SELECT o.name, o.country, o.sector, o.role, count(*) AS n
                FROM _pa o WHERE o.role IN ('source', 'target') AND NOT ({mine})
                GROUP BY ALL ORDER BY n DESC, o.name LIMIT ?""", mp + [limit]))
        profile["quoted_by"] = _rows(con.execute(
            """SELECT o.name, count(*) AS n FROM _pa o
               WHERE o.role = 'attributed_to' GROUP BY ALL ORDER BY n DESC, o.name LIMIT ?""",
            [limit]))
    finally:
        con.execute("DROP TABLE IF EXISTS _pe")
        con.execute("DROP TABLE IF EXISTS _pa")
    return profile


def quotes(con: duckdb.DuckDBPyConnection, speaker: str | None = None, since: object = None,
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
    return _rows(con.execute(sql, params + [limit, offset]))


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
    return _rows(con.execute(sql, params))


def stories(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None, min_articles: int = 1,
            limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Stories with at least one report matching ``f``, most articles first."""
    cond, params = where(f)
    sql = f"""SELECT s.story_id, s.type, s.label, s.first_seen, s.last_seen, s.event_start,
                     s.event_end, s.n_reports, s.n_articles, s.n_outlets, s.n_sources,
                     s.n_independent, s.statuses
              FROM stories s
              WHERE s.n_articles >= ? AND s.story_id IN (
                  SELECT se.story_id FROM story_events se JOIN events e ON e.eid = se.eid
                  WHERE {cond})
              ORDER BY s.n_articles DESC, s.last_seen DESC NULLS LAST, s.story_id
              LIMIT ? OFFSET ?"""
    return _rows(con.execute(sql, [min_articles] + params + [limit, offset]))


def story_reports(con: duckdb.DuckDBPyConnection, story_id: str) -> list[dict[str, Any]]:
    """The reports (events) of one story in order of publication, each with why it joined."""
    sql = _EVENT_SELECT.format(
        where="e.eid IN (SELECT eid FROM story_events WHERE story_id = ?)",
        order="e.published ASC NULLS LAST, e.eid", page="")
    rows = _rows(con.execute(sql, [story_id]))
    why = {f"{a}:{e}": w for a, e, w in con.execute(
        "SELECT e.article_id, e.event_id, se.why FROM story_events se JOIN events e "
        "ON e.eid = se.eid WHERE se.story_id = ?", [story_id]).fetchall()}
    for r in rows:
        r["why"] = why.get(r.get("event_id"))
    return rows


def contradictions(con: duckdb.DuckDBPyConnection, kind: str | None = None, limit: int = 100,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Claim/denial pairs and conflicting figures, each side with its source and outlet."""
    if kind is not None and kind not in ("denial", "figures"):
        raise UsageError(f"unknown contradiction kind {kind!r}; choose denial or figures")
    side = """{s}.article_id || ':' || {s}.event_id AS {s}_event, {s}.type AS {s}_type, {s}.status AS {s}_status,
              array_to_string({s}.source_names, '; ') AS {s}_source,
              array_to_string({s}.target_names, '; ') AS {s}_target,
              array_to_string({s}.attributed_names, '; ') AS {s}_attributed_to,
              {s}.outlet AS {s}_outlet, {s}.published AS {s}_published,
              {s}.date_value AS {s}_event_date,
              {s}.evidence AS {s}_evidence"""
    sql = f"""SELECT c.kind, c.rule, c.strength, c.story_id, c.what, c.value_a, c.value_b,
                     c.note, c.why, {side.format(s='a')}, {side.format(s='b')}
              FROM contradictions c JOIN events a ON a.eid = c.a_eid
              JOIN events b ON b.eid = c.b_eid
              WHERE (? IS NULL OR c.kind = ?)
              ORDER BY c.strength DESC NULLS LAST, greatest(a.published, b.published) DESC
                       NULLS LAST, c.a_eid, c.b_eid LIMIT ? OFFSET ?"""
    return _rows(con.execute(sql, [kind, kind, limit, offset]))


__all__ = [
    "EVENT_COLUMNS", "EventFilter", "STATS_BY", "event_filter", "count_events", "list_events",
    "iter_events", "get_event", "article_result", "article_versions", "outlets", "actors",
    "actor_profile", "quotes", "stats", "stories", "story_reports", "contradictions",
]
