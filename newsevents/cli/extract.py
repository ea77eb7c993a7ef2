"""`newsevents extract`: code articles and print the newsevents/1 records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..config import DEFAULT_MAX_CHARS, DEFAULT_MODEL, Settings
from ..contract import to_json
from ..errors import UsageError
from .progress import counting_progress
from .summary import format_result


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="code articles and print newsevents/1 records",
                       description="Code news articles (files, directories, JSONL, HTML, - for "
                                   "stdin) and print one record per document to stdout.")
    add_input_arguments(p)
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="skip documents with more text than this (default %(default)s)")
    p.set_defaults(func=run)


def add_input_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of every command that codes documents (extract, ingest)."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, URL or - (stdin)")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for documents that do not carry one")
    p.add_argument("--model", default=DEFAULT_MODEL, help="spaCy English pipeline to use")
    p.add_argument("--rules-only", action="store_true",
                   help="do not use the trained components, only the rules")
    p.add_argument("--fetch", action="store_true",
                   help="fetch the page of each feed item that carries no full text (http/https)")
    p.add_argument("--fetch-private", action="store_true",
                   help="let --fetch follow feed links to loopback, private and link-local "
                        "addresses (refused by default unless on the feed's own host)")


def check_paths(paths: list[str]) -> None:
    """Refuse (exit 2) paths that do not exist before any work starts."""
    for p in paths:
        if p != "-" and not p.startswith(("http://", "https://")) and not Path(p).exists():
            raise UsageError(f"no such file or directory: {p}")


def run(args: argparse.Namespace) -> int:
    from ..pipeline import Pipeline, as_date

    check_paths(args.paths)
    settings = Settings(model=args.model, max_chars=args.max_chars,
                        use_models=not args.rules_only, fetch_private=args.fetch_private)
    pipe = Pipeline(settings)
    outcomes = pipe.extract_paths(args.paths, as_date(args.published), fetch=args.fetch)
    counts = {"coded": 0, "skipped": 0, "failed": 0}
    out = sys.stdout
    first = True
    if args.format == "json":
        out.write("[")
    for outcome in counting_progress(outcomes, counts, "coding"):
        if args.format == "table":
            out.write(format_result(outcome) + "\n")
        elif args.format == "json":
            out.write(("" if first else ",") + "\n" + json.dumps(to_json(outcome), ensure_ascii=False, indent=1))
        else:
            out.write(json.dumps(to_json(outcome), ensure_ascii=False) + "\n")
        first = False
        out.flush()
    if args.format == "json":
        out.write("\n]\n")
    read = sum(counts.values())
    print(f"read {read} = coded {counts['coded']} + skipped {counts['skipped']} "
          f"+ failed {counts['failed']}", file=sys.stderr)
    return 1 if counts["failed"] else 0

