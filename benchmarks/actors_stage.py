"""Cost and agreement of the actors stage (a benchmark, not a test).

Usage: python benchmarks/actors_stage.py [--data DIR] [--skip-gold]

Prints (1) the time of ``ActorStage`` against the bare spaCy parse of the
same texts (default ``../shared/data/polnear/dev/text``); the issue's budget
for all coding together is 25% of the parse; (2) agreement with the PLOVER
gold-standard records (``plover/PLOVER_GSR_CAMEO.json``): share of gold
actor texts that we mark as an actor, and for those, the share whose country
code and sector agree; (3) the share of PLV source/target spans
(``plv/PLV_train.tsv``) that contain an actor.  Gold data is read from the
shared data folder and never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.coding.actors.actors import ActorStage  # noqa: E402
from newsevents.coding.base import Analysis  # noqa: E402
from newsevents.config import DEFAULT_MODEL  # noqa: E402
from newsevents.records import Article  # noqa: E402


def code(stage, text, doc):
    analysis = Analysis(article=Article(id="b", source="b", text=text), doc=doc)
    stage(analysis)
    return analysis


def speed(nlp, stage, folder: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(len(code(stage, t, d).actors) for t, d in zip(texts, docs))
    actors = time.perf_counter() - t0
    print(f"{len(texts)} articles, {sum(len(d) for d in docs)} tokens: parse {parse:.2f}s, "
          f"actors stage {actors:.2f}s = {actors / parse:.1%} of the parse; {n} actors")


def actor_under(analysis, text: str, start: int, end: int):
    ids = [analysis.actors.actor_at(t.i) for t in analysis.doc if t.idx < end and t.idx + len(t) > start]
    ids = [i for i in ids if i]
    return analysis.actors.get(ids[-1]) if ids else None


def plover(nlp, stage, path: Path) -> None:
    records = [r for r in json.loads(path.read_text(encoding="utf-8"))[1:] if r.get("text")]
    total = found = code_n = code_ok = sec_n = sec_ok = 0
    for r, doc in zip(records, nlp.pipe([r["text"] for r in records])):
        analysis = code(stage, r["text"], doc)
        for gold in [a for role in ("source", "target") for a in (r.get(role) or []) if isinstance(a, dict)]:
            at = gold.get("actorText") or ""
            if not at or at not in r["text"]:
                continue
            total += 1
            start = r["text"].index(at)
            actor = actor_under(analysis, at, start, start + len(at))
            if actor is None:
                continue
            found += 1
            if len(gold.get("code") or "") == 3:
                code_n += 1
                code_ok += actor.country == gold["code"]
            sector = (gold.get("sector") or "")[:3]
            if sector.isalpha() and sector.isupper():
                sec_n += 1
                sec_ok += actor.sector == sector
    print(f"PLOVER gold actors: {found / total:.1%} of {total} found; country agrees {code_ok / code_n:.1%}, "
          f"sector agrees {sec_ok / sec_n:.1%} (of {sec_n} with a sector)")


def plv(nlp, stage, path: Path) -> None:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    n = hit = 0
    for r, doc in zip(rows, nlp.pipe([r["sentence"] for r in rows])):
        analysis = code(stage, r["sentence"], doc)
        for role in ("source", "target"):
            span = r[role]
            if span and span in r["sentence"]:
                n += 1
                start = r["sentence"].index(span)
                hit += actor_under(analysis, span, start, start + len(span)) is not None
    print(f"PLV source/target spans holding an actor: {hit / n:.1%} of {n}")


def main() -> None:
    default = Path(os.environ.get("NEWSEVENTS_DATA", ROOT / ".." / "shared" / "data"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--skip-gold", action="store_true")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"no data folder at {args.data}")
    import spacy

    nlp = spacy.load(DEFAULT_MODEL)
    stage = ActorStage()
    warm = "Russian forces shelled Kharkiv. Lee said he agreed."
    code(stage, warm, nlp(warm))  # build the matchers and load the gazetteer outside the timing
    speed(nlp, stage, args.data / "polnear" / "dev" / "text")
    if not args.skip_gold:
        plover(nlp, stage, args.data / "plover" / "PLOVER_GSR_CAMEO.json")
        plv(nlp, stage, args.data / "plv" / "PLV_train.tsv")


if __name__ == "__main__":
    main()
