"""Train the role filler (``newsevents/data/models/event_roles.npz``).

    python scripts/train_event_roles.py [DATA_DIR] [--cv] [--no-save]

Examples (never from a sealed unit, see ``newsevents/data/splits/``): for
each gold event, every actor mention of its sentence, labelled ``SOURCE``,
``TARGET`` or ``NONE``:

* PLV and the PLOVER GSR: the trigger is the predicate linking the marked
  spans (:func:`~newsevents.coding.models.event_type.find_anchor`); the
  marked spans are mentions even where the actors stage found no actor;
* ``gold-events`` dev documents: the gold trigger's head; a mention is a
  side when its name shares a word with that side's gold actors.

``--cv`` prints 5-fold cross-validated accuracy and per-role precision and
recall (folds by sentence or document).  Seeds are fixed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.coding.models.event_roles import default_path, mentions, role_features  # noqa: E402
from newsevents.coding.models.event_type import find_anchor, fit  # noqa: E402
from newsevents.evaluate.event_match import name_words  # noqa: E402
from newsevents.evaluate.events_data import read_gsr, read_plv  # noqa: E402
from newsevents.evaluate.gold_events_data import read_gold_events  # noqa: E402
from newsevents.evaluate.splits import load_split  # noqa: E402
from newsevents.pipeline import Pipeline  # noqa: E402
from newsevents.records import Document  # noqa: E402

SEED = 0
C = 2.0


def _tspan(doc, span):
    if span is None:
        return None
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (sp.start, sp.end) if sp is not None and len(sp) else None


def dyad_rows(pipe: Pipeline, data: Path) -> list[tuple[str, dict, str]]:
    plv, gsr = load_split("plv"), load_split("gsr")
    dyads = [d for d in read_plv(data / "plv" / "PLV_train.tsv") if plv.part(d.group) == "dev"]
    dyads += [d for d in read_gsr(data / "plover" / "PLOVER_GSR_CAMEO.json") if gsr.part(d.group) == "dev"]
    out = []
    for d, an in zip(dyads, pipe.analyse([d.text for d in dyads])):
        if not hasattr(an, "doc"):
            continue
        doc = an.doc
        src = _tspan(doc, d.sources[0] if d.sources else None)
        tgt = _tspan(doc, d.targets[0] if d.targets else None)
        if src is None and tgt is None:
            continue
        trigger = find_anchor(doc, src, tgt)
        spans = {(s, e): an.actors.find(a) for a, s, e in mentions(trigger.sent, an.actors)}
        for gold in (src, tgt):
            if gold is not None and not any(s < gold[1] and gold[0] < e for s, e in spans):
                spans[gold] = None
        for (s, e), actor in spans.items():
            if s <= trigger.i < e:
                continue
            label = "SOURCE" if src and s < src[1] and src[0] < e else \
                "TARGET" if tgt and s < tgt[1] and tgt[0] < e else "NONE"
            out.append((f"s{d.group}", role_features(doc, trigger, s, e, actor.kind if actor else None), label))
    return out


def _head(doc, start: int, end: int):
    toks = [t for t in doc if start <= t.idx < max(end, start + 1)]
    for pos in ("VERB", "NOUN"):
        for t in toks:
            if t.pos_ == pos:
                return t
    return toks[0] if toks else None


def gold_rows(pipe: Pipeline, data: Path) -> list[tuple[str, dict, str]]:
    split = load_split("gold-events")
    docs = [d for d in read_gold_events(data) if split.part(d.id) == "dev"]
    items = [Document(source=d.id, content=d.text, id=d.id, published=d.published) for d in docs]
    out = []
    for d, an in zip(docs, pipe.analyse(items)):
        if not hasattr(an, "doc"):
            continue
        for g in d.events:
            trigger = _head(an.doc, *g.trigger)
            if trigger is None:
                continue
            src = set().union(*(name_words(a.name) for a in g.source)) if g.source else set()
            tgt = set().union(*(name_words(a.name) for a in g.target)) if g.target else set()
            for actor_id, s, e in mentions(trigger.sent, an.actors):
                if s <= trigger.i < e:
                    continue
                actor = an.actors.find(actor_id)
                words = name_words(" ".join([actor.name, an.doc[s:e].text]))
                is_src, is_tgt = bool(words & src), bool(words & tgt)
                if is_src and is_tgt:
                    continue
                label = "SOURCE" if is_src else "TARGET" if is_tgt else "NONE"
                out.append((d.id, role_features(an.doc, trigger, s, e, actor.kind), label))
    return out


def cross_validate(rows, k: int = 5) -> None:
    from collections import Counter

    groups = sorted({r[0] for r in rows})
    fold = {g: n % k for n, g in enumerate(groups)}
    hits = Counter()
    for f in range(k):
        train = [r for r in rows if fold[r[0]] != f]
        test = [r for r in rows if fold[r[0]] == f]
        model = fit([r[1] for r in train], [r[2] for r in train], c=C, negatives=[], seed=SEED,
                    class_weight=None)
        for (label, _), r in zip(model.predict([r[1] for r in test]), test):
            hits[(r[2], label)] += 1
    total = sum(hits.values())
    print(f"{total} mentions, accuracy {sum(v for (g, p), v in hits.items() if g == p) / total:.3f}")
    for role in ("SOURCE", "TARGET"):
        tp = hits[(role, role)]
        pred = sum(v for (g, p), v in hits.items() if p == role)
        gold = sum(v for (g, p), v in hits.items() if g == role)
        print(f"  {role}: precision {tp / max(1, pred):.3f} recall {tp / max(1, gold):.3f} ({gold} gold)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--no-gold", action="store_true", help="train on PLV and GSR only")
    args = ap.parse_args()
    data = Path(args.data)
    pipe = Pipeline()
    rows_d = dyad_rows(pipe, data)
    rows_g = [] if args.no_gold else gold_rows(pipe, data)
    print(f"{len(rows_d)} PLV/GSR mentions, {len(rows_g)} gold-events mentions")
    if args.cv:
        print("PLV/GSR:")
        cross_validate(rows_d)
        print("gold-events dev:")
        cross_validate(rows_g)
        print("both:")
        cross_validate(rows_d + rows_g)
    if not args.no_save:
        rows = rows_d + rows_g
        model = fit([r[1] for r in rows], [r[2] for r in rows], c=C, negatives=[], seed=SEED,
                    class_weight=None)
        model.save(default_path())
        print(f"saved {default_path()} ({len(model.vocab)} features)")


if __name__ == "__main__":
    main()
