"""Progress display for long runs: a rich bar on a terminal, log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, TypeVar

from ..records import ArticleResult, Failed, Skipped

T = TypeVar("T")


def _kind(outcome: object) -> str:
    if isinstance(outcome, Skipped):
        return "skipped"
    if isinstance(outcome, Failed):
        return "failed"
    return "coded" if isinstance(outcome, ArticleResult) else "other"


def counting_progress(outcomes: Iterable[T], counts: dict[str, int], what: str) -> Iterator[T]:
    """Yield ``outcomes`` unchanged while counting them and showing progress on stderr."""
    if sys.stderr.isatty():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"),
                      TextColumn("{task.completed} articles"), TextColumn("{task.fields[rate]}"),
                      TimeElapsedColumn(), transient=True) as bar:
            task = bar.add_task(what, total=None, rate="")
            start = time.monotonic()
            for outcome in outcomes:
                counts[_kind(outcome)] = counts.get(_kind(outcome), 0) + 1
                done = sum(counts.values())
                bar.update(task, completed=done,
                           rate=f"{done / max(time.monotonic() - start, 1e-9):.1f}/s")
                yield outcome
        return
    start, last = time.monotonic(), time.monotonic()
    for outcome in outcomes:
        counts[_kind(outcome)] = counts.get(_kind(outcome), 0) + 1
        if time.monotonic() - last > 10:
            done = sum(counts.values())
            print(f"{what}: {done} articles, {done / (time.monotonic() - start):.1f}/s",
                  file=sys.stderr, flush=True)
            last = time.monotonic()
        yield outcome
