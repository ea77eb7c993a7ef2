"""newsevents: news articles in, source-attributed political events out.

The public API is small::

    import newsevents
    result = newsevents.extract("Iran denied arming the rebels, officials said.",
                                published="2025-03-14")
    for event in result.events: ...

    pipe = newsevents.Pipeline()          # spaCy loaded once
    for outcome in pipe.extract_paths(["news/"]): ...
"""

from __future__ import annotations

from .config import Settings
from .contract import dumps, from_json, to_json, validate
from .errors import (
    ContractError, InputError, ModelError, NewsEventsError, SkipDocument, StoreError, UsageError,
)
from .records import (
    Actor, Article, ArticleResult, Attribution, AttributionSource, Document, Event, EventDate,
    Failed, Location, Outcome, Quantity, RejectedEvent, Removed, Skipped, Span,
)
from .version import __version__


def __getattr__(name: str):
    # The pipeline imports spaCy; load it only when asked for.
    if name in ("Pipeline", "extract"):
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = [
    "Pipeline", "extract", "Settings", "dumps", "to_json", "from_json", "validate",
    "NewsEventsError", "UsageError", "InputError", "SkipDocument", "ModelError", "StoreError",
    "ContractError", "Actor", "Article", "ArticleResult", "Attribution", "AttributionSource",
    "Document", "Event", "EventDate", "Failed", "Location", "Outcome", "Quantity", "RejectedEvent",
    "Removed",
    "Skipped", "Span", "__version__",
]
