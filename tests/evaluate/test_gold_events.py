"""The gold-events suite: matching coded events to an analyst's, on invented articles."""

from __future__ import annotations

import json

import pytest

from newsevents.evaluate.event_match import (CodedActor, CodedEvent, Totals, match, name_words,
                                             score_document, side_agrees)
from newsevents.evaluate.gold_events import GoldEventsSuite, gold_as_coded
from newsevents.evaluate.gold_events_data import GoldActor, read_gold_events
from newsevents.evaluate.splits import Split, draw, load_split

TEXT = ("Ruritania accused Freedonia of shelling the border town. "
        "Freedonia denied it. The two foreign ministers met in Geneva on Monday.")


def _gold(**kw):
    base = {"sentence": "Ruritania accused Freedonia of shelling the border town.", "trigger": "accused",
            "type": "ACCUSE", "mode": None,
            "source": [{"name": "Ruritania", "country": "RUR", "sector": "GOV"}],
            "target": [{"name": "Freedonia", "country": "FRE", "sector": "GOV"}],
            "status": "asserted", "attributed_to": [], "date": None}
    return base | kw


def _actor(name, country=None):
    return CodedActor(name_words(name), country)


def _coded(trigger_word, type_, source=(), target=(), status="asserted", text=TEXT):
    start = text.index(trigger_word)
    sent = next(s for s in text.split(". ") if trigger_word in s)
    return CodedEvent((start, start + len(trigger_word)), name_words(sent), type_,
                      tuple(source), tuple(target), status, (), None)


@pytest.fixture()
def data_dir(tmp_path):
    """A data directory with one political and one non-political invented article."""
    (tmp_path / "polnear" / "dev" / "text").mkdir(parents=True)
    (tmp_path / "polnear" / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "article-extraction").mkdir()
    (tmp_path / "article-extraction" / "ground-truth.json").write_text(json.dumps(
        {"p1": {"articleBody": "The home side won the cup final 3-1 on Saturday.", "url": ""}}))
    gold = tmp_path / "gold-events" / "dev"
    gold.mkdir(parents=True)
    doc = {"doc": "polnear/dev/text/a.txt", "published": "2025-03-04", "political": True,
           "events": [_gold(), _gold(sentence="Freedonia denied it.", trigger="denied", type="REJECT",
                                     source=[{"name": "Freedonia", "country": "FRE", "sector": "GOV"}],
                                     target=[])]}
    page = {"doc": "article-extraction/html/p1.html.gz", "published": None, "political": False, "events": []}
    repeat = dict(doc, events=[_gold()])
    (gold / "D1.jsonl").write_text(json.dumps(doc) + "\n" + json.dumps(page) + "\n")
    (gold / "D2.jsonl").write_text(json.dumps(repeat) + "\n")
    return tmp_path


def test_reader_locates_sentences_and_keeps_repeats_apart(data_dir):
    docs = read_gold_events(data_dir)
    assert sorted(d.id for d in docs) == ["article-extraction/html/p1.html.gz", "polnear/dev/text/a.txt"]
    a = next(d for d in docs if d.political)
    assert len(a.events) == 2 and a.published.isoformat() == "2025-03-04"
    g = a.events[0]
    assert a.text[g.sentence[0]:g.sentence[1]].startswith("Ruritania accused")
    assert a.text[g.trigger[0]:g.trigger[1]] == "accused"
    page = next(d for d in docs if not d.political)
    assert page.text.startswith("The home side")  # the benchmark's gold body text
    repeats = read_gold_events(data_dir, repeats=True)
    assert [len(d.events) for d in repeats] == [1]


def test_actor_sides_agree_by_name_word_or_country_and_empty_only_with_empty():
    gold = (GoldActor("President Anna Berg", "RUR", "GOV"),)
    assert side_agrees((_actor("Berg"),), gold)
    assert side_agrees((_actor("the government", "RUR"),), gold)
    assert not side_agrees((_actor("the opposition", "FRE"),), gold)
    assert not side_agrees((), gold) and not side_agrees((_actor("Berg"),), ())
    assert side_agrees((), ())


def test_levels_detection_typed_and_full(data_dir):
    doc = next(d for d in read_gold_events(data_dir) if d.political)
    right = _coded("accused", "ACCUSE", [_actor("Ruritania")], [_actor("Freedonia")])
    wrong_target = _coded("accused", "ACCUSE", [_actor("Ruritania")], [])
    wrong_type = _coded("denied", "ACCUSE", [_actor("Freedonia")])
    assert len(match([right], doc.events, "full")) == 1
    assert len(match([wrong_target], doc.events, "typed")) == 1
    assert match([wrong_target], doc.events, "full") == []
    # a trigger on the gold trigger is detected whatever its type, but not typed
    assert len(match([wrong_type], doc.events, "detection")) == 1
    assert match([wrong_type], doc.events, "typed") == []


def test_matching_is_one_to_one_and_prefers_the_closer_pair(data_dir):
    doc = next(d for d in read_gold_events(data_dir) if d.political)
    twice = [_coded("accused", "ACCUSE", [_actor("Ruritania")], [_actor("Freedonia")]),
             _coded("shelling", "ACCUSE", [_actor("Ruritania")], [])]
    pairs = match(twice, doc.events, "typed")
    assert len(pairs) == 1 and pairs[0][0] == 0  # the full agreement wins the only gold ACCUSE
    score = score_document(twice, doc.events, True)
    p, r, f1 = Totals([score]).prf("typed")
    assert (p, r) == (0.5, 0.5) and f1 == 0.5


def test_quiet_share_counts_only_non_political_pages():
    noisy = score_document([_coded("accused", "ACCUSE")], [], False)
    quiet = score_document([], [], False)
    political = score_document([], [], True)
    assert Totals([noisy, quiet, political]).quiet_share() == (0.5, 2)


def test_second_annotator_copy_scores_perfectly_against_itself(data_dir):
    doc = next(d for d in read_gold_events(data_dir) if d.political)
    score = score_document(gold_as_coded(doc), doc.events, True)
    assert all(Totals([score]).prf(level) == (1.0, 1.0, 1.0) for level in ("detection", "typed", "full"))


def test_split_draw_is_seeded_stratified_and_a_third():
    ids = [f"u{i}" for i in range(30)]
    strata = {u: "a" if i < 12 else "b" for i, u in enumerate(ids)}
    one, two = draw(ids, 7, strata=strata), draw(ids, 7, strata=strata)
    assert one == two and len(one) == 10
    assert sum(strata[u] == "a" for u in one) == 4
    assert draw(ids, 8, strata=strata) != one
    split = Split("toy", 7, "id", frozenset(one))
    assert split.select(ids, str, "sealed") == sorted(one, key=ids.index)


def test_committed_splits_seal_a_third_of_each_set():
    from importlib import resources

    for name in ("gold-events", "plv", "aw", "gsr", "polnear-dev", "article-extraction"):
        path = resources.files("newsevents") / "data" / "splits" / f"{name}.json"
        units = json.loads(path.read_text(encoding="utf-8")).get("units")
        split = load_split(name)
        assert split.sealed, name
        if units:
            assert abs(len(split.sealed) / units - 1 / 3) < 0.05, name


def test_suite_reports_dev_and_sealed_side_by_side(data_dir, pipeline, monkeypatch):
    from newsevents.evaluate import gold_events

    sealed = Split("gold-events", 0, "doc", frozenset({"article-extraction/html/p1.html.gz"}))
    monkeypatch.setattr(gold_events, "load_split", lambda name: sealed)
    scores = {s.key: s for s in GoldEventsSuite(rounds=5).run(data_dir, pipeline)}
    for part in ("dev", "sealed"):
        for level in ("detection", "typed", "full"):
            assert f"gold-events/{part}_{level}_f1" in scores
    assert scores["gold-events/sealed_quiet_nonpolitical"].value == 1.0  # the cup final: no event
    assert scores["gold-events/dev_detection_recall"].value > 0  # "accused" is found
    # the second annotator wrote one of the two events: precision 1, recall 1/2
    assert scores["gold-events/annotators_full_f1"].value == pytest.approx(2 / 3)
