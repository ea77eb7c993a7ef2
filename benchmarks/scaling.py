"""Scaling benchmark: the Dask engine with 1 and 2 local workers vs. the plain pipeline.

Prints articles/s of

* the single-process pipeline (``Pipeline.run``) on the articles,
* the Dask engine on a LocalCluster of 1 worker and of 2 workers
  (single-threaded processes; model loading and cluster start are excluded,
  as for the plain pipeline),

and the machine's own ceiling for two processes: two plain pipelines in a
``multiprocessing`` pool sharing the same batches without Dask.  Then the
speed-up of 2 workers over 1 (and of the 2-process pool over one plain
process, which says how much of a shortfall is the machine's and how much is
Dask's), the Dask overhead at one worker (in
wall time, and in CPU time summed over client, scheduler and workers, which
other jobs on the machine disturb much less), the memory of each worker
process, and the machine load before and after (other jobs on the same cores
lower the wall-clock figures: rerun on a quiet machine).

    .venv/bin/python benchmarks/scaling.py [PATHS ...] [--repeat N] [--rounds R] [--batch-size B]

Default articles: ../shared/data/polnear/dev/text (84 US political news articles).
Targets on a 2-core machine: 2 workers >= 1.7x one; overhead < 10% at one worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("NEWSEVENTS_DATA", REPO / ".." / "shared" / "data"))


def _rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB (Linux).

    The peak is VmHWM of /proc, not ru_maxrss: the latter keeps the RSS of
    the parent a worker process was forked from.
    """
    fields = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            fields[key] = value.split()
    return int(fields["VmRSS"][0]) / 1024, int(fields["VmHWM"][0]) / 1024


def _cpu_s() -> float:
    """CPU seconds (user + system) used so far by this process, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _load_items(paths: list[str], repeat: int) -> list:
    from newsevents.ingest import read_paths

    items = list(read_paths(paths))
    return items * repeat


def plain_pipeline():
    """The single-process pipeline, loaded and warmed outside the timings."""
    from newsevents.pipeline import Pipeline

    pipe = Pipeline()
    pipe.nlp, pipe.stages  # noqa: B018 - load outside the timing
    return pipe


def run_plain(pipe, items: list) -> tuple[float, float]:
    """(wall s, CPU s) of the single-process pipeline over ``items``."""
    list(pipe.run(items[:2]))  # warm-up (lazy caches)
    start, cpu = time.perf_counter(), _cpu_s()
    n = sum(1 for _ in pipe.run(items))
    assert n == len(items)
    return time.perf_counter() - start, _cpu_s() - cpu


_POOL_PIPE = None


def _pool_init() -> None:
    """Load and warm a pipeline in a pool process the way a Dask worker does."""
    global _POOL_PIPE
    from newsevents.config import Settings
    from newsevents.distributed.worker import get_pipeline

    _POOL_PIPE = get_pipeline(Settings())


def _pool_batch(batch: list) -> int:
    return sum(1 for _ in _POOL_PIPE.run(batch))


def _proc_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of another process, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_pool(stack: ExitStack, processes: int):
    """A ``multiprocessing`` pool of plain pipelines (no Dask), loaded and warmed."""
    import multiprocessing

    pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(processes, _pool_init))
    pool.map(_pool_batch, [[] for _ in range(processes)])  # wait until every process has loaded
    return pool


def run_pool(pool, items: list, batch_size: int) -> tuple[float, float]:
    """(wall s, CPU s of the pool's processes): batches handed out as processes free up."""
    pids = [proc.pid for proc in pool._pool]  # noqa: SLF001 - only to read their CPU time
    before = sum(_proc_cpu_s(pid) for pid in pids)
    batches = [items[i:i + batch_size] for i in range(0, len(items), batch_size)]
    start = time.perf_counter()
    n = sum(pool.imap_unordered(_pool_batch, batches, chunksize=1))
    seconds = time.perf_counter() - start
    assert n == len(items)
    return seconds, sum(_proc_cpu_s(pid) for pid in pids) - before


def start_cluster(stack: ExitStack, workers: int):
    """A LocalCluster client of ``workers`` processes with the pipeline loaded, kept for all rounds."""
    from newsevents.config import Settings
    from newsevents.distributed.engine import connect
    from newsevents.distributed.worker import PipelinePlugin

    client = stack.enter_context(connect(workers=workers))
    client.register_plugin(PipelinePlugin(Settings()), name=PipelinePlugin.name)
    return client


def run_dask(client, items: list, batch_size: int) -> tuple[float, float, list]:
    """(wall s, CPU s of client + scheduler + workers, [(RSS, peak RSS) MB per worker])."""
    from newsevents.config import Settings
    from newsevents.distributed.engine import run_batches

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        before = client.run(_cpu_s)
        start, cpu = time.perf_counter(), _cpu_s()
        summary = run_batches(client, iter(items), settings, Path(tmp) / "shards", batch_size)
        seconds, cpu = time.perf_counter() - start, _cpu_s() - cpu
        after = client.run(_cpu_s)
        assert summary.read == len(items), summary
        cpu += sum(after[w] - before[w] for w in after if w in before)
        memory = list(client.run(_rss_mb).values())
    return seconds, cpu, memory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*",
                        default=[str(DEFAULT_DATA / "polnear" / "dev" / "text")])
    parser.add_argument("--repeat", type=int, default=1, help="use the articles N times")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternate plain and Dask runs N times and report medians")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="documents per Dask task (default: the engine's)")
    args = parser.parse_args(argv)
    if not all(Path(p).exists() for p in args.paths):
        print(f"articles not found: {args.paths}", file=sys.stderr)
        return 2
    from newsevents.distributed.engine import DEFAULT_BATCH

    batch = args.batch_size or DEFAULT_BATCH
    items = _load_items(args.paths, args.repeat)
    words = sum(len(getattr(i, "content", "").split()) for i in items)
    load_before = os.getloadavg()
    print(f"{len(items)} articles, {words} words; {os.cpu_count()} cores; "
          f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")

    # Rounds alternate the plain run and each Dask configuration, so that a slow
    # spell of the machine (a shared host drifts by 10-20% from minute to minute)
    # hits both sides; the figures are medians over the rounds.  The plain
    # pipeline and the clusters live through all rounds: both sides warm their
    # caches alike (a fresh cluster per round against a warm plain process
    # counted cold caches as Dask overhead).
    stack = ExitStack()
    pipe = plain_pipeline()
    clients = {n: start_cluster(stack, n) for n in (1, 2)}
    pool = start_pool(stack, 2)
    plains, plain_cpus, pools = [], [], []
    results: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    for r in range(args.rounds):
        plain, plain_cpu = run_plain(pipe, items)
        plains.append(plain)
        plain_cpus.append(plain_cpu)
        print(f"round {r + 1}: plain pipeline, 1 process : {len(items) / plain:7.2f} articles/s  "
              f"({plain:.1f} s wall, {plain_cpu:.1f} s CPU)")
        pool_s, pool_cpu = run_pool(pool, items, batch)
        pools.append(pool_s)
        print(f"round {r + 1}: plain pipeline, 2 processes: {len(items) / pool_s:7.2f} articles/s  "
              f"({pool_s:.1f} s wall, {pool_cpu:.1f} s CPU; no Dask, same batches)")
        for n in (1, 2):
            seconds, cpu, memory = run_dask(clients[n], items, batch)
            results[n].append(seconds)
            cpus[n].append(cpu)
            mem = ", ".join(f"{cur:.0f} MB (peak {peak:.0f})" for cur, peak in memory)
            print(f"round {r + 1}: dask, {n} worker{'s' if n > 1 else ' '}          : "
                  f"{len(items) / seconds:7.2f} articles/s  ({seconds:.1f} s wall, {cpu:.1f} s CPU; "
                  f"batch {batch}); RSS per worker: {mem}")
    med = statistics.median
    speedups = [one / two for one, two in zip(results[1], results[2])]
    overheads = [one / plain - 1 for one, plain in zip(results[1], plains)]
    cpu_overheads = [one / plain - 1 for one, plain in zip(cpus[1], plain_cpus)]
    print(f"speed-up 2 workers / 1    : {med(speedups):.2f}x median of {args.rounds} "
          f"({', '.join(f'{x:.2f}' for x in speedups)})   (target >= 1.7x)")
    pool_speedups = [plain / two for plain, two in zip(plains, pools)]
    print(f"the machine's ceiling     : {med(pool_speedups):.2f}x median "
          f"({', '.join(f'{x:.2f}' for x in pool_speedups)}): 2 plain processes / 1, no Dask")
    print(f"dask overhead at 1 worker : {med(overheads) * 100:+.1f}% wall median "
          f"({', '.join(f'{x * 100:+.1f}' for x in overheads)})  (target < 10%); "
          f"{med(cpu_overheads) * 100:+.1f}% CPU (client, scheduler and worker)")
    stack.close()
    load_after = os.getloadavg()
    print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} "
          "(other jobs on these cores lower the figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
