"""The FastAPI application of ``newsevents serve``: a read-only view of the store.

``create_app(db_path)`` builds the app; every page opens the store read-only
for the duration of the request (see :mod:`newsevents.web.db`), so an ingest
can write the same file between requests.  Nothing here writes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.templating import Jinja2Templates

from ..errors import StoreBusy, StoreError, UsageError
from . import routes_actors, routes_events, routes_misc
from .db import ReadOnlyStore
from .pages import HERE, make_templates
from .security import SecurityHeaders

log = logging.getLogger(__name__)


def _error(request: Request, status: int, title: str, message: str,
           headers: dict[str, str] | None = None) -> Response:
    """An error page (HTML) or plain text for CSV/API-style paths."""
    if request.url.path.endswith(".csv") or "text/html" not in request.headers.get("accept", "text/html"):
        return PlainTextResponse(f"{title}: {message}\n", status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    context = {"title": title, "message": message, "status": status,
               "retry_after": (headers or {}).get("Retry-After")}
    return templates.TemplateResponse(request, "error.html", context, status_code=status,
                                      headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(UsageError)
    async def bad_request(request: Request, exc: UsageError) -> Response:
        return _error(request, 400, "Bad request", str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Response:
        return _error(request, 503, "Store busy", str(exc), {"Retry-After": "3"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.warning("store error on %s: %s", request.url.path, exc)
        return _error(request, 503, "Store unavailable", str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # A bug must not show a traceback (or article text) to the browser: log it instead.
        log.exception("error on %s", request.url.path)
        return _error(request, 500, "Internal error",
                      "The page could not be built; the server log has the details.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Error")
        message = exc.detail if isinstance(exc.detail, str) else title
        return _error(request, exc.status_code, title, message,
                      getattr(exc, "headers", None))


def create_app(db_path: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over the store at ``db_path``, opened read-only per request.

    ``allowed_hosts`` restricts the ``Host`` header (``newsevents serve`` passes
    the loopback names when it binds 127.0.0.1, so a web page cannot reach the
    app through DNS rebinding); ``None`` accepts any host.
    """
    app = FastAPI(title="newsevents", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = ReadOnlyStore(db_path)
    app.state.templates = make_templates()
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (routes_events, routes_actors, routes_misc):
        app.include_router(module.router)
    _install_error_handlers(app)
    return app
