"""Group noun phrases for the actors stage.

"Iranian officials" is a group (IRN, GOV); "Hungarian and Romanian officials"
two groups; "Houthi rebels" the Houthis themselves; "UN peacekeepers" a
group (IGO, MIL); "rebel leaders" take the sector of "rebel"; "the Turkish
government" is the country actor TUR speaking as its government; bare
"protesters" or "police" are groups without a country.  "Iranian-backed
militias" are not Iranian.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz
from ..vocab.roles import (BACKED, BARE_GROUPS, GENERIC_GROUP_HEADS, GROUPS, MODIFIER_SECTORS, SINGULAR_GROUPS,
                           STRIKE_WORDS, STRIKING_GROUPS)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .types import Builder, Draft

_COLLECTIVE = frozenset("police military army navy government administration regime leadership "
                        "cabinet delegation militia crowd media parliament intelligence opposition court tribunal".split())
_GOVERNMENT = frozenset("government administration regime leadership cabinet".split())
_MOD_DEPS = frozenset("amod compound nmod poss npadvmod".split())
_PLACE_PREPS = ("of", "from", "in", "throughout", "across")
#: Offices with one holder per country: "the Chinese ambassador" is a person, "a U.S. official" a group.
_OFFICES = frozenset("ambassador envoy consul president minister premier chancellor king queen emir "
                     "sultan governor mayor spokesman spokeswoman spokesperson counterpart".split())


def code_groups(b: "Builder") -> None:
    """Code every group noun phrase of the document (see module doc)."""
    for tok in b.toks:
        if tok.i in b.owner or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = _group_lemma(tok)
        if lemma not in GROUPS:
            if tok.ent_type_ == "NORP" and tok.tag_ == "NNPS" and _actor_modifier(b, tok):
                _code_group(b, tok, "citizen")  # "Iraqi Kurds", "Lebanese Shiites": people (CVL)
            continue
        if tok.tag_ not in ("NNS", "NNPS") and lemma not in _COLLECTIVE and not _actor_modifier(b, tok) \
                and not (lemma in _OFFICES and any(d.kind == "country" for d in _pp_actor(b, tok))) \
                and not _armed_individual(tok, lemma):
            continue  # "a U.S. official", "the president of Armenia" count; a bare "official" does not
        _code_group(b, tok, lemma)


def _group_lemma(tok: "Token") -> str:
    """The group noun's lemma; a capitalised plural that opens a sentence or headline
    ("Gunmen killed …", "Soldiers Open Fire") is tagged a name, lemma and all."""
    lemma = tok.lemma_.lower()
    if lemma in GROUPS or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return lemma
    low = tok.lower_
    for plural, singular in (("men", "man"), ("ies", "y"), ("s", "")):
        if low.endswith(plural) and low[:-len(plural)] + singular in GROUPS:
            return low[:-len(plural)] + singular
    return lemma


def _armed_individual(tok: "Token", lemma: str) -> bool:
    """ "a suspected Islamist militant", "a suicide bomber": one member of an armed group
    (a noun of its own, not a modifier as in "militant attacks")."""
    if lemma not in SINGULAR_GROUPS or tok.dep_ in ("compound", "amod", "nmod", "poss"):
        return False
    if lemma == "bomber":  # a warplane unless a modifier says suicide/militant
        return _modifier_sector([c for c in tok.lefts if c.dep_ in _MOD_DEPS]) == "REB"
    return True


def _code_group(b: "Builder", tok: "Token", lemma: str) -> None:
    mods = [c for c in tok.lefts if c.dep_ in _MOD_DEPS and not _backed(b, c)]
    start = min([tok.i] + [m.left_edge.i for m in mods])
    owners = _modifier_actors(b, mods) or _pp_actor(b, tok)
    sector = _sector(lemma, mods)
    orgs = [d for d in owners if d.kind != "country"]
    countries = [d for d in owners if d.kind == "country"]
    if not owners and lemma in _GOVERNMENT and _leaders_government(b, tok, start, mods):
        return
    if orgs:
        _org_group(b, tok, start, orgs[0], sector)
    elif len(countries) > 1:
        _several_countries(b, tok, start, countries, sector)
    elif countries:
        _country_group(b, tok, lemma, start, countries[0], sector)
    else:
        _bare_group(b, tok, lemma, start, mods, sector)


def _leaders_government(b: "Builder", tok: "Token", start: int, mods: list["Token"]) -> bool:
    """ "the Bush administration", "the Zelensky government": a listed leader's government
    is that country's (GOV), as "the Turkish government" is Turkey's."""
    names = [m for m in mods if m.pos_ == "PROPN"]
    if not names:
        return False
    words = tuple(t.text for t in b.toks[min(n.i for n in names):max(n.i for n in names) + 1])
    found = b.words.leaders.find(words, head_of_state_title=True)
    country = gz.country_by_code(found.country) if found is not None else None
    if country is None:
        return False
    b.release(start, tok.i + 1)
    d = b.mention(f"country:{country.iso3}", start, tok.i + 1, kind="country", name=country.name,
                  country=country.iso3)
    d.sector = "GOV"
    return True


def _modifier_actors(b: "Builder", mods: list["Token"]) -> list["Draft"]:
    """Country/organization actors inside the modifiers (coordinated ones included), in order."""
    found: list["Draft"] = []
    for m in mods:
        for t in m.subtree:
            d = b.draft_at(t.i)
            if d is not None and d.kind in ("country", "organization", "group") \
                    and not d.key.startswith("group:") and d not in found:
                found.append(d)
    return found


def _pp_actor(b: "Builder", tok: "Token") -> list["Draft"]:
    """The country in "government of Iran", "troops from Chad", "rebels in Ivory Coast"."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for obj in child.children:
                d = b.draft_at(obj.i)
                if obj.dep_ == "pobj" and d is not None and d.kind in ("country", "organization", "group") \
                        and not d.key.startswith("group:"):
                    return [d]
    return []


def _sector(lemma: str, mods: list["Token"]) -> str:
    """The head's sector, or a modifier's for generic heads ("rebel leaders", "rights groups")."""
    if lemma in GENERIC_GROUP_HEADS:
        mod = _modifier_sector(mods)
        if mod is not None:
            return mod
    return GROUPS[lemma]


def _modifier_sector(mods: list["Token"]) -> str | None:
    """Sector given by a group-noun or sector modifier ("rebel", "rights", "aid")."""
    for m in mods:
        ml = m.lemma_.lower()
        if m.dep_ not in ("compound", "amod") or ml in _GOVERNMENT:
            continue  # "government forces" are still forces (MIL)
        if ml in GROUPS and ml not in GENERIC_GROUP_HEADS:
            return GROUPS[ml]
        if m.lower_ in MODIFIER_SECTORS:
            return MODIFIER_SECTORS[m.lower_]
    return None


def _org_group(b: "Builder", tok: "Token", start: int, org: "Draft", sector: str) -> None:
    """ "Houthi rebels" are the Houthis; "UN peacekeepers" are an IGO military group."""
    b.release(start, tok.i + 1)
    if org.country == "IGO" and sector in ("MIL", "COP") and org.sector != sector:
        b.mention(f"group:{org.key}:{sector}", start, tok.i + 1, kind="group",
                  name=b.doc[start:tok.i + 1].text, country="IGO", sector=sector)
        return
    b.mention(org.key, start, tok.i + 1)


def _several_countries(b: "Builder", tok: "Token", start: int, countries: list["Draft"], sector: str) -> None:
    """ "Hungarian and Romanian officials": one group per country, each on its own modifier."""
    first = None
    for c in countries:
        spans = [(s, e) for s, e in c.spans if start <= s and e <= tok.i]
        for s, e in spans:
            b.release(s, e)
            d = b.mention(f"group:{c.country}:{sector}", s, e, kind="group",
                          name=_group_name(c.country, tok), country=c.country, sector=sector)
            first = first or d
    if first is not None:
        b.claim(first.key, [tok.i])


def _country_group(b: "Builder", tok: "Token", lemma: str, start: int, owner: "Draft", sector: str) -> None:
    """A group of one country; "the Turkish government" is the country itself (GOV)."""
    b.release(start, tok.i + 1)
    if lemma in _GOVERNMENT:
        d = b.mention(owner.key, start, tok.i + 1)
        d.sector = "GOV"
        return
    if tok.tag_ in ("NN", "NNP") and lemma in _OFFICES:  # "the Chinese ambassador": one unnamed person
        named = _named_holder(b, tok, lemma, owner.country)
        if named is not None:  # "his Chinese counterpart, Xi Jinping": the person named
            b.mention(named.key, start, tok.i + 1)
            named.country, named.sector = named.country or owner.country, named.sector or sector
            named.role = named.role or tok.text.lower()
            return
        b.mention(f"person:{owner.country}:{lemma}", start, tok.i + 1, kind="person",
                  name=_group_name(owner.country, tok), country=owner.country, sector=sector,
                  role=tok.text.lower(), affiliation=owner.key)
        return
    d = b.mention(f"group:{owner.country}:{sector}", start, tok.i + 1, kind="group",
                  name=_group_name(owner.country, tok), country=owner.country, sector=sector)
    # a country's armed forces first met as their weapons ("shot down Russian drones")
    # take the name of the people when they appear ("Russian forces shelled …")
    if d.name.split()[-1].rstrip("s") in _WEAPONS and lemma not in _WEAPONS:
        d.name = _group_name(owner.country, tok)


#: armed-forces nouns that are things, not people (roles.GROUPS gives them sector MIL)
_WEAPONS = frozenset("warship warplane jet aircraft helicopter drone tank bomber submarine gunboat "
                     "artillery missile destroyer frigate".split())


#: Titles of the office a "counterpart" of a head of state or government holds.
_HEAD_OFFICES = frozenset("president premier prime chancellor king queen emir sultan leader".split())


def _named_holder(b: "Builder", tok: "Token", lemma: str, country: str | None) -> "Draft | None":
    """The named person an unnamed office holder is: in apposition ("his Chinese counterpart,
    Xi Jinping"), else the article's one current holder of that office in that country
    ("Ukrainian President Ana Ruiz … the Ukrainian president")."""
    for t in [*(c for c in tok.children if c.dep_ == "appos"), tok.head if tok.dep_ == "appos" else None]:
        d = b.draft_at(t.i) if t is not None else None
        if d is not None and d.kind == "person" and d.fullname and d.country in (country, None):
            return d
    offices = _HEAD_OFFICES if lemma == "counterpart" else {lemma}
    found = [d for d in b.drafts.values() if d.kind == "person" and d.spans and d.country == country and d.role
             and not offices.isdisjoint(_role_words(d.role)) and "former" not in _role_words(d.role)
             and d.fullname]
    return found[0] if len(found) == 1 else None


def _role_words(role: str) -> set[str]:
    return set(role.lower().replace(".", " ").replace("-", " ").split())


def _bare_group(b: "Builder", tok: "Token", lemma: str, start: int, mods: list["Token"], sector: str) -> None:
    """No country: a NORP word ("Kurdish fighters"), the context's only country for
    "the government", or a bare political group ("protesters", "police")."""
    norp = next((m for m in mods if m.ent_type_ == "NORP" and m.i not in b.owner), None)
    if norp is not None:
        text = b.doc[start:tok.i + 1].text
        b.mention(f"group:{gz.norm(norp.text)}:{sector}", start, tok.i + 1, kind="group", name=text, sector=sector)
        return
    if lemma in _GOVERNMENT and _regional_government(b, tok, start):
        return
    if lemma in _GOVERNMENT or lemma in ("military", "army"):
        near = b.countries_near(tok.i, 0) or b.countries_near(tok.i, 1)
        if len(near) == 1 and any(c.lower_ == "the" for c in tok.lefts):
            owner = b.drafts[f"country:{near.pop()}"]
            _country_group(b, tok, lemma, tok.i, owner, sector)
        return
    plural = tok.tag_ in ("NNS", "NNPS")
    bare = lemma in BARE_GROUPS
    striking = not bare and lemma in STRIKING_GROUPS and plural and _on_strike(tok)
    modified = not (bare or striking) and _modifier_sector(mods) is not None \
        and (plural or _armed_individual(tok, lemma))
    place = _place_of(b, tok, mods) if bare or striking or modified else None
    if place is not None:  # "Darfur rebels", "protesters in Kharkiv": the place's country; one group
        np_text = b.doc[start:tok.i + 1].text  # one group per place ("West Virginia officials" are not federal ones)
        name = np_text if gz.norm(place.name) in gz.norm(np_text) else f"{np_text} in {place.name}"
        b.mention(f"group:{gz.norm(place.name)}:{sector}", start, tok.i + 1, kind="group", name=name,
                  country=place.country, sector=sector)
    elif bare:
        b.mention(f"group:{lemma}", tok.i, tok.i + 1, kind="group", name=tok.text.lower(), sector=sector)
    elif striking:
        b.mention(f"group:{lemma}", start, tok.i + 1, kind="group", name=b.doc[start:tok.i + 1].text.lower(),
                  sector=sector)
    elif modified:
        text = b.doc[start:tok.i + 1].text  # "opposition leaders", "rebel fighters", "rights groups"
        b.mention(f"group:{gz.norm(text)}", start, tok.i + 1, kind="group", name=text.lower(), sector=sector)


def _place_of(b: "Builder", tok: "Token", mods: list["Token"]) -> "gz.Place | None":
    """The town or region that modifies ``tok`` or follows it after "in/from/of"
    ("Darfur rebels", "militants in Idlib"), when the gazetteer knows it and its country."""
    cands = [m for m in mods if m.ent_type_ in ("GPE", "LOC")]
    cands += [g for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")
              for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")]
    for t in cands:
        ent = next((e for e in b.ents if e.start <= t.i < e.end), None)
        if ent is None or not b.free(ent.start, ent.end):
            continue
        _, p = b.place_of(ent)
        if p is not None and p.kind in ("city", "capital", "region") and p.country:
            return p
    return None


_PLACE_ENTS = ("GPE", "LOC", "ORG")  # the tagger reads some states as organizations


def _regional_government(b: "Builder", tok: "Token", start: int) -> bool:
    """ "The West Bengal government", "the government of Sindh province": a state or city
    government, coded as a GOV group of the country the gazetteer puts the place in."""
    places = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in _PLACE_ENTS]
    places += [g for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    for p in places:
        ent = next((e for e in b.ents if e.start <= p.i < e.end and e.label_ in _PLACE_ENTS), None)
        if ent is None and p.dep_ == "pobj":  # "of Sindh province": the name modifies "province"
            ent = next((e for e in b.ents if e.label_ == "GPE" and e.end == p.i and p.lemma_ in ("province", "state")), None)
        found = gz.place(ent.text) if ent is not None else None
        if found is None or found.kind not in ("region", "city") or not found.country:
            continue
        end = max(tok.i + 1, p.i + 1 if p.i > tok.i else tok.i + 1)
        name = f"{ent.text} government"
        b.mention(f"group:{gz.norm(name)}", start, end, kind="group", name=name, country=found.country, sector="GOV")
        return True
    return False


_STRIKE_SLOTS = frozenset("prep dobj advcl xcomp npadvmod".split())


def _on_strike(tok: "Token") -> bool:
    """True when ``tok`` is the subject of a strike: "went on strike", "staged a walkout",
    "stopped work", "walked out"."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    if verb.lemma_ in STRIKE_WORDS:
        return True
    # the verb's own objects and adjuncts, not a reported clause ("said the strike was over")
    near = [g for c in verb.children if c.dep_ in _STRIKE_SLOTS for g in (c, *c.children)]
    if any(t.lemma_.lower() in STRIKE_WORDS for t in near):
        return True
    return (verb.lemma_ == "stop" and any(c.dep_ == "dobj" and c.lemma_ == "work" for c in verb.children)) \
        or (verb.lemma_ == "walk" and any(c.dep_ in ("prt", "prep") and c.lower_ == "out" for c in verb.children))


def _group_name(iso3: str | None, tok: "Token") -> str:
    c = gz.country_by_code(iso3 or "")
    return f"{c.demonym or c.name} {tok.text.lower()}" if c else tok.text.lower()


def _actor_modifier(b: "Builder", tok: "Token") -> bool:
    """True when a country/organization actor modifies ``tok`` ("a U.S. official")."""
    for c in tok.lefts:
        if c.dep_ in _MOD_DEPS and c.i in b.owner and b.drafts[b.owner[c.i]].kind != "person":
            return True
    return False


def _backed(b: "Builder", m: "Token") -> bool:
    """True for "Iranian-backed" style modifiers (the backer, not the group's own country)."""
    for t in m.subtree:
        if t.lower_ in BACKED and t.i > 0 and b.toks[t.i - 1].text in ("-", "\u2010"):
            return True
    return False
