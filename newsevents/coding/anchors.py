"""Shared helpers of the enrichment stages (dates, places, quantities).

Each enrichment stage finds expressions (a date, a place, a number) and ties
them to the event whose trigger they modify.  The tie is decided on the
dependency parse the same way in all three stages:

* tier 0: the expression's *governor* (the word it modifies, after climbing
  over a preposition) is a token of the trigger;
* tier 1: the governor is in the same clause as the trigger (clauses are
  delimited by clausal dependencies such as ``ccomp`` or ``advcl``);
* tier 2: the expression is merely in the same sentence.

Lower tiers win; within a tier the expression nearest the trigger wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: Dependencies that open a new clause: climbing stops below them.
CLAUSAL = frozenset({
    "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "csubjpass",
    "acl", "xcomp", "ROOT",
})
#: Modifier dependencies an expression hangs on its governor with.
_MODIFIER = frozenset({"npadvmod", "tmod", "advmod", "nmod", "obl", "appos", "amod"})

NO_TIE = 3


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


def tie(gov: "Token | None", expr_root: "Token", trigger: list["Token"]) -> int:
    """Tier (0, 1, 2 or :data:`NO_TIE`) of an expression relative to a trigger."""
    if not trigger:
        return NO_TIE
    trig_ids = {t.i for t in trigger}
    if gov is not None and gov.i in trig_ids:
        return 0
    sent = trigger[0].sent
    if not (sent.start <= expr_root.i < sent.end):
        return NO_TIE
    if gov is not None:
        trig_root = span_root(trigger)
        if trig_root is not None and clause_head(gov).i == clause_head(trig_root).i:
            return 1
    return 2


def distance(expr: "SpacySpan | list[Token]", trigger: list["Token"]) -> int:
    """Token distance between an expression and a trigger (0 when they touch)."""
    toks = list(expr)
    if not toks or not trigger:
        return 10**6
    a0, a1 = toks[0].i, toks[-1].i
    b0, b1 = trigger[0].i, trigger[-1].i
    if a1 < b0:
        return b0 - a1
    if b1 < a0:
        return a0 - b1
    return 0
