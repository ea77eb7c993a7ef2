"""Train the event-type classifier on PLV train + PLOVER GSR and save its weights.

Usage::

    .venv/bin/python scripts/train_event_type.py [--data ../shared/data] [--cv] [--out PATH]

``--cv`` prints 5-fold cross-validated accuracy and macro-F1 on PLV (GSR is
always part of the training folds) before training the final model on all
of it.  Deterministic: fixed fold assignment and solver seed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsevents.coding.models.event_type import (  # noqa: E402
    EventTypeModel, clause_features, default_path, fit)
from newsevents.evaluate.events_data import GoldDyad, coarse, read_gsr, read_plv  # noqa: E402

SEED = 0
C = 32.0


def token_span(doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The token span that covers a character span (None when it covers no token)."""
    if span is None:
        return None
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    return sp.start, sp.end


def featurize(dyads: list[GoldDyad], nlp) -> list[dict[str, float]]:
    """Parse each sentence and compute the classifier features of its gold dyad."""
    out = []
    docs = nlp.pipe([d.text for d in dyads], batch_size=64)
    for dyad, doc in zip(dyads, docs):
        src = token_span(doc, dyad.sources[0]) if dyad.sources else None
        tgt = token_span(doc, dyad.targets[0]) if dyad.targets else None
        if src is None and tgt is None:
            src = (0, 1)  # no actor found in the text: anchor on the first word
        out.append(clause_features(doc, None, src, tgt))
    return out


def folds(dyads: list[GoldDyad], k: int = 5) -> list[int]:
    """Deterministic fold of each dyad: dyads of one sentence share a fold."""
    from sklearn.model_selection import StratifiedGroupKFold

    labels = [coarse(d.label) for d in dyads]
    groups = [d.group for d in dyads]
    fold_of = [0] * len(dyads)
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=SEED)
    for n, (_, test) in enumerate(splitter.split(dyads, labels, groups)):
        for i in test:
            fold_of[i] = n
    return fold_of


def cross_validate(plv_x, plv_y, gsr_x, gsr_y, fold_of, c: float = C) -> tuple[float, float, list[str]]:
    """5-fold CV on PLV (GSR always in training): accuracy, macro-F1, predictions."""
    from sklearn.metrics import accuracy_score, f1_score

    preds = [""] * len(plv_y)
    for k in sorted(set(fold_of)):
        tr = [i for i, f in enumerate(fold_of) if f != k]
        te = [i for i, f in enumerate(fold_of) if f == k]
        model = fit([plv_x[i] for i in tr] + gsr_x, [plv_y[i] for i in tr] + gsr_y, c=c, seed=SEED)
        for i, (label, _) in zip(te, model.predict([plv_x[i] for i in te])):
            preds[i] = label
    return accuracy_score(plv_y, preds), f1_score(plv_y, preds, average="macro"), preds


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=default_path())
    ap.add_argument("--cv", action="store_true", help="print 5-fold CV figures on PLV first")
    ap.add_argument("--c", type=float, default=C)
    args = ap.parse_args(argv)

    from newsevents.nlp import load
    nlp = load()
    plv = read_plv(args.data / "plv" / "PLV_train.tsv")
    gsr = read_gsr(args.data / "plover" / "PLOVER_GSR_CAMEO.json")
    plv_x, gsr_x = featurize(plv, nlp), featurize(gsr, nlp)
    plv_y, gsr_y = [coarse(d.label) for d in plv], [coarse(d.label) for d in gsr]
    if args.cv:
        acc, f1, _ = cross_validate(plv_x, plv_y, gsr_x, gsr_y, folds(plv), c=args.c)
        print(f"PLV 5-fold CV: accuracy {acc:.3f}  macro-F1 {f1:.3f}  (n={len(plv)}, C={args.c})")
    model: EventTypeModel = fit(plv_x + gsr_x, plv_y + gsr_y, c=args.c, seed=SEED)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model.vocab)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
