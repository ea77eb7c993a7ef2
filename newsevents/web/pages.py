"""Rendering pages: the Jinja templates (autoescaped), their filters, and request parameters.

The route modules (``routes_*``) and the app (:mod:`newsevents.web.app`) both
use this module, so the app can import its routes without a cycle.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.templating import Jinja2Templates

from ..records import EVENT_TYPES, STATUSES
from ..store.filters import clean_text
from .charts import type_colour
from .filters import MAX_PAGE, int_param, query
from .views import quantity_label

HERE = Path(__file__).resolve().parent


def path_quote(value: object) -> str:
    """``value`` quoted as ONE URL path segment ('/' included)."""
    return quote(str(value), safe="")


def safe_url(value: str | None) -> str | None:
    """The URL when it is plain http(s), else None: never a ``javascript:`` link."""
    if not value:
        return None
    url = value.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") and not any(ord(c) < 33 for c in url) else None


def make_templates() -> Jinja2Templates:
    # autoescape=True for EVERY template: article text is untrusted.
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(EVENT_TYPES=EVENT_TYPES, STATUSES=STATUSES, type_colour=type_colour, query=query,
                       result_ids=lambda result: {a.id for a in result.actors})
    env.filters.update(q=path_quote, safe_url=safe_url,
                       figure=quantity_label)
    return Jinja2Templates(env=env)


def render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    """Render ``template`` with ``context`` (autoescaped)."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status)


def page_param(request: Request) -> int:
    """The validated ``page`` query parameter (1 when absent)."""
    return int_param(request.query_params, "page", 1, 1, MAX_PAGE)


def text_param(request: Request, key: str) -> str:
    """A free-text query parameter, whitespace collapsed, capped ("" when absent)."""
    return clean_text(request.query_params.get(key), key) or ""
