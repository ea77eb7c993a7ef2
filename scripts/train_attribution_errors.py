"""Cue error analysis of the attribution stage on a PolNeAR split (train by default).

Runs the attribution stage over the split and prints cue exact P/R/F1 and
where the gold cues it misses and the cues it invents come from:

* missed gold cues: ``boundary`` (a predicted cue overlaps it), a verb with a
  complement frame the cue model accepted but whose draft was dropped
  (``accepted_dropped``: no source and low confidence, an all-quote clause …),
  one it rejected (``rejected``), a verb without a complement frame
  (``no_frame``), or another part of speech (``noun``, ``adp`` …);
* invented cues: ``boundary`` or ``spurious``, by lemma and frame.

Use it to pick the next change (tune on train, never on dev)::

    nice -n 19 .venv/bin/python scripts/train_attribution_errors.py [--cache /tmp/train.docbin]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from newsevents.coding.attribution.attribution import AttributionStage  # noqa: E402
from newsevents.coding.attribution.lexicon import cue_words  # noqa: E402

#: the packaged cue lexicon (what the shipped model is trained with)
CUES = cue_words().cues
from newsevents.coding.attribution.rules import content_frame, is_verbal  # noqa: E402
from newsevents.coding.base import Analysis  # noqa: E402
from newsevents.coding.attribution.cue_model import load_cue_model  # noqa: E402
from newsevents.evaluate.attribution import read_polnear  # noqa: E402
from newsevents.records import Article  # noqa: E402
from train_attribution import parsed_docs  # noqa: E402


def accepted(tok, frame: str, model) -> bool:
    """Whether the stage would take ``tok`` with ``frame`` as a cue (lexicon or model)."""
    entry = CUES.get(tok.lemma_.lower())
    if frame == "ccomp" and entry is not None and entry.strong:
        return True
    return model is not None and model.is_cue(tok, frame, CUES)


def miss_kind(doc, cue: tuple[int, int], predicted: set[tuple[int, int]], model) -> tuple[str, str]:
    """(category, lemma) of a gold cue span the stage did not produce exactly."""
    s, e = cue
    if any(ps < e and s < pe for ps, pe in predicted):
        return "boundary", ""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return "unaligned", ""
    root = span.root
    if not is_verbal(root):
        return root.pos_.lower(), root.lemma_.lower()
    found = content_frame(root)
    if found is None:
        return "no_frame", root.lemma_.lower()
    kind = "accepted_dropped" if accepted(root, found[0], model) else "rejected"
    return kind, root.lemma_.lower()


def analyse(split: Path, cache: Path | None) -> dict[str, collections.Counter]:
    """Counters of the split's cue errors (see the module docstring)."""
    gold_docs = read_polnear(split)
    docs = parsed_docs([g.text for g in gold_docs], cache)
    model = load_cue_model()
    stage = AttributionStage()
    out = {k: collections.Counter() for k in ("totals", "missed", "missed_lemma", "invented", "invented_lemma")}
    for n, (gold, doc) in enumerate(zip(gold_docs, docs)):
        analysis = Analysis(article=Article(id=str(n), source=gold.name, text=gold.text), doc=doc)
        stage(analysis)
        predicted = {(a.cue.start, a.cue.end) for a in analysis.attributions}
        gold_cues = {g.cue[0] if len(g.cue) == 1 else (g.cue[0][0], g.cue[-1][1]) for g in gold.attributions}
        out["totals"].update(gold=len(gold_cues), predicted=len(predicted), correct=len(gold_cues & predicted))
        for cue in gold_cues - predicted:
            kind, lemma = miss_kind(doc, cue, predicted, model)
            out["missed"][kind] += 1
            if lemma:
                out["missed_lemma"][f"{kind}:{lemma}"] += 1
        for s, e in predicted - gold_cues:
            if any(gs < e and s < ge for gs, ge in gold_cues):
                out["invented"]["boundary"] += 1
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            root = span.root if span is not None else None
            found = content_frame(root) if root is not None else None
            out["invented"][f"spurious:{found[0] if found else 'none'}"] += 1
            out["invented_lemma"][root.lemma_.lower() if root is not None else "?"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--split", default="train", help="PolNeAR split (tune on train only)")
    ap.add_argument("--cache", default=None, help="DocBin file to keep the parses in")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)
    counts = analyse(Path(args.data) / "polnear" / args.split, Path(args.cache) if args.cache else None)
    t = counts["totals"]
    p = t["correct"] / max(t["predicted"], 1)
    r = t["correct"] / max(t["gold"], 1)
    # a script, not library code: printing is its output
    print(f"cue exact: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f} "
          f"({t['correct']} of {t['gold']} gold, {t['predicted']} predicted)")
    for name in ("missed", "missed_lemma", "invented", "invented_lemma"):
        print(f"\n{name}: " + ", ".join(f"{k} {v}" for k, v in counts[name].most_common(args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
