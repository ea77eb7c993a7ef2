"""Article-extraction suite: body text of real news pages against gold.

Data: ``article-extraction/html/<id>.html.gz`` (83 pages) and
``article-extraction/ground-truth.json`` (``{id: {"articleBody", "url"}}``).
Each page goes through newsevents' own ingest (file reading and decoding,
then :func:`newsevents.ingest.html.extract_html`), and its body text is
scored with the shingle P/R/F1 of the article-extraction benchmark
(:func:`~newsevents.evaluate.metrics.shingle_prf`).  A page whose ingest
fails scores as an empty prediction.

Scores: ``body_precision``, ``body_recall``, ``body_f1`` on the text
extraction returns, and ``analysed_f1`` on the text the parser sees after
boilerplate cleaning (removed lines blanked), to show what cleaning adds.
Needs no spaCy: about 10-20 s on one core.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NewsEventsError
from ..ingest import read_file
from ..ingest.clean import analysis_text, clean
from ..ingest.html import extract_html
from ..records import Document
from .base import Score
from .metrics import bootstrap_std, shingle_counts, shingle_prf

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

NAME = "extraction"
TARGET_F1 = 0.96


def extracted_text(path: Path, url: str | None) -> tuple[str, str]:
    """``(body, analysed)`` text newsevents gets from one HTML page.

    Both are empty when reading or extraction fails (logged), which scores
    as a page with nothing found.
    """
    items = list(read_file(path))
    doc = items[0] if items else None
    if not isinstance(doc, Document):
        log.warning("could not read %s: %s", path.name, doc)
        return "", ""
    try:
        body = extract_html(doc.content, url=url).text
    except NewsEventsError as exc:
        log.warning("no body text from %s: %s", path.name, exc)
        return "", ""
    return body, analysis_text(body, clean(body))


def load_gold(root: Path) -> dict[str, dict]:
    """The ground truth: page id -> ``{"articleBody", "url"}``."""
    with open(root / "ground-truth.json", encoding="utf-8") as fh:
        return json.load(fh)


class ExtractionSuite:
    """Shingle P/R/F1 of extracted body text (see the module docstring)."""

    name = NAME
    needs = ("article-extraction/ground-truth.json", "article-extraction/html")

    def run(self, data_dir: Path, pipeline: "Pipeline | None" = None) -> list[Score]:
        """Score every page of the benchmark; ``pipeline`` is not needed."""
        root = data_dir / "article-extraction"
        gold = load_gold(root)
        body_counts, seen_counts = [], []
        for page_id, truth in sorted(gold.items()):
            body, seen = extracted_text(root / "html" / f"{page_id}.html.gz", truth.get("url"))
            body_counts.append(shingle_counts(truth.get("articleBody", ""), body))
            seen_counts.append(shingle_counts(truth.get("articleBody", ""), seen))
        return self.scores(body_counts, seen_counts)

    def scores(self, body_counts: list, seen_counts: list) -> list[Score]:
        """Scores from per-page shingle counts, with bootstrap noise over pages."""
        n = len(body_counts)
        p, r, f = shingle_prf(body_counts)

        def noise(i: int, counts: list) -> float:
            return bootstrap_std(counts, lambda sample: shingle_prf(sample)[i])

        def score(metric: str, value: float, counts: list, i: int, target=None) -> Score:
            return Score(NAME, metric, value, n, target=target, noise=noise(i, counts), unit="pages")

        return [
            score("body_precision", p, body_counts, 0),
            score("body_recall", r, body_counts, 1),
            score("body_f1", f, body_counts, 2, TARGET_F1),
            score("analysed_f1", shingle_prf(seen_counts)[2], seen_counts, 2),
        ]


SUITE = ExtractionSuite()
