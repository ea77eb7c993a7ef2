"""Bytes to text: size caps, gzip, binary detection and encoding detection."""

from __future__ import annotations

import gzip
import io
import zlib

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


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output beyond ``max_bytes`` (gzip bombs)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            return read_capped(fh, max_bytes)
    except (EOFError, OSError, zlib.error) as exc:
        raise InputError(f"broken gzip stream: {exc}", kind="bad_gzip") from exc


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we accept."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > max(2, len(head) // 100)


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, then a declared charset, then UTF-8, then detection.

    Raises :class:`InputError` (kind ``binary``) for binary data.
    """
    if looks_binary(data):
        raise InputError("binary data, not text", kind="binary")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    for codec in filter(None, (declared, "utf-8")):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes  # only needed for non-UTF-8 input

    best = from_bytes(data).best()
    if best is None:
        raise InputError("could not detect the text encoding", kind="encoding")
    return str(best)
