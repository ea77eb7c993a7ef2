"""Pages about actors: the list and one actor's profile."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from . import queries_actors as queries
from .charts import network_svg, timeline_svg
from .pages import page_param, render, text_param

router = APIRouter()
PAGE = 50


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request) -> HTMLResponse:
    """Actors by number of events, optionally filtered by name."""
    page, name = page_param(request), text_param(request, "name")
    with request.app.state.store.connect() as con:
        rows = queries.list_actors(con, name, PAGE + 1, (page - 1) * PAGE)
    return render(request, "actors.html", {
        "rows": rows[:PAGE], "page": page, "more": len(rows) > PAGE, "name": name,
        "section": "actors"})


@router.get("/actors/{actor_key:path}", response_class=HTMLResponse)
def actor(request: Request, actor_key: str) -> HTMLResponse:
    """One actor: timeline, counterparts network, quotes, claims by and about them."""
    with request.app.state.store.connect() as con:
        profile = queries.actor_by_key(con, actor_key)
        if profile is None:
            raise HTTPException(404, f"no actor {actor_key!r}")
        activity = queries.summarise_activity(queries.actor_activity(con, actor_key))
        counterparts = queries.actor_counterparts(con, actor_key, limit=12)
        quotes = queries.actor_quotes(con, actor_key, limit=20)
        claims_by = queries.claims_by(con, actor_key, limit=20)
        claims_about = queries.claims_about(con, actor_key, limit=20)
    return render(request, "actor.html", {
        "actor": profile, "activity": activity, "timeline": timeline_svg(activity["timeline"]),
        "network": network_svg(profile["name"], counterparts), "counterparts": counterparts,
        "quotes": quotes, "claims_by": claims_by, "claims_about": claims_about, "by_type": activity["by_type"],
        "section": "actors"})
