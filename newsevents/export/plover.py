"""PLOVER JSON Lines: one record per event, in the PLOVER manual's record layout.

Fields follow the PLOVER data format (``id``, ``date``, ``event_type``,
``mode``, ``context``, ``source``/``target`` as lists of ``{"actorText",
"code", "sector"}``, ``eventText``, ``text``, ``eventLoc``, ``dead``,
``injured``, ``size``, ``language``, ``publication``); newsevents adds what
PLOVER has no field for: ``status`` (epistemic status), ``attributed_to``
and ``via`` (who asserts the event and through whom), ``confidence``, the
evidence offsets and the story it belongs to (under ``newsevents``).
"""

from __future__ import annotations

import json
from typing import IO

import duckdb

from .rows import event_dicts

#: Our quantity ``what`` -> PLOVER's count fields.
COUNT_FIELDS = {"killed": "dead", "dead": "dead", "injured": "injured", "wounded": "injured"}
SIZE_WHATS = ("protesters", "troops", "arrested", "displaced", "people")


def _actors(side: list[dict] | None) -> list[dict]:
    return [{"actorText": a["name"], "code": a["country"], "sector": a["sector"]}
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


def plover_record(row: dict) -> dict:
    """The PLOVER record of one flat event row (see :mod:`newsevents.export.rows`)."""
    rec = {
        "id": row["event_id"],
        "date": row["event_date"].isoformat() if row["event_date"] else None,
        "event_type": row["type"],
        "mode": row["mode"] or "",
        "context": "",  # newsevents does not code PLOVER contexts
        "source": _actors(row["sources"]),
        "target": _actors(row["targets"]),
        "eventText": row["trigger_text"],
        "text": row["evidence"],
        "language": row["language"] or "en",
        "publication": row["outlet"],
        "url": row["url"],
    }
    if row["location_text"]:
        rec["eventLoc"] = {"text": row["location_text"], "country": row["location_country"],
                           "lat": row["lat"], "lon": row["lon"]}
    rec.update(_counts(row["quantities"]))
    rec.update({
        "status": row["status"],
        "attributed_to": list(row["attributed_names"] or []),
        "via": list(row["via_names"] or []),
        "confidence": row["confidence"],
        "newsevents": {"article_id": row["article_id"], "event_id": row["local_id"],
                       "evidence": [row["evidence_start"], row["evidence_end"]],
                       "date_text": row["date_text"], "story_id": row["story_id"],
                       "published": row["published"].isoformat() if row["published"] else None},
    })
    return rec


def write_plover(con: duckdb.DuckDBPyConnection, fh: IO[str], f: object = None) -> int:
    """One PLOVER JSON record per line; returns the count."""
    n = 0
    for row in event_dicts(con, f):
        fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
