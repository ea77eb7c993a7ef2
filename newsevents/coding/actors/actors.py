"""The actors stage: countries, organizations, groups and people of an article.

Reads the spaCy parse and NER of ``analysis.doc``, the gazetteer and the
organization dictionary (via cached phrase matchers, :mod:`.matching`), and
fills ``analysis.actors``.  Steps, in order: dictionary hits (countries by
name, demonym or seat; organizations), ORG entities outside the dictionary,
places acted upon (:mod:`.place_actors`: a city shelled stands for its
country; a region under curfew or invaded is a place actor, role ``place``),
people (:mod:`.people`: titles, appositions, affiliation; :mod:`.leaders`:
the country of well-known leaders the text does not place), group noun
phrases (:mod:`.groups`), then coreference (:mod:`.coref`: surnames,
pronouns, role nouns, "the group", "they").

One actor per entity: "the United States", "U.S." and "Washington" (used
for the government) are one country actor USA, whose sector becomes GOV when
a seat or "the … government" speaks for it; "Ana Ruiz" and a later "Ruiz"
are one person.  Actor ids are ``A1``, ``A2`` … in order of first mention,
so the same input always gives the same ids.  Title words ("President")
point to their person too; a demonym before a title stays the country's
mention and becomes the person's ``affiliation``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ..base import Analysis
from ..lexicon_files import LexiconFiles
from ..vocab import gazetteer as gz
from ..vocab.matching import CONFIRM, Hit, matchers_for
from ..vocab.roles import GROUPS, LOCATIVE_PREPS, MOTION_VERBS, TITLES
from . import coref, groups, longer_names, name_checks, people
from .place_actors import DIRECTIONS, code_target_cities, code_target_places
from .setting import lend_setting
from .types import ActorWords, Builder
from .unknown_orgs import add_org, code_unknown_orgs

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


class ActorStage:
    """Coding stage ``actors``: fills ``analysis.actors`` (coreference included)."""

    name = "actors"

    def __init__(self, coref: bool = True, files: LexiconFiles = LexiconFiles()) -> None:
        self.coref = coref
        #: the leaders and family-name lists, from ``files`` (``Settings.lexicons``)
        self.words = ActorWords.of(files)

    def __call__(self, analysis: Analysis) -> None:
        """Find and code the actors of ``analysis.doc``."""
        b = Builder(analysis, self.words)
        hits = select_hits(b.doc, matchers_for(b.doc.vocab).hits(b.doc), b.ents)
        code_hits(b, hits)
        code_unknown_orgs(b)
        code_target_cities(b)
        code_target_places(b)
        names = people.code_people(b)
        groups.code_groups(b)
        people.tie_to_organizations(b, names)
        if self.coref:
            coref.link_pronouns(b)
        lent = lend_setting(b)  # after coref, which adds unnamed office holders ("the minister")
        b.finish()
        analysis.notes[self.name] = {"hits": len(hits), "setting_lent": lent}


# --- dictionary hits ---------------------------------------------------------

def select_hits(doc: "Doc", hits: list[Hit], ents: tuple | None = None) -> list[Hit]:
    """Keep plausible hits, longest first, without overlaps; in text order."""
    ents = tuple(doc.ents) if ents is None else ents
    us_context = _us_context(ents)
    ent_at = {i: ent for ent in ents for i in range(ent.start, ent.end)}
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
    if h.ambiguous and not {t.ent_type_ for t in span} & CONFIRM[h.kind] and not _possessive_title(doc, h) \
            and not _party_label(doc, h):
        return False
    if ent is not None:
        ent_start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        ent_end = ent.end - 1 if ent[-1].text in name_checks.POSS else ent.end
        larger = ent_start < h.start or ent_end > h.end
        if larger and ent.label_ == "PERSON" and h.kind != "O":
            return False  # "Chad Smith", "George Washington"
        if larger and ent.label_ in ("GPE", "LOC", "FAC") and h.kind in "CS":
            return False  # "New Jersey", "Mexico Beach"
        if larger and h.ambiguous and h.kind in "CSO":
            return False  # "Forest Hill police" is no mention of The Hill
        if h.kind == "S" and ent.label_ == "PERSON" and (
                h.ambiguous or name_checks.first_name_gender(span.text) is not None):
            return False  # "Victoria told …", "Sofia said"; but "Yerevan said" is the government
    if h.kind == "S" and name_checks.first_name_gender(span.text) is not None and \
            not {t.ent_type_ for t in span} & {"GPE", "LOC"}:
        return False  # "Sofia said …" is a person unless the tagger calls it a place
    if h.kind == "C" and h.code == "GEO" and us_context:
        return False
    if h.kind in "CS" and h.start > 0 and doc[h.start - 1].text[:1].isupper():
        region = gz.place(doc[h.start - 1:h.end].text)  # "Inner Mongolia" is no mention of Mongolia
        if region is not None and region.kind == "region" and region.country != h.code:
            return False
    if h.kind == "O" and h.ambiguous and h.end < len(doc) and doc[h.end].lower_.rstrip(".") in TITLES \
            and not _party_label(doc, h):
        return False  # "Labour Minister": a portfolio, not the party
    if h.start >= 2 and doc[h.start - 1].text in ("-", "\u2010") and doc[h.start - 2].lower_ in ("anti", "non"):
        return False  # "anti-Syria journalist"
    return True


def _possessive_title(doc: "Doc", h: Hit) -> bool:
    """ "Niger's ambassador", "Chad's foreign minister": a country speaking through an official."""
    if h.kind != "C" or h.end + 1 >= len(doc) or doc[h.end].text not in ("'s", "\u2019s"):
        return False
    nxt = [doc[i].lower_.rstrip(".") for i in range(h.end + 1, min(len(doc), h.end + 4))]
    return any(w in TITLES or w in GROUPS for w in nxt)


_PARTY_NEXT = frozenset("sen rep senator congressman congresswoman lawmaker lawmakers legislator candidate "
                        "nominee presidential leader leaders governor gov mayor strategist operative voters "
                        "primary lawmakers senators".split())


def _party_label(doc: "Doc", h: Hit) -> bool:
    """ "Republican Sen.", "Democratic nominee": a party word before a politician's title."""
    if h.kind != "O" or h.end >= len(doc):
        return False
    entry = gz.organizations()[int(h.code)]
    return entry.sector == "PTY" and doc[h.end].lower_.rstrip(".") in _PARTY_NEXT


def _us_context(ents: tuple) -> bool:
    """True when the article names US states other than Georgia/Washington (or Atlanta)."""
    for ent in ents:
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
        elif _in_longer_name(b, h):
            continue  # "Malta" of "Times of Malta", coded before it: the paper's country, not an actor
        elif h.kind == "S":
            _code_seat(b, h)
        elif h.kind == "D" and _people_noun(b, h) and h.start > 0 and b.toks[h.start - 1].lower_ == "ethnic":
            # "ethnic Albanians in southern Serbia": a people living in the place named, if any
            country = _residence(b, h.end - 1)
            if country is None:  # else the one other country of the sentence or the one before
                near = b.countries_near(h.start) - {h.code}
                country = near.pop() if len(near) == 1 else None
            b.mention(f"group:ethnic {h.code}:{country}", h.start - 1, h.end, kind="group",
                      name=b.doc[h.start - 1:h.end].text, country=country, sector="CVL")
        elif h.kind == "D" and _people_noun(b, h):  # "Libyans", "the Iraqis": the people (CVL)
            b.mention(f"group:{h.code}:CVL", h.start, h.end, kind="group", name=b.doc[h.start:h.end].text,
                      country=h.code, sector="CVL")
        elif not _maker(b, h.end):
            c = gz.country_by_code(h.code)
            if c is not None:
                b.mention(f"country:{c.iso3}", h.start, h.end, kind="country", name=c.name, country=c.iso3)


def _in_longer_name(b: Builder, h: Hit) -> bool:
    """True when an organization's longer name already holds a token of ``h``."""
    return any(b.owner.get(i, "").startswith("org:") for i in range(h.start, h.end))


#: words after "X-" that make a country the maker of a thing, not a party to the event
_MADE = frozenset("made built designed manufactured produced".split())


def _maker(b: Builder, end: int) -> bool:
    """ "Iranian-made drones launched by Russia": the country is where the drones were made."""
    toks = b.toks
    return end + 1 < len(toks) and toks[end].text in ("-", "\u2010") and toks[end + 1].lower_ in _MADE


def _residence(b: Builder, i: int) -> str | None:
    """Country of the place after "in/of" ("… in south Serbia"), or ``None``."""
    for prep in b.toks[i].rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from"):
            continue
        for obj in prep.children:
            ent = next((e for e in b.ents if e.start <= obj.i < e.end and e.label_ in ("GPE", "LOC")), None)
            if obj.dep_ != "pobj" or ent is None:
                continue
            start = ent.start + 1 if ent[0].lower_ in DIRECTIONS or ent[0].lower_ == "the" else ent.start
            p = gz.place(b.doc[start:ent.end].text)
            if p is not None and p.country:
                return p.country
    return None


def _people_noun(b: Builder, h: Hit) -> bool:
    """True for a plural demonym used as a noun ("Libyans protested"), not as a modifier."""
    last = b.toks[h.end - 1]
    return last.tag_ in ("NNS", "NNPS") and last.dep_ not in ("compound", "amod", "nmod") and last.text.endswith("s")


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
    if entry.country != "?" and _longer_org(b, h, entry, hits):
        return
    start, country = h.start, entry.country
    if country == "?":
        country, start = _org_country(b, h, hits)
    name = entry.name
    if entry.country == "?" and country:  # "Turkish parliament", "Russian Foreign Ministry"
        c = gz.country_by_code(country)
        name = f"{(c.demonym or c.name) if c else country} {b.doc[h.start:h.end].text}"
    if start < h.start:
        b.release(start, h.start)
    b.mention(f"org:{entry.name}:{country}", start, h.end, kind=entry.kind, name=name,
              country=country, sector=entry.sector)


def _longer_org(b: Builder, h: Hit, entry: gz.OrgEntry, hits: list[Hit]) -> bool:
    """Code ``h`` as part of a longer organization name, or as a short form of one named
    before (:mod:`.longer_names`); False when it is the dictionary's organization."""
    whole = longer_names.enclosing_name(b, h.start, h.end, entry.country)
    if whole is not None:
        lo, hi = whole
        # its country from its own words ("Korea" of "Korea Times", "Malta" of "Times of Malta"),
        # read from the hits: a name after the dictionary's one is not coded yet
        countries = {x.code for x in hits if x.kind in "CDS" and lo <= x.start and x.end <= hi}
        add_org(b, lo, hi, kind=entry.kind, sector=entry.sector, countries=countries)
        return True
    longer = longer_names.earlier_longer(b, h.start, h.end)
    if longer is None:
        return False
    b.mention(longer.key, h.start, h.end)
    return True


def _org_country(b: Builder, h: Hit, hits: list[Hit]) -> tuple[str | None, int]:
    """Country of a generic organization ("Russia's Foreign Ministry") and its new start."""
    doc = b.doc
    left = [x for x in hits if x.end in (h.start, h.start - 1) and x.kind in "CDS"]
    for x in left:
        between = doc[x.end:h.start]
        if all(t.text in name_checks.POSS for t in between):
            return x.code, x.start
    j = h.end
    if j + 1 < len(doc) and doc[j].lower_ in ("of", "in"):
        for x in hits:
            if x.start in (j + 1, j + 2) and x.kind in "CDS":
                return x.code, h.start
    near = b.countries_near(h.start)
    if len(near) == 1:
        return near.pop(), h.start
    return _named_before(b, h, gz.organizations()[int(h.code)].name), h.start


def _named_before(b: Builder, h: Hit, name: str) -> str | None:
    """Country of the same generic organization named with its country in the last five
    sentences ("Russia's Foreign Ministry … the Foreign Ministry said")."""
    named = [d.country for _, d in coref.mentions_before(b, b.toks[h.start], 5, ("organization", "group"))
             if d.key.startswith(f"org:{name}:") and d.country]
    return named[-1] if named else None
