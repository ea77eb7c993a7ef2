"""Organizations outside the dictionary (part of :mod:`.actors`).

ORG entities the dictionary does not hold become organizations, their
country from a country named inside ("Korea Herald"), their sector from
their words; entities that are people, places, portfolios, laws, prizes or
events are left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz
from ..vocab.roles import org_sector
from . import leaders, name_checks, people

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from .types import Builder


def code_unknown_orgs(b: "Builder") -> None:
    """ORG entities outside the dictionary become organizations (country from inside);
    so do PERSON/FAC entities the article names like an organization ("Walter Reed hospital")."""
    known = name_checks.known_names(b)
    not_persons = name_checks.not_persons(b)
    for ent in b.ents:
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        end = _org_end(b.doc, start, ent.end)
        if start >= end:
            continue
        kind = not_persons.get(gz.norm(b.doc[start:end].text))
        if kind == "org" and ent.label_ in ("ORG", "PERSON", "FAC") and b.free(start, end):
            add_org(b, start, end)
        elif ent.label_ == "ORG" and kind != "thing" and not _skip_org(b, ent, start, end, known):
            add_org(b, start, end)
        elif ent.label_ in ("ORG", "EVENT", "WORK_OF_ART") and b.doc[end - 1].lower_ in _EVENT_HEADS:
            b.release(start, end)  # "American" in "the American Music Awards" is no country actor


def _skip_org(b: "Builder", ent: "SpacySpan", start: int, end: int, known: set[str]) -> bool:
    """ORG entities that are people, places, titles' portfolios or known organizations."""
    text = b.doc[start:end].text
    if people.titled_name(b.doc, ent) or name_checks.is_person_alias(b.doc, ent, known) \
            or name_checks.first_name_entity(b, ent) or leaders.is_leader_name(text, b.words.leaders):
        return True
    if _not_an_org(b.doc, b.doc[start:end]) or _known_place(text):
        return True
    if ent.end < len(b.toks) and people.is_title_token(b.toks[ent.end]) and len(ent) <= 2 \
            and f"org:{gz.norm(text)}" not in b.drafts:
        return True  # "Defense Secretary", "Health Minister": a portfolio before a title (not a company named before)
    if len(ent) == 1 and ent.start >= 2 and b.toks[ent.start - 1].lower_ == "of" \
            and people.is_title_token(b.toks[ent.start - 2]):
        return True  # "Secretary of State", "Minister of Finance": part of a title
    inner = {b.drafts[b.owner[i]].kind for i in range(start, end) if i in b.owner}
    return bool(inner - {"country"}) or all(i in b.owner for i in range(start, end)) or len(text) < 2


def _org_end(doc: "Doc", start: int, end: int) -> int:
    """End of an organization's name: before a lower-case word that is no name's
    ("American Music Awards after Singer" -> "American Music Awards"), and before a
    final possessive."""
    if not doc[start].text[:1].isupper():
        return end  # a lower-case entity ("immigration department") is a common noun phrase, left whole
    for i in range(start + 1, end):
        w = doc[i]
        if w.text.islower() and w.is_alpha and w.lower_ not in _NAME_LOWER:
            end = i
            break
    while end > start and (doc[end - 1].text in ("'s", "\u2019s", "'", ",") or doc[end - 1].is_space):
        end -= 1
    return end


def add_org(b: "Builder", start: int, end: int, kind: str = "organization", sector: str | None = None,
            countries: set[str] | None = None) -> None:
    """An organization named by tokens ``start:end``, keyed by its name: country from a
    country inside its name (``countries``, else the actors holding its tokens), sector
    ``sector`` or else from its words or a lower-case organization word after it ("… hospital")."""
    if countries is None:
        countries = {b.drafts[b.owner[i]].country for i in range(start, end) if i in b.owner}
    b.release(start, end)
    text = b.doc[start:end].text
    if sector is None:
        after = b.doc[end].lower_ if end < len(b.doc) and b.doc[end].lower_ in name_checks.ORG_NAME_WORDS else ""
        sector = org_sector(f"{text} {after}")
    b.mention(f"org:{gz.norm(text)}", start, end, kind=kind, name=text,
              country=countries.pop() if len(countries) == 1 else None, sector=sector)


#: lower-case words that belong inside organization names ("Bank of America", "Médecins sans Frontières")
_NAME_LOWER = frozenset("of and for the de del la le du des da di von van al el on in at to sans & y e et".split())


#: Last words of the names of events and prizes: a demonym in them is part of the name
#: ("the American Music Awards", "the French Open tour").
_EVENT_HEADS = frozenset("award awards prize prizes festival final finals cup championship championships "
                         "tournament series show tour expo exhibition games open".split())
_NOT_ORG_HEADS = frozenset("act bill law program programme treaty accord agreement plan initiative "
                           "project doctrine visa index grant grants".split()) | _EVENT_HEADS
_PARTY_LABEL = re.compile(r"^[DRI]-[A-Z]")


def _known_place(text: str) -> bool:
    """A seat or country the hits step left out on purpose ("at the White House")."""
    if gz.seat(text) is not None or gz.country(text) is not None:
        return True
    p = gz.place(text)  # "Uttar Pradesh" read as an ORG
    return p is not None and p.kind == "region"


def _not_an_org(doc: "Doc", ent) -> bool:
    """ORG entities that are laws, programmes, prizes, events or party labels ("D-Va."),
    not organizations; also when such a noun follows ("the Bright Futures program")."""
    after = doc[ent.end].lower_ if ent.end < len(doc) and doc[ent.end].text.islower() else ""
    return ent[-1].lower_ in _NOT_ORG_HEADS or after in _NOT_ORG_HEADS or bool(_PARTY_LABEL.match(ent.text))
