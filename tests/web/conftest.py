"""Fixtures of the web tests: a small store written through the store API, a client."""

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_articles import write_jsonl  # noqa: E402
from web_store import coded_results, write_store  # noqa: E402

from newsevents.store.ingest import ingest  # noqa: E402

from newsevents.web import create_app  # noqa: E402


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory) -> Path:
    """A store holding the hand-coded invented articles."""
    return write_store(tmp_path_factory.mktemp("web") / "coded.duckdb", coded_results())


@pytest.fixture(scope="session")
def client(coded_store) -> TestClient:
    return TestClient(create_app(coded_store))


@pytest.fixture(scope="session")
def ingested_store(tmp_path_factory) -> Path:
    """A store made by the real ingest (pipeline, writer, stories) from invented articles."""
    tmp = tmp_path_factory.mktemp("ingest")
    db = tmp / "ingested.duckdb"
    report = ingest([write_jsonl(tmp / "articles.jsonl")], db)
    assert report.coded == 4, report
    return db


@pytest.fixture(scope="session")
def ingested(ingested_store) -> TestClient:
    return TestClient(create_app(ingested_store))
