"""The event trigger lexicon: words and phrases -> PLOVER type and mode.

The table lives in ``newsevents/data/lexicons/events.tsv`` so that users can
edit it (or give an edited copy: ``Settings.lexicons``); see the header of that
file for the columns and flags.  The events stage loads it once (:func:`load`)
and passes it to whatever reads it.  The rules
coder uses it directly and the learned classifier uses it as features.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...errors import ModelError
from ...records import EVENT_TYPES
from ..lexicon_files import LexiconFiles

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

#: the file the lexicon is read from (see :class:`~newsevents.coding.lexicon_files.LexiconFiles`)
FILE = "events.tsv"

#: dependency labels of the second word of a verb phrase ("call *for*", "hold *talks*")
_PHRASE_CHILD_DEPS = frozenset({"prt", "prep", "dobj", "compound", "advmod", "oprd", "acomp", "ccomp"})
#: dependency labels of the first word of a noun phrase ("*air* strike", "*hunger* strike")
_PHRASE_MOD_DEPS = frozenset({"compound", "amod", "nmod"})
_VERB_POS = frozenset({"VERB", "AUX"})
#: nouns that only frame an event named by their modifier ("a *mediation* effort",
#: "an *aid* programme", "a *bombing* campaign"): they take the modifier's row, as an
#: ambiguous one unless a verb of carrying out has it as object (a "coordinated attack
#: effort" of a campaign is words, "launched a mediation effort" is not)
_FRAME_NOUNS = frozenset({"effort", "campaign", "mission", "programme", "program", "initiative",
                          "operation", "process", "plan"})
_LAUNCH_VERBS = frozenset("launch start begin lead head mount conduct undertake spearhead resume "
                          "join intensify step".split())
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row: what a word or phrase means as an event."""

    pattern: str
    type: str | None  # None: a governor that only passes the event on
    mode: str | None
    pos: str  # verb | noun | adj | any
    flags: frozenset[str]

    @property
    def is_speech(self) -> bool:
        return "speech" in self.flags

    @property
    def is_control(self) -> bool:
        return "control" in self.flags

    @property
    def is_weak(self) -> bool:
        return "weak" in self.flags

    @property
    def is_strong(self) -> bool:
        return "strong" in self.flags

    @property
    def is_fixed(self) -> bool:
        """A reading made from the words around the trigger ("*violated* the agreement"
        is a REJECT) that the classifier does not overrule."""
        return "fixed" in self.flags


class Lexicon:
    """Lookup of tokens in the trigger table (single lemmas and two-word phrases)."""

    def __init__(self, rows: list[Trigger]) -> None:
        self.single: dict[str, list[Trigger]] = {}
        self.phrases: dict[tuple[str, str], list[Trigger]] = {}
        #: (type, word) -> mode, for words that make an event's mode clear ("drone", "artillery")
        self.mode_words: dict[tuple[str, str], str] = {}
        for row in rows:
            if "modeword" in row.flags:
                if row.type and row.mode:
                    self.mode_words[(row.type, row.pattern)] = row.mode
                continue
            words = row.pattern.split()
            if len(words) == 1:
                self.single.setdefault(words[0], []).append(row)
            elif len(words) == 2:
                self.phrases.setdefault((words[0], words[1]), []).append(row)
            else:
                log.warning("events.tsv: pattern %r has more than two words; ignored", row.pattern)

    def lookup(self, token: "Token") -> Trigger | None:
        """The lexicon row for ``token`` as a predicate, phrases first."""
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ == "prep" and _is_time(child):
                continue  # "called on Friday" is not "called on"
            if child.dep_ in _PHRASE_CHILD_DEPS:
                hit = _pick(self.phrases.get((lemma, child.lemma_.lower())), token)
                if hit:
                    return hit
            if child.dep_ in _PHRASE_MOD_DEPS and _adjacent(child, token):
                hit = _pick(self.phrases.get((child.lemma_.lower(), lemma)), token)
                if hit:
                    return hit
        hit = _pick(self.single.get(lemma), token)
        if hit is None and lemma in _FRAME_NOUNS and token.pos_ in _NOUN_POS:
            hit = self._frame_modifier(token)
        if hit is None and token.text.lower() != lemma:
            hit = _pick(self.single.get(token.text.lower()), token)
        return hit

    def _frame_modifier(self, token: "Token") -> Trigger | None:
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ in _NOUN_POS:
                hit = _pick(self.single.get(child.lemma_.lower()), child)
                if hit is None or not hit.type:
                    continue
                if token.dep_ == "dobj" and token.head.lemma_.lower() in _LAUNCH_VERBS:
                    return hit  # "launched a mediation effort": the effort is carried out
                # otherwise only talked about ("a coordinated attack effort"): ambiguous
                return Trigger(f"{hit.pattern} {token.lemma_.lower()}", hit.type, hit.mode, "noun",
                               hit.flags - {"strong"} | {"weak"})
        return None

    def mode_from_words(self, etype: str, lemmas: list[str]) -> str | None:
        """The mode that the first mode word of ``etype`` among ``lemmas`` gives."""
        for n, lemma in enumerate(lemmas):
            if n + 1 < len(lemmas):
                mode = self.mode_words.get((etype, f"{lemma} {lemmas[n + 1]}"))
                if mode:
                    return mode
            mode = self.mode_words.get((etype, lemma))
            if mode:
                return mode
        return None

    def types_of(self, lemma: str) -> list[str]:
        """Every PLOVER type that ``lemma`` may trigger (for features)."""
        return [t.type for t in self.single.get(lemma, ()) if t.type]


def _adjacent(mod: "Token", head: "Token") -> bool:
    """``mod`` right before ``head``, or with only a hyphen between ("cease-fire")."""
    if mod.i == head.i - 1:
        return True
    return mod.i == head.i - 2 and head.doc[head.i - 1].text == "-"


def _is_time(prep: "Token") -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _pick(rows: list[Trigger] | None, token: "Token") -> Trigger | None:
    if not rows:
        return None
    kind = ("verb" if token.pos_ in _VERB_POS else "noun" if token.pos_ in _NOUN_POS
            else "adj" if token.pos_ == "ADJ" else "other")
    for row in rows:
        if row.pos == "any" or row.pos == kind:
            return row
    return None


def _parse_row(line: str, number: int) -> Trigger:
    cols = [c.strip() for c in line.split("\t")]
    if len(cols) < 4:
        raise ModelError(f"events.tsv line {number}: expected 5 columns, got {len(cols)}")
    pattern, etype, mode, pos = cols[:4]
    flags = cols[4] if len(cols) > 4 else "-"
    if etype != "-" and etype not in EVENT_TYPES:
        raise ModelError(f"events.tsv line {number}: unknown type {etype!r}")
    return Trigger(
        pattern=pattern.lower(),
        type=None if etype == "-" else etype,
        mode=None if mode == "-" else mode,
        pos=pos,
        flags=frozenset() if flags == "-" else frozenset(f.strip() for f in flags.split(",")),
    )


def load(files: LexiconFiles = LexiconFiles()) -> Lexicon:
    """The trigger lexicon of ``files`` (by default the packaged ``events.tsv``)."""
    return files.table(FILE, parse)


def parse(rows: tuple[tuple[int, str], ...]) -> Lexicon:
    """A :class:`Lexicon` of ``(line number, line)`` rows of ``events.tsv``."""
    return Lexicon([_parse_row(line, n) for n, line in rows])
