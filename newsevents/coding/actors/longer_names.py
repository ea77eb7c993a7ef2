"""Organization names inside longer names (part of :mod:`.actors`).

The dictionary knows "The Times"; "The Korea Times", "the Hindustan Times"
and "the Times of Malta" are other papers, and a later "The Times" in an
article about "The New York Times" or "The Times of India" is that paper.
Names are read whole, the longest first:

* a dictionary name that the tagger's ORG entity extends with capitalised
  words before it ("Korea Times") or with "of <Name>" after it ("Times of
  Malta") is part of that longer name, an organization of the same kind
  and sector whose country comes from its own words ("Korea" -> KOR), not
  from the shorter name's entry;
* a dictionary name that is the tail ("Times" of "New York Times") or the
  head before "of" ("Times" of "Times of India") of an organization the
  article named before is a short form of that organization.

A country of the shorter name's own before it ("U.S. Federal Reserve") is
a qualifier, not a longer name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab import gazetteer as gz
from .name_checks import POSS

if TYPE_CHECKING:
    from .types import Builder, Draft


def enclosing_name(b: "Builder", start: int, end: int, country: str | None) -> tuple[int, int] | None:
    """Token range of a longer ORG name holding the dictionary name ``start:end``, or ``None``."""
    ent = next((e for e in b.ents if e.label_ == "ORG" and e.start <= start and end <= e.end
                and (e.start, e.end) != (start, end)), None)
    if ent is None:
        return None
    doc = b.doc
    lo = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    hi = ent.end - 1 if ent[-1].text in POSS else ent.end
    left = doc[lo:start]
    grows_left = len(left) > 0 and all(t.text[:1].isupper() or t.text == "&" for t in left) \
        and not _own_country(b, lo, start, country)
    grows_right = hi > end + 1 and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper()
    return (lo, hi) if grows_left or grows_right else None


def _own_country(b: "Builder", lo: int, hi: int, country: str | None) -> bool:
    """True when tokens ``lo:hi`` name the organization's own country ("U.S." before "Federal Reserve")."""
    if not country:
        return False
    c = gz.country(b.doc[lo:hi].text)
    return (c is not None and c.iso3 == country) or gz.demonym(b.doc[lo:hi].text) == country \
        or gz.seat(b.doc[lo:hi].text) == country


def earlier_longer(b: "Builder", start: int, end: int) -> "Draft | None":
    """The organization named before ``start`` whose name ends with the words of ``start:end``
    or begins with them before "of" ("The Times" after "The Times of India")."""
    short = gz.norm(b.doc[start:end].text).split()
    if not short:
        return None
    best, best_at = None, -1
    n = len(short)
    for d in b.drafts.values():
        if d.kind != "organization" or not d.spans:
            continue
        first = min(s for s, _ in d.spans)
        words = gz.norm(d.name).split()
        if first >= start or len(words) <= n:
            continue
        if words[-n:] == short or (words[:n] == short and words[n] == "of"):
            last = max(s for s, _ in d.spans if s < start)
            if last > best_at:
                best, best_at = d, last
    return best
