"""Train the status model and fit the certainty of each status on UW train.

Usage::

    .venv/bin/python scripts/train_status.py [--data ../shared/data] [--cv] [--no-model]

Every gold target of the training corpus is run through the same path as the
factuality suite (parse, actors and attribution stages, then
:func:`newsevents.coding.status.status.status_of` on the root of the target span).

1. The open-outcome model (:mod:`newsevents.coding.status.open_model`) is
   trained on the targets whose rule status is a governed ``future`` or
   ``negated``: the label says whether the gold factuality lies nearer to
   the certainty of ``speculative`` than to that of the rule status.
   ``--cv`` first prints 5-fold cross-validated Pearson r on train (folds by
   sentence) for a few settings.  The model is saved to
   ``newsevents/data/models/status_open.json`` (``--no-model``: skip).
2. The plain check (``status_open_plain.json``) is trained the same way on
   the targets the rules and the first model leave ``asserted`` or
   ``reported`` (:func:`newsevents.coding.status.status.base_status`), with the
   structural features of :func:`~newsevents.coding.status.open_model.plain_features`.
   ``--cv`` prints its 5-fold CV train r with folds of consecutive sentences
   (neighbouring sentences share an article and its words).
3. The certainty of each status is then fitted on the final statuses (rules
   and model): the median gold factuality of its targets (the
   least-absolute-error value, as the suite scores MAE; ``--centre mean``
   gives the least-squares one, which maximises Pearson r on train), under
   the constraint that the statuses keep their order of commitment
   (:data:`ORDER`: asserted highest, negated lowest) - pool-adjacent-violators
   merges neighbours that would break it.  On UW the median fit loses about
   0.001 of train r against the mean fit and lowers MAE by about 0.07.

The labels of steps 1 and 2 use the certainties in ``records.py``; re-running
gives the same model files.  Since the plain check, the median fit pools
``reported`` with ``asserted`` (3.0) and ``hypothetical``/``denied`` with
``speculative`` (1.4); that lowers UW train r (0.8033 -> 0.8011) and dev r
(0.7602 -> 0.7583), so ``records.py`` keeps its values.
The script prints the fitted dict and, per status, count, mean and the
current value; copying the dict into ``newsevents/records.py`` is a
deliberate step (that module is shared).  Deterministic: fixed folds, a
tight solver tolerance and rounded weights give the same file on every run.
Tune on train only; the suite reports dev.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsevents.coding.status.cues import status_words  # noqa: E402
from newsevents.records import STATUS_CERTAINTY  # noqa: E402

#: regularisation and decision threshold of the open-outcome model (best 5-fold CV
#: train r in --cv: 0.7723 against 0.7656 for the rules alone)
#: the packaged status word lists (what the shipped models are trained with)
WORDS = status_words()
C = 0.3
THRESHOLD = 0.5
#: the same for the plain check (5-fold block CV train r 0.7996 against 0.7930 without it;
#: C=1.0 gave 0.7992, C=0.1 0.7969, threshold 0.6 0.7966)
PLAIN_#: the packaged status word lists (what the shipped models are trained with)
WORDS = status_words()
C = 0.3
PLAIN_THRESHOLD = 0.5
#: statuses from most to least committed: the fitted values must not increase along it
ORDER: tuple[str, ...] = ("asserted", "reported", "alleged", "future", "speculative",
                          "hypothetical", "denied", "negated")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


#: fitting criterion -> the value of one block of gold factualities
CENTRES = {"median": _median, "mean": _mean}


def isotonic_fit(pairs: list[tuple[float, str]], centre: str = "median",
                 order: tuple[str, ...] = ORDER) -> dict[str, float]:
    """One value per status, non-increasing along ``order``.

    ``pairs`` are ``(gold, status)``.  ``centre`` "median" minimises the
    absolute error (the suite's MAE), "mean" the squared error.  Neighbours
    that would break the order are pooled (pool-adjacent-violators).  A
    status without any target keeps its current value.
    """
    value = CENTRES[centre]
    blocks: list[tuple[list[float], list[str]]] = []
    for status in order:
        golds = [g for g, s in pairs if s == status]
        if not golds:
            continue
        blocks.append((golds, [status]))
        while len(blocks) > 1 and value(blocks[-1][0]) > value(blocks[-2][0]):
            golds, names = blocks.pop()
            blocks[-1][0].extend(golds)
            blocks[-1][1].extend(names)
    fitted = dict(STATUS_CERTAINTY)
    for golds, names in blocks:
        for name in names:
            fitted[name] = round(value(golds), 2)
    return fitted


def parse(path: Path) -> list[tuple]:
    """``(analysis, [(gold, token), ...])`` per sentence, through the suite's stages."""
    from newsevents.coding.base import Analysis
    from newsevents.evaluate.factuality import STATUS_STAGES, read_corpus
    from newsevents.pipeline import Pipeline
    from newsevents.records import Article

    pipeline = Pipeline()
    stages = [s for s in pipeline.stages if s.name in STATUS_STAGES]
    sentences = read_corpus(path)
    out = []
    docs = pipeline.nlp.pipe([text for text, _ in sentences], batch_size=64)
    for k, ((text, targets), doc) in enumerate(zip(sentences, docs)):
        analysis = Analysis(article=Article(id=f"s{k}", source="train", text=text), doc=doc)
        for stage in stages:
            stage(analysis)
        tokens = []
        for t in targets:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            tokens.append((t.gold, span.root if span is not None and len(span) else None))
        out.append((analysis, tokens))
    return out


def _collect(parsed: list[tuple], pick) -> tuple[list, list[int], list[tuple[int, int]]]:
    """Features, labels and (sentence, target) positions of the targets ``pick`` accepts:
    ``pick(tok, analysis)`` gives ``(status, features)`` or ``None``; the label says
    whether the gold certainty is nearer "speculative" than that status."""
    rows, labels, where = [], [], []
    spec = STATUS_CERTAINTY["speculative"]
    for k, (analysis, tokens) in enumerate(parsed):
        for j, (gold, tok) in enumerate(tokens):
            picked = pick(tok, analysis) if tok is not None else None
            if picked is None:
                continue
            status, feats = picked
            rows.append(feats)
            labels.append(int(abs(gold - spec) < abs(gold - STATUS_CERTAINTY[status])))
            where.append((k, j))
    return rows, labels, where


def examples(parsed: list[tuple]) -> tuple[list, list[int], list[tuple[int, int]]]:
    """Features, labels and (sentence, target) positions of the refinable targets."""
    from newsevents.coding.status.open_model import features, refinable
    from newsevents.coding.status.status import governed_status, status_of

    def pick(tok, analysis):
        status = governed_status(tok, WORDS)
        if not refinable(tok, status, WORDS) or status_of(tok, analysis, use_model=False) != status:
            return None
        return status, features(tok, status, WORDS, tok.i in analysis.content_of)

    return _collect(parsed, pick)


def plain_examples(parsed: list[tuple]) -> tuple[list, list[int], list[tuple[int, int]]]:
    """Features, labels and positions of the targets the plain check sees."""
    from newsevents.coding.status.open_model import plain_checkable, plain_features
    from newsevents.coding.status.status import base_status

    def pick(tok, analysis):
        status = base_status(tok, analysis)
        if not plain_checkable(tok, status):
            return None
        return status, plain_features(tok, status, WORDS, tok.i in analysis.content_of)

    return _collect(parsed, pick)


def plain_cross_validate(parsed, rows, labels, where, c: float, threshold: float, k: int = 5) -> float:
    """Pearson r on train with the plain check of each block of sentences fitted on the others."""
    from newsevents.training import fit_open_model as fit
    from newsevents.coding.status.status import base_status

    pairs = [[[gold, base_status(tok, analysis) if tok is not None else "asserted"]
              for gold, tok in tokens] for analysis, tokens in parsed]
    n = len(parsed)
    for fold in range(k):
        train = [m for m, (s, _) in enumerate(where) if s * k // n != fold]
        model = fit([rows[m] for m in train], [labels[m] for m in train], c, threshold)
        for m, (s, j) in enumerate(where):
            if s * k // n == fold and model.is_open(rows[m]):
                pairs[s][j][1] = "speculative"
    return pearson_of(pairs)


def train_plain(parsed: list[tuple], c: float, threshold: float, cv: bool) -> None:
    """Fit and save the plain check (after the governed model, whose statuses it sees)."""
    from newsevents.coding.status import open_model as status_open
    from newsevents.training import fit_open_model

    path = status_open.default_path(status_open.PLAIN_FILE)
    if path.exists():
        path.unlink()  # base statuses must not see an old plain check (they do not, but be sure)
    rows, labels, where = plain_examples(parsed)
    print(f"plain check: {len(rows)} asserted/reported targets, {sum(labels)} nearer speculative")
    if cv:
        for cc in (0.1, 0.3, 1.0):
            for thr in (0.5, 0.6):
                r = plain_cross_validate(parsed, rows, labels, where, cc, thr)
                print(f"  5-fold block CV train r {r:.4f}  (C={cc}, threshold={thr})")
    model = fit_open_model(rows, labels, c, threshold)
    model.save(path)
    print(f"saved {path} ({path.stat().st_size / 1e3:.1f} kB, {len(model.weights)} weights)")


def rule_pairs(parsed: list[tuple], use_model: bool) -> list[list[list]]:
    """Per sentence, ``[gold, status]`` of each target."""
    from newsevents.coding.status.status import status_of

    return [[[gold, status_of(tok, analysis, use_model=use_model) if tok is not None else "asserted"]
             for gold, tok in tokens] for analysis, tokens in parsed]


def pearson_of(pairs: list[list[list]]) -> float:
    from newsevents.evaluate.metrics import pearson

    flat = [p for sent in pairs for p in sent]
    return pearson([g for g, _ in flat], [STATUS_CERTAINTY[s] for _, s in flat])


def cross_validate(parsed, rows, labels, where, c: float, threshold: float, k: int = 5) -> float:
    """Pearson r on train with each fold's refinable targets decided by a model fitted on the others."""
    from newsevents.training import fit_open_model as fit

    pairs = rule_pairs(parsed, use_model=False)
    for fold in range(k):
        train = [n for n, (s, _) in enumerate(where) if s % k != fold]
        model = fit([rows[n] for n in train], [labels[n] for n in train], c, threshold)
        for n, (s, j) in enumerate(where):
            if s % k == fold and model.is_open(rows[n]):
                pairs[s][j][1] = "speculative"
    return pearson_of(pairs)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--corpus", default="factuality/UW/train.jsonl")
    ap.add_argument("--centre", choices=sorted(CENTRES), default="median")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--plain-c", type=float, default=PLAIN_C)
    ap.add_argument("--plain-threshold", type=float, default=PLAIN_THRESHOLD)
    ap.add_argument("--cv", action="store_true", help="print 5-fold CV figures first")
    ap.add_argument("--no-model", action="store_true", help="only fit the certainties")
    args = ap.parse_args(argv)

    from newsevents.coding.status import open_model as status_open
    from newsevents.training import fit_open_model

    parsed = parse(args.data / args.corpus)
    if not args.no_model:
        rows, labels, where = examples(parsed)
        print(f"rules only: train r {pearson_of(rule_pairs(parsed, use_model=False)):.4f};"
              f" {len(rows)} refinable targets, {sum(labels)} nearer speculative")
        if args.cv:
            for c in (0.1, 0.3, 1.0):
                for thr in (0.5, 0.6, 0.7):
                    r = cross_validate(parsed, rows, labels, where, c, thr)
                    print(f"  5-fold CV train r {r:.4f}  (C={c}, threshold={thr})")
        model = fit_open_model(rows, labels, args.c, args.threshold)
        path = status_open.default_path()
        model.save(path)
        print(f"saved {path} ({path.stat().st_size / 1e3:.1f} kB, {len(model.weights)} weights)")
        train_plain(parsed, args.plain_c, args.plain_threshold, args.cv)
    pairs = [(g, s) for sent in rule_pairs(parsed, use_model=not args.no_model) for g, s in sent]
    fitted = isotonic_fit(pairs, args.centre)
    for status in ORDER:
        golds = [g for g, s in pairs if s == status]
        mean = sum(golds) / len(golds) if golds else float("nan")
        print(f"{status:13s} n={len(golds):5d} mean={mean:5.2f} current={STATUS_CERTAINTY[status]:5.2f}"
              f" fitted={fitted[status]:5.2f}")
    print("STATUS_CERTAINTY =", {s: fitted[s] for s in ORDER})
    return 0


if __name__ == "__main__":
    sys.exit(main())
