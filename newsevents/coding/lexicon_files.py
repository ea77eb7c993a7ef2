"""Where the coding stages read their word lists: the packaged ``data/lexicons/`` files, or
a folder of edited copies that overrides them by name (``Settings.lexicons``).

A :class:`LexiconFiles` is built once per pipeline from the settings and handed to each
stage, which builds its own tables from it (the events stage its trigger lexicon and the
status word lists, the attribution stage its cue lexicon and outlets).  Nothing in the
coding path reads a process-wide lexicon: two pipelines with two folders code with two
lexicons in one process.  Reading a file is cached by its path and modification time,
which shares the work without fixing what a later edit or another folder gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, TypeVar

from ..errors import ModelError

T = TypeVar("T")

PACKAGED = Path(str(resources.files("newsevents") / "data" / "lexicons"))


@dataclass(frozen=True, slots=True)
class LexiconFiles:
    """``folder``: files there replace the packaged ones of the same name (a file it lacks
    comes from the package); ``None``: the packaged files only."""

    folder: Path | None = None

    def path(self, name: str) -> Path:
        """The file read for the lexicon ``name`` (``events.tsv``, ``status_words.tsv`` …)."""
        if self.folder is not None and (self.folder / name).is_file():
            return self.folder / name
        return PACKAGED / name

    def key(self, name: str) -> tuple[str, int]:
        """What a table built from ``name`` may be cached by: the path and its mtime."""
        path = self.path(name)
        try:
            return str(path), path.stat().st_mtime_ns
        except OSError as exc:  # a broken install or a bad folder, not a per-document problem
            raise ModelError(f"lexicon {name} missing: {exc}") from exc

    def rows(self, name: str) -> tuple[tuple[int, str], ...]:
        """(line number, line) of the file's lines that are neither blank nor comments (``#``)."""
        return _rows(*self.key(name))

    def table(self, name: str, build: "Callable[[tuple[tuple[int, str], ...]], T]") -> T:
        """``build(rows)`` of the file ``name``, made once per file version (``build`` is a
        module-level function: the cache is keyed on it, the path and the mtime)."""
        return _table(*self.key(name), build)


def by_version(path: Path, build: Callable[[Path], T]) -> T:
    """``build(path)`` made once per version of the file (its path and mtime): how the
    learned models' weights are shared between stages without a process-wide singleton."""
    return _versioned(str(path), path.stat().st_mtime_ns, build)


@lru_cache(maxsize=16)
def _versioned(path: str, mtime_ns: int, build: Callable[[Path], T]) -> T:
    return build(Path(path))


@lru_cache(maxsize=64)
def _table(path: str, mtime_ns: int, build: Callable[[tuple[tuple[int, str], ...]], T]) -> T:
    return build(_rows(path, mtime_ns))


@lru_cache(maxsize=64)
def _rows(path: str, mtime_ns: int) -> tuple[tuple[int, str], ...]:
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise ModelError(f"lexicon {path} unreadable: {exc}") from exc
    return tuple((n, line) for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and not line.startswith("#"))


__all__ = ["LexiconFiles", "PACKAGED", "by_version"]
