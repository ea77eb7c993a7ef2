"""RSS and Atom feeds (files or http(s) URLs) as documents.

Each feed item becomes one :class:`~newsevents.records.Document` with the
item's link, title, date and text.  The text is the item's full content
(``content:encoded``, Atom ``<content>``) when the feed carries it, else its
summary, as plain text (one paragraph per HTML block); with ``fetch=True``
an item without full content is fetched from its link instead and its page
goes through HTML extraction (http/https only, see :mod:`newsevents.ingest.urls`).

Feeds are untrusted XML.  Before feedparser sees the bytes they are checked
with defusedxml, and any entity declaration is refused outright, so an
entity-expansion bomb ("billion laughs") or an external entity never expands.
The feed itself is held in memory (capped at ``settings.max_bytes``); the
items are yielded one at a time and pages are fetched one at a time.
"""

from __future__ import annotations

import calendar
import io
import logging
import re
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

from ..config import Settings
from ..errors import InputError
from ..records import Document, Failed, Item, Skipped
from . import urls

log = logging.getLogger(__name__)

FEED_SUFFIXES = (".xml", ".rss", ".atom")

# Any DTD entity declaration is refused, whatever defusedxml says: feeds never
# need one, and the loose parser feedparser falls back to must not meet one.
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)



def _load(location: str, settings: Settings, fetcher: urls.Fetcher | None) -> bytes:
    """The feed's bytes, from a URL or a file, at most ``settings.max_bytes``."""
    if urls.is_url(location) and not Path(location).exists():
        got = urls.fetch_bytes(location, max_bytes=settings.max_bytes,
                               accept="application/rss+xml,application/atom+xml,"
                                      "application/xml,text/xml;q=0.9,*/*;q=0.1",
                               fetcher=fetcher, settings=settings)
        return got.body
    path = Path(location)
    try:
        with path.open("rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{location}: {exc.strerror or exc}", kind="read_error") from None
    if len(data) > settings.max_bytes:
        raise urls.TooLarge(location, settings.max_bytes)
    return data


def check_xml(data: bytes, source: str) -> None:
    """Raise :class:`InputError` (kind ``unsafe_xml``) for XML that declares entities.

    Malformed XML is *not* refused here: feedparser's lenient parser copes with
    the broken feeds that are common in the wild.
    """
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException
    from xml.etree.ElementTree import ParseError

    if _ENTITY_DECL.search(data):
        raise InputError(f"{source}: feed declares XML entities; refused (possible "
                         "entity-expansion attack)", kind="unsafe_xml")
    try:
        DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(f"{source}: unsafe XML refused ({type(exc).__name__})",
                         kind="unsafe_xml") from None
    except ParseError:
        log.debug("%s: not well-formed XML; leaving it to feedparser's lenient parser", source)


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            # feedparser normalises to UTC struct_time
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).date()
    return None


def _kind(mime: str | None) -> str:
    return "html" if mime and ("html" in mime or "xml" in mime) else "text"


_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "section", "article", "figure", "ul", "ol", "table", "pre")


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's body): one paragraph per block.

    Feed bodies are already the article text, without page chrome, and often
    too short for boilerplate removal, which would discard them.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag in ("br",):
            continue
        el.text = "\n\n" + (el.text or "")
    paragraphs = (" ".join(chunk.split()) for chunk in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _body(value: str, mime: str | None) -> str:
    return fragment_text(value) if _kind(mime) == "html" else value


def _full_content(entry) -> str | None:
    """The item's full text, when the feed carries it."""
    for part in entry.get("content") or ():
        value = (part.get("value") or "").strip()
        if value:
            return _body(value, part.get("type")) or None
    return None


def _summary(entry) -> str | None:
    value = (entry.get("summary") or "").strip()
    if not value:
        return None
    return _body(value, (entry.get("summary_detail") or {}).get("type")) or None


def _item(entry, index: int, location: str, outlet: str | None,
          fetcher: urls.Fetcher | None, settings: Settings) -> Item:
    link = entry.get("link") or None
    source = link or f"{location}#item{index}"
    meta = dict(id=entry.get("id") or link, url=link, title=entry.get("title") or None,
                published=_entry_date(entry), outlet=outlet)
    body = _full_content(entry)
    if body is None and fetcher is not None and link:
        page = urls.fetch_url(link, settings=settings, found_in=location, fetcher=fetcher)
        if not isinstance(page, Document):
            return page
        return Document(source=source, content=page.content, content_type=page.content_type,
                        **{**meta, "url": page.url or link})
    body = body or _summary(entry)
    if body is None:
        return Skipped(source, "empty", "feed item has no content or summary"
                       + ("" if fetcher else " (use --fetch to fetch its page)"), id=meta["id"])
    return Document(source=source, content=body, content_type="text", **meta)


def read_feed(location: str, fetch: bool = False, settings: Settings | None = None,
              fetcher: urls.Fetcher | None = None) -> Iterator[Item]:
    """Yield one document per item of the RSS/Atom feed at ``location`` (file or URL).

    ``fetcher``: the run's :class:`~newsevents.ingest.fetcher.Fetcher` (one
    of its own when None).  Never raises for a bad feed or item: an
    unreadable, unsafe or unparseable feed yields one :class:`Failed` (or
    :class:`Skipped` when over the size cap or refused by robots.txt).
    """
    settings = settings or Settings()
    with urls.fetcher_for(settings, fetcher) as f:
        try:
            data = _load(location, settings, f)
        except InputError as exc:
            yield urls.refusal_record(location, exc)
            return
        yield from read_feed_bytes(data, location, fetch=fetch, settings=settings, fetcher=f)


def looks_like_feed(data: bytes) -> bool:
    """True when the first bytes look like an RSS, RDF or Atom document."""
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed_bytes(data: bytes, location: str, fetch: bool = False,
                    settings: Settings | None = None,
                    fetcher: urls.Fetcher | None = None) -> Iterator[Item]:
    """Like :func:`read_feed` for a feed already in memory (``location`` names it)."""
    import feedparser

    settings = settings or Settings()
    try:
        check_xml(data, location)
    except InputError as exc:
        yield Failed(location, exc.kind, str(exc))
        return
    # feedparser is given a stream, never the location nor bare bytes: given
    # bytes it would try them as a file name first (a body "/etc/passwd" would
    # be read from disk), and given a location it would fetch on its own.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False,
                              resolve_relative_uris=False)
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        if not parsed.get("version"):
            yield Failed(location, "bad_feed", f"{location}: not an RSS/Atom feed"
                         + (f" ({reason})" if reason else ""))
        else:
            yield Skipped(location, "empty", "feed has no items")
        return
    outlet = parsed.feed.get("title") or None
    if not fetch:
        yield from map(lambda n: _safe_item(n, location, outlet, None, settings),
                       enumerate(parsed.entries))
        return
    # Pages are fetched a few at a time (a feed of 100 links would otherwise
    # wait for 100 round trips in a row), in order, at most 2 x FETCH_THREADS ahead
    # of the reader so memory stays bounded; the fetcher keeps each host to its
    # per-host limit and pace whatever the thread count.
    with urls.fetcher_for(settings, fetcher) as f:
        yield from _ordered_in_threads(lambda n: _safe_item(n, location, outlet, f, settings),
                                       enumerate(parsed.entries), FETCH_THREADS)


def _safe_item(numbered: tuple[int, object], location: str, outlet: str | None,
               fetcher: urls.Fetcher | None, settings: Settings) -> Item:
    """:func:`_item`, with an unexpected error as that item's :class:`Failed`."""
    index, entry = numbered
    try:
        return _item(entry, index, location, outlet, fetcher, settings)
    except Exception as exc:  # one odd item must not end the feed
        log.debug("feed item %d of %s failed", index, location, exc_info=True)
        return Failed(f"{location}#item{index}", "bad_feed_item", f"{type(exc).__name__}: {exc}")


#: concurrent page downloads of --fetch, per feed
FETCH_THREADS = 8


def _ordered_in_threads(fn, items, threads: int) -> Iterator:
    """``map(fn, items)`` on ``threads`` threads, results in input order, a bounded window ahead."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor
    from itertools import islice

    items = iter(items)
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fetch") as pool:
        window = deque(pool.submit(fn, x) for x in islice(items, 2 * threads))
        while window:
            done = window.popleft().result()
            for x in islice(items, 1):
                window.append(pool.submit(fn, x))
            yield done


#: Media types a feed is served as (the first three name a feed for sure).
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml")


def read_url(url: str, fetch: bool = False, settings: Settings | None = None,
             timeout: float = urls.DEFAULT_TIMEOUT, fetcher: urls.Fetcher | None = None,
             ) -> Iterator[Item]:
    """Documents from one http(s) URL: the items of a feed, or the page itself.

    A response that is an RSS/Atom feed (by media type or by its first bytes)
    is read with :func:`read_feed_bytes` (``fetch`` then fetches items without
    full text, with the same ``fetcher``); anything else is one page as in
    :func:`~newsevents.ingest.urls.fetch_url`.  Never raises for a bad URL or response.
    """
    settings = settings or Settings()
    with urls.fetcher_for(settings, fetcher) as f:
        try:
            got = f.get(url, timeout=timeout, max_bytes=settings.max_bytes,
                        accept=urls.PAGE_ACCEPT)
        except InputError as exc:
            yield urls.refusal_record(url, exc)
            return
        if got.media_type in _FEED_TYPES[:3] or (
                got.media_type in _FEED_TYPES + ("", "application/octet-stream", "text/plain")
                and looks_like_feed(got.body)):
            yield from read_feed_bytes(got.body, url, fetch=fetch, settings=settings, fetcher=f)
        else:
            yield urls.page_record(url, got)
