"""Checks on proper names before they become actors (part of :mod:`.actors`).

Web pages and the small NER model hand the actors stage names that are not
people: an organization whose name holds a person's ("Walter Reed
hospital", "Dick Clark Productions"), a company introduced by its kind
("the energy company Vantaro"), a painting, game or film ("their work
Silent Harbour", "the game Iron Tide"), or a name glued to page furniture
("Ana RuizAna RuizMore stories").  These helpers say which is which, so
that organizations are coded as organizations and works are not actors.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz
from ..vocab.roles import FEMALE_NAMES, HONORIFICS, MALE_NAMES, ORG_KEYWORDS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .types import Builder, NameMention

#: Last words of an organization's name ("Dick Clark Productions", "Ceres Robotics").
ORG_NAME_WORDS = frozenset(
    "productions production records studio studios entertainment inc inc. corp corp. corporation co co. "
    "ltd ltd. llc plc group holdings company ventures partners capital securities robotics aerospace "
    "systems technologies motors airlines airways pharmaceuticals labs laboratories media networks "
    "hospital clinic infirmary university college institute foundation association society "
    "center centre school academy museum library observatory stadium arena airport".split())
#: Nouns before a name that say it is a company or body ("energy company Vantaro").
ORG_KIND_NOUNS = frozenset(
    "company firm startup start-up maker manufacturer carmaker automaker retailer label band "
    "group agency studio publisher developer broadcaster network channel newspaper magazine "
    "bank lender insurer airline club team charity".split())
#: Nouns before or after a name that say it is a work, product, event or illness,
#: not an actor ("the painting Starlit Bay", "Iron Tide is a game").
THING_NOUNS = frozenset(
    "painting work artwork installation sculpture game games film movie album song single book novel "
    "series episode opera app product car phone device drug vaccine disease illness "
    "virus plague program programme initiative grant grants award prize festival tournament "
    "exhibition".split())
#: Title words that also begin ordinary capitalised phrases ("Premier League",
#: "Private Lunar Lander Plans", "Gen X"): a name after them must look like one.
LOOSE_TITLES = frozenset(
    "private major general gen premier leader head chief director member official deputy chair "
    "captain executive founder expert fellow anchor pilot analyst academic editor commander "
    "king queen prince princess".split())

_GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]")
#: possessive endings, tokens of their own ("Reuters' ", "Russia's")
POSS = ("'s", "\u2019s", "'")
_SPEECH = frozenset("say tell add insist claim argue warn note write deny explain state announce".split())


def _is_title_word(t: "Token") -> bool:
    w = t.lower_.rstrip(".")
    return w in TITLES or w in HONORIFICS


def glued_cut(text: str) -> int | None:
    """Offset where a token glues two words of page text ("OmarIlhan" -> 4), else None.

    Names such as "McConnell", "DeSantis" or "MacArthur" have fewer than
    three lower-case letters before the inner capital and are left whole.
    """
    m = _GLUED.search(text)
    return m.start() + 3 if m else None


def loose_title_name(prev: "Token", t: "Token", known: set[str]) -> bool:
    """False when ``prev`` is a loose title and ``t`` does not look like a person's name."""
    if prev.lower_.rstrip(".") not in LOOSE_TITLES or prev.text.endswith("."):
        return True
    return first_name_gender(t.text) is not None or gz.norm(t.text) in known


def org_like_name(doc: "Doc", start: int, end: int) -> bool:
    """A "person" span that names an organization: its last word is an organization
    word ("Balmond Studio"), a lower-case one follows it ("Walter Reed hospital"),
    or a company noun introduces it ("energy company Vantaro")."""
    last = doc[end - 1].lower_
    if end - start >= 2 and last in ORG_NAME_WORDS:
        return True
    if end < len(doc) and doc[end].text.islower() and doc[end].lower_ in ORG_NAME_WORDS:
        return True
    return start > 0 and doc[start - 1].lower_ in ORG_KIND_NOUNS and _kind_noun_of(doc, start - 1, start, end)


def _kind_noun_of(doc: "Doc", noun: int, start: int, end: int) -> bool:
    """True when the noun at ``noun`` types the name ``start:end`` (as a compound of it, or
    the name in apposition to it): "the company Vantaro", not "the company Smith joined"."""
    n, root = doc[noun], doc[start:end].root
    if n.pos_ != "NOUN":
        return False
    return (n.dep_ == "compound" and n.head.i == root.i) or \
        (root.head.i == n.i and root.dep_ in ("appos", "npadvmod", "compound"))


def thing_name(doc: "Doc", start: int, end: int) -> bool:
    """A name that a noun types as a work, product, event or illness ("the game Iron Tide",
    "Iron Tide is a game")."""
    if start > 0 and doc[start - 1].lower_ in THING_NOUNS and _kind_noun_of(doc, start - 1, start, end):
        return True
    root = doc[start:end].root
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        attr = next((c for c in root.head.children if c.dep_ == "attr"), None)
        if attr is not None and attr.lower_ in THING_NOUNS:
            return True
    return False


def _person_evidence(b: "Builder") -> set[str]:
    """Names the article treats as people: after a title or honorific, or saying something."""
    out = set()
    for ent in b.ents:
        if ent.label_ != "PERSON":
            continue
        end = ent.end - 1 if ent[-1].text in POSS else ent.end
        titled = ent.start > 0 and _is_title_word(b.doc[ent.start - 1])
        if end > ent.start and (titled or speech_subject(ent.root)):
            out.add(gz.norm(b.doc[ent.start:end].text))
    return out


def not_person_names(b: "Builder") -> dict[str, str]:
    """Normalised names the article types as an organization ("org") or a thing ("thing"):
    every mention of them then follows ("Iron Tide" after "the game Iron Tide").

    The NER's own WORK_OF_ART/PRODUCT/EVENT/LAW labels count only when it gives
    them at least as often as PERSON, so one odd label does not unmake a person.
    """
    votes: dict[str, list[int]] = {}  # key -> [thing labels, person labels]
    out: dict[str, str] = {}
    strong: dict[str, str] = {}
    doc = b.doc
    for ent in b.ents:
        end = ent.end - 1 if ent[-1].text in POSS else ent.end
        if end <= ent.start or ent.label_ not in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"):
            continue
        key = gz.norm(doc[ent.start:end].text)
        v = votes.setdefault(key, [0, 0])
        if ent.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW"):
            v[0] += 1
        elif ent.label_ == "PERSON":
            v[1] += 1
        if thing_name(doc, ent.start, end):
            out[key] = "thing"
        elif end - ent.start >= 2 and doc[end - 1].lower_ in ORG_NAME_WORDS:
            strong[key] = "org"  # "Harlan Webb Productions": the name itself says so
        elif ent.label_ in ("PERSON", "FAC", "ORG") and org_like_name(doc, ent.start, end):
            out.setdefault(key, "org")
    for key, (things, persons) in votes.items():
        if things and things >= persons:
            out.setdefault(key, "thing")
    people = _person_evidence(b)
    out = {k: v for k, v in out.items() if k not in people and b.words.leaders.find(tuple(k.split())) is None}
    return {**strong, **out}


def extend_name(toks: list["Token"], end: int) -> int:
    """Extend a name over proper nouns the NER left out ("Ode" + "Obi" in "Mr. Ode Obi")
    and over the rest of a hyphenated word it cut ("Moon Jae" + "-in" in "Moon Jae-in")."""
    while True:
        if glued_hyphen(toks, end):
            end += 2
        elif end < len(toks) and toks[end - 1].dep_ == "compound" and toks[end - 1].head.i >= end \
                and toks[end].pos_ == "PROPN" and not toks[end].ent_type_ and toks[end].text[:1].isupper():
            end += 1
        else:
            return end


def inner_hyphen(t: "Token") -> bool:
    """A hyphen inside a word ("Secretary-General"), not a dash ("WASHINGTON -")."""
    return t.text in ("-", "\u2010") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def glued_hyphen(toks: list["Token"], i: int) -> bool:
    """True when ``toks[i]`` is a hyphen glued between two words ("Jae-in", "Jean-Pierre")."""
    return 0 < i and i + 1 < len(toks) and inner_hyphen(toks[i]) and toks[i - 1].is_alpha and toks[i + 1].is_alpha


def conj_with_person(t: "Token") -> bool:
    """True when ``t`` is coordinated with a PERSON entity ("Trump and Putin")."""
    if t.dep_ == "conj" and t.head.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in t.children)


def name_as_place(b: "Builder", ent) -> bool:
    """A GPE the gazetteer does not know, used like a person ("Erdogan has accused …")."""
    if ent.label_ != "GPE" or len(ent) > 2 or any(t.i in b.owner for t in ent):
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in ent):
        return False
    root = ent.root
    if root.dep_ not in ("nsubj", "nsubjpass", "poss") and not (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return False
    return gz.place(ent.text) is None and not gz.is_us_state(ent.text)


def place_not_person(doc: "Doc", m: "NameMention", known: set[str]) -> bool:
    """A one-word "person" that is a known city or country, has no title and is
    nobody's name in this article ("Kharkiv", but not "Warren" after "Elizabeth Warren")."""
    if len(m.words) != 1 or (m.start > 0 and _is_title_word(doc[m.start - 1])) or gz.norm(m.words[0]) in known:
        return False
    p = gz.place(m.words[0])
    return p is not None and p.kind in ("city", "capital", "country")


def region_country(b: "Builder", lo: int, hi: int) -> str | None:
    """The country of a region or city no actor holds in tokens ``lo:hi``, named as the
    office's ("governor of Sichuan province", "Sichuan's health commission" -> CHN), or None."""
    for ent in b.ents:
        if ent.label_ not in ("GPE", "LOC", "ORG") or ent.start < lo or ent.end > hi \
                or any(i in b.owner for i in range(ent.start, ent.end)):
            continue
        poss = ent[-1].text in POSS or (ent.end < len(b.doc) and b.doc[ent.end].text in POSS)
        of = ent.start > 0 and b.doc[ent.start - 1].lower_ == "of"
        if not (poss or of or ent.root.dep_ == "compound"):
            continue  # "a correspondent in Moscow" is based there, not of there
        end = ent.end - 1 if ent[-1].text in POSS else ent.end
        if end - ent.start >= 2 and b.doc[end - 1].lower_ in ("province", "region", "state", "district", "city"):
            end -= 1  # "Sichuan province"
        p = gz.place(b.doc[ent.start:end].text) if end > ent.start else None
        if p is not None and p.kind in ("region", "city") and p.country:
            return p.country
    return None


def first_name_entity(b: "Builder", ent) -> bool:
    """An ORG/GPE entity that starts with a common first name ("Lester Holt" read as ORG)."""
    words = [t for t in ent if not glued_hyphen(b.toks, t.i)]
    hyphens = len(ent) - len(words)  # each glued hyphen joins two tokens: "Jean-Pierre Dupont" is two words
    if ent.label_ not in ("ORG", "GPE", "NORP") or not 2 <= len(words) - hyphens <= 3 \
            or any(t.i in b.owner for t in ent):
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in words):
        return False
    first, last = gz.norm(ent[0].text), gz.norm(ent[-1].text)
    return (first in MALE_NAMES or first in FEMALE_NAMES) and last not in ORG_KEYWORDS \
        and gz.place(ent.text) is None and gz.organization(ent.text) is None


def known_name_words(ents, min_words: int = 1) -> set[str]:
    """First and last words of the PERSON entities of ``min_words`` words or more (normalised)."""
    return {gz.norm(ent[i].text) for ent in ents if ent.label_ == "PERSON" and len(ent) >= min_words
            for i in (0, -1) if ent[i].text[:1].isupper() and ent[i].text[:1].isalpha()}


def is_person_alias(doc: "Doc", ent, known: set[str]) -> bool:
    """An ORG/GPE/NORP entity that repeats a person's name ("Trump", "De Blasio", "Trump's")."""
    words = [gz.norm(t.text) for t in ent if t.text[:1].isalpha() and t.text not in POSS]
    return bool(words) and words[-1] in known and all(t.text[:1].isupper() for t in ent
                                                     if t.text[:1].isalpha() and t.text not in POSS)


def first_name_gender(word: str) -> str | None:
    """"m"/"f" for a common first name, else None."""
    w = gz.norm(word)
    if w in MALE_NAMES:
        return "m"
    if w in FEMALE_NAMES:
        return "f"
    return None


def speech_subject(t: "Token") -> bool:
    """True when ``t`` is the subject of a speech verb ("Ruiz said")."""
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in _SPEECH


def known_names(b: "Builder", min_words: int = 1) -> set[str]:
    """:func:`known_name_words` of ``b``'s document, cached on the builder."""
    if min_words not in b.known_words:
        b.known_words[min_words] = known_name_words(b.ents, min_words)
    return b.known_words[min_words]


def not_persons(b: "Builder") -> dict[str, str]:
    """:func:`not_person_names` of ``b``, cached on the builder: names typed as "org" or "thing"."""
    if b.not_person_words is None:
        b.not_person_words = not_person_names(b)
    return b.not_person_words
