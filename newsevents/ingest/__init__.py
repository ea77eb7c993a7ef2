"""Ingest: sources -> documents -> articles ready to parse.

``read_paths`` yields :class:`~newsevents.records.Document` (or per-document
``Skipped``/``Failed`` records); ``prepare`` turns a document into an article,
its removed boilerplate and the text the parser sees.
"""

from .prepare import Prepared, article_id, prepare
from .sources import read_file, read_jsonl, read_paths

__all__ = ["Prepared", "article_id", "prepare", "read_file", "read_jsonl", "read_paths"]
