"""The sector a person's title gives, read in its context (part of :mod:`.people`).

Many title words are shared by governments and everybody else: a
"president", "chair", "head" or "director" runs a company or an association
as often as a state, and a "captain" leads a football team as often as a
company of soldiers.  The word alone (:data:`.roles.TITLES`) gives the
sector only when it names a public office ("minister", "governor"); the
others take the sector of the organization the description names, a
country ("the French president"), a company word ("at the tech giant"), or
stay uncoded: a blank is better than a wrong GOV.  A military rank needs
a military context to be MIL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab.roles import TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .types import Builder, Draft

#: Generic GOV titles that name a public office even with no organization named.
OFFICE_TITLES = frozenset(
    "premier chancellor minister secretary governor mayor king queen emir sultan prince princess sheikh "
    "monarch ruler dictator strongman taoiseach undersecretary under-secretary secretary-general "
    "negotiator administrator commissioner".split())
#: Generic titles of a state's head when written as a title before a name ("President Ghani").
HEAD_TITLES = frozenset("president vice-president premier".split())
#: Titles that, with no organization named, most often speak for a government ("a spokesman said").
GOV_DEFAULT = frozenset("official spokesman spokeswoman spokesperson aide adviser advisor".split())
#: Nouns that say the employer is a business ("a consulting firm", "the tech giant").
COMPANY_WORDS = frozenset(
    "firm company companies giant maker manufacturer startup start-up retailer carmaker automaker "
    "brand corporation corp inc ltd llc plc conglomerate chain publisher studio studios airline insurer "
    "lender brokerage securities subsidiary franchise label outlet store bank fund developer".split())
#: Rank words that are also a sports team's, ship's, police or civilian title.
SHARED_RANKS = frozenset("captain commander pilot private major marshal general".split())
#: Words that put a rank in a military context.
MILITARY_WORDS = frozenset(
    "army navy naval military marine marines troops troop soldier soldiers regiment battalion brigade "
    "infantry air force forces armed defense defence pentagon war airforce militia corps platoon "
    "commando special-forces".split())
#: Words that make a shared rank a police one ("police commander").
POLICE_WORDS = frozenset("police policing precinct constabulary district".split())


def _word(t) -> str:
    return t.lower_.rstrip(".")


def title_sector(b: "Builder", lo: int, hi: int, head: int, sector: str | None, specific: bool,
                 org: "Draft | None", country: str | None) -> str | None:
    """The sector of the title at ``head`` in the description ``lo:hi``.

    ``sector``/``specific`` are the title word's own (:func:`people._title_sector`);
    ``org`` and ``country`` what the description ties the person to.
    """
    doc = b.doc
    word = _word(doc[head])
    if sector == "MIL" and word in SHARED_RANKS and doc[head].text[-1:] != ".":
        return _rank_sector(b, head, org)
    if sector != "GOV" or specific or word in OFFICE_TITLES:
        return sector
    if org is not None:
        return org.sector  # a company's or association's president: its sector, or none known
    if _company_described(doc, lo, hi, head):
        return "BUS"
    if country is not None:
        return "GOV"  # "Ukraine's president", "a U.S. official"
    if word in HEAD_TITLES and doc[head].text[:1].isupper() and head + 1 >= hi \
            and (head == 0 or doc[head - 1].ent_type_ not in ("ORG", "PRODUCT")):
        return "GOV"  # "President Ghani": a head-of-state title right before the name, no company before it
    return "GOV" if word in GOV_DEFAULT else None


def _company_described(doc: "Doc", lo: int, hi: int, head: int) -> bool:
    """A company noun, or a business title beside this one ("chairman, CEO and president")."""
    for i in range(max(0, lo - 1), min(len(doc), hi + 1)):
        w = _word(doc[i])
        if w in COMPANY_WORDS and doc[i].pos_ in ("NOUN", "PROPN"):
            return True
        if i != head and TITLES.get(w, (None, False))[0] == "BUS":
            return True
    return False


def _rank_sector(b: "Builder", head: int, org: "Draft | None") -> str | None:
    """MIL for a shared rank word in a military context, COP in a police one, else none."""
    if org is not None and org.sector in ("MIL", "COP", "REB"):
        return org.sector
    sent = b.doc[head].sent
    words = {t.lower_ for t in sent}
    if words & MILITARY_WORDS:
        return "MIL"
    if words & POLICE_WORDS:
        return "COP"
    return None
