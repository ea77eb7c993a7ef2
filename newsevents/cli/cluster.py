"""Cluster commands: ``newsevents merge`` and ``newsevents cluster job-script``.

``newsevents ingest … --engine dask`` itself lives with the other store
commands and calls :func:`newsevents.distributed.ingest`.
"""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``merge`` and ``cluster`` to the command line."""
    p = sub.add_parser("merge", help="load Parquet shards of a Dask run into the store",
                       description="Load the Parquet shards written by `ingest --engine dask` "
                                   "into a DuckDB store. Idempotent: merging again adds only "
                                   "documents not yet in the store.")
    p.add_argument("shards", metavar="SHARDS", help="the shard folder")
    p.add_argument("--db", required=True, metavar="PATH", help="the store (created if missing)")
    p.set_defaults(func=run_merge)

    c = sub.add_parser("cluster", help="HPC helpers (Slurm job script)")
    csub = c.add_subparsers(dest="cluster_command", metavar="COMMAND", required=True)
    j = csub.add_parser("job-script", help="print the Slurm batch script a cluster config "
                                           "would submit (needs no Slurm)")
    j.add_argument("config", metavar="CONFIG.yaml")
    j.set_defaults(func=run_job_script)


def run_merge(args: argparse.Namespace) -> int:
    """``newsevents merge SHARDS --db PATH``."""
    from ..distributed.merge import merge_shards

    s = merge_shards(args.shards, args.db)
    print(f"merged {s.rows} documents from {args.shards} into {args.db}: coded {s.coded} + "
          f"skipped {s.skipped} + failed {s.failed}; new in the store: {s.new_inputs} inputs, "
          f"{s.new_articles} articles, {s.new_events} events", file=sys.stderr)
    return 0


def run_job_script(args: argparse.Namespace) -> int:
    """``newsevents cluster job-script CONFIG.yaml``."""
    from ..distributed.slurm import job_script

    print(job_script(args.config), end="")
    return 0
