"""Fixtures of the robustness tests: the repo paths, one loaded pipeline, generated inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# generate.py (invented articles) and benchmarks/soak.py (run_soak) are imported by name
for folder in (Path(__file__).resolve().parent, REPO / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@pytest.fixture(scope="session")
def loaded_pipeline():
    """One Pipeline with spaCy and the coding stages loaded, shared by the session."""
    from newsevents.config import Settings
    from newsevents.pipeline import Pipeline

    pipe = Pipeline(Settings())
    pipe.nlp  # noqa: B018 - load now, not inside a measured run
    pipe.stages  # noqa: B018
    return pipe


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository root (subprocesses run from there)."""
    return REPO
