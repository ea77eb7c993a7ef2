"""Cues of epistemic status on a predicate and its clause (used by :mod:`.status`).

The word lists (``data/lexicons/status_words.tsv``, ``implicatives.tsv``),
the clause structure helpers (first conjunct, subordinators, infinitives,
definite nouns) shared with :mod:`.status_governor` and :func:`local_status`: the status set by
words attached to the predicate itself (negation, modals, adverbs, event
noun adjectives, "if"/"unless").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from ...errors import ModelError
from ...records import STATUSES
from ..lexicon_files import LexiconFiles

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

#: words that negate the predicate they modify
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "none"})


@dataclass(frozen=True)
class StatusWords:
    """The status word lists: ``relations`` is ``{relation: {word: status}}`` of
    ``status_words.tsv``; ``implicatives`` the verbs whose infinitive complement did
    happen ("managed to leave", ``implicatives.tsv``)."""

    relations: Mapping[str, Mapping[str, str]]
    implicatives: frozenset[str]

    def of(self, relation: str) -> Mapping[str, str]:
        """Word -> status for one relation (``aux``, ``adv``, ``governor`` …)."""
        return self.relations.get(relation, {})


def status_words(files: LexiconFiles = LexiconFiles()) -> StatusWords:
    """The status word lists of ``files`` (by default the packaged ones)."""
    return StatusWords(files.table("status_words.tsv", parse_relations),
                       files.table("implicatives.tsv", parse_implicatives))


def parse_relations(rows: tuple[tuple[int, str], ...]) -> dict[str, dict[str, str]]:
    """``{relation: {word: status}}`` of the rows of ``status_words.tsv``."""
    table: dict[str, dict[str, str]] = {}
    for _, line in rows:
        word, status, relation = line.split("\t")[:3]
        if status not in STATUSES:
            raise ModelError(f"unknown status {status!r} in status_words.tsv")
        table.setdefault(relation.strip(), {})[word.strip().lower()] = status
    return table


def parse_implicatives(rows: tuple[tuple[int, str], ...]) -> frozenset[str]:
    """The verbs of the rows of ``implicatives.tsv``."""
    return frozenset(line.strip().lower() for _, line in rows)


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


def clause_head(token: "Token") -> "Token":
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


def is_infinitive(token: "Token") -> bool:
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


#: subordinators of time whose present-tense clause has not happened yet
#: ("will remain until Iraq pays", "before the chips appear on the market")
_PENDING_MARKS = frozenset({"until", "till", "before", "once"})
#: the same, only under a main clause about the future ("will act when the court rules")
_WHEN_MARKS = frozenset({"when", "after", "as"})


def _present(clause: "Token") -> bool:
    """A clause in the present tense: its verb or its first auxiliary is VBZ/VBP."""
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if auxes:
        return auxes[0].tag_ in {"VBZ", "VBP"} and auxes[0].lemma_ != "have"
    return clause.tag_ in {"VBZ", "VBP"}


def _pending_temporal(clause: "Token") -> bool:
    """ "until the crisis ends", "once regulators approve": a present-tense
    clause of time refers to what has not happened yet (UW train: gold mean
    1.8 over 16, against 2.8 for the same clauses in the past tense)."""
    if clause.dep_ != "advcl" or not _present(clause):
        return False
    # the parser reads "once" and "when" as adverbs as often as subordinators
    marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"} and c.i < clause.i}
    if marks & _PENDING_MARKS:
        return True
    if not marks & _WHEN_MARKS:
        return False
    head = clause.head
    return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall", "wo"} for c in head.children)


def _holders(token: "Token") -> list["Token"]:
    """The words whose markers a predicate takes: itself, the first conjunct of
    its coordination and, for the complement of "be", the copula ("will be
    *willing*", "was not *ready*")."""
    out = [token]
    head = clause_head(token)
    if head.i != token.i:
        out.append(head)
    if head.dep_ in {"acomp", "attr"} and head.head.lemma_ == "be" and head.head.i != head.i:
        out.append(head.head)
    return out


def local_status(token: "Token", words: StatusWords) -> str | None:
    """Status set by words attached to the predicate itself."""
    aux, adv, amod, mark = words.of("aux"), words.of("adv"), words.of("amod"), words.of("mark")
    found: str | None = None
    for t in _holders(token):
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
    if found is None:
        found = next((mark[m.lower_] for m in _marks(token) if m.lower_ in mark), None)
    if found is None and _pending_temporal(clause_head(token)):
        found = "future"
    if found == "hypothetical" and _future_in_past(clause_head(token)):
        found = "future"
    if found == "asserted":
        return None
    return found


_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})


def definite(noun: "Token") -> bool:
    """A noun with a definite or possessive determiner ("the statement", "his death")."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE_DETS) or c.dep_ == "poss" for c in noun.children)
