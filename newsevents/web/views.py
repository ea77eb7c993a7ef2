"""From coded records to what a page shows: highlight marks and attribution chains.

Everything here works on the typed records of one article
(:class:`~newsevents.records.ArticleResult`), so the highlighting of an
event's evidence uses exactly the spans the pipeline emitted.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..records import Actor, ArticleResult, Attribution, Event, Quantity, Span
from ..stories.figures import bound_label
from .highlight import Mark, highlight


def quantity_label(q: Quantity) -> str:
    """A quantity's figure as pages show it: value, bounds and estimate mark (bound_label)."""
    return bound_label(q.value, q.min, q.max, q.approx)


def actor_label(actor: Actor) -> str:
    """``Name (ISO3 SECTOR)`` as shown in tooltips and lists."""
    code = " ".join(x for x in (actor.country, actor.sector) if x)
    return f"{actor.name} ({code})" if code else actor.name


def _actor(result: ArticleResult, actor_id: str) -> Actor | None:
    try:
        return result.actor(actor_id)
    except KeyError:
        return None


def name_of(result: ArticleResult, actor_id: str) -> str:
    """The actor's name, or the raw id when the article does not define it."""
    actor = _actor(result, actor_id)
    return actor.name if actor else actor_id


def attribution_of(result: ArticleResult, event: Event) -> Attribution | None:
    """The attribution whose content holds the event, if any."""
    for a in result.attributions:
        if a.id == event.attribution:
            return a
    return None


def _mention_marks(result: ArticleResult, ids: tuple[str, ...], kind: str,
                   within: Span) -> list[Mark]:
    marks = []
    for actor_id in ids:
        actor = _actor(result, actor_id)
        if actor is None:
            continue
        for m in actor.mentions:
            if within.contains(m):
                marks.append(Mark(m.start, m.end, kind, f"{kind}: {actor_label(actor)}"))
    return marks


def event_marks(result: ArticleResult, event: Event) -> list[Mark]:
    """Trigger, source, target, cue and speaker spans of one event (article offsets)."""
    ev = event.evidence
    marks = [Mark(event.trigger.start, event.trigger.end, "trigger",
                  f"trigger: {event.type} ({event.status})")]
    marks += _mention_marks(result, event.source, "source", ev)
    marks += _mention_marks(result, event.target, "target", ev)
    att = attribution_of(result, event)
    if att is not None:
        marks.append(Mark(att.cue.start, att.cue.end, "cue", f"cue ({att.kind})"))
        if att.source is not None:
            marks.append(Mark(att.source.span.start, att.source.span.end, "speaker",
                              "attributed to"))
    if event.date is not None:
        marks.append(Mark(event.date.span.start, event.date.span.end, "date",
                          f"date: {event.date.value or event.date.text}"))
    if event.location is not None:
        marks.append(Mark(event.location.span.start, event.location.span.end, "place",
                          f"place: {event.location.text}"))
    for q in event.quantities:
        marks.append(Mark(q.span.start, q.span.end, "quantity",
                          f"{q.what}: {quantity_label(q)} {q.unit}"))
    return marks


def event_evidence(result: ArticleResult, event: Event) -> Markup:
    """The evidence sentence as safe HTML with the event's spans highlighted."""
    ev = event.evidence
    text = result.article.text[ev.start:ev.end]
    return highlight(text, event_marks(result, event), base=ev.start)


def article_marks(result: ArticleResult) -> list[Mark]:
    """Removed lines, actor mentions, event triggers and attributions of an article."""
    marks = [Mark(r.span.start, r.span.end, "removed", f"removed: {r.reason}")
             for r in result.removed]
    for actor in result.actors:
        label = actor_label(actor)
        marks += [Mark(m.start, m.end, "actor", label) for m in actor.mentions]
    for e in result.events:
        marks.append(Mark(e.trigger.start, e.trigger.end, "event", f"{e.type} ({e.status})"))
    for a in result.attributions:
        marks.append(Mark(a.cue.start, a.cue.end, "cue", f"cue ({a.kind})"))
        if a.source is not None:
            marks.append(Mark(a.source.span.start, a.source.span.end, "speaker", "source"))
        marks += [Mark(c.start, c.end, "content", "attributed content") for c in a.contents]
    return marks


def article_html(result: ArticleResult) -> Markup:
    """The full article text as safe HTML, everything coded highlighted."""
    return highlight(result.article.text, article_marks(result))


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One link of an attribution chain: who, and how they relate to the next."""

    label: str
    role: str  # "speaker", "via", "cue", "article"
    actor_id: str | None = None


def attribution_chain(result: ArticleResult, event: Event) -> list[ChainStep]:
    """Who the event is ascribed to, through whom, and the cue that says so.

    Read left to right: the article reports, via intermediaries, that the
    speaker said (cue) the content holding the event.
    """
    steps = [ChainStep(result.article.outlet or "the article", "article")]
    att = attribution_of(result, event)
    via = event.via or (att.via if att else ())
    steps += [ChainStep(name_of(result, v), "via", v) for v in via]
    if att is not None and att.source is not None:
        sid = att.source.actor
        steps.append(ChainStep(name_of(result, sid) if sid else att.source.span.text,
                               "speaker", sid))
    else:
        steps += [ChainStep(name_of(result, a), "speaker", a) for a in event.attributed_to]
    if att is not None:
        steps.append(ChainStep(att.cue.text, "cue"))
    return steps
