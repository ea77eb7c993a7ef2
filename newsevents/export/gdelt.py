"""A GDELT 2.0 events file: the 61 tab-separated columns of the GDELT 2.0 event
table, in its order, with no header line (as GDELT publishes ``*.export.CSV``),
so tools that read GDELT files read it with the published column list
(:data:`COLUMNS`).

One row per event (not per dyad): Actor1 is the first source, Actor2 the first
target.  Codes are GDELT's own:

* actor codes are CAMEO-style country + sector ("IRNGOV"), the actor country a
  CAMEO (ISO3-like) code;
* ``EventCode``/``EventBaseCode``/``EventRootCode`` are CAMEO codes as strings
  with their leading zeros ("072", "07"), from our PLOVER -> CAMEO table
  (``data/plover_cameo.tsv``), with its quad class and Goldstein weight;
* ``SQLDATE`` is the event's date as ``YYYYMMDD`` (the publication date when the
  event is undated), ``DATEADDED`` the publication date as ``YYYYMMDDHHMMSS``;
* ``ActionGeo_CountryCode`` is the FIPS 10-4 code ("UP" for Ukraine, "RS" for
  Russia) from ``data/gazetteer/fips.tsv`` (written by the gazetteer build);
  ``ActionGeo_Type`` 1 is a country, 4 a city; actors are not geocoded (type 0).

NumMentions (reports), NumSources (outlets) and NumArticles come from the
event's story, so a story reported by 200 outlets is one story, visible as such.
What GDELT has no column for (AvgTone: newsevents does not score tone; the
known-group, ethnic and religion codes; ADM2 codes and feature ids of cities)
is left empty.  The PLOVER type, epistemic status and attribution are in the
``plover`` and ``csv`` exports, which share ``SOURCEURL`` and the date.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import IO

import duckdb

from .cameo import cameo
from ..store.filters import EventFilter
from .rows import event_dicts

#: The GDELT 2.0 event table, in file order (GDELT 2.0 Event Codebook).
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL")

#: Geo_Type values of the GDELT codebook used here
GEO_NONE, GEO_COUNTRY, GEO_WORLDCITY = 0, 1, 4


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """``{ISO3: FIPS 10-4 code}`` from the shipped ``data/gazetteer/fips.tsv``."""
    path = resources.files("newsevents") / "data" / "gazetteer" / "fips.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:])
    return {r[0]: r[1] for r in rows if len(r) >= 2 and r[1]}


def _actor(side: list[dict] | None) -> list[object]:
    if not side:
        return [""] * 10
    a = side[0]
    code = f"{a['country'] or ''}{a['sector'] or ''}"
    return [code, (a["name"] or "").upper(), a["country"] or "", "", "", "", "",
            a["sector"] or "", "", ""]


def _action_geo(row: dict) -> list[object]:
    """ActionGeo_Type … ActionGeo_FeatureID of one event."""
    from ..coding.vocab import gazetteer

    text, iso3 = row["location_text"], row["location_country"]
    if not text and not iso3:
        return [GEO_NONE, "", "", "", "", "", "", ""]
    fips = fips_codes().get(iso3 or "", "")
    country = gazetteer.country_by_code(iso3) if iso3 else None
    named = gazetteer.country(text) if text else None
    is_country = named is not None and country is not None and named.iso3 == country.iso3
    if is_country or not text:
        return [GEO_COUNTRY, country.name if country else text, fips, fips, "",
                _num(row["lat"]), _num(row["lon"]), fips]
    full = f"{text}, {country.name}" if country and country.name != text else text
    return [GEO_WORLDCITY, full, fips, "", "", _num(row["lat"]), _num(row["lon"]), ""]


def _num(value: float | None) -> object:
    return "" if value is None else value


def _dates(day: date | None) -> list[object]:
    if day is None:
        return ["", "", "", ""]
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, fraction]


def gdelt_row(row: dict) -> list[object]:
    """The 61 cells of one flat event row (see :mod:`newsevents.export.rows`)."""
    code = cameo(row["type"], row["mode"])
    published = row["published"]
    cameo_cells = ([code.code, code.base, code.root, code.quad_class, code.goldstein]
                   if code else ["", "", "", "", ""])
    return [
        row["eid"], *_dates(row["event_date"] or published),
        *_actor(row["sources"]), *_actor(row["targets"]),
        1, *cameo_cells,
        row["n_reports"] or 1, row["n_outlets"] or 0, row["n_articles"] or 1, "",
        GEO_NONE, "", "", "", "", "", "", "",
        GEO_NONE, "", "", "", "", "", "", "",
        *_action_geo(row),
        published.strftime("%Y%m%d000000") if published else "", row["url"] or "",
    ]


def _clean(cell: object) -> object:
    # A TSV cell may not hold tabs or line breaks.
    return " ".join(cell.split()) if isinstance(cell, str) else cell


def write_gdelt(con: duckdb.DuckDBPyConnection, fh: IO[str], f: EventFilter | None = None) -> int:
    """One tab-separated row of :data:`COLUMNS` per event, no header; returns the count."""
    writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None,
                        lineterminator="\n")
    n = 0
    for row in event_dicts(con, f):
        writer.writerow([_clean(c) for c in gdelt_row(row)])
        n += 1
    return n
