"""A readable plain-text summary of one outcome (``--format table``)."""

from __future__ import annotations

import textwrap

from ..records import ArticleResult, Event, Failed, Outcome, Skipped


def _names(result: ArticleResult, ids: tuple[str, ...]) -> str:
    names = []
    for actor_id in ids:
        a = result.actor(actor_id)
        code = "".join(dict.fromkeys(x for x in (a.country, a.sector) if x))  # IGO+IGO -> IGO
        names.append(f"{a.name} [{code}]" if code else a.name)
    return ", ".join(names) or "-"


def _event_lines(result: ArticleResult, e: Event) -> list[str]:
    kind = e.type + (f"/{e.mode}" if e.mode else "")
    lines = [f"  {e.id} {kind:<22} {_names(result, e.source)} -> {_names(result, e.target)}"
             f"   status={e.status}"]
    extra = []
    if e.attributed_to:
        extra.append(f"according to {_names(result, e.attributed_to)}")
    if e.via:
        extra.append(f"via {_names(result, e.via)}")
    if e.date:
        extra.append(f"date {e.date.value or '?'} ({e.date.text!r})")
    if e.location:
        extra.append(f"in {e.location.text}" + (f" [{e.location.country}]" if e.location.country else ""))
    for q in e.quantities:
        value = f"{int(q.value):,}" if float(q.value).is_integer() else f"{q.value:,}"
        extra.append(f"{q.what}={value} {q.unit}")
    if extra:
        lines.append("      " + "; ".join(extra))
    lines.append("      " + textwrap.shorten(f'"{e.trigger.text}" in: {e.evidence.text}', 100))
    return lines


def format_result(outcome: Outcome) -> str:
    """Per article: title and events with type, actors, status and attribution."""
    if isinstance(outcome, Skipped):
        return f"== {outcome.source}: skipped ({outcome.reason}{': ' + outcome.detail if outcome.detail else ''})\n"
    if isinstance(outcome, Failed):
        return f"== {outcome.source}: FAILED ({outcome.kind}): {outcome.message}\n"
    art = outcome.article
    head = f"== {art.title or art.source}"
    meta = ", ".join(x for x in (art.outlet, art.published.isoformat() if art.published else None,
                                 art.source if art.title else None) if x)
    lines = [head + (f"  ({meta})" if meta else "")]
    lines.append(f"   {len(outcome.events)} events, {len(outcome.actors)} actors, "
                 f"{len(outcome.attributions)} attributions, {len(outcome.removed)} removed lines")
    for e in outcome.events:
        lines.extend(_event_lines(outcome, e))
    return "\n".join(lines) + "\n"
