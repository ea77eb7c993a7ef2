"""Language identification (py3langid, a small offline model)."""

from __future__ import annotations

from functools import lru_cache

#: Below this many letters the guess is unreliable and the document is kept.
MIN_LETTERS = 60
#: A document is skipped only when another language is this likely.
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """Best language code of ``text`` and its probability (``None`` when too short)."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)
