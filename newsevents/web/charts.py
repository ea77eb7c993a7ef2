"""Charts drawn server-side as inline SVG (no JavaScript, no inline style).

Colours are SVG presentation attributes, which a Content-Security-Policy
without ``'unsafe-inline'`` still allows; every label is escaped.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from ..records import EVENT_TYPES

#: One colour per PLOVER type: cooperative types blue/green, conflictual red/orange.
TYPE_COLOURS: dict[str, str] = dict(zip(EVENT_TYPES, (
    "#1b9e77", "#66c2a5", "#3288bd", "#5e4fa2", "#2b83ba", "#abdda4", "#99d594",
    "#e6f598", "#fdae61", "#f46d43", "#d53e4f", "#fee08b", "#9e0142", "#c51b7d",
    "#8c510a", "#67001f",
)))


def type_colour(event_type: str) -> str:
    """The colour of an event type in every chart and badge."""
    return TYPE_COLOURS.get(event_type, "#888888")


def _months(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last inclusive."""
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def timeline_svg(rows: Iterable[tuple[str, str, int]], width: int = 520,
                 height: int = 200, max_months: int = 60) -> Markup:
    """Stacked bars of events per month by type from ``(month, type, count)`` rows."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for month, etype, n in rows:
        if month:
            counts[str(month)[:7]][etype] = int(n)
    if not counts:
        return Markup('<p class="muted">No dated events.</p>')
    months = _months(min(counts), max(counts))[-max_months:]
    top = max(sum(counts[m].values()) for m in months) or 1
    left, plot_h = 40, height - 40
    step = (width - left - 10) / len(months)
    bar_w = min(max(step * 0.8, 1.0), 40.0)
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="Events per month by type">',
           f'<line x1="{left}" y1="{plot_h + 8}" x2="{width - 10}" y2="{plot_h + 8}" '
           'stroke="#999"/>',
           f'<text x="{left - 6}" y="16" text-anchor="end" class="axis">{top}</text>',
           f'<text x="{left - 6}" y="{plot_h + 8}" text-anchor="end" class="axis">0</text>']
    label_every = max(1, math.ceil(len(months) / 8))
    for i, month in enumerate(months):
        x = left + i * step + (step - bar_w) / 2
        y = plot_h + 8
        for etype in EVENT_TYPES:
            n = counts[month].get(etype, 0)
            if not n:
                continue
            h = n / top * (plot_h - 8)
            y -= h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                       f'fill="{type_colour(etype)}"><title>{escape(month)} '
                       f'{escape(etype)}: {n}</title></rect>')
        if i % label_every == 0:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 6}" text-anchor="middle" '
                       f'class="axis">{escape(month)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


@dataclass(frozen=True, slots=True)
class Counterpart:
    """An actor linked to the profiled one, with events each way."""

    id: str
    name: str
    outgoing: int  # events from the profiled actor to this one
    incoming: int  # events from this one to the profiled actor


def _node(x: float, y: float, r: float, label: str, href: str | None, cls: str) -> str:
    text = escape(label if len(label) <= 22 else label[:21] + "…")
    body = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" class="{cls}"/>'
            f'<text x="{x:.1f}" y="{y + r + 13:.1f}" text-anchor="middle" '
            f'class="node-label">{text}</text>')
    if href is None:
        return f"<g>{body}</g>"
    return f'<a href="{escape(href)}"><g>{body}<title>{escape(label)}</title></g></a>'


def network_svg(center: str, counterparts: list[Counterpart], size: int = 420) -> Markup:
    """A star graph: the actor in the middle, its top counterparts around it.

    Edge width grows with the number of events between the two.  One or two
    counterparts sit left and right; the view box is cropped to the drawing.
    """
    if not counterparts:
        return Markup('<p class="muted">No counterparts yet.</p>')
    cx = cy = size / 2
    radius = size / 2 - 60
    start = 0.0 if len(counterparts) <= 2 else -math.pi / 2
    top = max(c.outgoing + c.incoming for c in counterparts) or 1
    edges, nodes, ys = [], [], [cy]
    for i, c in enumerate(counterparts):
        angle = start + 2 * math.pi * i / len(counterparts) + (math.pi if len(counterparts) == 1 else 0)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        ys.append(y)
        total = c.outgoing + c.incoming
        edges.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke-width="{1 + 7 * total / top:.1f}" class="edge">'
                     f'<title>{escape(c.name)}: {c.outgoing} to, {c.incoming} from</title>'
                     '</line>')
        nodes.append(_node(x, y, 6 + 8 * total / top, c.name,
                           f"/actors/{quote(c.id, safe='')}", "node"))
    nodes.append(_node(cx, cy, 16, center, None, "node node-center"))
    y0, y1 = min(ys) - 30, max(ys) + 40  # room for the node and its label below
    return Markup(f'<svg class="network" viewBox="0 {y0:.0f} {size} {y1 - y0:.0f}" role="img" '
                  f'aria-label="Top counterparts">{"".join(edges)}{"".join(nodes)}</svg>')
