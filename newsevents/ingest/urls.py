"""Fetching pages and feeds over http(s), and nothing else.

Only ``http`` and ``https`` URLs are fetched; ``file:``, ``ftp:``, ``data:``
and every other scheme are refused, and so is a redirect that leads to one.
The fetching itself, with its timeouts, size cap, robots.txt, per-host pace
and retries, is :class:`newsevents.ingest.fetcher.Fetcher`; this module turns
its answers into documents and records.

Links found inside a feed (``--fetch``) are not the user's choice, so they
are fetched only when their host resolves to public addresses, or is the
feed's own host (:func:`newsevents.ingest.fetcher.check_public`;
``--fetch-private`` lifts this), and a redirect may not lead from there to a
private address either.  URLs the user names are fetched wherever they point.  Every fetch obeys the host's
robots.txt: a refused page is a ``skipped: robots`` record.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import InputError
from ..records import Document, Failed, Skipped
from .decode import decode
from .fetcher import DEFAULT_TIMEOUT, Fetched, Fetcher, RobotsRefused, TooLarge

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
PAGE_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1"


def is_url(location: str) -> bool:
    """True when ``location`` looks like a URL with a scheme (``http://…``, ``file:…``).

    Windows drive letters (``C:\\x``) are not URLs.
    """
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", location)) and not re.match(
        r"^[A-Za-z]:[\\/]", location)


@contextmanager
def fetcher_for(settings: Settings, fetcher: Fetcher | None) -> Iterator[Fetcher]:
    """``fetcher`` itself, or a new one for ``settings`` closed on exit (a one-off fetch)."""
    if fetcher is not None:
        yield fetcher
        return
    with Fetcher(settings.fetch) as own:
        yield own


def fetch_bytes(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 20_000_000,
                accept: str = PAGE_ACCEPT, public_only: bool = False,
                allowed_host: str | None = None, fetcher: Fetcher | None = None,
                settings: Settings | None = None) -> Fetched:
    """Download ``url`` (http/https only) and return its body, at most ``max_bytes`` of it.

    ``fetcher``: the run's :class:`Fetcher` (its pooled connections, robots.txt
    cache and per-host pace); a one-off one for ``settings`` when None.  Raises
    :class:`InputError` as :meth:`Fetcher.get` does.
    """
    with fetcher_for(settings or Settings(), fetcher) as f:
        return f.get(url, timeout=timeout, max_bytes=max_bytes, accept=accept,
                     public_only=public_only, allowed_host=allowed_host)


def content_type_of(media_type: str, body: bytes) -> str | None:
    """``"html"``, ``"text"`` or None (not a page we can read) for a response."""
    if media_type in _HTML_TYPES:
        return "html"
    if media_type in _TEXT_TYPES:
        return "text"
    if media_type in ("", "application/octet-stream"):
        # No useful header: sniff the first bytes.
        head = body[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
            return "html"
    return None


def refusal_record(url: str, exc: InputError) -> Skipped | Failed:
    """The record of a fetch that raised: robots and size refusals are skips."""
    if isinstance(exc, TooLarge):
        return Skipped(url, "too_large", str(exc))
    if isinstance(exc, RobotsRefused):
        return Skipped(url, "robots", str(exc))
    return Failed(url, exc.kind, str(exc))


def page_record(url: str, got: Fetched) -> Document | Skipped | Failed:
    """One fetched page as a document, or why it is not one (a type that is not text or HTML)."""
    kind = content_type_of(got.media_type, got.body)
    if kind is None:
        return Skipped(url, "unsupported_content_type", got.media_type or "no content type")
    try:
        text = decode(got.body, got.charset)
    except InputError as exc:
        return Failed(url, exc.kind, f"{url}: {exc}")
    return Document(source=url, content=text, content_type=kind, url=got.url)


def fetch_url(url: str, settings: Settings | None = None, timeout: float = DEFAULT_TIMEOUT,
              max_bytes: int | None = None, found_in: str | None = None,
              fetcher: Fetcher | None = None) -> Document | Skipped | Failed:
    """Fetch one page and return it as a :class:`Document`, or why it could not be.

    ``found_in``: the feed (file or URL) the link was found in; such a link
    must point to a public address or to the feed's own host, unless
    ``settings.fetch_private``.  ``fetcher``: the run's :class:`Fetcher`
    (a one-off one when None).  Never raises for a bad URL or response: a
    refused scheme or address, an HTTP error or a network failure is a
    :class:`Failed`; a page robots.txt refuses, a body over the size cap
    (cut after ``max_bytes``, default ``settings.max_bytes``) or of a type
    that is not text or HTML is a :class:`Skipped`.
    """
    settings = settings or Settings()
    cap = settings.max_bytes if max_bytes is None else max_bytes
    public_only = found_in is not None and not settings.fetch_private
    feed_host = urlsplit(found_in).hostname if found_in and is_url(found_in) else None
    try:
        got = fetch_bytes(url, timeout=timeout, max_bytes=cap, public_only=public_only,
                          allowed_host=feed_host, fetcher=fetcher, settings=settings)
    except InputError as exc:
        return refusal_record(url, exc)
    return page_record(url, got)
