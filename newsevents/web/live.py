"""Run the app on a free local port in a background thread, and drive Chromium.

Used by the end-to-end tests, ``scripts/screenshots.py`` and the web
benchmark.  The browser is always Debian's ``/usr/bin/chromium`` (never a
browser downloaded by ``playwright install``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import NewsEventsError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(db_path: str | Path, timeout: float = 20.0) -> Iterator[str]:
    """Serve ``create_app(db_path)`` on 127.0.0.1 in a thread; yields the base URL."""
    import uvicorn  # noqa: PLC0415 - optional [web] extra

    from .app import create_app  # noqa: PLC0415

    port = free_port()
    app = create_app(db_path, allowed_hosts=["127.0.0.1", "localhost"])  # as `serve` does
    config = uvicorn.Config(app, host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="newsevents-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise NewsEventsError(f"the web app did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def launch_chromium(playwright):
    """Debian's headless Chromium through Playwright (no downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
