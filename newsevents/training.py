"""Training of the learned models (needs the ``train`` extra: scikit-learn).

The models run with numpy or plain Python only: each lives beside the stage that uses it
(:mod:`newsevents.coding.events.type_model`, :mod:`newsevents.coding.status.open_model`)
and holds only its features, loading and prediction.  What fits their weights is here, out
of the coding path, so that coding never imports scikit-learn; ``scripts/train_*.py`` and
the cross-validation of :mod:`newsevents.evaluate.events` call it.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import numpy as np

from .coding.events.type_model import NONE_LABEL, EventTypeModel, load_negatives
from .coding.status.open_model import OpenModel


def fit_event_type(features: Iterable[dict[str, float]], labels: Sequence[str], *, c: float = 8.0,
                   min_count: int = 1, seed: int = 0,
                   negatives: Sequence[dict[str, float]] | None = None) -> EventTypeModel:
    """Train the event-type classifier: a multinomial logistic regression (deterministic).

    ``negatives`` are clauses that are no event (class ``NONE``); by default
    the shipped pool mined from ordinary political news
    (``scripts/train_event_trigger.py``), so that every model trained here
    can also say whether a verb outside the lexicon names an event.  Pass
    ``[]`` for a types-only model.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    rows = list(features)
    labels = list(labels)
    if negatives is None:
        negatives = load_negatives()
    rows += list(negatives)
    labels += [NONE_LABEL] * len(negatives)
    if min_count > 1:
        counts: dict[str, int] = {}
        for f in rows:
            for n in f:
                counts[n] = counts.get(n, 0) + 1
        rows = [{n: v for n, v in f.items() if counts[n] >= min_count} for f in rows]
    vec = DictVectorizer(sort=True)
    x = normalize(vec.fit_transform(rows))
    clf = LogisticRegression(C=c, max_iter=3000, random_state=seed, class_weight="balanced")
    clf.fit(x, list(labels))
    vocab = {n: i for i, n in enumerate(vec.feature_names_)}
    coef, intercept = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # binary: softmax over (0, w.x + b) is the same sigmoid
        coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
        intercept = np.array([0.0, intercept[0]])
    return EventTypeModel(tuple(clf.classes_), vocab, coef.T.copy(), intercept.copy())


def fit_open_model(rows: Sequence[Mapping[str, float]], labels: Sequence[int], c: float,
                   threshold: float) -> OpenModel:
    """Train the open-outcome status check (L2 logistic regression, lbfgs: deterministic)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    matrix = vec.fit_transform(rows)
    # a tight tolerance and 4-decimal weights make the file the same on every run
    clf = LogisticRegression(C=c, tol=1e-10, max_iter=20000).fit(matrix, list(labels))
    weights = dict(zip(vec.get_feature_names_out(), (float(w) for w in clf.coef_[0])))
    return OpenModel(weights=weights, bias=float(clf.intercept_[0]), threshold=threshold)


__all__ = ["fit_event_type", "fit_open_model"]
