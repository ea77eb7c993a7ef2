"""The pipeline: documents in, coded articles out, in batches.

Like a spaCy ``Language``, a :class:`Pipeline` is a short loop over stages
with one contract each (see :mod:`newsevents.coding.base`)::

    read -> prepare (clean, language, caps) -> nlp.pipe -> actors -> attribution
         -> events -> dates -> places -> quantities -> ArticleResult

Per-document problems become :class:`Skipped`/:class:`Failed` records in the
document's place; nothing is dropped and input order is kept.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .coding.base import Analysis, Stage
from .config import Settings
from .errors import InputError, SkipDocument, UsageError
from .ingest import Prepared, prepare, read_paths
from .records import ArticleResult, Document, Failed, Item, Outcome, Skipped

log = logging.getLogger(__name__)


def default_stages(settings: Settings) -> list[Stage]:
    """The coding stages, in the order they must run."""
    from .coding.actors.actors import ActorStage
    from .coding.attribution.attribution import AttributionStage
    from .coding.enrich.dates import DateStage
    from .coding.events.events import EventStage
    from .coding.enrich.places import PlaceStage
    from .coding.enrich.quantities import QuantityStage
    from .coding.lexicon_files import LexiconFiles

    files = LexiconFiles(settings.lexicons)  # each stage builds its word lists from these files
    return [ActorStage(files=files), AttributionStage(use_model=settings.use_models, files=files),
            EventStage(use_model=settings.use_models, readings_off=settings.readings_off, files=files),
            DateStage(), PlaceStage(), QuantityStage()]


#: Texts longer than this are parsed in chunks (spaCy's memory grows with doc length).
CHUNK_CHARS = 100_000


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split ``text`` into pieces of at most ~``size`` characters that join back to it.

    Each piece ends at a line break when there is one (else at a space), so no
    sentence is cut where the text itself does not break it.
    """
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        end = (cut + 1) if cut >= 0 else start + size
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def as_date(value: date | str | None) -> date | None:
    """Accept a ``date`` or an ISO ``YYYY-MM-DD`` string."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"not a date (YYYY-MM-DD): {value!r}") from exc


class Pipeline:
    """Loads spaCy once and codes documents in batches.

    ``stages`` replaces the default coding stages (e.g. ``[]`` to parse only).
    """

    def __init__(self, settings: Settings | None = None, *, nlp=None,
                 stages: Sequence[Stage] | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp
        self._stages = list(stages) if stages is not None else None

    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import load

            self._nlp = load(self.settings.model)
        return self._nlp

    @property
    def stages(self) -> list[Stage]:
        if self._stages is None:
            self._stages = default_stages(self.settings)
        return self._stages

    # --- the loop -----------------------------------------------------------

    def _prepare(self, item: Item) -> Prepared | Skipped | Failed:
        if not isinstance(item, Document):
            return item
        try:
            return prepare(item, self.settings)
        except SkipDocument as exc:
            return Skipped(item.source, exc.reason, exc.detail, item.id)
        except InputError as exc:
            return Failed(item.source, exc.kind, str(exc), item.id)
        except Exception as exc:  # a bug must cost one document, not the run
            log.exception("preparing %s failed", item.source)
            return Failed(item.source, "internal_error", f"{type(exc).__name__}: {exc}", item.id)

    def _parse_one(self, text: str):
        """Parse one text; long texts in paragraph-aligned chunks joined back into one Doc."""
        if len(text) <= CHUNK_CHARS:
            return self.nlp(text)
        from spacy.tokens import Doc

        docs = list(self.nlp.pipe(chunk_text(text), batch_size=4))
        return Doc.from_docs(docs, ensure_whitespace=True)

    def _parse(self, ready: list[Prepared]) -> list:
        """spaCy docs for ``ready``; on a parser error, isolate the bad document."""
        texts = [p.analysis_text for p in ready]
        if all(len(t) <= CHUNK_CHARS for t in texts):
            try:
                return list(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
            except Exception:  # noqa: BLE001 - retried one by one below to find the culprit
                log.warning("batch parse failed; parsing its documents one by one")
        docs = []
        for text in texts:
            try:
                docs.append(self._parse_one(text))
            except Exception as exc:  # noqa: BLE001 - recorded as this document's failure
                docs.append(exc)
        return docs

    def _code(self, prep: Prepared, doc) -> Analysis | Failed:
        art = prep.article
        if isinstance(doc, Exception):
            return Failed(art.source, "parse_error", f"{type(doc).__name__}: {doc}", art.id)
        analysis = Analysis(article=art, doc=doc, removed=list(prep.removed))
        for stage in self.stages:
            try:
                stage(analysis)
            except Exception as exc:  # one document's failure is recorded, the run goes on
                log.exception("stage %s failed on %s", stage.name, art.source)
                return Failed(art.source, "coding_error",
                              f"{stage.name}: {type(exc).__name__}: {exc}", art.id)
        return analysis

    def analyse(self, items: Iterable[Item | str]) -> Iterator[Analysis | Skipped | Failed]:
        """Like :meth:`run`, but yields the working :class:`Analysis` of each article.

        Strings are taken as plain-text documents.  For evaluation and debugging.
        """
        docs = (Document(source=f"<text:{i}>", content=x) if isinstance(x, str) else x
                for i, x in enumerate(items))
        for batch in _batched(docs, self.settings.batch_size):
            prepared = [self._prepare(x) for x in batch]
            ready = [p for p in prepared if isinstance(p, Prepared)]
            parsed = iter(self._parse(ready))
            for p in prepared:
                yield self._code(p, next(parsed)) if isinstance(p, Prepared) else p

    def run(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Code every document; yields one outcome per input item, in order."""
        for x in self.analyse(items):
            yield x.result() if isinstance(x, Analysis) else x

    # --- conveniences -------------------------------------------------------

    def extract_paths(self, paths: Iterable[str | os.PathLike], published: date | str | None = None,
                      fetch: bool = False) -> Iterator[Outcome]:
        """Read and code files, directories, ``-`` and URLs (see :func:`read_paths`)."""
        return self.run(read_paths(paths, as_date(published), self.settings, fetch=fetch))

    def extract_one(self, text_or_path: str | os.PathLike | Document,
                    published: date | str | None = None) -> Outcome:
        """Code one text, file or :class:`Document`."""
        if isinstance(text_or_path, Document):
            return next(self.run([text_or_path]))
        if _is_path(text_or_path):
            outcomes = list(self.extract_paths([text_or_path], published))
            if len(outcomes) != 1:
                raise UsageError(f"{text_or_path} holds {len(outcomes)} documents; use extract_paths")
            return outcomes[0]
        doc = Document(source="<text>", content=str(text_or_path), published=as_date(published))
        return next(self.run([doc]))


def _is_path(value: str | os.PathLike) -> bool:
    if isinstance(value, os.PathLike):
        return True
    return "\n" not in value and len(value) < 4096 and Path(value).is_file()


_default: Pipeline | None = None


def extract(text_or_path: str | os.PathLike | Document, published: date | str | None = None,
            settings: Settings | None = None) -> ArticleResult:
    """Code one article (text, path or :class:`Document`) and return its result.

    Raises :class:`SkipDocument` or :class:`InputError` when the document is
    skipped or cannot be processed.
    """
    global _default
    if settings is not None:
        pipe = Pipeline(settings)
    else:
        _default = _default or Pipeline()
        pipe = _default
    outcome = pipe.extract_one(text_or_path, published)
    if isinstance(outcome, Skipped):
        raise SkipDocument(outcome.reason, outcome.detail)
    if isinstance(outcome, Failed):
        raise InputError(outcome.message, kind=outcome.kind)
    return outcome
