"""PLOVER JSON Lines: one record per event, with the field names of the PLOVER
specification's "JSON Data Fields" chapter (PLOVER manual, version 0.7b1).

Required there: ``id``, ``date`` (``YYYY-MM-DD``; the publication date when the
event itself is undated, said in ``newsevents.date_from``), ``source`` (actor
objects ``{"code", "sector", "actor_text"}``) and ``event`` (a list of PLOVER
categories).  Optional fields filled here: ``recipient``, ``mode``,
``event_text``, ``quad_code``, ``event_scale`` (the Goldstein weight of the
event's CAMEO code), ``event_loc`` (a location object with GeoNames field names:
``name``, ``latitude``, ``longitude``, ``country code``, ``cc3``), ``text`` (the
evidence sentence) with ``text_info`` (its character offsets), ``cite_info``
(``url``, ``title``, ``language``, ``publication``), ``coder``, and the counts
the manual names (``dead``, ``injured``, ``arrested``) plus ``size``.
``context`` is left out: newsevents does not code PLOVER contexts.

The manual invites providers to add fields of their own; newsevents adds what
PLOVER has no field for: ``status`` (epistemic status), ``attributed_to`` and
``via`` (who asserts the event and through whom), ``confidence``, and under
``newsevents`` the article, story and date text.  The shipped JSON Schema
``data/schema/plover-0.7.schema.json`` states all of this and the tests
validate every exported record against it.
"""

from __future__ import annotations

import json
from typing import IO

import duckdb

from ..version import __version__
from .cameo import cameo
from ..store.filters import EventFilter
from .rows import event_dicts

#: the PLOVER manual version whose JSON field names are used
PLOVER_VERSION = "0.7b1"
#: Our quantity ``what`` -> PLOVER's count fields.
COUNT_FIELDS = {"killed": "dead", "dead": "dead", "injured": "injured", "wounded": "injured",
                "arrested": "arrested"}
SIZE_WHATS = ("protesters", "troops", "displaced", "people")


def _actors(side: list[dict] | None) -> list[dict]:
    return [{"code": a["country"], "sector": a["sector"], "actor_text": a["name"]}
            for a in side or []]


def _counts(quantities: list[dict] | None) -> dict:
    out: dict = {}
    for q in quantities or []:
        value = q["value"]
        value = int(value) if value is not None and float(value).is_integer() else value
        field = COUNT_FIELDS.get(q["what"])
        if field and field not in out:
            out[field] = value
        elif q["what"] in SIZE_WHATS and "size" not in out:
            out["size"] = value
    return out


def _location(row: dict) -> dict | None:
    if not row["location_text"]:
        return None
    from ..coding.vocab.gazetteer import country_by_code

    iso3 = row["location_country"]
    country = country_by_code(iso3) if iso3 else None
    return {"name": row["location_text"], "latitude": row["lat"], "longitude": row["lon"],
            "country code": country.iso2 if country else None, "cc3": iso3}


def _date_from(row: dict) -> str | None:
    """Whose date ``date`` is: the event's own, or (the store's fallback) the publication's."""
    if row["event_date"] is None:
        return None
    return "event" if row["date_value"] else "publication"


def plover_record(row: dict) -> dict:
    """The PLOVER record of one flat event row (see :mod:`newsevents.export.rows`)."""
    day = row["event_date"] or row["published"]
    code = cameo(row["type"], row["mode"])
    rec: dict = {
        "id": row["event_id"],
        "date": day.isoformat() if day else None,
        "source": _actors(row["sources"]),
        "recipient": _actors(row["targets"]),
        "event": [row["type"]],
    }
    if row["mode"]:
        rec["mode"] = row["mode"]
    rec.update({
        "event_text": [row["trigger_text"]],
        "quad_code": code.quad_class if code else None,
        "event_scale": code.goldstein if code else None,
    })
    loc = _location(row)
    if loc:
        rec["event_loc"] = loc
    rec.update(_counts(row["quantities"]))
    rec.update({
        "text": row["evidence"],
        "text_info": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "language": row["language"] or "en",
                      "publication": row["outlet"], "codebook": f"plover-{PLOVER_VERSION}"},
        "coder": f"newsevents {__version__} ({row['coder']})",
        "status": row["status"],
        "attributed_to": list(row["attributed_names"] or []),
        "via": list(row["via_names"] or []),
        "confidence": row["confidence"],
        "newsevents": {"article_id": row["article_id"], "event_id": row["local_id"],
                       "date_from": _date_from(row),
                       "date_text": row["date_text"], "story_id": row["story_id"],
                       "published": row["published"].isoformat() if row["published"] else None},
    })
    return rec


def write_plover(con: duckdb.DuckDBPyConnection, fh: IO[str], f: EventFilter | None = None) -> int:
    """One PLOVER JSON record per line; returns the count."""
    n = 0
    for row in event_dicts(con, f):
        fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
