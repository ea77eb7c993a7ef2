"""The quality gate: its logic on invented scores, and the CI gate on the gold data.

``test_ci_gate`` runs every suite and fails when a score falls below its
committed floor by more than its noise.  CPU time of each suite, measured
with ``time newsevents evaluate SUITE`` (user+sys, spaCy load included):
extraction ~3 s, factuality ~12 s, attribution (PolNeAR dev, 84 articles)
~23 s, events (PLV 5-fold cross-validation + PLOVER GSR) ~127 s,
gold-events (36 articles) ~25 s, aw (802 dyads) ~30 s; about 4 minutes in
all, well inside the CI budget.  The gold-events and aw floors hold the
sealed figures as well as the dev ones.  Drop a suite from
``CI_SUITES`` if it grows past a few minutes; ``newsevents evaluate --check``
still gates it.
"""

from __future__ import annotations

import json

import pytest

from newsevents.evaluate import evaluate
from newsevents.evaluate import gate
from newsevents.evaluate.base import SUITES, Score, load_suite
from newsevents.evaluate.report import Report

#: suites run by the CI gate (see the costs above)
CI_SUITES = ("extraction", "factuality", "attribution", "events", "gold-events", "aw")


def _bound(floor=0.80, noise=0.02, higher=True, key="toy/f1"):
    return gate.Bound(key, value=floor, floor=floor, noise=noise, higher_is_better=higher)


def test_a_score_below_floor_minus_noise_fails_and_within_noise_passes():
    b = _bound(0.80, 0.02)
    assert b.passes(0.80) and b.passes(0.781)
    assert not b.passes(0.779)
    assert not b.passes(float("nan"))


def test_an_error_measure_fails_above_its_bound():
    b = _bound(0.50, 0.05, higher=False, key="toy/mae")
    assert b.passes(0.30) and b.passes(0.549)
    assert not b.passes(0.551)


def _report(*scores: Score, ran=("toy",)) -> Report:
    return Report(tuple(scores), {}, {name: 1.0 for name in ran})


def test_check_reports_fail_pass_missing_and_not_run():
    baseline = {
        "toy/f1": _bound(0.80, 0.02, key="toy/f1"),
        "toy/recall": _bound(0.70, 0.01, key="toy/recall"),
        "toy/gone": _bound(0.50, 0.01, key="toy/gone"),
        "other/f1": _bound(0.90, 0.01, key="other/f1"),
    }
    report = _report(Score("toy", "f1", 0.75, 10), Score("toy", "recall", 0.71, 10))
    verdicts = {v.bound.key: v for v in gate.check(report, baseline)}
    assert verdicts["toy/f1"].outcome == "fail"
    assert verdicts["toy/recall"].outcome == "pass"
    assert verdicts["toy/gone"].outcome == "fail"          # suite ran, metric vanished
    assert verdicts["other/f1"].outcome == "not run"
    assert {v.bound.key for v in gate.failed(list(verdicts.values()))} == {"toy/f1", "toy/gone"}
    assert "FAIL" in verdicts["toy/f1"].describe() and "0.750" in verdicts["toy/f1"].describe()


def test_baseline_round_trip_has_one_line_per_score(tmp_path):
    report = _report(Score("toy", "f1", 0.8347, 10, noise=0.01234),
                     Score("toy", "mae", 0.4121, 10, noise=0.002, higher_is_better=False),
                     Score("toy", "f1_RARE", 0.25, 3))
    old = {"kept/f1": _bound(0.5, 0.1, key="kept/f1"), "toy/gone": _bound(key="toy/gone")}
    bounds = gate.updated_baseline(report, old)
    assert bounds["toy/f1"].floor == 0.834 and bounds["toy/f1"].noise == 0.013
    assert bounds["toy/mae"].floor == 0.413                 # rounded towards failing
    assert "kept/f1" in bounds                              # its suite did not run
    assert "toy/gone" not in bounds                         # its suite ran without it
    assert "toy/f1_RARE" not in bounds                      # no noise measured: not gated
    text = gate.dumps_baseline(bounds, "why")
    path = tmp_path / "baseline.json"
    path.write_text(text)
    assert gate.load_baseline(path) == bounds
    floor_lines = [ln for ln in text.splitlines() if '"floor"' in ln]
    assert len(floor_lines) == 3 and len(bounds) == 3 and all(ln.count('"floor"') == 1 for ln in floor_lines)
    # raising one floor is a one-line edit
    edited = text.replace('"toy/f1": {"value": 0.8347, "floor": 0.834',
                          '"toy/f1": {"value": 0.8347, "floor": 0.85')
    assert sum(a != b for a, b in zip(text.splitlines(), edited.splitlines())) == 1
    path.write_text(edited)
    assert gate.load_baseline(path)["toy/f1"].floor == 0.85


def test_a_malformed_baseline_is_a_usage_error(tmp_path):
    from newsevents.errors import UsageError

    path = tmp_path / "b.json"
    path.write_text(json.dumps({"scores": {"toy/f1": {"value": 1}}}))
    with pytest.raises(UsageError):
        gate.load_baseline(path)


def test_committed_baseline_names_known_suites():
    bounds = gate.load_baseline()
    assert bounds, "the committed baseline is empty"
    for key, b in bounds.items():
        assert b.suite in SUITES, key
        assert b.passes(b.value), f"{key}: the recorded value fails its own floor"


def test_ci_gate(gold):
    """The gated CI suites stay within their committed floors."""
    root = gold()
    runnable = [s for s in CI_SUITES if all((root / p).exists() for p in load_suite(s).needs)]
    if not runnable:
        pytest.skip(f"gold data not available under {root}")
    report = evaluate(runnable, root)
    verdicts = gate.check(report, gate.load_baseline())
    bad = gate.failed(verdicts)
    assert not bad, "\n" + report.table() + "\n" + "\n".join(v.describe() for v in bad)


def test_side_by_side_pairs_dev_and_sealed_whichever_way_they_are_named():
    from newsevents.evaluate.report import split_part

    assert split_part("dev_full_f1") == ("full_f1", "dev")
    assert split_part("plv_type_accuracy_sealed") == ("plv_type_accuracy", "sealed")
    assert split_part("body_f1") is None
    report = _report(Score("toy", "dev_full_f1", 0.4, 10, noise=0.02), Score("toy", "sealed_full_f1", 0.3, 5),
                     Score("toy", "recall_dev", 0.7, 10), Score("toy", "other", 0.9, 10))
    lines = report.side_by_side().splitlines()
    assert len(lines) == 4  # header, rule, two figures; "other" has no split
    full = next(line for line in lines if "full_f1" in line).split()
    assert full[2:5] == ["0.400", "±0.020", "0.300"]
