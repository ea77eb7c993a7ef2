"""Bytes to text: size caps, gzip, binary detection and encoding detection."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from contextlib import contextmanager
from typing import Iterator

from ..errors import InputError, SkipDocument

# Control characters that never occur in real text (tab, LF, CR, FF excluded).
_CONTROL = bytes(i for i in range(32) if i not in (9, 10, 12, 13))
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def read_capped(stream: io.BufferedIOBase, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` from ``stream``; skip the document when there is more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SkipDocument("too_large", f"more than {max_bytes} bytes")
    return data


@contextmanager
def gzip_errors() -> Iterator[None]:
    """Turn a broken gzip stream (bad header, cut short, corrupt) into ``InputError(kind="bad_gzip")``.

    ``gzip`` reports a bad header or checksum as ``BadGzipFile``, a stream cut
    short as ``EOFError`` and corrupt deflate data as ``zlib.error``; any other
    ``OSError`` (a disk read error) is left to the caller.
    """
    try:
        yield
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"broken gzip stream: {exc}", kind="bad_gzip") from exc


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output beyond ``max_bytes`` (gzip bombs)."""
    with gzip_errors(), gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        return read_capped(fh, max_bytes)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we accept."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > max(2, len(head) // 100)


# A charset named in the page itself: <meta charset="..."> or the http-equiv form.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""",
                           re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard): the
# bytes 0x80-0x9f are curly quotes and dashes there, C1 controls in latin-1.
_AS_CP1252 = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "us-ascii", "ascii"}


def declared_in_html(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares in its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _candidates(declared: str | None) -> list[str]:
    """Codecs to try after strict UTF-8: the declared one (latin-1 read as cp1252)."""
    if not declared:
        return []
    name = declared.strip().lower()
    return ["cp1252", name] if name in _AS_CP1252 else [name]


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, strict UTF-8, a declared charset, then detection.

    UTF-8 goes before the declared charset because a wrong label is common
    (a UTF-8 page served as latin-1) and text in a single-byte charset with
    any byte above 0x7f is almost never valid UTF-8.  ``declared`` is the
    HTTP/WARC header's charset; without one, an HTML ``<meta>`` charset is
    used.  Raises :class:`InputError` (kind ``binary``) for binary data.
    """
    if looks_binary(data):
        raise InputError("binary data, not text", kind="binary")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    for codec in ["utf-8", *_candidates(declared or declared_in_html(data))]:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes  # only needed for non-UTF-8 input

    best = from_bytes(data).best()
    if best is None:
        raise InputError("could not detect the text encoding", kind="encoding")
    return str(best)
