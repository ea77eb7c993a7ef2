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
The pages are split by ``newsevents/data/splits/article-extraction.json``
(a seeded third sealed, see ``scripts/make_splits.py``):
``body_f1_dev`` on the pages settings were chosen on, ``body_f1_sealed`` on
the others.  Beside them, on the same pages and decoded text, trafilatura's
own ``extract()`` in its default and ``favor_precision`` modes
(``trafilatura_default_f1_*``, ``trafilatura_precision_f1_*``, not gated):
the target of ``body_f1_sealed`` is trafilatura's precision mode there, so a
regression against the library shows at once.
Needs no spaCy: about 20-40 s on one core.
"""

from __future__ import annotations

import json
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..errors import NewsEventsError, UsageError
from ..ingest import read_file
from ..ingest.clean import analysis_text, clean
from ..ingest.html import extract_html
from ..records import Document
from .base import Score
from .metrics import bootstrap_std, shingle_counts, shingle_prf
from .splits import load_split

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

NAME = "extraction"
DATASET = "article-extraction"
TARGET_F1 = 0.965

Counts = tuple[float, float, float]


def sealed_ids() -> frozenset[str]:
    """The committed sealed page ids (empty when the split file is absent)."""
    try:
        return load_split(DATASET).sealed
    except UsageError:
        log.warning("no sealed split for %s: every page counts as dev", DATASET)
        return frozenset()


def _page(path: Path) -> Document | None:
    items = list(read_file(path))
    doc = items[0] if items else None
    if not isinstance(doc, Document):
        log.warning("could not read %s: %s", path.name, doc)
        return None
    return doc


def _ours(html: str, url: str | None) -> tuple[str, str]:
    try:
        body = extract_html(html, url=url).text
    except NewsEventsError as exc:
        log.warning("no body text from %s: %s", url, exc)
        return "", ""
    return body, analysis_text(body, clean(body))


def _trafilatura(**options: bool) -> Callable[[str, str | None], str]:
    """trafilatura's ``extract()`` as its users call it (comments, tables on by default)."""
    def run(html: str, url: str | None) -> str:
        import trafilatura

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return trafilatura.extract(html, url=url, **options) or ""
            except Exception as exc:  # the reference must not stop the suite
                log.warning("trafilatura failed on %s: %s", url, exc)
                return ""
    return run


#: reference extractors scored on the same pages: metric prefix -> extractor
REFERENCES: dict[str, Callable[[str, str | None], str]] = {
    "trafilatura_default": _trafilatura(),
    "trafilatura_precision": _trafilatura(favor_precision=True),
}


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Shingle counts of one page for every extractor scored."""

    sealed: bool
    body: Counts
    analysed: Counts
    references: dict[str, Counts]


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
        root = data_dir / DATASET
        sealed = sealed_ids()
        pages = [self.page(root, page_id, truth, page_id in sealed)
                 for page_id, truth in sorted(load_gold(root).items())]
        return self.scores(pages)

    @staticmethod
    def page(root: Path, page_id: str, truth: dict, sealed: bool) -> PageCounts:
        """Counts of newsevents and the references on one page."""
        gold, url = truth.get("articleBody", ""), truth.get("url")
        doc = _page(root / "html" / f"{page_id}.html.gz")
        html = doc.content if doc is not None else ""
        body, seen = _ours(html, url) if html else ("", "")
        refs = {name: shingle_counts(gold, fn(html, url) if html else "")
                for name, fn in REFERENCES.items()}
        return PageCounts(sealed, shingle_counts(gold, body), shingle_counts(gold, seen), refs)

    def scores(self, pages: list[PageCounts]) -> list[Score]:
        """Scores from per-page counts, with bootstrap noise over pages."""
        body = [p.body for p in pages]
        splits = {"dev": [x for x in pages if not x.sealed], "sealed": [x for x in pages if x.sealed]}

        def score(metric: str, counts: list[Counts], i: int = 2, target=None, gated=True) -> Score:
            value = shingle_prf(counts)[i]
            noise = bootstrap_std(counts, lambda sample: shingle_prf(sample)[i]) if gated else None
            return Score(NAME, metric, value, len(counts), target=target, noise=noise, unit="pages")

        out = [score("body_precision", body, 0), score("body_recall", body, 1),
               score("body_f1", body, 2, TARGET_F1),
               score("analysed_f1", [x.analysed for x in pages])]
        for split, part in splits.items():
            if part:
                ref = shingle_prf([x.references["trafilatura_precision"] for x in part])[2]
                out.append(score(f"body_f1_{split}", [x.body for x in part], target=ref))
        for name in REFERENCES:
            for split, part in (("all", pages), *splits.items()):
                if part:
                    out.append(score(f"{name}_f1_{split}", [x.references[name] for x in part],
                                     gated=False))
        return out


SUITE = ExtractionSuite()
