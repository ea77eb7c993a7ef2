"""Query commands over the event store: events, actors, actor, quotes, stats, stories,
contradictions, export.  Each parses its options and calls one function of
:mod:`newsevents.store.queries` (or :mod:`newsevents.export`)."""

from __future__ import annotations

import argparse
import sys

from .query_output import emit
from .store_cmds import add_db_argument

EVENT_TABLE = ("date", "type", "status", "source", "target", "attributed_to", "outlet",
               "evidence", "event_id")
STORY_TABLE = ("story_id", "type", "label", "first_seen", "last_seen", "event_start",
               "n_articles", "n_outlets", "n_independent", "statuses")


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", help="source or target (name, country, code, demonym, capital)")
    p.add_argument("--source", help="source actor")
    p.add_argument("--target", help="target actor")
    p.add_argument("--type", help="PLOVER event type(s), comma-separated")
    p.add_argument("--status", help="status(es): asserted, reported, alleged, denied, …")
    p.add_argument("--attributed-to", dest="attributed_to", help="who asserts the event")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--outlet", help="outlet name (substring)")
    p.add_argument("--text", help="words that the evidence sentence must contain")
    p.add_argument("--all-versions", action="store_true",
                   help="include events of superseded article versions")


def _common(p: argparse.ArgumentParser, limit: int = 50) -> None:
    add_db_argument(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--limit", type=int, default=limit, help="rows (default %(default)s)")
    p.add_argument("--offset", type=int, default=0)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list stored events (or their stories) with filters")
    _filters(p)
    _common(p)
    p.add_argument("--sort", default="date",
                   help="date, type, status, source, target, outlet, confidence, published")
    p.add_argument("--asc", action="store_true", help="oldest/smallest first")
    p.add_argument("--stories", action="store_true", help="return stories instead of reports")
    p.set_defaults(func=run_events)

    p = sub.add_parser("actors", help="actors across articles, most events first")
    _common(p)
    p.add_argument("--name", help="name (substring) or country")
    p.add_argument("--country", help="ISO3 code")
    p.add_argument("--sector", help="PLOVER sector code (GOV, MIL, …)")
    p.set_defaults(func=run_actors)

    p = sub.add_parser("actor", help="profile of one actor: counterparts, types, months")
    p.add_argument("name", help="actor name, country, ISO3 code, demonym or capital")
    add_db_argument(p)
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=run_actor)

    p = sub.add_parser("quotes", help="quotes and reported speech")
    _common(p)
    p.add_argument("--speaker", help="who speaks (name, country …)")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--outlet")
    p.add_argument("--text", help="words the quote must contain")
    p.set_defaults(func=run_quotes)

    _register_analysis(sub)


def _register_analysis(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="event counts by type, month, country, status or outlet")
    _filters(p)
    add_db_argument(p)
    p.add_argument("--by", default="type", help="type, month, country, status or outlet")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(func=run_stats)

    p = sub.add_parser("stories", help="stories: the same event reported across articles")
    _filters(p)
    _common(p)
    p.add_argument("--min-articles", type=int, default=1)
    p.add_argument("--story", metavar="ID", help="list the reports of one story")
    p.add_argument("--rebuild", action="store_true",
                   help="recompute stories and contradictions now (they are rebuilt "
                        "automatically when new articles were stored)")
    p.set_defaults(func=run_stories)

    p = sub.add_parser("contradictions", help="claims and their denials; conflicting figures")
    _common(p)
    p.add_argument("--kind", choices=("denial", "figures"))
    p.add_argument("--why", action="store_true",
                   help="show why each pair was linked: the rule and the fields that matched")
    p.set_defaults(func=run_contradictions)

    from ..export import FORMATS

    p = sub.add_parser("export", help="export events: parquet, csv, jsonl, plover, gdelt")
    _filters(p)
    add_db_argument(p)
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", "-o", required=True, metavar="PATH",
                   help="output file (a directory for parquet); - for stdout (text formats)")
    p.set_defaults(func=run_export)


def _event_filter(args: argparse.Namespace, **extra):
    from ..store.queries import event_filter

    keys = ("actor", "source", "target", "type", "status", "attributed_to", "since", "until",
            "outlet", "text")
    raw = {k: getattr(args, k, None) for k in keys}
    raw["latest_only"] = not getattr(args, "all_versions", False)
    return event_filter(**raw, **extra)


def _shards(args: argparse.Namespace):
    """An in-memory store of a shard folder (``ingest --engine dask``), or None."""
    import os

    if not os.path.isdir(args.db):
        return None
    from ..distributed.merge import open_shards

    return open_shards(args.db)


def _read(args: argparse.Namespace):
    from ..store import connect

    return _shards(args) or connect(args.db, read_only=True)


def _fresh(args: argparse.Namespace):
    """A connection on which stories are up to date (rebuilt first when stale)."""
    from ..store import connect
    from ..stories import ensure_fresh, is_stale

    con = _shards(args)
    if con is not None:
        ensure_fresh(con)
        return con
    con = connect(args.db, read_only=True)
    if not is_stale(con):
        return con
    con.close()
    con = connect(args.db)
    ensure_fresh(con)
    return con


def run_events(args: argparse.Namespace) -> int:
    from ..store import queries

    if args.stories:
        return _stories(args, _event_filter(args))
    f = _event_filter(args, sort=args.sort, desc=not args.asc, limit=args.limit,
                      offset=args.offset)
    with _read(args) as con:
        rows = queries.list_events(con, f)
        total = queries.count_events(con, f)
    emit(rows, args.format, EVENT_TABLE)
    if args.format == "table":
        print(f"{len(rows)} of {total} events", file=sys.stderr)
    return 0


def _stories(args: argparse.Namespace, f) -> int:
    from ..store import queries

    with _fresh(args) as con:
        rows = queries.stories(con, f, min_articles=getattr(args, "min_articles", 1),
                               limit=args.limit, offset=args.offset)
    emit(rows, args.format, STORY_TABLE)
    return 0


def run_stories(args: argparse.Namespace) -> int:
    from ..store import queries

    if args.rebuild:
        from ..store import connect
        from ..stories import rebuild

        con = connect(args.db)
        try:
            n = rebuild(con)
        finally:
            con.close()
        print(f"rebuilt {n} stories", file=sys.stderr)

    if args.story:
        with _fresh(args) as con:
            rows = queries.story_reports(con, args.story)
        emit(rows, args.format, ("published",) + EVENT_TABLE)
        return 0
    return _stories(args, _event_filter(args))


def run_actors(args: argparse.Namespace) -> int:
    from ..store import queries

    with _read(args) as con:
        rows = queries.actors(con, args.name, args.country, args.sector, args.limit)
    emit(rows, args.format, ("name", "country", "sector", "events", "articles", "as_source",
                             "as_target", "as_speaker"))
    return 0


def run_actor(args: argparse.Namespace) -> int:
    from ..store import queries

    with _read(args) as con:
        profile = queries.actor_profile(con, args.name, args.since, args.until, args.limit)
    if args.format == "json":
        emit(profile, "json")
        return 0
    print(f"{profile['actor']}: {profile['events']} events")
    for title, key, cols in (("names", "names", ("name", "country", "sector", "n")),
                             ("by type", "by_type", ("type", "n")),
                             ("by status", "by_status", ("status", "n")),
                             ("counterparts", "counterparts",
                              ("name", "country", "sector", "role", "n")),
                             ("according to", "quoted_by", ("name", "n")),
                             ("by month", "by_month", ("month", "type", "n"))):
        print(f"\n{title}:")
        emit(profile[key], "table", cols)
    return 0


def run_quotes(args: argparse.Namespace) -> int:
    from ..store import queries

    with _read(args) as con:
        rows = queries.quotes(con, args.speaker, args.since, args.until, args.outlet, args.text,
                              args.limit, args.offset)
    emit(rows, args.format, ("published", "speaker", "cue", "content", "kind", "outlet"))
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from ..store import queries

    with _read(args) as con:
        rows = queries.stats(con, args.by, _event_filter(args, limit=None))
    emit(rows, args.format, ("key", "events", "articles"))
    return 0


def run_contradictions(args: argparse.Namespace) -> int:
    from ..store import queries

    with _fresh(args) as con:
        rows = queries.contradictions(con, args.kind, args.limit, args.offset)
    if args.format != "table":
        emit(rows, args.format)
        return 0
    from .query_output import side_by_side

    print(side_by_side(rows, why=args.why))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from ..export import export

    f = _event_filter(args, limit=None)
    with _read(args) as con:
        n = export(con, args.format, args.out, f)
    print(f"exported {n} records as {args.format} to {args.out}", file=sys.stderr)
    return 0
