"""Parquet shards: content-hash keys, idempotent rewrites, reading back."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.contract import to_json
from newsevents.distributed.shards import (
    batch_name, count_shards, item_key, read_shards, shard_files, write_shard,
)
from newsevents.errors import UsageError
from newsevents.records import (
    Article, ArticleResult, Document, Failed, Skipped,
)


def _result(n: int) -> ArticleResult:
    text = f"Kestria and Valdora signed accord number {n}."
    return ArticleResult(Article(id=f"a{n}", source=f"doc{n}.txt", text=text,
                                 published=date(2025, 1, n + 1)))


def test_keys_depend_on_content_and_source():
    a = Document(source="a.txt", content="Valdora protested.")
    assert item_key(a) == item_key(Document(source="a.txt", content="Valdora protested."))
    assert item_key(a) != item_key(Document(source="a.txt", content="Kestria protested."))
    assert item_key(a) != item_key(Document(source="b.txt", content="Valdora protested."))
    assert item_key(Skipped("x", "empty")) != item_key(Failed("x", "empty", ""))
    assert batch_name(["k1", "k2"]) != batch_name(["k2", "k1"])
    assert batch_name(["k1", "k2"]).startswith("part-")


def test_rewriting_a_batch_replaces_its_shard(tmp_path):
    rows = [("k0", 0, _result(0)), ("k1", 1, Skipped("e.txt", "empty", "no text")),
            ("k2", 2, Failed("b.bin", "binary", "binary data"))]
    first = write_shard(tmp_path, rows)
    second = write_shard(tmp_path, rows)  # a retried task
    assert first == second and shard_files(tmp_path) == [first]
    assert count_shards(tmp_path) == {"result": 1, "skipped": 1, "failed": 1}
    back = list(read_shards(tmp_path))
    assert [r.key for r in back] == ["k0", "k1", "k2"]
    assert [to_json(r.outcome) for r in back] == [to_json(o) for _, _, o in rows]


def test_same_document_in_two_shards_is_read_once(tmp_path):
    write_shard(tmp_path, [("k0", 0, _result(0)), ("k1", 1, _result(1))])
    write_shard(tmp_path, [("k1", 1, _result(1)), ("k2", 2, _result(2))])
    (tmp_path / ".part-x.parquet.123.tmp").write_bytes(b"half a file")  # a killed writer
    assert len(shard_files(tmp_path)) == 2
    assert sorted(r.key for r in read_shards(tmp_path)) == ["k0", "k1", "k2"]
    assert count_shards(tmp_path)["result"] == 3


def test_a_failure_tried_again_reads_as_its_new_outcome(tmp_path):
    # whichever shard sorts first: the coded outcome wins over the earlier failure
    for order in ((0, 1), (1, 0)):
        folder = tmp_path / f"order{order[0]}"
        batches = [[("k0", 0, Failed("doc0.txt", "worker_error", "killed")),
                    ("k9", 9, _result(9))],
                   [("k0", 0, _result(0))]]
        for i in order:
            write_shard(folder, batches[i])
        back = {r.key: r.outcome for r in read_shards(folder)}
        assert isinstance(back["k0"], ArticleResult) and len(back) == 2
        assert count_shards(folder) == {"result": 2, "skipped": 0, "failed": 0}


def test_missing_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        shard_files(tmp_path / "nope")
