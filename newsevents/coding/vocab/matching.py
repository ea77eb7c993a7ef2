"""Dictionary matching for the actors stage: one set of PhraseMatchers per vocab.

Patterns are every country name, demonym and government seat of the
gazetteer and every organization name and alias of the dictionary.  They
are tokenised once and cached per spaCy vocabulary, so a document costs one
pass of two PhraseMatchers (case-exact and, for names of two or more words,
case-insensitive).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import gazetteer as gz

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# NER labels that confirm an ambiguous form, per kind of form.
CONFIRM = {
    "C": {"GPE", "LOC", "NORP"},
    "S": {"GPE", "LOC", "FAC", "ORG", "NORP"},
    "D": {"NORP", "GPE"},
    "O": {"ORG", "NORP", "FAC", "GPE"},
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One dictionary match: tokens ``start:end``; ``kind`` is C(ountry name),
    D(emonym), S(eat) or O(rganization); ``code`` the ISO3 or org index."""

    start: int
    end: int
    kind: str
    code: str
    ambiguous: bool


class Matchers:
    """The two phrase matchers and the meaning of their match ids."""

    def __init__(self, vocab: "Vocab") -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        self.vocab = vocab
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.meaning: dict[int, tuple[str, str, bool]] = {}
        for kind, code, amb, forms in _all_forms():
            key = f"{kind}|{code}|{int(amb)}"
            self.meaning[vocab.strings.add(key)] = (kind, code, amb)
            docs = list(tokenizer.pipe(forms))
            self.exact.add(key, docs)
            multi = [tokenizer(f.lower()) for f, d in zip(forms, docs) if len(d) > 1 and kind in "CO"]
            if multi:
                self.lower.add(key, multi)

    def hits(self, doc: "Doc") -> list[Hit]:
        """All matches in ``doc`` (overlapping ones included), deduplicated."""
        seen: set[tuple[int, int, int]] = set()
        out: list[Hit] = []
        for matcher in (self.exact, self.lower):
            for match_id, start, end in matcher(doc):
                if (match_id, start, end) in seen:
                    continue
                seen.add((match_id, start, end))
                kind, code, amb = self.meaning[match_id]
                out.append(Hit(start, end, kind, code, amb))
        return out


def _all_forms() -> list[tuple[str, str, bool, list[str]]]:
    """(kind, code, ambiguous, forms) for every pattern group."""
    groups: list[tuple[str, str, bool, list[str]]] = []
    for iso3, (names, demonyms, seats) in gz.country_forms().items():
        for kind, forms in (("C", list(names) + [iso3]), ("D", list(demonyms)), ("S", list(seats))):
            # "the Netherlands" and "Netherlands" both match; "the" stays outside
            forms = list(dict.fromkeys(_strip_the(f) for f in forms if f))
            # a form shared by two countries ("Congolese") goes where the lookup sends it
            forms = [f for f in forms if _LOOKUP[kind](f) in (iso3, None)]
            plain = [f for f in forms if not gz.is_ambiguous(f)]
            amb = [f for f in forms if gz.is_ambiguous(f)]
            if plain:
                groups.append((kind, iso3, False, plain))
            if amb:
                groups.append((kind, iso3, True, amb))
    for idx, entry in enumerate(gz.organizations()):
        names = list(dict.fromkeys(_strip_the(n) for n in (entry.name,) + entry.aliases))
        plain = [n for n in names if n not in entry.ambiguous]
        amb = [n for n in names if n in entry.ambiguous]
        if plain:
            groups.append(("O", str(idx), False, plain))
        if amb:
            groups.append(("O", str(idx), True, amb))
    return groups


_LOOKUP = {
    "C": lambda f: (gz.country(f).iso3 if gz.country(f) else None),
    "D": gz.demonym,
    "S": gz.seat,
}


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


_CACHE: dict[int, Matchers] = {}
_LOCK = threading.Lock()


def matchers_for(vocab: "Vocab") -> Matchers:
    """The cached :class:`Matchers` of this vocabulary (built on first use)."""
    m = _CACHE.get(id(vocab))
    if m is not None and m.vocab is vocab:
        return m
    with _LOCK:
        m = _CACHE.get(id(vocab))
        if m is None or m.vocab is not vocab:
            m = Matchers(vocab)
            _CACHE[id(vocab)] = m
    return m
