"""Web archives (WARC, WARC.gz) as documents, e.g. CC-NEWS.

Records are streamed with warcio: memory stays bounded by one record's
payload (itself capped at ``settings.max_bytes``) whatever the archive size.

* ``response`` records with an HTML (or plain-text) payload and a 2xx status
  become documents; the record's ``WARC-Target-URI`` is the URL and its
  ``WARC-Date`` the publication date; ``resource`` records and WET
  ``conversion`` records with text or HTML are read the same way.
* Other responses (images, redirects, errors) are :class:`Skipped` with the
  reason; request, warcinfo, metadata and revisit records are not documents
  and are passed over.
* A broken archive never raises.  A record whose ``Content-Length`` promises
  more bytes than the file holds is :class:`Failed` (``truncated_record``); one
  whose length is too short leaves stray bytes after it and is :class:`Failed`
  (``bad_record_length``, or ``digest_mismatch`` when the record has a
  digest); an unparseable record ends the file with one :class:`Failed`
  (``bad_warc``), and so does an archive cut short inside a record that warcio
  stops at without a word (a truncated download).
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path
from typing import Iterator

from ..config import Settings
from ..errors import InputError
from ..records import Document, Failed, Item, Skipped
from .decode import decode
from .urls import content_type_of

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")


_DOC_RECORDS = ("response", "resource", "conversion")
_BUFF = 64 * 1024


def is_warc(path: str | Path) -> bool:
    """True for a file name that :func:`read_warc` reads."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _read_payload(record, max_bytes: int) -> bytes | None:
    """The decoded payload (chunking and gzip undone), None when over ``max_bytes``."""
    stream = record.content_stream()
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_BUFF)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)


def _drain(record) -> bool:
    """Read the rest of the record block; False when the file ended before its length."""
    raw = record.raw_stream
    while raw.read(_BUFF):
        pass
    return getattr(raw, "limit", 0) <= 0


def _media_type(record) -> tuple[str, str | None, int | None]:
    """(media type, charset, HTTP status) of the record's payload."""
    if record.http_headers is not None and record.rec_type == "response":
        headers = record.http_headers
        status = headers.get_statuscode()
        value = headers.get_header("Content-Type") or ""
    else:
        status = None
        value = record.rec_headers.get_header("Content-Type") or ""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower(), charset, int(status) if status and status.isdigit() else status


def _record_item(record, source: str, settings: Settings) -> Item:
    """One document-like record as a Document, Skipped or Failed."""
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    rec_id = (headers.get_header("WARC-Record-ID") or "").strip("<>") or None
    media, charset, status = _media_type(record)
    if isinstance(status, int) and not 200 <= status < 300:
        _drain(record)
        return Skipped(source, "http_status", f"{uri}: HTTP {status}", id=rec_id)
    payload = _read_payload(record, settings.max_bytes)
    if not _drain(record):
        return Failed(source, "truncated_record",
                      f"{uri}: record is shorter than its Content-Length", id=rec_id)
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return Failed(source, "digest_mismatch",
                      f"{uri}: record content does not match its digest ({checker.problems[0]})",
                      id=rec_id)
    if payload is None:
        return Skipped(source, "too_large", f"{uri}: payload over {settings.max_bytes} bytes",
                       id=rec_id)
    kind = content_type_of(media, payload)
    if kind is None:
        return Skipped(source, "not_html", f"{uri}: {media or 'no content type'}", id=rec_id)
    if not payload.strip():
        return Skipped(source, "empty", f"{uri}: empty payload", id=rec_id)
    try:
        text = decode(payload, charset)
    except InputError as exc:
        return Failed(source, exc.kind, f"{uri}: {exc}", id=rec_id)
    return Document(source=source, content=text, content_type=kind, id=rec_id, url=uri,
                    published=_warc_date(headers.get_header("WARC-Date")))


def read_warc(path: str | Path, settings: Settings | None = None) -> Iterator[Item]:
    """Yield one document per HTML response record of the WARC(.gz) file at ``path``.

    Streaming and never raising; see the module docstring for what becomes a
    document, a skip or a failure.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    settings = settings or Settings()
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Failed(name, "read_error", f"{name}: {exc.strerror or exc}")
        return
    # One record of look-ahead: a record is only known good once the next
    # record header parses and warcio found no stray bytes after it (a
    # too-short Content-Length shows up there, counted in ``err_count``).
    pending: tuple[Item, int] | None = None
    with fh:
        records = ArchiveIterator(fh, check_digests=True)
        records.INC_RECORD = ""  # warcio writes this warning to stderr itself; we report it
        try:
            for record in records:
                if pending is not None:
                    yield _settle(pending, records.err_count)
                    pending = None
                if record.format != "warc":
                    raise ArchiveLoadFailed(f"not a WARC record ({record.format})")
                if record.rec_type not in _DOC_RECORDS:
                    continue
                source = f"{name}#{records.offset}"
                pending = (_record_item(record, source, settings), records.err_count)
        except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
            log.debug("%s: archive broken", name, exc_info=True)
            if pending is not None:
                yield _settle(pending, records.err_count + 1)
            yield Failed(f"{name}#{max(records.offset, 0)}", "bad_warc",
                         f"{name}: unreadable record, rest of the archive skipped: "
                         f"{str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}")
        else:
            if pending is not None:
                yield _settle(pending, records.err_count)
            # warcio stops quietly at a record cut short by a truncated download: the
            # iterator then ends before the file does
            size = os.fstat(fh.fileno()).st_size
            if 0 <= records.offset < size:
                yield Failed(f"{name}#{records.offset}", "bad_warc",
                             f"{name}: truncated: {size - records.offset} bytes after the last "
                             "whole record are no record, skipped")


def _settle(pending: tuple[Item, int], err_count: int) -> Item:
    """The pending record's item, or a failure when warcio met stray bytes after it."""
    item, errors_before = pending
    if err_count > errors_before and isinstance(item, Document):
        return Failed(item.source, "bad_record_length",
                      f"{item.url}: record is longer than its Content-Length says "
                      "(content cut short)", id=item.id)
    return item
