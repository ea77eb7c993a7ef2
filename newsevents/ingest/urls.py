"""Fetching pages and feeds over http(s), and nothing else.

Only ``http`` and ``https`` URLs are fetched; ``file:``, ``ftp:``, ``data:``
and every other scheme are refused, and so is a redirect that leads to one.
Each fetch has a per-operation timeout plus an overall deadline (a server that
drips one byte a second cannot hold a run forever) and a size cap: the body is
read in chunks and the download stops as soon as the cap is passed, so memory
stays bounded whatever the server sends.

Links found inside a feed (``--fetch``) are not the user's choice, so they
are fetched only when their host resolves to public addresses, or is the
feed's own host (:func:`check_public`; ``--fetch-private`` lifts this), and a
redirect may not lead from there to a private address either.  URLs the user
names are fetched wherever they point.
"""

from __future__ import annotations

import ipaddress
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


def check_public(url: str, allowed_host: str | None = None) -> None:
    """Raise :class:`InputError` (kind ``address_refused``) when the host of
    ``url`` resolves to a loopback, private, link-local, multicast or reserved
    address (``127.0.0.1``, ``10.x``, ``169.254.169.254`` …).

    ``allowed_host`` (the host of the feed a link came from) is always allowed.
    The name is resolved here and again by the connection; a DNS server that
    answers differently the second time is not defeated by this check.
    """
    host = (urlsplit(url).hostname or "").lower()
    if allowed_host and host == allowed_host.lower():
        return
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{url}: cannot resolve {host}: {exc}", kind="network_error") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if not addr.is_global or addr.is_multicast:
            raise InputError(f"{url}: {host} is a non-public address ({addr}); links found in a "
                             "feed are not fetched from there (--fetch-private allows it)",
                             kind="address_refused")


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) URLs, and only a few of them; with
    ``public_only``, only to public addresses (or ``allowed_host``)."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, public_only: bool = False, allowed_host: str | None = None) -> None:
        self.public_only, self.allowed_host = public_only, allowed_host

    def check(self, url: str) -> None:
        """Refuse ``url`` as a fetch or redirect target (see the class)."""
        check_url(url)
        if self.public_only:
            check_public(url, self.allowed_host)

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: D102
        # Checked before urllib looks at it, so the refusal says why.
        target = headers.get("location") or headers.get("uri")
        if target:
            self.check(urljoin(req.full_url, target))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        self.check(newurl)  # newurl is absolute here
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(redirects: _SafeRedirect) -> urllib.request.OpenerDirector:
    # Built by hand rather than with build_opener(): that would add the
    # FileHandler, FTPHandler and DataHandler, i.e. exactly the schemes we refuse.
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), redirects,
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
                public_only: bool = False, allowed_host: str | None = None) -> Fetched:
    """Download ``url`` (http/https only) and return its body, at most ``max_bytes`` of it.

    With ``public_only`` the URL and every redirect must pass
    :func:`check_public` (``allowed_host`` excepted).  Raises
    :class:`InputError` with a ``kind`` of ``scheme_refused``, ``bad_url``,
    ``address_refused``, ``http_error``, ``network_error``, ``timeout`` or
    ``too_large`` (:class:`TooLarge`).
    """
    redirects = _SafeRedirect(public_only, allowed_host)
    redirects.check(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    deadline = time.monotonic() + 4 * timeout
    try:
        with _opener(redirects).open(request, timeout=timeout) as resp:
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
              max_bytes: int | None = None, found_in: str | None = None,
              ) -> Document | Skipped | Failed:
    """Fetch one page and return it as a :class:`Document`, or why it could not be.

    ``found_in``: the feed (file or URL) the link was found in; such a link
    must point to a public address or to the feed's own host, unless
    ``settings.fetch_private``.  Never raises for a bad URL or response: a
    refused scheme or address, an HTTP error or a network failure is a
    :class:`Failed`; a body over the size cap (cut after ``max_bytes``,
    default ``settings.max_bytes``) or of a type that is not text or HTML is
    a :class:`Skipped`.
    """
    settings = settings or Settings()
    cap = settings.max_bytes if max_bytes is None else max_bytes
    public_only = found_in is not None and not settings.fetch_private
    feed_host = urlsplit(found_in).hostname if found_in and is_url(found_in) else None
    try:
        got = fetch_bytes(url, timeout=timeout, max_bytes=cap, public_only=public_only,
                          allowed_host=feed_host)
    except TooLarge as exc:
        return Skipped(url, "too_large", str(exc))
    except InputError as exc:
        return Failed(url, exc.kind, str(exc))
    return _page(url, got)
