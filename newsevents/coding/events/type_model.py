"""The learned event-type classifier: features of a clause and a linear model.

A *clause* is a predicate token (the trigger) with the token spans of its
source and target actors in a parsed sentence.  :func:`clause_features` turns
it into sparse named features (trigger lemma, governing verbs, dependency
path between source and target, words between them, negation, lexicon
types, bag of lemmas); :class:`EventTypeModel` is a multinomial logistic
regression over them, stored as plain weights (``event_type.npz``) so that
loading needs only numpy and never unpickles code.

The model predicts PLV's 15 roots, where ``YIELD`` stands for PLOVER 2.0's
CONCEDE and RETREAT; the events stage splits it (see ``coding.events``).
It also learns a ``NONE`` class from a shipped pool of non-event clauses
(``event_negatives.npz``): :meth:`EventTypeModel.predict` still names the
best event type, :meth:`EventTypeModel.event_probability` says whether the
clause is an event at all.
``scripts/train_event_type.py`` trains and saves it with
:func:`newsevents.training.fit_event_type` (scikit-learn stays out of the coding path).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ...errors import ModelError
from ..lexicon_files import by_version
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

#: labels the model knows (PLV roots); YIELD = CONCEDE or RETREAT
MODEL_LABELS: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: dependency labels through which a predicate is governed by another one
_UP_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "acl",
                      "dobj", "relcl", "csubj", "oprd"})
_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV", "ADP", "PART"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_FILE = "event_type.npz"
_NEG_FILE = "event_negatives.npz"
#: the class of clauses that are no PLOVER event at all (learned from a negative pool)
NONE_LABEL = "NONE"

def _span_root(doc: "Doc", span: tuple[int, int]) -> "Token":
    return doc[span[0]:span[1]].root


def _path_to_root(tok: "Token") -> list["Token"]:
    path = [tok]
    while path[-1].head.i != path[-1].i and len(path) < 40:
        path.append(path[-1].head)
    return path


def dependency_path(a: "Token", b: "Token") -> tuple[list["Token"], list["Token"]]:
    """Tokens from ``a`` up to the lowest common ancestor, and from ``b`` up to it."""
    up_a = _path_to_root(a)
    ids_a = {t.i: n for n, t in enumerate(up_a)}
    up_b: list["Token"] = []
    for t in _path_to_root(b):
        up_b.append(t)
        if t.i in ids_a:
            return up_a[: ids_a[t.i] + 1], up_b
    return up_a, up_b  # different sentences: no common ancestor


def find_anchor(doc: "Doc", source: tuple[int, int] | None,
                target: tuple[int, int] | None, lex: Lexicon) -> "Token":
    """The predicate that links a marked source and target (for training and evaluation).

    It is the lowest verb or event noun on the target's path up to the common
    ancestor with the source (the word that says what was done to the
    target); with one actor only, the actor's governing predicate.
    """
    if source is None and target is None:
        raise ModelError("find_anchor needs a source or a target")
    if source is None or target is None:
        tok = _span_root(doc, source or target)  # type: ignore[arg-type]
        return _governing_predicate(tok)
    s, t = _span_root(doc, source), _span_root(doc, target)
    up_s, up_t = dependency_path(s, t)
    lca = up_s[-1]
    for tok in up_t[1:]:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and lex.lookup(tok)):
            return tok
    return lca if lca.i != s.i else _governing_predicate(s)


def _governing_predicate(tok: "Token") -> "Token":
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return tok.head


def _governors(trigger: "Token", limit: int = 3) -> list["Token"]:
    out: list["Token"] = []
    cur = trigger
    while len(out) < limit and cur.dep_ in _UP_DEPS and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            out.append(cur)
    return out


def _lem(tok: "Token") -> str:
    return tok.lemma_.lower()


def _trigger_features(trigger: "Token", feats: dict[str, float], lex: Lexicon) -> None:
    lem = _lem(trigger)
    feats[f"t={lem}"] = 1.0
    feats[f"tpos={trigger.pos_}"] = 1.0
    row = lex.lookup(trigger)
    if row is not None and row.type:
        feats[f"tlex={row.type}"] = 2.0
        if row.mode:
            feats[f"tmode={row.mode}"] = 1.0
    for child in trigger.children:
        d = child.dep_
        if d in ("neg",) or _lem(child) in _NEGATORS:
            feats["neg"] = 1.0
        elif d in ("dobj", "attr", "oprd", "dative", "nsubjpass"):
            feats[f"o={_lem(child)}"] = 1.0
            feats[f"t+o={lem}_{_lem(child)}"] = 1.0
            for ty in lex.types_of(_lem(child)):
                feats[f"olex={ty}"] = 1.0
        elif d in ("prep", "prt", "agent"):
            feats[f"t+p={lem}_{_lem(child)}"] = 1.0
        elif d in ("xcomp", "ccomp"):
            feats[f"x={_lem(child)}"] = 1.0
            for ty in lex.types_of(_lem(child)):
                feats[f"xlex={ty}"] = 1.0
        elif d in ("aux", "auxpass"):
            feats[f"aux={_lem(child)}"] = 1.0
        elif d in ("compound", "amod") and trigger.pos_ == "NOUN":
            feats[f"mod={_lem(child)}"] = 1.0
    for n, gov in enumerate(_governors(trigger)):
        g = _lem(gov)
        feats[f"g={g}"] = 1.0
        if n == 0:
            feats[f"g1={g}"] = 1.0
            feats[f"g1+t={g}_{lem}"] = 1.0
        for ty in lex.types_of(g):
            feats[f"glex={ty}"] = 1.0


def _dyad_features(doc: "Doc", source: tuple[int, int] | None, target: tuple[int, int] | None,
                   feats: dict[str, float], lex: Lexicon) -> None:
    if source is None:
        feats["nosrc"] = 1.0
    if target is None:
        feats["notgt"] = 1.0
    if source is None or target is None:
        one = _span_root(doc, source or target)  # type: ignore[arg-type]
        feats[f"{'s' if source else 'tg'}dep={one.dep_}"] = 1.0
        return
    s, t = _span_root(doc, source), _span_root(doc, target)
    feats[f"sdep={s.dep_}"] = 1.0
    feats[f"tgdep={t.dep_}"] = 1.0
    feats["t_before_s" if target[0] < source[0] else "s_before_t"] = 1.0
    up_s, up_t = dependency_path(s, t)
    deps = [x.dep_ for x in up_s] + ["^"] + [x.dep_ for x in reversed(up_t)]
    feats["dp=" + "/".join(deps[:8])] = 1.0
    for tok in up_s[1:] + up_t[1:]:
        if source[0] <= tok.i < source[1] or target[0] <= tok.i < target[1]:
            continue
        feats[f"pl={_lem(tok)}"] = 1.0
        for ty in lex.types_of(_lem(tok)):
            feats[f"plex={ty}"] = 1.0
    lo, hi = (source[1], target[0]) if source[0] < target[0] else (target[1], source[0])
    between = [tok for tok in doc[lo:hi] if tok.pos_ in _CONTENT_POS and not tok.is_stop]
    for tok in between[:12]:
        feats[f"b={_lem(tok)}"] = 1.0
    feats[f"gap={min(len(between), 10) // 3}"] = 1.0


def _bag_features(doc: "Doc", lo: int, hi: int, skip: set[int], feats: dict[str, float]) -> None:
    prev = "<s>"
    for tok in doc[lo:hi]:
        if tok.i in skip:
            word = "ACTOR"
        elif tok.is_punct or tok.is_space:
            continue
        else:
            word = _lem(tok)
        if not tok.is_stop or word == "ACTOR":
            feats[f"w={word}"] = feats.get(f"w={word}", 0.0) + 0.5
        feats[f"bg={prev}_{word}"] = 0.5
        prev = word


def clause_features(doc: "Doc", trigger: "Token | None", source: tuple[int, int] | None,
                    target: tuple[int, int] | None, lex: Lexicon) -> dict[str, float]:
    """Named sparse features of one clause (trigger + source/target token spans); ``lex``:
    the trigger lexicon whose types are features (the one the model was trained with)."""
    feats: dict[str, float] = {"bias": 1.0}
    if trigger is None:
        trigger = find_anchor(doc, source, target, lex)
    _trigger_features(trigger, feats, lex)
    _dyad_features(doc, source, target, feats, lex)
    sent = trigger.sent
    skip: set[int] = set()
    for span in (source, target):
        if span is not None:
            skip.update(range(span[0], span[1]))
    _bag_features(doc, sent.start, sent.end, skip, feats)
    return feats


@dataclass(frozen=True)
class EventTypeModel:
    """A linear classifier over named features, with plain-array weights."""

    labels: tuple[str, ...]
    vocab: dict[str, int]
    coef: np.ndarray  # (n_features, n_labels)
    intercept: np.ndarray  # (n_labels,)

    def vectorize(self, batch: Sequence[dict[str, float]]) -> "np.ndarray":
        """Dense L2-normalised rows of ``batch`` over the model's vocabulary."""
        out = np.zeros((len(batch), len(self.vocab)), dtype=np.float32)
        for r, feats in enumerate(batch):
            for name, val in feats.items():
                j = self.vocab.get(name)
                if j is not None:
                    out[r, j] = val
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)

    def predict_proba(self, batch: Sequence[dict[str, float]]) -> np.ndarray:
        """Class probabilities, one row per feature dict (columns follow ``labels``)."""
        if not batch:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        scores = self._scores(batch)
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        return probs / probs.sum(axis=1, keepdims=True)

    def _scores(self, batch: Sequence[dict[str, float]]) -> np.ndarray:
        # Sparse dot product: only the features present in each row cost time.
        scores = np.tile(self.intercept.astype(np.float64), (len(batch), 1))
        for r, feats in enumerate(batch):
            idx = [(self.vocab[n], v) for n, v in feats.items() if n in self.vocab]
            if not idx:
                continue
            cols = np.fromiter((j for j, _ in idx), dtype=np.int64, count=len(idx))
            vals = np.fromiter((v for _, v in idx), dtype=np.float64, count=len(idx))
            vals /= max(float(np.linalg.norm(vals)), 1e-9)
            scores[r] += vals @ self.coef[cols]
        return scores

    def predict(self, batch: Sequence[dict[str, float]]) -> list[tuple[str, float]]:
        """The best event type and its probability given that the clause is an event.

        When the model knows a ``NONE`` class, the type is chosen among the
        event types only and its probability is renormalised without
        ``NONE`` (see :meth:`event_probability` for the other question).
        """
        return [(label, prob) for label, prob, _ in self.predict_with_event(batch)]

    def event_probability(self, batch: Sequence[dict[str, float]]) -> list[float]:
        """Probability that each clause is a PLOVER event at all (1.0 without a NONE class)."""
        return [event for _, _, event in self.predict_with_event(batch)]

    def predict_with_event(self, batch: Sequence[dict[str, float]]) -> list[tuple[str, float, float]]:
        """:meth:`predict` and :meth:`event_probability` together, from one pass over ``batch``."""
        probs = self.predict_proba(batch)
        typed = self._type_probs(probs)
        best = typed.argmax(axis=1) if len(batch) else []
        if NONE_LABEL in self.labels:
            events = 1.0 - probs[:, self.labels.index(NONE_LABEL)]
        else:
            events = np.ones(len(batch))
        return [(self.labels[int(j)], float(typed[r, j]), float(events[r]))
                for r, j in enumerate(best)]

    def _type_probs(self, probs: np.ndarray) -> np.ndarray:
        if NONE_LABEL not in self.labels or not len(probs):
            return probs
        probs = probs.copy()
        probs[:, self.labels.index(NONE_LABEL)] = 0.0
        return probs / np.maximum(probs.sum(axis=1, keepdims=True), 1e-12)

    def save(self, path: Path) -> None:
        """Write the weights as a compressed ``.npz`` (vocabulary as JSON inside)."""
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            path, labels=np.array(json.dumps(list(self.labels))),
            vocab=np.array(json.dumps(names)),
            coef=self.coef.astype(np.float16), intercept=self.intercept.astype(np.float32))

    @classmethod
    def load(cls, path: Path | str) -> "EventTypeModel":
        """Read weights written by :meth:`save` (no pickle involved)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                labels = tuple(json.loads(str(data["labels"])))
                names = json.loads(str(data["vocab"]))
                coef = data["coef"].astype(np.float32)
                intercept = data["intercept"].astype(np.float32)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot load event-type model {path}: {exc}") from exc
        return cls(labels, {n: i for i, n in enumerate(names)}, coef, intercept)


def negatives_path() -> Path:
    """Where the shipped pool of non-event clause features lives."""
    return Path(str(resources.files("newsevents") / "data" / "models" / _NEG_FILE))


def save_negatives(path: Path, rows: Sequence[dict[str, float]]) -> None:
    """Write non-event clause features as JSON inside a compressed ``.npz`` (no pickle)."""
    np.savez_compressed(path, rows=np.array(json.dumps(list(rows), sort_keys=True)))


def _negatives_at(path: Path) -> tuple[dict[str, float], ...]:
    try:
        with np.load(path, allow_pickle=False) as data:
            return tuple(json.loads(str(data["rows"])))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load event negatives {path}: {exc}") from exc


def load_negatives(path: Path | None = None) -> tuple[dict[str, float], ...]:
    """The shipped negative pool (empty, with a warning, when it is not installed)."""
    path = path or negatives_path()
    if not path.exists():
        log.warning("event negatives %s not found: the model will not learn a NONE class", path)
        return ()
    return by_version(path, _negatives_at)


def default_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files("newsevents") / "data" / "models" / _FILE))


def load_default() -> EventTypeModel | None:
    """The shipped model (read once per version of its file); ``None`` when it is not installed."""
    path = default_path()
    if not path.exists():
        log.warning("event-type model %s not found: events are typed by the lexicon only", path)
        return None
    return by_version(path, EventTypeModel.load)
