"""The ``newsevents/1`` JSON contract: the one serialiser, its inverse, and the schema.

``to_json`` is the only code that turns records into the output contract;
``from_json`` reads it back (for shards, stores and tests).  The JSON Schema
ships in ``newsevents/data/schema/newsevents-1.schema.json``.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import ContractError
from .records import (
    SCHEMA, Actor, Article, ArticleResult, Attribution, AttributionSource, Event,
    EventDate, Failed, Location, Outcome, Quantity, RejectedEvent, Removed, Skipped, Span,
)


def _span(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(d: EventDate | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"text": d.text, "value": d.value, "precision": d.precision,
            "start": _iso(d.start), "end": _iso(d.end), "span": _span(d.span)}


def _location(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"text": loc.text, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
            "span": _span(loc.span)}


def _number(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _quantity(q: Quantity) -> dict[str, Any]:
    return {"value": _number(q.value), "min": _number(q.min), "max": _number(q.max),
            "approx": q.approx, "unit": q.unit, "what": q.what, "span": _span(q.span)}


def _to_quantity(q: dict[str, Any]) -> Quantity:
    # "min"/"max"/"approx" arrived in schema version 1.1; a 1.0 record has none
    return Quantity(q["value"], q["unit"], q["what"], _to_span(q["span"]), q.get("min"),
                    q.get("max"), bool(q.get("approx", False)))


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "type": e.type, "mode": e.mode,
        "source": list(e.source), "target": list(e.target),
        "status": e.status, "attributed_to": list(e.attributed_to), "via": list(e.via),
        "trigger": _span(e.trigger), "evidence": _span(e.evidence),
        "date": _date(e.date), "location": _location(e.location),
        "quantities": [_quantity(q) for q in e.quantities],
        "confidence": round(e.confidence, 3), "coder": e.coder, "attribution": e.attribution,
        "readings": list(e.readings),
    }


def _actor(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
            "sector": a.sector, "role": a.role, "affiliation": a.affiliation,
            "mentions": [_span(m) for m in a.mentions]}


def _attribution(a: Attribution) -> dict[str, Any]:
    source = None
    if a.source is not None:
        source = {**_span(a.source.span), "actor": a.source.actor}
    return {"id": a.id, "kind": a.kind, "source": source, "cue": _span(a.cue),
            "contents": [_span(c) for c in a.contents], "status": a.status,
            "via": list(a.via)}


def _article(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source": a.source, "title": a.title, "published": _iso(a.published),
            "outlet": a.outlet, "language": a.language, "url": a.url, "text": a.text}


def to_json(outcome: Outcome) -> dict[str, Any]:
    """Serialise an outcome (result, skip or failure) to the ``newsevents/1`` contract."""
    if isinstance(outcome, Skipped):
        return {"schema": SCHEMA, "source": outcome.source, "id": outcome.id,
                "skipped": {"reason": outcome.reason, "detail": outcome.detail}}
    if isinstance(outcome, Failed):
        return {"schema": SCHEMA, "source": outcome.source, "id": outcome.id,
                "error": {"kind": outcome.kind, "message": outcome.message}}
    return {
        "schema": SCHEMA,
        "article": _article(outcome.article),
        "removed": [{**_span(r.span), "reason": r.reason} for r in outcome.removed],
        "actors": [_actor(a) for a in outcome.actors],
        "events": [_event(e) for e in outcome.events],
        "attributions": [_attribution(a) for a in outcome.attributions],
        "rejected": [{"type": r.type, "trigger": _span(r.trigger), "reason": r.reason,
                      "reading": r.reading} for r in outcome.rejected],
    }


def dumps(outcome: Outcome, indent: int | None = None) -> str:
    """The contract record of ``outcome`` as a JSON string (UTF-8, not ASCII-escaped)."""
    return json.dumps(to_json(outcome), ensure_ascii=False, indent=indent)


# --- reading back -----------------------------------------------------------

def _to_span(d: dict[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), d["text"])


def _to_date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _to_event(d: dict[str, Any]) -> Event:
    dt = d.get("date")
    loc = d.get("location")
    return Event(
        id=d["id"], type=d["type"], mode=d.get("mode"),
        source=tuple(d["source"]), target=tuple(d["target"]), status=d["status"],
        attributed_to=tuple(d["attributed_to"]), via=tuple(d.get("via", ())),
        trigger=_to_span(d["trigger"]), evidence=_to_span(d["evidence"]),
        date=None if dt is None else EventDate(
            text=dt["text"], span=_to_span(dt["span"]), start=_to_date(dt.get("start")),
            end=_to_date(dt.get("end")), precision=dt.get("precision")),
        location=None if loc is None else Location(
            text=loc["text"], span=_to_span(loc["span"]), country=loc.get("country"),
            lat=loc.get("lat"), lon=loc.get("lon")),
        quantities=tuple(_to_quantity(q) for q in d.get("quantities", ())),
        confidence=float(d.get("confidence", 0.5)), coder=d.get("coder", "rules"),
        attribution=d.get("attribution"), readings=tuple(d.get("readings", ())),
    )


def _to_attribution(d: dict[str, Any]) -> Attribution:
    src = d.get("source")
    return Attribution(
        id=d["id"], kind=d["kind"], cue=_to_span(d["cue"]),
        contents=tuple(_to_span(c) for c in d["contents"]), status=d.get("status", "reported"),
        source=None if src is None else AttributionSource(_to_span(src), src.get("actor")),
        via=tuple(d.get("via", ())),
    )


def from_json(record: dict[str, Any]) -> Outcome:
    """Rebuild the typed outcome from a contract record (inverse of :func:`to_json`)."""
    if "skipped" in record:
        sk = record["skipped"]
        return Skipped(record["source"], sk["reason"], sk.get("detail", ""), record.get("id"))
    if "error" in record:
        er = record["error"]
        return Failed(record["source"], er["kind"], er["message"], record.get("id"))
    a = record["article"]
    article = Article(id=a["id"], source=a["source"], text=a["text"], title=a.get("title"),
                      published=_to_date(a.get("published")), outlet=a.get("outlet"),
                      language=a.get("language"), url=a.get("url"))
    return ArticleResult(
        article=article,
        removed=tuple(Removed(_to_span(r), r["reason"]) for r in record["removed"]),
        actors=tuple(Actor(id=x["id"], name=x["name"], kind=x["kind"], country=x.get("country"),
                           sector=x.get("sector"), role=x.get("role"),
                           affiliation=x.get("affiliation"),
                           mentions=tuple(_to_span(m) for m in x["mentions"]))
                     for x in record["actors"]),
        events=tuple(_to_event(e) for e in record["events"]),
        attributions=tuple(_to_attribution(x) for x in record["attributions"]),
        rejected=tuple(RejectedEvent(r["type"], _to_span(r["trigger"]), r["reason"], r.get("reading", ""))
                       for r in record.get("rejected", ())),
    )


# --- schema -----------------------------------------------------------------

@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The shipped JSON Schema of the ``newsevents/1`` record."""
    path = resources.files("newsevents") / "data" / "schema" / "newsevents-1.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    """The schema's validator, built once (checking the schema itself once too);
    its format checker enforces ``"format": "date"`` (a real calendar date)."""
    import jsonschema  # imported here: only validation needs it

    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    return cls(schema(), format_checker=cls.FORMAT_CHECKER)


def validate(record: dict[str, Any]) -> None:
    """Raise :class:`ContractError` unless ``record`` satisfies the schema.

    Also checks what a schema cannot say: every span slices the article text.
    """
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(record))  # the error jsonschema.validate raises
    if error is not None:
        where = "/".join(map(str, error.absolute_path))
        raise ContractError(f"{error.message} at {where}")
    if "article" in record:
        text = record["article"]["text"]
        for span in _iter_spans(record):
            if text[span["start"]:span["end"]] != span["text"]:
                raise ContractError(f"span {span['start']}:{span['end']} does not slice the text")


def _iter_spans(node: Any):
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            yield node
        for key, value in node.items():
            if key != "article":
                yield from _iter_spans(value)
    elif isinstance(node, list):
        for item in node:
            yield from _iter_spans(item)
