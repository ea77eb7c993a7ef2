"""Event types that the event's status changes, as the PLOVER codebook reads them.

A refused retreat or agreement is a REJECT; an act announced "unless" someone
does something a THREATEN; an agreement signed or reached a SUPPORT ("ratify, sign, or finalize an agreement"),
one still to be signed an AGREE; a meeting still to come an AGREE ("expressing
willingness to meet in the future"), a meeting held a CONSULT.  The events
stage tries :data:`STATUS_READINGS` in order on every typed clause with its status
(through :mod:`.readings`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .args import acted_on, prep_objects

if TYPE_CHECKING:
    from .types import Clause, TypedClause

#: types whose negation is a refusal (REJECT)
_REFUSABLE = frozenset({"RETREAT", "CONCEDE", "AGREE"})
#: verbs whose complement is refused ("failed to reach a deal", "refused to sign")
_FAIL = frozenset(("fail", "refuse", "decline"))
#: types whose announced future is a promise (PLOVER's AGREE: "will support the bid");
#: aid still to come stays AID with status "future", which keeps what is promised
#: ("will send drones": military aid) instead of a bare AGREE
_PROMISABLE = frozenset({"CONSULT", "SUPPORT"})
#: statuses of an act still to come
_PROMISED = frozenset({"future", "hypothetical"})
#: statuses of something that has happened (as reported)
_DONE = frozenset({"asserted", "reported", "alleged"})
#: nouns of a formal agreement, and the verbs that conclude one
_AGREEMENTS = frozenset("agreement deal pact treaty accord memorandum mou protocol "
                        "convention compact charter contract".split())
_CONCLUDE = frozenset("sign reach conclude seal strike ink finalize finalise clinch agree "
                      "ratify initial approve endorse adopt".split())
#: what one approves by agreeing to it (not acts one promises: "agreed to an interview")
_PROPOSALS = frozenset("plan proposal approach text draft terms framework roadmap package resolution "
                       "compromise formula arrangement blueprint outline".split()) | _AGREEMENTS


def refused(typed: "TypedClause", status: str) -> tuple["TypedClause", str] | None:
    """A retreat or an agreement negated by its own "not", or failed ("will not lift the
    embargo", "failed to reach a deal"): a refusal, REJECT, asserted."""
    refusable = typed.type in _REFUSABLE or (typed.type == "SUPPORT" and _finalised(typed.clause))
    if refusable and ((status == "negated" and _negated(typed)) or _failed(typed.clause)):
        return replace(typed, type="REJECT"), "asserted"
    return None


def conditional(typed: "TypedClause", status: str) -> tuple["TypedClause", str] | None:
    """ "will withdraw its force unless …": a condition put to someone, THREATEN."""
    if typed.clause.source is not None and status in _PROMISED and _unless(typed.clause):
        return replace(typed, type="THREATEN"), "asserted"
    return None


def promised(typed: "TypedClause", status: str) -> tuple["TypedClause", str] | None:
    """ "will hold talks", "will support Turkey's bid": the intent is expressed now
    (PLOVER's AGREE); the act, once done, is its own type.  Aid still to come stays
    AID with status future, so what is promised is not lost."""
    if typed.clause.source is not None and typed.type in _PROMISABLE and status == "future":
        return replace(typed, type="AGREE"), "asserted"
    return None


def concluded(typed: "TypedClause", status: str) -> tuple["TypedClause", str] | None:
    """An agreement signed, reached or approved is SUPPORT ("ratify, sign, or finalize an
    agreement"); one still to be signed stays AGREE ("promises to sign")."""
    if typed.clause.source is not None and typed.type in ("AGREE", "SUPPORT") and status in _DONE \
            and (_finalised(typed.clause) or _approved(typed.clause)):
        return replace(typed, type="SUPPORT"), status
    return None


#: the readings of this module, in the order they are tried (the first that applies wins)
STATUS_READINGS = (refused, conditional, promised, concluded)


def _negated(typed: "TypedClause") -> bool:
    """The event's own word is negated, not a controlling verb ("did not promise to lift"
    is no refusal); "has not yet signed" is still open, not refused."""
    own = (typed.clause.trigger, typed.clause.verb)
    mods = [c for t in own if t is not None for c in t.children]
    return any(c.dep_ == "neg" for c in mods) and not any(c.lower_ == "yet" for c in mods)


def _unless(clause: "Clause") -> bool:
    """Whether the clause's act hangs on an "unless" ("… unless Oueddei arranges a truce")."""
    words = [t for t in (clause.trigger, clause.verb, clause.governor) if t is not None]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for w in words for c in w.children)


def _failed(clause: "Clause") -> bool:
    """ "failed to reach a deal", "refused to sign": the agreement is refused."""
    word = clause.verb or clause.trigger
    return word.dep_ == "xcomp" and word.head.lemma_.lower() in _FAIL


def _approved(clause: "Clause") -> bool:
    """ "agreed to the plan", "agreed on the text": agreeing to a thing rather than to
    do something is approval (SUPPORT); "agreed to talks" is still a promise (AGREE)."""
    verb = clause.trigger
    if verb.lemma_.lower() != "agree" or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    objects = prep_objects(verb, frozenset({"to", "on"}))
    return any(o.pos_ == "NOUN" and o.lemma_.lower() in _PROPOSALS for o in objects)


def _finalised(clause: "Clause") -> bool:
    """Whether the clause concludes a formal agreement ("signed a pact", "reached a
    deal", "agreed a trade agreement", "ratified the treaty")."""
    verbs = [t for t in (clause.verb, clause.trigger, clause.governor) if t is not None and t.pos_ == "VERB"]
    for verb in verbs:
        if verb.lemma_.lower() not in _CONCLUDE:
            continue
        if verb.lemma_.lower() == "ratify":
            return True
        objects = acted_on(verb) + prep_objects(verb, frozenset({"on"}))
        if any(o.lemma_.lower() in _AGREEMENTS for o in objects):
            return True
    return False
