"""Well-known leaders for the actors stage (list: ``data/lexicons/leaders.tsv``).

A listed leader's name is a person even when the tagger misses it ("Sisi
said …", "Theresa May"), and a person the text does not place gets the
listed country ("President Mugabe" -> ZWE): a full name or listed alias is
enough; a bare surname only after a head-of-state title.  The text always
wins: a country the article gives is never replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz
from ..vocab.roles import FEMALE_NAMES, MALE_NAMES

if TYPE_CHECKING:
    from .types import Builder, Draft


def leader_spans(b: "Builder", taken: set[int]) -> list[tuple[int, int]]:
    """Proper-noun runs that name a listed leader ("Sisi", "Theresa May") the NER missed."""
    out: list[tuple[int, int]] = []
    toks = b.toks
    for t in toks:
        if t.i in taken or t.i in b.owner or t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        end = t.i + 1
        while end < len(toks) and end - t.i < 4 and toks[end].pos_ == "PROPN" and end not in taken \
                and end not in b.owner:
            end += 1
        if is_leader_name(b.doc[t.i:end].text, b.words.leaders):
            out.append((t.i, end))
            taken.update(range(t.i, end))
    return out


def is_leader_name(text: str, listed: gz.Leaders) -> bool:
    """True when ``text`` is a ``listed`` leader's full name or alias ("Sisi", "Vladimir Putin")."""
    return listed.find(tuple(text.split())) is not None


_HEAD_TITLES = frozenset("president premier prime king queen chancellor emir sultan monarch dictator "
                         "strongman taoiseach".split())


def known_leader(d: "Draft", listed: gz.Leaders) -> None:
    """Country (and sector) of a well-known leader the text does not place ("President Mugabe")."""
    words = d.fullname or tuple(d.name.split())
    titled = bool(d.role) and not _HEAD_TITLES.isdisjoint(d.role.lower().replace(".", "").split())
    if len(words) == 1 and words[0].lower() in (MALE_NAMES | FEMALE_NAMES):
        titled = False  # "President Jonathan": a surname that is also a first name needs the full name
    found = listed.find(words, titled)
    if found is not None:
        d.country = found.country
        if not d.sector and found.sector != "GOV":  # an office is held for a time ("former",
            d.sector = found.sector                 # a candidate); a rebel or cleric stays one
