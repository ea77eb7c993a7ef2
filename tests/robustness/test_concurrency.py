"""The web app serves reads while a real `newsevents ingest` process writes the store.

What users need: no 500 ever, pages that answer (200) for a good part of a
long ingest (a 503 with Retry-After is allowed while a batch commits), and
no torn read: an article page never lists an event that the store does not
have yet, and the number of events only grows from one read to the next.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import threading
import time

import httpx
import pytest
from generate import write_jsonl

from newsevents.store.ingest import ingest
from newsevents.web.live import live_server

N_SEED, N_MORE, BATCH = 4, 48, 4
EVENT_LINK = re.compile(r'href="/events/([^"]+)"')
EVENT_STAT = re.compile(r"<b>(\d+)</b>events")
ARTICLE_LINK = re.compile(r'href="/articles/([0-9a-f]+)"')


class Reader(threading.Thread):
    """Reads pages in a loop until stopped; records statuses and consistency violations."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.http = httpx.Client(base_url=base, timeout=60, headers={"accept": "text/html"})
        self.stop = threading.Event()
        self.statuses: list[int] = []
        self.problems: list[str] = []
        self.csv_counts: list[int] = []

    def get(self, path: str) -> httpx.Response:
        r = self.http.get(path)
        self.statuses.append(r.status_code)
        if r.status_code >= 500 and r.status_code != 503:
            self.problems.append(f"{r.status_code} on {path}: {r.text[:200]}")
        if r.status_code == 503 and "retry-after" not in r.headers:
            self.problems.append(f"503 without Retry-After on {path}")
        if "Traceback" in r.text:
            self.problems.append(f"traceback on {path}")
        return r

    def check_article(self, article_id: str) -> None:
        r = self.get(f"/articles/{article_id}")
        if r.status_code != 200:
            return
        links = EVENT_LINK.findall(r.text.split('id="article-events"', 1)[-1].split("</ul>", 1)[0])
        stat = EVENT_STAT.search(r.text)
        if stat and int(stat.group(1)) != len(links):
            self.problems.append(f"article {article_id}: {stat.group(1)} events, {len(links)} links")
        for key in links[:3]:
            e = self.get(f"/events/{key}")
            if e.status_code == 404:
                self.problems.append(f"article {article_id} lists event {key} that is not stored")

    def check_csv(self) -> None:
        r = self.get("/events.csv")
        if r.status_code != 200:
            return
        n = len(list(csv.reader(io.StringIO(r.text)))) - 1
        if self.csv_counts and n < self.csv_counts[-1]:
            self.problems.append(f"event count went down: {self.csv_counts[-1]} -> {n}")
        self.csv_counts.append(n)

    def run(self) -> None:
        while not self.stop.is_set():
            r = self.get("/articles")
            for article_id in ARTICLE_LINK.findall(r.text)[:4] if r.status_code == 200 else ():
                self.check_article(article_id)
            self.check_csv()
            self.get("/events?per_page=25")
            self.get("/stories")


@pytest.mark.timeout(900)
def test_reads_during_a_real_ingest(tmp_path, loaded_pipeline, repo, record_property):
    db = tmp_path / "live.duckdb"
    ingest([write_jsonl(tmp_path / "seed.jsonl", N_SEED, seed=1)], db, pipeline=loaded_pipeline)
    more = write_jsonl(tmp_path / "more.jsonl", N_MORE, seed=2)
    cmd = [sys.executable, "-m", "newsevents", "ingest", str(more), "--db", str(db),
           "--batch-size", str(BATCH)]
    with live_server(db) as base:
        reader = Reader(base)
        reader.start()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, cwd=repo)
        try:
            _, err = proc.communicate(timeout=600)
        finally:
            if proc.poll() is None:
                proc.kill()
            time.sleep(0.5)
            reader.stop.set()
            reader.join(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        assert f"read {N_MORE} = coded {N_MORE}" in err
        final = httpx.get(f"{base}/events.csv", timeout=60)
    record_property("statuses", {s: reader.statuses.count(s) for s in set(reader.statuses)})
    record_property("event_counts_seen", sorted(set(reader.csv_counts)))
    assert not reader.problems, reader.problems[:10]
    ok = reader.statuses.count(200)
    assert ok >= 0.2 * len(reader.statuses), f"{ok} of {len(reader.statuses)} requests answered"
    assert reader.csv_counts and reader.csv_counts[-1] <= len(list(csv.reader(io.StringIO(final.text)))) - 1
    # the reader saw the store grow while the ingest ran, not only before or after it
    assert len(set(reader.csv_counts)) >= 2, reader.csv_counts
