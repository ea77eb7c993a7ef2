"""Shared pytest fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test session."""
    try:
        from newsevents.nlp import load  # type: ignore[attr-defined]
    except ImportError:
        load = None
    if load is not None:
        return load()
    import spacy

    from newsevents.config import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)
