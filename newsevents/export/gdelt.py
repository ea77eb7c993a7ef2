"""A GDELT-style events TSV: GDELT 2.0 column names, CAMEO codes from our PLOVER table.

One row per event (not per dyad): Actor1 is the first source, Actor2 the
first target.  Actor codes are CAMEO-style country + sector ("IRNGOV").
NumMentions (reports), NumSources (outlets) and NumArticles come from the
event's story, so a story reported by 200 outlets is one story, visible as
such, rather than 200 unrelated events.
GoldsteinScale is the Goldstein weight of the event's CAMEO code (from the
same table); AvgTone is left empty: newsevents does not score tone.
Extra columns after SOURCEURL carry the PLOVER type/mode, status and
attribution.
"""

from __future__ import annotations

import csv
from typing import IO

import duckdb

from .cameo import cameo
from .rows import event_dicts

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
    "PloverType", "PloverMode", "Status", "AttributedTo", "NewsEventsId", "StoryId")


def _actor(side: list[dict] | None) -> tuple[str, str, str, str]:
    if not side:
        return "", "", "", ""
    a = side[0]
    code = f"{a['country'] or ''}{a['sector'] or ''}"
    return code, (a["name"] or "").upper(), a["country"] or "", a["sector"] or ""


def gdelt_row(row: dict) -> list[object]:
    """The TSV cells of one flat event row."""
    day = row["event_date"]
    code = cameo(row["type"], row["mode"])
    a1, a2 = _actor(row["sources"]), _actor(row["targets"])
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    return [
        row["eid"], day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "", fraction, *a1, *a2,
        1, code.code if code else "", code.base if code else "", code.root if code else "",
        code.quad_class if code else "", code.goldstein if code else "",
        row["n_reports"] or 1, row["n_outlets"] or 0, row["n_articles"] or 1, "",
        row["location_text"] or "", row["location_country"] or "",
        "" if row["lat"] is None else row["lat"], "" if row["lon"] is None else row["lon"],
        row["published"].strftime("%Y%m%d") if row["published"] else "", row["url"] or "",
        row["type"], row["mode"] or "", row["status"],
        "; ".join(row["attributed_names"] or []), row["event_id"], row["story_id"] or "",
    ]


def _clean(cell: object) -> object:
    # A TSV cell may not hold tabs or line breaks.
    return " ".join(cell.split()) if isinstance(cell, str) else cell


def write_gdelt(con: duckdb.DuckDBPyConnection, fh: IO[str], f: object = None) -> int:
    """The header line, then one tab-separated row per event; returns the count."""
    writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in event_dicts(con, f):
        writer.writerow([_clean(c) for c in gdelt_row(row)])
        n += 1
    return n
