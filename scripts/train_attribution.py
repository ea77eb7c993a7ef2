"""Learn the attribution frame table from PolNeAR train.

For every verb in PolNeAR's train split this counts, per (lemma, frame), how
often the verb is a gold cue whose gold content overlaps the complement the
frame picks (``ccomp``: a clause, ``xcomp``: "urged X to …", ``dobj``:
"endorsed Clinton", ``prep:<word>``: "called for …").  Frames whose
precision on train is at least ``--min-precision`` (with ``--min-count``
occurrences) are written, with their counts, to
``newsevents/data/models/attribution_frames.tsv``; the attribution stage
reads that table next to the hand-written cue lexicon and applies its own
(stricter) precision threshold, ``attribution_lexicon.MIN_PRECISION``; hand
lexicon cues whose clause frame was rarely a gold cue are listed too, so that
the stage can drop them.

It also trains the cue classifier (``attribution_cues.json``: logistic
regression weights over the same candidates) and, for the (lemma, frame)
pairs that classifier accepts, learns PolNeAR's cue-span conventions: which
span variant ("described" rather than "described as", "continued to attack",
"made no mention of") matched the gold cue clearly more often than the rule's
span (``extents``), and which pairs' spans almost never did (``vetoes``).

Deterministic (no sampling), CPU-only; reads train only.

    .venv/bin/python scripts/train_attribution.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.coding.attribution.lexicon import cue_words  # noqa: E402
from newsevents.coding.attribution.rules import content_frame  # noqa: E402
from newsevents.evaluate.attribution import read_polnear  # noqa: E402
from newsevents.pipeline import Pipeline  # noqa: E402

OUT = ROOT / "newsevents" / "data" / "models" / "attribution_frames.tsv"
MODEL_OUT = ROOT / "newsevents" / "data" / "models" / "attribution_cues.json"
#: the packaged cue lexicon (the features read it; the shipped model is trained with it)
CUES = cue_words().cues


def _gold_index(doc) -> tuple[set[int], list[tuple[int, int]]]:
    """Character positions of gold cues and gold content pieces."""
    cue_chars: set[int] = set()
    contents: list[tuple[int, int]] = []
    for g in doc.attributions:
        for s, e in g.cue:
            cue_chars.update(range(s, e))
        contents.extend(g.content)
    return cue_chars, contents


def parsed_docs(texts: list[str], cache: Path | None) -> list:
    """spaCy docs of ``texts`` as the pipeline parses them; cached in a DocBin file."""
    from spacy.tokens import DocBin

    pipe = Pipeline(stages=[])
    if cache is not None and cache.is_file():
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(pipe.nlp.vocab))
    docs = [getattr(a, "doc", None) for a in pipe.analyse(texts)]
    if cache is not None and all(d is not None for d in docs):
        cache.write_bytes(DocBin(docs=docs).to_bytes())
    return docs


_PARSED: dict[str, list] = {}


def _candidates(split_dir: Path, cache: Path | None = None, with_spans: bool = False):
    """Every verb with a complement frame in a PolNeAR split: ``(token, frame, is_gold_cue)``
    (and, ``with_spans``, the set of the document's gold cue spans as a fourth item).

    A candidate is a gold cue when gold marks it as the cue of a content that
    overlaps the candidate's complement.  Parses are kept for the next call.
    """
    docs = read_polnear(split_dir)
    key = str(split_dir)
    if key not in _PARSED:
        _PARSED[key] = parsed_docs([d.text for d in docs], cache)
    for gold, doc in zip(docs, _PARSED[key]):
        if doc is None:
            continue
        cue_chars, contents = _gold_index(gold)
        spans = {g.cue[0] for g in gold.attributions}
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            found = content_frame(tok)
            if found is None:
                continue
            frame, toks = found
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            hit = tok.idx in cue_chars and any(cs < e and s < ce for cs, ce in contents)
            yield (tok, frame, hit, spans) if with_spans else (tok, frame, hit)


def count_frames(split_dir: Path, cache: Path | None = None) -> collections.Counter:
    """``{(lemma, frame, is_gold): n}`` over a PolNeAR split."""
    counts: collections.Counter = collections.Counter()
    for tok, frame, hit in _candidates(split_dir, cache):
        counts[(tok.lemma_.lower(), frame, hit)] += 1
    return counts


def cue_examples(split_dir: Path, cache: Path | None = None) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every candidate cue verb (a verb with a complement frame)."""
    from newsevents.coding.attribution.cue_model import features

    xs: list[list[str]] = []
    ys: list[int] = []
    for tok, frame, hit in _candidates(split_dir, cache):
        xs.append(features(tok, frame, CUES))
        ys.append(int(hit))
    return xs, ys


def train_cue_model(xs: list[list[str]], ys: list[int], c: float) -> dict[str, float]:
    """Logistic regression weights (deterministic: liblinear, fixed seed)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in fs} for fs in xs]).tocsr()
    x.indices = x.indices.astype("int32")
    x.indptr = x.indptr.astype("int32")
    model = LogisticRegression(C=c, solver="liblinear", random_state=0, fit_intercept=False, max_iter=500)
    model.fit(x, ys)
    names = vec.get_feature_names_out()
    return {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-3}


#: the cue-span variants a (lemma, frame) may take (see ``attribution_rules.cue_variants``)
VARIANTS = ("bare", "inf", "infprep", "dobj", "dobjprep", "object")
#: a (lemma, frame) takes another cue span when that one was PolNeAR's this much more often
EXTENT_MARGIN = 0.1
#: a (lemma, frame) the model accepts is vetoed when its span was PolNeAR's cue less often than this
VETO_EXACT = 0.15
#: … over at least this many accepted occurrences (and EXTENT_MIN for a span variant)
VETO_MIN, EXTENT_MIN = 8, 5


def span_tables(split_dir: Path, cache: Path | None, model) -> tuple[dict[str, str], list[str]]:
    """Cue-span conventions of the (lemma, frame) pairs that ``model`` accepts, from a split:
    ``extents`` (the :func:`cue_variants` span that matched gold clearly more often than
    the rule's span) and ``vetoes`` (pairs whose span almost never matched gold)."""
    from newsevents.coding.attribution.rules import cue_extent, cue_variants

    hits: collections.Counter = collections.Counter()
    seen: collections.Counter = collections.Counter()
    for tok, frame, _hit, spans in _candidates(split_dir, cache, with_spans=True):
        if not model.is_cue(tok, frame, CUES):
            continue
        key = f"{tok.lemma_.lower()}|{frame}"
        seen[key] += 1
        hits[(key, "rule")] += cue_extent(tok, frame) in spans
        for name, span in cue_variants(tok, frame).items():
            hits[(key, name)] += span in spans
    extents: dict[str, str] = {}
    vetoes: list[str] = []
    for key in sorted(seen):
        n = seen[key]
        best = max(VARIANTS, key=lambda v: (hits[(key, v)], v))
        if n >= EXTENT_MIN and hits[(key, best)] >= hits[(key, "rule")] + max(2, EXTENT_MARGIN * n):
            extents[key] = best
        elif n >= VETO_MIN and hits[(key, "rule")] < VETO_EXACT * n:
            vetoes.append(key)
    return extents, vetoes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.3)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--cache", default=None, help="DocBin file to keep the train parses in")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the cue model")
    ap.add_argument("--threshold", type=float, default=0.3, help="decision threshold of the cue model")
    ap.add_argument("--model-out", default=str(MODEL_OUT))
    args = ap.parse_args(argv)
    cache = Path(args.cache) if args.cache else None
    xs, ys = cue_examples(Path(args.data) / "polnear" / "train", cache)
    weights = train_cue_model(xs, ys, args.c)
    from newsevents.coding.attribution.cue_model import CueModel

    extents, vetoes = span_tables(Path(args.data) / "polnear" / "train", cache, CueModel(weights, args.threshold))
    Path(args.model_out).write_text(json.dumps(
        {"about": "attribution cue classifier, PolNeAR train, scripts/train_attribution.py",
         "c": args.c, "threshold": args.threshold, "examples": len(ys), "positives": sum(ys),
         "extents": extents, "vetoes": vetoes,
         "weights": dict(sorted(weights.items()))}, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"cue spans: {len(extents)} learned extents, {len(vetoes)} vetoes")
    print(f"cue model: {len(weights)} weights from {len(ys)} candidates -> {args.model_out}")
    counts = count_frames(Path(args.data) / "polnear" / "train", cache)
    keys = sorted({(lemma, frame) for lemma, frame, _ in counts})
    rows = []
    for lemma, frame in keys:
        pos, neg = counts[(lemma, frame, True)], counts[(lemma, frame, False)]
        n = pos + neg
        if n >= args.min_count and pos / n >= args.min_precision:
            rows.append(f"{lemma}\t{frame}\t{pos}\t{n}")
        elif n >= args.min_count and frame == "ccomp" and lemma in CUES:
            rows.append(f"{lemma}\t{frame}\t{pos}\t{n}")  # kept so that the loader can veto it
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = ("# lemma<TAB>frame<TAB>gold cue count<TAB>occurrences, PolNeAR train "
              f"(min count {args.min_count}, min precision {args.min_precision}); "
              "built by scripts/train_attribution.py\n")
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} frames -> {out}")  # a script, not library code: printing is its output
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
