"""Find boilerplate and section kickers in article text, without changing the text.

The article text stays verbatim (offsets point into what the user gave).
Promo and navigation lines, and the rows of tables (data, not sentences),
become :class:`~newsevents.records.Removed`
entries with a reason; :func:`analysis_text` blanks them (and section
kickers such as "Why it matters:") with spaces of the same length, so the
parser never sees them while every token offset is still an article offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

from ..records import Removed, Span

_WORD = re.compile(r"\w+(?:['’]\w+)*")

# A promo/navigation header: the words before the colon name a list of links.
_PROMO_HEADER = re.compile(
    r"""^\W{0,3}(?:
        trending(?:\s+(?:now|on\s+[^:\n]{1,40}|stories|news))?
      | (?:most\s+(?:read|popular|viewed|shared|watched)|popular)(?:\s+(?:on|at|from)\s+[^:\n]{1,40})?
      | more\s+(?:from|on|in|at|about)\s+[^:\n]{1,40} | more\s+(?:stories|news|coverage|reading)
      | read\s+(?:more|next|also)(?:\s+(?:on|from|at)\s+[^:\n]{1,40})? | also\s+read | see\s+also
      | related(?:\s+(?:stories|articles|coverage|content|reading|links|topics))?
      | recommended(?:\s+(?:for\s+you|reading|stories))? | top\s+stories | latest(?:\s+news)?
      | editor['’]?s\s+picks? | don['’]?t\s+miss | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)
      | watch | listen | explore\s+more | further\s+reading
    )\s*[:|»>-]""",
    re.IGNORECASE | re.VERBOSE,
)

_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("newsletter", re.compile(
        r"\b(?:sign\s+up|subscribe|register)\b.{0,80}\b(?:newsletter|inbox|alerts?|briefing|updates)\b"
        r"|\bnewsletter\b.{0,60}\b(?:sign\s+up|subscribe)\b|\bdelivered\s+(?:straight\s+)?to\s+your\s+inbox\b",
        re.IGNORECASE)),
    ("share_prompt", re.compile(
        r"^\W{0,3}(?:share\s+(?:this|on|via|the\s+story)|follow\s+us\s+on|like\s+us\s+on|join\s+us\s+on"
        r"|click\s+here|tap\s+here|email\s+this|print\s+this|copy\s+(?:the\s+)?link)\b", re.IGNORECASE)),
    ("photo_credit", re.compile(
        r"^\W{0,3}(?:(?:file\s+)?(?:photo(?:graph)?|image|picture|video|illustration)s?"
        r"(?:\s+credit)?\s*(?::|/|\bby\b)|credit\s*:|pictured\s*:)"
        r"|(?:getty\s+images|ap\s+photo/[^)\n]*|afp\s+via\s+getty(?:\s+images)?|/\s*reuters|/\s*afp"
        r"|shutterstock|/\s*epa)\W{0,3}$", re.IGNORECASE)),
    # "Ana Ruiz contributed reporting from Lima." / "(Reporting by X; Editing by Y)": a credit
    # line names the newsroom's staff, who would otherwise "contribute" (AID) to nobody
    ("reporting_credit", re.compile(
        r"\bcontributed\s+(?:additional\s+)?(?:reporting|research|writing)"
        r"(?:\s+(?:from|in|at)\s+[^.;]{1,60})?\W{0,3}$"
        r"|\bcontributed\s+to\s+(?:this|the)\s+(?:report|article|story)\W{0,3}$"
        r"|^\W{0,3}(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\s+"
        r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[;,)]|\s+(?:and|in|at|from)\s|$)")),
    ("advertisement", re.compile(
        r"^\W{0,3}(?:advertisement|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?"
        r"|ad|promoted(?:\s+content)?)\W{0,3}$", re.IGNORECASE)),
    ("copyright", re.compile(r"^\W{0,3}(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))|\ball\s+rights\s+reserved\b",
                             re.IGNORECASE)),
)

def _read_kickers() -> frozenset[str]:
    """The stock section kickers of ``data/lexicons/section_kickers.tsv`` (lower case)."""
    text = (resources.files("newsevents") / "data" / "lexicons" / "section_kickers.tsv").read_text("utf-8")
    return frozenset(s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#"))


#: Stock section kickers ("why it matters", "background", "the latest"), lower case with a
#: straight apostrophe and with and without "the ": the one list every stage reads.
KICKERS: frozenset[str] = frozenset(k for p in _read_kickers() for k in (p, "the " + p))


def is_kicker(lead: str) -> bool:
    """True when ``lead`` (the words before a paragraph's colon) is a stock section kicker."""
    return " ".join(lead.replace("\u2019", "'").lower().split()) in KICKERS


# Section kickers that open a paragraph ("Why it matters: ...").  The phrase
# before the colon is a stock label, never a speaker: speech verbs are excluded.
_KICKER = re.compile(
    r"^[ \t]*(?:the\s+)?(?:"
    + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for k in _read_kickers()),
                      key=len, reverse=True))
    + r")\s*:(?:[ \t]+(?=\S)|[ \t]*$)",
    re.IGNORECASE,
)

# Any other label of that shape: two to five words in sentence case ("What
# they found:", "The view from Kyiv:") opening a paragraph or alone on its
# line.  Title-case labels ("Joe Biden:") may be speakers and are left alone,
# and so is a label with a speech verb or opening with a personal pronoun
# ("He said:", "The letter reads:", "She went on:"): it introduces a quotation.
_SENTENCE_CASE_LABEL = re.compile(
    r"^[ \t]*([A-Z][a-z'’]*(?:[ \t]+[a-z][a-z'’]*){1,4})[ \t]*:(?:[ \t]+(?=\S)|[ \t]*$)")
_SPEECH = re.compile(
    r"\b(?:say|says|said|tell|tells|told|add|adds|added|write|writes|wrote|ask|asks|asked|read|reads"
    r"|warn|warns|warned|state|states|stated|declare|declares|declared|explain|explains|explained"
    r"|note|notes|noted|argue|argues|argued|reply|replies|replied|respond|responds|responded"
    r"|tweet|tweets|tweeted|post|posts|posted|announce|announces|announced|continue|continues"
    r"|continued|insist|insists|insisted|conclude|concludes|concluded|claim|claims|claimed"
    r"|recall|recalls|recalled|urge|urges|urged|report|reports|reported|according)\b"
    r"|^(?:i|you|he|she|we|they)\b")


def section_label(line: str) -> re.Match[str] | None:
    """The stock kicker or sentence-case label opening ``line`` ("Why it matters:",
    "What they found:"), or ``None``; a Title-case lead ("Joe Biden:") may be a speaker."""
    m = _KICKER.match(line)
    if m:
        return m
    m = _SENTENCE_CASE_LABEL.match(line)
    return m if m and not _SPEECH.search(m.group(1).lower()) else None

_MAX_BOILERPLATE_WORDS = 30
_MAX_TEASER_WORDS = 20


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # exclusive, without the newline
    text: str

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def _lines(text: str) -> Iterator[_Line]:
    start = 0
    for piece in text.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        yield _Line(start, start + len(body), body)
        start += len(piece)


def _trimmed(text: str, line: _Line) -> Span:
    """The line's span without surrounding white space."""
    lead = len(line.text) - len(line.text.lstrip())
    trail = len(line.text.rstrip())
    return Span.of(text, line.start + lead, line.start + trail)


def _is_table_row(stripped: str) -> bool:
    """A row of two or more cells as trafilatura writes tables: ``| a | b |``, ``|---|---|``.

    A one-cell row (``| prose |``, a layout table around a paragraph) is prose
    and stays in the analysis.
    """
    return stripped.startswith("|") and stripped.rstrip().endswith("|") and stripped.count("|") >= 3


def _line_reason(line: _Line) -> str | None:
    stripped = line.text.strip()
    if _is_table_row(stripped):
        return "table"
    if not stripped or line.words > _MAX_BOILERPLATE_WORDS:
        return None
    if _PROMO_HEADER.match(stripped):
        return "promo"
    for reason, pattern in _LINE_RULES:
        if pattern.search(stripped):
            return reason
    return None


def _is_teaser(line: _Line) -> bool:
    """A headline-like line in a list of links: short, no sentence-final punctuation."""
    s = line.text.strip()
    if not s or line.words > _MAX_TEASER_WORDS:
        return False
    if s[0] in "-•*·▪►»":
        return True
    return s[-1] not in ".!?:;\"”’'),"


def find_boilerplate(text: str) -> list[Removed]:
    """Promo, navigation, newsletter, share, credit and advertisement lines.

    Lines of headlines that follow a promo header ("More from X:") are
    removed as ``teaser`` until the first line that reads as prose.
    """
    removed: list[Removed] = []
    in_teasers = False
    for line in _lines(text):
        if not line.text.strip():
            continue  # blank lines neither end nor start a teaser list
        reason = _line_reason(line)
        if reason is None and in_teasers and _is_teaser(line):
            reason = "teaser"
        in_teasers = reason in ("promo", "teaser")
        if reason:
            removed.append(Removed(_trimmed(text, line), reason))
    return removed


def find_kickers(text: str, skip: list[Removed] = ()) -> list[Removed]:
    """Section kickers ("Background:", "Why it matters:") at the start of a paragraph."""
    taken = [r.span for r in skip]
    found: list[Removed] = []
    for line in _lines(text):
        m = section_label(line.text)
        if not m:
            continue
        label_end = line.text.index(":", m.start()) + 1
        lead = len(line.text) - len(line.text.lstrip())
        span = Span.of(text, line.start + lead, line.start + label_end)
        if not any(t.overlaps(span) for t in taken):
            found.append(Removed(span, "section_kicker"))
    return found


def clean(text: str) -> list[Removed]:
    """Everything the parser must not see, in text order."""
    boiler = find_boilerplate(text)
    return sorted(boiler + find_kickers(text, boiler), key=lambda r: r.span.start)


def analysis_text(text: str, removed: list[Removed]) -> str:
    """``text`` with removed spans blanked by spaces; same length, newlines kept."""
    if not removed:
        return text
    chars = list(text)
    for r in removed:
        for i in range(r.span.start, r.span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
