"""Article-extraction suite on invented pages: a page that yields nothing counts."""

from __future__ import annotations

import gzip
import json

import pytest

from newsevents.evaluate.extraction import SUITE

BODY = ("Volunteers in the river town of Ashford cleared two tonnes of litter from the banks "
        "on Saturday, the largest clean-up the town has organised. The council lent trucks "
        "and gloves, and a local bakery fed the crews at lunchtime.\n\n"
        "Organisers said they would repeat the effort every spring and hoped to extend it "
        "to the canal paths next year if enough people signed up again.")


def _page(body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<html><head><title>Ashford clean-up</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>Ashford clean-up</h1>{paras}</article></body></html>")


def _write(root, pages: dict[str, tuple[str, str]]) -> None:
    (root / "article-extraction" / "html").mkdir(parents=True)
    truth = {}
    for page_id, (html, gold) in pages.items():
        with gzip.open(root / "article-extraction" / "html" / f"{page_id}.html.gz", "wt") as fh:
            fh.write(html)
        truth[page_id] = {"articleBody": gold, "url": f"https://ashford.example/{page_id}"}
    (root / "article-extraction" / "ground-truth.json").write_text(json.dumps(truth))


def test_an_empty_page_costs_recall_but_not_precision(tmp_path):
    _write(tmp_path, {"good": (_page(BODY), BODY),
                      "empty": ("<html><body></body></html>", BODY)})
    scores = {s.metric: s for s in SUITE.run(tmp_path, None)}
    good_only = tmp_path / "g"
    _write(good_only, {"good": (_page(BODY), BODY)})
    alone = {s.metric: s for s in SUITE.run(good_only, None)}
    # precision averages over pages with a prediction: the empty page is not one
    assert scores["body_precision"].value == pytest.approx(alone["body_precision"].value)
    # recall averages over pages with gold text: the empty page adds a zero
    assert scores["body_recall"].value == pytest.approx(alone["body_recall"].value / 2)
    assert alone["body_f1"].value > 0.9
    assert all(s.n == 2 and s.unit == "pages" for s in scores.values())


def test_dev_and_sealed_pages_are_scored_apart_beside_trafilatura(tmp_path, monkeypatch):
    import newsevents.evaluate.extraction as extraction

    monkeypatch.setattr(extraction, "sealed_ids", lambda: frozenset({"empty"}))
    _write(tmp_path, {"good": (_page(BODY), BODY), "empty": ("<html><body></body></html>", BODY)})
    scores = {s.metric: s for s in SUITE.run(tmp_path, None)}
    assert scores["body_f1_dev"].n == 1 and scores["body_f1_dev"].value > 0.9
    assert scores["body_f1_sealed"].n == 1 and scores["body_f1_sealed"].value == 0.0
    # the sealed target is trafilatura's precision mode on the same pages
    assert scores["body_f1_sealed"].target == scores["trafilatura_precision_f1_sealed"].value
    for ref in ("trafilatura_default", "trafilatura_precision"):
        assert scores[f"{ref}_f1_dev"].value > 0.9
        # references are shown, not gated: no noise, so no baseline entry
        assert all(scores[f"{ref}_f1_{part}"].noise is None for part in ("all", "dev", "sealed"))


def test_the_committed_split_seals_a_seeded_third(gold):
    from newsevents.evaluate.extraction import DATASET, load_gold, sealed_ids
    from importlib import resources

    split = json.loads((resources.files("newsevents") / "data" / "splits" / f"{DATASET}.json")
                       .read_text(encoding="utf-8"))
    assert set(split) == {"dataset", "seed", "sealed"} and split["dataset"] == DATASET
    assert sealed_ids() == frozenset(split["sealed"])
    ids = list(load_gold(gold("article-extraction/ground-truth.json") / DATASET))
    assert set(split["sealed"]) <= set(ids) and len(split["sealed"]) == round(len(ids) / 3)
