"""Benchmark of the event store: write throughput and query latency on synthetic data.

Generates N synthetic events (default 1M) directly as Arrow tables — not
through the pipeline — writes them with the store's batch writer, then times
the queries the CLI and the web app run, and prints the DuckDB file size and
the peak RSS.  A benchmark, not a test: it prints figures.

    .venv/bin/python benchmarks/store.py                 # 1M, then 10M events
    .venv/bin/python benchmarks/store.py --events 1000000 --stories
    .venv/bin/python benchmarks/store.py --queries-only --db /tmp/b1m.duckdb

Stories (``--stories``, 2 shared cores under a load of 3 to 6, so CPU time is
the steadier figure): full rebuild at 100k events 34.2 s wall, 17.0 s CPU (the
rebuild before session 8: 28.8 s wall, 17.2 s CPU), at 1M events 246 s wall,
185 s CPU, peak RSS 4.5 GB (before: 677 s wall, blocks of (type, doer) only);
the incremental update after two more days of news: 1,000 new events on 100k,
1.6 s wall, 0.8 s CPU; 5,000 new events on 1M, 16.0 s wall, 8.5 s CPU.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsevents.records import EVENT_TYPES, STATUSES  # noqa: E402
from newsevents.store import connect, open_store, queries  # noqa: E402
from newsevents.store.rows import ARROW_SCHEMAS  # noqa: E402

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "IRN", "ISR", "PSE", "SYR", "TUR", "GBR", "FRA", "DEU",
             "IND", "PAK", "AFG", "IRQ", "SAU", "YEM", "EGY", "LBN", "JPN", "KOR", "PRK", "TWN",
             "BRA", "MEX", "VEN", "COL", "NGA", "ETH", "SDN", "SOM", "KEN", "ZAF", "MLI", "NER",
             "POL", "BLR", "GEO", "ARM", "AZE", "SRB", "HUN", "ITA", "ESP", "CAN", "AUS", "IDN",
             "PHL", "MMR"]
NAMES = {"USA": "United States", "RUS": "Russia", "UKR": "Ukraine", "CHN": "China", "IRN": "Iran",
         "ISR": "Israel"}
SECTORS = [None, "GOV", "MIL", "REB", "CVL", "JRN", "BUS", "NGO"]
OUTLETS = [f"Outlet {i}" for i in range(40)]
START = date(2020, 1, 1)
DAYS = 5 * 365
EVENTS_PER_ARTICLE = 5


def _strings(pool: list, idx: np.ndarray) -> pa.Array:
    return pa.array(pool, pa.string()).take(pa.array(idx))


def _lists(values: pa.Array, n: int, per: int) -> pa.Array:
    offsets = pa.array(np.arange(0, n * per + 1, per, dtype=np.int32))
    return pa.ListArray.from_arrays(offsets, values)


def _empty_lists(n: int) -> pa.Array:
    return pa.ListArray.from_arrays(pa.array(np.zeros(n + 1, np.int32)), pa.array([], pa.string()))


def synthetic_batch(first_eid: int, n: int, rng: np.random.Generator,
                    day0: int | None = None) -> dict[str, pa.Table]:
    """Tables for ``n`` events (and their articles and actors), eids from ``first_eid``;
    published over five years, or on the two days from ``day0`` (news arriving later)."""
    eids = np.arange(first_eid, first_eid + n, dtype=np.int64)
    art_idx = (eids - 1) // EVENTS_PER_ARTICLE
    arts = np.unique(art_idx)
    art_ids = [f"a{i:010d}" for i in arts]
    art_of = pa.array([f"a{i:010d}" for i in art_idx], pa.string())
    day_of_art = (arts * 7919) % DAYS if day0 is None else day0 + arts % 2  # deterministic
    pub = np.array([START + timedelta(days=int(d)) for d in day_of_art], dtype="datetime64[D]")
    ev_day = pub[art_idx - arts[0]] - rng.integers(0, 3, n).astype("timedelta64[D]")
    months = np.datetime_as_string(ev_day, unit="M")
    src = rng.zipf(1.6, n) % len(COUNTRIES)  # a few countries dominate, as in the news
    tgt = (src + 1 + rng.integers(0, len(COUNTRIES) - 1, n)) % len(COUNTRIES)
    names = [NAMES.get(c, f"Country {c}") for c in COUNTRIES]
    types = rng.integers(0, len(EVENT_TYPES), n)
    status = rng.choice(len(STATUSES), n, p=[.45, .3, .08, .05, .05, .03, .02, .02])
    outlet_of_art = arts % len(OUTLETS)
    outlet = _strings(OUTLETS, outlet_of_art[art_idx - arts[0]])
    evidence = _strings([f"Synthetic sentence number {i} about a reported event."
                         for i in range(1000)], rng.integers(0, 1000, n))
    ev = {c: pa.nulls(n, ARROW_SCHEMAS["events"].field(c).type)
          for c in ARROW_SCHEMAS["events"].names}
    ev.update({
        "eid": pa.array(eids), "article_id": art_of, "event_id": pa.array([f"E{e}" for e in eids], pa.string()),
        "type": _strings(list(EVENT_TYPES), types), "status": _strings(list(STATUSES), status),
        "confidence": pa.array(rng.random(n)), "trigger_text": _strings(["said"], np.zeros(n, int)),
        "evidence": evidence, "event_date": pa.array(ev_day, pa.date32()),
        "month": pa.array(months.tolist(), pa.string()),
        "published": pa.array(pub[art_idx - arts[0]], pa.date32()), "outlet": outlet,
        "latest": pa.array(np.ones(n, bool)),
        "source_names": _lists(_strings(names, src), n, 1),
        "target_names": _lists(_strings(names, tgt), n, 1),
        "attributed_names": _empty_lists(n), "via_names": _empty_lists(n),
        "source_countries": _lists(_strings(COUNTRIES, src), n, 1),
        "target_countries": _lists(_strings(COUNTRIES, tgt), n, 1)})
    events = pa.table(ev, schema=ARROW_SCHEMAS["events"])
    sector = rng.integers(0, len(SECTORS), 2 * n)
    roles = np.concatenate([np.zeros(n, int), np.ones(n, int)])
    who = np.concatenate([src, tgt])
    ea = pa.table({
        "eid": pa.array(np.concatenate([eids, eids])),
        "article_id": pa.concat_arrays([art_of, art_of]),
        "role": _strings(["source", "target"], roles), "actor_id": _strings(["A1", "A2"], roles),
        "name": _strings(names, who), "country": _strings(COUNTRIES, who),
        "sector": _strings(SECTORS, sector), "actor_key": _strings(COUNTRIES, who),
        "latest": pa.array(np.ones(2 * n, bool))},
        schema=ARROW_SCHEMAS["event_actors"])
    na = len(arts)
    articles = pa.table({
        "article_id": pa.array(art_ids, pa.string()), "doc_id": pa.array(art_ids, pa.string()),
        "url": pa.array([f"https://news.example/{i}" for i in arts], pa.string()),
        "version": pa.array(np.ones(na, np.int32)), "latest": pa.array(np.ones(na, bool)),
        "source": pa.nulls(na, pa.string()), "title": pa.nulls(na, pa.string()),
        "published": pa.array(pub, pa.date32()), "outlet": _strings(OUTLETS, outlet_of_art),
        "language": _strings(["en"], np.zeros(na, int)),
        "n_chars": pa.array(np.full(na, 2000, np.int32)),
        "n_events": pa.array(np.full(na, EVENTS_PER_ARTICLE, np.int32)),
        "record": _strings(['{"schema": "newsevents/1"}'], np.zeros(na, int))},
        schema=ARROW_SCHEMAS["articles"])
    return {"articles": articles, "events": events, "event_actors": ea}


def timed(fn, repeat: int = 5) -> tuple[float, float, object]:
    """Median wall and CPU time (ms) of ``repeat`` runs after one warm-up, and the result.

    CPU time (all threads of this process) shows the cost when other jobs
    share the machine and inflate wall times.
    """
    result = fn()
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def write(db: Path, n: int, batch: int) -> tuple[float, float, float]:
    """Write ``n`` synthetic events; return seconds writing (wall, CPU) and generating."""
    rng = np.random.default_rng(7)
    gen = wr = cpu = 0.0
    with open_store(db) as store:
        writer = store.writer()
        done = 0
        while done < n:
            k = min(batch, n - done)
            t = time.perf_counter()
            tables = synthetic_batch(done + 1, k, rng)
            gen += time.perf_counter() - t
            t, c = time.perf_counter(), time.process_time()
            writer.write_tables(tables)
            wr += time.perf_counter() - t
            cpu += time.process_time() - c
            done += k
    return wr, cpu, gen


def queries_report(db: Path) -> list[tuple[str, float, object]]:
    """(name, median ms, result size) of the queries the CLI and the web app run."""
    con = connect(db, read_only=True)
    f_actor = queries.event_filter(actor="Iran", type="AID", since="2022-01-01",
                                   until="2022-12-31", limit=50)
    page = queries.event_filter(limit=50)
    out = []
    for name, fn in (
        ("events page (newest 50, no filter)", lambda: queries.list_events(con, page)),
        ("count, no filter", lambda: queries.count_events(con, page)),
        ("actor+type+date range: page of 50", lambda: queries.list_events(con, f_actor)),
        ("actor+type+date range: count", lambda: queries.count_events(con, f_actor)),
        ("actor page (profile of Iran)", lambda: queries.actor_profile(con, "Iran")),
        ("group-by month x type", lambda: con.execute(
            "SELECT month, type, count(*) FROM events WHERE latest GROUP BY ALL").fetchall()),
        ("stats by country", lambda: queries.stats(con, "country")),
        ("actors list (top 100)", lambda: queries.actors(con)),
    ):
        ms, cpu, result = timed(fn)
        size = (f"{len(result)} rows" if isinstance(result, list) else
                f"{result['events']} events" if isinstance(result, dict) else f"result {result}")
        out.append((name, ms, f"cpu {cpu:.0f} ms; {size}"))
    con.close()
    return out


def _clock(fn) -> tuple[float, float, object]:
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t, time.process_time() - c, result


def stories_report(db: Path, n: int, batch: int) -> None:
    """Time the full stories rebuild, then the incremental one after news of two more days."""
    from newsevents.stories import rebuild

    with open_store(db) as store:
        wall, cpu, n_stories = _clock(lambda: rebuild(store.con, full=True))
    print(f"stories full rebuild: {n_stories:,} stories in {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({n / wall:,.0f} events/s)")
    k = max(1000, n // 200) // EVENTS_PER_ARTICLE * EVENTS_PER_ARTICLE
    with open_store(db) as store:
        store.writer().write_tables(synthetic_batch(n + 1, k, np.random.default_rng(8), DAYS))
        wall, cpu, n_stories = _clock(lambda: rebuild(store.con))
    print(f"stories incremental update after {k:,} new events (two more days of news): "
          f"{wall:.2f} s wall, {cpu:.2f} s CPU; {n_stories:,} stories")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, nargs="+", default=[1_000_000, 10_000_000],
                   help="store sizes to build and measure, one after the other")
    p.add_argument("--batch", type=int, default=200_000, help="events per transaction")
    p.add_argument("--db", help="store file (default: a temporary file, removed after)")
    p.add_argument("--stories", action="store_true",
                   help="also time the stories rebuild: full, then incremental after new events")
    p.add_argument("--queries-only", action="store_true",
                   help="only time the queries on an existing --db")
    args = p.parse_args(argv)
    if args.queries_only:
        for name, ms, size in queries_report(Path(args.db)):
            print(f"  {name:40s} {ms:8.1f} ms  ({size})")
        return 0
    for n in args.events:
        run_size(n, args)
    return 0


def run_size(n: int, args: argparse.Namespace) -> None:
    """Build a store of ``n`` synthetic events, time it and its queries, print figures."""
    tmp = None
    if args.db:
        db = Path(args.db if len(args.events) == 1 else f"{args.db}.{n}")
        if db.exists():
            sys.exit(f"{db} exists; give a new path")
    else:
        tmp = tempfile.mkdtemp(prefix="nebench")
        db = Path(tmp) / "bench.duckdb"
    print(f"store benchmark: {n:,} synthetic events, {n // EVENTS_PER_ARTICLE:,} articles, "
          f"{2 * n:,} event-actor rows; batches of {args.batch:,}; {os.cpu_count()} CPUs")
    wr, cpu, gen = write(db, n, args.batch)
    print(f"write: {n / wr:,.0f} events/s ({wr:.1f} s in the writer, {cpu:.1f} s CPU; "
          f"{gen:.1f} s generating Arrow tables, not counted)")
    for name, ms, size in queries_report(db):
        print(f"  {name:40s} {ms:8.1f} ms  ({size})")
    if args.stories:
        stories_report(db, n, args.batch)
    wal = db.with_name(db.name + ".wal")
    size = db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    print(f"file size: {size / 1e6:,.0f} MB ({size / n:.0f} bytes/event)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB "
          "(the whole process so far)", flush=True)
    if tmp:
        for f in Path(tmp).iterdir():
            f.unlink()
        os.rmdir(tmp)

if __name__ == "__main__":
    sys.exit(main())
