"""Countries, demonyms, government seats, places and organizations.

Reads the compact data that ``scripts/build_gazetteer.py`` writes into
``newsevents/data/gazetteer`` and the editable ``newsevents/data/organizations.tsv``.
Every lookup is tolerant of case, periods, accents and a leading "the"
("U.S." = "US" = "the United States"); the actors stage adds the context
checks (NER label, capitalisation) that ambiguous names ("Jordan", "Chad",
"Georgia") need.  The gazetteer's loaders are cached: its files are read once per
process.  The two word lists under ``data/lexicons/`` (``leaders.tsv``,
``family_first_names.tsv``) are built from the actors stage's
:class:`~newsevents.coding.lexicon_files.LexiconFiles` instead (:func:`leaders`,
:func:`family_first_names`), so ``Settings.lexicons`` can replace them.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import ModelError
from ..lexicon_files import LexiconFiles

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[2] / "data"
GAZETTEER = DATA / "gazetteer"
ORGANIZATIONS = DATA / "organizations.tsv"


@dataclass(frozen=True, slots=True)
class Country:
    """A country (or territory) of ISO 3166."""

    iso3: str
    name: str
    iso2: str = ""
    capital: str | None = None
    demonym: str | None = None  # the adjective, e.g. "Iranian"
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A named place: ``kind`` is country, capital, city or region (a US state)."""

    name: str
    kind: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """One row of the organization dictionary.

    ``country`` is an ISO3 code, ``"IGO"``, ``"?"`` (take it from the
    context) or ``None``; ``ambiguous`` holds the aliases that are ordinary
    words too and need NER support.
    """

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    ambiguous: frozenset[str] = frozenset()


_PUNCT = re.compile(r"[.\u2019'`]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015]+")


def norm(text: str) -> str:
    """Lookup key: accents folded, lower case, no periods/apostrophes, no leading
    "the", "St"/"Ste" spelt out."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.strip().lower()
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    text = _SPACE.sub(" ", _PUNCT.sub("", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    # "St. Petersburg" and "Saint Petersburg" are one name (GeoNames spells both ways)
    if text.startswith(("st ", "ste ")):
        text = "saint" + text[2:] if text.startswith("st ") else "sainte" + text[3:]
    return text


@dataclass(frozen=True, slots=True)
class _Countries:
    by_iso3: dict[str, Country]
    names: dict[str, str]          # key -> ISO3
    demonyms: dict[str, str]       # key -> ISO3
    seats: dict[str, str]          # key -> ISO3
    raw_names: dict[str, tuple[str, ...]]     # ISO3 -> names as written
    raw_demonyms: dict[str, tuple[str, ...]]
    raw_seats: dict[str, tuple[str, ...]]
    ambiguous: frozenset[str]      # keys that need NER support
    us_states: frozenset[str]
    seat_overrides: dict[str, str]
    regions: dict[str, tuple[str, str]]  # key -> (name, ISO3)


@lru_cache(maxsize=1)
def _countries() -> _Countries:
    try:
        payload = json.loads((GAZETTEER / "countries.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"gazetteer data missing or unreadable: {exc}; run scripts/build_gazetteer.py") from exc
    rows = sorted(payload["countries"], key=lambda c: -(c.get("population") or 0))
    by_iso3: dict[str, Country] = {}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    seats: dict[str, str] = {}
    for c in rows:  # biggest first: a shared demonym ("Congolese") goes to the bigger country
        # the adjective: "Hong Konger", "New Zealander" name a person, so "Hong Kong police" keeps the name
        dem = next((d for d in c["demonyms"] if not d.endswith(("er", "ers"))), None)
        by_iso3[c["iso3"]] = Country(c["iso3"], c["name"], c["iso2"], c["capital"], dem, c["lat"], c["lon"])
        for n in [c["iso3"]] + c["names"]:
            names.setdefault(norm(n), c["iso3"])
        for d in c["demonyms"]:
            demonyms.setdefault(norm(d), c["iso3"])
        for s in c["seats"]:
            seats.setdefault(norm(s), c["iso3"])
    # An explicit name always beats another country's seat or demonym of the same spelling.
    return _Countries(
        by_iso3, names, demonyms, seats,
        {c["iso3"]: tuple(c["names"]) for c in rows},
        {c["iso3"]: tuple(c["demonyms"]) for c in rows},
        {c["iso3"]: tuple(c["seats"]) for c in rows},
        frozenset(norm(a) for a in payload.get("ambiguous", [])),
        frozenset(norm(s["name"]) for s in payload.get("us_states", [])),
        dict(payload.get("seat_overrides", {})),
        {norm(k): (k, v) for k, v in payload.get("regions", {}).items()},
    )


def countries() -> tuple[Country, ...]:
    """All countries, biggest population first."""
    return tuple(_countries().by_iso3.values())


def country(name_or_alias: str) -> Country | None:
    """The country called ``name_or_alias`` ("U.S.", "Britain", "IRN", "the DPRK")."""
    data = _countries()
    key = norm(name_or_alias)
    iso3 = data.names.get(key)
    return data.by_iso3.get(iso3) if iso3 else None


def country_by_code(iso3: str) -> Country | None:
    """The country with ISO 3166 alpha-3 code ``iso3``."""
    return _countries().by_iso3.get(iso3.upper())


def demonym(word: str) -> str | None:
    """ISO3 of a demonym, adjective or people noun ("Iranian", "Iranians", "British")."""
    return _countries().demonyms.get(norm(word))


def seat(name: str) -> str | None:
    """ISO3 of the government seated at ``name`` ("Tehran", "the Kremlin", "Downing Street")."""
    return _countries().seats.get(norm(name))


def is_ambiguous(name: str) -> bool:
    """True when ``name`` is also an everyday word or personal name ("Jordan", "Chad")."""
    return norm(name) in _countries().ambiguous


def is_us_state(name: str) -> bool:
    """True for the name of a US state ("Georgia", "Washington")."""
    return norm(name) in _countries().us_states


def seat_override(name: str) -> str | None:
    """Organization a seat usually stands for instead of its country ("Brussels" -> "EU")."""
    for k, v in _countries().seat_overrides.items():
        if norm(k) == norm(name):
            return v
    return None


def country_forms() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """ISO3 -> (names, demonyms, seats) as written, for building phrase matchers."""
    data = _countries()
    return {iso3: (data.raw_names[iso3], data.raw_demonyms[iso3], data.raw_seats[iso3]) for iso3 in data.by_iso3}


@lru_cache(maxsize=1)
def _cities() -> dict[str, Place]:
    """Normalised city name or alias -> the most populous city of that name."""
    index: dict[str, Place] = {}
    try:
        with (GAZETTEER / "cities.tsv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                pl = Place(row["name"], "city", row["iso3"], float(row["lat"]), float(row["lon"]), int(row["population"]))
                for n in [row["name"]] + [a for a in row["alternates"].split(";") if a]:
                    index.setdefault(norm(n), pl)  # rows are sorted biggest first
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"gazetteer cities unreadable: {exc}; run scripts/build_gazetteer.py") from exc
    return index


def place(name: str, prefer_us_state: bool = False) -> Place | None:
    """Resolve a place name: a country, a capital, another city, a region or a US state.

    Countries win over cities of the same name; a capital is reported with
    ``kind="capital"``.  Regions ("Darfur", "Crimea") and US states come
    back as ``kind="region"`` (US states in USA, without coordinates);
    a state that is also a country ("Georgia") is the country unless
    ``prefer_us_state`` (the article is about US places).
    """
    key = norm(name)
    if not key:
        return None
    data = _countries()
    if key in data.us_states and key != "washington" and (prefer_us_state or key not in data.names):
        return Place(name.strip(), "region", "USA")
    c = country(name)
    if c is not None:
        return Place(c.name, "country", c.iso3, c.lat, c.lon)
    city = _cities().get(key)
    if city is not None:
        cap = data.by_iso3.get(city.country)
        if cap is not None and cap.capital and norm(cap.capital) == norm(city.name):
            return Place(city.name, "capital", city.country, city.lat, city.lon, city.population)
        return city
    if key in data.regions:  # "Darfur", "Crimea": a region of a country, no coordinates shipped
        region, iso3 = data.regions[key]
        return Place(region, "region", iso3)
    iso3 = data.seats.get(key)
    if iso3 is not None:  # a seat such as "the Kremlin": locate it at the capital
        cap_name = data.by_iso3[iso3].capital
        cap = _cities().get(norm(cap_name)) if cap_name else None
        return Place(name.strip(), "capital", iso3, cap.lat if cap else None, cap.lon if cap else None)
    return None


@lru_cache(maxsize=1)
def organizations() -> tuple[OrgEntry, ...]:
    """All rows of the organization dictionary, in file order."""
    entries: list[OrgEntry] = []
    try:
        lines = ORGANIZATIONS.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"organization dictionary unreadable: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            log.warning("organizations.tsv line %d: expected 5 columns, got %d", n, len(cols))
            continue
        names = [cols[0]] + [a for a in cols[1].split(";") if a.strip()]
        ambiguous = frozenset(_strip_the(a[1:]) for a in names if a.startswith("~"))
        # the name keeps its "The" for display ("The Hill"); matching ignores a leading "the"
        clean = tuple(dict.fromkeys([names[0].lstrip("~").strip()] + [_strip_the(a.lstrip("~")) for a in names[1:]]))
        entries.append(OrgEntry(clean[0], clean[1:], cols[2].strip() or "organization",
                                cols[3].strip() or None, cols[4].strip() or None, ambiguous))
    return tuple(entries)


def _strip_the(name: str) -> str:
    name = name.strip()
    return name[4:] if name.lower().startswith("the ") else name


@lru_cache(maxsize=1)
def _org_index() -> dict[str, OrgEntry]:
    index: dict[str, OrgEntry] = {}
    for e in organizations():
        for n in (e.name,) + e.aliases:
            index.setdefault(norm(n), e)
    return index


def organization(name: str) -> OrgEntry | None:
    """The dictionary entry for an organization name or alias ("the U.N.", "Ansar Allah")."""
    return _org_index().get(norm(name))


@dataclass(frozen=True, slots=True)
class Leader:
    """A well-known leader of ``leaders.tsv``: country and sector when the text says neither."""

    name: str
    country: str
    sector: str | None


#: word endings that romanisations of one Slavic name spell differently
#: ("Zelensky", "Zelenskiy", "Zelenskyy"; "Navalny", "Navalnyy")
_ENDINGS = re.compile(r"(?:iy|yy|ij|ii)\b")


def _romanised(key: str) -> str:
    """``key`` with its romanisation variants spelled one way."""
    return _ENDINGS.sub("y", key)


@dataclass(frozen=True, slots=True)
class Leaders:
    """The leader list of ``leaders.tsv`` (the actors stage builds it from its
    :class:`~newsevents.coding.lexicon_files.LexiconFiles`: :func:`leaders`)."""

    full: dict[str, Leader]            # full name or alias key -> leader
    surnames: dict[str, Leader | None]  # last word -> leader (None: two countries share it)
    ends: dict[tuple[str, str], Leader]  # (first word, last word) -> leader

    def find(self, words: tuple[str, ...], head_of_state_title: bool = False) -> Leader | None:
        """The listed leader a person name denotes, or ``None``.

        A full name or listed alias ("Putin") is enough, and so are its first
        and last words around a middle name ("Omar Hassan al-Bashir"); a bare
        surname only after a head-of-state title ("President Mugabe") and when
        no two countries' leaders share it.  A name with another first name is
        somebody else ("Tim Johnson" is not Boris Johnson).
        """
        key = _romanised(norm(" ".join(words)))
        if not key:
            return None
        if key in self.full:
            return self.full[key]
        parts = key.split()
        if len(parts) > 1:
            return self.ends.get((parts[0], parts[-1]))
        return self.surnames.get(key) if head_of_state_title else None


def leaders(files: LexiconFiles = LexiconFiles()) -> Leaders:
    """The leader list of ``files`` (by default the packaged ``leaders.tsv``)."""
    return files.table("leaders.tsv", parse_leaders)


def parse_leaders(rows: tuple[tuple[int, str], ...]) -> Leaders:
    """:class:`Leaders` of the rows of ``leaders.tsv`` (name, country, sector, aliases)."""
    full: dict[str, Leader] = {}
    surnames: dict[str, Leader | None] = {}
    ends: dict[tuple[str, str], Leader] = {}
    for _, line in rows:
        cols = line.split("\t")
        if len(cols) != 4:
            continue
        entry = Leader(cols[0], cols[1], cols[2] or None)
        for form in [cols[0]] + [a for a in cols[3].split(";") if a.strip()]:
            full.setdefault(_romanised(norm(form)), entry)
        words = _romanised(norm(cols[0])).split()
        ends.setdefault((words[0], words[-1]), entry)
        old = surnames.get(words[-1], entry)
        surnames[words[-1]] = entry if old is not None and old.country == entry.country else None
    return Leaders(full, surnames, ends)


def family_first_names(files: LexiconFiles = LexiconFiles()) -> frozenset[str]:
    """Family names written first (Korean, Chinese, Vietnamese: "Moon Jae-in", "Xi Jinping"),
    from ``family_first_names.tsv`` of ``files``."""
    return files.table("family_first_names.tsv", parse_names)


def parse_names(rows: tuple[tuple[int, str], ...]) -> frozenset[str]:
    """The names of the rows of a one-column list."""
    return frozenset(line.strip() for _, line in rows)
