"""Mine the pool of non-event clauses that teaches the event model its NONE class.

Usage::

    .venv/bin/python scripts/train_event_trigger.py [--data ../shared/data] [--out PATH]

PolNeAR has no event gold, so it serves only as a pool of clauses of dubious
eventhood: in its TRAIN articles (US campaign news) every candidate clause
that the events stage would have to decide by the model alone -- a verb
outside the trigger lexicon with a source and a target actor ("Trump told
Clinton", "the poll showed Sanders ahead of …"), or an ambiguous lexicon word
with one actor ("he would not release his tax returns") -- is a negative.
Some of them are events after all; the cap per verb keeps any one verb from
dominating and the classifier sees them against the PLV/GSR positives.
Only feature dictionaries are stored (``event_negatives.npz``), no text.
Deterministic: articles in name order, a fixed cap per verb and in total.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsevents.coding.base import Analysis  # noqa: E402
from newsevents.coding.events.events import EventStage, model_alone  # noqa: E402
from newsevents.coding.events.lexicon import load as load_lexicon  # noqa: E402
from newsevents.coding.events.type_model import clause_features, negatives_path, save_negatives  # noqa: E402
from newsevents.records import Article  # noqa: E402

PER_VERB = 12
TOTAL = 4000


def negatives_of(analysis: Analysis, stage: EventStage) -> list[tuple[str, dict[str, float]]]:
    """(verb lemma, features) of each out-of-lexicon two-actor clause of one article."""
    out = []
    for clause in stage.clauses(analysis):
        if clause.verb is not None or not model_alone(clause):
            continue
        src = clause.source.span if clause.source else None
        tgt = clause.target.span if clause.target else None
        out.append((clause.trigger.lemma_.lower(), clause_features(analysis.doc, None, src, tgt, load_lexicon())))
    return out


def mine(texts: list[tuple[str, str]], per_verb: int = PER_VERB, total: int = TOTAL) -> list[dict[str, float]]:
    """Run the real pre-event stages on each text and collect capped negatives."""
    from newsevents.pipeline import Pipeline

    pipe = Pipeline()
    pre = [s for s in pipe.stages if s.name in ("actors", "attribution")]
    stage = EventStage(use_model=True)
    counts: dict[str, int] = {}
    rows: list[dict[str, float]] = []
    docs = pipe.nlp.pipe([t for _, t in texts], batch_size=16)
    for (name, text), doc in zip(texts, docs):
        analysis = Analysis(article=Article(id=name, source=name, text=text), doc=doc)
        for s in pre:
            s(analysis)
        for lemma, feats in negatives_of(analysis, stage):
            if counts.get(lemma, 0) >= per_verb:
                continue
            counts[lemma] = counts.get(lemma, 0) + 1
            rows.append(feats)
        if len(rows) >= total:
            break
    return rows[:total]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=negatives_path())
    ap.add_argument("--limit", type=int, default=0, help="read only this many articles (0: all)")
    args = ap.parse_args(argv)
    files = sorted((args.data / "polnear" / "train" / "text").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    rows = mine(texts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_negatives(args.out, rows)
    print(f"saved {args.out}: {len(rows)} negative clauses from {len(texts)} articles "
          f"({args.out.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
