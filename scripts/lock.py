"""Write the hash-pinned lock files the Makefile installs from (``make lock``).

    .venv/bin/python scripts/lock.py [--upgrade]

``requirements/test.lock``: every runtime dependency plus the ``web``, ``dask``,
``build``, ``test`` and ``train`` extras (``make test``);
``requirements/runtime.lock``: the runtime dependencies plus ``web`` and
``dask`` (``make demo``, ``make install``), resolved under test.lock's pins so
the two never disagree.  Both carry the SHA-256 of every allowed file, so
``pip install --require-hashes`` installs exactly what CI tested.

pip-compile (pip-tools) resolves against the package index pip is configured
with (PyPI); nothing else is contacted.  Existing pins are kept unless
``--upgrade``, so adding a dependency to pyproject.toml and running
``make lock`` changes only what it must.  The files are resolved for the
Python that runs this script (CPython 3.11 on Linux here).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "requirements"
RUNTIME_EXTRAS = ("web", "dask")
TEST_EXTRAS = RUNTIME_EXTRAS + ("build", "test", "train")


def compile_lock(out: Path, extras: tuple[str, ...], upgrade: bool,
                 constraint: Path | None = None) -> None:
    """Run pip-compile on pyproject.toml for ``extras`` into ``out``."""
    cmd = [sys.executable, "-m", "piptools", "compile", "pyproject.toml", "--quiet",
           "--generate-hashes", "--allow-unsafe", "--strip-extras", "--resolver=backtracking",
           "--no-emit-index-url", "--no-emit-find-links", "--no-emit-trusted-host",
           "--output-file", str(out.relative_to(ROOT))]
    for extra in extras:
        cmd += ["--extra", extra]
    if constraint is not None:
        cmd += ["--constraint", str(constraint.relative_to(ROOT))]
    if upgrade:
        cmd.append("--upgrade")
    print("+", " ".join(cmd[2:]), file=sys.stderr)
    subprocess.run(cmd, cwd=ROOT, check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--upgrade", action="store_true", help="move every pin to the newest release")
    args = ap.parse_args()
    LOCKS.mkdir(exist_ok=True)
    test, runtime = LOCKS / "test.lock", LOCKS / "runtime.lock"
    compile_lock(test, TEST_EXTRAS, args.upgrade)
    compile_lock(runtime, RUNTIME_EXTRAS, args.upgrade, constraint=test)
    for path in (runtime, test):
        pins = [ln for ln in path.read_text().splitlines() if "==" in ln and not ln.startswith("#")]
        print(f"{path.relative_to(ROOT)}: {len(pins)} pinned packages", file=sys.stderr)


if __name__ == "__main__":
    main()
