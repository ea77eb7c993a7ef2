"""Queries over stories (one event reported across articles) and contradictions.

Two row shapes: :func:`stories`, :func:`story_reports` and :func:`contradictions`
give the CLI's and the API's rows (names joined with "; ", dates as dates);
the ``story_*`` and ``contradiction_*`` functions give the rows the web pages
show (names joined with ", ", dates as text, ``why`` and ``statuses`` as the
stored JSON text for the page to read).
"""

from __future__ import annotations

from typing import Any

from ...errors import UsageError
from ..filters import EventFilter, where
from .sql import EVENT_SELECT, REPORT_COLUMNS, Con, fetch, split_event_id


def stories(con: Con, f: EventFilter | None = None, min_articles: int = 1,
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
    return fetch(con, sql, [min_articles] + params + [limit, offset])


def story_reports(con: Con, story_id: str) -> list[dict[str, Any]]:
    """The reports (events) of one story in order of publication, each with why it joined."""
    sql = EVENT_SELECT.format(
        where="e.eid IN (SELECT eid FROM story_events WHERE story_id = ?)",
        order="e.published ASC NULLS LAST, e.eid", page="")
    rows = fetch(con, sql, [story_id])
    why = {f"{a}:{e}": w for a, e, w in con.execute(
        "SELECT e.article_id, e.event_id, se.why FROM story_events se JOIN events e "
        "ON e.eid = se.eid WHERE se.story_id = ?", [story_id]).fetchall()}
    for r in rows:
        r["why"] = why.get(r.get("event_id"))
    return rows


def contradictions(con: Con, kind: str | None = None, limit: int = 100,
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
    return fetch(con, sql, [kind, kind, limit, offset])


def story_of_event(con: Con, event_uid: str) -> dict[str, Any] | None:
    """The story an event report (public id) belongs to, if any."""
    found = fetch(con, """
        SELECT s.story_id, s.type, s.label, CAST(s.first_seen AS VARCHAR) AS first_seen,
               CAST(s.last_seen AS VARCHAR) AS last_seen, s.n_reports, s.n_articles,
               s.n_outlets, s.n_sources
        FROM events e JOIN story_events se ON se.eid = e.eid
        JOIN stories s ON s.story_id = se.story_id
        WHERE e.article_id = ? AND e.event_id = ? LIMIT 1""", list(split_event_id(event_uid)))
    return found[0] if found else None


def story_summary(con: Con, story_id: str) -> dict[str, Any] | None:
    """One story's summary row (dates as text, ``statuses`` as stored JSON), or ``None``."""
    found = fetch(con, """
        SELECT story_id, type, label, CAST(first_seen AS VARCHAR) AS first_seen,
               CAST(last_seen AS VARCHAR) AS last_seen, CAST(event_start AS VARCHAR) AS event_start,
               CAST(event_end AS VARCHAR) AS event_end, n_reports, n_articles, n_outlets,
               n_sources, n_independent, statuses FROM stories WHERE story_id = ? LIMIT 1""",
                  [story_id])
    return found[0] if found else None


def story_summaries(con: Con, limit: int, offset: int) -> list[dict[str, Any]]:
    """Stories, most reported first, each with one example sentence (``evidence``)."""
    return fetch(con, """
        SELECT s.story_id, s.type, s.label, s.n_articles, s.n_outlets, s.n_sources,
               s.n_independent, s.statuses,
               CAST(s.first_seen AS VARCHAR) AS first_seen,
               CAST(s.last_seen AS VARCHAR) AS last_seen,
               CAST(s.event_start AS VARCHAR) AS event_start,
               (SELECT min(e.evidence) FROM story_events se JOIN events e ON e.eid = se.eid
                WHERE se.story_id = s.story_id) AS evidence
        FROM stories s ORDER BY s.n_articles DESC, s.last_seen DESC NULLS LAST, s.story_id
        LIMIT ? OFFSET ?""", [limit, offset])


def story_report_rows(con: Con, story_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """The report rows of a story in order of publication, each with ``published``,
    ``event_day`` and ``why`` it joined (the stored JSON text)."""
    return fetch(con, f"""
        SELECT {REPORT_COLUMNS}, CAST(e.published AS VARCHAR) AS published,
               e.date_value AS event_day, se.why
        FROM story_events se JOIN events e ON e.eid = se.eid
        WHERE se.story_id = ? ORDER BY e.published NULLS LAST, e.eid LIMIT ?""",
                 [story_id, limit])


def story_links(con: Con, story_id: str) -> list[dict[str, Any]]:
    """Stories linked to this one: the act a speech act is about, or the speech acts about it."""
    return fetch(con, """
        SELECT 'about' AS direction, l.about_story_id AS story_id, s.label, l.why
        FROM story_links l JOIN stories s ON s.story_id = l.about_story_id
        WHERE l.story_id = ?
        UNION ALL
        SELECT 'said of it' AS direction, l.story_id, s.label, l.why
        FROM story_links l JOIN stories s ON s.story_id = l.story_id
        WHERE l.about_story_id = ?
        ORDER BY 1, 2 LIMIT 50""", [story_id, story_id])


def story_figures(con: Con, story_id: str) -> list[dict[str, Any]]:
    """Every figure of a story's reports (value, bounds, unit …), by what is counted, then
    in publication order: the quantity series."""
    return fetch(con, """
        SELECT q.what, q.unit, q.value, q.min_value, q.max_value, q.approx, q.text,
               CAST(e.published AS VARCHAR) AS published, e.outlet,
               array_to_string(e.attributed_names, ', ') AS attributed_to,
               e.article_id || ':' || e.event_id AS event_id
        FROM story_events se JOIN events e ON e.eid = se.eid JOIN quantities q ON q.eid = e.eid
        WHERE se.story_id = ? ORDER BY q.what, e.published NULLS LAST, e.eid LIMIT 500""",
                 [story_id])


#: The columns of each side (``a_…`` and ``b_…``) of a :func:`contradiction_rows` row.
CONTRADICTION_SIDE = ("event_id", "type", "status", "evidence", "outlet", "attributed_to",
                      "article_id", "date", "published", "source", "target")


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


def contradiction_rows(con: Con, limit: int, offset: int) -> list[dict[str, Any]]:
    """Linked pairs of reports (claim/denial, conflicting figures), strongest first (the
    order of :func:`contradictions`): kind, rule, strength, what, note, story_id, ``why``
    (stored JSON text) and the :data:`CONTRADICTION_SIDE` columns of sides ``a_`` and ``b_``."""
    return fetch(con, f"""
        SELECT c.kind, c.rule, c.strength, c.what, c.note, c.story_id, c.why,
               {_side_columns('a')}, {_side_columns('b')}
        FROM contradictions c JOIN events a ON a.eid = c.a_eid JOIN events b ON b.eid = c.b_eid
        ORDER BY c.strength DESC NULLS LAST, greatest(a.published, b.published) DESC NULLS LAST,
                 c.a_eid, c.b_eid
        LIMIT ? OFFSET ?""", [limit, offset])


def contradiction_counts(con: Con) -> dict[str, int]:
    """Contradictions by kind, and the reports that could be part of one (denied or
    negated ones; dated ones)."""
    kinds = dict(con.execute("SELECT kind, count(*) FROM contradictions GROUP BY kind").fetchall())
    denials = con.execute("SELECT count(*) FROM events WHERE latest AND status IN "
                          "('denied', 'negated')").fetchall()[0][0]
    dated = con.execute("SELECT count(*) FROM events WHERE latest AND (date_start IS NOT NULL "
                        "OR published IS NOT NULL)").fetchall()[0][0]
    return {"denial": int(kinds.get("denial", 0)), "figures": int(kinds.get("figures", 0)),
            "denials": int(denials), "dated": int(dated)}
