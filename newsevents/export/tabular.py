"""Parquet (partitioned by month) and CSV exports of the flat event rows.

The Parquet dataset is Hive-partitioned (``month=YYYY-MM/part-0.parquet``,
``month=undated`` for undated events) and its columns are
:data:`PARQUET_COLUMNS` (the partition column ``month`` comes from the
directory names: DuckDB's ``read_parquet(..., hive_partitioning=true)`` and
pandas' ``read_parquet(directory)`` both restore it).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import IO

import duckdb
import pyarrow as pa

from ..errors import UsageError
from ..store.filters import EventFilter
from .rows import event_batches

_ACTOR = "list<struct<name: string, country: string, sector: string>>"

#: The documented Parquet columns and their Arrow types, in file order (``month``
#: is the partition column).  Offsets are character offsets into the article text.
PARQUET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("eid", "int64"), ("event_id", "string"), ("article_id", "string"), ("local_id", "string"),
    ("event_date", "date32[day]"), ("month", "string"), ("type", "string"), ("mode", "string"),
    ("status", "string"), ("confidence", "double"), ("coder", "string"),
    ("source_names", "list<string>"), ("target_names", "list<string>"),
    ("attributed_names", "list<string>"), ("via_names", "list<string>"),
    ("sources", _ACTOR), ("targets", _ACTOR),
    ("quantities", "list<struct<what: string, unit: string, value: double, text: string, …>>"),
    ("trigger_text", "string"), ("trigger_start", "int32"), ("trigger_end", "int32"),
    ("evidence", "string"), ("evidence_start", "int32"), ("evidence_end", "int32"),
    ("date_text", "string"), ("date_value", "string"), ("date_precision", "string"),
    ("location_text", "string"), ("location_country", "string"), ("lat", "double"),
    ("lon", "double"), ("published", "date32[day]"), ("outlet", "string"), ("url", "string"),
    ("title", "string"), ("language", "string"), ("story_id", "string"),
    ("n_reports", "int32"), ("n_articles", "int32"), ("n_outlets", "int32"),
    ("n_sources", "int32"))

#: CSV columns, in order (list and struct columns are flattened).
CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "event_date", "month", "type", "mode", "status", "confidence",
    "source_names", "target_names", "attributed_names", "via_names", "source_countries",
    "target_countries", "quantities", "trigger_text", "evidence", "evidence_start",
    "evidence_end", "date_text", "date_value", "location_text", "location_country", "lat",
    "lon", "published", "outlet", "url", "title", "story_id", "n_articles", "n_sources")


def write_parquet(con: duckdb.DuckDBPyConnection, out: str | Path, f: EventFilter | None = None) -> int:
    """A Hive-partitioned Parquet dataset (``month=YYYY-MM``) under directory ``out``."""
    import pyarrow.dataset as ds

    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"{out} exists and is not an empty directory")
    tmp = out.with_name(f".{out.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    batches = event_batches(con, f)
    first = next(batches, None)
    counted = [0]

    def stream():
        for b in ([first] if first is not None else []):
            counted[0] += b.num_rows
            yield b
        for b in batches:
            counted[0] += b.num_rows
            yield b

    if first is not None:
        reader = pa.RecordBatchReader.from_batches(first.schema, stream())
        ds.write_dataset(reader, tmp, format="parquet",
                         partitioning=ds.partitioning(pa.schema([("month", pa.string())]),
                                                      flavor="hive"),
                         existing_data_behavior="overwrite_or_ignore",
                         basename_template="part-{i}.parquet")
    else:
        tmp.mkdir(parents=True)
    n = counted[0]
    if out.exists():
        out.rmdir()
    tmp.rename(out)
    return n


def _flat(row: dict, col: str) -> object:
    if col in ("source_countries", "target_countries"):
        side = row.get("sources" if col.startswith("source") else "targets") or []
        return "; ".join(a["country"] or "" for a in side)
    value = row.get(col)
    if col == "quantities":
        return json.dumps([{k: q[k] for k in ("what", "unit", "value")} for q in value or []])
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


def write_csv(con: duckdb.DuckDBPyConnection, fh: IO[str], f: EventFilter | None = None) -> int:
    """One CSV row per event (header first); lists are joined with "; "."""
    writer = csv.writer(fh)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for batch in event_batches(con, f, 5_000):
        for row in batch.to_pylist():
            writer.writerow([_flat(row, c) for c in CSV_COLUMNS])
            n += 1
    return n
