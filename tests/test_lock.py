"""The committed lock files agree with pyproject.toml, pin with hashes, and keep the
runtime lean (no scikit-learn or SciPy)."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNTIME, TEST = ROOT / "requirements" / "runtime.lock", ROOT / "requirements" / "test.lock"


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, tuple[str, list[str]]]:
    """``{package: (version, [sha256 …])}`` of a pip-compile lock file."""
    out: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^ \\;]+)", line)
        if m:
            current = norm(m.group(1))
            out[current] = (m.group(2), [])
        elif current and (h := re.search(r"--hash=sha256:([0-9a-f]{64})", line)):
            out[current][1].append(h.group(1))
    return out


def requirement_names(reqs: list[str]) -> set[str]:
    return {norm(re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0]) for r in reqs}


@pytest.fixture(scope="module")
def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_requirement_is_pinned_with_hashes(project):
    runtime, test = pins(RUNTIME), pins(TEST)
    extras = project["optional-dependencies"]
    wanted_runtime = requirement_names(project["dependencies"] + extras["web"] + extras["dask"])
    wanted_test = wanted_runtime | requirement_names(
        sum((extras[e] for e in ("build", "test", "train")), []))
    assert wanted_runtime <= runtime.keys(), wanted_runtime - runtime.keys()
    assert wanted_test <= test.keys(), wanted_test - test.keys()
    for lock in (runtime, test):
        assert all(hashes for _, hashes in lock.values()), "a pin without a hash"
    # the runtime lock is the test lock's pins, never other versions
    assert {k: v[0] for k, v in runtime.items()} == {k: test[k][0] for k in runtime}


def test_the_runtime_pulls_no_scikit_learn_or_scipy(project):
    assert not requirement_names(project["dependencies"]) & {"scikit-learn", "scipy"}
    assert not pins(RUNTIME).keys() & {"scikit-learn", "scipy"}
    assert "scikit-learn" in requirement_names(project["optional-dependencies"]["train"])
