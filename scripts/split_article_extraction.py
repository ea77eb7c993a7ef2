"""Write the sealed split of the article-extraction pages (issue 17).

A third of the page ids, drawn with a fixed seed from the sorted ids of
``article-extraction/ground-truth.json``, is sealed: extraction settings are
chosen on the other pages (dev) and only confirmed on the sealed ones, whose
errors nobody reads.  The file has the format shared by every data set in
``newsevents/data/splits/``: ``{"dataset", "seed", "sealed": [ids]}``.

    python scripts/split_article_extraction.py [--data ../shared/data]

Re-running it writes the same file; changing the seed would unseal pages
already looked at, so don't.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

DATASET = "article-extraction"
SEED = 1717
OUT = Path(__file__).resolve().parents[1] / "newsevents" / "data" / "splits" / f"{DATASET}.json"


def sealed_ids(ids: list[str], seed: int = SEED) -> list[str]:
    """A third of ``ids`` (rounded), drawn with ``seed`` from the sorted list."""
    pool = sorted(ids)
    return sorted(random.Random(seed).sample(pool, round(len(pool) / 3)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    args = ap.parse_args()
    gold = json.loads((Path(args.data) / DATASET / "ground-truth.json").read_text(encoding="utf-8"))
    split = {"dataset": DATASET, "seed": SEED, "sealed": sealed_ids(list(gold))}
    OUT.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    print(f"{len(split['sealed'])} of {len(gold)} pages sealed -> {OUT}")


if __name__ == "__main__":
    main()
