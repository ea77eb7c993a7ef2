"""Fetching pages and feeds over http(s), and nothing else.

Only ``http`` and ``https`` URLs are fetched; ``file:``, ``ftp:``, ``data:``
and every other scheme are refused, and so is a redirect that leads to one.
Each fetch has a per-operation timeout plus an overall deadline (a server that
drips one byte a second cannot hold a run forever) and a size cap: the body is
read in chunks and the download stops as soon as the cap is passed, so memory
stays bounded whatever the server sends.
"""

from __future__ import annotations

import logging
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Iterator
from urllib.parse import urljoin, urlsplit

from ..config import Settings
from ..errors import InputError
from ..records import Document, Failed, Skipped
from .decode import decode

log = logging.getLogger(__name__)

USER_AGENT = "newsevents/0.1"
ALLOWED_SCHEMES = ("http", "https")
DEFAULT_TIMEOUT = 15.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True, slots=True)
class Fetched:
    """The raw answer to a fetch: final URL (after redirects), media type and body."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


class TooLarge(InputError):
    """The response body passed the size cap; the download was cut there."""

    def __init__(self, url: str, max_bytes: int) -> None:
        super().__init__(f"{url}: response larger than {max_bytes} bytes, download cut",
                         kind="too_large")
        self.max_bytes = max_bytes


def is_url(location: str) -> bool:
    """True when ``location`` looks like a URL with a scheme (``http://…``, ``file:…``).

    Windows drive letters (``C:\\x``) are not URLs.
    """
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", location)) and not re.match(
        r"^[A-Za-z]:[\\/]", location)


def check_url(url: str) -> None:
    """Raise :class:`InputError` (kind ``scheme_refused``) unless ``url`` is http(s) with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise InputError(f"{url}: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}",
                         kind="scheme_refused")
    if not parts.hostname:
        raise InputError(f"{url}: URL has no host", kind="bad_url")


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) URLs, and only a few of them."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: D102
        # Checked before urllib looks at it, so the refusal says why.
        target = headers.get("location") or headers.get("uri")
        if target:
            check_url(urljoin(req.full_url, target))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        check_url(newurl)  # newurl is absolute here
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # Built by hand rather than with build_opener(): that would add the
    # FileHandler, FTPHandler and DataHandler, i.e. exactly the schemes we refuse.
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), _SafeRedirect(),
                    urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _read_capped(resp, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(f"{url}: download took too long", kind="timeout")
        chunk = resp.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(url, max_bytes)
        chunks.append(chunk)


def fetch_bytes(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 20_000_000,
                accept: str = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1",
                ) -> Fetched:
    """Download ``url`` (http/https only) and return its body, at most ``max_bytes`` of it.

    Raises :class:`InputError` with a ``kind`` of ``scheme_refused``,
    ``bad_url``, ``http_error``, ``network_error``, ``timeout`` or
    ``too_large`` (:class:`TooLarge`).
    """
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    deadline = time.monotonic() + 4 * timeout
    try:
        with _opener().open(request, timeout=timeout) as resp:
            final = resp.geturl()
            check_url(final)
            body = _read_capped(resp, url, max_bytes, deadline)
            headers: Message = resp.headers
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}", kind="http_error") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, InputError):
            raise exc.reason from None
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise InputError(f"{url}: timed out after {timeout:g}s", kind="timeout") from None
        raise InputError(f"{url}: {exc.reason}", kind="network_error") from None
    except (socket.timeout, TimeoutError):
        raise InputError(f"{url}: timed out after {timeout:g}s", kind="timeout") from None
    except (OSError, ValueError) as exc:  # connection reset, bad status line, malformed URL …
        raise InputError(f"{url}: {exc}", kind="network_error") from None
    return Fetched(final, headers.get_content_type().lower(), headers.get_content_charset(), body)


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


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml")


def read_url(url: str, fetch: bool = False, settings: Settings | None = None,
             timeout: float = DEFAULT_TIMEOUT) -> Iterator[Document | Skipped | Failed]:
    """Documents from one http(s) URL: the items of a feed, or the page itself.

    A response that is an RSS/Atom feed (by media type or by its first bytes)
    is read with :func:`newsevents.ingest.feeds.read_feed_bytes` (``fetch``
    then fetches items without full text); anything else is one page as in
    :func:`fetch_url`.  Never raises for a bad URL or response.
    """
    from .feeds import looks_like_feed, read_feed_bytes

    settings = settings or Settings()
    try:
        got = fetch_bytes(url, timeout=timeout, max_bytes=settings.max_bytes)
    except TooLarge as exc:
        yield Skipped(url, "too_large", str(exc))
        return
    except InputError as exc:
        yield Failed(url, exc.kind, str(exc))
        return
    if got.media_type in _FEED_TYPES[:3] or (
            got.media_type in _FEED_TYPES + ("", "application/octet-stream", "text/plain")
            and looks_like_feed(got.body)):
        yield from read_feed_bytes(got.body, url, fetch=fetch, settings=settings)
    else:
        yield _page(url, got)


def _page(url: str, got: Fetched) -> Document | Skipped | Failed:
    kind = content_type_of(got.media_type, got.body)
    if kind is None:
        return Skipped(url, "unsupported_content_type", got.media_type or "no content type")
    try:
        text = decode(got.body, got.charset)
    except InputError as exc:
        return Failed(url, exc.kind, f"{url}: {exc}")
    return Document(source=url, content=text, content_type=kind, url=got.url)


def fetch_url(url: str, settings: Settings | None = None, timeout: float = DEFAULT_TIMEOUT,
              max_bytes: int | None = None) -> Document | Skipped | Failed:
    """Fetch one page and return it as a :class:`Document`, or why it could not be.

    Never raises for a bad URL or response: a refused scheme, an HTTP error or a
    network failure is a :class:`Failed`; a body over the size cap (cut after
    ``max_bytes``, default ``settings.max_bytes``) or of a type that is not
    text or HTML is a :class:`Skipped`.
    """
    settings = settings or Settings()
    cap = settings.max_bytes if max_bytes is None else max_bytes
    try:
        got = fetch_bytes(url, timeout=timeout, max_bytes=cap)
    except TooLarge as exc:
        return Skipped(url, "too_large", str(exc))
    except InputError as exc:
        return Failed(url, exc.kind, str(exc))
    return _page(url, got)
