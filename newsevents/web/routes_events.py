"""Pages about events: the filterable table, its CSV download, one event."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse

from ..store import queries as store_queries
from . import queries
from .pages import render
from .filters import PAGE_SIZES, SORT_KEYS, parse_event_filter, query
from .views import attribution_chain, event_evidence

router = APIRouter()

CSV_COLUMNS = ("event_id", "article_id", "date", "type", "status", "source", "target",
               "attributed_to", "outlet", "confidence", "evidence")


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    """The events table is the front page."""
    return RedirectResponse("/events", status_code=307)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request) -> HTMLResponse:
    """The filterable, sortable, paginated events table (a fragment for htmx)."""
    f = parse_event_filter(request.query_params)
    with request.app.state.store.connect() as con:
        total = store_queries.count_events(con, f)
        rows = queries.events_page(con, f)
        outlets = store_queries.frequent_outlets(con)
    context = {"f": f, "rows": rows, "total": total, "outlets": outlets,
               "pages": max(1, -(-total // f.per_page)), "sort_keys": SORT_KEYS,
               "page_sizes": PAGE_SIZES, "section": "events"}
    # htmx asks for the results only; a normal request gets the whole page.
    # (a history restore after "Back" needs the whole page again).
    headers = request.headers
    partial = (headers.get("hx-request") == "true" and headers.get("hx-target") == "results"
               and headers.get("hx-history-restore-request") != "true")
    if not partial:
        return render(request, "events.html", context)
    response = render(request, "_events_table.html", context)
    # the address bar gets the canonical filter (no empty fields), ready to bookmark or share
    canonical = query(f)
    response.headers["HX-Push-Url"] = f"/events?{canonical}" if canonical else "/events"
    return response


def _csv_rows(request: Request, f) -> Iterator[str]:
    """CSV text in chunks; formula-like cells are defused for spreadsheets."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    with request.app.state.store.connect() as con:
        for batch in store_queries.report_batches(con, f):
            for row in batch:
                writer.writerow([_defuse(row[c]) for c in CSV_COLUMNS])
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _defuse(value: object) -> object:
    # A cell starting with = + - @ is run as a formula by spreadsheet programs.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


@router.get("/events.csv")
def events_csv(request: Request) -> StreamingResponse:
    """Every event matching the current filter (all pages), as CSV."""
    f = parse_event_filter(request.query_params)
    # Open once before streaming so a locked/missing store is reported as an error page.
    with request.app.state.store.connect():
        pass
    return StreamingResponse(
        _csv_rows(request, f), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="newsevents-events.csv"'})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> HTMLResponse:
    """One event: highlighted evidence, attribution chain, its story and other reports."""
    with request.app.state.store.connect() as con:
        found = store_queries.event_record(con, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        result, ev, article_id = found
        keys = store_queries.actor_keys(con, article_id)
        story = store_queries.story_of_event(con, event_id)
        reports = (queries.with_why(store_queries.story_report_rows(con, story["story_id"]))
                   if story else [])
    context = {"result": result, "event": ev, "article_id": article_id, "keys": keys,
               "evidence": event_evidence(result, ev), "chain": attribution_chain(result, ev),
               "story": story, "reports": [r for r in reports if r["event_id"] != event_id],
               "section": "events"}
    return render(request, "event.html", context)
