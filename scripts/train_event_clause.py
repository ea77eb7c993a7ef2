"""Train the clause decider (``newsevents/data/models/event_clause.npz``).

    python scripts/train_event_clause.py [DATA_DIR] [--cv] [--no-save]

Examples (never from a sealed unit, see ``newsevents/data/splits/``):

* ``gold-events`` dev documents: every candidate clause the events stage
  proposes is labelled with the type of the gold event whose trigger it
  touches in the same sentence, or ``NONE``: the in-domain data, and the
  only source of ``NONE`` examples from ordinary political news;
* PLV and the PLOVER GSR: the candidate clause that links the marked source
  and target is labelled with the gold type (other clauses of the sentence
  are left out: they are unlabelled, not non-events);
* AW: the same clause, ``NONE`` when the pair stands in no PLOVER relation,
  the mapped type for unambiguous ACE/KAIROS types.

``--cv`` prints 5-fold cross-validation over the gold-events dev documents
(the other sets always in training): candidate-level precision and recall of
"is an event" and typed accuracy at several thresholds, the figures the
stage's threshold is chosen from.  Seeds are fixed; the result is the same
on every run.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.coding.models.event_clause import decider_features, default_path  # noqa: E402
from newsevents.coding.models.event_type import NONE_LABEL, find_anchor, fit  # noqa: E402
from newsevents.evaluate.events_data import _unmark, coarse, read_gsr, read_plv  # noqa: E402
from newsevents.evaluate.gold_events_data import read_gold_events  # noqa: E402
from newsevents.evaluate.splits import load_split  # noqa: E402
from newsevents.pipeline import Pipeline  # noqa: E402
from newsevents.records import Document  # noqa: E402

SEED = 0
C = 4.0
#: ACE/KAIROS types whose PLOVER type is not in doubt
AW_TYPES = {"Conflict:Attack": "ASSAULT", "Conflict.Attack": "ASSAULT", "Life:Die": "ASSAULT",
            "Life.Die": "ASSAULT", "Life:Injure": "ASSAULT", "Life.Injure": "ASSAULT",
            "Justice:Arrest-Jail": "COERCE", "Justice.ArrestJailDetain": "COERCE",
            "Conflict:Demonstrate": "PROTEST", "Conflict.Demonstrate": "PROTEST",
            "Contact:Meet": "CONSULT", "Contact.Contact.Meet": "CONSULT"}


def _stage(pipe: Pipeline):
    return next(s for s in pipe.stages if s.name == "events")


def _touches(clause, start: int, end: int) -> bool:
    for tok in (clause.trigger, clause.verb, clause.trigger_override):
        if tok is not None and start <= tok.idx < max(end, start + 1):
            return True
    return False


def gold_event_rows(pipe: Pipeline, data: Path) -> list[tuple[str, dict, str]]:
    """(document id, features, label) of every candidate clause of the dev documents."""
    split = load_split("gold-events")
    docs = [d for d in read_gold_events(data) if split.part(d.id) == "dev"]
    items = [Document(source=d.id, content=d.text, id=d.id, published=d.published) for d in docs]
    stage, out = _stage(pipe), []
    for doc, an in zip(docs, pipe.analyse(items)):
        if not hasattr(an, "doc"):
            continue
        for clause in stage.clauses(an):
            label = NONE_LABEL
            for g in doc.events:
                if g.sentence[0] <= clause.trigger.idx < g.sentence[1] and _touches(clause, *g.trigger):
                    label = coarse(g.type)
                    break
            out.append((doc.id, decider_features(an.doc, clause, an.actors), label))
    return out


def _dyad_clause(an, src_chars, tgt_chars):
    """The candidate clause that links the marked actors, if the stage proposed it."""
    doc = an.doc

    def tspan(span):
        if span is None:
            return None
        sp = doc.char_span(span[0], span[1], alignment_mode="expand")
        return (sp.start, sp.end) if sp is not None and len(sp) else None

    src, tgt = tspan(src_chars), tspan(tgt_chars)
    if src is None and tgt is None:
        return None
    anchor = find_anchor(doc, src, tgt)
    clauses = _stage_clauses(an)
    for c in clauses:
        if c.trigger.i == anchor.i or (c.verb is not None and c.verb.i == anchor.i):
            return c
    return None


_STAGE = None


def _stage_clauses(an):
    return _STAGE.clauses(an)


def sentence_rows(pipe: Pipeline, data: Path) -> list[tuple[str, dict, str]]:
    """(unit id, features, label) from PLV, GSR and AW dev units."""
    items: list[tuple[str, str, tuple | None, tuple | None, str]] = []
    plv_split, gsr_split, aw_split = load_split("plv"), load_split("gsr"), load_split("aw")
    for d in read_plv(data / "plv" / "PLV_train.tsv"):
        if plv_split.part(d.group) == "dev":
            items.append((d.id, d.text, d.sources[0] if d.sources else None,
                          d.targets[0] if d.targets else None, coarse(d.label)))
    for d in read_gsr(data / "plover" / "PLOVER_GSR_CAMEO.json"):
        if gsr_split.part(d.group) == "dev":
            items.append((d.id, d.text, d.sources[0] if d.sources else None,
                          d.targets[0] if d.targets else None, coarse(d.label)))
    with open(data / "aw" / "AW_train.tsv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if aw_split.part(f"{r['dataset']}:{r['doc_id']}") != "dev":
                continue
            label = NONE_LABEL if r["gold_binary"] == "0" else next(
                (t for k, t in AW_TYPES.items() if r["event_type"].startswith(k)), None)
            if label is None:
                continue
            text, spans = _unmark(r["marked_sentence"])
            items.append((f"aw-{r['uid']}", text, spans.get("s"), spans.get("t"), label))
    out = []
    for (uid, _, s, t, label), an in zip(items, pipe.analyse([x[1] for x in items])):
        if not hasattr(an, "doc"):
            continue
        clause = _dyad_clause(an, s, t)
        if clause is not None:
            out.append((uid, decider_features(an.doc, clause, an.actors), label))
    return out


def cross_validate(gold_rows, extra_rows, k: int = 5) -> None:
    import numpy as np

    docs = sorted({d for d, _, _ in gold_rows})
    fold = {d: n % k for n, d in enumerate(docs)}
    probs, labels, preds = [], [], []
    for f in range(k):
        train = [r for r in gold_rows if fold[r[0]] != f] + extra_rows
        test = [r for r in gold_rows if fold[r[0]] == f]
        model = fit([r[1] for r in train], [r[2] for r in train], c=C, negatives=[], seed=SEED,
                    class_weight=None)
        for (label, prob, event), r in zip(model.predict_with_event([r[1] for r in test]), test):
            probs.append(event)
            labels.append(r[2])
            preds.append(label)
    probs = np.array(probs)
    pos = np.array([lab != NONE_LABEL for lab in labels])
    print(f"gold-events dev, {k}-fold by document: {len(labels)} clauses, {pos.sum()} events")
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        hit = probs >= th
        tp = int((hit & pos).sum())
        typed = sum(1 for h, lab, p in zip(hit, labels, preds) if h and lab == p)
        p = tp / max(1, hit.sum())
        r = tp / max(1, pos.sum())
        print(f"  p_event >= {th:.1f}: precision {p:.3f} recall {r:.3f} "
              f"typed precision {typed / max(1, hit.sum()):.3f} typed recall {typed / max(1, pos.sum()):.3f}")


def suite_cv(gold_rows, extra_rows, data: Path, k: int = 5) -> None:
    """gold-events dev figures with each document coded by a decider that never saw it."""
    from newsevents.coding.events import EventStage
    from newsevents.evaluate.event_match import Totals
    from newsevents.evaluate.gold_events import run_pipeline
    from newsevents.pipeline import default_stages

    split = load_split("gold-events")
    docs = [d for d in read_gold_events(data) if split.part(d.id) == "dev"]
    fold = {d.id: n % k for n, d in enumerate(sorted(docs, key=lambda d: d.id))}
    base = Pipeline()
    scores = []
    for f in range(k):
        train = [r for r in gold_rows if fold[r[0]] != f] + extra_rows
        model = fit([r[1] for r in train], [r[2] for r in train], c=C, negatives=[], seed=SEED,
                    class_weight=None)
        stages = [EventStage(decider=model) if s.name == "events" else s
                  for s in default_stages(base.settings)]
        pipe = Pipeline(base.settings, nlp=base.nlp, stages=stages)
        scores += run_pipeline([d for d in docs if fold[d.id] == f], pipe)
    totals = Totals(scores)
    for level in ("detection", "typed", "full"):
        p, r, f1 = totals.prf(level)
        print(f"gold-events dev ({k}-fold by document) {level}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    print(f"quiet non-political pages: {totals.quiet_share()}")


def main() -> None:
    global _STAGE
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--suite-cv", action="store_true", help="gold-events dev figures by cross-validation")
    ap.add_argument("--add", type=float, help="try another DECIDER_ADD threshold (with --suite-cv)")
    ap.add_argument("--drop", type=float, help="try another DECIDER_DROP threshold (with --suite-cv)")
    args = ap.parse_args()
    data = Path(args.data)
    pipe = Pipeline()
    _STAGE = _stage(pipe)
    gold_rows = gold_event_rows(pipe, data)
    extra_rows = sentence_rows(pipe, data)
    print(f"{len(gold_rows)} gold-events clauses, {len(extra_rows)} PLV/GSR/AW clauses")
    if args.cv:
        cross_validate(gold_rows, extra_rows)
    from newsevents.coding import events as events_stage
    events_stage.DECIDER_ADD = args.add if args.add is not None else events_stage.DECIDER_ADD
    events_stage.DECIDER_DROP = args.drop if args.drop is not None else events_stage.DECIDER_DROP
    if args.suite_cv:
        print(f"thresholds: add {events_stage.DECIDER_ADD}, drop {events_stage.DECIDER_DROP}")
        suite_cv(gold_rows, extra_rows, data)
    if not args.no_save:
        rows = gold_rows + extra_rows
        model = fit([r[1] for r in rows], [r[2] for r in rows], c=C, negatives=[], seed=SEED,
                    class_weight=None)
        model.save(default_path())
        print(f"saved {default_path()} ({len(model.vocab)} features, {len(model.labels)} classes)")


if __name__ == "__main__":
    main()
