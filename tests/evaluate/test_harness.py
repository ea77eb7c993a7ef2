"""The harness loop: skipping, crashing and scoring suites, and the report."""

from __future__ import annotations

import json

import newsevents.evaluate as ev
from newsevents.evaluate import gate
from newsevents.evaluate.base import SUITES, Score, Suite


class _Fine:
    name = "fine"
    needs = ("fine/gold.txt",)

    def run(self, data_dir, pipeline):
        assert pipeline == "shared pipeline"
        return [Score("fine", "f1", 0.9, 10, target=0.8, noise=0.01),
                Score("fine", "mae", 0.7, 10, target=0.5, higher_is_better=False)]


class _Boom:
    name = "boom"
    needs = ()

    def run(self, data_dir, pipeline):
        raise RuntimeError("parser exploded")


class _NoData:
    name = "nodata"
    needs = ("nodata/absent.jsonl",)

    def run(self, data_dir, pipeline):  # pragma: no cover - must never be called
        raise AssertionError("ran without its data")


def _install(monkeypatch):
    suites = {"fine": _Fine(), "boom": _Boom(), "nodata": _NoData()}
    for name in suites:
        monkeypatch.setitem(SUITES, name, f"fake.{name}")
    monkeypatch.setattr(ev, "load_suite", lambda name: suites[name])


def test_evaluate_runs_skips_and_survives_a_crash(monkeypatch, tmp_path):
    _install(monkeypatch)
    (tmp_path / "fine").mkdir()
    (tmp_path / "fine" / "gold.txt").write_text("x")
    report = ev.evaluate(["boom", "nodata", "fine"], tmp_path, pipeline="shared pipeline")
    assert [s.key for s in report.scores] == ["fine/f1", "fine/mae"]
    assert "nodata/absent.jsonl" in report.skipped["nodata"]
    assert "parser exploded" in report.errors["boom"]
    assert set(report.seconds) == {"boom", "fine"}
    table = report.table()
    assert "ERROR in boom" in table and "skipped nodata" in table
    # the MAE row is above its target, the F1 row meets it
    rows = {ln.split()[1]: ln for ln in table.splitlines() if ln.startswith("fine")}
    assert rows["f1"].rstrip().endswith("ok") and rows["mae"].rstrip().endswith("above")
    data = json.loads(report.dumps())
    assert data["errors"] == report.errors and data["scores"][0]["key"] == "fine/f1"


def test_a_crashed_suite_fails_its_baseline_scores(monkeypatch, tmp_path):
    _install(monkeypatch)
    report = ev.evaluate(["boom"], tmp_path, pipeline="shared pipeline")
    bound = gate.Bound("boom/f1", 0.5, 0.5, 0.0)
    (verdict,) = gate.check(report, {"boom/f1": bound})
    assert verdict.outcome == "fail" and "parser exploded" in verdict.describe()


def test_fakes_satisfy_the_protocol():
    assert isinstance(_Fine(), Suite) and not isinstance(object(), Suite)
