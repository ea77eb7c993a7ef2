"""Printing query results: a plain text table, JSON or CSV on stdout."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from typing import Any, Iterable, Sequence

#: Longest cell shown in a table (evidence sentences are cut with "…").
MAX_CELL = 70


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    return value


def _cell(value: Any, width: int = MAX_CELL) -> str:
    text = "" if value is None else str(_plain(value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    """Rows as an aligned text table with a header line."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def emit(rows: Any, fmt: str, columns: Iterable[str] | None = None, out=None) -> None:
    """Print ``rows`` (a list of dicts, or one dict for JSON) as table, JSON or CSV."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1, default=_plain)
        out.write("\n")
        return
    columns = list(columns or (rows[0].keys() if rows else ()))
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else _plain(r.get(c)) for c in columns])
        return
    if not rows:
        out.write("(no rows)\n")
        return
    out.write(table(rows, columns) + "\n")


def side_by_side(rows: Sequence[dict], width: int = 60, why: bool = False) -> str:
    """Contradictions as two columns: the claim (or first figure) and its contradiction.

    With ``why``, each pair is followed by the rule that linked it and the
    fields that matched (the stored ``why`` JSON, one field a line).
    """
    if not rows:
        return ("(no contradictions: no claim has a denial by the same doer in its time "
                "window, and no event has conflicting figures)")
    blocks = []
    for r in rows:
        head = f"[{r.get('rule') or r['kind']}] {r.get('note') or ''}".rstrip()
        if r.get("what"):
            head += f" — {r['what']}"
        left, right = _side(r, "a", width), _side(r, "b", width)
        lines = [head]
        if why:
            lines += _why_lines(r.get("why"))
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ""
            b = right[i] if i < len(right) else ""
            lines.append(f"  {a.ljust(width)} | {b}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _why_lines(raw: str | None) -> list[str]:
    try:
        fields = json.loads(raw) if raw else {}
    except ValueError:
        return [f"  why: {raw}"]
    out = []
    for key, value in fields.items():
        if key == "series":
            value = "; ".join(f"{x['published']}: {x['figure']} ({x['by']})" for x in value)
        out.append(f"  why {key}: {value}")
    return out


def _side(r: dict, s: str, width: int) -> list[str]:
    import textwrap

    out = [f"{r[f'{s}_type']} {r[f'{s}_status']}: {r[f'{s}_source'] or '?'} → "
           f"{r[f'{s}_target'] or '?'}",
           f"according to: {r[f'{s}_attributed_to'] or '(the article)'}",
           f"{r[f'{s}_outlet'] or '?'}, published {_plain(r[f'{s}_published']) or '?'}"
           + (f", event {_plain(r[f'{s}_event_date'])}" if r.get(f"{s}_event_date") else "")]
    out += textwrap.wrap(f"“{r[f'{s}_evidence']}”", width)[:4]
    return [_cell(x, width) for x in out]
