"""Read queries over the store: the one query API of the CLI, the Python API and the web app.

Every function takes an open DuckDB connection (``newsevents.store.connect(path,
read_only=True)``) and returns plain Python (dicts, lists, dates) or the typed
records.  Filters are one class, :class:`EventFilter` (build one from user
strings with :func:`event_filter`, which validates and raises
:class:`~newsevents.errors.UsageError`; the web app builds the same class from a
query string).  All SQL lives here and is parameterised; the web layer only
shapes these rows for its pages (labels, pairs, links).

One name, one meaning: where the CLI and a page show different rows for the
same subject, the functions have different names (``list_events`` rows for the
CLI/API, ``report_page`` rows for the events page).

Events (:mod:`.events`)::

    event_filter(**raw) -> EventFilter                     # validate user input
    count_events(con, f=None) -> int
    list_events(con, f=None) -> list[dict]                 # one page (f.limit / f.offset)
    iter_events(con, f=None, batch_size=1000) -> Iterator[list[dict]]   # all rows
    get_event(con, event_uid) -> dict | None               # one event + its article ids
    stats(con, by="type", f=None) -> list[dict]            # by: type|month|country|status|outlet
    report_page(con, f) -> list[dict]                      # the events page's rows (+ eid)
    report_batches(con, f, batch=5000) -> Iterator[list[dict]]   # all of them (CSV)
    actor_links(con, eids) -> {eid: {role: [(name, actor_key)]}}
    public_event_ids(con, article_id) -> {event id: public id}

Articles (:mod:`.articles`)::

    article_result(con, article_id) -> ArticleResult | None  # the full coded article
    event_record(con, event_uid) -> (ArticleResult, Event, article_id) | None
    article_versions(con, url) -> list[dict]
    actor_keys(con, article_id) -> {actor id: actor key}
    latest_articles(con, limit, offset) -> list[dict]
    outlets(con) -> list[str]                              # alphabetically
    frequent_outlets(con, limit=200) -> list[str]          # most articles first

Actors (:mod:`.actors`)::

    actors(con, name=None, country=None, sector=None, limit=100) -> list[dict]
    actor_profile(con, name, since=None, until=None, limit=20) -> dict
    quotes(con, speaker=None, since=None, until=None, outlet=None, text=None,
           limit=100, offset=0) -> list[dict]
    actor_directory(con, name, limit, offset) -> list[dict]   # by actor key
    actor_summary(con, key) -> dict | None
    actor_activity(con, key) -> [(month, type, n, first date, last date)]
    actor_counterparts(con, key, limit=12) -> [(key, name, outgoing, incoming)]
    actor_quotes / claims_by / claims_about(con, key, limit=20) -> list[dict]
    search(con, q, limit=25) -> {"actors": …, "articles": …, "quotes": …}

Stories and contradictions (:mod:`.stories`)::

    stories(con, f=None, min_articles=1, limit=100, offset=0) -> list[dict]
    story_reports(con, story_id) -> list[dict]
    contradictions(con, kind=None, limit=100, offset=0) -> list[dict]   # kind: denial|figures;
                                                        # strongest first, each with rule and why
    story_of_event / story_summary(con, …) -> dict | None
    story_summaries(con, limit, offset), story_report_rows(con, story_id, limit=500),
    story_links(con, story_id), story_figures(con, story_id) -> list[dict]
    contradiction_rows(con, limit, offset) -> list[dict]; contradiction_counts(con) -> dict

Event rows (``list_events``) have the keys :data:`EVENT_COLUMNS`; list-valued
actor columns are joined with "; ".  ``event_id`` is the public id
``<article_id>:<event id>``; ``date`` is the event's own date when the text
gives one, else the publication date.  By default only the latest version of
each article is searched (``EventFilter.latest_only``).

Actor arguments accept a country in any form the gazetteer knows (name, ISO3
code, demonym, capital: "Iran", "IRN", "Iranian", "Tehran" all mean every
actor coded IRN); any other text matches actor names containing it.

Measured on 1M synthetic events (benchmarks/store.py, 2 shared cores):
an events page ~25 ms CPU, an actor + type + date-range page ~45 ms CPU,
an actor profile ~115 ms CPU.
"""

from __future__ import annotations

from ..filters import EventFilter, event_filter
from .actors import (actor_activity, actor_counterparts, actor_directory, actor_profile,
                     actor_quotes, actor_summary, actors, claims_about, claims_by, quotes, search)
from .articles import (actor_keys, article_result, article_versions, event_record,
                       frequent_outlets, latest_articles, outlets)
from .events import (EVENT_COLUMNS, STATS_BY, actor_links, count_events, get_event, iter_events,
                     list_events, public_event_ids, report_batches, report_page, stats)
from .stories import (CONTRADICTION_SIDE, contradiction_counts, contradiction_rows,
                      contradictions, stories, story_figures, story_links, story_of_event,
                      story_report_rows, story_reports, story_summaries, story_summary)

__all__ = [
    "EVENT_COLUMNS", "EventFilter", "STATS_BY", "event_filter", "count_events", "list_events",
    "iter_events", "get_event", "stats", "report_page", "report_batches", "actor_links",
    "public_event_ids", "article_result", "event_record", "article_versions", "actor_keys",
    "latest_articles", "outlets", "frequent_outlets", "actors", "actor_profile", "quotes",
    "actor_directory", "actor_summary", "actor_activity", "actor_counterparts", "actor_quotes",
    "claims_by", "claims_about", "search", "stories", "story_reports", "contradictions",
    "story_of_event", "story_summary", "story_summaries", "story_report_rows", "story_links",
    "story_figures", "CONTRADICTION_SIDE", "contradiction_rows", "contradiction_counts",
]
