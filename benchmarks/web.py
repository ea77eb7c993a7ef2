"""Latency of the web pages on a large synthetic store (a benchmark, not a test).

Generates a store of N synthetic events (default 1M) directly with DuckDB
SQL into the store schema (not through the pipeline), then times requests
to the events table and actor pages in-process (FastAPI TestClient: routing,
per-request read-only connection, SQL and template rendering; no network).

    .venv/bin/python benchmarks/web.py [--events 1000000] [--db PATH] [--repeat 7]

Target (issue 5): event table and actor page under 300 ms at 1M events.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsevents.records import EVENT_TYPES, STATUSES
from newsevents.store import connect
from newsevents.web import create_app

COUNTRIES = ("USA", "RUS", "UKR", "CHN", "IRN", "ISR", "IND", "PAK", "TUR", "SYR", "IRQ", "SAU",
             "FRA", "DEU", "GBR", "JPN", "KOR", "PRK", "EGY", "NGA", "KEN", "ETH", "SDN", "BRA",
             "MEX", "VEN", "COL", "AFG", "YEM", "LBN")


def _sql_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def generate(path: Path, n_events: int) -> None:
    """Fill a fresh store with ``n_events`` synthetic events and their rows."""
    con = connect(path)  # creates and migrates the schema
    n_art = max(n_events // 10, 1)
    c, t, s = _sql_list(COUNTRIES), _sql_list(EVENT_TYPES), _sql_list(STATUSES)
    con.execute(f"""CREATE TEMP TABLE ev AS SELECT i AS eid, 'art' || (i % {n_art}) AS article_id,
        {t}[1 + CAST(hash(i, 1) % 1000000 AS BIGINT) % 16] AS type, {s}[1 + (CAST(hash(i, 2) % 1000000 AS BIGINT) % 100 // 20 + CAST(hash(i, 5) % 1000000 AS BIGINT) % 4) % 8]
        AS status, {c}[1 + CAST(hash(i, 3) % 1000000 AS BIGINT) % 30] AS src, {c}[1 + CAST(hash(i, 4) % 1000000 AS BIGINT) % 30] AS tgt,
        DATE '2020-01-01' + CAST((i % {n_art}) % 1800 AS INTEGER) AS day,
        'person:' || {c}[1 + CAST(hash(i, 3) % 1000000 AS BIGINT) % 30] || ':speaker ' || (CAST(hash(i, 6) % 1000000 AS BIGINT) % 50) AS spk,
        CAST(hash(i, 7) % 1000000 AS BIGINT) % 5 = 0 AS attributed
        FROM range(1, {n_events} + 1) r(i)""")
    con.execute("""INSERT INTO events BY NAME SELECT eid, article_id, 'e' || eid AS event_id, type, status, 0.7 AS confidence, 'rules' AS coder,
        0 AS trigger_start, 4 AS trigger_end, 'sent' AS trigger_text, 0 AS evidence_start,
        60 AS evidence_end, src || ' did ' || type || ' to ' || tgt || ', sources said.' AS evidence,
        day AS event_date, strftime(day, '%Y-%m') AS month, day AS published,
        'Outlet ' || (eid % 50) AS outlet, true AS latest, [src] AS source_names,
        [tgt] AS target_names, [src] AS source_countries, [tgt] AS target_countries, CASE WHEN attributed THEN [spk] ELSE [] END AS attributed_names,
        [] AS via_names, CASE WHEN attributed THEN 't1' END AS attribution_id FROM ev""")
    con.execute("""INSERT INTO event_actors BY NAME
        SELECT eid, article_id, 'source' AS role, 'a1' AS actor_id, src AS name, src AS country,
               src AS actor_key, true AS latest FROM ev
        UNION ALL SELECT eid, article_id, 'target', 'a2', tgt, tgt, tgt, true FROM ev
        UNION ALL SELECT eid, article_id, 'attributed_to', 'a3', spk, NULL, spk, true FROM ev
                  WHERE attributed""")
    con.execute("""INSERT INTO actors BY NAME SELECT DISTINCT article_id, actor_id, name,
        CASE WHEN role = 'attributed_to' THEN 'person' ELSE 'country' END AS kind, country,
        actor_key, 1 AS n_mentions FROM event_actors""")
    con.execute(f"""INSERT INTO articles BY NAME SELECT 'art' || i AS article_id, 1 AS version,
        true AS latest, 'synthetic://' || i AS source, 'Synthetic article ' || i AS title,
        DATE '2020-01-01' + CAST(i % 1800 AS INTEGER) AS published, 'Outlet ' || (i % 50) AS outlet,
        'en' AS language, 10 AS n_events, '{{}}' AS record FROM range(0, {n_art}) r(i)""")
    con.execute("""INSERT INTO attributions BY NAME SELECT article_id, 't1' AS attribution_id,
        'direct' AS kind, 'reported' AS status, 'a3' AS speaker_actor, spk AS speaker_name,
        'said' AS cue, 'We will not accept this, ' || spk || ' said.' AS content,
        day AS published, 'Outlet 1' AS outlet, true AS latest FROM ev WHERE attributed""")
    con.execute("CHECKPOINT")
    con.close()


def timed(client: TestClient, url: str, repeat: int) -> tuple[float, float, float]:
    """(median wall ms, max wall ms, median CPU ms) of ``repeat`` GETs after one warm-up.

    CPU time (all threads of this process) is reported too because on a shared
    machine wall time mostly measures the other processes.
    """
    r = client.get(url)
    if r.status_code != 200:
        raise SystemExit(f"{url}: HTTP {r.status_code}: {r.text[:300]}")
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        client.get(url)
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return statistics.median(walls), max(walls), statistics.median(cpus)


PAGES = (
    ("events, no filter (newest first)", "/events"),
    ("events, actor + type + date range", "/events?actor=IRN&type=ASSAULT&since=2021-01-01&until=2022-12-31"),
    ("events, status + outlet, sorted by source", "/events?status=alleged&outlet=Outlet+7&sort=source"),
    ("events, free text", "/events?text=THREATEN+USA"),
    ("events, page 200 of 100 rows", "/events?per_page=100&page=200"),
    ("actor page, country (IRN)", "/actors/IRN"),
    ("actor page, person", "/actors/person:IRQ:speaker 27"),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="reuse/create this store file (default: a temp file)")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    tmp = None
    if args.db:
        path = Path(args.db)
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "web-bench.duckdb"
    if not path.exists():
        t0 = time.perf_counter()
        generate(path, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    client = TestClient(create_app(path))
    load = os.getloadavg()[0]
    print(f"machine load average (1 min): {load:.1f} on {os.cpu_count()} cores")
    print(f"{'page':45s} {'median ms':>10s} {'max ms':>8s} {'CPU ms':>8s}")
    for label, url in PAGES:
        median, worst, cpu = timed(client, url, args.repeat)
        print(f"{label:45s} {median:10.1f} {worst:8.1f} {cpu:8.1f}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
