"""`newsevents ingest` and `newsevents status`: fill the event store and report on it."""

from __future__ import annotations

import argparse
import json
import sys
import time

from ..config import Settings
from ..errors import UsageError
from .extract import add_input_arguments, check_paths

DEFAULT_DB = "newsevents.duckdb"  # same as newsevents.store.DEFAULT_DB (not imported: keeps --help fast)


def add_db_argument(p: argparse.ArgumentParser) -> None:
    """The ``--db PATH`` option shared by every store command."""
    p.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                   help="the DuckDB store file (default %(default)s)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="code articles and store them (incremental, resumable)",
                       description="Code news articles and store the results in the event "
                                   "store. Inputs already stored are skipped, so rerunning the "
                                   "same command after an interruption finishes the rest.")
    add_input_arguments(p)
    add_db_argument(p)
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="coding processes (default 1; each loads its own model)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (--engine dask)")
    p.add_argument("--cluster", choices=("local", "slurm"),
                   help="start a Dask cluster for the run (--engine dask; slurm via dask-jobqueue)")
    p.add_argument("--cluster-config", dest="cluster_config", metavar="FILE.yaml",
                   help="cluster settings for --cluster slurm (README: Running on a cluster)")
    p.add_argument("--batch-size", type=int, default=64, metavar="N",
                   help="inputs per stored batch / transaction (default %(default)s)")
    p.add_argument("--no-stories", action="store_true",
                   help="do not rebuild stories at the end (they are rebuilt when queried)")
    p.set_defaults(func=run_ingest)

    s = sub.add_parser("status", help="ledger counts and table sizes of the store")
    add_db_argument(s)
    s.add_argument("--format", choices=("table", "json"), default="table")
    s.set_defaults(func=run_status)


class _Progress:
    """A rich progress line on a terminal; a plain line every few seconds otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.bar = self.task = None
        self.last = time.monotonic()
        if self.tty:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("ingest"),
                                TextColumn("{task.completed} inputs"),
                                TextColumn("{task.fields[rate]}"),
                                TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
                                transient=True)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=None, rate="", detail="")

    def __call__(self, report) -> None:
        detail = (f"coded {report.coded} skipped {report.skipped} failed {report.failed}")
        if self.bar is not None:
            self.bar.update(self.task, completed=report.read, rate=f"{report.rate:.1f} articles/s",
                            detail=detail)
        elif time.monotonic() - self.last >= 5:
            self.last = time.monotonic()
            print(f"ingest: {report.read} inputs, {report.rate:.1f} articles/s, {detail}",
                  file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _check(args: argparse.Namespace) -> None:

    check_paths(args.paths)
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if (args.cluster or args.cluster_config) and args.engine != "dask":
        raise UsageError("--cluster needs --engine dask")


def run_ingest(args: argparse.Namespace) -> int:
    """Run an ingest and print the final count line."""
    _check(args)
    from ..pipeline import as_date

    published = as_date(args.published)
    if args.engine == "dask":
        from .. import distributed  # written for issue 6; imported only when asked for

        result = distributed.ingest(
            args.paths, db=args.db, scheduler=args.scheduler, workers=args.workers,
            published=published, cluster=args.cluster, cluster_config=args.cluster_config,
            settings=Settings(model=args.model, use_models=not args.rules_only,
                             fetch_private=args.fetch_private),
            fetch=args.fetch, build_stories=not args.no_stories)
        return _print_result(result)
    from ..store.ingest import ingest

    settings = Settings(model=args.model, use_models=not args.rules_only,
                        fetch_private=args.fetch_private)
    progress = _Progress()
    try:
        report = ingest(args.paths, args.db, published=published, settings=settings,
                        workers=args.workers, batch_size=args.batch_size, on_batch=progress,
                        build_stories=not args.no_stories, fetch=args.fetch)
    finally:
        progress.close()
    return _print_result(report)


def _print_result(report) -> int:
    """The final count line of either engine (an ``IngestReport``); 1 when inputs failed."""
    line = (f"read {report.read} = coded {report.coded} + skipped {report.skipped} "
            f"+ failed {report.failed} ({report.already} already in the store); ")
    w = report.written
    if report.shards is None:
        line += (f"stored {w.articles} new articles ({w.versions} new versions), {w.events} "
                 f"events in {report.seconds:.1f}s ({report.rate:.1f} articles/s)")
    else:
        line += f"shards in {report.shards}"
    print(line, file=sys.stderr)
    if report.failed:
        print(f"ingest: {report.retry_note()}", file=sys.stderr)
    return 1 if report.failed else 0


def run_status(args: argparse.Namespace) -> int:
    """Print ledger counts, the commonest skip/fail reasons and table sizes."""
    from ..store import open_store

    with open_store(args.db, read_only=True) as store:
        status = store.status()
    if args.format == "json":
        print(json.dumps(status, indent=1))
        return 0
    led = status["ledger"]
    print(f"store {status['path']} (schema v{status['schema_version']})")
    print(f"inputs {sum(led.values())} = coded {led['coded']} + skipped {led['skipped']} "
          f"+ failed {led['failed']}")
    for r in status["reasons"]:
        print(f"  {r['status']:8} {r['count']:7d}  {r['reason']}")
    t = status["tables"]
    print(f"articles {t['articles']} ({t['latest_articles']} latest versions), events "
          f"{t['events']}, actors {t['actors']}, attributions {t['attributions']}, "
          f"stories {t['stories']}, contradictions {t['contradictions']}"
          + (" (stale: rebuilt by the next stories query)" if status["stories_stale"] else ""))
    return 0
