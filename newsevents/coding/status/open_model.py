"""A learned check on governed statuses: is the outcome open after all?

The rules of :mod:`newsevents.coding.status.status` give a complement the status
its governor lends it: "plans to *strike*" is ``future``, "refused to
*sign*" ``negated``.  Many such complements are read as undecided in news
(UW factuality train: "hopes to", "plans to", "did not want to" have gold
means between 0.5 and 1.6, nearer to ``speculative`` than to either).  This
model is a logistic regression over the parse around the governor (its
lemma and part of speech, the preposition or infinitive marker between,
the governor's own auxiliaries and negation, the rule status); where it is
confident (probability above the stored threshold) the status becomes
``speculative``.  It only ever sees ``future`` and ``negated`` statuses lent
by a governor (:func:`refinable`): local cues on the predicate ("will",
"did not"), "will" on its governor, and attribution never reach it.

A second model of the same form, the *plain* check, looks at what the rules
leave ``asserted`` or ``reported`` (:data:`PLAIN`): a predicate in a clause
of time still to come, under a conditional or modal governor that the rules
do not pass on, the topic of "talk about *killing*", a bare verb ("let them
*meet*").  Its features (:func:`plain_features`) are structural only: no
governor lemmas, which in a news corpus name topics more than modality.

Weights are plain JSON (``data/models/status_open.json`` and
``status_open_plain.json``), built by ``scripts/train_status.py``
(:func:`newsevents.training.fit_open_model`); without a
file its check is skipped and the rules stand alone.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from ...errors import ModelError
from ..lexicon_files import by_version
from .cues import StatusWords, clause_head, is_infinitive, local_status

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_MODELS = Path(str(resources.files("newsevents") / "data" / "models"))
_FILE = "status_open.json"
PLAIN_FILE = "status_open_plain.json"
#: the rule statuses the model may turn into "speculative"
REFINABLE = frozenset({"future", "negated"})
#: the statuses of something stated as done, which the plain check may find open
PLAIN = frozenset({"asserted", "reported"})
#: feature prefixes the plain check leaves out (open-class words of the governor)
_LEXICAL = ("gl=", "ggl=")
#: dependents of the predicate the plain check sees; the word itself only for closed classes
_OWN_DEPS = frozenset({"det", "poss", "amod", "nummod", "neg", "aux", "prep"})
_OWN_WORDS = frozenset({"det", "neg", "aux", "prep"})


def _governor(token: "Token") -> "tuple[Token, Token, str]":
    """The clause of ``token``, the word governing it and the preposition between (or "")."""
    clause = clause_head(token)
    gov, prep = clause.head, ""
    if gov.pos_ == "ADP":
        prep, gov = gov.lower_, gov.head
    return clause, gov, prep


def refinable(token: "Token", status: str, words: StatusWords) -> bool:
    """Whether the model may decide: a governed future/negated status that no
    future marker of the governor set ("will stop *issuing*" stays future).

    A negated governor may leave its goal open: "did not want to *extend*" is
    read as undecided in news (UW train gold mean -0.5, against -2.0 for
    "did not *extend*")."""
    return status in REFINABLE and local_status(_governor(token)[1], words) != "future"


def features(token: "Token", status: str, words: StatusWords, in_content: bool = False) -> dict[str, float]:
    """Named binary features of a governed predicate and its governor (``words``: the
    status word lists, whose reading of the governor is a feature)."""
    clause, gov, prep = _governor(token)
    out = {
        f"st={status}": 1.0, f"gl={gov.lemma_.lower()}": 1.0, f"gpos={gov.pos_}": 1.0,
        f"gtag={gov.tag_}": 1.0, f"dep={clause.dep_}": 1.0, f"prep={prep}": 1.0,
        f"pos={token.pos_}": 1.0, f"tag={clause.tag_}": 1.0, f"inf={is_infinitive(clause)}": 1.0,
        f"gloc={local_status(gov, words)}": 1.0, f"ggl={gov.head.lemma_.lower()}": 1.0,
        f"cont={in_content}": 1.0,
    }
    for child in clause.children:
        if child.dep_ in {"aux", "auxpass", "neg", "mark", "advmod"}:
            out[f"c={child.lower_}"] = 1.0
    for child in gov.children:
        if child.dep_ in {"aux", "neg", "mark"}:
            out[f"hc={child.lower_}"] = 1.0
    return out


def plain_checkable(token: "Token", status: str) -> bool:
    """Whether the plain check may decide: an asserted or reported predicate that
    is no proper name (a name tagged as an event, "Air France", is no act whose
    modality its parse could tell)."""
    return status in PLAIN and token.pos_ != "PROPN"


def plain_features(token: "Token", status: str, words: StatusWords, in_content: bool = False) -> dict[str, float]:
    """Features of a predicate the rules state as done (see the module docstring):
    :func:`features` without the governor's lemmas, the predicate's own modifiers
    (word for determiners, auxiliaries, negation and prepositions, kind for the
    rest) and the sentence's last token (a question mark)."""
    out = {k: v for k, v in features(token, status, words, in_content).items() if not k.startswith(_LEXICAL)}
    for child in token.children:
        if child.dep_ in _OWN_DEPS:
            word = child.lower_ if child.dep_ in _OWN_WORDS else "*"
            out[f"d={child.dep_}:{word}"] = 1.0
    if token.doc.has_annotation("SENT_START") or token.doc.has_annotation("DEP"):
        last = token.sent[-1]
        out[f"q={last.text if last.is_punct else '*'}"] = 1.0
    return out


@dataclass(frozen=True)
class OpenModel:
    """Logistic regression weights: P(open) = sigmoid(bias + sum of feature weights)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def probability(self, feats: Mapping[str, float]) -> float:
        """Probability that the governed outcome is open (speculative)."""
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_open(self, feats: Mapping[str, float]) -> bool:
        """Whether the model is confident the outcome is open."""
        return self.probability(feats) > self.threshold

    def save(self, path: Path) -> None:
        """Write the weights as JSON (sorted, rounded: a deterministic file)."""
        data = {"threshold": self.threshold, "bias": round(self.bias, 4),
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, text: str) -> "OpenModel":
        """Read weights written by :meth:`save`."""
        try:
            data = json.loads(text)
            return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                       bias=float(data["bias"]), threshold=float(data["threshold"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"bad status model: {exc}") from exc


def default_path(name: str = _FILE) -> Path:
    """Where a shipped model lives (``newsevents/data/models/status_open.json``;
    ``name=PLAIN_FILE`` for the plain check)."""
    return _MODELS / name


def _load(name: str) -> OpenModel | None:
    path = default_path(name)
    if not path.exists():
        log.debug("no status model at %s; rules only", path)
        return None
    return by_version(path, _read)


def _read(path: Path) -> OpenModel:
    return OpenModel.from_json(path.read_text(encoding="utf-8"))


def load() -> OpenModel | None:
    """The shipped model (read once per version of its file), or None when it is not
    installed (the rules then stand alone)."""
    return _load(_FILE)


def load_plain() -> OpenModel | None:
    """The shipped plain check, or None when it is not installed."""
    return _load(PLAIN_FILE)


__all__ = ["OpenModel", "REFINABLE", "PLAIN", "PLAIN_FILE", "refinable", "features", "plain_checkable", "plain_features",
           "load", "load_plain", "default_path"]
