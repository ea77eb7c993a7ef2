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
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "acl", "relcl_never"})
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


def certainty(status: str) -> float:
    """The factuality score (-3 … 3) that a status stands for."""
    return STATUS_CERTAINTY.get(status, 0.0)


def _clause_head(token: "Token") -> "Token":
    """The first conjunct of a coordination, which carries shared auxiliaries."""
    seen = 0
    while token.dep_ == "conj" and seen < 4:
        token = token.head
        seen += 1
    return token


def _local_status(token: "Token") -> str | None:
    """Status set by words attached to the predicate itself."""
    lex = status_lexicon()
    aux, adv, amod, mark = lex.get("aux", {}), lex.get("adv", {}), lex.get("amod", {}), lex.get("mark", {})
    found: str | None = None
    for t in (token, _clause_head(token)):
        for child in t.children:
            low = child.lower_
            dep = child.dep_
            if dep == "neg" or (low in NEGATORS and dep in {"advmod", "det", "neg", "preconj"}):
                return "negated"
            if dep in {"aux", "auxpass"} and (low in aux or child.lemma_ in aux):
                found = found or aux.get(low) or aux.get(child.lemma_)
            elif dep in {"advmod", "npadvmod"} and low in adv:
                found = found or adv[low]
            elif dep in {"amod", "compound"} and low in amod:
                found = found or amod[low]
            elif dep == "mark" and low in mark:
                found = found or mark[low]
        if t is _clause_head(token):
            break
    if found == "asserted":
        return None
    return found


def _governor_status(token: "Token") -> str | None:
    """Status lent by a governing verb/adjective/noun ("denied arming")."""
    gov_lex = status_lexicon().get("governor", {})
    t = _clause_head(token)
    for _ in range(_MAX_HOPS):
        if t.dep_ not in _COMPLEMENT_DEPS or t.head is t:
            return None
        head = t.head
        if head.pos_ == "ADP":  # "accused of arming", "plan for an attack"
            if head.dep_ not in {"prep", "agent"} or head.head is head:
                return None
            head = head.head
        status = gov_lex.get(head.lemma_.lower())
        if status is not None:
            if status == "future" and t.dep_ == "ccomp":
                return None  # "expects that X won" is an opinion about X, not a plan
            return status
        if head.pos_ in {"VERB", "AUX"} and t.dep_ in {"ccomp"}:
            return None  # a finite clause under an unknown verb keeps its own status
        t = _clause_head(head)
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


def status_of(token: "Token", analysis: "Analysis | None" = None) -> str:
    """The epistemic status of the predicate ``token`` (one of ``STATUSES``).

    ``analysis`` is optional: without it, attributed content is not detected
    and reported speech comes out as ``asserted``.
    """
    local = _local_status(token)
    if local == "negated":
        gov = _governor_status(token)
        return "denied" if gov == "denied" else "negated"
    if local is not None and local != "reported":
        return local
    gov = _governor_status(token)
    if gov is not None:
        return gov
    attributed = _attributed_status(token, analysis)
    if attributed is not None:
        return attributed
    return local or "asserted"


__all__ = ["status_of", "certainty", "status_lexicon", "NEGATORS"]
