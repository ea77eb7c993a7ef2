"""Queries over articles: one coded article, its versions, article lists, outlets."""

from __future__ import annotations

import json
from typing import Any

from ...contract import from_json
from ...records import ArticleResult, Event
from .sql import Con, fetch, split_event_id


def article_result(con: Con, article_id: str) -> ArticleResult | None:
    """The full coded article (from its stored contract record), or ``None``."""
    rows = con.execute("SELECT record FROM articles WHERE article_id = ?", [article_id]).fetchall()
    if not rows:
        return None
    result = from_json(json.loads(rows[0][0]))
    assert isinstance(result, ArticleResult)
    return result


def event_record(con: Con, event_uid: str) -> tuple[ArticleResult, Event, str] | None:
    """The coded article and the event behind a public event id, and the article id."""
    article_id, event_id = split_event_id(event_uid)
    if not article_id or not event_id:
        return None
    result = article_result(con, article_id)
    if result is None:
        return None
    for event in result.events:
        if event.id == event_id:
            return result, event, article_id
    return None


def article_versions(con: Con, url: str | None) -> list[dict[str, Any]]:
    """Every stored version of the article at ``url``, oldest first (none without a URL)."""
    return fetch(con, "SELECT article_id, version, latest, title, published, ingested_at, n_events "
                      "FROM articles WHERE url = ? ORDER BY version", [url])


def actor_keys(con: Con, article_id: str) -> dict[str, str]:
    """Article-local actor id -> store-wide actor key (for links to actor pages)."""
    found = con.execute("SELECT actor_id, actor_key FROM actors WHERE article_id = ? "
                        "AND actor_key IS NOT NULL", [article_id]).fetchall()
    return dict(found)


def latest_articles(con: Con, limit: int, offset: int) -> list[dict[str, Any]]:
    """Latest article versions, newest first (dates as text)."""
    return fetch(con, """
        SELECT article_id, title, source, outlet, CAST(published AS VARCHAR) AS published,
               n_events FROM articles WHERE latest
        ORDER BY published DESC NULLS LAST, ingested_at DESC, article_id
        LIMIT ? OFFSET ?""", [limit, offset])


def outlets(con: Con) -> list[str]:
    """Distinct outlets of the latest articles, alphabetically."""
    rows = con.execute("SELECT DISTINCT outlet FROM articles WHERE latest AND outlet IS NOT NULL "
                       "ORDER BY outlet").fetchall()
    return [r[0] for r in rows]


def frequent_outlets(con: Con, limit: int = 200) -> list[str]:
    """Outlets of the latest articles, most frequent first (up to ``limit``)."""
    found = con.execute("SELECT outlet FROM articles WHERE latest AND outlet IS NOT NULL "
                        "GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT ?", [limit])
    return [r[0] for r in found.fetchall()]
