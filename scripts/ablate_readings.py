"""What each reading of the events stage contributes: the gold-events and AW figures
with every reading on, then with each one turned off in turn, dev beside sealed.

    python scripts/ablate_readings.py ../shared/data [--only NAME ...] [--tsv out.tsv]

A reading *pays* when turning it off lowers a sealed figure; the issue's rule is
that readings which do not pay on the sealed split are removed, and a reading
that pays on dev only is fitting.  Sealed figures are read here as totals only:
no sealed error is printed.

The texts are parsed once and each run codes copies of the parsed documents
(spaCy's ``Doc.to_bytes``), so a run costs the coding stages, not the parser;
the first two runs (parsed afresh and from copies) must give the same figures,
which the script checks.  PLV and GSR type accuracy are the events suite's
(5-fold, fold models trained once; needs the ``train`` extra), the other
figures the gold-events and AW suites'.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from collections import Counter

from newsevents.coding.base import Analysis
from newsevents.coding.events.events import EventStage
from newsevents.coding.events.readings import registry
from newsevents.config import Settings
from newsevents.evaluate.aw import AW, AwSuite, coding_pipeline
from newsevents.evaluate.events_data import read_aw
from newsevents.evaluate.events import C, GSR, K, NONE, PLV, SEED, fold_of, gold_features, match_event
from newsevents.evaluate.events_data import coarse, read_gsr, read_plv
from newsevents.evaluate.gold_events import GoldEventsSuite
from newsevents.evaluate.gold_events_data import read_gold_events
from newsevents.evaluate.splits import load_split
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Document
from newsevents.training import fit_event_type

#: (suite, metric, higher is better) of the table
FIGURES = (
    ("gold-events", "detection_precision", True), ("gold-events", "detection_f1", True),
    ("gold-events", "typed_f1", True), ("gold-events", "full_precision", True),
    ("gold-events", "full_f1", True), ("gold-events", "quiet_nonpolitical", True),
    ("aw", "balanced_accuracy", True), ("aw", "false_positive_rate", False),
    ("events", "plv_type_accuracy", True), ("events", "gsr_type_accuracy", True),
)


class ParsedOnce:
    """A spaCy pipeline stand-in that parses each text once and hands out copies."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.cache: dict[str, bytes] = {}

    def _doc(self, text: str):
        from spacy.tokens import Doc

        if text not in self.cache:
            self.cache[text] = self.nlp(text).to_bytes()
        return Doc(self.nlp.vocab).from_bytes(self.cache[text])

    def __call__(self, text: str):
        return self._doc(text)

    def pipe(self, texts, batch_size: int = 8):
        return [self._doc(t) for t in texts]

    def __getattr__(self, name: str):
        return getattr(self.nlp, name)


class TypedDyads:
    """PLV and GSR as the events suite scores them (5-fold, the other set always in
    training), with the fold models trained and the actors and attribution stages run
    once, so that each ablation costs the events stage alone."""

    def __init__(self, data: Path, pipe: Pipeline) -> None:
        plv, gsr = read_plv(data / PLV), read_gsr(data / GSR)
        self.sets = {}
        for name, test, extra, split in (("plv", plv, gsr, "plv"), ("gsr", gsr, plv, "gsr")):
            docs = list(pipe.nlp.pipe([d.text for d in test], batch_size=64))
            feats = [gold_features(doc, d) for doc, d in zip(docs, test)]
            extra_feats = [gold_features(doc, d) for doc, d in zip(pipe.nlp.pipe([d.text for d in extra]), extra)]
            folds = fold_of(test, K)
            models = [fit_event_type([feats[i] for i, f in enumerate(folds) if f != k] + extra_feats,
                          [coarse(test[i].label) for i, f in enumerate(folds) if f != k]
                          + [coarse(d.label) for d in extra], c=C, seed=SEED) for k in range(K)]
            analyses = []
            for dyad, doc in zip(test, docs):
                analysis = Analysis(article=Article(id=dyad.id, source=dyad.id, text=dyad.text), doc=doc)
                for stage in (s for s in pipe.stages if s.name in ("actors", "attribution")):
                    stage(analysis)
                analyses.append(analysis)
            parts = load_split(split)
            self.sets[name] = (test, folds, models, analyses, [parts.part(d.group) for d in test])

    def accuracy(self, off: frozenset[str]) -> dict[tuple[str, str], float]:
        out = {}
        for name, (test, folds, models, analyses, parts) in self.sets.items():
            stages = [EventStage(model=m, readings_off=off) for m in models]
            right = {"dev": [0, 0], "sealed": [0, 0]}
            for dyad, fold, analysis, part in zip(test, folds, analyses, parts):
                analysis.events.clear()
                analysis.rejected.clear()
                stages[fold](analysis)
                ev = match_event(analysis, dyad)
                right[part][0] += coarse(dyad.label) == (coarse(ev.type) if ev else NONE)
                right[part][1] += 1
            for part, (k, n) in right.items():
                out[(f"{name}_type_accuracy", part)] = k / max(n, 1)
        return out


def _decided(analysis) -> list[str]:
    """The readings that decided something in one coded text (rejections and retypes)."""
    if not isinstance(analysis, Analysis):  # skipped or failed: nothing was decided
        return []
    return [r.reading for r in analysis.rejected] + [n for e in analysis.events for n in e.readings]


def fires(data: Path, pipe: Pipeline, typed: TypedDyads) -> dict[str, Counter]:
    """How often each reading decides, per data set and part (counts only, no errors)."""
    out: dict[str, Counter] = {}
    docs = read_gold_events(data)
    split = load_split("gold-events")
    items = [Document(source=d.id, content=d.text, id=d.id, published=d.published) for d in docs]
    for d, analysis in zip(docs, pipe.analyse(items)):
        out.setdefault(f"gold_{split.part(d.id)}", Counter()).update(_decided(analysis))
    aw, aw_split = read_aw(data / AW), load_split("aw")
    part_of = {d.text: aw_split.part(d.group) for d in aw}
    texts = list(part_of)
    for text, analysis in zip(texts, coding_pipeline(pipe).analyse(texts)):
        out.setdefault(f"aw_{part_of[text]}", Counter()).update(_decided(analysis))
    for name, (test, folds, models, analyses, parts) in typed.sets.items():
        stages = [EventStage(model=m) for m in models]
        for fold, analysis, part in zip(folds, analyses, parts):
            analysis.events.clear()
            analysis.rejected.clear()
            stages[fold](analysis)
            out.setdefault(f"{name}_{part}", Counter()).update(_decided(analysis))
    return out


def figures(data: Path, nlp, off: frozenset[str], typed: TypedDyads | None = None) -> dict[tuple[str, str], float]:
    """The table's figures (dev and sealed) of one run."""
    pipe = Pipeline(Settings(readings_off=off), nlp=nlp)
    scores = GoldEventsSuite(rounds=0).run(data, pipe) + AwSuite(rounds=0).run(data, pipe)
    values = {(s.suite, s.metric): s.value for s in scores}
    extra = typed.accuracy(off) if typed is not None else {}
    out = {}
    for suite, metric, _ in FIGURES:
        for part in ("dev", "sealed"):
            key = (suite, f"{part}_{metric}") if suite == "gold-events" else (suite, f"{metric}_{part}")
            out[(metric, part)] = extra.get((metric, part), values.get(key, float("nan")))
    return out


def _row(name: str, figs: dict, base: dict | None) -> str:
    cells = []
    for _, metric, _ in FIGURES:
        for part in ("dev", "sealed"):
            v = figs[(metric, part)]
            cells.append(f"{v:.3f}" if base is None else f"{v - base[(metric, part)]:+.3f}")
    return "\t".join([name, *cells])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--only", nargs="*", default=None, help="ablate these readings only")
    parser.add_argument("--together", action="store_true",
                        help="turn the --only readings off together, in one run")
    parser.add_argument("--fires", action="store_true",
                        help="only count how often each reading decides, per set and part")
    parser.add_argument("--tsv", type=Path, help="also write the table here")
    args = parser.parse_args(argv)
    names = args.only or [r.name for r in registry()]
    pipe = Pipeline()
    nlp = pipe.nlp
    typed = TypedDyads(args.data, pipe)
    if args.fires:
        counts = fires(args.data, pipe, typed)
        columns = sorted(counts)
        print("\t".join(["reading", *columns]))
        for name in names:
            print("\t".join([name, *(str(counts[c][name]) for c in columns)]))
        return 0
    base = figures(args.data, nlp, frozenset(), typed)
    cached = ParsedOnce(nlp)
    if figures(args.data, cached, frozenset(), typed) != base:
        print("parsed copies do not reproduce the figures of a fresh parse", file=sys.stderr)
        return 1
    header = "\t".join(["reading off", *(f"{m}_{p}" for _, m, _ in FIGURES for p in ("dev", "sealed"))])
    lines = [header, _row("(all on)", base, None)]
    print(lines[0], lines[1], sep="\n", flush=True)
    runs = [("+".join(names), frozenset(names))] if args.together else [(n, frozenset({n})) for n in names]
    for label, off in runs:
        lines.append(_row(label, figures(args.data, cached, off, typed), base))
        print(lines[-1], flush=True)
    if args.tsv:
        args.tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
