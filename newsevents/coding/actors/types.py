"""The shared types of the actors stage: the :class:`Builder` every step writes its
actors into, the :class:`Draft` of one actor and a person's :class:`NameMention`.

They live here, not in the stage module, so that each step (people, groups,
coref, place actors, unknown organizations ...) reads them without importing
the stage that calls it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...records import Actor
from ..lexicon_files import LexiconFiles
from ..vocab import gazetteer as gz
from .section_labels import label_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..base import Analysis

#: key of the draft that owns section labels ("Background:")
LABEL = "label:"


@dataclass(frozen=True)
class ActorWords:
    """The word lists of the actors stage (from ``Settings.lexicons``): the well-known
    ``leaders`` and the family names written first (``family_first``)."""

    leaders: gz.Leaders
    family_first: frozenset[str]

    @classmethod
    def of(cls, files: LexiconFiles = LexiconFiles()) -> "ActorWords":
        """The lists of ``files`` (by default the packaged ones)."""
        return cls(gz.leaders(files), gz.family_first_names(files))


@dataclass(frozen=True, slots=True)
class NameMention:
    """A person-name mention: tokens ``start:end`` (titles excluded)."""

    start: int
    end: int
    words: tuple[str, ...]
    gender: str | None = None  # from an honorific next to it


@dataclass
class Draft:
    """An actor under construction (mutable until :meth:`Builder.finish`)."""

    key: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None  # key of another draft
    spans: list[tuple[int, int]] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)
    gender: str | None = None
    fullname: tuple[str, ...] = ()


class Builder:
    """Drafts, token ownership and sentence indices for one document."""

    def __init__(self, analysis: Analysis, words: ActorWords) -> None:
        self.analysis = analysis
        self.words = words  # the stage's word lists
        self.doc: "Doc" = analysis.doc
        self.drafts: dict[str, Draft] = {}
        self.owner: dict[int, str] = {}
        self.toks: list["Token"] = list(self.doc)  # one Token object per token, reused by all steps
        self.ents = tuple(self.doc.ents)  # doc.ents builds new Span objects on every access
        # caches of :func:`.name_checks.known_names` and :func:`.name_checks.not_persons`
        self.known_words: dict[int, set[str]] = {}
        self.not_person_words: dict[str, str] | None = None
        self.sent_of: list[int] = [0] * len(self.doc)
        # section labels ("Background:", "What we know:") are owned by an actor of their own
        # that never gets a mention, so no step makes an actor of their words
        self.labels = label_tokens(self.doc)
        if self.labels:
            self.drafts[LABEL] = Draft(key=LABEL, kind="label", name="")
            self.owner.update((i, LABEL) for i in self.labels)
        self.para_of_sent: list[int] = [0]  # paragraph number of each sentence
        if self.doc.has_annotation("SENT_START") or self.doc.has_annotation("DEP"):
            text = self.doc.text
            newlines = [m.start() for m in re.finditer("\n", text)]
            self.para_of_sent = []
            for n, sent in enumerate(self.doc.sents):
                self.para_of_sent.append(bisect_right(newlines, sent.start_char))
                for i in range(sent.start, sent.end):
                    self.sent_of[i] = n

    def free(self, start: int, end: int) -> bool:
        """True when no token of ``start:end`` belongs to an actor yet."""
        return all(i not in self.owner for i in range(start, end))

    def mention(self, key: str, start: int, end: int, **init: object) -> Draft:
        """Add a mention of the draft ``key`` (created with ``init`` when new)."""
        d = self.drafts.get(key)
        if d is None:
            d = self.drafts[key] = Draft(key=key, **init)  # type: ignore[arg-type]
        if self.labels and not self.labels.isdisjoint(range(start, end)):
            return d  # a section label is never an actor's mention
        if (start, end) not in d.spans:
            d.spans.append((start, end))
        for i in range(start, end):
            if i not in self.owner:
                self.owner[i] = key
                d.tokens.add(i)
        return d

    def claim(self, key: str, tokens: "range | list[int]") -> None:
        """Mark free ``tokens`` as belonging to ``key`` without adding a mention span."""
        d = self.drafts[key]
        for i in tokens:
            if i not in self.owner:
                self.owner[i] = key
                d.tokens.add(i)

    def release(self, start: int, end: int) -> None:
        """Take tokens ``start:end`` (and the mentions inside) away from their actors."""
        for i in range(start, end):
            key = self.owner.pop(i, None)
            if key is None:
                continue
            d = self.drafts[key]
            d.tokens.discard(i)
            d.spans = [(s, e) for s, e in d.spans if not (start <= s and e <= end)]
            # an emptied draft stays (a group may re-mention it); finish() skips it

    def place_of(self, ent: "SpacySpan") -> tuple[int, "gz.Place | None"]:
        """The gazetteer place an entity names, and the token its name starts at
        (a leading "the" left out: "the Golan Heights")."""
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        return start, gz.place(self.doc[start:ent.end].text)

    def draft_at(self, i: int) -> Draft | None:
        key = self.owner.get(i)
        return self.drafts.get(key) if key else None

    def countries_near(self, i: int, window: int = 1) -> set[str]:
        """ISO3 codes of country actors mentioned within ``window`` sentences before ``i``,
        in its paragraph: "parliament" after a paragraph about another country is
        not that country's (a new paragraph often turns to another side)."""
        s = self.sent_of[i]
        para = self.para_of_sent[s]
        near = {n for n in range(max(0, s - window), s + 1) if self.para_of_sent[n] == para}
        found: set[str] = set()
        for d in self.drafts.values():
            if d.key.startswith("country:") and any(self.sent_of[a] in near for a, _ in d.spans):
                found.add(d.country or "")
        return found - {""}

    def finish(self) -> None:
        """Number the drafts by first mention and add them to ``analysis.actors``."""
        live = [d for d in self.drafts.values() if d.spans]
        live.sort(key=lambda d: min(d.spans))
        ids = {d.key: f"A{n}" for n, d in enumerate(live, 1)}
        doc, index = self.doc, self.analysis.actors
        for d in live:
            spans = sorted(set(d.spans))
            mentions = tuple(self.analysis.span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in spans)
            index.add(Actor(id=ids[d.key], name=d.name, kind=d.kind, mentions=mentions, country=d.country,
                            sector=d.sector, role=d.role, affiliation=ids.get(d.affiliation or "")),
                      sorted(d.tokens))
