"""Pages about actors: the list and one actor's profile."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..store import queries as store_queries
from . import queries
from .charts import network_svg, timeline_svg
from .pages import page_param, render, text_param

router = APIRouter()
PAGE = 50


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request) -> HTMLResponse:
    """Actors by number of events, optionally filtered by name."""
    page, name = page_param(request), text_param(request, "name")
    with request.app.state.store.connect() as con:
        rows = store_queries.actor_directory(con, name, PAGE + 1, (page - 1) * PAGE)
    return render(request, "actors.html", {
        "rows": rows[:PAGE], "page": page, "more": len(rows) > PAGE, "name": name,
        "section": "actors"})


@router.get("/actors/{actor_key:path}", response_class=HTMLResponse)
def actor(request: Request, actor_key: str) -> HTMLResponse:
    """One actor: timeline, counterparts network, quotes, claims by and about them."""
    with request.app.state.store.connect() as con:
        profile = store_queries.actor_summary(con, actor_key)
        if profile is None:
            raise HTTPException(404, f"no actor {actor_key!r}")
        activity = queries.summarise_activity(store_queries.actor_activity(con, actor_key))
        counterparts = queries.counterparts(
            store_queries.actor_counterparts(con, actor_key, limit=12))
        quotes = store_queries.actor_quotes(con, actor_key, limit=20)
        claims_by = store_queries.claims_by(con, actor_key, limit=20)
        claims_about = store_queries.claims_about(con, actor_key, limit=20)
    return render(request, "actor.html", {
        "actor": profile, "activity": activity, "timeline": timeline_svg(activity["timeline"]),
        "network": network_svg(profile["name"], counterparts), "counterparts": counterparts,
        "quotes": quotes, "claims_by": claims_by, "claims_about": claims_about, "by_type": activity["by_type"],
        "section": "actors"})
