"""Soak: many generated articles through the real ingest in ONE process.

``make soak`` runs the full size (``pytest -m slow``; N from $NEWSEVENTS_SOAK_N,
default 20000): memory flat, throughput not decaying, every input accounted
for.  The reduced variant runs in normal CI so that the same path (generator,
per-quarter measurement, ledger accounting) is exercised on every change.
"""

from __future__ import annotations

import os

import pytest
from generate import expected_statuses
from soak import run_soak

BAD_EVERY = 25  # 4% empty or malformed records: the skipped/failed paths run too


def _check_accounting(r, n: int) -> None:
    """read = coded + skipped + failed = N, one ledger row per input, no duplicate article."""
    rep, led = r.report, r.ledger
    assert rep.read == n
    assert rep.coded + rep.skipped + rep.failed == n
    assert led["rows"] == n and led["distinct_keys"] == n
    assert led.get("coded", 0) + led.get("skipped", 0) + led.get("failed", 0) == n
    want = expected_statuses(n, BAD_EVERY)
    assert led.get("skipped", 0) >= want["skipped"] and led.get("failed", 0) >= want["failed"]
    assert led["duplicate_articles"] == 0
    assert led["articles"] == led.get("coded", 0)  # every generated article is distinct


def test_reduced_soak_accounts_for_every_input(tmp_path, loaded_pipeline):
    n = int(os.environ.get("NEWSEVENTS_SOAK_CI_N", 300))
    # batch of n/20 so that quarter boundaries fall on batch boundaries
    r = run_soak(n, tmp_path, bad_every=BAD_EVERY, batch_size=max(1, n // 20),
                 pipeline=loaded_pipeline)
    _check_accounting(r, n)
    assert len(r.rss_mb) == 4 and all(rate > 0 for rate in r.rate)
    # loose: a short run still warms caches, but must not balloon
    assert r.rss_growth < 0.5, r.rss_mb


@pytest.mark.slow
@pytest.mark.timeout(6 * 3600)  # 20,000 articles at ~10/s on a loaded machine: ~35 min
def test_full_soak_memory_flat_throughput_steady(tmp_path, loaded_pipeline):
    n = int(os.environ.get("NEWSEVENTS_SOAK_N", 20000))
    r = run_soak(n, tmp_path, bad_every=BAD_EVERY, pipeline=loaded_pipeline)
    _check_accounting(r, n)
    assert r.rss_growth < 0.10, f"RSS per quarter (MB): {r.rss_mb}"
    assert r.rate_ratio >= 0.8, f"articles/s per quarter: {r.rate}"
