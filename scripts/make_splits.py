"""Draw the sealed splits once: ``python scripts/make_splits.py [DATA_DIR]``.

Writes ``newsevents/data/splits/<dataset>.json`` for every data set the
project tunes on (see :mod:`newsevents.evaluate.splits`).  A third of each
set's units is sealed, drawn with a fixed seed, per stratum.  An existing
file is never overwritten (``--force`` to redraw, which voids every sealed
figure measured so far): the point of a sealed split is that it stays put.

Units: gold-events documents (by file, so the non-political pages of D4 are
sealed in proportion), PLV sentences (dyads of one sentence together), AW
documents (one ACE/WikiEvents document's sentences together), PLOVER GSR
records, PolNeAR dev articles (the gold-events articles from PolNeAR dev
keep the split they have there), article-extraction pages (drawn with their
own seed, 1717, when issue 17 first sealed them).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.evaluate.splits import draw  # noqa: E402

SEED = 15  # the issue that asked for sealed splits
PAGES_SEED = 1717  # the article-extraction pages were sealed first, with this seed
OUT = ROOT / "newsevents" / "data" / "splits"


def gold_events(data: Path) -> tuple[list[str], dict[str, str]]:
    ids, strata = [], {}
    for path in sorted((data / "gold-events" / "dev").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)["doc"]
            if doc not in strata:  # D2 repeats three of D1's articles: they follow D1
                ids.append(doc)
                strata[doc] = path.stem
    return ids, strata


def plv(data: Path) -> tuple[list[str], dict[str, str]]:
    with open(data / "plv" / "PLV_train.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    strata: dict[str, str] = {}
    for r in rows:
        strata.setdefault(r["sentence_id"], r["gold_root"].strip())
    return list(strata), strata


def aw(data: Path) -> tuple[list[str], dict[str, str]]:
    with open(data / "aw" / "AW_train.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    strata = {f"{r['dataset']}:{r['doc_id']}": r["dataset"] for r in rows}
    return list(strata), strata


def gsr(data: Path) -> tuple[list[str], dict[str, str]]:
    recs = json.loads((data / "plover" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    strata = {r["id"]: r["event"] for r in recs if r.get("event") not in (None, "DOCUMENT") and r.get("text")}
    return list(strata), strata


def polnear_dev(data: Path, gold_sealed: list[str]) -> tuple[list[str], list[str]]:
    names = sorted(p.name for p in (data / "polnear" / "dev" / "text").glob("*.txt"))
    fixed = [Path(d).name for d in gold_sealed if d.startswith("polnear/dev/")]
    rest = [n for n in names if n not in fixed]
    want = round(len(names) / 3) - len(fixed)
    return names, sorted(fixed + draw(rest, SEED, share=max(0, want) / len(rest)))


def pages(data: Path) -> list[str]:
    gold = json.loads((data / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    return list(gold)


def write(name: str, unit: str, sealed: list[str], n: int, force: bool, seed: int = SEED) -> None:
    path = OUT / f"{name}.json"
    if path.exists() and not force:
        print(f"{path.name}: kept (exists)")
        return
    path.write_text(json.dumps({"dataset": name, "seed": seed, "unit": unit, "units": n,
                                "sealed": sealed}, indent=1) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(sealed)} of {n} {unit}s sealed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--force", action="store_true", help="redraw existing splits")
    args = ap.parse_args()
    data = Path(args.data)
    OUT.mkdir(parents=True, exist_ok=True)
    ids, strata = gold_events(data)
    gold_sealed = draw(ids, SEED, strata=strata)
    write("gold-events", "doc", gold_sealed, len(ids), args.force)
    for name, unit, reader in (("plv", "sentence_id", plv), ("aw", "document", aw), ("gsr", "record", gsr)):
        ids, strata = reader(data)
        write(name, unit, draw(ids, SEED, strata=strata), len(ids), args.force)
    names, sealed = polnear_dev(data, gold_sealed)
    write("polnear-dev", "article", sealed, len(names), args.force)
    ids = pages(data)
    write("article-extraction", "page", draw(ids, PAGES_SEED), len(ids), args.force, seed=PAGES_SEED)


if __name__ == "__main__":
    main()
