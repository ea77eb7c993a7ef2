"""The country an article is set in, for its unqualified domestic actors.

Part of the actors stage (:mod:`.actors`).  A wire story about a protest in
Nairobi says "police", "the interior minister" and "opposition leaders"
without ever writing "Kenyan": readers take the country from the story's
setting, and so do event coders (ICEWS and PETRARCH code such actors with
the country of the story's location).  Here the setting is the one country
that dominates the places the article names — country names, capitals and
seats, towns and regions the gazetteer knows — and it is lent only to
actors of a domestic institution (government, military, police, judiciary,
legislature, opposition, parties, intelligence) that have no country of
their own.  An article that names several countries about evenly has no
setting and lends nothing: a guess would be worse than a blank.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz

if TYPE_CHECKING:
    from .types import Builder

#: sectors of institutions that belong to the country they act in
DOMESTIC_SECTORS = frozenset(("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "SPY"))
#: the setting must hold this share of the article's located mentions …
MIN_SHARE = 0.6
#: … and at least this many of them
MIN_MENTIONS = 2


def place_countries(b: "Builder") -> Counter:
    """Located mentions per country: mentions of countries and of national
    organizations ("the Kenya National Commission on Human Rights"), then places named.

    A place is a GPE/LOC entity the gazetteer resolves that no actor claimed.
    People do not count: a foreign leader quoted in a story is no setting.
    """
    counts: Counter = Counter()
    for d in b.drafts.values():
        if d.kind in ("country", "organization") and d.spans and _is_country(d.country):
            counts[d.country] += len(d.spans)
    for ent in b.ents:
        if ent.label_ not in ("GPE", "LOC") or any(t.i in b.owner for t in ent):
            continue
        _, place = b.place_of(ent)
        if place is not None and _is_country(place.country):
            counts[place.country] += 1
    return counts


def _is_country(code: str | None) -> bool:
    return bool(code) and gz.country_by_code(code) is not None  # not IGO, not a region


def setting_country(b: "Builder") -> str | None:
    """The ISO3 code of the country the article is set in, or ``None`` when unclear."""
    return _dominant(place_countries(b))


def people_country(b: "Builder") -> str | None:
    """The country most of the article's placed office holders serve, when one dominates.

    A story about Washington's dealings with Kyiv names Ukraine more often than the
    United States, yet its unplaced "Energy Secretary" is American: the officials
    whom the text does place say whose government the story follows.
    """
    counts: Counter = Counter(d.country for d in b.drafts.values()
                              if d.kind == "person" and d.spans and d.sector in DOMESTIC_SECTORS
                              and _is_country(d.country))
    return _dominant(counts)


def _dominant(counts: Counter) -> str | None:
    """The most counted country when it has ``MIN_MENTIONS`` and ``MIN_SHARE`` of all."""
    if not counts:
        return None
    code, top = counts.most_common(1)[0]
    if top < MIN_MENTIONS or top < MIN_SHARE * sum(counts.values()):
        return None
    return code


def lend_setting(b: "Builder") -> int:
    """Give domestic actors without a country the article's setting; returns how many.

    People take the country of the article's other office holders when one
    dominates (:func:`people_country`) and the setting otherwise.
    """
    code = setting_country(b)
    if code is None:
        return 0
    for_people = people_country(b) or code
    lent = 0
    for d in b.drafts.values():
        if d.country is None and d.spans and d.kind in ("person", "group", "organization") \
                and d.sector in DOMESTIC_SECTORS:
            d.country = for_people if d.kind == "person" else code
            lent += 1
    return lent
