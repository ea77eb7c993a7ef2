"""Screenshots of the real web pages, for the README.

Ingests the example articles (``examples/``) into a temporary store with the
real pipeline, serves it on a free local port and saves PNGs of the events
table, one event and one actor page with Debian's headless Chromium:

    .venv/bin/python scripts/screenshots.py [--examples examples] [--out docs/screenshots]
                                            [--db EXISTING.duckdb] [--published 2025-03-14]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import duckdb

from newsevents.store.ingest import ingest
from newsevents.web.live import launch_chromium, live_server

ROOT = Path(__file__).resolve().parents[1]


def pick_pages(db: Path) -> dict[str, str]:
    """Paths worth showing: a fully coded, attributed event and the busiest actor."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        event = con.execute("""
            SELECT e.article_id || ':' || e.event_id FROM events e WHERE e.latest
            ORDER BY (e.attribution_id IS NOT NULL) DESC, e.status IN ('reported', 'alleged') DESC,
                     len(e.source_names) > 0 AND len(e.target_names) > 0 DESC,
                     (e.date_text IS NOT NULL) DESC, e.confidence DESC, e.eid LIMIT 1""").fetchone()
        actor = con.execute("""
            SELECT actor_key FROM event_actors WHERE role IN ('source', 'target')
              AND latest AND actor_key IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""").fetchone()
    finally:
        con.close()
    pages = {"events": "/events"}
    if event:
        pages["event"] = f"/events/{quote(event[0], safe='')}"
    if actor:
        pages["actor"] = f"/actors/{quote(actor[0], safe='')}"
    return pages


def shoot(db: Path, out: Path) -> list[Path]:
    """Save one PNG per page of :func:`pick_pages`; return their paths."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with live_server(db) as base, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
        for name, path in pick_pages(db).items():
            response = page.goto(base + path)
            if response is None or response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status if response else '?'}")
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name != "events")
            saved.append(target)
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", default=str(ROOT / "examples"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--db", help="use this existing store instead of ingesting the examples")
    ap.add_argument("--published", default="2025-03-14",
                    help="publication date for examples that carry none")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "examples.duckdb"
        if not args.db:
            report = ingest([args.examples], db, published=args.published)
            print(f"ingested {report.coded} articles ({report.written.events} events)")
        for path in shoot(db, Path(args.out)):
            print(f"saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
