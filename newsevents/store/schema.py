"""The whole schema of the event store, and its versioned migrations.

This module is the one place that knows the tables.  A store file carries a
``schema_version`` table; :func:`migrate` applies every migration newer than
the recorded version, each in its own transaction, so an old store is
upgraded in place and a new one is created from scratch the same way.

Tables (one row per …):

``articles``        stored article version.  ``article_id`` is the store key: a
                    hash of the normalised text and the URL, so the same input is
                    stored once and a changed article at the same URL gets a new
                    key, ``version`` = n-th distinct text seen at that URL, and
                    ``latest`` marks the newest.  ``record`` is the article's full
                    ``newsevents/1`` JSON record (see :mod:`newsevents.contract`).
``actors``          actor of an article (``actor_key`` groups actors across articles).
``mentions``        mention span of an actor.
``events``          event.  ``eid`` is a dense integer key for joins; the public
                    id is ``<article_id>:<event_id>`` (computed, not stored: a
                    unique string column would halve write throughput).  Article fields
                    used by filters (published, outlet, latest) are copied in so that
                    the events table answers queries without a join.  ``event_date``
                    is the event's own date when resolved, else the publication date.
``event_actors``    actor of an event in a role: source, target, attributed_to, via.
``attributions``    quote or piece of reported speech (speaker, cue, content).
``quantities``      number attached to an event (killed, injured, money …), with the
                    bounds its qualifier states (``min_value``, ``max_value``, ``approx``).
``stories``         group of reports of the same event across articles,
``story_events``    and its members.
``story_links``     a speech-act story and the story of the act it is about.
``contradictions``  a claim and its denial, or conflicting figures (two events),
                    with the rule that linked them and why (JSON of matched fields).
``ledger``          input seen by ``ingest``: coded, skipped or failed, and why.
``meta``            key/value state (e.g. whether stories are stale).
"""

from __future__ import annotations

import logging
from typing import Callable

import duckdb

from ..errors import StoreError

log = logging.getLogger(__name__)

#: Roles an actor can have in an event.
ROLES: tuple[str, ...] = ("source", "target", "attributed_to", "via")
#: Statuses of an input in the ledger.
LEDGER_STATUSES: tuple[str, ...] = ("coded", "skipped", "failed")

# No PRIMARY KEY / UNIQUE constraints: DuckDB checks them row by row on insert
# and they make UPDATE awkward; uniqueness is kept by the writer (anti-joins
# inside one transaction per batch, and a single writer per file).
_V1 = """
CREATE TABLE articles (
    article_id VARCHAR NOT NULL, doc_id VARCHAR, url VARCHAR, version INTEGER NOT NULL,
    latest BOOLEAN NOT NULL, source VARCHAR, title VARCHAR, published DATE, outlet VARCHAR,
    language VARCHAR, n_chars INTEGER, n_events INTEGER, ingested_at TIMESTAMP,
    record VARCHAR NOT NULL);
CREATE TABLE actors (
    article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR, kind VARCHAR,
    country VARCHAR, sector VARCHAR, role VARCHAR, affiliation VARCHAR,
    actor_key VARCHAR, n_mentions INTEGER);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, start_char INTEGER,
    end_char INTEGER, text VARCHAR);
CREATE TABLE events (
    eid BIGINT NOT NULL, article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR, status VARCHAR NOT NULL,
    confidence DOUBLE, coder VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR,
    date_text VARCHAR, date_value VARCHAR, date_start DATE, date_end DATE,
    date_precision VARCHAR, event_date DATE, month VARCHAR,
    location_text VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    attribution_id VARCHAR, published DATE, outlet VARCHAR, latest BOOLEAN NOT NULL,
    source_names VARCHAR[], target_names VARCHAR[], attributed_names VARCHAR[],
    via_names VARCHAR[], source_countries VARCHAR[], target_countries VARCHAR[]);
CREATE TABLE event_actors (
    eid BIGINT NOT NULL, article_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
    actor_id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, actor_key VARCHAR,
    latest BOOLEAN NOT NULL);
CREATE TABLE attributions (
    article_id VARCHAR NOT NULL, attribution_id VARCHAR NOT NULL, kind VARCHAR,
    status VARCHAR, speaker VARCHAR, speaker_actor VARCHAR, speaker_name VARCHAR,
    speaker_country VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
    cue VARCHAR, cue_start INTEGER, cue_end INTEGER, content VARCHAR,
    content_starts INTEGER[], content_ends INTEGER[], via VARCHAR[],
    published DATE, outlet VARCHAR, latest BOOLEAN NOT NULL);
CREATE TABLE quantities (
    eid BIGINT NOT NULL, article_id VARCHAR NOT NULL, value DOUBLE, unit VARCHAR,
    what VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR);
CREATE TABLE stories (
    story_id VARCHAR NOT NULL, type VARCHAR, label VARCHAR, first_seen DATE,
    last_seen DATE, n_reports INTEGER, n_articles INTEGER, n_outlets INTEGER,
    n_sources INTEGER, statuses VARCHAR, source_keys VARCHAR[], target_keys VARCHAR[]);
CREATE TABLE story_events (story_id VARCHAR NOT NULL, eid BIGINT NOT NULL);
CREATE TABLE contradictions (
    kind VARCHAR NOT NULL, a_eid BIGINT NOT NULL, b_eid BIGINT NOT NULL,
    story_id VARCHAR, what VARCHAR, value_a DOUBLE, value_b DOUBLE, note VARCHAR);
CREATE TABLE ledger (
    input_key VARCHAR NOT NULL, source VARCHAR, line INTEGER, status VARCHAR NOT NULL,
    reason VARCHAR, error VARCHAR, article_id VARCHAR, new_article BOOLEAN,
    run_id VARCHAR, seen_at TIMESTAMP);
CREATE TABLE meta (key VARCHAR NOT NULL, value VARCHAR);
"""

# ART indexes only help point lookups and cost a lot on bulk inserts (an
# index on the events table halves write throughput), so only the ledger,
# one row per input, gets one.  Range and group-by queries rely on DuckDB's
# per-row-group min/max (zone maps); looking up one event or article scans
# one column, a few milliseconds at a million rows (see benchmarks/store.py).
_V2 = """
CREATE INDEX ledger_key ON ledger (input_key);
"""


# One ART index on the article key: pages of events look up the title and URL
# of their (few) articles by key; without it each lookup scans every article key
# (~100 ms CPU at 2M articles), with it a page costs microseconds.  It slows the
# writer by a few percent (one index entry per article, not per event).
_V3 = """
CREATE INDEX articles_key ON articles (article_id);
"""


# Quantities keep the bounds their qualifier states (contract 1.1: "at least 12"
# is min 12, no max); rows stored before have NULL bounds (unknown, read as exact).
_V4 = """
ALTER TABLE quantities ADD COLUMN min_value DOUBLE;
ALTER TABLE quantities ADD COLUMN max_value DOUBLE;
ALTER TABLE quantities ADD COLUMN approx BOOLEAN;
"""

# Why each contradiction was linked: the rule and the fields that matched (JSON).
_V5 = """
ALTER TABLE contradictions ADD COLUMN rule VARCHAR;
ALTER TABLE contradictions ADD COLUMN why VARCHAR;
ALTER TABLE contradictions ADD COLUMN strength INTEGER;
ALTER TABLE stories ADD COLUMN event_start DATE;
ALTER TABLE stories ADD COLUMN event_end DATE;
ALTER TABLE stories ADD COLUMN n_independent INTEGER;
ALTER TABLE stories ADD COLUMN why VARCHAR;
ALTER TABLE story_events ADD COLUMN why VARCHAR;
CREATE TABLE story_links (
    story_id VARCHAR NOT NULL, about_story_id VARCHAR NOT NULL, why VARCHAR);
"""


def _sql(script: str) -> Callable[[duckdb.DuckDBPyConnection], None]:
    def apply(con: duckdb.DuckDBPyConnection) -> None:
        for statement in script.split(";"):
            if statement.strip():
                con.execute(statement)
    return apply


#: (version, description, apply) in order; append only, never edit a released one.
MIGRATIONS: tuple[tuple[int, str, Callable[[duckdb.DuckDBPyConnection], None]], ...] = (
    (1, "tables", _sql(_V1)),
    (2, "point-lookup indexes", _sql(_V2)),
    (3, "article key index", _sql(_V3)),
    (4, "quantity bounds", _sql(_V4)),
    (5, "why stories and contradictions were linked", _sql(_V5)),
)

SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the store (0 for an empty database)."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not found:
        return 0
    return int(con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0])


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the store up to :data:`SCHEMA_VERSION`; return the version it was at.

    Each migration runs in its own transaction, so a crash leaves the store at
    the last completed version.  A store newer than this code is refused.
    """
    con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER NOT NULL, description VARCHAR, applied_at TIMESTAMP)")
    before = current_version(con)
    if before > SCHEMA_VERSION:
        raise StoreError(f"the store has schema version {before}; this newsevents knows "
                         f"only up to {SCHEMA_VERSION}: upgrade newsevents")
    for version, description, apply in MIGRATIONS:
        if version <= before:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            apply(con)
            con.execute("INSERT INTO schema_version VALUES (?, ?, current_timestamp)",
                        [version, description])
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {version} ({description}) failed: {exc}") from exc
        log.info("store migrated to schema version %d (%s)", version, description)
    return before
