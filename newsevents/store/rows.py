"""Coded articles -> columns of the store's tables, as Arrow tables.

The writer never inserts row by row: it turns a batch of
:class:`~newsevents.records.ArticleResult` into one Arrow table per store
table (columns built as Python lists, converted once) and hands them to
DuckDB in one statement each.  The Arrow schemas here mirror
:mod:`newsevents.store.schema`; ``INSERT … BY NAME`` matches them up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from ..contract import to_json
from ..records import Actor, ArticleResult, Event

_S, _I, _B, _F, _D = pa.string(), pa.int32(), pa.bool_(), pa.float64(), pa.date32()
_L = pa.list_(pa.string())

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _S), ("doc_id", _S), ("url", _S), ("version", _I), ("latest", _B),
        ("source", _S), ("title", _S), ("published", _D), ("outlet", _S), ("language", _S),
        ("n_chars", _I), ("n_events", _I), ("record", _S)]),
    "actors": pa.schema([
        ("article_id", _S), ("actor_id", _S), ("name", _S), ("kind", _S), ("country", _S),
        ("sector", _S), ("role", _S), ("affiliation", _S), ("actor_key", _S),
        ("n_mentions", _I)]),
    "mentions": pa.schema([
        ("article_id", _S), ("actor_id", _S), ("start_char", _I), ("end_char", _I),
        ("text", _S)]),
    "events": pa.schema([
        ("eid", pa.int64()), ("article_id", _S), ("event_id", _S),
        ("type", _S), ("mode", _S), ("status", _S), ("confidence", _F), ("coder", _S),
        ("trigger_start", _I), ("trigger_end", _I), ("trigger_text", _S),
        ("evidence_start", _I), ("evidence_end", _I), ("evidence", _S),
        ("date_text", _S), ("date_value", _S), ("date_start", _D), ("date_end", _D),
        ("date_precision", _S), ("event_date", _D), ("month", _S),
        ("location_text", _S), ("location_country", _S), ("lat", _F), ("lon", _F),
        ("attribution_id", _S), ("published", _D), ("outlet", _S), ("latest", _B),
        ("source_names", _L), ("target_names", _L), ("attributed_names", _L),
        ("via_names", _L), ("source_countries", _L), ("target_countries", _L)]),
    "event_actors": pa.schema([
        ("eid", pa.int64()), ("article_id", _S), ("role", _S), ("actor_id", _S),
        ("name", _S), ("country", _S), ("sector", _S), ("actor_key", _S), ("latest", _B)]),
    "attributions": pa.schema([
        ("article_id", _S), ("attribution_id", _S), ("kind", _S), ("status", _S),
        ("speaker", _S), ("speaker_actor", _S), ("speaker_name", _S),
        ("speaker_country", _S), ("speaker_start", _I), ("speaker_end", _I),
        ("cue", _S), ("cue_start", _I), ("cue_end", _I), ("content", _S),
        ("content_starts", pa.list_(_I)), ("content_ends", pa.list_(_I)), ("via", _L),
        ("published", _D), ("outlet", _S), ("latest", _B)]),
    "quantities": pa.schema([
        ("eid", pa.int64()), ("article_id", _S), ("value", _F), ("unit", _S), ("what", _S),
        ("start_char", _I), ("end_char", _I), ("text", _S), ("min_value", _F),
        ("max_value", _F), ("approx", _B)]),
}


def actor_key(actor: Actor) -> str:
    """A key that groups the same actor across articles.

    A country is its ISO3 code; anything else its kind, country and lower-cased
    name (two people called "Ana Ruiz" in the same country are one key; that
    is the best an article-level coder can do).
    """
    if actor.kind == "country" and actor.country:
        return actor.country
    return f"{actor.kind}:{actor.country or ''}:{' '.join(actor.name.lower().split())}"


def month_of(d: date | None) -> str | None:
    """``YYYY-MM`` of a date (the partition key of exports)."""
    return d.strftime("%Y-%m") if d else None


@dataclass
class Columns:
    """Column lists of one batch, per table; :meth:`tables` turns them into Arrow."""

    data: dict[str, dict[str, list]] = field(default_factory=lambda: {
        name: {col: [] for col in schema.names} for name, schema in ARROW_SCHEMAS.items()})

    def add(self, table: str, **row: object) -> None:
        cols = self.data[table]
        for col in cols:
            cols[col].append(row.get(col))

    def tables(self) -> dict[str, pa.Table]:
        return {name: pa.table(cols, schema=ARROW_SCHEMAS[name])
                for name, cols in self.data.items()}


def add_article(cols: Columns, key: str, version: int, result: ArticleResult,
                first_eid: int) -> int:
    """Append one article and everything coded in it; return the next free eid."""
    art = result.article
    record = json.dumps(to_json(result), ensure_ascii=False)
    cols.add("articles", article_id=key, doc_id=art.id, url=art.url, version=version,
             latest=True, source=art.source, title=art.title, published=art.published,
             outlet=art.outlet, language=art.language, n_chars=len(art.text),
             n_events=len(result.events), record=record)
    actors = {a.id: a for a in result.actors}
    for a in result.actors:
        cols.add("actors", article_id=key, actor_id=a.id, name=a.name, kind=a.kind,
                 country=a.country, sector=a.sector, role=a.role, affiliation=a.affiliation,
                 actor_key=actor_key(a), n_mentions=len(a.mentions))
        for m in a.mentions:
            cols.add("mentions", article_id=key, actor_id=a.id, start_char=m.start,
                     end_char=m.end, text=m.text)
    for a in result.attributions:
        _add_attribution(cols, key, art, a, actors)
    eid = first_eid
    for ev in result.events:
        _add_event(cols, key, art, ev, actors, eid)
        eid += 1
    return eid


def _names(ids: tuple[str, ...], actors: dict[str, Actor]) -> list[str]:
    return [actors[i].name if i in actors else i for i in ids]


def _countries(ids: tuple[str, ...], actors: dict[str, Actor]) -> list[str]:
    out = []
    for i in ids:
        c = actors[i].country if i in actors else None
        if c and c not in out:
            out.append(c)
    return out


def _add_event(cols: Columns, key: str, art, ev: Event, actors: dict[str, Actor],
               eid: int) -> None:
    d, loc = ev.date, ev.location
    day = (d.start if d and d.start else None) or art.published
    cols.add("events", eid=eid, article_id=key, event_id=ev.id,
             type=ev.type, mode=ev.mode, status=ev.status, confidence=ev.confidence,
             coder=ev.coder, trigger_start=ev.trigger.start, trigger_end=ev.trigger.end,
             trigger_text=ev.trigger.text, evidence_start=ev.evidence.start,
             evidence_end=ev.evidence.end, evidence=ev.evidence.text,
             date_text=d.text if d else None, date_value=d.value if d else None,
             date_start=d.start if d else None, date_end=d.end if d else None,
             date_precision=d.precision if d else None, event_date=day, month=month_of(day),
             location_text=loc.text if loc else None,
             location_country=loc.country if loc else None,
             lat=loc.lat if loc else None, lon=loc.lon if loc else None,
             attribution_id=ev.attribution, published=art.published, outlet=art.outlet,
             latest=True, source_names=_names(ev.source, actors),
             target_names=_names(ev.target, actors),
             attributed_names=_names(ev.attributed_to, actors), via_names=_names(ev.via, actors),
             source_countries=_countries(ev.source, actors),
             target_countries=_countries(ev.target, actors))
    for role, ids in (("source", ev.source), ("target", ev.target),
                      ("attributed_to", ev.attributed_to), ("via", ev.via)):
        for actor_id in ids:
            a = actors.get(actor_id)
            cols.add("event_actors", eid=eid, article_id=key, role=role, actor_id=actor_id,
                     name=a.name if a else actor_id, country=a.country if a else None,
                     sector=a.sector if a else None, actor_key=actor_key(a) if a else None,
                     latest=True)
    for q in ev.quantities:
        cols.add("quantities", eid=eid, article_id=key, value=float(q.value), unit=q.unit,
                 what=q.what, start_char=q.span.start, end_char=q.span.end, text=q.span.text,
                 min_value=None if q.min is None else float(q.min),
                 max_value=None if q.max is None else float(q.max), approx=q.approx)


def _add_attribution(cols: Columns, key: str, art, a, actors: dict[str, Actor]) -> None:
    src = a.source
    speaker = actors.get(src.actor) if src and src.actor else None
    cols.add("attributions", article_id=key, attribution_id=a.id, kind=a.kind, status=a.status,
             speaker=src.span.text if src else None, speaker_actor=src.actor if src else None,
             speaker_name=speaker.name if speaker else (src.span.text if src else None),
             speaker_country=speaker.country if speaker else None,
             speaker_start=src.span.start if src else None,
             speaker_end=src.span.end if src else None,
             cue=a.cue.text, cue_start=a.cue.start, cue_end=a.cue.end,
             content=" … ".join(c.text for c in a.contents),
             content_starts=[c.start for c in a.contents],
             content_ends=[c.end for c in a.contents],
             via=_names(a.via, actors), published=art.published, outlet=art.outlet, latest=True)
