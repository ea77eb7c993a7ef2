"""One-to-one matching of coded events against article-level gold events.

The scoring of ``gold-events/README.md`` (the one its annotators' agreement
was measured with): a coded event can match a gold event of the same
document when its trigger lies in the gold sentence, or the two sentences
share most words.  *Detection* also needs the same type or overlapping
triggers; *typed* the same type; *full* the same type, and source, target
and status that agree.  An actor agrees when it names the gold party by a
shared name word or has the same country; an empty side agrees only with an
empty side.  Matching is one-to-one, greedy by how much agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .gold_events_data import GoldActor, GoldEvent
from .metrics import PRF, total

LEVELS = ("detection", "typed", "full")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
#: words that name no party ("the", "of", titles shared by everybody)
_STOP = frozenset("the a an of and for in on to at by with from mr mrs ms dr".split())
#: share of words two sentences must share to be the same sentence split differently
SAME_SENTENCE = 0.6


def name_words(text: str) -> frozenset[str]:
    """Lower-cased words of a name that can identify a party."""
    return frozenset(w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 1)


@dataclass(frozen=True)
class CodedActor:
    words: frozenset[str]  # of its name and every mention
    country: str | None


@dataclass(frozen=True)
class CodedEvent:
    """What the scorer needs of one coded event."""

    trigger: tuple[int, int]
    sentence_words: frozenset[str]
    type: str
    source: tuple[CodedActor, ...]
    target: tuple[CodedActor, ...]
    status: str
    attributed_to: tuple[CodedActor, ...]
    date: str | None


def actor_agrees(coded: CodedActor, gold: GoldActor) -> bool:
    if coded.country and gold.country and coded.country == gold.country:
        return True
    return bool(coded.words & name_words(gold.name))


def side_agrees(coded: Sequence[CodedActor], gold: Sequence[GoldActor]) -> bool:
    if not coded or not gold:
        return not coded and not gold
    return any(actor_agrees(c, g) for c in coded for g in gold)


def speakers_agree(coded: Sequence[CodedActor], gold: Sequence[str]) -> bool:
    if not coded or not gold:
        return not coded and not gold
    return any(c.words & name_words(g) for c in coded for g in gold)


def same_sentence(c: CodedEvent, g: GoldEvent) -> bool:
    if g.sentence[0] <= c.trigger[0] < g.sentence[1]:
        return True
    gw = name_words(g.sentence_text)
    if not gw or not c.sentence_words:
        return False
    return len(gw & c.sentence_words) / len(gw | c.sentence_words) >= SAME_SENTENCE


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Agreement:
    """How a coded and a gold event agree (``None`` when not in the same sentence)."""

    type: bool
    trigger: bool
    source: bool
    target: bool
    status: bool

    def at(self, level: str) -> bool:
        if level == "detection":
            return self.type or self.trigger
        if level == "typed":
            return self.type
        return self.type and self.source and self.target and self.status

    @property
    def weight(self) -> int:
        return 4 * self.type + 2 * self.trigger + self.source + self.target + self.status


def agreement(c: CodedEvent, g: GoldEvent) -> Agreement | None:
    if not same_sentence(c, g):
        return None
    return Agreement(c.type == g.type, _overlap(c.trigger, g.trigger), side_agrees(c.source, g.source),
                     side_agrees(c.target, g.target), c.status == g.status)


def match(coded: Sequence[CodedEvent], gold: Sequence[GoldEvent],
          level: str) -> list[tuple[int, int, Agreement]]:
    """Greedy one-to-one pairs ``(coded index, gold index, agreement)`` at ``level``."""
    pairs = []
    for i, c in enumerate(coded):
        for j, g in enumerate(gold):
            a = agreement(c, g)
            if a is not None and a.at(level):
                pairs.append((-a.weight, i, j, a))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    used_c: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j, a in pairs:
        if i not in used_c and j not in used_g:
            used_c.add(i)
            used_g.add(j)
            out.append((i, j, a))
    return out


@dataclass(frozen=True)
class DocScore:
    """Counts of one document, summed over documents for micro-averaged figures."""

    matched: dict[str, PRF]  # level -> matched pairs among the coded and the gold events
    by_type: dict[str, PRF]  # type -> typed matches among that type's coded and gold events
    among_detected: dict[str, tuple[int, int]]  # field -> (right, scored)
    political: bool

    @property
    def n_coded(self) -> int:
        return self.matched["detection"].n_pred


def _pairs(n: int, n_coded: int, n_gold: int) -> PRF:
    return PRF(n, n_coded, n, n_gold)


def score_document(coded: Sequence[CodedEvent], gold: Sequence[GoldEvent], political: bool) -> DocScore:
    matched = {level: _pairs(len(match(coded, gold, level)), len(coded), len(gold)) for level in LEVELS}
    types = {c.type for c in coded} | {g.type for g in gold}
    typed = match(coded, gold, "typed")
    by_type = {t: _pairs(sum(1 for i, _, _ in typed if coded[i].type == t),
                         sum(1 for c in coded if c.type == t), sum(1 for g in gold if g.type == t))
               for t in types}
    fields: dict[str, list[bool]] = {k: [] for k in ("source", "target", "status", "attributed_to", "date")}
    for i, j, a in match(coded, gold, "detection"):
        c, g = coded[i], gold[j]
        fields["source"].append(a.source)
        fields["target"].append(a.target)
        fields["status"].append(a.status)
        fields["attributed_to"].append(speakers_agree(c.attributed_to, g.attributed_to))
        if g.date:
            fields["date"].append(bool(c.date) and c.date.startswith(g.date[:7]) and
                                  (len(g.date) < 10 or c.date[:10] == g.date[:10]))
    return DocScore(matched, by_type, {k: (sum(v), len(v)) for k, v in fields.items()}, political)


@dataclass(frozen=True)
class Totals:
    """Micro-averaged figures over a set of documents."""

    docs: Sequence[DocScore]

    def prf(self, level: str) -> tuple[float, float, float]:
        counts = total(d.matched[level] for d in self.docs)
        return counts.precision, counts.recall, counts.f1

    def accuracy(self, field: str) -> tuple[float, int]:
        right = sum(d.among_detected[field][0] for d in self.docs)
        n = sum(d.among_detected[field][1] for d in self.docs)
        return (right / n if n else 0.0), n

    def quiet_share(self) -> tuple[float, int]:
        """Share of non-political documents that got no event."""
        quiet = [d.n_coded == 0 for d in self.docs if not d.political]
        return (sum(quiet) / len(quiet) if quiet else 0.0), len(quiet)

    def type_f1(self) -> dict[str, tuple[float, int]]:
        """Typed F1 of each type and its number of gold events."""
        types = {t for d in self.docs for t in d.by_type}
        counts = {t: total(d.by_type[t] for d in self.docs if t in d.by_type) for t in types}
        return {t: (c.f1, c.n_gold) for t, c in counts.items()}


def words_of(texts: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for t in texts:
        out |= name_words(t)
    return frozenset(out)
