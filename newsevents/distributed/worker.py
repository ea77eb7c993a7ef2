"""What runs on a Dask worker: one pipeline per process, and the coding task.

Loading spaCy and the trained components takes seconds, so each worker
process keeps one :class:`~newsevents.pipeline.Pipeline` per settings in a
module-level cache.  :class:`PipelinePlugin` fills that cache when a worker
starts (and on every worker that joins later), so the first task does not pay
for the model load and a failing model load shows up at start, not mid-run.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..records import ArticleResult, Document, Failed, Skipped
from .shards import write_shard

log = logging.getLogger(__name__)

_PIPELINES: dict[Settings, object] = {}
_LOCK = threading.Lock()


_WARM_UP = (
    Document(source="<warm-up>", content="The foreign minister of Norland said on Monday that "
             "talks with Suderia would resume next week."),
    Document(source="<warm-up.html>", content_type="html", content=(
        "<html><head><title>Talks</title></head><body><article><p>Envoys of Norland and "
        "Suderia met in Kessa on Tuesday, officials said.</p></article></body></html>")),
)


def _warm_up(pipe) -> None:
    """Load spaCy, the stages and every lazy cache (language id, HTML extraction) now.

    Otherwise the first batch on each worker pays for them, which on a short
    run is most of the Dask overhead.
    """
    pipe.nlp  # noqa: B018
    pipe.stages  # noqa: B018
    for outcome in pipe.run(list(_WARM_UP)):
        if isinstance(outcome, Failed):
            log.warning("warm-up document failed on this worker: %s", outcome.message)


def get_pipeline(settings: Settings):
    """This process's pipeline for ``settings``, loaded on first use."""
    with _LOCK:
        pipe = _PIPELINES.get(settings)
        if pipe is None:
            from ..pipeline import Pipeline

            pipe = Pipeline(settings)
            _warm_up(pipe)
            _PIPELINES[settings] = pipe
        return pipe


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - dask is an optional extra
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per worker process, when the worker starts."""

    name = "newsevents-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def setup(self, worker) -> None:  # noqa: D102 - WorkerPlugin API
        import asyncio

        # Off the event loop: a model load of several seconds there would stall
        # the worker's heartbeats to the scheduler.
        await asyncio.get_running_loop().run_in_executor(None, get_pipeline, self.settings)
        stop_profiler(worker)
        _keep_large_blocks_in_heap()


#: glibc's mallopt parameter numbers (malloc.h)
_M_MMAP_THRESHOLD = -3
#: allocations above this size get their own mmap; below it they come from the heap
_MMAP_THRESHOLD = 4 * 1024 * 1024


def _keep_large_blocks_in_heap() -> None:
    """Serve spaCy's array allocations (up to 4 MiB) from the heap, not from mmap.

    Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536`` so that
    freed memory goes back to the OS.  Setting any malloc threshold turns off
    glibc's adaptive mmap threshold, which then stays at 128 KiB: every larger
    array thinc allocates and frees is an mmap/munmap pair with fresh page
    faults.  That cost a coding worker a fifth more CPU than the same pipeline
    in a plain process (benchmarks/scaling.py; 16.3 s -> 19.2 s CPU on 84
    articles).  A fixed 4 MiB mmap threshold gives the CPU back and still lets
    the small trim threshold return memory (RSS 308 MB vs 346 MB with glibc's
    defaults).  glibc only; elsewhere this does nothing.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        ok = libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
        return
    if not ok:
        log.debug("mallopt(M_MMAP_THRESHOLD) refused; keeping the allocator's settings")


def stop_profiler(worker) -> None:
    """Stop Dask's statistical profiler on a coding worker.

    It samples every thread's stack every 10 ms under the GIL; with spaCy
    holding the GIL in the task thread that cost about a fifth of a worker's
    time (benchmarks/scaling.py: overhead at 1 worker +42% -> +18%, 2 workers
    1.29x -> 1.94x the speed of 1).  The dashboard loses its profile plots.
    """
    for name in ("profile", "profile-cycle"):
        callback = getattr(worker, "periodic_callbacks", {}).pop(name, None)
        if callback is not None:
            callback.stop()


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a coding task reports back: its shard and the outcome counts."""

    shard: str
    coded: int
    skipped: int
    failed: int
    events: int


def code_batch(batch: list[tuple[str, int, Document | Skipped | Failed]], settings: Settings,
               shard_dir: str) -> BatchResult:
    """Code one batch of ``(key, seq, item)`` and write it as one shard.

    The Dask task: idempotent (same batch, same shard file), so running it
    again after a worker died replaces rather than duplicates its rows.
    """
    pipe = get_pipeline(settings)
    outcomes = list(pipe.run(item for _, _, item in batch))
    if len(outcomes) != len(batch):  # the pipeline contract: one outcome per input
        raise RuntimeError(f"pipeline returned {len(outcomes)} outcomes for {len(batch)} inputs")
    rows = [(key, seq, out) for (key, seq, _), out in zip(batch, outcomes)]
    path = write_shard(Path(shard_dir), rows)
    coded = [o for o in outcomes if isinstance(o, ArticleResult)]
    return BatchResult(
        shard=str(path), coded=len(coded),
        skipped=sum(isinstance(o, Skipped) for o in outcomes),
        failed=sum(isinstance(o, Failed) for o in outcomes),
        events=sum(len(o.events) for o in coded))
