import json
import subprocess
import sys
from pathlib import Path

from newsevents.contract import validate

ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "newsevents.cli", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_extract_jsonl_counts_and_exit_status(tmp_path):
    (tmp_path / "ok.txt").write_text("Police arrested 14 protesters in Minsk on Saturday.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)))
    proc = run("extract", str(tmp_path), "--published", "2024-02-05")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    for r in records:
        validate(r)
    kinds = [("article" in r, "skipped" in r, "error" in r) for r in records]
    assert kinds == [(False, True, False), (False, False, True), (True, False, False)]
    assert "read 3 = coded 1 + skipped 1 + failed 1" in proc.stderr
    assert proc.returncode == 1


def test_extract_exit_zero_when_everything_coded_or_skipped_and_stdin():
    proc = run("extract", "-", "--format", "json", stdin="Envoys from Chad met in Niamey on Friday.")
    assert proc.returncode == 0
    (record,) = json.loads(proc.stdout)
    assert record["article"]["source"] == "<stdin>"


def test_bad_usage_exits_two():
    assert run("extract", "/no/such/file").returncode == 2
    assert run("extract", "-", "--published", "yesterday", stdin="x").returncode == 2
    assert run("frobnicate").returncode == 2


def test_table_format_is_readable():
    proc = run("extract", "examples/03-three-lees.txt", "--published", "2025-03-14", "--format", "table")
    assert proc.returncode == 0
    assert proc.stdout.startswith("== Seoul and Tokyo agree")
    assert "status=" in proc.stdout
