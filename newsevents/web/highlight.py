"""Safe highlighting of spans in untrusted text.

The text is cut at every span boundary into elementary pieces; each piece is
escaped on its own and, when spans cover it, wrapped in ONE ``<mark>`` whose
classes are the union of the covering spans' kinds.  Overlapping or nested
spans therefore never produce mis-nested tags, and no byte of the article
reaches the page unescaped.  Class names and titles come from a fixed set
(``KINDS``) and ``markupsafe.escape``; nothing else is interpolated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Kinds of highlight and their CSS class (kept in step with static/app.css).
KINDS: dict[str, str] = {
    "trigger": "hl-trigger", "source": "hl-source", "target": "hl-target",
    "cue": "hl-cue", "speaker": "hl-speaker", "content": "hl-content",
    "actor": "hl-actor", "event": "hl-event", "removed": "hl-removed",
    "date": "hl-date", "place": "hl-place", "quantity": "hl-quantity",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to highlight: article offsets, its kind and a tooltip."""

    start: int
    end: int
    kind: str
    title: str = ""


def _pieces(length: int, marks: list[Mark]) -> list[tuple[int, int, list[Mark]]]:
    """Elementary pieces of [0, length) with the marks covering each."""
    cuts = {0, length}
    for m in marks:
        cuts.add(m.start)
        cuts.add(m.end)
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        out.append((a, b, covering))
    return out


def _clip(marks: Iterable[Mark], base: int, length: int) -> list[Mark]:
    """Marks shifted by ``base`` and clipped to [0, length); unknown kinds dropped."""
    out = []
    for m in marks:
        if m.kind not in KINDS:
            continue
        s, e = max(m.start - base, 0), min(m.end - base, length)
        if s < e:
            out.append(Mark(s, e, m.kind, m.title))
    return out


def highlight(text: str, marks: Iterable[Mark], base: int = 0) -> Markup:
    """``text`` as safe HTML with ``marks`` (offsets relative to ``base``) in ``<mark>``.

    ``base`` is the article offset of ``text[0]``, so an evidence sentence can
    be highlighted with the article-level spans of its trigger and actors.
    """
    clipped = _clip(marks, base, len(text))
    parts: list[str] = []
    for a, b, covering in _pieces(len(text), clipped):
        piece = escape(text[a:b])
        if not covering:
            parts.append(str(piece))
            continue
        kinds = sorted({m.kind for m in covering}, key=list(KINDS).index)
        classes = " ".join(KINDS[k] for k in kinds)
        title = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
        title_attr = f' title="{escape(title)}"' if title else ""
        parts.append(f'<mark class="{classes}"{title_attr}>{piece}</mark>')
    return Markup("".join(parts))
