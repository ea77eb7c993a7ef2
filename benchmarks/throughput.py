"""Throughput of ``extract`` against a bare ``nlp.pipe`` of the same model.

Usage: python benchmarks/throughput.py [TEXT_DIR] [--limit N] [--repeat R]

Prints articles/s and words/s for (1) the bare spaCy pipeline and (2) the
whole newsevents pipeline (cleaning, parsing, coding, serialising to JSON),
the ratio between them, the share of time spent in each coding stage, and the
peak RSS of the process.  Default texts: ../shared/data/polnear/dev/text.
Target (issue 2): end-to-end >= 80% of the bare parse; peak RSS < 600 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.contract import to_json  # noqa: E402
from newsevents.pipeline import Pipeline  # noqa: E402
from newsevents.records import Document  # noqa: E402


class TimedStage:
    """Wraps a stage and adds up the time it takes."""

    def __init__(self, stage, totals):
        self.stage, self.totals, self.name = stage, totals, stage.name

    def __call__(self, analysis):
        t = time.perf_counter()
        self.stage(analysis)
        self.totals[self.name] += time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", nargs="?", default=str(ROOT.parent / "shared/data/polnear/dev/text"))
    ap.add_argument("--limit", type=int, default=84)
    ap.add_argument("--repeat", type=int, default=2, help="best of R runs")
    args = ap.parse_args()
    files = sorted(Path(args.texts).glob("*.txt"))[: args.limit]
    if not files:
        sys.exit(f"no .txt files in {args.texts}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    pipe = Pipeline()
    nlp = pipe.nlp
    totals: dict[str, float] = defaultdict(float)
    pipe._stages = [TimedStage(s, totals) for s in pipe.stages]
    list(nlp.pipe(texts[:4]))  # warm up both paths (lazy loads, caches)
    list(pipe.run([Document(source="w", content=t) for t in texts[:4]]))

    bare, full = float("inf"), float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=pipe.settings.batch_size):
            pass
        bare = min(bare, time.perf_counter() - t)
        totals.clear()
        t = time.perf_counter()
        for outcome in pipe.run(Document(source=str(f), content=x) for f, x in zip(files, texts)):
            json.dumps(to_json(outcome))
        full = min(full, time.perf_counter() - t)
    n = len(texts)
    print(f"texts: {n} articles, {words} words from {args.texts}")
    print(f"bare nlp.pipe : {n / bare:7.2f} articles/s  {words / bare:9.0f} words/s")
    print(f"extract       : {n / full:7.2f} articles/s  {words / full:9.0f} words/s")
    print(f"end-to-end / bare parse: {bare / full:.1%}  (target >= 80%)")
    for name, secs in totals.items():
        print(f"  stage {name:<12} {secs:6.2f} s  ({secs / full:.1%} of end-to-end, last run)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB  (target < 600 MB)")


if __name__ == "__main__":
    main()
