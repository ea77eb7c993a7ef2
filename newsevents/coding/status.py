"""Epistemic status of a predicate: how sure the article is that it happened.

:func:`status_of` looks at one predicate token (a verb or an event noun) in
its dependency parse and returns one of :data:`newsevents.records.STATUSES`:

* markers on the predicate itself come first, because they are the most
  local evidence: negation ("did not", "never", "no"), modals ("will",
  "would", "could"), adverbs ("allegedly", "likely"), adjectives on an event
  noun ("the alleged attack") and subordinators ("if", "unless");
* then the verb or noun that governs it ("denied *arming*", "plans to
  *strike*", "accused of *funding*", "is likely to *attack*");
* then the attribution whose content holds it (``analysis.content_of``):
  reported speech is ``reported``, an allegation ``alleged`` and so on;
* otherwise the article asserts it.

The word lists live in ``newsevents/data/lexicons/status_words.tsv``.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..records import STATUS_CERTAINTY, STATUSES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .base import Analysis

log = logging.getLogger(__name__)

#: words that negate the predicate they modify
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "none"})
#: dependency labels through which a governor passes its status to a complement
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "acl", "compound"})
#: dependency labels through which an event noun shares the status of its clause's verb
_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "attr", "nsubj", "nsubjpass", "compound", "appos", "oprd"})
#: how far up the tree a governor may lend its status
_MAX_HOPS = 3


@lru_cache(maxsize=1)
def status_lexicon() -> dict[str, dict[str, str]]:
    """``{relation: {word: status}}`` read from ``status_words.tsv``."""
    table: dict[str, dict[str, str]] = {}
    try:
        text = (resources.files("newsevents") / "data" / "lexicons" / "status_words.tsv").read_text("utf-8")
    except OSError as exc:  # a broken install, not a per-document problem
        raise ModelError(f"status lexicon missing: {exc}") from exc
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, status, relation = line.split("\t")[:3]
        if status not in STATUSES:
            raise ModelError(f"unknown status {status!r} in status_words.tsv")
        table.setdefault(relation.strip(), {})[word.strip().lower()] = status
    return table


@lru_cache(maxsize=1)
def implicatives() -> frozenset[str]:
    """Verbs whose infinitive complement did happen ("managed to leave")."""
    try:
        text = (resources.files("newsevents") / "data" / "lexicons" / "implicatives.tsv").read_text("utf-8")
    except OSError as exc:
        raise ModelError(f"implicatives lexicon missing: {exc}") from exc
    return frozenset(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def certainty(status: str) -> float:
    """The factuality score (-3 … 3) that a status stands for."""
    return STATUS_CERTAINTY.get(status, 0.0)


#: tags of a verb that carries its own tense (cannot share an auxiliary)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _own_tense(conjunct: "Token") -> bool:
    """A finite conjunct joined by "and"/"but" (not "or"/"nor", which share a negation)."""
    if conjunct.tag_ not in _FINITE_TAGS:
        return False
    between = conjunct.doc[conjunct.head.i + 1:conjunct.i]
    return not any(t.dep_ == "cc" and t.lower_ in {"or", "nor"} for t in between)


def _marks(token: "Token") -> list["Token"]:
    """Subordinators of the token's coordination ("if he comes and *decides*")."""
    seen, out = 0, [c for c in token.children if c.dep_ == "mark"]
    while token.dep_ == "conj" and seen < 4:
        token, seen = token.head, seen + 1
        out.extend(c for c in token.children if c.dep_ == "mark")
    return out


def _clause_head(token: "Token") -> "Token":
    """The first conjunct of a coordination, which carries shared auxiliaries.

    A conjunct with its own tense ("did not identify it but *said* ...") is a
    clause of its own: the first conjunct's auxiliaries cannot reach it.
    """
    seen = 0
    while token.dep_ == "conj" and seen < 4 and not _own_tense(token) and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "neg"} for c in token.children):
        token = token.head
        seen += 1
    return token


#: prepositions that introduce circumstances rather than what a verb is about
_ADJUNCT_PREPS = frozenset({"in", "at", "during", "after", "before", "since", "until", "amid", "despite", "near"})
#: prepositions whose gerund is a goal rather than a fact ("intent on halting")
_PURPOSE_PREPS = frozenset({"on", "from", "for", "toward", "towards", "against"})
_ORDINALS = frozenset({"first", "second", "third", "last", "only", "next", "latest"})
#: verbs whose bare-infinitive clause did happen ("saw them *leave*", "heard him *speak*")
_BARE_FACTIVES = frozenset({"see", "hear", "watch", "notice", "feel", "observe", "witness"})
_NEG_SUBJECTS = frozenset({"nobody", "nothing", "none", "noone"})


def _negative_subject(token: "Token") -> bool:
    """ "No one has …", "Nothing was done", "no country sent …", "Neither A nor B gave …"."""
    for child in token.children:
        if child.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if any(g.dep_ == "preconj" and g.lower_ == "neither" for g in child.children):
            return True
        if child.lower_ in _NEG_SUBJECTS:
            return True
        if any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            return True
        if child.lower_ == "one" and child.i > 0 and child.doc[child.i - 1].lower_ == "no":
            return True
    return False


def _subjunctive(token: "Token") -> bool:
    """A bare verb with no modal or tense: "(that) he *leave*", "(that) she *be* removed"."""
    if any(c.dep_ == "aux" for c in token.children):
        return False
    if token.tag_ == "VB":
        return True
    return any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in token.children)


def _is_infinitive(token: "Token") -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _future_in_past(clause: "Token") -> bool:
    """ "said it *would* sell": a past-tense report of a plan, not a condition.

    Only for a complement clause of a past-tense verb, without "would have"
    (counterfactual) and without an "if"/"unless" clause of its own.
    """
    if clause.dep_ != "ccomp" or clause.head.tag_ not in {"VBD", "VBN"}:
        return False
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if not any(a.lower_ in {"would", "'d"} for a in auxes) or any(a.lemma_ == "have" for a in auxes):
        return False
    return not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                              for m in c.children) for c in clause.children)


def _local_status(token: "Token") -> str | None:
    """Status set by words attached to the predicate itself."""
    lex = status_lexicon()
    aux, adv, amod, mark = lex.get("aux", {}), lex.get("adv", {}), lex.get("amod", {}), lex.get("mark", {})
    found: str | None = None
    for t in (token, _clause_head(token)):
        if _negative_subject(t):
            return "negated"
        for child in t.children:
            low = child.lower_
            dep = child.dep_
            if dep == "neg" or (low in NEGATORS and dep in {"advmod", "det", "neg", "preconj"}):
                return "negated"
            if dep in {"aux", "auxpass"} and (low.endswith("n't") or low.endswith("not")):
                return "negated"  # "hasn't", "cannot" kept as one token
            if dep == "advmod" and child.lower_ in {"longer", "more"} and any(
                    g.lower_ == "no" for g in child.children):
                return "negated"  # "no longer", "no more"
            if dep in {"aux", "auxpass"} and (low in aux or child.lemma_ in aux):
                found = found or aux.get(low) or aux.get(child.lemma_)
            elif dep in {"advmod", "npadvmod"} and low in adv:
                found = found or adv[low]
            elif dep in {"amod", "compound"} and low in amod:
                found = found or amod[low]
            elif dep == "mark" and low in mark:
                found = found or mark[low]
        if t.i == _clause_head(token).i:
            break
    if found is None:
        found = next((mark[m.lower_] for m in _marks(token) if m.lower_ in mark), None)
    if found == "hypothetical" and _future_in_past(_clause_head(token)):
        found = "future"
    if found == "asserted":
        return None
    return found


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
    return t.dep_ == "relcl" and _is_infinitive(t) and not any(
        c.tag_ in {"JJS", "RBS"} or c.lower_ in _ORDINALS for c in t.head.children)


def _through_preposition(t: "Token", head: "Token") -> "tuple[str | None, Token | None]":
    """Status or governor for a complement of a preposition ("accused of arming").

    Returns ``(status, None)`` when the preposition decides (``None``: stop),
    or ``(_CONTINUE, governor)`` with the word the preposition attaches to.
    """
    gov_lex = status_lexicon().get("governor", {})
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


def _inherit(head: "Token", depth: int) -> str | None:
    """The status of ``head`` itself: its own markers, else its governor's."""
    local = _local_status(head)
    return local if local is not None else _governor_status(head, depth + 1)


def _listed_governor(t: "Token", head: "Token", infinitive: bool) -> "tuple[bool, str | None]":
    """``(True, status)`` when ``head`` is a listed governor, else ``(False, None)``."""
    lex = status_lexicon()
    lemma = head.lemma_.lower()
    status = lex.get("governor", {}).get(lemma)
    if status is None and (infinitive or t.tag_ == "VBG"):
        # "declined to comment" but not "earnings declining on a decline"
        status = lex.get("infinitive", {}).get(lemma)
    if status is None:
        return False, None
    if status == "future" and t.dep_ == "ccomp" and not infinitive:
        return True, None  # "expects that X won" is an opinion about X, not a plan
    return True, _goal_or_plan(status, lemma)


def _step(t: "Token", token: "Token", depth: int) -> "tuple[str | None, Token | None]":
    """One step up from complement ``t``: ``(status, None)`` or ``(_CONTINUE, next)``."""
    head = t.head
    if head.pos_ == "ADP":  # "accused of arming", "plan for an attack"
        status, head = _through_preposition(t, head)
        if head is None:
            return status, None
    lemma = head.lemma_.lower()
    if t.dep_ == "ccomp" and _subjunctive(t) and lemma not in _BARE_FACTIVES:
        return "future", None  # "demanded that he be returned", "let them leave": not (yet) done
    # "wants the court to suspend …" is parsed as a ccomp with a subject
    infinitive = t.dep_ in {"xcomp", "advcl", "acl", "ccomp"} and _is_infinitive(t)
    if infinitive and _local_status(head) == "negated":
        return "negated", None
    listed, status = _listed_governor(t, head, infinitive)
    if listed:
        return status, None
    if infinitive:
        if lemma in implicatives() and depth < 3:
            return _inherit(head, depth), None
        return _unlisted_infinitive(head), None
    if t.dep_ == "xcomp" and t.tag_ in {"VBG", "VB"} and depth < 3:
        # "could include selling", "may help prevent": the gerund or bare
        # complement is as sure as the verb it completes
        return _inherit(head, depth), None
    if t.pos_ in {"VERB", "AUX"} or t.dep_ in {"acl", "relcl"}:
        return None, None  # a clause under an unlisted word keeps its own status
    if depth == 0 and t.i == token.i and _definite(token) and head.pos_ in {"VERB", "AUX"}:
        # "plans to investigate the bombings": a definite object of a
        # not-yet or uncertain act already exists; that status does not reach it
        status = _governor_status(head, depth + 1)
        return (status if status not in {"future", "speculative", "negated"} else None), None
    return _CONTINUE, _clause_head(head)


def _governor_status(token: "Token", depth: int = 0) -> str | None:
    """Status lent by a governing verb/adjective/noun ("denied arming").

    A "to" infinitive under a verb that is neither listed nor implicative
    has not happened yet (future, or speculative under a goal word like
    "try"); under an implicative verb ("managed to") it shares that verb's
    status; under a negated verb it is negated.
    """
    t = _clause_head(token)
    if _unfinished_relative(t):
        return "future"
    for _ in range(_MAX_HOPS):
        if t.dep_ not in _COMPLEMENT_DEPS and not (t.dep_ == "advcl" and _is_infinitive(t)):
            return None
        if t.head.i == t.i:
            return None
        status, nxt = _step(t, token, depth)
        if nxt is None:
            return status
        t = nxt
    return None


def _attributed_status(token: "Token", analysis: "Analysis | None") -> str | None:
    """Status from the attribution whose content holds the token."""
    if analysis is None:
        return None
    att_id = analysis.content_of.get(token.i)
    if att_id is None:
        return None
    try:
        status = analysis.attribution(att_id).status
    except KeyError:
        return None
    return status if status in STATUSES and status != "asserted" else "reported"


_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})


def _definite(noun: "Token") -> bool:
    """A noun with a definite or possessive determiner ("the statement", "his death")."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE_DETS) or c.dep_ == "poss" for c in noun.children)


def _clause_status(noun: "Token", analysis: "Analysis | None", use_model: bool = True) -> str | None:
    """An event noun shares a non-factual status of the verb it is an argument of
    ("could face the death *penalty*", "do not become victims of *attack*")."""
    t = noun
    for _ in range(4):
        if t.dep_ not in _ARGUMENT_DEPS or t.head.i == t.i:
            return None
        t = t.head
        if t.dep_ == "prep" and t.head.pos_ in {"NOUN", "PROPN"}:
            t = t.head  # "victims of attack": on to the noun, never to an adjunct's verb
        elif t.dep_ == "prep":
            return None
        if t.pos_ in {"VERB", "AUX"}:
            status = status_of(t, analysis, use_model=use_model)
            if status == "negated":
                # "has not begun discussions": the object did not happen either;
                # a subject or an adjunct of a negated verb usually did
                # … unless the object is definite: "has not analysed the statement"
                # presupposes that the statement was made
                direct = noun.dep_ in {"dobj", "attr"} and noun.head.i == t.i
                return status if direct and not _definite(noun) else None
            # "will finish its investigation": the object of a planned act often
            # exists already, so "future" is not passed on (UW dev: gold mean 2.1)
            if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.i == t.i:
                return None  # "the decision may reveal …": the subject is taken as given
            if _definite(noun):
                return None  # "could delay the vote": the vote is already on the agenda
            return status if status not in {"asserted", "reported", "future"} else None
    return None


def governed_status(token: "Token") -> str | None:
    """The status a governor lends ``token`` when no marker on the token itself decides."""
    local = _local_status(token)
    if local is not None and local != "reported":
        return None
    return _governor_status(token)


def _refined(token: "Token", status: str, analysis: "Analysis | None") -> str:
    """A governed future/negated status, unless the learned model finds the outcome open."""
    from .models import status_open

    if not status_open.refinable(token, status):
        return status
    model = status_open.load()
    if model is None:
        return status
    in_content = analysis is not None and token.i in analysis.content_of
    return "speculative" if model.is_open(status_open.features(token, status, in_content)) else status


def status_of(token: "Token", analysis: "Analysis | None" = None, *, use_model: bool = True) -> str:
    """The epistemic status of the predicate ``token`` (one of ``STATUSES``).

    ``analysis`` is optional: without it, attributed content is not detected
    and reported speech comes out as ``asserted``.  ``use_model=False``
    keeps to the rules (the learned check of governed statuses is skipped).
    """
    local = _local_status(token)
    if local == "negated":
        gov = _governor_status(token)
        return "denied" if gov == "denied" else "negated"
    if local is not None and local != "reported":
        return local
    gov = _governor_status(token)
    if gov == "negated" and token.pos_ == "NOUN":
        # "blocked the deportation", "without a hearing", "refused to sign an
        # accord": an event kept from happening, which still may (UW train:
        # gold mean 0.5, not the -1.6 of "did not sign")
        return "speculative"
    if gov is not None:
        return _refined(token, gov, analysis) if use_model else gov
    if token.pos_ in {"NOUN", "PROPN"}:
        inherited = _clause_status(token, analysis, use_model)
        if inherited is not None:
            return inherited
    attributed = _attributed_status(token, analysis)
    if attributed is not None:
        return attributed
    return local or "asserted"


__all__ = ["status_of", "governed_status", "certainty", "status_lexicon", "implicatives", "NEGATORS",
           "GOAL_GOVERNORS"]
