"""Epistemic status of a predicate: how sure the article is that it happened.

:func:`status_of` looks at one predicate token (a verb or an event noun) in
its dependency parse and returns one of :data:`newsevents.records.STATUSES`:

* markers on the predicate itself come first, because they are the most
  local evidence: negation ("did not", "never", "no"), modals ("will",
  "would", "could"), adverbs ("allegedly", "likely"), adjectives on an event
  noun ("the alleged attack") and subordinators ("if", "unless");
* then the verb or noun that governs it ("denied *arming*", "plans to
  *strike*", "accused of *funding*", "is likely to *attack*"): a plan or
  commitment is ``future``, a goal of trying, wanting or asking ("tried to
  *flee*", "called for a *truce*") or a disposition ("willing to *talk*")
  ``speculative``; a governed ``future``/``negated`` may further be judged
  open (``speculative``) by a small learned model
  (:mod:`newsevents.coding.status.open_model`);
* then the attribution whose content holds it (``analysis.content_of``):
  reported speech is ``reported``, an allegation ``alleged`` and so on;
* otherwise the article asserts it;
* what comes out ``asserted`` or ``reported`` may finally be judged open
  (``speculative``) by a second learned check on the parse around it
  (:func:`~newsevents.coding.status.open_model.plain_features`: a clause of
  time still to come, a modal or conditional governor the rules do not pass
  on, "talk about *killing*"); :func:`base_status` is the status before it.

The cues and word lists are in :mod:`.status_cues` (lexicons in
``newsevents/data/lexicons/status_words.tsv``), the governor walk in
:mod:`.status_governor`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ...records import STATUS_CERTAINTY, STATUSES
from . import open_model
from .cues import NEGATORS, StatusWords, definite, local_status, status_words
from .governor import GOAL_GOVERNORS, governor_status

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Analysis

log = logging.getLogger(__name__)

#: dependency labels through which an event noun shares the status of its clause's verb
_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "attr", "nsubj", "nsubjpass", "compound", "appos", "oprd"})


def certainty(status: str) -> float:
    """The factuality score (-3 … 3) that a status stands for."""
    return STATUS_CERTAINTY.get(status, 0.0)


def _attributed_status(token: "Token", analysis: "Analysis | None") -> str | None:
    """Status from the attribution whose content holds the token."""
    att = analysis.attribution_holding(token.i) if analysis is not None else None
    if att is None:
        return None
    return att.status if att.status in STATUSES and att.status != "asserted" else "reported"


def _clause_status(noun: "Token", analysis: "Analysis | None", words: StatusWords,
                   use_model: bool = True) -> str | None:
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
            status = base_status(t, analysis, words=words, use_model=use_model)
            if status == "negated":
                # "has not begun discussions": the object did not happen either;
                # a subject or an adjunct of a negated verb usually did
                # … unless the object is definite: "has not analysed the statement"
                # presupposes that the statement was made
                direct = noun.dep_ in {"dobj", "attr"} and noun.head.i == t.i
                return status if direct and not definite(noun) else None
            if status == "hypothetical":
                # "if the outflows continue", "the takeover would be followed by":
                # a condition or counterfactual holds its subject and its definite
                # nouns too (UW train: gold mean 1.8 over 39, against 2.8 for
                # the subjects of "may", "could")
                return status
            # "will finish its investigation": the object of a planned act often
            # exists already, so "future" is not passed on (UW dev: gold mean 2.1)
            if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.i == t.i:
                return None  # "the decision may reveal …": the subject is taken as given
            if definite(noun):
                return None  # "could delay the vote": the vote is already on the agenda
            return status if status not in {"asserted", "reported", "future"} else None
    return None


def _npi_status(noun: "Token", analysis: "Analysis | None", words: StatusWords, use_model: bool) -> str | None:
    """A noun under "any" lies in a negative or open context ("did not result in
    any changes", "would block any attempt", "any gain from the sale"): negated
    when its clause's verb is, else open (UW train: gold mean 0.1 over 19)."""
    if not any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return None
    t = noun
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            return "negated" if base_status(t, analysis, words=words, use_model=use_model) == "negated" \
                else "speculative"
    return "speculative"


def governed_status(token: "Token", words: StatusWords | None = None) -> str | None:
    """The status a governor lends ``token`` when no marker on the token itself decides
    (``words``: the status word lists; ``None``: the packaged ones)."""
    words = words or status_words()
    local = local_status(token, words)
    if local is not None and local != "reported":
        return None
    return governor_status(token, words)


def _refined(token: "Token", status: str, analysis: "Analysis | None", words: StatusWords) -> str:
    """A governed future/negated status, unless the learned model finds the outcome open."""
    if not open_model.refinable(token, status, words):
        return status
    return _open_or(status, open_model.load(), open_model.features, token, analysis, words)


def status_of(token: "Token", analysis: "Analysis | None" = None, *, words: StatusWords | None = None,
              use_model: bool = True) -> str:
    """The epistemic status of the predicate ``token`` (one of ``STATUSES``).

    ``analysis`` is optional: without it, attributed content is not detected
    and reported speech comes out as ``asserted``.  ``words`` are the status
    word lists (the events stage passes its own, built from ``Settings.lexicons``;
    ``None``: the packaged ones).  ``use_model=False`` keeps to the rules (the
    learned checks are skipped).
    """
    words = words or status_words()
    status = base_status(token, analysis, words=words, use_model=use_model)
    if not use_model or not open_model.plain_checkable(token, status):
        return status
    return _open_or(status, open_model.load_plain(), open_model.plain_features, token, analysis, words)


def _open_or(status: str, model, features, token: "Token", analysis: "Analysis | None",
             words: StatusWords) -> str:
    """``speculative`` when the learned check ``model`` (absent: keep) finds the outcome of
    ``token`` open, else ``status``; ``features`` builds the check's input."""
    if model is None:
        return status
    in_content = analysis is not None and token.i in analysis.content_of
    return "speculative" if model.is_open(features(token, status, words, in_content)) else status


def base_status(token: "Token", analysis: "Analysis | None" = None, *, words: StatusWords | None = None,
                use_model: bool = True) -> str:
    """The status before the plain check: cues, governors (with the learned check
    of governed statuses when ``use_model``), the clause of an event noun, attribution."""
    words = words or status_words()
    local = local_status(token, words)
    if local == "negated":
        gov = governor_status(token, words)
        return "denied" if gov == "denied" else "negated"
    if local is not None and local != "reported":
        return local
    gov = governor_status(token, words)
    if gov == "negated" and token.pos_ == "NOUN":
        # "blocked the deportation", "without a hearing", "refused to sign an
        # accord": an event kept from happening, which still may (UW train:
        # gold mean 0.5, not the -1.6 of "did not sign")
        return "speculative"
    if gov is not None:
        return _refined(token, gov, analysis, words) if use_model else gov
    if token.pos_ in {"NOUN", "PROPN"}:
        inherited = (_npi_status(token, analysis, words, use_model)
                     or _clause_status(token, analysis, words, use_model))
        if inherited is not None:
            return inherited
    attributed = _attributed_status(token, analysis)
    if attributed is not None:
        return attributed
    return local or "asserted"


__all__ = ["status_of", "base_status", "governed_status", "certainty", "status_words", "StatusWords", "NEGATORS",
           "GOAL_GOVERNORS"]
