"""Articles, stories, contradictions and search."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..store import queries as store_queries
from ..stories import is_stale
from . import queries
from .pages import page_param, render, text_param
from .views import article_html

router = APIRouter()
PAGE = 50


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request) -> HTMLResponse:
    """Stored articles, newest first."""
    page = page_param(request)
    with request.app.state.store.connect() as con:
        rows = store_queries.latest_articles(con, PAGE + 1, (page - 1) * PAGE)
    return render(request, "articles.html", {"rows": rows[:PAGE], "page": page,
                                             "more": len(rows) > PAGE, "section": "articles"})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    """The full text with everything coded highlighted, and the list of what was coded."""
    with request.app.state.store.connect() as con:
        result = store_queries.article_result(con, article_id)
        if result is None:
            raise HTTPException(404, f"no article {article_id!r}")
        keys = store_queries.actor_keys(con, article_id)
        event_keys = store_queries.public_event_ids(con, article_id)
        versions = store_queries.article_versions(con, result.article.url)
    return render(request, "article.html", {
        "result": result, "article_id": article_id, "text": article_html(result),
        "versions": versions if len(versions) > 1 else [],
        "keys": keys, "event_keys": event_keys, "section": "articles"})


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request) -> HTMLResponse:
    """Stories (one event reported by several articles), most reported first."""
    page = page_param(request)
    with request.app.state.store.connect() as con:
        rows = [queries.with_statuses(r) for r in
                store_queries.story_summaries(con, PAGE + 1, (page - 1) * PAGE)]
        stale = is_stale(con)
    return render(request, "stories.html", {"rows": rows[:PAGE], "page": page, "stale": stale,
                                            "more": len(rows) > PAGE, "section": "stories"})


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    """One story and every report of it."""
    with request.app.state.store.connect() as con:
        found = store_queries.story_summary(con, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        reports = queries.with_why(store_queries.story_report_rows(con, story_id))
        links = store_queries.story_links(con, story_id)
        figures = queries.with_figure_labels(store_queries.story_figures(con, story_id))
    found = queries.with_statuses(found)
    return render(request, "story.html", {"story": found, "reports": reports, "links": links,
                                          "figures": figures, "section": "stories"})


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(request: Request) -> HTMLResponse:
    """Claims next to their denials, and conflicting figures, with their sources."""
    page = page_param(request)
    with request.app.state.store.connect() as con:
        rows = queries.contradiction_pairs(
            store_queries.contradiction_rows(con, PAGE + 1, (page - 1) * PAGE))
        # the counts explain an empty first page; no other page shows them
        counts = store_queries.contradiction_counts(con) if page == 1 and not rows else None
        stale = is_stale(con)
    return render(request, "contradictions.html", {
        "rows": rows[:PAGE], "page": page, "more": len(rows) > PAGE, "stale": stale,
        "counts": counts, "section": "contradictions"})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> HTMLResponse:
    """Actors, articles and quotes matching the words typed in the search box."""
    q = text_param(request, "q")
    found = {"actors": [], "articles": [], "quotes": []}
    if q:
        with request.app.state.store.connect() as con:
            found = store_queries.search(con, q, limit=25)
    return render(request, "search.html", {"q": q, **found})
