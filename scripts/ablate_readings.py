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
which the script checks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsevents.coding.events.readings import registry
from newsevents.config import Settings
from newsevents.evaluate.aw import AwSuite
from newsevents.evaluate.gold_events import GoldEventsSuite
from newsevents.pipeline import Pipeline

#: (suite, metric, higher is better) of the table
FIGURES = (
    ("gold-events", "detection_precision", True), ("gold-events", "detection_f1", True),
    ("gold-events", "typed_f1", True), ("gold-events", "full_precision", True),
    ("gold-events", "full_f1", True), ("gold-events", "quiet_nonpolitical", True),
    ("aw", "balanced_accuracy", True), ("aw", "false_positive_rate", False),
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


def figures(data: Path, nlp, off: frozenset[str]) -> dict[tuple[str, str], float]:
    """The table's figures (dev and sealed) of one run."""
    pipe = Pipeline(Settings(readings_off=off), nlp=nlp)
    scores = GoldEventsSuite(rounds=0).run(data, pipe) + AwSuite(rounds=0).run(data, pipe)
    values = {(s.suite, s.metric): s.value for s in scores}
    out = {}
    for suite, metric, _ in FIGURES:
        for part in ("dev", "sealed"):
            key = (suite, f"{part}_{metric}") if suite == "gold-events" else (suite, f"{metric}_{part}")
            out[(metric, part)] = values.get(key, float("nan"))
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
    parser.add_argument("--tsv", type=Path, help="also write the table here")
    args = parser.parse_args(argv)
    names = args.only or [r.name for r in registry()]
    nlp = Pipeline().nlp
    base = figures(args.data, nlp, frozenset())
    cached = ParsedOnce(nlp)
    if figures(args.data, cached, frozenset()) != base:
        print("parsed copies do not reproduce the figures of a fresh parse", file=sys.stderr)
        return 1
    header = "\t".join(["reading off", *(f"{m}_{p}" for _, m, _ in FIGURES for p in ("dev", "sealed"))])
    lines = [header, _row("(all on)", base, None)]
    print(lines[0], lines[1], sep="\n", flush=True)
    for name in names:
        lines.append(_row(name, figures(args.data, cached, frozenset({name})), base))
        print(lines[-1], flush=True)
    if args.tsv:
        args.tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
