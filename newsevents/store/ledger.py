"""The input ledger: what ``ingest`` has seen, and what became of each input.

Every input (a file, a JSON Lines record, a feed item …) gets an *input key*,
a hash of where it came from and what it holds.  The key is written to the
``ledger`` table in the same transaction as the article it produced, so after
a crash the ledger says exactly which inputs are done: a rerun skips them and
codes the rest.  Status is one of ``coded``, ``skipped`` (with a reason) or
``failed`` (with the error).

:func:`pending` is the one rule both ingest engines (serial and Dask) use to
decide what to code: an input coded or skipped before is done; an input that
*failed* before is tried again (a network error or a bug fixed since may not
recur); an input repeated within the run is coded once.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

import duckdb

from ..records import ArticleResult, Document, Failed, Item, Outcome, Skipped

_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+)$")


def normalise_source(source: str) -> tuple[str, int | None]:
    """``(source, line)`` with a file path made absolute and a ``:N`` line suffix split off.

    The same file named by a relative and by an absolute path is the same input.
    """
    path, line = source, None
    m = _LINE.match(source)
    if m and os.path.exists(m.group("path")):
        path, line = m.group("path"), int(m.group("line"))
    if not path.startswith("<") and "://" not in path and os.path.exists(path):
        path = os.path.abspath(path)
    return (f"{path}:{line}" if line is not None else path), line


def _hash(*parts: str, length: int = 32) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:length]


def input_key(item: Item) -> str:
    """The key of one input: the same input always gets the same key.

    A document is keyed by its (normalised) source, URL and content; a read
    failure or skip by its source and reason, since it has no content.
    """
    source, _ = normalise_source(item.source)
    if isinstance(item, Document):
        return _hash("doc", source, item.url or "", item.content)
    if isinstance(item, Skipped):
        return _hash("skipped", source, item.reason, item.detail)
    return _hash("failed", source, item.kind, item.message)


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFC, whitespace runs collapsed, ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_key(text: str, url: str | None) -> str:
    """The store key of an article: a hash of its normalised text and its URL."""
    # 96 bits: no collision in any realistic corpus, and short keys keep joins fast
    return _hash("article", normalise_text(text), url or "", length=24)


def ledger_row(key: str, source: str, outcome: Outcome, article_id: str | None,
               new_article: bool, run_id: str) -> dict:
    """The ledger row of one input and its outcome."""
    src, line = normalise_source(source)
    status, reason, error = "coded", None, None
    if isinstance(outcome, Skipped):
        status = "skipped"
        reason = f"{outcome.reason}: {outcome.detail}" if outcome.detail else outcome.reason
    elif isinstance(outcome, Failed):
        status, reason, error = "failed", outcome.kind, outcome.message
    elif not isinstance(outcome, ArticleResult):  # pragma: no cover - defensive
        raise TypeError(f"not an outcome: {type(outcome).__name__}")
    return {"input_key": key, "source": src, "line": line, "status": status,
            "reason": reason, "error": error, "article_id": article_id,
            "new_article": new_article, "run_id": run_id}


def ledger_status(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, str]:
    """``{key: status}`` for the ``keys`` already in the ledger."""
    if not keys:
        return {}
    import pyarrow as pa

    probe = pa.table({"k": pa.array(keys, pa.string())})
    con.register("_probe_keys", probe)
    try:
        rows = con.execute("SELECT l.input_key, min(l.status) FROM ledger l "
                           "JOIN _probe_keys p ON l.input_key = p.k GROUP BY 1").fetchall()
    finally:
        con.unregister("_probe_keys")
    return dict(rows)


@dataclass(frozen=True, slots=True)
class Pending:
    """What :func:`pending` found for a chunk of inputs.

    ``todo`` holds ``(input key, item)`` of the inputs to code, in input
    order; ``done`` counts the others by the status they count as (their
    recorded status; ``coded`` for a repeat within the run).
    """

    todo: list[tuple[str, Item]] = field(default_factory=list)
    done: Counter = field(default_factory=Counter)

    @property
    def already(self) -> int:
        """Inputs not coded again."""
        return sum(self.done.values())


def pending(con: duckdb.DuckDBPyConnection, items: Iterable[Item],
            seen: set[str] | None = None) -> Pending:
    """Which of ``items`` still need coding, by the ledger of the store ``con``.

    Coded and skipped inputs are done; failed ones are retried.  ``seen``
    (updated here) carries the keys already planned across chunks, when the
    caller plans ahead of writing (the Dask engine merges only at the end).
    """
    items = list(items)
    keys = [input_key(x) for x in items]
    known = {k: s for k, s in ledger_status(con, keys).items() if s != "failed"}
    seen = set() if seen is None else seen
    found = Pending()
    for key, item in zip(keys, items):
        if key in known or key in seen:
            found.done[known.get(key) or "coded"] += 1
            continue
        seen.add(key)
        found.todo.append((key, item))
    return found


def ledger_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Inputs per status (coded, skipped, failed; zeros included)."""
    counts = dict.fromkeys(("coded", "skipped", "failed"), 0)
    for status, n in con.execute("SELECT status, count(*) FROM ledger GROUP BY status").fetchall():
        counts[status] = int(n)
    return counts


def ledger_reasons(con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[dict]:
    """The most frequent skip reasons and failure kinds, with counts."""
    rows = con.execute(
        "SELECT status, split_part(coalesce(reason, ''), ':', 1) AS why, count(*) AS n "
        "FROM ledger WHERE status <> 'coded' GROUP BY ALL ORDER BY n DESC, why LIMIT ?",
        [limit]).fetchall()
    return [{"status": s, "reason": w, "count": int(n)} for s, w, n in rows]
