"""Section labels: a short phrase ending in a colon that opens a paragraph.

News pages head paragraphs with stock kickers ("Background:", "Why it
matters:", "Explainer:"), sentence-case labels ("What we know:", "The view
from Kyiv:") and datelines ("NEW DELHI:", "Kenya:"); they name a section or a
place, not a party to anything, so no actor is made of their words.  The
kickers and the sentence-case rule are ingest/clean.py's, the ones it blanks
before parsing: one list for every stage.  Any other capitalised lead
("PENCE:", "Joe Biden:", "Hamas:") may be a speaker, as the attribution
stage reads it, and keeps its actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...ingest.clean import section_label

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The longest label, in tokens before its colon ("The bottom line for investors").
MAX_LABEL_TOKENS = 6
#: A lead made only of these entities is a dateline: a place is where a story is filed or what
#: it is about ("Kenya: Police Arrest ..."); a country that speaks is written through its
#: government or a person.
_PLACE = frozenset(("GPE", "LOC"))


def label_tokens(doc: "Doc") -> set[int]:
    """Indices of the tokens (colon included) of every paragraph-opening section label."""
    out: set[int] = set()
    text = doc.text
    for start in _paragraph_starts(doc, text):
        end = _label_end(doc, start)
        if end is not None and (_clean_label(doc, text, start, end) or _dateline(doc, start, end)):
            out.update(range(start, end + 1))
    return out


def _paragraph_starts(doc: "Doc", text: str) -> list[int]:
    """First non-space token of the text and of every line."""
    starts = []
    prev_end = 0  # end of the last non-space token: only the gap since it is read, not the whole text
    for t in doc:
        if t.is_space:
            continue
        gap = text[prev_end:t.idx].rstrip(" \t")
        if gap.endswith("\n") or (not gap and prev_end == 0):
            starts.append(t.i)
        prev_end = t.idx + len(t.text)
    return starts


def _clean_label(doc: "Doc", text: str, start: int, end: int) -> bool:
    """True when clean.py reads the lead as a stock kicker or a sentence-case label."""
    line_start = doc[start].idx
    line_end = text.find("\n", line_start)
    m = section_label(text[line_start:] if line_end < 0 else text[line_start:line_end])
    return m is not None and text.find(":", line_start + m.start()) == doc[end].idx


def _dateline(doc: "Doc", start: int, end: int) -> bool:
    """True when every word of the lead lies in a place entity ("NEW DELHI:", "Kenya:")."""
    return all(doc[i].ent_type_ in _PLACE for i in range(start, end))


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
