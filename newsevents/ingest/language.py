"""Language identification (py3langid, a small offline model)."""

from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)

#: Below this many letters the guess is unreliable and the document is kept.
MIN_LETTERS = 60
#: A document is skipped only when another language is this likely.
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def identifier():
    """The language identifier (loaded once; ``None`` when its model cannot load).

    ``identifier.cache_clear()`` makes the next call load it again.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:  # py3langid unpacks its model through a temporary file
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except OSError as exc:
        # Without the model no document can be judged foreign: keep them all, say so once.
        log.warning("language identification unavailable (%s); no document is skipped "
                    "as non-English", exc)
        return None


def detect(text: str) -> tuple[str | None, float]:
    """Best language code of ``text`` and its probability (``None`` when too short)."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    model = identifier()
    if model is None:
        return None, 0.0
    lang, prob = model.classify(sample)
    return lang, float(prob)
