"""Record the SHA-256 of every file of the installed default spaCy model package.

    .venv/bin/python scripts/record_model_hashes.py [PACKAGE ...]

Writes ``newsevents/data/spacy_models.json``, which :mod:`newsevents.nlp.integrity`
checks at first load.  Run it only after installing a model version you have tested.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.config import DEFAULT_MODEL  # noqa: E402
from newsevents.nlp.integrity import file_hashes, package_dir  # noqa: E402

OUT = ROOT / "newsevents" / "data" / "spacy_models.json"


def main() -> None:
    names = sys.argv[1:] or [DEFAULT_MODEL]
    records = {}
    for name in names:
        directory = package_dir(name)
        if directory is None:
            sys.exit(f"{name} is not installed")
        records[name] = {"version": version(name), "files": file_hashes(directory)}
    OUT.write_text(json.dumps(records, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: " + ", ".join(f"{n} {r['version']} ({len(r['files'])} files)"
                                      for n, r in records.items()))


if __name__ == "__main__":
    main()
