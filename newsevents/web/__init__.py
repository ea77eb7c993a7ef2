"""The local web app (``newsevents serve``): FastAPI, Jinja2 templates, vendored htmx."""

from .app import create_app

__all__ = ["create_app"]
