"""Exports of the event store: parquet, csv, jsonl, plover, gdelt.

``export(con, fmt, out, f=None) -> int`` writes the events matching filter
``f`` (see :mod:`newsevents.store.filters`) and returns how many records it
wrote:

``parquet``  a directory partitioned by month (``month=YYYY-MM/part-0.parquet``),
             one row per event with actor lists, quantities and story counts.
``csv``      the same rows flattened (lists joined with "; ").
``jsonl``    the ``newsevents/1`` contract records of the articles that hold
             matching events (all latest articles without a filter).
``plover``   one PLOVER-style JSON record per event, plus our attribution/status.
``gdelt``    a GDELT-style TSV, one row per event, CAMEO codes from
             ``data/plover_cameo.tsv`` and story counts as NumArticles/NumSources.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import duckdb

from ..errors import UsageError
from ..store.filters import EventFilter

FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "plover", "gdelt")


@contextmanager
def text_output(out: str | Path) -> Iterator[IO[str]]:
    """A text stream for ``out`` (``-`` is stdout); the file is written via a temp name."""
    if str(out) == "-":
        yield sys.stdout
        return
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"{path} is a directory; give a file name")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        yield fh
    tmp.replace(path)  # a failed export leaves no half-written file under the real name


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path, f: EventFilter | None = None) -> int:
    """Write the events matching ``f`` in format ``fmt`` to ``out``; return the record count."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        from .tabular import write_parquet

        if str(out) == "-":
            raise UsageError("parquet is written to a directory, not stdout")
        return write_parquet(con, out, f)
    from . import gdelt, jsonl, plover, tabular

    writer = {"csv": tabular.write_csv, "jsonl": jsonl.write_jsonl,
              "plover": plover.write_plover, "gdelt": gdelt.write_gdelt}[fmt]
    with text_output(out) as fh:
        return writer(con, fh, f)


__all__ = ["FORMATS", "export"]
