"""HTML to article text and metadata with trafilatura."""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from datetime import date

from ..errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What trafilatura found in a page."""

    text: str
    title: str | None = None
    published: date | None = None
    sitename: str | None = None


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text, title, publication date and site name of an HTML page.

    The date is taken only from the page itself (trafilatura/htmldate without
    falling back to the clock).  Raises :class:`InputError` when no body text
    can be found.
    """
    import trafilatura

    with warnings.catch_warnings():  # lxml FutureWarnings from inside trafilatura
        warnings.simplefilter("ignore")
        try:
            # favor_precision: on the article-extraction benchmark (83 news pages)
            # it scores body F1 0.969 against 0.961 for favor_recall and 0.963 for
            # the default; recall barely moves (0.975 vs 0.977) while navigation
            # and teaser blocks stay out.  Tables stay out: rows parse as noise.
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False,
                include_tables=False, favor_precision=True,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception as exc:  # trafilatura raises many types on broken markup
            raise InputError(f"HTML extraction failed: {exc}", kind="html") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the HTML", kind="no_text")
    return HtmlExtract(text=doc.text, title=doc.title or None,
                       published=_parse_date(doc.date), sitename=doc.sitename or None)
