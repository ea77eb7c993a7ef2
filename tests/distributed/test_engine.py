"""Engine pieces that need no running cluster: batching and argument checks."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from newsevents.distributed.engine import connect, ingest, keyed_batches  # noqa: E402
from newsevents.distributed.shards import item_key  # noqa: E402
from newsevents.errors import UsageError  # noqa: E402
from newsevents.records import Document, Failed  # noqa: E402


def test_batches_keep_order_and_number_every_input():
    items = [Document(source=f"d{i}.txt", content=f"Valdora protested {i} times.")
             for i in range(7)] + [Failed("x.bin", "binary", "binary data")]
    batches = list(keyed_batches(iter(items), 3))
    assert [len(b) for b in batches] == [3, 3, 2]
    flat = [row for b in batches for row in b]
    assert [seq for _, seq, _ in flat] == list(range(8))
    assert [item for _, _, item in flat] == items
    assert all(key == item_key(item) for key, _, item in flat)


@pytest.mark.parametrize("kwargs", [
    {"scheduler": "tcp://127.0.0.1:1", "cluster": "slurm"},
    {"cluster": "kubernetes"},
])
def test_bad_cluster_choices_are_usage_errors(kwargs):
    with pytest.raises(UsageError):
        with connect(**kwargs):
            pass


def test_ingest_needs_a_store_or_a_shard_folder(tmp_path):
    with pytest.raises(UsageError):
        ingest([str(tmp_path)], db=None, shards=None)


def test_slurm_without_config_is_a_usage_error():
    with pytest.raises(UsageError):
        with connect(cluster="slurm", cluster_config=None):
            pass
