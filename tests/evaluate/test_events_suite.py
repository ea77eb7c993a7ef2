"""The events suite: gold readers, dyad matching, cross-validated scoring on invented data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.base import Analysis
from newsevents.coding.events.events import EventStage
from newsevents.evaluate.events import GSR, NONE, PLV, SUITE, Outcome, match_event, run_folds, scores, split_scores
from newsevents.evaluate.events_data import GoldDyad, coarse, read_gsr, read_plv
from newsevents.evaluate.splits import Split, load_split
from newsevents.pipeline import Pipeline
from newsevents.records import Article

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def test_read_plv_unmarks_text_and_spans(tmp_path):
    path = tmp_path / "plv.tsv"
    path.write_text("sentence_id\tmarked_sentence\tgold_root\n"
                    "s1\t<s>Chad </s>attacked <t>Niger</t> on Monday.\tASSAULT \n", "utf-8")
    (dyad,) = read_plv(path)
    assert dyad.text == "Chad attacked Niger on Monday." and dyad.label == "ASSAULT"
    assert [dyad.text[slice(*s)] for s in dyad.sources + dyad.targets] == ["Chad", "Niger"]


def test_coarse_merges_concede_and_retreat():
    assert coarse("CONCEDE") == coarse("RETREAT") == "YIELD"
    assert coarse("ASSAULT") == "ASSAULT"


def test_read_gsr_maps_old_names(tmp_path):
    records = [{"id": "doc", "event": "DOCUMENT"},
               {"id": "x1", "event": "DISAPPROVE", "text": "Chad criticized Niger.",
                "source": [{"actorText": "Chad", "code": "TCD"}],
                "target": [{"actorText": "Niger", "code": "NER"}]},
               {"id": "x2", "event": "FIGHT", "text": "Mali rebels fought troops.",
                "source": [{"actorText": "Mali rebels", "code": "MLI"}], "target": ""}]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records))
    dyads = read_gsr(path)
    assert [d.label for d in dyads] == ["ACCUSE", "ASSAULT"]
    assert dyads[0].text[slice(*dyads[0].targets[0])] == "Niger"
    assert dyads[1].targets == () and dyads[1].source_codes == ("MLI",)


def test_match_event_takes_the_event_of_the_marked_actors(nlp):
    text = "Canada praised Mexico. Egypt attacked Sudan."
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    EventStage()(analysis)
    egypt, sudan = text.index("Egypt"), text.index("Sudan")
    dyad = GoldDyad("d", text, "ASSAULT", sources=((egypt, egypt + 5),), targets=((sudan, sudan + 5),))
    ev = match_event(analysis, dyad)
    assert ev is not None and ev.type == "ASSAULT"
    nobody = GoldDyad("d", text, "ASSAULT", sources=((7, 14),), targets=((7, 14),))  # "praised"
    assert match_event(analysis, nobody) is None


def test_scores_count_missing_events_as_wrong():
    outcomes = [Outcome("ASSAULT", "ASSAULT", "ASSAULT", (("TCD", "TCD"),)),
                Outcome("AID", NONE, "AID", (("NER", "MLI"),))]
    by_name = {s.metric: s.value for s in scores("plv", outcomes)}
    assert by_name["plv_type_accuracy"] == 0.5
    assert by_name["plv_coverage"] == 0.5
    assert by_name["plv_model_accuracy"] == 1.0
    assert by_name["plv_actor_country_accuracy"] == 0.5
    assert by_name["plv_f1_ASSAULT"] == 1.0 and by_name["plv_f1_AID"] == 0.0


def test_split_scores_report_all_dev_and_sealed():
    dyads = [GoldDyad(f"d{n}", "x", "ASSAULT", group=g) for n, g in enumerate(["a", "a", "b", "c"])]
    outcomes = [Outcome("ASSAULT", "ASSAULT", "ASSAULT"), Outcome("AID", "AID", "AID"),
                Outcome("AID", NONE, "AID"), Outcome("ASSAULT", "AID", "AID")]
    split = Split("plv", 0, "sentence_id", frozenset({"b", "c"}))
    by = {s.metric: s for s in split_scores("plv", dyads, outcomes, split)}
    assert by["plv_type_accuracy"].value == 0.5 and by["plv_type_accuracy"].n == 4
    assert by["plv_type_accuracy_dev"].value == 1.0 and by["plv_type_accuracy_dev"].n == 2
    assert by["plv_type_accuracy_sealed"].value == 0.0 and by["plv_type_accuracy_sealed"].n == 2
    assert by["plv_coverage_sealed"].value == 0.5
    assert by["plv_type_accuracy_sealed"].target == by["plv_type_accuracy"].target == 0.80
    assert by["plv_type_macro_f1_dev"].noise is not None
    per_type = [m for m in by if m.startswith("plv_f1_")]
    assert per_type and all(m.endswith("_dev") for m in per_type)  # per type: dev only


def _dyad(n: int, sentence: str, src: str, tgt: str, label: str) -> GoldDyad:
    s, t = sentence.index(src), sentence.index(tgt)
    return GoldDyad(f"x{n}", sentence, label, ((s, s + len(src)),), ((t, t + len(tgt)),), group=f"x{n}")


def test_run_folds_on_invented_dyads(nlp):
    pairs = [("France", "Germany"), ("Japan", "China"), ("Peru", "Chile"), ("Cuba", "Haiti"),
             ("Brazil", "Mexico"), ("India", "Pakistan")]
    dyads = []
    for n, (a, b) in enumerate(pairs):
        dyads.append(_dyad(2 * n, f"{a} attacked {b} on Monday.", a, b, "ASSAULT"))
        dyads.append(_dyad(2 * n + 1, f"{a} praised {b} on Monday.", a, b, "SUPPORT"))
    pipe = Pipeline(nlp=nlp, stages=[ActorStage(), AttributionStage()])
    outcomes = run_folds(pipe, dyads, [], k=2)
    assert len(outcomes) == len(dyads)
    assert sum(o.pred == o.gold for o in outcomes) >= 10


def _write_gold(root: Path, plv_rows: list[tuple[str, str, str]], gsr: list[dict]) -> None:
    (root / PLV).parent.mkdir(parents=True)
    lines = ["sentence_id\tmarked_sentence\tgold_root"] + ["\t".join(r) for r in plv_rows]
    (root / PLV).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / GSR).parent.mkdir(parents=True)
    (root / GSR).write_text(json.dumps(gsr), encoding="utf-8")


def test_events_suite_reports_dev_and_sealed_on_invented_data(nlp, tmp_path):
    pairs = [("France", "Germany"), ("Japan", "China"), ("Peru", "Chile"), ("Cuba", "Haiti"),
             ("Brazil", "Mexico"), ("India", "Pakistan")]
    plv_sealed = sorted(load_split("plv").sealed)
    gsr_sealed = sorted(load_split("gsr").sealed)
    plv_rows, gsr = [], []
    for n, (a, b) in enumerate(pairs):
        sid = plv_sealed[n] if n % 2 else f"invented-{n}"
        plv_rows.append((sid, f"<s>{a}</s> attacked <t>{b}</t> on Monday.", "ASSAULT"))
        plv_rows.append((f"{sid}-b" if n % 2 == 0 else plv_sealed[n + 10], f"<s>{a}</s> praised <t>{b}</t>.",
                         "SUPPORT"))
        for k, (verb, label) in enumerate((("bombed", "FIGHT"), ("criticized", "DISAPPROVE"))):
            rid = gsr_sealed[2 * n + k] if n % 2 else f"invented-{n}-{k}"
            gsr.append({"id": rid, "event": label, "text": f"{a} {verb} {b}.",
                        "source": [{"actorText": a, "code": ""}], "target": [{"actorText": b, "code": ""}]})
    _write_gold(tmp_path, plv_rows, gsr)
    pipe = Pipeline(nlp=nlp, stages=[ActorStage(), AttributionStage()])
    by = {s.metric: s for s in SUITE.run(tmp_path, pipe)}
    for prefix in ("plv", "gsr"):
        assert by[f"{prefix}_type_accuracy"].n == 12
        assert by[f"{prefix}_type_accuracy_dev"].n == by[f"{prefix}_type_accuracy_sealed"].n == 6
        assert by[f"{prefix}_type_macro_f1_sealed"].noise is not None
        assert not any(m.startswith(f"{prefix}_f1_") and not m.endswith("_dev") for m in by)


@pytest.mark.skipif(not (DATA / "plv" / "PLV_train.tsv").exists(), reason="shared gold data absent")
def test_read_real_plv():
    dyads = read_plv(DATA / "plv" / "PLV_train.tsv")
    assert len(dyads) > 1000
    assert {coarse(d.label) for d in dyads} >= {"ASSAULT", "YIELD", "REJECT"}
    d = dyads[0]
    assert d.sources and d.targets and "<s>" not in d.text
