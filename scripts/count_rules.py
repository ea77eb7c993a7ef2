"""How much hand-written special-casing the coder holds: the readings of the events
stage and the word-list entries written into Python under newsevents/coding.

    python scripts/count_rules.py

A word-list entry is a string in a ``frozenset``/``set``/``tuple``/``list`` literal of
two or more strings, or a word of a ``"a b c".split()`` literal.  Word lists kept as
data (``newsevents/data/``) are not counted: moving a list there lowers the count.
"""

from __future__ import annotations

import ast
from pathlib import Path

CODING = Path(__file__).resolve().parents[1] / "newsevents" / "coding"


def _strings(node: ast.AST) -> int:
    """The entries of one word-list literal (0 when ``node`` is none)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return len(node.func.value.value.split())
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        n = sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
        return n if n >= 2 and n == len(node.elts) else 0
    return 0


def word_list_entries(path: Path) -> int:
    """Word-list entries of one module (literals nested in one another counted once)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    total, seen = 0, set()
    for node in ast.walk(tree):
        n = _strings(node)
        if n and id(node) not in seen:
            total += n
            seen.update(id(x) for x in ast.walk(node))
    return total


def main() -> int:
    from newsevents.coding.events.readings import registry

    per_file = {p.relative_to(CODING).as_posix(): word_list_entries(p) for p in sorted(CODING.rglob("*.py"))}
    print(f"readings (coding/events/readings.py registry): {len(registry())}")
    print(f"word-list entries in Python under newsevents/coding: {sum(per_file.values())}")
    for name, n in sorted(per_file.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  {n:5d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
