"""Read-only SQL of the web pages over the store schema (:mod:`newsevents.store.schema`).

Filtered event lists take the store's one :class:`~newsevents.store.filters.EventFilter`
and its one WHERE clause and sort; counting them is :func:`newsevents.store.queries.count_events`.
Names differ from :mod:`newsevents.store.queries` wherever the results do
(these rows are shaped for the pages), so one name means one thing.

Every value from a request is a bound parameter; the only SQL text built at
run time comes from fixed fragments chosen by validated keys (sort columns,
filter clauses).  Only the latest version of each article is listed.
Rows are returned as plain dicts for the templates; an article or event
page rebuilds the typed records from the stored ``newsevents/1`` record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import duckdb

from ..contract import from_json
from ..records import ArticleResult, Event
# one filter clause for the web app and `newsevents events`: the same filter selects the same events
from ..store.filters import EventFilter, like, order_by
from ..store.filters import where as where_clause
from ..stories.figures import bound_label

Con = duckdb.DuckDBPyConnection

#: Columns of one row of the events table (a "report").
EVENT_COLUMNS = """
    e.article_id || ':' || e.event_id AS event_id, e.article_id, CAST(e.event_date AS VARCHAR) AS date,
    e.type, e.status, array_to_string(e.source_names, ', ') AS source,
    array_to_string(e.target_names, ', ') AS target,
    array_to_string(e.attributed_names, ', ') AS attributed_to, e.outlet,
    round(e.confidence, 3) AS confidence, e.evidence"""


def rows(con: Con, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
    """All rows of a query as dicts."""
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def events_page(con: Con, f: EventFilter) -> list[dict[str, Any]]:
    """One page of event reports matching ``f``, in its sort order."""
    where, params = where_clause(f)
    # Late materialisation: sort and cut the page on narrow columns, then fetch the
    # wide ones (evidence, names) for the page's rows only (2x faster at 1M events).
    order = order_by(f)
    sql = (f"WITH page AS (SELECT e.eid FROM events e WHERE {where} ORDER BY {order} "
           f"LIMIT ? OFFSET ?) SELECT e.eid, {EVENT_COLUMNS} FROM events e "
           f"WHERE e.eid IN (SELECT eid FROM page) ORDER BY {order}")
    found = rows(con, sql, [*params, f.limit, f.offset])
    links = actor_links(con, [r["eid"] for r in found])
    for r in found:
        r["actors"] = links.get(r["eid"], {})
    return found


def actor_links(con: Con, eids: list[int]) -> dict[int, dict[str, list[tuple[str, str | None]]]]:
    """For each event: role -> [(name, actor key or None)], for links to actor pages."""
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


def event_rows(con: Con, f: EventFilter, batch: int = 5000) -> Iterator[list[dict[str, Any]]]:
    """Every event report matching ``f`` (all pages), in batches, for the CSV download."""
    where, params = where_clause(f)
    cur = con.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE {where} ORDER BY {order_by(f)}",
                      params)
    names = [d[0] for d in cur.description]
    while chunk := cur.fetchmany(batch):
        yield [dict(zip(names, r)) for r in chunk]


def frequent_outlets(con: Con, limit: int = 200) -> list[str]:
    """Outlets of the stored articles, most frequent first (for the filter's suggestions)."""
    found = con.execute("SELECT outlet FROM articles WHERE latest AND outlet IS NOT NULL "
                        "GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT ?", [limit])
    return [r[0] for r in found.fetchall()]


def _result(con: Con, article_id: str) -> ArticleResult | None:
    found = con.execute("SELECT record FROM articles WHERE article_id = ? LIMIT 1",
                        [article_id]).fetchone()
    if found is None:
        return None
    result = from_json(json.loads(found[0]))
    return result if isinstance(result, ArticleResult) else None


def actor_keys(con: Con, article_id: str) -> dict[str, str]:
    """Article-local actor id -> store-wide actor key, for links to actor pages."""
    found = con.execute("SELECT actor_id, actor_key FROM actors WHERE article_id = ? "
                        "AND actor_key IS NOT NULL", [article_id]).fetchall()
    return dict(found)


def get_article(con: Con, article_id: str) -> tuple[ArticleResult, dict, dict] | None:
    """The article's records, its actor keys and event id -> public event id."""
    result = _result(con, article_id)
    if result is None:
        return None
    event_keys = dict(con.execute("SELECT event_id, article_id || ':' || event_id FROM events "
                                  "WHERE article_id = ?", [article_id]).fetchall())
    return result, actor_keys(con, article_id), event_keys


def split_uid(event_uid: str) -> tuple[str, str]:
    """``(article_id, event_id)`` of a public event id ``<article_id>:<event_id>``."""
    article_id, _, event_id = event_uid.rpartition(":")
    return article_id, event_id


def versions_of_article(con: Con, article_id: str) -> list[dict[str, Any]]:
    """Every stored version of the article's URL, oldest first (empty without a URL)."""
    return rows(con, """
        SELECT a.article_id, a.version, a.latest, CAST(a.ingested_at AS VARCHAR) AS ingested_at
        FROM articles a
        WHERE a.url = (SELECT url FROM articles WHERE article_id = ? LIMIT 1)
        ORDER BY a.version""", [article_id])


def event_records(con: Con, event_uid: str) -> tuple[ArticleResult, Event, str] | None:
    """The article records and the event behind a public event id, and the article id."""
    article_id, event_id = split_uid(event_uid)
    if not article_id or not event_id:
        return None
    result = _result(con, article_id)
    if result is None:
        return None
    for event in result.events:
        if event.id == event_id:
            return result, event, article_id
    return None


def story_of_event(con: Con, event_uid: str) -> dict[str, Any] | None:
    """The story an event report belongs to, if any."""
    found = rows(con, """
        SELECT s.story_id, s.type, s.label, CAST(s.first_seen AS VARCHAR) AS first_seen,
               CAST(s.last_seen AS VARCHAR) AS last_seen, s.n_reports, s.n_articles,
               s.n_outlets, s.n_sources
        FROM events e JOIN story_events se ON se.eid = e.eid
        JOIN stories s ON s.story_id = se.story_id
        WHERE e.article_id = ? AND e.event_id = ? LIMIT 1""", list(split_uid(event_uid)))
    return found[0] if found else None


def _with_statuses(story: dict[str, Any]) -> dict[str, Any]:
    """``statuses`` (stored as a JSON object of counts) as [(status, n)], most frequent first."""
    try:
        counts = json.loads(story.get("statuses") or "{}")
    except ValueError:
        counts = {}
    story["statuses"] = sorted(((str(k), int(v)) for k, v in counts.items()),
                               key=lambda kv: (-kv[1], kv[0]))
    return story


def get_story(con: Con, story_id: str) -> dict[str, Any] | None:
    """One story's summary row."""
    found = rows(con, """
        SELECT story_id, type, label, CAST(first_seen AS VARCHAR) AS first_seen,
               CAST(last_seen AS VARCHAR) AS last_seen, CAST(event_start AS VARCHAR) AS event_start,
               CAST(event_end AS VARCHAR) AS event_end, n_reports, n_articles, n_outlets,
               n_sources, n_independent, statuses FROM stories WHERE story_id = ? LIMIT 1""",
                 [story_id])
    return _with_statuses(found[0]) if found else None


def story_report_rows(con: Con, story_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """The event reports of a story in order of publication, each with why it joined."""
    found = rows(con, f"""
        SELECT {EVENT_COLUMNS}, CAST(e.published AS VARCHAR) AS published,
               e.date_value AS event_day, se.why
        FROM story_events se JOIN events e ON e.eid = se.eid
        WHERE se.story_id = ? ORDER BY e.published NULLS LAST, e.eid LIMIT ?""",
                  [story_id, limit])
    for r in found:
        r["why"] = _why(r["why"])
    return found


def list_stories(con: Con, limit: int, offset: int) -> list[dict[str, Any]]:
    """Stories, most reported first, each with one example sentence."""
    found = rows(con, """
        SELECT s.story_id, s.type, s.label, s.n_articles, s.n_outlets, s.n_sources,
               s.n_independent, s.statuses,
               CAST(s.first_seen AS VARCHAR) AS first_seen,
               CAST(s.last_seen AS VARCHAR) AS last_seen,
               CAST(s.event_start AS VARCHAR) AS event_start,
               (SELECT min(e.evidence) FROM story_events se JOIN events e ON e.eid = se.eid
                WHERE se.story_id = s.story_id) AS evidence
        FROM stories s ORDER BY s.n_articles DESC, s.last_seen DESC NULLS LAST, s.story_id
        LIMIT ? OFFSET ?""", [limit, offset])
    return [_with_statuses(r) for r in found]


def list_articles(con: Con, limit: int, offset: int) -> list[dict[str, Any]]:
    """Latest article versions, newest first."""
    return rows(con, """
        SELECT article_id, title, source, outlet, CAST(published AS VARCHAR) AS published,
               n_events FROM articles WHERE latest
        ORDER BY published DESC NULLS LAST, ingested_at DESC, article_id
        LIMIT ? OFFSET ?""", [limit, offset])


_SIDE = ("event_id", "type", "status", "evidence", "outlet", "attributed_to", "article_id", "date",
         "published", "source", "target")
KIND_LABELS = {"denial": "A claim and its denial", "figures": "Conflicting figures"}
RULE_LABELS = {"denial": "a claim and its denial", "negation": "a claim and its negation",
               "accusation rejected": "an accusation and its rejection",
               "conflicting figures": "conflicting figures"}


def _side_columns(alias: str) -> str:
    return (f"{alias}.article_id || ':' || {alias}.event_id AS {alias}_event_id, {alias}.type AS {alias}_type, "
            f"{alias}.status AS {alias}_status, {alias}.evidence AS {alias}_evidence, "
            f"{alias}.outlet AS {alias}_outlet, "
            f"array_to_string({alias}.attributed_names, ', ') AS {alias}_attributed_to, "
            f"array_to_string({alias}.source_names, ', ') AS {alias}_source, "
            f"array_to_string({alias}.target_names, ', ') AS {alias}_target, "
            f"{alias}.article_id AS {alias}_article_id, "
            f"CAST({alias}.published AS VARCHAR) AS {alias}_published, "
            f"{alias}.date_value AS {alias}_date")


def _why(raw: str | None) -> dict[str, Any]:
    try:
        found = json.loads(raw) if raw else {}
    except ValueError:
        found = {}
    return found if isinstance(found, dict) else {}


def contradiction_counts(con: Con) -> dict[str, int]:
    """Contradictions by kind, and the reports that could be part of one (for empty states)."""
    kinds = dict(con.execute("SELECT kind, count(*) FROM contradictions GROUP BY kind").fetchall())
    denials = con.execute("SELECT count(*) FROM events WHERE latest AND status IN "
                          "('denied', 'negated')").fetchall()[0][0]
    dated = con.execute("SELECT count(*) FROM events WHERE latest AND (date_start IS NOT NULL "
                        "OR published IS NOT NULL)").fetchall()[0][0]
    return {"denial": int(kinds.get("denial", 0)), "figures": int(kinds.get("figures", 0)),
            "denials": int(denials), "dated": int(dated)}


def list_contradictions(con: Con, limit: int, offset: int) -> list[dict[str, Any]]:
    """Linked pairs of event reports (claim/denial, conflicting figures), strongest first."""
    found = rows(con, f"""
        SELECT c.kind, c.rule, c.strength, c.what, c.note, c.story_id, c.why,
               {_side_columns('a')}, {_side_columns('b')}
        FROM contradictions c JOIN events a ON a.eid = c.a_eid JOIN events b ON b.eid = c.b_eid
        ORDER BY c.strength DESC NULLS LAST, greatest(a.published, b.published) DESC NULLS LAST,
                 c.a_eid, c.b_eid
        LIMIT ? OFFSET ?""", [limit, offset])
    out = []
    for r in found:
        why = _why(r["why"])
        left = {k: r[f"a_{k}"] for k in _SIDE}
        right = {k: r[f"b_{k}"] for k in _SIDE}
        left["figure"], right["figure"] = why.pop("figure_a", None), why.pop("figure_b", None)
        series = why.pop("series", [])
        why.pop("ranges", None)
        rule = r["rule"] or r["kind"]
        out.append({"kind": r["kind"], "note": r["note"], "story_id": r["story_id"],
                    "what": r["what"], "strength": r["strength"],
                    "kind_label": RULE_LABELS.get(rule, KIND_LABELS.get(r["kind"], str(rule))),
                    "why": {k: v for k, v in why.items() if v not in (None, "", [])},
                    "series": series, "left": left, "right": right})
    return out


def story_links(con: Con, story_id: str) -> list[dict[str, Any]]:
    """Stories linked to this one: the act a speech act is about, or the speech acts about it."""
    return rows(con, """
        SELECT 'about' AS direction, l.about_story_id AS story_id, s.label, l.why
        FROM story_links l JOIN stories s ON s.story_id = l.about_story_id
        WHERE l.story_id = ?
        UNION ALL
        SELECT 'said of it' AS direction, l.story_id, s.label, l.why
        FROM story_links l JOIN stories s ON s.story_id = l.story_id
        WHERE l.about_story_id = ?
        ORDER BY 1, 2 LIMIT 50""", [story_id, story_id])


def story_figures(con: Con, story_id: str) -> list[dict[str, Any]]:
    """Every figure of a story's reports, in publication order: the quantity series."""
    found = rows(con, """
        SELECT q.what, q.unit, q.value, q.min_value, q.max_value, q.approx, q.text,
               CAST(e.published AS VARCHAR) AS published, e.outlet,
               array_to_string(e.attributed_names, ', ') AS attributed_to,
               e.article_id || ':' || e.event_id AS event_id
        FROM story_events se JOIN events e ON e.eid = se.eid JOIN quantities q ON q.eid = e.eid
        WHERE se.story_id = ? ORDER BY q.what, e.published NULLS LAST, e.eid LIMIT 500""",
                 [story_id])
    for r in found:
        r["figure"] = bound_label(r["value"], r["min_value"], r["max_value"], r["approx"])
    return found
