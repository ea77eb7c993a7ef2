"""Dependency-parse rules that find attribution cues, sources and contents.

The rules follow PolNeAR's span conventions (measured on its train split):
the source is the full subject noun phrase ("longtime Democratic pollster
Pat Caddell", "who", "he"); the cue is the cue word(s) only ("said",
"according to"); the content of indirect speech starts at its complementiser
("that …") and leaves out the sentence's final period, while a direct quote
keeps its quotation marks and the punctuation inside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .attribution_lexicon import cue_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

#: punctuation trimmed from the edges of a content or source span
_EDGE_PUNCT = set(",.;:-\u2013\u2014()[]")
_QUOTE_CHARS = set("\"\u201c\u201d'\u2018\u2019`")
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_CONTENT_DEPS = ("ccomp",)
#: dependency relations that let a participle/infinitive cue borrow its head's subject
_BORROW_SUBJ = {"advcl", "xcomp", "conj", "acl"}


@dataclass
class Draft:
    """An attribution while it is being built (character spans)."""

    cue: tuple[int, int]
    cue_token: int
    status: str
    kind: str = "indirect"
    source: tuple[int, int] | None = None
    source_head: int | None = None
    contents: list[tuple[int, int]] = field(default_factory=list)
    via: list[int] = field(default_factory=list)  # token indices of intermediaries
    quotes: list[int] = field(default_factory=list)  # indices of quotes it owns


def is_cue(token: "Token") -> bool:
    """Whether ``token`` is a cue verb candidate (lexicon lemma, verbal use)."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}:
        return False
    return token.lemma_.lower() in cue_lexicon()


def cue_status(token: "Token") -> str:
    """Status of what the cue attributes ("accused" -> alleged)."""
    entry = cue_lexicon().get(token.lemma_.lower())
    return entry.status if entry else "reported"


def subject_of(token: "Token") -> "Token | None":
    """The subject of a cue verb, borrowed from its head for "…, saying" and "to say"."""
    t = token
    for _ in range(3):
        for child in t.children:
            if child.dep_ in _SUBJ_DEPS:
                return child
            if child.dep_ == "agent":  # "was told by X"
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
        if t.dep_ not in _BORROW_SUBJ or t.head is t:
            return None
        t = t.head
    return None


def token_span(tokens: Iterable["Token"]) -> tuple[int, int] | None:
    """Character span from the first to the last of ``tokens``."""
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Strip whitespace and edge punctuation; keep quote marks that pair inside."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    if end <= start:
        return None
    return start, end


def subject_span(text: str, subj: "Token") -> tuple[int, int] | None:
    """The source span of a subject: its subtree minus trailing clauses and punctuation."""
    toks = [t for t in subj.subtree]
    # PolNeAR's source is the noun phrase; a relative clause or a long apposition
    # after a comma is dropped ("Smith, who chairs the panel," -> "Smith")
    keep = []
    for t in toks:
        if t.i > subj.i and t.text == "," and len(toks) > 4:
            break
        keep.append(t)
    span = token_span(keep)
    return trim(text, span) if span else None


def content_tokens(head: "Token", exclude: "Token") -> list["Token"]:
    """Tokens of a complement clause, without the cue's own subtree."""
    banned = {t.i for t in exclude.subtree} if exclude.is_ancestor(head) is False else set()
    return [t for t in head.subtree if t.i not in banned]


def runs(text: str, tokens: list["Token"]) -> list[tuple[int, int]]:
    """Contiguous character runs covered by ``tokens`` (trimmed)."""
    out: list[tuple[int, int]] = []
    if not tokens:
        return out
    toks = sorted(tokens, key=lambda t: t.i)
    cur = [toks[0]]
    for t in toks[1:]:
        if t.i == cur[-1].i + 1:
            cur.append(t)
        else:
            out.append((cur[0].idx, cur[-1].idx + len(cur[-1].text)))
            cur = [t]
    out.append((cur[0].idx, cur[-1].idx + len(cur[-1].text)))
    trimmed = [trim(text, r) for r in out]
    return [r for r in trimmed if r is not None]


def according_to(doc: "Doc") -> Iterable[tuple["Token", "Token", "Token"]]:
    """(according, to, object) triples of "according to X"."""
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None:
                yield t, to, obj


def sentence_of(doc: "Doc", token_i: int) -> "SpacySpan":
    """The sentence holding token ``token_i``."""
    return doc[token_i].sent


__all__ = [
    "Draft", "is_cue", "cue_status", "subject_of", "token_span", "trim",
    "subject_span", "content_tokens", "runs", "according_to", "sentence_of",
]
