"""`newsevents evaluate` end to end on a tiny invented data directory."""

from __future__ import annotations

import gzip
import json

import pytest

from newsevents.cli import main

BODY = ("The harbour council of Eastport voted on Tuesday to rebuild the old stone pier, "
        "which storms damaged last winter. Work is planned to begin in the spring and the "
        "council expects it to take about eighteen months.\n\n"
        "Fishing crews had asked for the repairs for years, and the vote passed without "
        "objection after a short debate about the cost of the granite.")
PAGE = f"""<html><head><title>Eastport pier to be rebuilt</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Eastport pier to be rebuilt</h1>
{''.join(f'<p>{p}</p>' for p in BODY.split(chr(10) + chr(10)))}
</article><footer>Copyright Eastport Gazette. All rights reserved.</footer></body></html>"""


@pytest.fixture()
def data_dir(tmp_path):
    root = tmp_path / "data" / "article-extraction"
    (root / "html").mkdir(parents=True)
    with gzip.open(root / "html" / "p1.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(PAGE)
    (root / "ground-truth.json").write_text(json.dumps(
        {"p1": {"articleBody": BODY, "url": "https://eastport.example/pier"}}))
    return tmp_path / "data"


def test_evaluate_prints_table_and_writes_json(data_dir, tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert main(["evaluate", "extraction", "--data", str(data_dir), "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert "body_f1" in table and "extraction" in table
    report = json.loads(out.read_text())
    f1 = {s["key"]: s["value"] for s in report["scores"]}["extraction/body_f1"]
    assert f1 > 0.9  # one clean page: its body must be found


def test_check_exits_1_below_floor_and_0_above(data_dir, tmp_path, capsys):
    high = tmp_path / "high.json"
    high.write_text(json.dumps({"scores": {"extraction/body_f1": {
        "value": 1.5, "floor": 1.5, "noise": 0.01, "higher_is_better": True}}}))
    assert main(["evaluate", "extraction", "--data", str(data_dir), "--check",
                 "--baseline", str(high)]) == 1
    assert "FAIL" in capsys.readouterr().out
    low = tmp_path / "low.json"
    low.write_text(json.dumps({"scores": {"extraction/body_f1": {
        "value": 0.1, "floor": 0.1, "noise": 0.0, "higher_is_better": True}}}))
    assert main(["evaluate", "extraction", "--data", str(data_dir), "--check",
                 "--baseline", str(low)]) == 0


def test_missing_data_skips_the_suite_with_a_message(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["evaluate", "extraction", "--data", str(tmp_path / "empty")]) == 0
    assert "skipped extraction" in capsys.readouterr().out


def test_unknown_suite_and_missing_directory_are_usage_errors(tmp_path):
    assert main(["evaluate", "nosuch", "--data", str(tmp_path)]) == 2
    assert main(["evaluate", "--data", str(tmp_path / "absent")]) == 2


def test_write_baseline(data_dir, tmp_path):
    path = tmp_path / "baseline.json"
    assert main(["evaluate", "extraction", "--data", str(data_dir), "--write-baseline",
                 "--baseline", str(path)]) == 0
    scores = json.loads(path.read_text())["scores"]
    assert scores["extraction/body_f1"]["floor"] <= scores["extraction/body_f1"]["value"]
