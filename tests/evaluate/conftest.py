"""Shared fixtures of the evaluation tests: the gold data directory and one pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def gold_dir() -> Path:
    """``$NEWSEVENTS_DATA``, else ``shared/data`` beside the repository."""
    env = os.environ.get("NEWSEVENTS_DATA")
    return Path(env) if env else (REPO / ".." / "shared" / "data").resolve()


def require(*relative: str) -> Path:
    """The gold data directory; skips the test when a needed path is absent."""
    root = gold_dir()
    for rel in relative:
        if not (root / rel).exists():
            pytest.skip(f"gold data not available: {root / rel}")
    return root


@pytest.fixture(scope="session")
def gold():
    """``gold(*paths)``: the gold data directory, skipping unless ``paths`` exist in it.

    With no paths it returns the directory without checking it.
    """
    return lambda *relative: require(*relative) if relative else gold_dir()


@pytest.fixture(scope="session")
def pipeline():
    """One pipeline (and so one spaCy model) for every evaluation test."""
    from newsevents.pipeline import Pipeline

    return Pipeline()
