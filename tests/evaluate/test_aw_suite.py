"""The aw suite: reader, counts, dev/sealed partition and a run on an invented TSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.events.events import EventStage
from newsevents.evaluate.aw import AW, AwSuite, Counts, Verdict, predict, split_scores
from newsevents.evaluate.base import SUITES, load_suite
from newsevents.evaluate.events_data import read_aw
from newsevents.evaluate.splits import Split, load_split
from newsevents.pipeline import Pipeline

COLUMNS = ["uid", "new_split", "dataset", "original_split", "doc_id", "sent_id", "sentence",
           "marked_sentence", "source", "target", "trigger", "arguments", "event_type", "gold_binary"]
ATTACK = "<s>Egypt</s> attacked <t>Sudan</t> on Monday."
WEATHER = "The <s>weather</s> in <t>Lisbon</t> was mild on Monday."
PRAISE = "<s>Canada</s> praised <t>Mexico</t> on Tuesday."


def write_tsv(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Rows of (dataset, doc_id, marked sentence, gold_binary) in AW's columns."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS, delimiter="\t")
        w.writeheader()
        for n, (dataset, doc, marked, gold) in enumerate(rows):
            plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
            w.writerow({"uid": n, "new_split": "train", "dataset": dataset, "original_split": "train",
                        "doc_id": doc, "sent_id": n, "sentence": plain, "marked_sentence": marked,
                        "source": "", "target": "", "trigger": "", "arguments": "{}",
                        "event_type": "Conflict:Attack", "gold_binary": gold})


def test_aw_is_a_registered_suite():
    assert "aw" in SUITES and load_suite("aw").name == "aw"


def test_read_aw_gives_spans_labels_and_documents(tmp_path):
    path = tmp_path / "aw.tsv"
    write_tsv(path, [("ace", "7", ATTACK, "1"), ("wiki", "x", WEATHER, "0")])
    dyads = read_aw(path)
    assert [d.label for d in dyads] == ["1", "0"]
    assert [d.group for d in dyads] == ["ace:7", "wiki:x"]
    d = dyads[1]
    assert d.text == "The weather in Lisbon was mild on Monday."
    assert d.text[slice(*d.sources[0])] == "weather" and d.text[slice(*d.targets[0])] == "Lisbon"


def test_counts_give_recall_fpr_and_balanced_accuracy():
    vs = [Verdict("a", True, True), Verdict("a", True, False), Verdict("b", True, True),
          Verdict("b", False, True), Verdict("c", False, False), Verdict("c", False, False),
          Verdict("c", False, False)]
    c = Counts.of(vs)
    assert (c.tp, c.fn, c.fp, c.tn) == (2, 1, 1, 3)
    assert c.recall == pytest.approx(2 / 3)
    assert c.false_positive_rate == pytest.approx(1 / 4)
    assert c.balanced_accuracy == pytest.approx((2 / 3 + 3 / 4) / 2)
    assert Counts().recall == 0.0 and Counts().false_positive_rate == 0.0


def test_split_scores_keep_dev_and_sealed_apart():
    split = Split("aw", 0, "document", frozenset({"s1", "s2"}))
    vs = [Verdict("d1", True, True), Verdict("d1", False, False), Verdict("d2", True, True),
          Verdict("s1", True, False), Verdict("s2", False, True), Verdict("s2", False, False)]
    by = {s.metric: s for s in split_scores("aw", vs, split, rounds=20)}
    assert by["balanced_accuracy_dev"].value == 1.0 and by["balanced_accuracy_dev"].n == 3
    assert by["recall_sealed"].value == 0.0 and by["recall_sealed"].n == 1
    assert by["false_positive_rate_sealed"].value == 0.5 and by["false_positive_rate_sealed"].n == 2
    assert by["false_positive_rate_sealed"].higher_is_better is False
    assert by["false_positive_rate_sealed"].meets_target() is False
    assert by["balanced_accuracy_dev"].meets_target() is True
    assert all(s.noise is not None for s in by.values())


class _Count:
    """A stage that counts the articles it sees."""

    name = "count"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, analysis) -> None:
        self.texts.append(analysis.article.text)


class _Boom:
    """A stage after ``events``: the suite must not run it."""

    name = "after"

    def __call__(self, analysis) -> None:
        raise AssertionError("stage after events was run")


def test_predict_codes_each_sentence_once_and_links_marked_actors(nlp, tmp_path):
    path = tmp_path / "aw.tsv"
    same_sentence = "<s>Egypt</s> attacked Sudan on <t>Monday</t>."  # another pair of ATTACK's sentence
    write_tsv(path, [("ace", "1", ATTACK, "1"), ("ace", "1", same_sentence, "0"), ("ace", "2", WEATHER, "0")])
    counter = _Count()
    pipe = Pipeline(nlp=nlp, stages=[counter, ActorStage(), AttributionStage(), EventStage(), _Boom()])
    verdicts, unparsed = predict(pipe, read_aw(path))
    assert unparsed == 0
    assert sorted(counter.texts) == sorted({d.text for d in read_aw(path)})  # two sentences, once each
    assert verdicts[0] == Verdict("ace:1", True, True)  # Egypt attacked Sudan
    assert verdicts[2] == Verdict("ace:2", False, False)  # the weather in Lisbon: no event


def test_suite_runs_on_an_invented_data_dir(nlp, tmp_path):
    sealed = sorted(load_split("aw").sealed)[0]
    dataset, doc = sealed.split(":", 1)
    write_tsv(tmp_path / AW, [("ace", "no-such-doc", ATTACK, "1"), ("ace", "no-such-doc", WEATHER, "0"),
                              (dataset, doc, PRAISE, "1"), (dataset, doc, WEATHER, "0")])
    pipe = Pipeline(nlp=nlp, stages=[ActorStage(), AttributionStage(), EventStage()])
    by = {s.metric: s for s in AwSuite(rounds=10).run(tmp_path, pipe)}
    for part in ("dev", "sealed"):
        assert by[f"balanced_accuracy_{part}"].n == 2
        assert by[f"recall_{part}"].n == 1 and by[f"false_positive_rate_{part}"].n == 1
    assert by["recall_dev"].value == 1.0 and by["false_positive_rate_dev"].value == 0.0
    assert by["unparsed_sentences"].value == 0 and by["unparsed_sentences"].n == 3
