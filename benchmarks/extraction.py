"""Body-text extractors side by side on the article-extraction pages: F1 and ms/page.

    python benchmarks/extraction.py [--data ../shared/data] [--repeat 2]

Every extractor gets the same decoded page text (newsevents' own reading
and decoding) and is scored with the benchmark's shingle F1 on the dev and
sealed pages of ``newsevents/data/splits/article-extraction.json``.
Time is the best of ``--repeat`` passes over all pages, in ms per page,
the extractors taking turns page by page.
readability-lxml and newspaper4k are measured when importable (they are
not dependencies of newsevents); the others always are.
"""

from __future__ import annotations

import argparse
import logging
import time
import warnings
from pathlib import Path
from typing import Callable

from newsevents.evaluate.extraction import DATASET, REFERENCES, _page, load_gold, sealed_ids
from newsevents.evaluate.metrics import shingle_counts, shingle_prf
from newsevents.ingest.html import extract_html

Extractor = Callable[[str, "str | None"], str]


def newsevents_text(html: str, url: str | None) -> str:
    return extract_html(html, url=url).text


def readability_text(html: str, url: str | None) -> str:
    import lxml.html
    from readability import Document

    fragment = lxml.html.fromstring(Document(html, url=url).summary(html_partial=True))
    blocks = fragment.xpath("//p|//li|//h2|//h3|//h4|//blockquote|//pre|//td")
    return "\n".join(b.text_content().strip() for b in blocks if b.text_content().strip())


def newspaper_text(html: str, url: str | None) -> str:
    import newspaper

    art = newspaper.Article(url or "http://example.invalid/", fetch_images=False)
    art.download(input_html=html)
    art.parse()
    return art.text


def candidates() -> dict[str, Extractor]:
    found: dict[str, Extractor] = {"newsevents": newsevents_text, **REFERENCES}
    for name, module, fn in (("readability-lxml", "readability", readability_text),
                             ("newspaper4k", "newspaper", newspaper_text)):
        try:
            __import__(module)
        except ImportError:
            print(f"# {name} not installed: not measured")
            continue
        found[name] = fn
    return found


def measure(extractors: dict[str, Extractor], pages: dict[str, tuple[str, str, str]],
            repeat: int) -> dict[str, tuple[dict, float]]:
    """Per-page shingle counts and ms per page (best pass) of every extractor.

    The extractors take turns page by page, so a busy machine slows them alike.
    """
    seconds = {name: [0.0] * repeat for name in extractors}
    counts: dict[str, dict] = {name: {} for name in extractors}
    for rep in range(repeat):
        for page_id, (html, url, gold) in pages.items():
            for name, fn in extractors.items():
                t0 = time.perf_counter()
                try:
                    text = fn(html, url) or ""
                except Exception:  # an extractor's failure scores as an empty page
                    text = ""
                seconds[name][rep] += time.perf_counter() - t0
                counts[name][page_id] = shingle_counts(gold, text)
    return {name: (counts[name], 1000 * min(seconds[name]) / len(pages)) for name in extractors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    root = Path(args.data) / DATASET
    sealed = sealed_ids()
    pages = {}
    for page_id, truth in sorted(load_gold(root).items()):
        doc = _page(root / "html" / f"{page_id}.html.gz")
        pages[page_id] = (doc.content if doc else "", truth.get("url"), truth.get("articleBody", ""))
    print(f"{len(pages)} pages, {len(sealed)} sealed")
    print(f"{'extractor':24} {'F1 dev':>7} {'F1 sealed':>9} {'F1 all':>7} {'P all':>6} {'R all':>6} {'ms/page':>8}")
    for name, (counts, ms) in measure(candidates(), pages, args.repeat).items():
        dev = [c for k, c in counts.items() if k not in sealed]
        held = [c for k, c in counts.items() if k in sealed]
        p, r, f = shingle_prf(list(counts.values()))
        print(f"{name:24} {shingle_prf(dev)[2]:7.4f} {shingle_prf(held)[2]:9.4f} {f:7.4f} "
              f"{p:6.3f} {r:6.3f} {ms:8.1f}", flush=True)


if __name__ == "__main__":
    main()
