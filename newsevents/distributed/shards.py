"""Parquet shards: the results of distributed coding, keyed by content hash.

A shard holds one row per input document: key columns, and the document's
``newsevents/1`` contract record as a JSON string.  Both the row key and the
shard's file name are derived from content hashes, so a retried task writes
the same file again (atomically, via a temporary name and ``os.replace``)
instead of adding a duplicate, and a killed writer leaves no half-written
``.parquet`` file behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..contract import from_json, to_json
from ..errors import UsageError
from ..records import ArticleResult, Item, Outcome, Skipped

log = logging.getLogger(__name__)

SHARD_GLOB = "part-*.parquet"



def item_key(item: Item) -> str:
    """The content hash of one input: the same input always gets the same key.

    It is the store's ledger key (:func:`newsevents.store.ledger.input_key`),
    so merged shards and serial runs agree on what has been done.
    """
    from ..store.ledger import input_key

    return input_key(item)


def batch_name(keys: Iterable[str]) -> str:
    """The shard file name of a batch: a hash of its documents' keys."""
    h = hashlib.sha256()
    for key in keys:
        h.update(key.encode())
    return f"part-{h.hexdigest()[:24]}.parquet"


def _schema():
    import pyarrow as pa

    return pa.schema([
        ("key", pa.string()), ("seq", pa.int64()), ("source", pa.string()),
        ("id", pa.string()), ("kind", pa.string()), ("reason", pa.string()),
        ("published", pa.string()), ("n_events", pa.int32()), ("record", pa.string()),
    ])


def _row(key: str, seq: int, outcome: Outcome) -> dict:
    if isinstance(outcome, ArticleResult):
        art = outcome.article
        return {"key": key, "seq": seq, "source": art.source, "id": art.id, "kind": "result",
                "reason": None, "published": art.published.isoformat() if art.published else None,
                "n_events": len(outcome.events),
                "record": json.dumps(to_json(outcome), ensure_ascii=False)}
    reason = outcome.reason if isinstance(outcome, Skipped) else outcome.kind
    return {"key": key, "seq": seq, "source": outcome.source, "id": outcome.id,
            "kind": "skipped" if isinstance(outcome, Skipped) else "failed", "reason": reason,
            "published": None, "n_events": 0,
            "record": json.dumps(to_json(outcome), ensure_ascii=False)}


def write_shard(folder: str | Path, rows: list[tuple[str, int, Outcome]]) -> Path:
    """Write ``(key, seq, outcome)`` rows as one shard in ``folder``; return its path.

    The name comes from the keys, so writing the same batch twice replaces
    the first file.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / batch_name(k for k, _, _ in rows)
    table = pa.Table.from_pylist([_row(k, s, o) for k, s, o in rows], schema=_schema())
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)  # atomic: readers see the old shard or the new one, never half
    return path


def shard_files(folder: str | Path) -> list[Path]:
    """The shard files of a folder, in a stable order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"not a shard folder: {folder}")
    return sorted(folder.glob(SHARD_GLOB))


@dataclass(frozen=True, slots=True)
class ShardRow:
    """One row of a shard, with its outcome rebuilt from the contract record."""

    key: str
    seq: int
    outcome: Outcome


def _kinds(folder: str | Path) -> dict[str, str]:
    """``{key: kind}`` over a shard folder, a coded or skipped row winning over a failed one.

    A failed input is tried again by the next run (:func:`~newsevents.store.ledger.pending`),
    which may write its new outcome to another shard than the failure.
    """
    import pyarrow.parquet as pq

    seen: dict[str, str] = {}
    for path in shard_files(folder):
        table = pq.read_table(path, columns=["key", "kind"])
        for key, kind in zip(table.column("key").to_pylist(), table.column("kind").to_pylist()):
            if seen.get(key, "failed") == "failed":
                seen[key] = kind
    return seen


def read_shards(folder: str | Path) -> Iterator[ShardRow]:
    """Every distinct document of a shard folder, one shard at a time.

    A key seen twice (the same document in two batches, or a failure tried
    again) is yielded once, its coded or skipped outcome before a failure;
    only the keys and their kinds are kept in memory, not the records.
    """
    import pyarrow.parquet as pq

    best = _kinds(folder)
    seen: set[str] = set()
    for path in shard_files(folder):
        for rec in sorted(pq.read_table(path).to_pylist(), key=lambda r: r["seq"]):
            if rec["key"] in seen or rec["kind"] != best[rec["key"]]:
                continue
            seen.add(rec["key"])
            yield ShardRow(rec["key"], rec["seq"], from_json(json.loads(rec["record"])))


def count_shards(folder: str | Path) -> dict[str, int]:
    """Distinct documents per kind (``result``/``skipped``/``failed``) in a shard folder."""
    counts = {"result": 0, "skipped": 0, "failed": 0}
    for kind in _kinds(folder).values():
        counts[kind] = counts.get(kind, 0) + 1
    return counts
