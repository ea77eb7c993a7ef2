"""Status lent by a governing word: "denied *arming*", "plans to *strike*".

:func:`governor_status` walks up from a predicate's clause through the
complement relations (``xcomp``, ``ccomp``, objects, prepositions) to the
verb, noun or adjective that governs it and returns the status that word
lends (see :mod:`.status`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import StatusWords, clause_head, definite, is_infinitive, local_status

if TYPE_CHECKING:
    from spacy.tokens import Token

#: dependency labels through which a governor passes its status to a complement
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "acl", "compound"})
#: how far up the tree a governor may lend its status
_MAX_HOPS = 3
#: prepositions that introduce circumstances rather than what a verb is about
_ADJUNCT_PREPS = frozenset({"in", "at", "during", "after", "before", "since", "until", "amid", "despite", "near"})
#: prepositions whose gerund is a goal rather than a fact ("intent on halting")
_PURPOSE_PREPS = frozenset({"on", "from", "for", "toward", "towards", "against"})
_ORDINALS = frozenset({"first", "second", "third", "last", "only", "next", "latest"})
#: verbs whose bare-infinitive clause did happen ("saw them *leave*", "heard him *speak*")
_BARE_FACTIVES = frozenset({"see", "hear", "watch", "notice", "feel", "observe", "witness"})
#: verbs of saying that take no subjunctive: a bare verb under their present tense is a
#: present tense the tagger misread, as in headlines ("Gunmen kill 12 in raid, police say")
_PLAIN_SAYING = frozenset({"say", "tell", "report", "claim", "state", "announce", "confirm", "add"})


def _subjunctive(token: "Token") -> bool:
    """A bare verb with no modal or tense: "(that) he *leave*", "(that) she *be* removed"."""
    if any(c.dep_ == "aux" for c in token.children):
        return False
    if token.tag_ == "VB":
        return True
    return any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in token.children)


#: verbs and nouns of trying, wanting and asking: whether their goal comes
#: about is open ("tried to flee", "wants the court to annul", "called for a
#: truce"), unlike a plan or commitment ("plans to", "agreed to"), which is future
GOAL_GOVERNORS = frozenset({
    "try", "attempt", "seek", "want", "hope", "wish", "desire", "strive", "struggle",
    "effort", "bid", "ask", "urge", "call", "demand", "request", "need", "press",
    "push", "appeal", "plead",
    "hop",  # the parser's lemma of "hoping"
})
#: sentinel: keep walking up the tree
_CONTINUE = "continue"


def _goal_or_plan(status: str | None, lemma: str) -> str | None:
    """A not-yet ("future") complement of a goal word is uncertain ("speculative")."""
    return "speculative" if status == "future" and lemma in GOAL_GOVERNORS else status


#: adjectives whose infinitive is scheduled ("due to arrive", "about to sign")
_SCHEDULED_ADJ = frozenset({"about", "due", "set", "poised", "slated", "scheduled", "bound"})
#: adjectives whose infinitive is held back ("unwilling to sign", "unable to reach")
_AVERSE_ADJ = frozenset({"unwilling", "reluctant", "afraid", "loath", "hesitant", "unable",
                         "impossible", "powerless"})


def _unlisted_infinitive(head: "Token") -> str:
    """Status of a "to" infinitive under a governor missing from the lexicon.

    Under a verb or noun it has not happened yet (future; speculative under a
    goal word); under an adjective of disposition it may or may not happen
    ("willing to talk", "ready to fight"), unless the adjective schedules or
    holds it back.
    """
    lemma = head.lemma_.lower()
    if head.pos_ != "ADJ" or lemma in _SCHEDULED_ADJ:
        return _goal_or_plan("future", lemma)
    return "negated" if lemma in _AVERSE_ADJ else "speculative"


def _unfinished_relative(t: "Token") -> bool:
    """ "funding to pay for repairs", "nothing to discuss": not yet done;
    but "the first minister to visit" did visit."""
    return t.dep_ == "relcl" and is_infinitive(t) and not any(
        c.tag_ in {"JJS", "RBS"} or c.lower_ in _ORDINALS for c in t.head.children)


def _through_preposition(t: "Token", head: "Token", words: StatusWords) -> "tuple[str | None, Token | None]":
    """Status or governor for a complement of a preposition ("accused of arming").

    Returns ``(status, None)`` when the preposition decides (``None``: stop),
    or ``(_CONTINUE, governor)`` with the word the preposition attaches to.
    """
    gov_lex = words.of("governor")
    if head.lower_ in gov_lex:  # "without replacing"
        return gov_lex[head.lower_], None
    if t.tag_ == "VBG" and t.dep_ == "pcomp" and head.lower_ in _PURPOSE_PREPS:
        if head.lower_ == "from":  # "barred them from entering": kept from happening, may still
            return "speculative", None
        return "future", None  # "intent on halting", "a push for reopening"
    if head.dep_ not in {"prep", "agent"} or head.head.i == head.i:
        return None, None
    if head.lower_ in _ADJUNCT_PREPS or head.i < head.head.i:
        return None, None  # "In an interview, he declined …": an adjunct, not an argument
    lemma = head.head.lemma_.lower()
    phrasal = gov_lex.get(f"{lemma} {head.lower_}")
    if phrasal is not None:  # "waiting for a ruling", "pressed for his return"
        return _goal_or_plan(phrasal, lemma), None
    return _CONTINUE, head.head


def _inherit(head: "Token", depth: int, words: StatusWords) -> str | None:
    """The status of ``head`` itself: its own markers, else its governor's."""
    local = local_status(head, words)
    return local if local is not None else governor_status(head, words, depth + 1)


def _listed_governor(t: "Token", head: "Token", infinitive: bool,
                     words: StatusWords) -> "tuple[bool, str | None]":
    """``(True, status)`` when ``head`` is a listed governor, else ``(False, None)``."""
    lemma = head.lemma_.lower()
    status = words.of("governor").get(lemma)
    if status is None and (infinitive or t.tag_ == "VBG"):
        # "declined to comment" but not "earnings declining on a decline"
        status = words.of("infinitive").get(lemma)
    if status is None:
        return False, None
    if status == "future" and t.dep_ == "ccomp" and not infinitive:
        return True, None  # "expects that X won" is an opinion about X, not a plan
    return True, _goal_or_plan(status, lemma)


def _step(t: "Token", token: "Token", depth: int, words: StatusWords) -> "tuple[str | None, Token | None]":
    """One step up from complement ``t``: ``(status, None)`` or ``(_CONTINUE, next)``."""
    head = t.head
    if head.pos_ == "ADP":  # "accused of arming", "plan for an attack"
        status, head = _through_preposition(t, head, words)
        if head is None:
            return status, None
    lemma = head.lemma_.lower()
    headline_say = lemma in _PLAIN_SAYING and head.tag_ in ("VBP", "VBZ")
    if t.dep_ == "ccomp" and _subjunctive(t) and lemma not in _BARE_FACTIVES and not headline_say:
        return "future", None  # "demanded that he be returned", "let them leave": not (yet) done
    # "wants the court to suspend …" is parsed as a ccomp with a subject
    infinitive = t.dep_ in {"xcomp", "advcl", "acl", "ccomp"} and is_infinitive(t)
    if infinitive and local_status(head, words) == "negated":
        return "negated", None
    listed, status = _listed_governor(t, head, infinitive, words)
    if listed:
        return status, None
    if infinitive:
        if lemma in words.implicatives and depth < 3:
            return _inherit(head, depth, words), None
        return _unlisted_infinitive(head), None
    if t.dep_ == "xcomp" and t.tag_ in {"VBG", "VB"} and depth < 3:
        # "could include selling", "may help prevent": the gerund or bare
        # complement is as sure as the verb it completes
        return _inherit(head, depth, words), None
    if t.pos_ in {"VERB", "AUX"} or t.dep_ in {"acl", "relcl"}:
        return None, None  # a clause under an unlisted word keeps its own status
    if depth == 0 and t.i == token.i and definite(token) and head.pos_ in {"VERB", "AUX"}:
        # "plans to investigate the bombings": a definite object of a
        # not-yet or uncertain act already exists; that status does not reach it
        status = governor_status(head, words, depth + 1)
        return (status if status not in {"future", "speculative", "negated"} else None), None
    return _CONTINUE, clause_head(head)


def governor_status(token: "Token", words: StatusWords, depth: int = 0) -> str | None:
    """Status lent by a governing verb/adjective/noun ("denied arming").

    A "to" infinitive under a verb that is neither listed nor implicative
    has not happened yet (future, or speculative under a goal word like
    "try"); under an implicative verb ("managed to") it shares that verb's
    status; under a negated verb it is negated.
    """
    t = clause_head(token)
    if _unfinished_relative(t):
        return "future"
    for _ in range(_MAX_HOPS):
        if t.dep_ not in _COMPLEMENT_DEPS and not (t.dep_ == "advcl" and is_infinitive(t)):
            return None
        if t.head.i == t.i:
            return None
        status, nxt = _step(t, token, depth, words)
        if nxt is None:
            return status
        t = nxt
    return None
