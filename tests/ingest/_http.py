"""A tiny HTTP server on 127.0.0.1 for the URL and feed tests (no network needed)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator

# path -> (status, headers, body) or a callable(handler) that writes the response itself
Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def serve(routes: dict[str, Route], keep_alive: bool = False) -> Iterator[tuple[str, list[dict]]]:
    """Serve ``routes``; yields the base URL and the list of received request headers
    (with the client's port).  ``keep_alive``: speak HTTP/1.1, keeping connections open."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

        def do_GET(self):  # noqa: N802 - http.server API
            seen.append({"path": self.path, "client_port": self.client_address[1],
                         **{k.lower(): v for k, v in self.headers.items()}})
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
