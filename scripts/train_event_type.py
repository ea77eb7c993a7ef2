"""Train the event-type classifier on PLV train + PLOVER GSR and save its weights.

Usage::

    .venv/bin/python scripts/train_event_type.py [--data ../shared/data] [--cv] [--out PATH]

The model also learns a ``NONE`` class from the pool of non-event clauses
that ``scripts/train_event_trigger.py`` mines (run that first when the
lexicon or the actor stage changes).  ``--cv`` prints 5-fold cross-validated accuracy and macro-F1 on PLV (GSR is
always part of the training folds) before training the final model on all
of it.  Deterministic: fixed fold assignment and solver seed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsevents.coding.events.type_model import EventTypeModel, default_path  # noqa: E402
from newsevents.training import fit_event_type  # noqa: E402
from newsevents.evaluate.events import C, SEED, fold_of, gold_features  # noqa: E402
from newsevents.evaluate.events_data import GoldDyad, coarse, read_gsr, read_plv  # noqa: E402


def featurize(dyads: list[GoldDyad], nlp) -> list[dict[str, float]]:
    """Parse each sentence and compute the classifier features of its gold dyad."""
    docs = nlp.pipe([d.text for d in dyads], batch_size=64)
    return [gold_features(doc, dyad) for dyad, doc in zip(dyads, docs)]


def folds(dyads: list[GoldDyad], k: int = 5) -> list[int]:
    """Deterministic fold of each dyad (the same folds as the evaluation suite)."""
    return fold_of(dyads, k)


def cross_validate(plv_x, plv_y, gsr_x, gsr_y, fold_ids, c: float = C) -> tuple[float, float, list[str]]:
    """5-fold CV on PLV (GSR always in training): accuracy, macro-F1, predictions."""
    from sklearn.metrics import accuracy_score, f1_score

    preds = [""] * len(plv_y)
    for k in sorted(set(fold_ids)):
        tr = [i for i, f in enumerate(fold_ids) if f != k]
        te = [i for i, f in enumerate(fold_ids) if f == k]
        model = fit_event_type([plv_x[i] for i in tr] + gsr_x, [plv_y[i] for i in tr] + gsr_y, c=c, seed=SEED)
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
    model: EventTypeModel = fit_event_type(plv_x + gsr_x, plv_y + gsr_y, c=args.c, seed=SEED)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model.vocab)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
