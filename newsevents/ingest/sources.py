"""Where documents come from: files, directories, stdin, JSON Lines, feeds, WARC, URLs.

:func:`read_paths` turns what the user named into a stream of
:class:`~newsevents.records.Document` objects, in input order.  A document
that cannot be read becomes a :class:`Failed` (or a :class:`Skipped`) record
in its place: readers never raise for one bad document.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..config import Settings
from ..errors import InputError, SkipDocument
from ..records import Document, Failed, Item, Skipped
from .decode import decode, gunzip, gzip_errors, read_capped

log = logging.getLogger(__name__)


TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}


def parse_date(value: Any) -> date | None:
    """A publication date from a JSON field: ``YYYY-MM-DD`` or an ISO timestamp."""
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    for parser in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
        try:
            return parser(text[:10] if parser is date.fromisoformat else text)
        except ValueError:
            continue
    return None


def _kind(path: Path) -> tuple[str, bool]:
    """(format, gzipped) of a file from its name."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for fmt, group in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                       ("feed", FEED_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if last in group:
            return fmt, gz
    return ("unknown", gz)


def _read_file_bytes(path: Path, settings: Settings) -> bytes:
    with open(path, "rb") as fh:
        if path.suffix.lower() == ".gz":
            # Read the compressed stream with a generous cap, then the output with the real one.
            return gunzip(read_capped(fh, settings.max_bytes), settings.max_bytes)
        return read_capped(fh, settings.max_bytes)


def _document(source: str, data: bytes, fmt: str, published: date | None) -> Document:
    text = decode(data)
    if fmt == "html" or (fmt == "unknown" and text.lstrip()[:1] == "<" and "<html" in text[:2000].lower()):
        return Document(source=source, content=text, content_type="html", published=published)
    return Document(source=source, content=text, content_type="text", published=published)


def _json_record(source: str, line: str, published: date | None) -> Item:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failed(source, "bad_json", f"not valid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return Failed(source, "bad_record", "a JSON Lines record must be an object")
    doc_id = obj.get("id")
    doc_id = str(doc_id) if isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool) else None
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        content, ctype = text, "text"
    elif isinstance(html, str) and html.strip():
        content, ctype = html, "html"
    elif text is None and html is None:
        return Failed(source, "bad_record", 'record has neither "text" nor "html"', doc_id)
    elif not isinstance(text, (str, type(None))) or not isinstance(html, (str, type(None))):
        return Failed(source, "bad_record", '"text"/"html" must be strings', doc_id)
    else:
        return Skipped(source, "empty", "the record's text is empty", doc_id)

    def field(name: str) -> str | None:
        v = obj.get(name)
        return v.strip() or None if isinstance(v, str) else None

    return Document(source=source, content=content, content_type=ctype, id=doc_id,
                    url=field("url"), title=field("title"), outlet=field("outlet"),
                    published=parse_date(obj.get("published")) or published)


def read_jsonl(stream: Iterable[bytes | str], source: str, published: date | None = None,
               settings: Settings | None = None) -> Iterator[Item]:
    """One item per non-blank line of a JSON Lines stream, in order."""
    settings = settings or Settings()
    for lineno, raw in enumerate(stream, 1):
        where = f"{source}:{lineno}"
        if isinstance(raw, bytes):
            if len(raw) > settings.max_bytes:
                yield Skipped(where, "too_large", f"line longer than {settings.max_bytes} bytes")
                continue
            try:
                raw = decode(raw)
            except InputError as exc:
                yield Failed(where, exc.kind, str(exc))
                continue
        if raw.strip():
            yield _json_record(where, raw, published)


def _capped_lines(fh: IO[bytes], cap: int) -> Iterator[bytes]:
    """Lines of ``fh``; one longer than ``cap`` comes out as its first ``cap + 1`` bytes.

    Iterating a file object reads a whole line into memory, which a gzip bomb
    without newlines turns into gigabytes; here the rest of a long line is
    read and dropped in ``cap``-sized pieces (:func:`read_jsonl` skips it).
    """
    while line := fh.readline(cap + 1):
        if len(line) > cap and not line.endswith(b"\n"):
            while (rest := fh.readline(cap)) and not rest.endswith(b"\n"):
                pass
        yield line


def _open_lines(path: Path, settings: Settings) -> Iterator[bytes]:
    import gzip

    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with gzip_errors(), opener(path, "rb") as fh:
        yield from _capped_lines(fh, settings.max_bytes)


def read_file(path: Path, published: date | None = None, settings: Settings | None = None,
              fetch: bool = False, fetcher=None) -> Iterator[Item]:
    """Documents from one file, chosen by its name (``.txt``, ``.html``, ``.jsonl``, ``.gz`` …).

    ``fetcher``: the run's :class:`~newsevents.ingest.fetcher.Fetcher`, for a
    feed's pages (``fetch``)."""
    settings = settings or Settings()
    source = str(path)
    fmt, _ = _kind(path)
    try:
        if fmt == "jsonl":
            yield from read_jsonl(_open_lines(path, settings), source, published, settings)
        elif fmt == "feed":
            from .feeds import read_feed

            yield from read_feed(source, fetch=fetch, settings=settings, fetcher=fetcher)
        elif fmt == "warc":
            from .warc import read_warc

            yield from read_warc(source, settings=settings)
        else:
            yield _document(source, _read_file_bytes(path, settings), fmt, published)
    except SkipDocument as exc:
        yield Skipped(source, exc.reason, exc.detail)
    except InputError as exc:
        yield Failed(source, exc.kind, str(exc))
    except OSError as exc:
        yield Failed(source, "io_error", f"{type(exc).__name__}: {exc.strerror or exc}")


def _walk(directory: Path) -> Iterator[Path]:
    """Files below ``directory``, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            yield Path(root) / name


def read_stdin(stream: IO[bytes], published: date | None, settings: Settings) -> Iterator[Item]:
    """stdin holds JSON Lines when its first character is ``{``, else one text or HTML document."""
    try:
        data = read_capped(stream, settings.max_bytes)
    except SkipDocument as exc:
        yield Skipped("<stdin>", exc.reason, exc.detail)
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(data.splitlines(), "<stdin>", published, settings)
        return
    try:
        yield _document("<stdin>", data, "unknown", published)
    except InputError as exc:
        yield Failed("<stdin>", exc.kind, str(exc))


def read_paths(paths: Iterable[str | os.PathLike], published: date | None = None,
               settings: Settings | None = None, fetch: bool = False) -> Iterator[Item]:
    """Documents from files, directories (recursive), ``-`` (stdin) and http(s) URLs.

    ``published`` is the publication date for documents that do not carry
    their own (a JSONL field or HTML metadata wins).  Files of unknown type
    inside a directory are reported as skipped, not silently passed over.
    """
    settings = settings or Settings()
    fetcher = _RunFetcher(settings)
    try:
        for raw in paths:
            yield from _read_one(os.fspath(raw), published, settings, fetch, fetcher)
    finally:
        fetcher.close()


class _RunFetcher:
    """The run's one :class:`~newsevents.ingest.fetcher.Fetcher` (robots.txt read
    once per host, one pace per host), made at the first URL or feed: a run of
    local files never imports the http client."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._fetcher = None

    def __call__(self):
        if self._fetcher is None:
            from .fetcher import Fetcher

            self._fetcher = Fetcher(self._settings.fetch)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def _read_one(name: str, published: date | None, settings: Settings, fetch: bool,
              fetcher: _RunFetcher) -> Iterator[Item]:
    if name == "-":
        yield from read_stdin(sys.stdin.buffer, published, settings)
    elif name.startswith(("http://", "https://")):
        from .feeds import read_url  # a feed URL yields its items, a page one document

        yield from read_url(name, fetch=fetch, settings=settings, fetcher=fetcher())
    elif Path(name).is_dir():
        for path in _walk(Path(name)):
            if _kind(path)[0] == "unknown":
                yield Skipped(str(path), "unsupported_format", f"unknown file type {path.suffix!r}")
            else:
                yield from _read_local(path, published, settings, fetch, fetcher)
    elif Path(name).exists():
        yield from _read_local(Path(name), published, settings, fetch, fetcher)
    else:
        yield Failed(name, "not_found", "no such file or directory")


def _read_local(path: Path, published: date | None, settings: Settings, fetch: bool,
                fetcher: _RunFetcher) -> Iterator[Item]:
    feed = _kind(path)[0] == "feed"  # only a feed's pages are fetched
    yield from read_file(path, published, settings, fetch, fetcher() if feed else None)
