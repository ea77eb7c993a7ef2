"""Finding quoted stretches of text, including quotes over several paragraphs.

News style opens every paragraph of a long quote with a quotation mark but
closes only the last one.  :func:`find_quotes` therefore closes an open quote
at the end of its paragraph and marks the next paragraph's quote as its
continuation when that paragraph begins with an opening mark.
"""

from __future__ import annotations

from dataclasses import dataclass

#: curly marks have a direction; straight marks (and '' used by some wires) toggle
_OPEN = "\u201c"
_CLOSE = "\u201d"
_TOGGLE = '"'


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch ``text[start:end]``, quote marks included."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark
    continues: int | None = None  # index of the quote this one continues


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(position, length, kind) of quote marks in ``text[start:end]``; kind open/close/toggle."""
    out: list[tuple[int, int, str]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch == _OPEN:
            out.append((i, 1, "open"))
        elif ch == _CLOSE:
            out.append((i, 1, "close"))
        elif ch == _TOGGLE:
            out.append((i, 1, "toggle"))
        elif ch == "'" and i + 1 < end and text[i + 1] == "'":
            out.append((i, 2, "toggle"))
            i += 1
        i += 1
    return out


def _misused_close(text: str, pos: int, start: int, end: int) -> bool:
    """A closing mark typed where an opening one belongs (start of a word, not after one)."""
    before_ok = pos == start or text[pos - 1].isspace()
    return before_ok and pos + 1 < end and text[pos + 1].isalnum()


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotes inside one paragraph ``text[start:end]``."""
    quotes: list[Quote] = []
    open_at: int | None = None
    for pos, length, kind in _marks(text, start, end):
        if open_at is None:
            if kind in {"open", "toggle"} or _misused_close(text, pos, start, end):
                open_at = pos
            continue  # a stray closing mark
        if kind in {"close", "toggle"}:
            quotes.append(Quote(open_at, pos + length, True))
            open_at = None
        # an "open" inside an open quote is a typo or a nested quote: ignore it
    if open_at is not None:
        stop = end
        while stop > open_at + 1 and text[stop - 1].isspace():
            stop -= 1
        quotes.append(Quote(open_at, stop, False))
    return quotes


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line-delimited paragraph."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def find_quotes(text: str) -> list[Quote]:
    """Every quote of ``text`` in order, with multi-paragraph continuations linked."""
    quotes: list[Quote] = []
    for p_start, p_end in paragraphs(text):
        para = _paragraph_quotes(text, p_start, p_end)
        if para and quotes and not quotes[-1].closed and para[0].start == p_start:
            first = para[0]
            para[0] = Quote(first.start, first.end, first.closed, continues=len(quotes) - 1)
        quotes.extend(para)
    return quotes


__all__ = ["Quote", "find_quotes", "paragraphs"]
