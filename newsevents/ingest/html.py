"""HTML to article text and metadata with trafilatura.

One extraction in trafilatura's precision mode without the page's ``<h1>``,
and a second in its balanced mode on the whole page only when the first
finds nothing or little (see :func:`_looks_short`).  The ``<h1>`` is the
headline: it is the article's title (taken from the page's metadata, before
pruning), not a sentence of its body, and left in the text it was coded a
second time beside the lead.  Tables are kept: news pages put results, schedules
and whole paragraphs in them, and leaving them out cost body recall on
pages nobody tuned on (issue 17).  Table rows stay in ``article.text``;
:mod:`newsevents.ingest.clean` keeps data rows away from the parser.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import InputError

log = logging.getLogger(__name__)

# The balanced retry runs when the precision run returns less than
# trafilatura's own MIN_EXTRACTED_SIZE (the size below which its balanced
# mode falls back to a rescue extraction, which precision mode skips), and
# is kept when it is ACCEPT_RATIO times longer (trafilatura's ratio for its
# recall escalation).  Neither value is tuned here.  Gating on the page's
# whole text as trafilatura's escalation does (html2txt) cost 30 ms a page
# and changed no page of the dev split.
MIN_TEXT = 250
ACCEPT_RATIO = 1.5

# A line of prose: this long, ending like a sentence (also in CJK scripts).
PROSE_CHARS = 40
_SENTENCE_END = frozenset(".!?…。！？\"”’»)")

_HEADLINE = ["//h1"]

# Only the date the page states: no extensive search, no clock fallback.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What trafilatura found in a page; ``method`` names the mode whose text was kept."""

    text: str
    title: str | None = None
    published: date | None = None
    sitename: str | None = None
    method: str = "precision"


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _bare(html: str, url: str | None, precision: bool, metadata: bool) -> Any:
    """One trafilatura run on a parsed page (``None`` when it finds nothing).

    The precision run leaves out the headline; the balanced retry sees the
    whole page, so markup that hides the body in an ``<h1>`` still yields it.
    """
    import trafilatura

    # the page goes in as text: trafilatura deep-copies a parsed tree it is
    # given, which costs more than parsing the text again
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=metadata, include_comments=False,
        include_tables=True, favor_precision=precision,
        prune_xpath=_HEADLINE if precision else None,
        date_extraction_params=_DATE_PARAMS if metadata else None,
    )


def _text(doc: Any) -> str:
    return (doc.text or "") if doc is not None else ""


def _looks_short(text: str) -> bool:
    """Whether the precision run found nothing, or too little to be an article body."""
    return len(text.strip()) < MIN_TEXT


def _has_prose(text: str) -> bool:
    """Whether some line reads as a sentence, not a menu item or a link.

    The balanced retry returns the link lists of a page that has no article
    (a section front, an all-navigation page); those are not a body.
    """
    return any(len(line) >= PROSE_CHARS and line.rstrip()[-1] in _SENTENCE_END
               for line in text.splitlines() if line.strip())


def _extract(html: str, url: str | None) -> HtmlExtract | None:
    doc = _bare(html, url, precision=True, metadata=True)
    text, method = _text(doc), "precision"
    if _looks_short(text):
        retry = _bare(html, url, precision=False, metadata=doc is None)
        if len(_text(retry)) > ACCEPT_RATIO * len(text) and _has_prose(_text(retry)):
            text, method = _text(retry), "balanced"
            doc = doc if doc is not None else retry
    if doc is None or not text.strip():
        return None
    return HtmlExtract(text=text, title=doc.title or None, published=_parse_date(doc.date),
                       sitename=doc.sitename or None, method=method)


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text, title, publication date and site name of an HTML page.

    The date is taken only from the page itself (trafilatura/htmldate without
    falling back to the clock).  Raises :class:`InputError` when no body text
    can be found (kind ``no_text``) or the markup defeats the parser (``html``).
    """
    with warnings.catch_warnings():  # lxml FutureWarnings from inside trafilatura
        warnings.simplefilter("ignore")
        try:
            found = _extract(html, url)
        except Exception as exc:  # many types on broken markup, RecursionError on deep nesting
            raise InputError(f"HTML extraction failed: {type(exc).__name__}: {exc}",
                             kind="html") from exc
    if found is None:
        raise InputError("no article text found in the HTML", kind="no_text")
    return found
