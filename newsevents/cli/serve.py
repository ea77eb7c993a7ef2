"""``newsevents serve``: the local, read-only web app over the store."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from ..errors import UsageError

DEFAULT_DB = "newsevents.duckdb"
DEFAULT_HOST = "127.0.0.1"


def register(sub) -> None:
    """Add the ``serve`` command."""
    p = sub.add_parser("serve", help="browse the store in a local web app (read-only)",
                       description="Serve a read-only web app over the event store. "
                                   "Binds 127.0.0.1 unless --host says otherwise.")
    p.add_argument("--db", default=DEFAULT_DB, help=f"store file (default ./{DEFAULT_DB})")
    p.add_argument("--host", default=DEFAULT_HOST,
                   help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, port: int) -> str | None:
    """The line printed at start when the app is reachable from other machines."""
    if is_loopback(host):
        return None
    return (f"WARNING: serving on {host}:{port}, reachable from other machines; "
            "the app has no authentication and shows every stored article.")


def run(args: argparse.Namespace) -> int:
    """Start uvicorn on the app; blocks until interrupted."""
    try:
        import uvicorn  # noqa: PLC0415 - the web extra is optional

        from ..web import create_app  # noqa: PLC0415
    except ImportError as exc:
        raise UsageError(f"the web app needs the [web] extra ({exc.name} is missing)") from exc
    db = Path(args.db)
    if not db.is_file():
        raise UsageError(f"no store at {db}: run `newsevents ingest PATH --db {db}` first")
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be 1-65535, not {args.port}")
    warning = exposure_warning(args.host, args.port)
    if warning:
        print(warning, file=sys.stderr)
    print(f"newsevents: serving {db} (read-only) at http://{args.host}:{args.port}/",
          file=sys.stderr)
    hosts = ["127.0.0.1", "localhost", args.host] if is_loopback(args.host) else None
    uvicorn.run(create_app(db, allowed_hosts=hosts), host=args.host, port=args.port,
                log_level="warning")
    return 0
