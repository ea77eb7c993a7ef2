"""Shared helpers of the enrichment stages (dates, places, quantities).

Each enrichment stage finds expressions (a date, a place, a number) and ties
them to the event whose trigger they modify.  The tie is decided on the
dependency parse the same way in all three stages:

* tier 0: the expression's *governor* (the word it modifies, after climbing
  over a preposition) is a token of the trigger;
* tier 1: the governor is in the same clause as the trigger (clauses are
  delimited by clausal dependencies such as ``ccomp`` or ``advcl``);
* tier 2: the governor's clause is coordinated with the trigger's;
* tier 3: the expression is in the same sentence, in a clause that embeds
  the trigger's ("…, officials said on Monday"); anything else is no tie.

Lower tiers win; within a tier the expression nearest the trigger wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Protocol

from ...records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


#: Dependencies that open a new clause: climbing stops below them.
CLAUSAL = frozenset({
    "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "csubjpass",
    "acl", "xcomp", "ROOT",
})

#: Markers of an adverbial clause about another time than its head's.
_SEQUENTIAL = frozenset({"after", "before", "since", "until", "till", "once", "because"})

#: Tiers of a tie, best first.
DIRECT, CLAUSE, COORDINATED, SENTENCE, NO_TIE = 0, 1, 2, 3, 4


class Anchored(Protocol):
    """What :meth:`Frame.of` needs of an analysis (``base.Analysis`` is one; a protocol keeps
    this module free of ``base``, which names :class:`Frame` as the type of ``anchors``)."""

    doc: "Doc"
    anchors: "Frame | None"


def tokens_in(doc: "Doc", start: int, end: int) -> list["Token"]:
    """Tokens of ``doc`` that overlap the characters ``start`` .. ``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return list(span)


def trigger_tokens(doc: "Doc", event: Event) -> list["Token"]:
    """Tokens covered by the event's trigger span (empty when it falls outside the doc)."""
    return tokens_in(doc, event.trigger.start, event.trigger.end)


def span_root(tokens: Iterable["Token"]) -> "Token | None":
    """The token of ``tokens`` whose head lies outside them (the first such one)."""
    toks = list(tokens)
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0] if toks else None


def governor(root: "Token") -> "Token | None":
    """The word an expression rooted at ``root`` modifies.

    "on Wednesday" -> the verb "on" hangs on; "two days ago" -> the verb of
    "ago"; a bare npadvmod ("last week") -> its head.  ``None`` when the
    expression is the sentence root.
    """
    tok = root
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in ("prep", "agent"):
        tok = tok.head
    if tok.head.i == tok.i:
        return None
    return tok.head


def clause_head(tok: "Token") -> "Token":
    """The head of the clause ``tok`` belongs to."""
    steps = 0
    while tok.dep_ not in CLAUSAL and tok.head.i != tok.i and steps < 50:
        tok = tok.head
        steps += 1
    return tok


class Trigger:
    """An event trigger located in the parse (token ids, root, sentence, clause)."""

    __slots__ = ("ids", "lo", "hi", "root", "sent", "clause")

    def __init__(self, ids: frozenset[int], lo: int, hi: int, root: int, sent: int,
                 clause: int) -> None:
        self.ids, self.lo, self.hi, self.root = ids, lo, hi, root
        self.sent, self.clause = sent, clause


class Frame:
    """Per-document lookups shared by the enrichment stages.

    Token -> sentence and token -> clause head are computed once per document
    (``Token.sent`` rebuilds a span on every call), so tying N expressions to
    M triggers costs integer comparisons only.
    """

    def __init__(self, doc: "Doc") -> None:
        self.doc = doc
        self.sent_start = [0] * len(doc)
        self.sents: dict[int, "SpacySpan"] = {}
        try:
            sents = list(doc.sents)
        except ValueError:  # no sentence boundaries (a bare tokenizer): one sentence
            sents = [doc[:]] if len(doc) else []
        for sent in sents:
            self.sents[sent.start] = sent
            for i in range(sent.start, sent.end):
                self.sent_start[i] = sent.start
        self._clause: dict[int, int] = {}
        self._ents: tuple | None = None

    @property
    def ents(self) -> tuple:
        """``doc.ents``, which spaCy rebuilds on every access, read once."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    @classmethod
    def of(cls, analysis: "Anchored") -> "Frame":
        """The frame of an analysis, built once and kept in ``analysis.anchors``."""
        frame = analysis.anchors
        if not isinstance(frame, Frame) or frame.doc is not analysis.doc:
            frame = cls(analysis.doc)
            analysis.anchors = frame
        return frame

    def clause(self, i: int) -> int:
        """Index of the head of the clause token ``i`` belongs to."""
        got = self._clause.get(i)
        if got is None:
            got = clause_head(self.doc[i]).i
            self._clause[i] = got
        return got

    def trigger(self, event: Event) -> Trigger | None:
        """Where the event's trigger sits; ``None`` when it falls outside the doc."""
        toks = trigger_tokens(self.doc, event)
        root = span_root(toks)
        if root is None:
            return None
        ids = frozenset(t.i for t in toks)
        return Trigger(ids, toks[0].i, toks[-1].i, root.i, self.sent_start[root.i],
                       self.clause(root.i))

    def coordination(self, i: int) -> int:
        """The first conjunct of the clause of token ``i`` ("arrested … and seized": arrested)."""
        tok = self.doc[self.clause(i)]
        for _ in range(10):
            if tok.dep_ != "conj" or tok.head.i == tok.i:
                break
            tok = self.doc[self.clause(tok.head.i)]
        return tok.i

    def _modifies(self, gov: int, trigger_root: int) -> bool:
        """Whether ``gov`` is in a clause that modifies the trigger itself.

        "fighting that flared on the border", "the raid, which began on
        Monday": the clause is an acl/relcl whose head is the trigger.
        """
        head = self.doc[self.clause(gov)]
        return head.dep_ in ("acl", "relcl") and head.head.i == trigger_root

    def _lift(self, clause: int) -> int:
        """Up from a simultaneous adverbial clause to the clause it modifies.

        "Speaking in Novi, Trump said …", "Back when it signed on 20 years ago,
        the country pledged …": what holds for the adverbial clause holds for its
        head.  "after"/"since"/"before" clauses are about another time: no lift.
        """
        tok = self.doc[clause]
        for _ in range(4):
            marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")}
            if tok.dep_ != "advcl" or marks & _SEQUENTIAL or tok.head.i == tok.i:
                break
            tok = self.doc[self.clause(tok.head.i)]
        return tok.i

    def _dominates(self, clause: int, token: int) -> bool:
        """Whether ``token`` lies inside the clause headed by ``clause``.

        A sentence-level fallback only comes from a clause that embeds the
        trigger ("…, a spokesman said on Monday"), never from a clause beside
        or below it ("who trained in Geneva", "to cut emissions by 2025").
        """
        tok = self.doc[token]
        for _ in range(40):
            if tok.i == clause:
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def tie(self, gov: int | None, root: int, trig: Trigger | None) -> int:
        """Tier of an expression relative to a trigger: :data:`DIRECT` … :data:`NO_TIE`.

        COORDINATED: the expression modifies a clause coordinated with the
        trigger's ("arrested 12 and seized weapons on Monday").
        """
        if trig is None or self.sent_start[root] != trig.sent:
            return NO_TIE
        if gov is None:
            return SENTENCE
        if gov in trig.ids:
            return DIRECT
        if self.clause(gov) == trig.clause or self._modifies(gov, trig.root):
            return CLAUSE
        if self.coordination(gov) == self.coordination(trig.root):
            return COORDINATED
        if self._dominates(self._lift(self.clause(gov)), trig.root):
            return SENTENCE
        return NO_TIE

    def next_sentence(self, start: int) -> int | None:
        """Start token of the sentence after the one starting at ``start``."""
        sent = self.sents.get(start)
        if sent is None or sent.end >= len(self.doc):
            return None
        return self.sent_start[sent.end]

    def event_sentences(self, triggers: list[Trigger | None]) -> list["SpacySpan"]:
        """The sentences that hold a trigger, in text order."""
        return [self.sents[k] for k in sorted({t.sent for t in triggers if t is not None})]


def distance(lo: int, hi: int, trig: Trigger | None) -> int:
    """Token distance between tokens ``lo``..``hi`` and a trigger (0 when they touch)."""
    if trig is None:
        return 10**6
    if hi < trig.lo:
        return trig.lo - hi
    if trig.hi < lo:
        return lo - trig.hi
    return 0
