"""Imports outside ``newsevents/coding`` run one way: no module imports one that imports it back.

Walks the source with :mod:`ast` (nothing is imported), counting every
``import`` and ``from … import`` of a ``newsevents`` module, also those inside
functions (a deferred import is still a dependency).  A package's
``__init__`` is not counted as imported by its own submodules.  Cycles wholly
inside ``newsevents/coding`` are checked by ``tests/test_imports.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import newsevents

ROOT = Path(newsevents.__file__).resolve().parent


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = ["newsevents", *path.relative_to(ROOT).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _imported(name: str, path: Path, is_package: bool, modules: dict) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name.split(".") if is_package else name.split(".")[:-1]
                here = here[:len(here) - node.level + 1]
                base = ".".join(here + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in modules else base)
    return {m for m in out if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    """``{module: modules it imports}`` for every module of the package."""
    modules = _modules()
    return {name: _imported(name, path, pkg, modules) for name, (path, pkg) in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_a_cycle_when_there_is_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_walk_resolves_relative_imports():
    graph = import_graph()
    assert "newsevents.store.ledger" in graph["newsevents.store.ingest"]
    assert "newsevents.records" in graph["newsevents.store.ledger"]


def test_no_import_cycle_outside_coding():
    outside = [c for c in cycles(import_graph())
               if not all(m.startswith("newsevents.coding") for m in c)]
    assert outside == []
