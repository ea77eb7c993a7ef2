"""How much cue exact F1 a better cue classifier could win, and whether spaCy's
``doc.tensor`` makes the classifier better.

Two measurements, both printed as figures (nothing is written):

1. ``ceiling``: the attribution stage on a PolNeAR split (dev by default) with
   the shipped cue model, then with an *oracle* cue model that accepts exactly
   the candidates :mod:`train_attribution` labels as gold cues.  The gap is
   all that any classifier over these candidates could win; the rest of the
   cue errors are candidates the classifier never sees (nouns, verbs without
   a complement frame, "according to", punctuation) or span boundaries.
   (The oracle decides only what the model decides: a listed speech verb with
   a clause is still always a cue, and the confidence that keeps a sourceless
   draft is still the shipped model's.)
2. ``--dense``: the candidate-level ROC AUC and F1 (at the shipped threshold)
   on the split of two logistic regressions trained on PolNeAR train — the
   shipped sparse features alone, and with the ``doc.tensor`` rows of the
   verb, its subject and its complement's head (standardised) added.  Slow:
   it parses train (about five minutes on one core).

    nice -n 19 .venv/bin/python scripts/attribution_cue_ceiling.py [--data ../shared/data] [--dense]

Measured on PolNeAR dev (session 5): cue exact F1 0.711 shipped, 0.783 with
the oracle; candidate AUC 0.9493 sparse, 0.9528 with the tensor, F1 at 0.3
0.8003 for both.  The stage with a sparse+tensor model trained as
``train_attribution.py`` trains (span tables relearned) scored cue exact
0.707 at threshold 0.3 and 0.698-0.711 from 0.2 to 0.5, never above the
sparse model's 0.710-0.711: the tensor is not what the classifier lacks.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import newsevents.coding.attribution.attribution as attribution  # noqa: E402
from newsevents.coding.attribution.attribution import AttributionStage  # noqa: E402
from newsevents.coding.attribution.rules import subject_of  # noqa: E402
from newsevents.coding.base import Analysis  # noqa: E402
from newsevents.coding.attribution.cue_model import CueModel, features, load_cue_model  # noqa: E402
from newsevents.coding.attribution.lexicon import cue_words  # noqa: E402
from newsevents.evaluate.attribution import Scorer, read_polnear  # noqa: E402
from newsevents.records import Article  # noqa: E402
import train_attribution as ta  # noqa: E402


@dataclass(frozen=True)
class OracleCueModel(CueModel):
    """A cue model that accepts exactly the ``gold`` (id of doc, token index) candidates."""

    gold: frozenset[tuple[int, int]] = frozenset()

    def is_cue(self, tok, frame: str, cues=None) -> bool:
        """Whether ``tok`` is a gold-labelled candidate."""
        return (id(tok.doc), tok.i) in self.gold


def stage_scores(split: Path, model) -> dict[str, dict[str, float]]:
    """Scores of the attribution stage over ``split`` with ``model`` as its cue model."""
    gold_docs = read_polnear(split)
    docs = ta._PARSED[str(split)]
    scorer = Scorer()
    stage = AttributionStage()
    # the stage loads the shipped model by name; the oracle replaces it for this run only
    with mock.patch.object(attribution, "load_cue_model", lambda: model):
        for n, (gold, doc) in enumerate(zip(gold_docs, docs)):
            analysis = Analysis(article=Article(id=str(n), source=gold.name, text=gold.text), doc=doc)
            stage(analysis)
            scorer.add(gold.text, gold.attributions, analysis.attributions)
    return scorer.scores()


def ceiling(split: Path) -> None:
    """Print the stage's cue, source and full scores with the shipped and the oracle cue model."""
    hits = frozenset((id(tok.doc), tok.i) for tok, _frame, hit in ta._candidates(split) if hit)
    shipped = load_cue_model()
    oracle = OracleCueModel(shipped.weights, shipped.threshold, shipped.extents, shipped.vetoes, gold=hits)
    for name, model in (("shipped", shipped), ("oracle", oracle)):
        s = stage_scores(split, model)
        print(f"{name:8} cue exact P {s['cue_exact']['p']:.3f} R {s['cue_exact']['r']:.3f} "
              f"F1 {s['cue_exact']['f1']:.3f} | source exact F1 {s['source_exact']['f1']:.3f} | "
              f"full F1 {s['attribution_full']['f1']:.3f}")


def complement_head(tok, frame: str):
    """The head word of what ``frame`` attributes: the clause's verb (``ccomp``,
    ``xcomp``), the object (``dobj``), the object of the preposition (``prep:…``)."""
    for child in tok.children:
        if frame == "ccomp" and child.dep_ == "ccomp":
            return child
        if child.i < tok.i:
            continue
        if child.dep_ == frame:  # xcomp, dobj
            return child
        if frame.startswith("prep:") and child.dep_ == "prep" and child.lower_ == frame[5:]:
            return next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
    return None


def context(tok, frame: str):
    """The ``doc.tensor`` rows of the verb, its subject and its complement's head (zeros when absent)."""
    import numpy as np

    tensor = tok.doc.tensor
    zero = np.zeros(tensor.shape[1], dtype="float32")
    rows = (tok, subject_of(tok), complement_head(tok, frame))
    return np.concatenate([tensor[t.i] if t is not None else zero for t in rows])


def candidate_matrix(split: Path):
    """Sparse feature dicts, dense context rows and labels of every candidate of ``split``."""
    import numpy as np

    dicts, rows, labels = [], [], []
    for tok, frame, hit in ta._candidates(split):
        dicts.append({f: 1 for f in features(tok, frame, cue_words().cues)})
        rows.append(context(tok, frame))
        labels.append(int(hit))
    return dicts, np.array(rows), np.array(labels)


def _csr32(matrix):
    """A CSR matrix with 32-bit indices (what liblinear accepts)."""
    out = matrix.tocsr()
    out.indices = out.indices.astype("int32")
    out.indptr = out.indptr.astype("int32")
    return out


def dense_check(train: Path, split: Path, threshold: float) -> None:
    """Print candidate-level AUC and F1 on ``split`` of the sparse and the sparse+tensor regressions."""
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    d_tr, x_tr, y_tr = candidate_matrix(train)
    d_te, x_te, y_te = candidate_matrix(split)
    vec = DictVectorizer()
    s_tr, s_te = vec.fit_transform(d_tr).tocsr(), vec.transform(d_te).tocsr()
    mean, std = x_tr.mean(0), x_tr.std(0) + 1e-6
    for name, a, b in (("sparse", s_tr, s_te),
                       ("sparse+tensor", sp.hstack([s_tr, (x_tr - mean) / std]), sp.hstack([s_te, (x_te - mean) / std]))):
        a, b = _csr32(a), _csr32(b)
        model = LogisticRegression(C=1.0, solver="liblinear", random_state=0, fit_intercept=False, max_iter=1000)
        p = model.fit(a, y_tr).predict_proba(b)[:, 1]
        pred = p >= threshold
        f1 = 2 * (pred & (y_te == 1)).sum() / (pred.sum() + y_te.sum())
        print(f"{name:14} candidates {len(y_te)}  AUC {roc_auc_score(y_te, p):.4f}  F1@{threshold} {f1:.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--dense", action="store_true", help="also compare sparse and sparse+tensor classifiers")
    args = ap.parse_args(argv)
    split = Path(args.data) / "polnear" / args.split
    ceiling(split)
    if args.dense:
        dense_check(Path(args.data) / "polnear" / "train", split, load_cue_model().threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
