"""The learned clause decider: is a candidate clause a political event, and of what type?

Every candidate clause the events stage proposes (a trigger with its source
and target actors, see :mod:`newsevents.coding.event_clauses`) is scored by
one multinomial logistic regression whose classes are ``NONE`` and the PLV
roots (``YIELD`` for CONCEDE/RETREAT, split by status afterwards).  Unlike
:mod:`.event_type`, which reads a dyad, it is told the clause's own trigger,
and its features carry to words it never saw:

* the sparse clause features of :func:`.event_type.clause_features` (trigger
  lemma, governors, dependency path, words between the actors, lexicon types);
* what the lexicon says of the clause (its row's type, whether the reading is
  fixed or ambiguous, the controlling verb's and the speech act's types);
* what the actors are (kind, sector, whether a country is known, how many);
* spaCy's contextual vector of the trigger (``doc.tensor``, 96 numbers the
  parser already computed), which places unseen words near seen ones.

It is trained by ``scripts/train_event_clause.py`` on the non-sealed part of
``gold-events`` (every candidate clause labelled by the gold event it
matches, or ``NONE``), PLV, the PLOVER GSR and AW, with fixed seeds, and
stored as plain weights (``event_clause.npz``, no pickle) in the
:class:`~.event_type.EventTypeModel` format.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..event_lexicon import lexicon
from .event_type import NONE_LABEL, EventTypeModel, clause_features

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..base import ActorIndex
    from ..event_clauses import Clause

log = logging.getLogger(__name__)

_FILE = "event_clause.npz"
#: weight of the contextual vector against the sparse features (both L2-normalised together)
VECTOR_SCALE = 2.0
#: sectors of the state, politics and armed politics (GUIDE.md's political actors)
POLITICAL_SECTORS = frozenset("GOV MIL COP JUD LEG SPY DIP PTY REB IGO NGO".split())


def _actor_features(prefix: str, ids: tuple[str, ...], index: "ActorIndex", feats: dict[str, float]) -> None:
    if not ids:
        feats[f"{prefix}_none"] = 1.0
        return
    feats[f"{prefix}_n={min(len(ids), 3)}"] = 1.0
    for actor_id in ids[:3]:
        actor = index.find(actor_id)
        if actor is None:
            continue
        feats[f"{prefix}_kind={actor.kind}"] = 1.0
        feats[f"{prefix}_sector={actor.sector}"] = 1.0
        if actor.country:
            feats[f"{prefix}_country"] = 1.0
        if actor.sector in POLITICAL_SECTORS or actor.kind == "country":
            feats[f"{prefix}_political"] = 1.0


def _row_features(clause: "Clause", feats: dict[str, float]) -> None:
    row, gov = clause.row, clause.governor_row
    feats[f"row={row.type if row else None}"] = 1.0
    if row is not None:
        feats["row_fixed" if row.is_fixed else "row_weak" if row.is_weak else "row_plain"] = 1.0
    if gov is not None and gov.type:
        feats[f"govrow={gov.type}"] = 1.0
    if clause.speech is not None:
        srow = lexicon().lookup(clause.speech)
        feats[f"speech={srow.type if srow else 'say'}"] = 1.0
    if clause.verb is not None:
        feats[f"light={clause.verb.lemma_.lower()}"] = 1.0


def _vector_features(doc: "Doc", i: int, feats: dict[str, float]) -> None:
    tensor = getattr(doc, "tensor", None)
    if tensor is None or len(tensor) <= i or not tensor.shape[-1]:
        return
    vec = np.asarray(tensor[i], dtype=np.float64)
    norm = float(np.linalg.norm(vec))
    if norm > 0:
        for k, v in enumerate(vec * (VECTOR_SCALE / norm)):
            feats[f"v{k}"] = float(v)


def decider_features(doc: "Doc", clause: "Clause", index: "ActorIndex") -> dict[str, float]:
    """Named features of one candidate clause (see the module docstring)."""
    src = clause.source.span if clause.source else None
    tgt = clause.target.span if clause.target else None
    trigger = clause.trigger
    if src is None and tgt is None:
        feats = {"bias": 1.0, "no_actor": 1.0, f"t={trigger.lemma_.lower()}": 1.0,
                 f"tpos={trigger.pos_}": 1.0}
    else:
        feats = clause_features(doc, trigger, src, tgt)
    _row_features(clause, feats)
    _actor_features("src", clause.source_actors, index, feats)
    _actor_features("tgt", clause.target_actors, index, feats)
    _vector_features(doc, trigger.i, feats)
    return feats


def default_path() -> Path:
    """Where the shipped decider lives inside the package."""
    return Path(str(resources.files("newsevents") / "data" / "models" / _FILE))


@lru_cache(maxsize=1)
def load_default() -> EventTypeModel | None:
    """The shipped decider, loaded once per process; ``None`` when it is not installed."""
    path = default_path()
    if not path.exists():
        log.warning("clause decider %s not found: events are decided by the lexicon gates", path)
        return None
    return EventTypeModel.load(path)
