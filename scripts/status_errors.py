"""Error analysis of event status on a factuality corpus (a development aid).

Usage::

    .venv/bin/python scripts/status_errors.py [--corpus factuality/UW/train.jsonl]
        [--data ../shared/data] [--cache /tmp/status_cache] [--show STATUS] [--top 40]

The corpus is parsed once through the factuality suite's stages (actors,
attribution) and cached (spaCy ``DocBin`` plus, per sentence, which token
lies in which attribution's content and that attribution's status), so that
later runs re-apply only :func:`newsevents.coding.status.status.status_of`: the
current rules are scored in seconds.  Prints Pearson r and MAE with the
current certainties, per predicted status the count, gold mean and share of
the squared error, and the worst targets (``--show`` keeps one status).
Delete the cache after changing the parser or the attribution stage.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsevents.records import STATUS_CERTAINTY  # noqa: E402


@dataclass
class _Att:
    status: str


@dataclass
class CachedAnalysis:
    """What status_of reads of an Analysis: content_of and attribution statuses."""

    doc: object
    content_of: dict[int, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)

    def attribution(self, att_id: str) -> _Att:
        return _Att(self.statuses[att_id])


def build(corpus: Path, cache: Path) -> None:
    """Parse the corpus through the suite's stages and write the cache."""
    from spacy.tokens import DocBin

    from newsevents.coding.base import Analysis
    from newsevents.evaluate.factuality import STATUS_STAGES, read_corpus
    from newsevents.pipeline import Pipeline
    from newsevents.records import Article

    pipeline = Pipeline()
    stages = [s for s in pipeline.stages if s.name in STATUS_STAGES]
    sentences = read_corpus(corpus)
    docs = DocBin(store_user_data=False)
    meta = []
    for k, ((text, targets), doc) in enumerate(zip(sentences, pipeline.nlp.pipe(
            [t for t, _ in sentences], batch_size=64))):
        analysis = Analysis(article=Article(id=f"s{k}", source="err", text=text), doc=doc)
        for stage in stages:
            stage(analysis)
        statuses = {a: analysis.attribution(a).status for a in set(analysis.content_of.values())}
        docs.add(doc)
        meta.append({"content_of": analysis.content_of, "statuses": statuses,
                     "targets": [(t.start, t.end, t.gold) for t in targets]})
    cache.mkdir(parents=True, exist_ok=True)
    docs.to_disk(cache / "docs.spacy")
    (cache / "meta.pkl").write_bytes(pickle.dumps(meta))


def load(cache: Path, vocab) -> list[tuple[CachedAnalysis, list]]:
    """The cached sentences: ``(analysis, [(start, end, gold), ...])``."""
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(vocab))
    meta = pickle.loads((cache / "meta.pkl").read_bytes())
    return [(CachedAnalysis(doc, m["content_of"], m["statuses"]), m["targets"]) for doc, m in zip(docs, meta)]


def rows(sentences, use_model: bool = True) -> list[dict]:
    """One row per target: gold, status, sentence and predicate."""
    from newsevents.coding.status.status import status_of

    out = []
    for k, (analysis, targets) in enumerate(sentences):
        for start, end, gold in targets:
            span = analysis.doc.char_span(start, end, alignment_mode="expand")
            tok = span.root if span is not None and len(span) else None
            status = status_of(tok, analysis, use_model=use_model) if tok is not None else "asserted"
            out.append({"k": k, "gold": gold, "status": status, "tok": tok, "text": analysis.doc.text})
    return out


def report(out: list[dict], show: str | None, top: int) -> None:
    """Print the scores, the per-status table and the worst targets."""
    from newsevents.evaluate.metrics import mae, pearson

    gold = [r["gold"] for r in out]
    pred = [STATUS_CERTAINTY[r["status"]] for r in out]
    print(f"n={len(out)} r={pearson(gold, pred):.4f} mae={mae(gold, pred):.4f}")
    by = defaultdict(list)
    for r in out:
        by[r["status"]].append(r["gold"])
    total = sum((g - p) ** 2 for g, p in zip(gold, pred))
    for status, golds in sorted(by.items(), key=lambda kv: -len(kv[1])):
        sq = sum((g - STATUS_CERTAINTY[status]) ** 2 for g in golds)
        print(f"  {status:13s} n={len(golds):5d} mean={sum(golds) / len(golds):5.2f}"
              f" cert={STATUS_CERTAINTY[status]:5.2f} sq_share={sq / total:.3f}")
    pick = [r for r in out if show is None or r["status"] == show]
    pick.sort(key=lambda r: -abs(r["gold"] - STATUS_CERTAINTY[r["status"]]))
    for r in pick[:top]:
        tok = r["tok"]
        head = f"{tok.text}/{tok.dep_}<-{tok.head.text}" if tok is not None else "-"
        print(f"{r['gold']:5.1f} {r['status']:12s} {head:30s} | {r['text'][:220]}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--corpus", default="factuality/UW/train.jsonl")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/status_cache"))
    ap.add_argument("--show", default=None)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--rules", action="store_true", help="rules only (no learned check)")
    ap.add_argument("--dump", type=Path, default=None, help="write rows as JSON lines")
    args = ap.parse_args(argv)
    cache = args.cache / args.corpus.replace("/", "_")
    if not (cache / "meta.pkl").exists():
        build(args.data / args.corpus, cache)
    from newsevents.nlp import load as load_nlp

    nlp = load_nlp()
    out = rows(load(cache, nlp.vocab), use_model=not args.rules)
    report(out, args.show, args.top)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in out:
                tok = r["tok"]
                fh.write(json.dumps({"k": r["k"], "gold": r["gold"], "status": r["status"],
                                     "tok": tok.text if tok is not None else None,
                                     "i": tok.i if tok is not None else None, "text": r["text"]}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
