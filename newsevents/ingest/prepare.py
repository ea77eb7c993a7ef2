"""Document -> Article: HTML extraction, cleaning, size and language checks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..config import Settings
from ..errors import SkipDocument
from ..records import Article, Document, Removed
from .clean import analysis_text, clean
from .html import extract_html
from .language import MIN_CONFIDENCE, detect


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to parse: its text, what was removed, and what the parser sees."""

    article: Article
    removed: tuple[Removed, ...]
    analysis_text: str


def article_id(text: str, url: str | None = None) -> str:
    """A stable id from the text (and URL): the same input always gets the same id."""
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass"))
    if url:
        digest.update(b"\0" + url.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline.

    A headline is a short first line (at most 25 words) followed by a blank
    line and not ending like a sentence of prose.
    """
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not first or len(first.split()) > 25 or not rest.startswith(("\n", "\r\n")):
        return None
    return None if first.endswith((".", ",", ";", ":")) and not first.endswith("...") else first


def prepare(doc: Document, settings: Settings | None = None) -> Prepared:
    """Turn a read document into an article ready to parse.

    Raises :class:`SkipDocument` for empty, oversized or non-English text and
    :class:`~newsevents.errors.InputError` when HTML yields no text.
    """
    settings = settings or Settings()
    if not doc.content.strip():
        raise SkipDocument("empty", "no text")
    if len(doc.content) > settings.max_chars * (5 if doc.content_type == "html" else 1):
        raise SkipDocument("too_large", f"more than {settings.max_chars} characters")
    title, published, outlet, text = doc.title, doc.published, doc.outlet, doc.content
    if doc.content_type == "html":
        page = extract_html(doc.content, url=doc.url)
        text = page.text
        title = title or page.title
        published = page.published or published
        outlet = outlet or page.sitename
    if len(text) > settings.max_chars:
        raise SkipDocument("too_large", f"{len(text)} characters, cap is {settings.max_chars}")
    if doc.content_type == "text" and not title:
        title = headline(text)
    removed = clean(text)
    seen = analysis_text(text, removed)
    if not seen.strip():
        raise SkipDocument("empty", "only boilerplate")
    lang, prob = detect(seen)
    if lang is not None and lang not in settings.languages and prob >= MIN_CONFIDENCE:
        raise SkipDocument("not_english" if settings.languages == ("en",) else "language",
                           f"detected {lang} (p={prob:.2f})")
    article = Article(id=doc.id or article_id(text, doc.url), source=doc.source, text=text,
                      title=title, published=published, outlet=outlet,
                      language=lang or settings.languages[0], url=doc.url)
    return Prepared(article, tuple(removed), seen)
