"""Places that are actors: the town attacked, the region under curfew.

Part of the actors stage (:mod:`.actors`).  A city attacked or taken stands
for its country ("shelled Kharkiv" -> UKR); a town or region that a
measure, an attack or a withdrawal is aimed at ("a curfew in parts of
Kashmir", "the invasion of South Lebanon", "withdrew from the Golan
Heights") becomes a place actor of its country with the role ``place``.
A place where something merely happened ("a rally in Ohio") stays a
location for the places stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz
from ..vocab.roles import AREA_ACTIONS, AREA_MEASURES, AREA_NOUNS, WITHDRAWALS
from . import name_checks

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .types import Builder

_TARGET_PREPS = frozenset(("on", "against", "at"))


def code_target_cities(b: "Builder") -> None:
    """A city attacked or taken stands for its country ("shelled Kharkiv" -> UKR).

    Only cities in object position (direct object, passive subject, object
    of "on"/"against"); "in Kharkiv" stays a location for the places stage.
    """
    for ent in b.ents:
        if ent.label_ not in ("GPE", "LOC", "PERSON") or any(t.i in b.owner for t in ent):
            continue
        if ent.label_ == "PERSON":  # "Kharkiv" misread as a name
            if len(ent) > 1 or gz.norm(ent.text) in name_checks.known_names(b, 2):
                continue
        root = ent.root
        if not (root.dep_ in ("dobj", "nsubjpass") or (root.dep_ == "pobj" and root.head.lower_ in _TARGET_PREPS
                                                        and root.head.head.pos_ in ("NOUN", "VERB"))):
            continue
        start, p = b.place_of(ent)
        if p is None or p.kind not in ("city", "capital") or not p.country:
            continue
        c = gz.country_by_code(p.country)
        if c is not None:
            b.mention(f"country:{c.iso3}", start, ent.end, kind="country", name=c.name, country=c.iso3)


def code_target_places(b: "Builder") -> None:
    """Places a measure or an attack is aimed at become place actors of their country.

    "a curfew in parts of Kashmir", "the invasion of South Lebanon",
    "withdrew peacekeepers from the Golan Heights", "shelled Idlib": the
    place (a city, capital or region the gazetteer knows) is the target;
    the actor is named after the place, carries its country and the role
    ``place``.  "a rally in Ohio" stays a location (no measure noun).
    """
    for ent in b.ents:
        if ent.label_ not in ("GPE", "LOC", "NORP") or not b.free(ent.start, ent.end):
            continue  # NORP: "sanctions on Abkhazia" (the tagger takes some regions for peoples)
        start, p = b.place_of(ent)
        if p is not None and p.kind == "country":
            continue  # country names are the dictionary's (code_hits), with its context checks
        if p is None and ent.end - start > 1 and b.toks[start].lower_ in DIRECTIONS:
            p = gz.place(b.doc[start + 1:ent.end].text)  # "South Lebanon", "northeast Nigeria"
        if p is None or p.kind not in ("city", "capital", "region", "country") or not p.country:
            continue
        # a city in an object slot is its country's (code_target_cities); a US state
        # there is mostly an election's prize ("won Ohio"), not a place acted upon
        if not _aimed_at(ent.root, direct=p.kind == "region" and p.country != "USA"):
            continue
        name = b.doc[start:ent.end].text
        b.mention(f"place:{gz.norm(name)}", start, ent.end, kind="country", name=name, country=p.country,
                  role="place")


DIRECTIONS = frozenset("north south east west northern southern eastern western central northeast northwest "
                        "southeast southwest northeastern northwestern southeastern southwestern upper lower".split())


def _aimed_at(tok: "Token", direct: bool) -> bool:
    """True when the place ``tok`` is what a measure, an attack or a withdrawal is aimed at;
    ``direct`` also accepts object slots ("shelled Idlib", "strikes on Idlib")."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:  # "in Lahore, Rawalpindi and Multan"
        t = t.head
    if t.dep_ == "compound" and t.head.lemma_.lower() in AREA_NOUNS:
        t = t.head  # "the Darfur region"
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in AREA_NOUNS:
        t = t.head.head  # "parts of Kashmir", "the town of Cizre"
    if direct and (t.dep_ in ("dobj", "nsubjpass") or (t.dep_ == "pobj" and t.head.lower_ in _TARGET_PREPS)):
        return True
    if t.dep_ != "pobj":
        return False
    prep, head = t.head.lower_, t.head.head
    if prep == "in":
        return _measure(head) or (head.pos_ == "VERB" and any(c.dep_ == "dobj" and _measure(c) for c in head.children))
    if prep == "of":
        return head.lemma_.lower() in AREA_ACTIONS
    return prep == "from" and head.lemma_.lower() in WITHDRAWALS


def _measure(noun: "Token") -> bool:
    """ "curfew", "ceasefire", "state of emergency", "martial law": a measure over an area."""
    lemma = noun.lemma_.lower()
    if lemma == "law":
        return any(c.lower_ == "martial" for c in noun.lefts)
    if lemma == "state":
        return any(c.lower_ == "of" and any(g.lemma_.lower() in AREA_MEASURES for g in c.children)
                   for c in noun.rights)
    return lemma in AREA_MEASURES
