"""Distributed coding on Dask: bounded batches, Parquet shards, merge into the store.

``ingest(paths, db=..., scheduler=None, workers=None, published=None,
cluster=None, cluster_config=None) -> IngestReport`` is what
``newsevents ingest --engine dask`` calls; :func:`merge_shards` loads a shard folder
into a DuckDB store.  Dask is imported only when these are used.
"""

from __future__ import annotations


def __getattr__(name: str):
    # Keep `import newsevents.distributed` cheap: Dask loads on first use.
    if name in ("ingest", "connect"):
        from . import engine

        return getattr(engine, name)
    if name in ("merge_shards", "open_shards", "MergeSummary"):
        from .merge import MergeSummary, merge_shards, open_shards

        return {"merge_shards": merge_shards, "open_shards": open_shards,
                "MergeSummary": MergeSummary}[name]
    raise AttributeError(name)


__all__ = ["ingest", "connect", "merge_shards", "open_shards", "MergeSummary"]
