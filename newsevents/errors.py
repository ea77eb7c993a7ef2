"""The one exception hierarchy of newsevents.

Every error the library raises on purpose is a :class:`NewsEventsError`, so
callers can catch one class.  Per-document problems during a run are not
raised at all: they become :class:`~newsevents.records.Failed` or
:class:`~newsevents.records.Skipped` records that carry the reason.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of every error newsevents raises deliberately."""


class UsageError(NewsEventsError):
    """The caller asked for something malformed (bad path, bad date, bad option)."""


class InputError(NewsEventsError):
    """A document could not be read or decoded.

    ``kind`` is a short machine-readable tag that ends up in the error record.
    """

    def __init__(self, message: str, kind: str = "input_error") -> None:
        super().__init__(message)
        self.kind = kind


class SkipDocument(NewsEventsError):
    """A document is deliberately not coded (empty, not English, too large)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class ModelError(NewsEventsError):
    """A language model or trained component could not be loaded."""


class StoreError(NewsEventsError):
    """The event store could not be opened, migrated or written."""


class StoreBusy(StoreError):
    """The store file is locked by a writing process (an ingest); retry later."""


class ContractError(NewsEventsError):
    """A record does not satisfy the shipped JSON Schema."""
