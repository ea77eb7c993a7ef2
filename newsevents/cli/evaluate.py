"""`newsevents evaluate`: accuracy on the gold data, and the quality gate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DEFAULT_MODEL, Settings

BASELINE_COMMENT = (
    "Quality gate of `newsevents evaluate --check` (see newsevents/evaluate/gate.py): "
    "a score fails below floor - noise (above floor + noise when higher_is_better is false). "
    "Raise a floor in the commit that improves the score.")


def register(sub: argparse._SubParsersAction) -> None:
    from ..evaluate.base import SUITES

    p = sub.add_parser("evaluate", help="measure accuracy on the gold data",
                       description="Run the evaluation suites over the gold data and print a "
                                   "table of scores. Suites: " + ", ".join(SUITES) + " (default: all).")
    p.add_argument("suites", nargs="*", metavar="SUITE", help="suites to run (default: all)")
    p.add_argument("--data", metavar="DIR",
                   help="gold data directory (default: $NEWSEVENTS_DATA or ../shared/data)")
    p.add_argument("--json", metavar="OUT", help="also write all scores as JSON to OUT")
    p.add_argument("--sealed", action="store_true",
                   help="print the figures of every data set with a sealed split as dev beside sealed "
                        "(newsevents/data/splits/); the full table still goes to --json")
    p.add_argument("--check", action="store_true",
                   help="compare with the committed baseline; exit 1 when a score is below "
                        "its floor by more than its noise")
    p.add_argument("--baseline", metavar="FILE",
                   help="baseline file for --check/--write-baseline (default: the committed one)")
    p.add_argument("--write-baseline", action="store_true",
                   help="store the scores measured now in the baseline file (floors = values)")
    p.add_argument("--model", default=DEFAULT_MODEL, help="spaCy English pipeline to use")
    p.add_argument("--rules-only", action="store_true",
                   help="do not use the trained components, only the rules")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..evaluate import evaluate
    from ..evaluate import gate
    from ..pipeline import Pipeline

    if args.data and not Path(args.data).is_dir():
        raise UsageError(f"no such data directory: {args.data}")
    pipeline = Pipeline(Settings(model=args.model, use_models=not args.rules_only))
    report = evaluate(args.suites or None, args.data, pipeline=pipeline)
    print(report.side_by_side() if args.sealed else report.table())
    if args.json:
        Path(args.json).write_text(report.dumps() + "\n", encoding="utf-8")
    status = 1 if report.errors else 0
    if args.check:
        verdicts = gate.check(report, gate.load_baseline(args.baseline))
        print()
        for v in verdicts:
            print(v.describe())
        bad = gate.failed(verdicts)
        print(f"quality gate: {len(bad)} of {len(verdicts)} baseline scores failed"
              if bad else "quality gate: passed")
        status = 1 if bad or status else 0
    if args.write_baseline:
        path = Path(args.baseline) if args.baseline else gate.default_baseline_path()
        old = gate.load_baseline(path) if path.exists() else {}
        path.write_text(gate.dumps_baseline(gate.updated_baseline(report, old), BASELINE_COMMENT),
                        encoding="utf-8")
        print(f"baseline written to {path}", file=sys.stderr)
    return status
