"""Manners for fetching: robots.txt rules and the pace of requests to each host.

:class:`HostGate` keeps, per host, a semaphore (at most ``per_host`` requests
in flight) and the earliest time the next request may start (``delay``
apart, longer after a ``Retry-After`` or a robots.txt ``Crawl-delay``).
:class:`Robots` holds the parsed robots.txt of one host (RFC 9309, read by
protego).  :func:`retry_after` reads the header of a 429/503 answer.
Neither does any I/O itself: :mod:`newsevents.ingest.fetcher` does.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Iterator

#: the product token robots.txt groups are matched against ("User-agent: newsevents")
ROBOTS_TOKEN = "newsevents"
#: robots.txt bodies are read up to this size (RFC 9309 asks for at least 500 KiB)
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True, slots=True)
class Robots:
    """What one host's robots.txt allows us.

    ``rules`` is a parsed ``protego.Protego`` (None: everything allowed, e.g.
    robots.txt is missing); ``refusal`` is set when the whole host is off
    limits whatever the path (robots.txt answered 5xx: RFC 9309 says assume
    complete disallow).
    """

    rules: object | None = None
    refusal: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Robots":
        from protego import Protego

        return cls(rules=Protego.parse(text))

    def why_not(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or None when it may."""
        if self.refusal:
            return self.refusal
        if self.rules is not None and not self.rules.can_fetch(url, ROBOTS_TOKEN):
            return f"{url}: disallowed by robots.txt for {ROBOTS_TOKEN}"
        return None

    def delay(self) -> float | None:
        """Seconds between requests the host asks for (Crawl-delay or Request-rate), if any."""
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(ROBOTS_TOKEN)
        rate = self.rules.request_rate(ROBOTS_TOKEN)
        if rate is not None and rate.requests:
            delay = max(delay or 0.0, rate.seconds / rate.requests)
        return float(delay) if delay is not None else None


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class HostGate:
    """Per-host concurrency limit and pacing, shared by the threads of one run."""

    def __init__(self, per_host: int, delay: float) -> None:
        if per_host < 1:
            raise ValueError("per_host must be at least 1")
        self.per_host, self.default_delay = per_host, max(0.0, delay)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next: dict[str, float] = {}  # earliest start of the next request (monotonic)
        self._blocked: dict[str, float] = {}  # no request before this (Retry-After, backoff)
        self._delay: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """Space requests to ``host`` at least ``seconds`` apart (never less than the default)."""
        with self._lock:
            self._delay[host] = max(self.default_delay, seconds)

    def hold_off(self, host: str, seconds: float) -> None:
        """Start no request to ``host`` for ``seconds`` (a 429's Retry-After, a backoff)."""
        with self._lock:
            until = time.monotonic() + seconds
            self._blocked[host] = max(self._blocked.get(host, 0.0), until)

    @contextmanager
    def slot(self, host: str, paced: bool = True) -> Iterator[None]:
        """Hold one of ``host``'s ``per_host`` slots, entered no sooner than its pace
        allows (``paced=False``: only a hold-off is waited for; robots.txt uses it,
        so the first page follows it without a delay)."""
        with self._lock:
            sem = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with sem:
            self._wait_turn(host, paced)
            yield

    def _wait_turn(self, host: str, paced: bool) -> None:
        reserved = not paced
        while True:
            with self._lock:
                now = time.monotonic()
                blocked = self._blocked.get(host, 0.0)
                if blocked > now:
                    wait = blocked - now
                elif reserved:
                    return  # our reserved start has come and no hold-off arrived meanwhile
                else:
                    start = max(now, self._next.get(host, 0.0))
                    self._next[host] = start + self._delay.get(host, self.default_delay)
                    wait, reserved = start - now, True
            if wait > 0:
                time.sleep(wait)
            elif reserved:
                return
