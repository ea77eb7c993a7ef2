"""The command line: each sub-command parses arguments and calls one API function.

Sub-commands live in sibling modules, each with ``register(subparsers)`` that
adds its parser and sets ``func`` to a function ``(args) -> int``.  Only this
package configures logging.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from ..errors import NewsEventsError, UsageError

# One module per group of commands; order is the order of `newsevents --help`.
COMMAND_MODULES = ("extract", "store_cmds", "query", "serve", "evaluate", "cluster")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsevents",
        description="Turn news articles into source-attributed political events.")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output on stderr (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsevents`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    # Dask sets its own loggers to INFO when imported (and in worker processes,
    # which inherit the environment): make them follow -v like ours.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", logging.getLevelName(level).lower())
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"newsevents: {exc}", file=sys.stderr)
        return 2
    except NewsEventsError as exc:
        print(f"newsevents: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
