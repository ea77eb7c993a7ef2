"""Section labels: a short phrase ending in a colon that opens a paragraph.

News pages head paragraphs with labels ("Background:", "What we know:",
"Analysis:", "Why it matters:", "NEW DELHI:"); they name the section, not a
party to anything, so no actor is made of their words.  A paragraph that
opens with a speaker and a speech verb ("Officials said: …", "Ruiz told
reporters: …") is no label: the colon there introduces what was said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The longest label, in tokens before its colon ("The bottom line for investors").
MAX_LABEL_TOKENS = 6
#: Subjects that do not make a label a speech introduction ("What we know:", "What they're saying:").
_LABEL_SUBJECTS = frozenset("we it they you what who which this that here there".split())
_SUBJ = frozenset(("nsubj", "nsubjpass"))


def label_tokens(doc: "Doc") -> set[int]:
    """Indices of the tokens (colon included) of every paragraph-opening section label."""
    out: set[int] = set()
    text = doc.text
    for start in _paragraph_starts(doc, text):
        end = _label_end(doc, start)
        if end is not None and not _speech_intro(doc, start, end):
            out.update(range(start, end + 1))
    return out


def _paragraph_starts(doc: "Doc", text: str) -> list[int]:
    """First non-space token of the text and of every line."""
    starts = []
    for t in doc:
        if t.is_space:
            continue
        before = text[:t.idx].rstrip(" \t")
        if not before or before.endswith("\n"):
            starts.append(t.i)
    return starts


def _label_end(doc: "Doc", start: int) -> int | None:
    """Index of the colon closing a label that opens at ``start``, or ``None``."""
    if not doc[start].text[:1].isupper():
        return None
    for j in range(start + 1, min(len(doc), start + MAX_LABEL_TOKENS + 1)):
        t = doc[j]
        if t.text == ":":
            after_space = bool(t.whitespace_) or j + 1 == len(doc) or doc[j + 1].is_space
            return j if after_space else None  # "10:30" is a time
        if not _label_word(t):
            return None
    return None


def _label_word(t: "Token") -> bool:
    """Words, possessives, commas and hyphens may stand in a label; quotes and sentence ends may not."""
    return t.is_alpha or t.text in ("'s", "\u2019s", "'", ",", "-", "&", "'re", "\u2019re") or t.like_num


def _speech_intro(doc: "Doc", start: int, end: int) -> bool:
    """True for "Officials said:", "Ruiz told reporters:": a speaker and its verb before the colon."""
    for t in doc[start:end]:
        if t.dep_ in _SUBJ and start <= t.head.i < end and t.head.pos_ in ("VERB", "AUX") \
                and t.lower_ not in _LABEL_SUBJECTS and doc[start].lower_ not in _LABEL_SUBJECTS \
                and doc[start].tag_ not in ("WDT", "WP", "WRB"):
            return True
    return False
