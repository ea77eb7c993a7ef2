"""The actors stage: countries, organizations, groups and people of an article.

Reads the spaCy parse and NER of ``analysis.doc``, the gazetteer and the
organization dictionary (via cached phrase matchers), and fills
``analysis.actors``.  One actor per entity: "the United States", "U.S." and
"Washington" (used for the government) are one country actor USA; "Ana Ruiz"
and a later "Ruiz" are one person (see :mod:`newsevents.coding.coref`,
which this stage calls).  Actor ids are ``A1``, ``A2`` … in order of first
mention, so the same input always gives the same ids.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Actor
from . import coref
from . import gazetteer as gz
from . import people
from .base import Analysis
from .matching import CONFIRM, Hit, matchers_for
from .roles import BACKED, BARE_GROUPS, GROUPS, LOCATIVE_PREPS, MOTION_VERBS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

_COLLECTIVE = frozenset("police military army navy government administration regime leadership "
                        "cabinet delegation militia crowd media parliament intelligence".split())
_GOVERNMENT = frozenset("government administration regime leadership cabinet".split())
_GROUP_MOD_DEPS = frozenset("amod compound nmod poss npadvmod".split())


@dataclass
class Draft:
    """An actor under construction (mutable until :meth:`Builder.finish`)."""

    key: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None  # key of another draft
    spans: list[tuple[int, int]] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)
    gender: str | None = None
    fullname: tuple[str, ...] = ()


class Builder:
    """Drafts, token ownership and sentence indices for one document."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc: "Doc" = analysis.doc
        self.drafts: dict[str, Draft] = {}
        self.owner: dict[int, str] = {}
        self.toks: list["Token"] = list(self.doc)  # one Token object per token, reused by all steps
        self.sent_of: list[int] = [0] * len(self.doc)
        for n, sent in enumerate(self.doc.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n

    def free(self, start: int, end: int) -> bool:
        """True when no token of ``start:end`` belongs to an actor yet."""
        return all(i not in self.owner for i in range(start, end))

    def mention(self, key: str, start: int, end: int, **init: object) -> Draft:
        """Add a mention of the draft ``key`` (created with ``init`` when new)."""
        d = self.drafts.get(key)
        if d is None:
            d = self.drafts[key] = Draft(key=key, **init)  # type: ignore[arg-type]
        if (start, end) not in d.spans:
            d.spans.append((start, end))
        for i in range(start, end):
            if i not in self.owner:
                self.owner[i] = key
                d.tokens.add(i)
        return d

    def claim(self, key: str, tokens: "range | list[int]") -> None:
        """Mark free ``tokens`` as belonging to ``key`` without adding a mention span."""
        d = self.drafts[key]
        for i in tokens:
            if i not in self.owner:
                self.owner[i] = key
                d.tokens.add(i)

    def release(self, start: int, end: int) -> None:
        """Take tokens ``start:end`` (and the mentions inside) away from their actors."""
        for i in range(start, end):
            key = self.owner.pop(i, None)
            if key is None:
                continue
            d = self.drafts[key]
            d.tokens.discard(i)
            d.spans = [(s, e) for s, e in d.spans if not (start <= s and e <= end)]
            # an emptied draft stays (a group may re-mention it); finish() skips it

    def draft_at(self, i: int) -> Draft | None:
        key = self.owner.get(i)
        return self.drafts.get(key) if key else None

    def countries_near(self, i: int, window: int = 1) -> set[str]:
        """ISO3 codes of country actors mentioned within ``window`` sentences before ``i``."""
        s = self.sent_of[i]
        found: set[str] = set()
        for d in self.drafts.values():
            if d.kind == "country" and any(s - window <= self.sent_of[a] <= s for a, _ in d.spans):
                found.add(d.country or "")
        return found - {""}

    def finish(self) -> None:
        """Number the drafts by first mention and add them to ``analysis.actors``."""
        live = [d for d in self.drafts.values() if d.spans]
        live.sort(key=lambda d: min(d.spans))
        ids = {d.key: f"A{n}" for n, d in enumerate(live, 1)}
        doc, index = self.doc, self.analysis.actors
        for d in live:
            spans = sorted(set(d.spans))
            mentions = tuple(self.analysis.span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in spans)
            index.add(Actor(id=ids[d.key], name=d.name, kind=d.kind, mentions=mentions, country=d.country,
                            sector=d.sector, role=d.role, affiliation=ids.get(d.affiliation or "")),
                      sorted(d.tokens))


class ActorStage:
    """Coding stage ``actors``: fills ``analysis.actors`` (coreference included)."""

    name = "actors"

    def __init__(self, coref: bool = True) -> None:
        self.coref = coref

    def __call__(self, analysis: Analysis) -> None:
        """Find and code the actors of ``analysis.doc``."""
        b = Builder(analysis)
        hits = select_hits(b.doc, matchers_for(b.doc.vocab).hits(b.doc))
        code_hits(b, hits)
        code_unknown_orgs(b)
        people.code_people(b)
        code_groups(b)
        if self.coref:
            coref.link_pronouns(b)
        b.finish()
        analysis.notes[self.name] = {"hits": len(hits)}


# --- dictionary hits ---------------------------------------------------------

def select_hits(doc: "Doc", hits: list[Hit]) -> list[Hit]:
    """Keep plausible hits, longest first, without overlaps; in text order."""
    us_context = _us_context(doc)
    ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    good = [h for h in hits if _plausible(doc, h, us_context, ent_at)]
    rank = {"O": 0, "C": 1, "S": 2, "D": 3}
    good.sort(key=lambda h: (-(h.end - h.start), rank[h.kind], h.start))
    taken: set[int] = set()
    chosen: list[Hit] = []
    for h in good:
        if taken.isdisjoint(range(h.start, h.end)):
            chosen.append(h)
            taken.update(range(h.start, h.end))
    return sorted(chosen, key=lambda h: h.start)


def _plausible(doc: "Doc", h: Hit, us_context: bool, ent_at: dict) -> bool:
    """Context checks: capitalisation, NER support for ambiguous forms, no part-of-name hits."""
    span = doc[h.start:h.end]
    if not span.text[:1].isupper() and h.kind != "O":
        return False
    ent = ent_at.get(h.start) or ent_at.get(h.end - 1)
    if h.ambiguous and not {t.ent_type_ for t in span} & CONFIRM[h.kind]:
        return False
    if ent is not None:
        ent_start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        larger = ent_start < h.start or ent.end > h.end
        if larger and ent.label_ == "PERSON" and h.kind != "O":
            return False  # "Chad Smith", "George Washington"
        if larger and ent.label_ in ("GPE", "LOC", "FAC") and h.kind in "CS":
            return False  # "New Jersey", "Mexico Beach"
        if larger and h.ambiguous and h.kind in "CS":
            return False
    if h.kind == "C" and h.code == "GEO" and us_context:
        return False
    return True


def _us_context(doc: "Doc") -> bool:
    """True when the article names US states other than Georgia/Washington (or Atlanta)."""
    for ent in doc.ents:
        if ent.label_ == "GPE":
            key = gz.norm(ent.text)
            if key == "atlanta" or (gz.is_us_state(ent.text) and key not in ("georgia", "washington")):
                return True
    return False


def code_hits(b: Builder, hits: list[Hit]) -> None:
    """Turn dictionary hits into country and organization mentions."""
    for h in hits:
        if h.kind == "O":
            _code_org(b, h, hits)
        elif h.kind == "S":
            _code_seat(b, h)
        else:
            c = gz.country_by_code(h.code)
            if c is not None:
                b.mention(f"country:{c.iso3}", h.start, h.end, kind="country", name=c.name, country=c.iso3)


def _code_seat(b: Builder, h: Hit) -> None:
    """A capital or seat is the government unless it is a location ("in Moscow")."""
    doc = b.doc
    root = doc[h.start:h.end].root
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ in LOCATIVE_PREPS:
            return
        if prep.lower_ in ("to", "from") and prep.head.lemma_ in MOTION_VERBS:
            return
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() not in TITLES \
            and root.head.lemma_.lower() not in GROUPS and root.head.ent_type_ != "PERSON":
        return  # "Beijing residents", "the Moscow metro"
    override = gz.seat_override(doc[h.start:h.end].text)
    if override:
        entry = gz.organization(override)
        if entry is not None:
            b.mention(f"org:{entry.name}:{entry.country}", h.start, h.end, kind=entry.kind,
                      name=entry.name, country=entry.country, sector=entry.sector)
        return
    c = gz.country_by_code(h.code)
    if c is not None:
        d = b.mention(f"country:{c.iso3}", h.start, h.end, kind="country", name=c.name, country=c.iso3)
        d.sector = "GOV"


def _code_org(b: Builder, h: Hit, hits: list[Hit]) -> None:
    """An organization of the dictionary; "?" countries come from the context."""
    entry = gz.organizations()[int(h.code)]
    start, country = h.start, entry.country
    if country == "?":
        country, start = _org_country(b, h, hits)
    name = entry.name
    if entry.country == "?" and country:
        c = gz.country_by_code(country)
        name = f"{(c.demonym or c.name) if c else country} {entry.name}"
    if start < h.start:
        b.release(start, h.start)
    b.mention(f"org:{entry.name}:{country}", start, h.end, kind=entry.kind, name=name,
              country=country, sector=entry.sector)


def _org_country(b: Builder, h: Hit, hits: list[Hit]) -> tuple[str | None, int]:
    """Country of a generic organization ("Russia's Foreign Ministry") and its new start."""
    doc = b.doc
    left = [x for x in hits if x.end in (h.start, h.start - 1) and x.kind in "CDS"]
    for x in left:
        between = doc[x.end:h.start]
        if all(t.text in ("'s", "\u2019s", "'") for t in between):
            return x.code, x.start
    j = h.end
    if j + 1 < len(doc) and doc[j].lower_ in ("of", "in"):
        for x in hits:
            if x.start in (j + 1, j + 2) and x.kind in "CDS":
                return x.code, h.start
    near = b.countries_near(h.start)
    return (near.pop() if len(near) == 1 else None), h.start


def code_unknown_orgs(b: Builder) -> None:
    """ORG entities outside the dictionary become organizations (country from inside)."""
    known = people.known_name_words(b.doc)
    for ent in b.doc.ents:
        if ent.label_ != "ORG":
            continue
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        if start >= ent.end or people.titled_name(b.doc, ent) or people.is_person_alias(b.doc, ent, known):
            continue
        if len(ent) == 1 and ent.start >= 2 and b.toks[ent.start - 1].lower_ == "of" \
                and people.is_title_token(b.toks[ent.start - 2]):
            continue  # "Secretary of State", "Minister of Finance": part of a title
        inner = {b.drafts[b.owner[i]].kind for i in range(start, ent.end) if i in b.owner}
        if inner - {"country"} or all(i in b.owner for i in range(start, ent.end)):
            continue  # the dictionary already knows it (or part of it)
        countries = {b.drafts[b.owner[i]].country for i in range(start, ent.end) if i in b.owner}
        if len(b.doc[start:ent.end].text) < 2:
            continue
        b.release(start, ent.end)
        text = b.doc[start:ent.end].text
        b.mention(f"org:{gz.norm(text)}", start, ent.end, kind="organization", name=text,
                  country=countries.pop() if len(countries) == 1 else None)


# --- groups --------------------------------------------------------------------

def code_groups(b: Builder) -> None:
    """Group noun phrases: "Iranian officials", "Houthi rebels", "protesters"."""
    for tok in b.toks:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN") or lemma not in GROUPS or tok.i in b.owner:
            continue
        if tok.tag_ not in ("NNS", "NNPS") and lemma not in _COLLECTIVE and not _actor_modifier(b, tok):
            continue  # "a U.S. official" counts; a bare "official" does not
        _code_group(b, tok, lemma)


def _code_group(b: Builder, tok: "Token", lemma: str) -> None:
    mods = [c for c in tok.lefts if c.dep_ in _GROUP_MOD_DEPS and not _backed(b.doc, c)]
    start = min([tok.i] + [m.left_edge.i for m in mods])
    owner, free_mod = None, None
    for m in mods:
        for i in range(m.left_edge.i, m.i + 1):
            d = b.draft_at(i)
            if d is not None and d.kind in ("country", "organization", "group") and not d.key.startswith("group:"):
                owner = owner or d
        if m.ent_type_ == "NORP" and m.i not in b.owner:
            free_mod = m
    owner = owner or _of_country(b, tok)
    sector = GROUPS[lemma]
    if owner is not None and owner.kind != "country":
        b.release(start, tok.i + 1)
        b.mention(owner.key, start, tok.i + 1)
        return
    if owner is None and free_mod is None:
        near = b.countries_near(tok.i, 0) if lemma in _GOVERNMENT or lemma in ("military", "army") else set()
        if len(near) == 1 and any(c.lower_ == "the" for c in tok.lefts):
            iso3 = near.pop()
            owner = b.drafts[f"country:{iso3}"]
        elif lemma in BARE_GROUPS:
            b.mention(f"group:{lemma}", tok.i, tok.i + 1, kind="group", name=tok.text.lower(), sector=sector)
            return
        else:
            return
    _country_group(b, tok, lemma, start, owner, free_mod, sector)


def _country_group(b: Builder, tok: "Token", lemma: str, start: int, owner: Draft | None,
                   free_mod: "Token | None", sector: str) -> None:
    """A group tied to a country ("Iranian officials") or to a NORP word ("Kurdish fighters")."""
    if owner is not None and lemma in _GOVERNMENT:
        b.release(start, tok.i + 1)
        d = b.mention(owner.key, start, tok.i + 1)
        d.sector = "GOV"
        return
    country = owner.country if owner is not None else None
    label = owner.country if owner is not None else gz.norm(free_mod.text if free_mod else "")
    text = b.doc[start:tok.i + 1].text
    b.release(start, tok.i + 1)
    if owner is not None:
        c = gz.country_by_code(owner.country or "")
        text = f"{c.demonym or c.name} {tok.text.lower()}" if c else text
    b.mention(f"group:{label}:{sector}", start, tok.i + 1, kind="group", name=text,
              country=country, sector=sector)


def _actor_modifier(b: Builder, tok: "Token") -> bool:
    """True when a country/organization actor modifies ``tok`` ("a U.S. official")."""
    for c in tok.lefts:
        if c.dep_ in _GROUP_MOD_DEPS and c.i in b.owner and b.drafts[b.owner[c.i]].kind != "person":
            return True
    return False


def _backed(doc: "Doc", m: "Token") -> bool:
    """True for "Iranian-backed" style modifiers (the backer, not the group's own country)."""
    for t in m.subtree:
        if t.lower_ in BACKED and t.i > 0 and doc[t.i - 1].text in ("-", "\u2010"):
            return True
    return False


def _of_country(b: Builder, tok: "Token") -> Draft | None:
    """The country in "government of Iran", "troops from Chad"."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for obj in child.children:
                d = b.draft_at(obj.i)
                if obj.dep_ == "pobj" and d is not None and d.kind in ("country", "organization", "group"):
                    return d
    return None
