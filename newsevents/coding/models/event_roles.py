"""The learned role filler: which actor of the sentence is an event's source or target.

The events stage finds a clause's actors by its grammar (subject, object,
agent, the prepositions of :mod:`newsevents.coding.event_args`).  Where that
leaves a side empty ("met *with* Pacific leaders", "called for China and
Mexico to …", a noun whose doer is the sentence's subject two clauses up),
this model reads every other actor mention of the sentence and says whether
it is the event's ``SOURCE``, its ``TARGET`` or ``NONE``.  Its features are
the shape of the link, not the words of one sentence: the dependency path
from the trigger to the mention, the mention's own relation and preposition,
which side of the trigger it is on and how far, whether the trigger is
passive, the trigger's lexicon type, and the actor's kind.

Trained by ``scripts/train_event_roles.py`` on PLV and the PLOVER GSR (marked
source and target spans) and the non-sealed ``gold-events`` documents, and
stored as plain weights (``event_roles.npz``) in the
:class:`~.event_type.EventTypeModel` format.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..event_lexicon import lexicon
from .event_type import EventTypeModel, dependency_path

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..base import ActorIndex

log = logging.getLogger(__name__)

_FILE = "event_roles.npz"
ROLES = ("SOURCE", "TARGET", "NONE")


def mentions(sent: "Span", index: "ActorIndex") -> Iterator[tuple[str, int, int]]:
    """``(actor id, start token, end token)`` of each actor mention in ``sent``, in order."""
    cur, start = None, 0
    for tok in sent:
        actor = index.actor_at(tok.i)
        if actor != cur:
            if cur is not None:
                yield cur, start, tok.i
            cur, start = actor, tok.i
    if cur is not None:
        yield cur, start, sent.end


def role_features(doc: "Doc", trigger: "Token", start: int, end: int,
                  kind: str | None = None) -> dict[str, float]:
    """Named features of the link between ``trigger`` and the mention ``doc[start:end]``."""
    root = doc[start:end].root
    up_m, up_t = dependency_path(root, trigger)
    path = [t.dep_ for t in up_m[:-1]] + ["^"] + [t.dep_ for t in reversed(up_t[:-1])]
    lem = trigger.lemma_.lower()
    row = lexicon().lookup(trigger)
    ty = row.type if row is not None and row.type else "none"
    feats = {"bias": 1.0, f"path={'/'.join(path[:6])}": 1.0, f"up={len(up_m) - 1}": 1.0,
             f"down={min(len(up_t) - 1, 4)}": 1.0, f"mdep={root.dep_}": 1.0,
             f"tpos={trigger.pos_}": 1.0, f"ty={ty}": 1.0, f"ty+mdep={ty}_{root.dep_}": 1.0,
             f"t+mdep={lem}_{root.dep_}": 1.0, f"side={'before' if end <= trigger.i else 'after'}": 1.0,
             f"dist={min(abs(root.i - trigger.i), 12) // 3}": 1.0, f"kind={kind}": 1.0}
    if len(path) > 1:
        feats[f"first={path[0]}"] = 1.0
        feats[f"last={path[-1]}"] = 1.0
    if root.dep_ == "pobj":
        prep = root.head.lemma_.lower()
        feats[f"prep={prep}"] = 1.0
        feats[f"ty+prep={ty}_{prep}"] = 1.0
        feats[f"t+prep={lem}_{prep}"] = 1.0
    if root.dep_ == "poss":
        feats["poss"] = 1.0
    if up_m[-1].i == trigger.i:
        feats["under_trigger"] = 1.0
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children):
        feats["passive"] = 1.0
        feats[f"passive+mdep={root.dep_}"] = 1.0
    return feats


def default_path() -> Path:
    """Where the shipped role filler lives inside the package."""
    return Path(str(resources.files("newsevents") / "data" / "models" / _FILE))


@lru_cache(maxsize=1)
def load_default() -> EventTypeModel | None:
    """The shipped role filler, loaded once per process; ``None`` when it is not installed."""
    path = default_path()
    if not path.exists():
        log.warning("role filler %s not found: event sides come from the grammar only", path)
        return None
    return EventTypeModel.load(path)
