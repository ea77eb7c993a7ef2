"""Write every coded article of a set of inputs as JSON lines, one article per line, sorted.

The behaviour check of a refactor: run this on the commit before and after the
change and compare the two files line for line (``cmp`` or ``diff``)::

    python scripts/snapshot_results.py ../shared/data/polnear/dev/text \
        ../shared/data/article-extraction/html -o /tmp/before.jsonl

Each line is one input's outcome in the JSON contract (``newsevents.dumps``):
events, rejected events, actors, attribution, dates, places, quantities, or the
skip/failure record with its reason. The publication date is fixed so the
resolved dates do not depend on the day the script runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import newsevents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files or folders of articles")
    parser.add_argument("-o", "--out", required=True, help="the JSON lines file to write")
    args = parser.parse_args(argv)
    pipe = newsevents.Pipeline()
    lines = []
    for outcome in pipe.extract_paths(args.paths, published="2020-01-01"):
        lines.append(newsevents.dumps(outcome))
    lines.sort()
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} outcomes -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
