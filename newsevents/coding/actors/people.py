"""People for the actors stage: names, titles, appositions, affiliation.

A person's country and sector come from what the article says of them:
a title before the name ("Sen.", "French President", "Kremlin spokesman"),
or an apposition ("Ana Ruiz, Peru's ambassador to the OAS"; "a researcher at
Brookings").  Specific titles fix the sector (ambassador -> DIP); generic
ones (spokesman, researcher) take the sector of the organization named.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz
from ..vocab.roles import HONORIFICS, MULTI_TITLES, TITLE_MODIFIERS, TITLES
from . import coref, leaders, name_checks
from .name_checks import (POSS, conj_with_person, extend_name, first_name_entity, glued_cut, inner_hyphen,
                          is_person_alias, loose_title_name, name_as_place, place_not_person, region_country)
from .title_sector import title_sector
from .types import NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .types import Builder, Draft

_STOP_DESC = frozenset([",", ".", ";", ":", "(", ")", "\"", "\u201c", "\u201d", "--", "\u2014"])


@dataclass(frozen=True, slots=True)
class Description:
    """What a title or apposition says of a person."""

    role: str | None
    sector: str | None
    country: str | None
    affiliation: str | None  # draft key
    gender: str | None = None
    title_tokens: tuple[int, int] | None = None  # the title words ("foreign policy chief")


def _word(t: "Token") -> str:
    return t.lower_.rstrip(".")


def _is_title(t: "Token") -> bool:
    return _word(t) in TITLES or _word(t) in HONORIFICS


def is_title_token(t: "Token") -> bool:
    """True for a title or honorific word ("Minister", "Sen.", "Mr.")."""
    return _is_title(t)


def find_names(b: "Builder") -> list[NameMention]:
    """PERSON entities and title-led proper names, in text order, not owned yet."""
    doc = b.doc
    spans: list[tuple[int, int]] = []
    for ent in b.ents:
        if ent.label_ == "PERSON" or titled_name(doc, ent) or name_as_place(b, ent) or first_name_entity(b, ent):
            spans.append((ent.start, extend_name(b.toks, ent.end)))
    taken = {i for s, e in spans for i in range(s, e)}
    toks = b.toks
    for t in toks:
        if t.i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ not in ("", "PERSON") \
                or _is_title(t):
            continue
        if not t.ent_type_ and t.i not in b.owner and conj_with_person(t):
            spans.append((t.i, t.i + 1))  # "Trump and Putin": NER saw only Putin
            taken.add(t.i)
            continue
        prev = toks[t.i - 1] if t.i > 0 else None
        if prev is not None and prev.pos_ == "PROPN" and prev.i not in taken and not _is_title(prev):
            continue  # not the first word of the name
        if (prev is not None and _is_title(prev) and loose_title_name(prev, t, name_checks.known_names(b))) \
                or _appos_title(toks, t):
            end = t.i + 1
            while end < len(toks) and toks[end].pos_ == "PROPN" and toks[end].text[:1].isupper() \
                    and toks[end].ent_type_ in ("", "PERSON") and end - t.i < 3 and end not in taken:
                end += 1
            spans.append((t.i, end))
            taken.update(range(t.i, end))
    spans += leaders.leader_spans(b, taken)
    out = []
    known = name_checks.known_names(b, 2)
    not_persons = name_checks.not_persons(b)
    for s, e in sorted(spans):
        m = _clean_name(b, s, e)
        if m is not None and not place_not_person(b.doc, m, known) \
                and gz.norm(b.doc[m.start:m.end].text) not in not_persons:
            out.append(m)
    return _add_bare_names(b, out, taken)


def _add_bare_names(b: "Builder", found: list[NameMention], taken: set[int]) -> list[NameMention]:
    """Proper nouns the NER missed or mislabelled that repeat a known person's name."""
    known = {gz.norm(w) for m in found if len(m.words) >= 2 for w in (m.words[0], m.words[-1])}
    if not known:
        return found
    extra = []
    for ent in b.ents:
        if ent.label_ in ("ORG", "GPE", "NORP") and ent.start not in taken and is_person_alias(b.doc, ent, known):
            m = _clean_name(b, ent.start, ent.end)
            if m is not None:
                extra.append(m)
                taken.update(range(ent.start, ent.end))
    for t in b.toks:
        if t.i in taken or t.i in b.owner or t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        if gz.norm(t.text) in known and t.ent_type_ in ("", "PERSON"):
            m = _clean_name(b, t.i, t.i + 1)
            if m is not None:
                extra.append(m)
    return sorted(found + extra, key=lambda m: m.start)


def titled_name(doc: "Doc", ent) -> bool:
    """An ORG/GPE/NORP entity that is really a name after a title ("spokesman Dmitry Orlov")."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) > 4:
        return False
    if len(ent) >= 2 and _is_title(ent[0]) and all(t.pos_ == "PROPN" for t in ent[1:]):
        return loose_title_name(ent[0], ent[1], set())  # "Moderator Lester Holt" as one ORG entity
    return ent.start > 0 and _is_title(doc[ent.start - 1]) and all(t.pos_ == "PROPN" for t in ent)


def _appos_title(toks: list["Token"], t: "Token") -> bool:
    """True for "Ana Ruiz, Peru's ambassador …": a proper name with a titled apposition."""
    if not any(x.text == "," for x in toks[t.i + 1:t.i + 4]):
        return False  # cheap test first: an apposition follows a comma
    head = t if t.dep_ != "compound" else t.head
    return any(c.dep_ == "appos" and _word(c) in TITLES for c in head.children)


def _name_words(span) -> tuple[str, ...]:
    """The words of a name: a hyphenated word is one word ("Lee Jong-ho", "Park Geun-Hye",
    "Jean-Pierre Dupont"), but a lower-case particle stays apart ("Bashar al-Assad" is
    ("Bashar", "al", "Assad")) so that a later "Assad" finds him."""
    words: list[str] = []
    glue = False
    for t in span:
        if t.text == "-" and not t.whitespace_ and words and t.i > span.start:
            glue = True
            continue
        if glue and (t.text[:1].islower() or words[-1][:1].isupper()):
            words[-1] += "-" + t.text
        elif t.text[:1].isalpha():
            words.append(t.text)
        glue = False
    return tuple(words)


def _clean_name(b: "Builder", start: int, end: int) -> NameMention | None:
    """Strip titles, honorifics and possessives from a name span; None if nothing is left."""
    doc = b.doc
    gender = None
    while start < end and (_is_title(doc[start]) or doc[start].lower_ == "the" or start in b.owner
                           or _word(doc[start]) in TITLE_MODIFIERS or doc[start].text in POSS):
        gender = HONORIFICS.get(_word(doc[start]), gender)  # "Hamas leader Ismail Haniyeh" as one entity
        start += 1
    for i in range(start, end):  # "Trump's 1995 return": the name ends at the possessive
        if doc[i].text in POSS:
            end = i
            break
    while end > start and not doc[end - 1].text[:1].isalpha():
        end -= 1
    glued = next((i for i in range(start, end) if glued_cut(doc[i].text) is not None), None)
    if glued is not None:  # "Ana RuizAna RuizMore stories": the name ends inside the glued token
        end = glued + 1
    if start >= end or not b.free(start, end):
        return None
    if start > 0 and _word(doc[start - 1]) in HONORIFICS:
        gender = HONORIFICS[_word(doc[start - 1])] or gender
    words = _name_words(doc[start:end])
    if glued is not None and words:
        words = words[:-1] + (words[-1][:glued_cut(words[-1]) or len(words[-1])],)
    if not words or not words[-1][:1].isupper() or (len(words) == 1 and len(words[0]) < 2):
        return None
    return NameMention(start, end, words, gender)


def code_people(b: "Builder") -> list[tuple[str, NameMention]]:
    """Add person actors; repeated names go to the right person (:class:`coref.NameResolver`).
    Returns each name mention with its person's key."""
    names = find_names(b)
    resolver = coref.NameResolver(b, names)
    keyed = []
    for m in names:
        key = resolver.key_of(m)
        keyed.append((key, m))
        full = " ".join(m.words)
        d = b.mention(key, m.start, m.end, kind="person", name=full)
        if len(m.words) > len(d.fullname):
            d.fullname, d.name = m.words, full
        if m.gender and not d.gender:
            d.gender = m.gender
        if not d.gender and len(m.words) >= 2:
            d.gender = name_checks.first_name_gender(m.words[0])
        desc = describe(b, m)
        if desc is not None:
            _apply(d, desc)
            if desc.title_tokens:  # "President", "foreign policy chief" speak for the person too
                b.claim(key, range(*desc.title_tokens))
    for d in list(b.drafts.values()):
        if d.kind == "person" and d.country is None:
            leaders.known_leader(d, b.words.leaders)
    return keyed


def tie_to_organizations(b: "Builder", names: list[tuple[str, NameMention]]) -> None:
    """Once groups are coded ("North Korea's spy agency"), a person the text ties to one
    ("its director Park Ji-won") takes its country, and its sector for a generic title."""
    for key, m in names:
        d = b.drafts.get(key)
        tied = b.drafts.get(d.affiliation or "") if d is not None else None
        if d is None or d.kind != "person" or (tied is not None and tied.kind != "country" and tied.spans):
            continue  # tied to an organization already
        desc = describe(b, m)
        if desc is None or desc.affiliation in (None, d.affiliation) or (d.country and desc.country != d.country):
            continue
        d.country, d.affiliation = desc.country, desc.affiliation
        if desc.role == d.role:  # the same title, now read with its organization
            d.sector = desc.sector or d.sector


def _apply(d: "Draft", desc: Description) -> None:
    if desc.role and not d.role:
        d.role = desc.role
    if desc.sector and not d.sector:
        d.sector = desc.sector
    if desc.country and not d.country:
        d.country = desc.country
    if desc.affiliation and not d.affiliation:
        d.affiliation = desc.affiliation
    if desc.gender and not d.gender:
        d.gender = desc.gender


def describe(b: "Builder", m: NameMention) -> Description | None:
    """The title before ``m`` and/or its apposition, whichever says more."""
    left = _title_before(b, m.start)
    right = _apposition(b, m)
    best = None
    for lo, hi in (left, right):
        if lo is None or lo >= hi:
            continue
        desc = _read_description(b, lo, hi)
        if desc is not None and (best is None or (desc.sector and not best.sector) or (desc.affiliation and not best.affiliation)):
            best = desc
    if best is not None and best.country is None and left[0] is not None:
        best = _of_country_after(b, m, best)
    return best


def _of_country_after(b: "Builder", m: NameMention, desc: Description) -> Description:
    """ "King Hassan of Morocco", "President Ortega of Nicaragua": the country after the name."""
    i = m.end
    if i + 1 < len(b.toks) and b.toks[i].lower_ == "of":
        j = i + 2 if b.toks[i + 1].lower_ == "the" else i + 1
        d = b.draft_at(j) if j < len(b.toks) else None
        if d is not None and d.kind == "country":
            return replace(desc, country=d.country, affiliation=desc.affiliation or d.key)
    return desc


def _title_before(b: "Builder", start: int) -> tuple[int | None, int]:
    """Token range of the title words and modifiers right before a name.

    Takes titles, their modifiers ("former", "foreign policy"), possessives,
    word-internal hyphens ("Secretary-General"), "of" inside a title
    ("Secretary of State") and actors ("Kremlin", "Saudi").
    """
    toks, i = b.toks, start - 1
    lo = None
    while i >= 0 and start - i <= 10:
        t = toks[i]
        owner = b.draft_at(i)
        if _is_title(t) or _word(t) in TITLE_MODIFIERS or t.text in POSS or inner_hyphen(t) \
                or (owner is not None and owner.kind != "person") or _multi_title_word(t) \
                or _title_compound(t, start) or _title_of(toks, i, lo):
            lo = i
            i -= 1
            continue
        if lo is not None and coref.refers_back(t):
            lo = i  # "its director", "Ministry spokesman": kept for :func:`_possessor`
        break
    return lo, start


def _title_compound(t: "Token", name_start: int) -> bool:
    """A lower-case noun or adjective modifying a later title word ("foreign policy chief")."""
    return (t.dep_ in ("compound", "amod") and t.text.islower() and t.pos_ in ("NOUN", "ADJ")
            and t.i < t.head.i < name_start)


def _title_of(toks: list["Token"], i: int, lo: int | None) -> bool:
    """ "of" between a title and what follows it ("Secretary of State", "Minister of Defense")."""
    return toks[i].lower_ == "of" and lo is not None and i > 0 and _is_title(toks[i - 1])


def _multi_title_word(t: "Token") -> bool:
    """A word of a multi-word title ("Attorney", "Prime"); punctuation never counts."""
    w = _word(t)
    return w.isalpha() and any(w in key for key in MULTI_TITLES)


def _apposition(b: "Builder", m: NameMention) -> tuple[int | None, int]:
    """Token range of an apposition describing the name (either side of it)."""
    doc = b.doc
    root = doc[m.start:m.end].root
    if root.dep_ == "appos" and (_word(root.head) in TITLES or root.head.lemma_.lower() in TITLES):
        head = root.head  # "Peru's ambassador to the OAS, Ana Ruiz, said"
        lo = head.left_edge.i
        if lo < m.start and not any(_other_name(b, i) for i in range(lo, m.start)):
            return lo, m.start
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i:
            return _desc_range(doc, c.left_edge.i, c.right_edge.i + 1)
    if m.end + 1 < len(doc) and doc[m.end].text == ",":  # parser missed it: scan to the next comma
        hi = m.end + 1
        while hi < len(doc) and hi - m.end < 16 and doc[hi].text not in _STOP_DESC and doc[hi].pos_ not in ("VERB", "AUX"):
            hi += 1
        if any(_word(doc[i]) in TITLES for i in range(m.end + 1, hi)):
            return m.end + 1, hi
    return None, 0


def _other_name(b: "Builder", i: int) -> bool:
    """True when token ``i`` belongs to another person's name."""
    d = b.draft_at(i)
    return (d is not None and d.kind == "person") or b.doc[i].ent_type_ == "PERSON"


def _desc_range(doc: "Doc", lo: int, hi: int) -> tuple[int, int]:
    """Cut a description at its first clause boundary ("who", a verb after the head)."""
    for i in range(lo, hi):
        if doc[i].lower_ in ("who", "which", "that") or doc[i].text in (";", "\u2014"):
            return lo, i
    return lo, hi


def _read_description(b: "Builder", lo: int, hi: int) -> Description | None:
    """Role, sector, country and affiliation from tokens ``lo:hi``."""
    doc = b.doc
    titles = [i for i in range(lo, hi) if _word(doc[i]) in TITLES]
    if not titles:
        gender = next((HONORIFICS[_word(doc[i])] for i in range(lo, hi) if _word(doc[i]) in HONORIFICS), None)
        return Description(None, None, _countries_in(b, lo, hi), None, gender) if gender or _countries_in(b, lo, hi) else None
    head = _head_title(doc, titles)
    sector, specific = _title_sector(doc, head)
    org, country = _affiliation(b, lo, hi, head, sector)
    country = country or region_country(b, lo, hi)
    sector = title_sector(b, lo, hi, head, sector, specific, org, country)
    if org is not None and org.sector and (not specific or (sector == "MIL" and org.sector == "REB")):
        sector = org.sector  # a generic title, or a rebel group's "commander"
    elif sector == "GOV" and not specific and \
            any(_word(doc[i]) == "campaign" for i in range(max(lo - 1, 0), hi)):
        sector = "PTY"  # "campaign spokeswoman", "adviser to the Clinton campaign": no office
    if org is not None and org.country and org.country != "?":
        country = org.country
    aff = org.key if org is not None else (f"country:{country}" if country and f"country:{country}" in b.drafts else None)
    gender = next((HONORIFICS[_word(doc[i])] for i in range(lo, hi) if _word(doc[i]) in HONORIFICS), None)
    role, start = _role_text(b, lo, hi, head)
    return Description(role, sector, country, aff, gender, (start, head + 1))


def _head_title(doc: "Doc", titles: list[int]) -> int:
    """The main title word: the last of a run of title words ("Deputy Foreign Minister")."""
    head = titles[0]
    for i in titles[1:]:
        if i == head + 1 or all(_word(doc[j]) in TITLE_MODIFIERS or _multi_title_word(doc[j]) or doc[j].text == "-"
                                for j in range(head + 1, i)):
            head = i
        else:
            break
    return head


def _title_sector(doc: "Doc", head: int) -> tuple[str | None, bool]:
    """Sector of the title at ``head``, multi-word titles first ("police chief")."""
    for key, value in MULTI_TITLES.items():
        n = len(key)
        lo = head - n + 1
        if lo >= 0 and tuple(_word(doc[j]) for j in range(lo, head + 1)) == key:
            return value
        if head + n <= len(doc) and tuple(_word(doc[j]) for j in range(head, head + n)) == key:
            return value
    return TITLES[_word(doc[head])]


def _affiliation(b: "Builder", lo: int, hi: int, head: int, sector: str | None) -> tuple["Draft | None", str | None]:
    """Organization and country the description ties the person to.

    "to X" after a diplomatic title is the host, not the employer.
    """
    doc = b.doc
    org, country = None, None
    excluded: set[int] = set()
    if sector == "DIP":
        for i in range(head + 1, hi):
            if doc[i].lower_ == "to":
                excluded.update(t.i for t in doc[i].subtree)
    for i in range(lo, hi):
        d = b.draft_at(i)
        if d is None or i in excluded or d.kind == "person" or (i > head and _titles_other_person(b, i, hi)):
            continue
        if d.kind == "country" and country is None:
            country = d.country
        elif d.kind in ("organization", "group") and (org is None or (d.sector and not org.sector)):
            org = d  # the first, unless a later one has a known sector ("head of Research at X Securities")
    if org is None and country is None:
        return _possessor(b, lo, head)
    return org, country


def _possessor(b: "Builder", lo: int, head: int) -> tuple["Draft | None", str | None]:
    """ "its director", "Ministry spokesman": the organization or country named before."""
    for i in range(lo, head):
        if i in b.owner:
            continue
        d = coref.possessor(b, b.toks[i])
        if d is not None:
            return (None, d.country) if d.kind == "country" else (d, None)
    return None, None


def _titles_other_person(b: "Builder", i: int, hi: int) -> bool:
    """True when the actor at ``i`` is part of another person's title ("… aide, on a call
    with Ukrainian President Zelensky": "Ukrainian" is Zelensky's, not the aide's)."""
    j = i + 1
    while j < hi and (b.draft_at(j) is b.draft_at(i) or _is_title(b.toks[j]) or _word(b.toks[j]) in TITLE_MODIFIERS
                      or b.toks[j].text in POSS or _multi_title_word(b.toks[j])):
        j += 1
    return j > i + 1 and j < hi and _other_name(b, j) and _is_title(b.toks[j - 1])


def _countries_in(b: "Builder", lo: int, hi: int) -> str | None:
    for i in range(lo, hi):
        d = b.draft_at(i)
        if d is not None and d.kind == "country":
            return d.country
    return None


def _role_text(b: "Builder", lo: int, hi: int, head: int) -> tuple[str, int]:
    """The role as written (modifiers, title, its "to/of/for/at" complement) and its first token."""
    doc = b.doc
    start = head
    while start - 1 >= lo and (_word(doc[start - 1]) in TITLE_MODIFIERS or _is_title(doc[start - 1])
                               or _multi_title_word(doc[start - 1]) or inner_hyphen(doc[start - 1])
                               or _title_compound(doc[start - 1], head + 1)) \
            and b.draft_at(start - 1) is None:
        start -= 1
    if start > 0 and inner_hyphen(doc[start]) and doc[start - 1].is_alpha:
        start -= 1  # "co-founder", "ex-president": the prefix belongs to the title
    end = head + 1
    if end < hi and doc[end].lower_ in ("to", "of", "for", "at", "with"):
        end = min(hi, doc[end].right_edge.i + 1)
    while end > start + 1 and not doc[end - 1].text[:1].isalnum():
        end -= 1
    return doc[start:end].text, start


def normalise_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Lower-cased, accent-folded name words for comparisons."""
    return tuple(gz.norm(w) for w in words)
