"""Soak: ingest N generated articles in ONE process; print RSS and throughput per quarter.

    .venv/bin/python benchmarks/soak.py [--n 20000] [--db PATH] [--workers 1]

N defaults to $NEWSEVENTS_SOAK_N or 20000.  The articles are invented by
``tests/robustness/generate.py``.  Figures printed: RSS at the end of each
quarter, growth between the first and the last quarter, articles/s per
quarter, and the ledger accounting (read = coded + skipped + failed, distinct
keys, duplicate articles).  ``tests/robustness/test_soak.py`` asserts on the
same figures (``run_soak``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "robustness"))

from generate import write_jsonl  # noqa: E402

from newsevents.store import connect  # noqa: E402
from newsevents.store.ingest import ingest  # noqa: E402


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux /proc)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class SoakResult:
    """Per-quarter figures and the ledger accounting of one soak run."""

    n: int
    rss_mb: list[float] = field(default_factory=list)       # at the end of each quarter
    rate: list[float] = field(default_factory=list)         # articles/s within each quarter
    rss_start_mb: float = 0.0
    seconds: float = 0.0
    report: object = None
    ledger: dict = field(default_factory=dict)

    @property
    def rss_growth(self) -> float:
        """Relative RSS growth from the end of the first to the end of the last quarter."""
        return self.rss_mb[-1] / self.rss_mb[0] - 1.0

    @property
    def rate_ratio(self) -> float:
        """Throughput of the last quarter over the first."""
        return self.rate[-1] / self.rate[0]


class _Quarters:
    """on_batch callback: records time and RSS when each quarter boundary is crossed."""

    def __init__(self, n: int, verbose: bool = False) -> None:
        self.bounds = [n * q // 4 for q in (1, 2, 3, 4)]
        self.marks: list[tuple[int, float, float]] = [(0, time.monotonic(), rss_mb())]
        self.verbose = verbose

    def __call__(self, report) -> None:
        while len(self.marks) <= 4 and report.read >= self.bounds[len(self.marks) - 1]:
            self.marks.append((report.read, time.monotonic(), rss_mb()))
            if self.verbose:  # partial figures survive an interrupted long run
                (r0, t0, _), (r1, t1, rss) = self.marks[-2:]
                print(f"  quarter {len(self.marks) - 1}: read {r1}, RSS {rss:.0f} MB, "
                      f"{(r1 - r0) / max(t1 - t0, 1e-9):.1f} articles/s", flush=True)


def ledger_figures(db: Path) -> dict:
    """Ledger rows per status, distinct input keys, and duplicate stored articles."""
    con = connect(db, read_only=True)
    try:
        one = lambda sql: int(con.execute(sql).fetchall()[0][0])  # noqa: E731
        out = dict(con.execute("SELECT status, count(*) FROM ledger GROUP BY 1").fetchall())
        out["rows"] = one("SELECT count(*) FROM ledger")
        out["distinct_keys"] = one("SELECT count(DISTINCT input_key) FROM ledger")
        out["articles"] = one("SELECT count(*) FROM articles")
        out["duplicate_articles"] = one(
            "SELECT count(*) - count(DISTINCT article_id) FROM articles")
        return out
    finally:
        con.close()


def run_soak(n: int, workdir: Path, *, seed: int = 7, bad_every: int = 0,
             workers: int = 1, batch_size: int = 64, pipeline=None,
             verbose: bool = False) -> SoakResult:
    """Generate ``n`` articles, ingest them in this process, and measure each quarter.

    The model is loaded before the clock starts (``pipeline`` or a new one), so
    the first quarter measures coding, not loading.
    """
    if pipeline is None and workers == 1:
        from newsevents.config import Settings
        from newsevents.pipeline import Pipeline

        pipeline = Pipeline(Settings())
        pipeline.nlp  # noqa: B018 - loads spaCy now
        pipeline.stages  # noqa: B018
    src = write_jsonl(workdir / f"soak-{n}.jsonl", n, seed=seed, bad_every=bad_every)
    db = workdir / f"soak-{n}.duckdb"
    result = SoakResult(n=n)
    quarters = _Quarters(n, verbose)
    t0 = time.monotonic()
    result.report = ingest([src], db, workers=workers, batch_size=batch_size,
                           on_batch=quarters, build_stories=False, pipeline=pipeline)
    result.seconds = time.monotonic() - t0
    marks = quarters.marks
    result.rss_start_mb = marks[0][2]
    for (r0, t_0, _), (r1, t_1, rss) in zip(marks, marks[1:]):
        result.rss_mb.append(rss)
        result.rate.append((r1 - r0) / max(t_1 - t_0, 1e-9))
    result.ledger = ledger_figures(db)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=int(os.environ.get("NEWSEVENTS_SOAK_N", 20000)))
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--dir", type=Path, help="work directory (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.dir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        r = run_soak(args.n, workdir, workers=args.workers, batch_size=args.batch_size,
                     verbose=True)
    rep = r.report
    print(f"soak: {r.n} articles in one process, {r.seconds:.0f} s "
          f"({r.n / r.seconds:.1f} articles/s overall), workers={args.workers}")
    print(f"RSS at start {r.rss_start_mb:.0f} MB; end of quarters (MB): "
          + ", ".join(f"{x:.0f}" for x in r.rss_mb)
          + f"; growth Q1->Q4 {100 * r.rss_growth:+.1f}% (limit +10%)")
    print("articles/s per quarter: " + ", ".join(f"{x:.1f}" for x in r.rate)
          + f"; last/first {r.rate_ratio:.2f} (limit >= 0.80)")
    print(f"report: read {rep.read} = coded {rep.coded} + skipped {rep.skipped} "
          f"+ failed {rep.failed}; events written {rep.written.events}")
    print(f"ledger: {r.ledger}")


if __name__ == "__main__":
    main()
