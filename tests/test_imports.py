"""The package's import structure, read with ``ast`` (nothing is imported).

- no import cycle between the modules of ``newsevents/`` (every import counts: at module
  level, under ``TYPE_CHECKING`` and inside functions), nor between the packages of
  ``newsevents/coding`` (the top package holds both the shared records and the pipeline,
  so package-level order is checked where the stages are: vocab -> actors | attribution |
  status -> events -> enrich);
- no private name (leading underscore) imported from another module, in ``newsevents/`` or ``tests/``;
- no ``.py`` file in ``newsevents/`` over 520 lines;
- nothing in ``newsevents/coding`` imports a training-only library (scikit-learn: see
  :mod:`newsevents.training`).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "newsevents"
CYCLE_SCOPE = "newsevents"
PACKAGE_SCOPE = "newsevents.coding"
MAX_LINES = 520


def module_name(path: Path) -> str:
    """``newsevents/coding/actors/types.py`` -> ``newsevents.coding.actors.types``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources(top: Path) -> dict[str, Path]:
    """Module name -> file, for every ``.py`` file under ``top``."""
    return {module_name(p): p for p in sorted(top.rglob("*.py")) if ".venv" not in p.parts}


def _base(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    """The absolute module a ``from`` import reads from (relative levels resolved)."""
    if not node.level:
        return node.module or ""
    parts = name.split(".")
    if not is_package:
        parts.pop()
    parts = parts[:len(parts) - node.level + 1]
    return ".".join(parts + ([node.module] if node.module else []))


def imports(name: str, path: Path, known: set[str]) -> list[tuple[str, str]]:
    """``(module, imported name)`` of every import in ``path``; ``imported name`` is "" for
    ``import x`` and for a module imported by ``from pkg import module``."""
    out: list[tuple[str, str]] = []
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            base = _base(node, name, path.name == "__init__.py")
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.append((sub, "") if sub in known else (base, alias.name))
    return out


def graph(mods: dict[str, Path], scope: str) -> dict[str, set[str]]:
    """Import edges between the modules of ``scope``."""
    known = set(mods)
    edges: dict[str, set[str]] = {}
    for name, path in mods.items():
        if name == scope or name.startswith(scope + "."):
            edges[name] = {m for m, _ in imports(name, path, known)
                           if m != name and (m == scope or m.startswith(scope + ".")) and m in known}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def package_of(module: str, packages: set[str]) -> str:
    """The innermost package holding ``module`` (a package is its own)."""
    parts = module.split(".")
    while parts and ".".join(parts) not in packages:
        parts.pop()
    return ".".join(parts)


def test_no_module_cycles():
    found = cycles(graph(sources(PACKAGE), CYCLE_SCOPE))
    assert not found, f"import cycles: {found}"


def test_no_package_cycles_in_coding():
    mods = sources(PACKAGE)
    packages = {module_name(p) for p in PACKAGE.rglob("__init__.py")}
    edges: dict[str, set[str]] = {}
    for src, targets in graph(mods, PACKAGE_SCOPE).items():
        a = package_of(src, packages)
        edges.setdefault(a, set()).update(b for b in (package_of(t, packages) for t in targets)
                                          if b != a and not a.startswith(b + "."))
    found = cycles(edges)
    assert not found, f"package import cycles: {found}"


def test_no_private_names_imported():
    mods = sources(PACKAGE)
    known = set(mods)
    offenders = []
    for name, path in {**mods, **sources(ROOT / "tests")}.items():
        for module, imported in imports(name, path, known):
            if imported.startswith("_") and not imported.startswith("__"):
                offenders.append(f"{path.relative_to(ROOT)}: {imported} from {module}")
    assert not offenders, "\n".join(offenders)


def test_no_long_modules():
    long = [f"{p.relative_to(ROOT)}: {n}" for p in sorted(PACKAGE.rglob("*.py"))
            if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES]
    assert not long, "\n".join(long)


#: libraries used only to train models (the ``train`` extra): never imported by coding
TRAINING_ONLY = ("sklearn", "scipy")


def training_imports(mods: dict[str, Path], scope: str) -> list[str]:
    """``module: import`` of each training-only library imported by a module of ``scope``."""
    known = set(mods)
    return [f"{name}: {module}" for name, path in mods.items() if name.startswith(scope + ".")
            for module, _ in imports(name, path, known) if module.split(".")[0] in TRAINING_ONLY]


def test_coding_never_imports_training_libraries():
    found = training_imports(sources(PACKAGE), "newsevents.coding")
    assert not found, "\n".join(found)


def test_the_checks_can_fail():
    """The cycle finder and the import reader see what they must."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    node = ast.parse("from ..x import _y").body[0]
    assert isinstance(node, ast.ImportFrom)
    assert _base(node, "newsevents.coding.events.types", False) == "newsevents.coding.x"
    assert package_of("newsevents.coding.actors.types", {"newsevents.coding", "newsevents.coding.actors"}) \
        == "newsevents.coding.actors"
    found = training_imports(sources(PACKAGE), "newsevents")
    assert "newsevents.training: sklearn.linear_model" in found
    edges = graph(sources(PACKAGE), CYCLE_SCOPE)
    assert "newsevents.store.ledger" in edges["newsevents.store.ingest"]  # relative imports resolved
    assert "newsevents.records" in edges["newsevents.store.ledger"]
