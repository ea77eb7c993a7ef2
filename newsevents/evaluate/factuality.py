"""Factuality suite: our epistemic status against gold event factuality.

Data: ``factuality/UW/dev.jsonl`` and ``factuality/MEANTIME/dev.jsonl``, one
sentence a line: ``{"text", "targets": [{"span1": [i, j], "label"}]}`` with
token indices over the whitespace-split ``text`` and a gold factuality in
[-3, 3] (3: happened, -3: did not happen).

The treebank-tokenized sentence is first put back into running text
(:func:`detokenize`; measured neutral on UW train, r 0.693 -> 0.695, but it
is the kind of text the pipeline is for).  Every sentence is parsed once
(batched through ``nlp.pipe``) and run through
the pipeline's coding stages up to attribution, so reported speech is seen.
For each gold target the predicate is the syntactic root of the spaCy tokens
under its character span; :func:`newsevents.coding.status.status.status_of` gives
its status, mapped to a certainty with
:data:`newsevents.records.STATUS_CERTAINTY`.

Scores per corpus (``uw_dev_…``, ``meantime_dev_…``): Pearson ``r`` and
``mae`` of certainty against gold, and ``macro_f1`` over three buckets -
factual (≥ 2.5), negated (≤ -1) and uncertain (between).  Noise is the
bootstrap standard deviation over sentences.  Cost: about a minute for UW dev
(992 sentences) on one core, most of it parsing.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from ..records import STATUS_CERTAINTY, Article
from .base import Score
from .metrics import bootstrap_std, mae, macro_f1, pearson

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

NAME = "factuality"
#: corpus prefix -> file under the data dir
CORPORA: dict[str, str] = {
    "uw_dev": "factuality/UW/dev.jsonl",
    "meantime_dev": "factuality/MEANTIME/dev.jsonl",
}
TARGETS: dict[str, float] = {"uw_dev_pearson_r": 0.75}
#: the coding stages status_of depends on (attribution fills content_of)
STATUS_STAGES = ("actors", "attribution")
BUCKETS = ("factual", "uncertain", "negated")


def bucket(value: float) -> str:
    """The 3-way class of a factuality value: factual, uncertain or negated."""
    if value >= 2.5:
        return "factual"
    if value <= -1.0:
        return "negated"
    return "uncertain"


@dataclass(frozen=True, slots=True)
class Target:
    """One gold event: character span in the sentence and its factuality."""

    start: int
    end: int
    gold: float


def token_offsets(text: str) -> list[tuple[int, int]]:
    """Character ``(start, end)`` of each whitespace-separated token of ``text``."""
    out, pos = [], 0
    for tok in text.split():
        start = text.index(tok, pos)
        pos = start + len(tok)
        out.append((start, pos))
    return out


# The corpora are Penn-Treebank tokenized ("did n't", "`` ... ''", "Miami - based");
# the pipeline is meant for running text, so the sentence is put back together
# before parsing, keeping where each gold token went.
_PTB = {"``": "\u201c", "''": "\u201d", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]"}
_ATTACH_LEFT = frozenset({",", ".", ";", ":", "!", "?", "%", "\u201d", ")", "]", "}", "...",
                          "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'"})
_ATTACH_RIGHT = frozenset({"\u201c", "(", "[", "{", "$", "#"})


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Running text from treebank tokens and each token's ``(start, end)`` in it.

    Punctuation and clitics attach to their neighbour, ``` `` ''`` become
    curly quotes, straight double quotes alternate opening and closing, and a
    lone ``-`` between two words joins them ("Miami-based").
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos, glue_next, open_quote = 0, True, False
    for k, raw in enumerate(tokens):
        tok = _PTB.get(raw, raw)
        attach = tok.lower() in _ATTACH_LEFT
        if tok == '"':
            attach, open_quote = open_quote, not open_quote
        hyphen = tok == "-" and 0 < k < len(tokens) - 1 and tokens[k - 1][-1:].isalnum() \
            and tokens[k + 1][:1].isalnum()
        if not (glue_next or attach or hyphen):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        glue_next = tok in _ATTACH_RIGHT or hyphen or (tok == '"' and open_quote)
    return "".join(parts), offsets


def read_corpus_line(text: str, spans: Sequence[tuple[int, int, float]]) -> tuple[str, list[Target]]:
    """A sentence and its targets from ``(first_token, end_token, gold)`` triples.

    Token indices count whitespace-separated tokens; out-of-range ones are dropped.
    """
    text, offsets = detokenize(text.split())
    targets = [Target(offsets[i][0], offsets[j - 1][1], float(gold))
               for i, j, gold in spans if 0 <= i < j <= len(offsets)]
    return text, targets


def read_corpus(path: Path) -> list[tuple[str, list[Target]]]:
    """Sentences with at least one valid target from one JSONL file."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            spans = [(t["span1"][0], t["span1"][1], t["label"]) for t in rec.get("targets", [])]
            text, targets = read_corpus_line(rec["text"], spans)
            if targets:
                out.append((text, targets))
    return out


def _status_stages(pipeline: "Pipeline") -> list:
    """The pipeline's own stages that status depends on, in pipeline order."""
    try:
        stages = pipeline.stages
    except ImportError:  # some later stage not installed: build the two we need
        from ..coding.attribution.attribution import AttributionStage

        stages = [AttributionStage()]
        try:
            from ..coding.actors.actors import ActorStage

            stages.insert(0, ActorStage())
        except ImportError:
            log.warning("actors stage not available; attribution runs without actors")
    return [s for s in stages if s.name in STATUS_STAGES]


def predict(sentences: Sequence[tuple[str, list[Target]]], pipeline: "Pipeline",
            stages: Sequence | None = None) -> Iterator[list[tuple[float, str]]]:
    """Per sentence, ``(gold, status)`` of each target, in order.

    ``stages`` defaults to the pipeline's stages that status depends on.
    """
    from ..coding.base import Analysis
    from ..coding.lexicon_files import LexiconFiles
    from ..coding.status.cues import status_words
    from ..coding.status.status import status_of

    stages = _status_stages(pipeline) if stages is None else stages
    words = status_words(LexiconFiles(pipeline.settings.lexicons))
    texts = [s for s, _ in sentences]
    docs = pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size)
    for k, ((text, targets), doc) in enumerate(zip(sentences, docs)):
        analysis = Analysis(article=Article(id=f"s{k}", source="factuality", text=text), doc=doc)
        for stage in stages:
            try:
                stage(analysis)
            except Exception:  # noqa: BLE001 - a stage bug costs this sentence's context only
                log.exception("stage %s failed on sentence %d", stage.name, k)
        out = []
        for t in targets:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            status = (status_of(span.root, analysis, words=words, use_model=pipeline.settings.use_models)
                      if span is not None and len(span) else "asserted")
            out.append((t.gold, status))
        yield out


def corpus_scores(prefix: str, per_sentence: list[list[tuple[float, str]]]) -> list[Score]:
    """Pearson r, MAE and bucket macro-F1 of one corpus, with bootstrap noise."""

    def flat(sample):
        pairs = [p for sent in sample for p in sent]
        return [g for g, _ in pairs], [STATUS_CERTAINTY[s] for _, s in pairs]

    def r(sample):
        return pearson(*flat(sample))

    def err(sample):
        return mae(*flat(sample))

    def f1(sample):
        gold, pred = flat(sample)
        return macro_f1([bucket(g) for g in gold], [bucket(p) for p in pred], BUCKETS)

    n = sum(len(s) for s in per_sentence)
    out = []
    for metric, fn, higher in (("pearson_r", r, True), ("mae", err, False), ("macro_f1", f1, True)):
        key = f"{prefix}_{metric}"
        out.append(Score(NAME, key, fn(per_sentence), n, target=TARGETS.get(key),
                         noise=bootstrap_std(per_sentence, fn), higher_is_better=higher,
                         unit="events"))
    return out


class FactualitySuite:
    """Status certainty against UW and MEANTIME dev (see the module docstring)."""

    name = NAME
    needs = tuple(CORPORA.values())

    def run(self, data_dir: Path, pipeline: "Pipeline") -> list[Score]:
        """Scores for each corpus."""
        scores: list[Score] = []
        stages = _status_stages(pipeline)
        for prefix, rel in CORPORA.items():
            sentences = read_corpus(data_dir / rel)
            per_sentence = list(predict(sentences, pipeline, stages))
            scores.extend(corpus_scores(prefix, per_sentence))
        return scores


SUITE = FactualitySuite()
