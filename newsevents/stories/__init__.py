"""Stories (reports of one event across articles) and contradictions.

* :mod:`.reports`        what a report is, how actors, times and words compare;
* :mod:`.grouping`       stories (same type, same doers and targets, dates within
                         the window, compatible places, shared words) and the
                         links from a speech act's story to the story it is about;
* :mod:`.contradictions` a claim and its denial (the same act by the same doer,
                         told two incompatible ways);
* :mod:`.pairing`        which claim a denial answers (the best match of one doer);
* :mod:`.incremental`    recomputing only what new reports can change;
* :mod:`.figures`        conflicting figures for one quantity of one event,
                         respecting the numbers' bounds; rising tolls are a series.

Every link records why it was made (the rule and the fields that matched) in
a ``why`` column (JSON), shown by the web app and ``newsevents contradictions --why``.

When: the writer marks stories stale whenever new articles arrive;
``newsevents ingest`` brings them up to date at its end, and :func:`ensure_fresh`
(called by the ``stories`` and ``contradictions`` commands) before a query.
The update is incremental (:mod:`.incremental`): only the reports from the
earliest new (or superseded) one on are grouped again, only the stories they
touch are rewritten, and only the denials that can reach them are linked
again, with the full rebuild's result.  The full rebuild
(``rebuild(con, full=True)``, also the first one) is one pass in date order
with candidates blocked by (type, doer, target) and only the stories still
open in the time window compared, so its cost grows with the number of
reports, not its square (benchmarks/store.py --stories).
"""

from __future__ import annotations

import logging

import duckdb
import pyarrow as pa

from .contradictions import DENIAL_WINDOW_DAYS, find_contradictions
from .grouping import WINDOW_DAYS, group, same_event, speech_links, story_rows
from .incremental import plan, write
from .reports import Report, load_reports, similarity

log = logging.getLogger(__name__)

_TABLES = ("stories", "story_events", "story_links", "contradictions")


def _insert(con: duckdb.DuckDBPyConnection, tables: dict[str, dict[str, list]]) -> None:
    for table, cols in tables.items():
        if cols and next(iter(cols.values())):
            con.register("_rebuild", pa.table(cols))
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rebuild")
            con.unregister("_rebuild")


def _write(con: duckdb.DuckDBPyConnection, replace) -> None:
    """Run ``replace(con)`` and mark stories fresh, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        replace(con)
        con.execute("DELETE FROM meta WHERE key = 'stories_stale'")
        con.execute("INSERT INTO meta VALUES ('stories_stale', '0')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _replace_all(con: duckdb.DuckDBPyConnection, tables: dict[str, dict[str, list]]) -> None:
    for table in _TABLES:
        con.execute(f"DELETE FROM {table}")
    _insert(con, tables)


def rebuild(con: duckdb.DuckDBPyConnection, window: int = WINDOW_DAYS,
            denial_window: int = DENIAL_WINDOW_DAYS, full: bool = False) -> int:
    """Bring stories and contradictions up to date with the latest events; return the story count.

    Incremental (:mod:`.incremental`: only what new or superseded reports can
    change) when stories were built before, unless ``full``.
    """
    if not full and con.execute("SELECT 1 FROM story_events LIMIT 1").fetchall():
        done = plan(con, window, denial_window)
        if done is not None:
            _write(con, lambda c: write(c, done, _insert))
            n = con.execute("SELECT count(*) FROM stories").fetchall()[0][0]
            log.info("stories updated: %d touched, %d denials relinked; %d stories",
                     len(done["touched"]), len(done["relinked"]), n)
            return n
    reports = load_reports(con)
    stories = group(reports, window)
    s, se = story_rows(stories, window)
    story_of = dict(zip(se["eid"], se["story_id"]))
    links = speech_links(reports, story_of)
    contra = find_contradictions(con, reports, story_of, denial_window)
    tables = {"stories": s, "story_events": se, "story_links": links, "contradictions": contra}
    _write(con, lambda c: _replace_all(c, tables))
    log.info("stories rebuilt: %d stories from %d reports, %d contradictions",
             len(stories), len(reports), len(contra["kind"]))
    return len(stories)


def is_stale(con: duckdb.DuckDBPyConnection) -> bool:
    """True when articles were stored since stories were last built."""
    rows = con.execute("SELECT value FROM meta WHERE key = 'stories_stale'").fetchall()
    if rows:
        return rows[0][0] == "1"
    return bool(con.execute("SELECT count(*) FROM events").fetchall()[0][0])


def ensure_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild stories if stale; return whether it did."""
    if is_stale(con):
        rebuild(con)
        return True
    return False


__all__ = ["Report", "group", "same_event", "similarity", "load_reports", "rebuild",
           "is_stale", "ensure_fresh", "WINDOW_DAYS", "DENIAL_WINDOW_DAYS"]
