"""What both ingest engines share: the report of a run and the stories rebuild at its end.

The serial engine (:mod:`newsevents.store.ingest`) and the Dask engine
(:mod:`newsevents.distributed.engine`) differ only in how a batch is coded;
they decide what to code with :func:`newsevents.store.ledger.pending`, count
into one :class:`IngestReport` and end with one :func:`rebuild_stories`.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

import duckdb

from ..records import ArticleResult, Failed, Outcome, Skipped
from .writer import WriteStats

log = logging.getLogger(__name__)

#: Above this many events a full story rebuild takes minutes; ingest then leaves
#: stories stale and the first ``stories``/``contradictions`` query rebuilds them.
STORY_REBUILD_MAX_EVENTS = 200_000


def outcome_status(outcome: Outcome) -> str:
    """The ledger status of an outcome: ``coded``, ``skipped`` or ``failed``."""
    if isinstance(outcome, Skipped):
        return "skipped"
    return "failed" if isinstance(outcome, Failed) else "coded"


@dataclass
class IngestReport:
    """Counts of one ingest run (either engine); ``read == coded + skipped + failed``.

    ``already`` counts inputs found in the ledger from an earlier run (they are
    included in coded/skipped/failed with their recorded status); inputs that
    failed before are not "already": they are tried again.  ``events`` counts
    the events coded in this run, ``written`` what the store took of them.
    ``shards`` is the Dask engine's shard folder; ``db`` the store, if any.
    """

    read: int = 0
    coded: int = 0
    skipped: int = 0
    failed: int = 0
    already: int = 0
    events: int = 0
    written: WriteStats = field(default_factory=WriteStats)
    seconds: float = 0.0
    stories: int | None = None
    shards: str | None = None
    db: str | None = None

    @property
    def rate(self) -> float:
        """Inputs per second so far."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def count(self, status: str, n: int = 1) -> None:
        """Count ``n`` inputs of ``status`` as read."""
        self.read += n
        setattr(self, status, getattr(self, status) + n)

    def count_known(self, done: Counter) -> None:
        """Count inputs the ledger already had (``ledger.Pending.done``)."""
        for status, n in done.items():
            self.count(status, n)
            self.already += n

    def count_outcomes(self, outcomes: list[Outcome]) -> None:
        """Count the outcomes of one coded batch."""
        for o in outcomes:
            self.count(outcome_status(o))
            if isinstance(o, ArticleResult):
                self.events += len(o.events)

    def retry_note(self) -> str:
        """What happens to this run's failed inputs, for the final report line."""
        if not self.failed:
            return ""
        return (f"{self.failed} failed input{'s' if self.failed != 1 else ''} "
                "will be tried again by the next ingest")


def rebuild_stories(con: duckdb.DuckDBPyConnection, report: IngestReport) -> None:
    """Rebuild stories at the end of a run that stored new articles (both engines).

    Above :data:`STORY_REBUILD_MAX_EVENTS` the rebuild is left to the first
    stories query (the store marks them stale when it takes new articles).
    """
    from ..stories import rebuild

    if not report.written.articles:
        return
    n = int(con.execute("SELECT count(*) FROM events WHERE latest").fetchall()[0][0])
    if n > STORY_REBUILD_MAX_EVENTS:
        log.info("%d events: stories left to be rebuilt on the next stories query", n)
        return
    report.stories = rebuild(con)


__all__ = ["IngestReport", "STORY_REBUILD_MAX_EVENTS", "outcome_status", "rebuild_stories"]
