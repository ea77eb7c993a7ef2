"""The ledger's one rule for what is pending, and the one report of both ingest engines."""

from collections import Counter

import pytest

from store_helpers import aid_story

from newsevents.records import Document, Failed, Skipped
from newsevents.store import open_store
from newsevents.store.ledger import input_key, pending
from newsevents.store.runs import IngestReport, outcome_status


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.duckdb") as st:
        yield st


def _items():
    return [Document(source="a.txt", content="Norland sent aid to Suderia."),
            Skipped("b.txt", "empty", "no text"),
            Failed("c.txt", "decode_error", "binary file"),
            Document(source="d.txt", content="Valdora met envoys of Orlen.")]


def _outcomes(items):
    coded = aid_story()
    return [coded if isinstance(x, Document) else x for x in items]


def test_an_empty_store_has_everything_pending(store):
    items = _items()
    found = pending(store.con, items)
    assert [item for _, item in found.todo] == items
    assert [key for key, _ in found.todo] == [input_key(x) for x in items]
    assert found.already == 0


def test_coded_and_skipped_inputs_are_done_and_failed_ones_retried(store):
    items = _items()[:3]
    store.writer().write([(input_key(x), x.source, o) for x, o in zip(items, _outcomes(items))])
    found = pending(store.con, items)
    assert [item for _, item in found.todo] == [items[2]]  # the failure is tried again
    assert found.done == Counter({"coded": 1, "skipped": 1}) and found.already == 2


def test_a_repeat_is_coded_once_within_a_chunk_and_across_chunks_with_seen(store):
    doc = _items()[0]
    assert len(pending(store.con, [doc, doc]).todo) == 1
    seen: set[str] = set()
    first, second = pending(store.con, [doc], seen), pending(store.con, [doc], seen)
    assert (len(first.todo), len(second.todo)) == (1, 0)
    assert second.done == Counter({"coded": 1})
    assert len(pending(store.con, [doc]).todo) == 1  # without ``seen`` each call is fresh


def test_the_report_counts_known_and_coded_inputs_alike():
    report = IngestReport()
    report.count_known(Counter({"coded": 2, "skipped": 1}))
    items = _items()
    report.count_outcomes(_outcomes(items))
    assert (report.read, report.coded, report.skipped, report.failed) == (7, 4, 2, 1)
    assert report.already == 3 and report.events == 2 * len(aid_story().events)
    assert report.read == report.coded + report.skipped + report.failed
    assert "1 failed input will be tried again" in report.retry_note()
    assert IngestReport(read=1, coded=1).retry_note() == ""
    assert [outcome_status(o) for o in _outcomes(items)] == ["coded", "skipped", "failed",
                                                               "coded"]
