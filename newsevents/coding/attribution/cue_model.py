"""A learned cue classifier: is this verb, with this complement, an attribution cue?

A logistic regression over a handful of parse features of a candidate verb
(its lemma, the frame of its complement, its subject's kind, …), trained on
PolNeAR train by ``scripts/train_attribution.py`` and shipped as a small JSON
file of feature weights (``newsevents/data/models/attribution_cues.json``).
Scoring needs no scikit-learn: it is a sum of weights and a sigmoid.

The rules still decide the spans (source, cue, content); the model only
decides which candidate verbs are cues, so that verbs the hand lexicon does
not list ("blasted", "vowed") are found when their context looks like speech.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from importlib import resources
from typing import TYPE_CHECKING, Mapping

from ...errors import ModelError
from ..lexicon_files import by_version
from .lexicon import CueEntry
from .rules import cue_extent, cue_variants, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

MODEL_FILE = "attribution_cues.json"


def features(tok: "Token", frame: str, cues: Mapping[str, CueEntry]) -> list[str]:
    """Sparse binary features of a candidate cue verb and its complement frame (``cues``:
    the hand lexicon, whose entries are features)."""
    lemma = tok.lemma_.lower()
    subj = subject_of(tok)
    if subj is None:
        subj_kind = "none"
    elif subj.ent_type_:
        subj_kind = subj.ent_type_
    else:
        subj_kind = subj.pos_
    entry = cues.get(lemma)
    feats = [
        "bias", f"lemma={lemma}", f"lf={lemma}|{frame}", f"frame={frame}", f"dep={tok.dep_}",
        f"tag={tok.tag_}", f"subj={subj_kind}", f"fs={frame}|{subj_kind}",
        f"lex={entry.status if entry else 'none'}", f"lexf={'y' if entry else 'n'}|{frame}",
    ]
    if subj is not None and subj.pos_ in {"NOUN", "PRON"}:
        feats.append(f"subj_lemma={subj.lemma_.lower()}")
    if any(c.dep_ == "neg" for c in tok.children):
        feats.append("neg")
    if tok.head.i != tok.i:
        feats.append(f"head_dep={tok.dep_}|{tok.head.pos_}")
    if _nested(tok, cues):
        feats.append(f"nested|{frame}")
    return feats


def _nested(tok: "Token", lex: Mapping[str, CueEntry]) -> bool:
    """Whether ``tok`` sits inside the clause of a listed speech verb ("X said Y claimed …")."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in lex:
            return True
        t = t.head
    return False


@dataclass(frozen=True)
class CueModel:
    """Feature weights and the decision threshold of the cue classifier, with
    two tables learned on PolNeAR train next to it: ``extents`` (``lemma|frame``
    -> the :func:`~newsevents.coding.attribution.rules.cue_variants` name of its
    cue span, where PolNeAR's span differs from the rule's) and ``vetoes``
    (``lemma|frame`` pairs whose rule span was almost never PolNeAR's cue)."""

    weights: dict[str, float]
    threshold: float = 0.5
    extents: dict[str, str] = field(default_factory=dict)
    vetoes: frozenset[str] = frozenset()

    def extent(self, tok: "Token", frame: str | None) -> tuple[int, int]:
        """Character span of the cue ``tok`` with ``frame``: the learned variant, else the rule's."""
        name = self.extents.get(f"{tok.lemma_.lower()}|{frame}")
        if name is not None:
            span = cue_variants(tok, frame).get(name)
            if span is not None:
                return span
        return cue_extent(tok, frame)

    def probability(self, feats: list[str]) -> float:
        """P(cue | features)."""
        z = sum(self.weights.get(f, 0.0) for f in feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def is_cue(self, tok: "Token", frame: str, cues: Mapping[str, CueEntry]) -> bool:
        """Whether ``tok`` with complement ``frame`` is predicted to be a cue (``cues``: the
        hand lexicon the features read).

        A verb never seen in training is only trusted with a clause ("X
        painted the fence" must not become reported speech because painting
        looks like blasting to the other features).
        """
        if frame != "ccomp" and f"lemma={tok.lemma_.lower()}" not in self.weights:
            return False
        if f"{tok.lemma_.lower()}|{frame}" in self.vetoes:
            return False
        return self.probability(features(tok, frame, cues)) >= self.threshold


def load_cue_model() -> CueModel | None:
    """The shipped cue model (read once per version of its file), or ``None`` when it is
    not installed."""
    path = Path(str(resources.files("newsevents") / "data" / "models" / MODEL_FILE))
    if not path.is_file():
        log.info("no attribution cue model shipped; using the lexicon rules")
        return None
    return by_version(path, _read)


def _read(path: Path) -> CueModel:
    try:
        data = json.loads(path.read_text("utf-8"))
        return CueModel({k: float(v) for k, v in data["weights"].items()}, float(data.get("threshold", 0.5)),
                        {str(k): str(v) for k, v in data.get("extents", {}).items()},
                        frozenset(str(x) for x in data.get("vetoes", [])))
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"broken attribution cue model {path}: {exc}") from exc


__all__ = ["features", "CueModel", "load_cue_model", "MODEL_FILE"]
