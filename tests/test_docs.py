"""The documentation as tests: README.md and docs/*.md say only what is true.

Three checks:

* **Command examples run.** A fenced block tagged ``console`` is run. Each line
  starting with ``$ newsevents `` is a command; the lines under it, up to the
  next ``$`` line, are output that the command must print (stdout, then
  stderr), in that order, each line whole; the command may print more lines in
  between, so a block may show part of an output (a line ``...`` says so and is
  not compared); a line ending in `` ...`` must begin the printed line (for
  lines that end in a timing). Every command must exit with status 0. A fenced block whose
  info string names a file (```` ```jsonl file=news.jsonl ````) writes its
  content to that file first, so a page can show its own invented input. Other
  blocks (``sh``, ``text``, ``python`` ...) are shown, not run.
* **Links resolve.** Every relative Markdown link points to a file that exists,
  and its ``#anchor``, if any, to a heading of that file.
* **Named files exist.** Every repository path written in inline code
  (```newsevents/data/baseline.json```, globs too) names something that exists.

Each page runs in its own temporary folder holding a copy of ``examples/``,
through ``newsevents.cli.main`` in this process, so the spaCy model is loaded
once for all pages.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsevents.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(.*)$")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
INLINE_CODE = re.compile(r"`([^`\n]+)`")
REPO_PATH = re.compile(r"^(?:newsevents|scripts|tests|benchmarks|examples|requirements|docs)/"
                       r"[\w./*-]*$")


@dataclass
class Block:
    """One fenced block of a page: its info string, first line number and lines."""

    info: str
    line: int
    lines: list[str] = field(default_factory=list)


def blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown text, in order."""
    found: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(text.splitlines(), 1):
        fence = FENCE.match(line)
        if current is None and fence:
            current = Block(fence.group(1).strip(), number)
        elif current is not None and line.strip() == "```":
            found.append(current)
            current = None
        elif current is not None:
            current.lines.append(line)
    assert current is None, f"unclosed code fence opened on line {current.line}"
    return found


def prose(text: str) -> str:
    """The text outside fenced blocks (links and paths in code blocks are examples)."""
    kept, inside = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            inside = not inside
            continue
        kept.append("" if inside else line)
    return "\n".join(kept)


def commands(block: Block) -> list[tuple[list[str], list[str]]]:
    """(argv, expected output lines) of each ``$ newsevents`` line of a console block."""
    runs: list[tuple[list[str], list[str]]] = []
    for line in block.lines:
        if line.startswith("$ "):
            argv = shlex.split(line[2:])
            assert argv[0] == "newsevents", f"line {block.line}: a console block runs newsevents only"
            runs.append((argv[1:], []))
        elif runs and line.strip() not in ("", "..."):
            runs[-1][1].append(line.rstrip())
    return runs


def matches(want: str, line: str) -> bool:
    """A whole line, or its beginning when the page ends it with `` ...`` (timings)."""
    if want.endswith(" ..."):
        return line.startswith(want[:-4])
    return line == want


def missing_lines(expected: list[str], printed: list[str]) -> list[str]:
    """The expected lines not found in ``printed`` in order (empty when all are)."""
    position = 0
    for number, want in enumerate(expected):
        found = next((i for i in range(position, len(printed)) if matches(want, printed[i])), None)
        if found is None:
            return expected[number:]
        position = found + 1
    return []


def file_name(info: str) -> str | None:
    """The file a block writes (``file=NAME`` in its info string), if any."""
    match = re.search(r"\bfile=(\S+)", info)
    return match.group(1) if match else None


def pages_with_examples() -> list[Path]:
    return [page for page in PAGES
            if any(b.info.split(" ")[0] == "console" for b in blocks(page.read_text()))]


@pytest.mark.parametrize("page", pages_with_examples(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_command_examples_print_what_the_page_shows(page, tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    failures = []
    for block in blocks(page.read_text()):
        name = file_name(block.info)
        if name:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text("\n".join(block.lines) + "\n")
        if block.info.split(" ")[0] != "console":
            continue
        for argv, expected in commands(block):
            status = main(argv)
            out, err = capsys.readouterr()
            printed = [line.rstrip() for line in (out + "\n" + err).splitlines()]
            lost = missing_lines(expected, printed)
            if status != 0 or lost:
                failures.append(f"line {block.line}: newsevents {shlex.join(argv)} exited {status}; "
                                f"not printed (in order): {lost[:3]}\n--- printed:\n{out}{err}")
    assert not failures, "\n\n".join(failures)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found: set[str] = set()
    for line in prose(page.read_text()).splitlines():
        if line.startswith("#"):
            base = slug(line.lstrip("#"))
            name, n = base, 0
            while name in found:
                n += 1
                name = f"{base}-{n}"
            found.add(name)
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_point_to_files_and_headings_that_exist(page):
    broken = []
    for target in LINK.findall(prose(page.read_text())):
        if re.match(r"^[a-z]+:", target):
            continue                     # http:, https:, mailto: are not checked offline
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target}: no heading #{anchor} in {linked.name}")
    assert not broken, broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_repository_paths_named_in_the_text_exist(page):
    named = {code for code in INLINE_CODE.findall(prose(page.read_text()))
             if REPO_PATH.match(code) and not re.match(r"newsevents/\d", code)}
    missing = sorted(path for path in named if not any(ROOT.glob(path.rstrip("/"))))
    assert not missing, missing


def test_the_example_checker_reports_what_is_missing():
    """The line matcher itself: order matters, partial outputs pass, a lost line fails."""
    printed = ["a", "b", "c"]
    assert missing_lines(["a", "c"], printed) == []
    assert missing_lines(["c", "a"], printed) == ["a"]
    assert missing_lines(["a", "x"], printed) == ["x"]
    assert missing_lines(["read 3 in ..."], ["read 3 in 0.2s"]) == []
    assert missing_lines(["read 4 in ..."], ["read 3 in 0.2s"]) == ["read 4 in ..."]
    block = blocks("```console\n$ newsevents status --db x\ninputs 1\n...\n```\n")[0]
    assert commands(block) == [(["status", "--db", "x"], ["inputs 1"])]
