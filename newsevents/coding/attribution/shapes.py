"""Surface shapes that the attribution stage recognises: quote fragments and
titles, dash bylines, "Name:" headlines, and outlets a statement came "via"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a quote of fewer words is a scare quote / phrase, unless it is a whole short utterance
MIN_DIRECT_TOKENS = 4

DASH_BYLINE = re.compile(r"[ \t\u00a0]*(\u2015|\u2014|--|\u2013)[ \t\u00a0]*([^\n\"\u201c\u201d]{1,80})")


#: "Name:" at the start of a paragraph: 1-5 capitalised words (a headline or a transcript)
COLON_LEAD = re.compile(
    r"([\"\u201c]?)((?:(?:[A-Z][\w.\u2019'\-]*|of|the|de|al)[ \u00a0]?){1,5}?)[ \u00a0]*(:)[ \u00a0]+(?=\S)")


def is_quoted(text: str, start: int, end: int) -> bool:
    piece = text[start:end]
    return len(piece) > 2 and piece[0] in "\"\u201c'" and piece[-1] in "\"\u201d'"


def is_fragment(text: str, q: Quote) -> bool:
    """A quoted fragment that starts in lower case ("called it “a disaster”"):
    part of someone's reported clause, not a quote of its own."""
    for ch in text[q.start:q.end]:
        if ch.isalpha():
            return ch.islower()
    return False


def spoken_short(toks: list["Token"]) -> bool:
    """A short quote that is a whole utterance (“I would,” she said): it ends in
    punctuation inside the marks and does not follow a preposition or article."""
    inner = [t for t in toks if t.text not in MARKS]
    if not inner or inner[-1].text not in {",", ".", "?", "!"}:
        return False
    first = toks[0]
    prev = first.doc[first.i - 1] if first.i > 0 else None
    return prev is None or prev.pos_ not in {"ADP", "DET"} and prev.tag_ != "POS"


MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``", "'"})


def looks_like_title(toks: list["Token"]) -> bool:
    """A quoted name or phrase ("Face the Nation", "sex tape") rather than a quote."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
    if len(words) < MIN_DIRECT_TOKENS:
        return not (words and (has_verb or _ends_with_comma(toks)) and spoken_short(toks))
    capitalised = all(t.text[:1].isupper() or t.is_stop for t in words)
    return capitalised and not has_verb and len(words) <= 8


def extend_to_quote(span: tuple[int, int], q: Quote) -> tuple[int, int]:
    """Let a content run that ends inside a quote take the closing mark too."""
    start, end = span
    if q.start >= start and end < q.end <= end + 3:
        end = q.end
    return start, end


def is_outlet(token: "Token", names: frozenset[str]) -> bool:
    """Whether the noun phrase headed by ``token`` names a news outlet/intermediary
    (one of ``names``)."""
    phrase = " ".join(t.lower_ for t in token.subtree if not t.is_punct)
    return phrase in names or token.lower_ in names or phrase.removeprefix("the ") in names


def via_tokens(cue: "Token", names: frozenset[str]) -> list[int]:
    """Outlets (of ``names``) a statement went through: "told Reuters", "in an interview
    with CNN"."""
    out: list[int] = []
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and cue.lemma_ == "tell" and is_outlet(child, names):
            out.append(child.i)
        elif child.dep_ == "prep" and child.lower_ in {"in", "to", "with"}:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if is_outlet(pobj, names) and child.lower_ in {"to", "with"}:
                    out.append(pobj.i)
                for g in pobj.children:  # "in an interview with CNN"
                    if g.dep_ == "prep" and g.lower_ == "with":
                        out.extend(p.i for p in g.children if p.dep_ == "pobj" and is_outlet(p, names))
    return out


__all__ = [
    "COLON_LEAD",
    "DASH_BYLINE",
    "MARKS",
    "MIN_DIRECT_TOKENS",
    "extend_to_quote",
    "is_fragment",
    "is_outlet",
    "is_quoted",
    "looks_like_title",
    "spoken_short",
    "via_tokens",
]


def _ends_with_comma(toks: list["Token"]) -> bool:
    """ "“Apparently not,” he said": a comma inside the closing mark hands the
    words to a cue after them, even without a verb."""
    inner = [t for t in toks if t.text not in MARKS]
    return bool(inner) and inner[-1].text == ","
