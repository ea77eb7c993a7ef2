"""Where events happened: place names tied to event triggers, resolved by the gazetteer.

A place is a GPE/LOC/FAC entity, a demonym before a place noun ("the Syrian
border"), or a proper noun in a locative slot that NER missed but the
gazetteer knows.  It is the location of an event when

* it hangs on the trigger (or the trigger's clause) by a locative preposition:
  "clashes *in* Kharkiv", "*near* the border town *of* Rafah", "*in* northern
  Syria", "*on* the outskirts *of* Kherson", "*in* the Donetsk region";
* otherwise, when it sits elsewhere in the same sentence behind a locative
  preposition, or it is a *city* that the trigger governs directly ("shelled
  Kharkiv", "the attack on Kharkiv": the place attacked is where the attack
  happened); for an ASSAULT a country or capital attacked counts too
  ("strikes on Gaza", "Russia invaded Ukraine").

An actor mention is not a location: outside locative phrases a country or
capital ("Iran attacked", "sanctions on Russia", "pressure on Moscow"), a
subject, a possessor or a name modifier is skipped; so is a place that is
only in the same sentence when another event's clause holds it.  "in Bakhmut, Ukraine" gives the
location Bakhmut, its country taken from the qualifier when the gazetteer
does not know the town.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ...records import Location, Span
from . import anchors
from .types import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..base import Analysis

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE = frozenset({
    "in", "at", "near", "outside", "inside", "across", "around", "throughout", "within",
    "into", "along", "off", "nearby", "beyond", "among", "amid", "through",
})
#: Nouns that stand for a place in "the town of X", "the X region", "the outskirts of X".
PLACE_NOUNS = frozenset({
    "town", "city", "village", "region", "province", "district", "outskirts", "suburb",
    "area", "capital", "port", "border", "coast", "state", "county", "governorate", "oblast",
    "neighborhood", "neighbourhood", "enclave", "territory", "island", "camp", "center",
    "centre", "part", "south", "north", "east", "west", "heart", "edge", "streets", "street",
    "square", "municipality", "settlement", "valley", "hub", "frontline", "front", "strip",
    "zone", "countryside", "vicinity", "hometown", "stronghold", "peninsula",
})
_DIRECTION = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|"
    r"northeastern|northwestern|southeastern|southwestern|eastern|western|upper|lower)$",
    re.IGNORECASE)
#: Prepositions of a target: a city after them is where the event happened.
_TARGET_PREPS = frozenset({"on", "against"})

Lookup = Callable[[str], object | None]


@dataclass(frozen=True, slots=True)
class _Demonym:
    """A place known only by its country: a demonym ("the Thai border") or a US state
    abbreviation ("Tulsa, Okla.")."""

    country: str
    kind: str = "demonym"
    lat: float | None = None
    lon: float | None = None


#: AP-style US state abbreviations, as in datelines and "Tulsa, Okla.".
_AP_STATES = frozenset({
    "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.",
    "ind.", "kan.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.",
    "mont.", "neb.", "nev.", "n.h.", "n.j.", "n.m.", "n.y.", "n.c.", "n.d.", "okla.",
    "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "vt.", "va.", "wash.", "w.va.",
    "wis.", "wyo.", "d.c.",
})


def _default_lookup() -> Lookup:
    from ..vocab.gazetteer import demonym, place

    def lookup(name: str) -> object | None:
        """A place, else a demonym's country, else a US state abbreviation."""
        got = place(name)
        if got is None:
            iso3 = demonym(name)
            got = _Demonym(iso3) if iso3 else None
        if got is None and name.strip().lower() in _AP_STATES:
            got = _Demonym("USA", kind="region")
        return got
    return lookup


def _climb(root: "Token", via_noun: bool = False) -> tuple["Token", "Token | None", bool]:
    """Climb from a place name over "the town of", "the X region" to its preposition.

    Returns (top of the place phrase, governor of the preposition, locative?).
    """
    cur = root
    for _ in range(6):
        head = cur.head
        if cur.dep_ == "compound" and head.lemma_.lower() in PLACE_NOUNS:
            cur, via_noun = head, True
            continue
        if cur.dep_ == "conj" and head.pos_ == "PROPN":
            cur = head  # "in Kharkiv and Odesa": Odesa shares Kharkiv's preposition
            continue
        if cur.dep_ in ("nmod", "compound", "appos") and head.ent_type_ in PLACE_LABELS:
            cur = head  # "in Dearborn, Mich.", parsed with the state as the head
            continue
        if cur.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.head.i != head.i:
            word = head.lower_
            if word == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
                cur, via_noun = head.head, True
                continue
            if word in LOCATIVE or (word == "on" and via_noun):
                return cur, head.head, True
            return cur, head.head, False
        break
    return cur, anchors.governor(cur), False


def _text_span(ent: "SpacySpan") -> tuple[int, int]:
    """Character span of the place text, with a preceding direction ("northern Syria")."""
    start = ent.start_char
    if ent.start > 0:
        prev = ent.doc[ent.start - 1]
        if _DIRECTION.match(prev.text) and prev.head.i in range(ent.start, ent.end):
            start = prev.idx
    return start, ent.end_char


_SAINT = re.compile(r"^St\.?\s+")


def _resolve(lookup: Lookup, ent: "SpacySpan") -> object | None:
    """The gazetteer entry of an entity, trying it without a leading "the".

    "St. Petersburg" is also tried as "Saint Petersburg", and the more
    populous of the two wins (the Russian city, not the Floridian one).
    """
    name = ent.text.strip()
    got = lookup(name)
    if got is None and name.lower().startswith("the "):
        name = name[4:]
        got = lookup(name)
    if _SAINT.match(name):
        other = lookup(_SAINT.sub("Saint ", name))
        if other is not None and (getattr(other, "population", None) or 0) > (
                getattr(got, "population", None) or 0):
            got = other
    return got


def _qualifier(ent: "SpacySpan", following: "SpacySpan | None", text: str,
               lookup: Lookup) -> "SpacySpan | None":
    """The place that qualifies this one: "Bakhmut, Ukraine" -> Ukraine, "Tulsa, Okla." -> Okla.

    The next place, after just a comma, when the parse links it to this one
    or when it is a country or a region (the parse of datelines varies).
    """
    if following is None or text[ent.end_char:following.start_char].strip() != ",":
        return None
    if following.root.head.i == ent.root.i and following.root.dep_ in ("appos", "conj", "npadvmod"):
        return following
    kind = getattr(_resolve(lookup, following), "kind", None)
    return following if kind in ("country", "region") else None


def _proper_phrase(tok: "Token") -> "SpacySpan":
    """A proper noun with its proper-noun compounds: "Belgorod", "Gaza City"."""
    left = tok.i
    for c in sorted(tok.lefts, key=lambda c: -c.i):
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == left - 1:
            left = c.i
    return tok.doc[left:tok.i + 1]


def _named_places(obj: "Token", lookup: Lookup, city_only: bool) -> list["SpacySpan"]:
    """A proper-noun object and its conjuncts that the gazetteer knows ("Kyiv and Odesa")."""
    out = []
    for name in [obj] + [c for c in obj.children if c.dep_ == "conj" and c.pos_ == "PROPN"]:
        cand = _proper_phrase(name)
        got = lookup(cand.text)
        if got is not None and (not city_only or getattr(got, "kind", None) == "city"):
            out.append(cand)
    return out


def _named_in_place_noun(noun: "Token") -> list["SpacySpan"]:
    """The name inside "the Belgorod region", "the outskirts of Kherson"."""
    out = []
    for c in noun.children:
        inner = c
        if c.dep_ == "prep" and c.lower_ == "of":
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ != "compound":
            continue
        if inner is not None and inner.pos_ == "PROPN":
            out.append(_proper_phrase(inner))
    return out


def _unlabelled_places(sent: "SpacySpan", lookup: Lookup) -> list["SpacySpan"]:
    """Place names that NER missed or mislabelled, found in locative slots.

    The small model often tags a town as PERSON or NORP ("on the outskirts of
    Kherson", "in the Belgorod region"); a proper noun behind a locative
    preposition, or in a "town of X" / "X region" phrase, that the gazetteer
    knows (or that the place noun vouches for) is taken as a place; so is a
    city the gazetteer knows as a direct object or after "on"/"against".
    """
    out = []
    for tok in sent:
        if tok.dep_ == "dobj" and tok.pos_ == "PROPN":  # "shelled Velmora" (a city only)
            out += _named_places(tok, lookup, city_only=True)
            continue
        if tok.dep_ != "prep" or tok.lower_ not in LOCATIVE | _TARGET_PREPS:
            continue
        for obj in tok.children:
            if obj.dep_ != "pobj":
                continue
            if obj.lemma_.lower() in PLACE_NOUNS:
                out += _named_in_place_noun(obj)
            elif obj.pos_ == "PROPN":
                out += _named_places(obj, lookup, city_only=tok.lower_ not in LOCATIVE)
    return out


def _inside(i: int, starts: list[int], ends: dict[int, int]) -> bool:
    k = bisect_right(starts, i) - 1
    return k >= 0 and i < ends[starts[k]]


def _names_a_place(noun: "Token") -> bool:
    """Whether a place noun carries its own name: "the city of Kherson", "the Donetsk region"."""
    for c in noun.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children):
            return True
    return False


def _candidates(analysis: "Analysis", sentences: list, lookup: Lookup,
                ents: tuple | None) -> list["SpacySpan"]:
    """Place entities, demonym+place-noun phrases and NER-missed names of the sentences."""
    doc = analysis.doc
    starts = sorted(s.start for s in sentences)
    ends = {s.start: s.end for s in sentences}
    found = []
    for e in (doc.ents if ents is None else ents):
        if not _inside(e.start, starts, ends):
            continue
        if e.label_ in PLACE_LABELS:
            found.append(e)
        elif (e.label_ == "NORP" and e.root.dep_ in ("amod", "compound")
              and e.root.head.lemma_.lower() in PLACE_NOUNS and not _names_a_place(e.root.head)):
            found.append(e)  # "the Syrian border"
    taken = {t.i for e in found for t in e}
    for sent in sentences:
        for cand in _unlabelled_places(sent, lookup):
            if not any(t.i in taken for t in cand):
                found.append(cand)
                taken.update(t.i for t in cand)
    found.sort(key=lambda e: e.start)
    return found


def _mention(e: "SpacySpan", lookup: Lookup, qualifier: "SpacySpan | None",
             text: str) -> PlaceMention | None:
    """Resolve one candidate and locate it in the parse."""
    got = _resolve(lookup, e)
    kind = getattr(got, "kind", None)
    if kind == "demonym":
        if e.root.head.lemma_.lower() not in PLACE_NOUNS:
            return None  # a demonym is a place only in "the Thai border", "the Syrian coast"
        top, gov, locative = _climb(e.root.head, via_noun=True)
        start, end = e.start_char, e.root.head.idx + len(e.root.head.text)
    else:
        top, gov, locative = _climb(e.root)
        start, end = _text_span(e)
    country = getattr(got, "country", None)
    lat, lon = getattr(got, "lat", None), getattr(got, "lon", None)
    if start < e.start_char and kind == "country":
        lat = lon = None  # "northern Syria": the country's centroid is not the place
    if got is None and qualifier is not None:
        country = getattr(_resolve(lookup, qualifier), "country", None)
    loc = Location(text=text[start:end], span=Span.of(text, start, end),
                   country=country, lat=lat, lon=lon)
    return PlaceMention(loc, tuple(e), top, gov, locative, kind)


def find_places(analysis: "Analysis", sentences: list, lookup: Lookup,
                ents: tuple | None = None) -> list[PlaceMention]:
    """Place mentions of the given sentences, with their parse attachment and resolution."""
    text = analysis.article.text
    cands = _candidates(analysis, sentences, lookup, ents)
    qualifiers = {}
    for e, nxt in zip(cands, cands[1:] + [None]):
        q = _qualifier(e, nxt, text, lookup)
        if q is not None:
            qualifiers[e.root.i] = q
    skip = {q.root.i for q in qualifiers.values()}
    out = []
    for e in cands:
        if e.root.i in skip or e[-1].lower_ == "of":
            continue  # "the West Bank City of": a broken entity; the name after it is found alone
        if e.root.lower_ in PLACE_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
                for c in e.root.children):
            continue  # "the West Bank City (of Tulkarm)": the named place is the location
        m = _mention(e, lookup, qualifiers.get(e.root.i), text)
        if m is not None:
            out.append(m)
    return out


def _eligible(m: PlaceMention, tier: int, taken: bool, event_type: str) -> bool:
    """Whether a place can be the event's location (actors are not locations).

    ``taken``: the place is tied (same clause) to another event's trigger,
    so it is not a sentence-level fallback for this one.
    """
    if tier == anchors.NO_TIE or (tier == anchors.SENTENCE and taken):
        return False
    if m.locative:
        return True
    direct = m.top.dep_ == "dobj" or (
        m.top.dep_ == "pobj" and m.top.head.lower_ in _TARGET_PREPS)
    if tier != 0 or not direct:  # only "shelled X", "the attack on X", "strikes against X"
        return False
    if m.kind in ("country", "capital", "region"):
        # "sanctions on Russia", "pressure on Moscow": the place is the actor;
        # but a country or capital attacked is also where the attack happened.
        return event_type == "ASSAULT"
    # Only a town the gazetteer knows: an unknown proper noun in object
    # position is as likely a person or an organisation the NER mislabelled;
    # a country or a capital there is an actor ("pressure on Moscow").
    return m.kind == "city"


class PlacesStage:
    """Enrichment stage: gives each event the place where it happened, when the text says."""

    name = "places"

    def __init__(self, lookup: Lookup | None = None) -> None:
        self._given = lookup
        self._lookup = None if lookup is None else lru_cache(maxsize=8192)(lookup)

    def __getstate__(self) -> dict:
        # The cached lookup is a closure: ship only what was given, rebuild on use.
        return {"given": self._given}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["given"])

    def __call__(self, analysis: "Analysis") -> None:
        if not analysis.events:
            return
        if self._lookup is None:
            self._lookup = lru_cache(maxsize=8192)(_default_lookup())
        frame = anchors.Frame.of(analysis)
        triggers = [frame.trigger(ev) for ev in analysis.events]
        mentions = find_places(analysis, frame.event_sentences(triggers), self._lookup,
                               frame.ents)
        analysis.places = mentions
        if not mentions:
            return
        tiers = [[frame.tie(None if m.governor is None else m.governor.i, m.top.i, trig)
                  for m in mentions] for trig in triggers]
        taken = {j for row in tiers for j, tier in enumerate(row) if tier <= anchors.CLAUSE}
        out = []
        for ev, trig, row in zip(analysis.events, triggers, tiers):
            best, pick = None, None
            for j, m in enumerate(mentions):
                tier = row[j]
                if not _eligible(m, tier, j in taken and tier == anchors.SENTENCE, ev.type):
                    continue
                key = (tier, anchors.distance(m.tokens[0].i, m.tokens[-1].i, trig))
                if best is None or key < best:
                    best, pick = key, m
            out.append(replace(ev, location=pick.location) if pick is not None else ev)
        analysis.events = out


#: The name the pipeline imports.
PlaceStage = PlacesStage
