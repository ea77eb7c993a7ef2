"""Contradiction rules on invented, hand-coded articles (and one through the pipeline)."""

import json
from datetime import date

import pytest

from store_helpers import make_result

from newsevents.store import open_store, queries as Q
from newsevents.stories import rebuild

IRN = ("Iran", "country", "IRN", None)
RUS = ("Russia", "country", "RUS", None)


def stored(tmp_path, results):
    st = open_store(tmp_path / "c.duckdb")
    st.writer().write([(f"k{i}", f"in{i}", r) for i, r in enumerate(results)])
    rebuild(st.con)
    return st


def links(st):
    return Q.contradictions(st.con, kind="denial")


def test_iran_denied_sending_drones_after_officials_said_it_had_shipped_them(tmp_path):
    text = "Iran denied sending drones, after officials said it had shipped them."
    r = make_result(text, {"A1": IRN, "A2": ("officials", "group", None, None)},
                    [{"type": "AID", "trigger": "shipped", "source": ["A1"], "status": "reported",
                      "attributed_to": ["A2"]},
                     {"type": "AID", "trigger": "sending", "source": ["A1"], "status": "denied",
                      "attributed_to": ["A1"]}], doc_id="drones", published=date(2025, 5, 2))
    with stored(tmp_path, [r]) as st:
        (row,) = links(st)
        assert (row["a_status"], row["b_status"]) == ("reported", "denied")
        why = json.loads(row["why"])
        assert why["support"] == "same article" and why["doer"] == "Iran (identity)"
        assert why["speakers"] == "different speakers: officials vs Iran"


def test_the_drone_example_links_through_the_pipeline(tmp_path):
    from newsevents.pipeline import Pipeline

    text = "Western officials say Iran shipped drones to Russia. Tehran denied arming Moscow."
    result = Pipeline().extract_one(text, published=date(2025, 5, 2))
    with stored(tmp_path, [result]) as st:
        rows = links(st)
        assert [(r["a_type"], r["a_status"], r["b_status"]) for r in rows] == [
            ("AID", "reported", "denied")]


def test_two_actors_stances_toward_one_person_are_no_contradiction(tmp_path):
    text = ("The Herald endorsed Ana Ruiz on Monday. Many farmers are not supporting Ana Ruiz, "
            "union leaders said.")
    r = make_result(text, {"A1": ("The Herald", "organization", "ESP", "MED"),
                           "A2": ("Ana Ruiz", "person", "ESP", "GOV"),
                           "A3": ("Many farmers", "group", "ESP", "AGR"),
                           "A4": ("union leaders", "group", "ESP", "LAB")},
                    [{"type": "SUPPORT", "trigger": "endorsed", "source": ["A1"], "target": ["A2"]},
                     {"type": "SUPPORT", "trigger": "supporting", "source": ["A3"], "target": ["A2"],
                      "status": "negated", "attributed_to": ["A4"]}], published=date(2025, 5, 2))
    with stored(tmp_path, [r]) as st:
        assert links(st) == []


def _aid(text, doc_id, status, speaker, published, day=None):
    actors = {"A1": IRN, "A2": RUS, "A3": speaker}
    return make_result(text, actors, [{"type": "AID", "trigger": "drones", "source": ["A1"],
                                       "target": ["A2"], "status": status,
                                       "attributed_to": ["A3"], "day": day}],
                       doc_id=doc_id, published=published)


OFFICIALS = ("Western officials", "group", "USA", "GOV")
TEHRAN = ("Tehran", "country", "IRN", "GOV")


def test_undated_reports_never_link(tmp_path):
    claim = _aid("Western officials say Iran sent drones to Russia.", "u1", "reported", OFFICIALS,
                 None)
    denial = _aid("Tehran denied that Iran sent drones to Russia.", "u2", "denied", TEHRAN, None)
    with stored(tmp_path, [claim, denial]) as st:
        assert links(st) == []
        assert all(s["n_articles"] == 1 for s in Q.stories(st.con))


@pytest.mark.parametrize("days_apart, linked", [(3, True), (20, False)])
def test_a_denial_links_only_within_its_time_window(tmp_path, days_apart, linked):
    claim = _aid("Western officials say Iran sent drones to Russia on Monday.", "w1", "reported",
                 OFFICIALS, date(2025, 5, 6), day=date(2025, 5, 5))
    denial = _aid("Tehran denied that Iran sent drones to Russia.", "w2", "denied", TEHRAN,
                  date(2025, 5, 6 + days_apart))
    with stored(tmp_path, [claim, denial]) as st:
        assert len(links(st)) == int(linked)


def test_the_same_speaker_changing_account_is_said(tmp_path):
    first = _aid("Tehran said Iran sent drones to Russia on Monday.", "s1", "asserted", TEHRAN,
                 date(2025, 5, 6), day=date(2025, 5, 5))
    later = _aid("Tehran denied that Iran sent drones to Russia on Monday.", "s2", "denied", TEHRAN,
                 date(2025, 5, 8), day=date(2025, 5, 5))
    same_day = _aid("Tehran denied Iran sent drones to Russia on Monday.", "s3", "denied", TEHRAN,
                    date(2025, 5, 6), day=date(2025, 5, 5))
    with stored(tmp_path, [first, later, same_day]) as st:
        (row,) = links(st)
        assert row["b_published"] == date(2025, 5, 8)
        assert json.loads(row["why"])["speakers"].startswith("the same speaker changed account")


def test_a_negation_needs_two_named_speakers(tmp_path):
    claim = make_result("Iran sent drones to Russia on Monday.", {"A1": IRN, "A2": RUS},
                        [{"type": "AID", "trigger": "sent", "source": ["A1"], "target": ["A2"],
                          "day": date(2025, 5, 5)}], doc_id="n1", published=date(2025, 5, 6))
    negation = _aid("Iran did not send drones to Russia, Tehran said.", "n2", "negated", TEHRAN,
                    date(2025, 5, 7), day=date(2025, 5, 5))
    with stored(tmp_path, [claim, negation]) as st:
        assert links(st) == []  # the article's own claim against a negation: too weak


def test_an_accusation_and_the_rejection_that_answers_it(tmp_path):
    text = ("Kyiv accused Moscow of shelling the dam. Moscow dismissed the accusation. "
            "Moscow rejected the idea of new talks.")
    r = make_result(text, {"A1": ("Kyiv", "country", "UKR", "GOV"),
                           "A2": ("Moscow", "country", "RUS", "GOV")},
                    [{"type": "ACCUSE", "trigger": "accused", "source": ["A1"], "target": ["A2"]},
                     {"type": "REJECT", "trigger": "dismissed", "source": ["A2"]},
                     {"type": "REJECT", "trigger": "rejected", "source": ["A2"]}],
                    published=date(2025, 5, 2))
    with stored(tmp_path, [r]) as st:
        (row,) = links(st)
        assert row["rule"] == "accusation rejected"
        assert row["b_evidence"] == "Moscow dismissed the accusation."


RIVERA = ("Lena Rivera", "person", "ESP", "GOV")
OKAFOR = ("Tomas Okafor", "person", "ESP", "GOV")
DUARTE = ("Ines Duarte", "person", "ESP", "GOV")


def _accusations(text, events):
    actors = {"A1": RIVERA, "A2": OKAFOR, "A3": DUARTE}
    return make_result(text, {k: v for k, v in actors.items() if v[0] in text}, events,
                       doc_id="acc", published=date(2025, 6, 3))


def _accuse(trigger, by="A1"):
    return {"type": "ACCUSE", "trigger": trigger, "source": [by], "target": ["A2"]}


def _reject(trigger, target=()):
    return {"type": "REJECT", "trigger": trigger, "source": ["A2"], "target": list(target)}


def test_a_denial_answers_the_accusation_it_is_about_not_every_accusation(tmp_path):
    text = ("Lena Rivera accused Tomas Okafor of taking bribes from harbour builders. "
            "Lena Rivera also charged Tomas Okafor with rigging the school board vote. "
            "Tomas Okafor denied the charge of taking bribes from harbour builders.")
    r = _accusations(text, [_accuse("accused"), _accuse("charged"), _reject("denied")])
    with stored(tmp_path, [r]) as st:
        (row,) = links(st)
        assert "bribes" in row["a_evidence"] and row["rule"] == "accusation rejected"
        match = json.loads(row["why"])["match"]
        assert match.startswith("best of 2 claims of Lena Rivera") and "by content" in match


def test_one_denial_and_two_equally_fitting_accusations_is_a_weak_flagged_link(tmp_path):
    text = ("Lena Rivera accused Tomas Okafor of fraud. Lena Rivera charged Tomas Okafor "
            "with perjury. Tomas Okafor dismissed the allegation.")
    r = _accusations(text, [_accuse("accused"), _accuse("charged"), _reject("dismissed")])
    with stored(tmp_path, [r]) as st:
        rows = links(st)
        assert len(rows) == 2
        for row in rows:
            why = json.loads(row["why"])
            assert row["rule"] == "accusation rejected (ambiguous)" and row["strength"] == 0
            assert why["match"].startswith("ambiguous: 2 claims of Lena Rivera")


def test_a_rejection_of_the_criticism_answers_each_critic(tmp_path):
    text = ("Lena Rivera accused Tomas Okafor of neglecting the harbour. Ines Duarte condemned "
            "Tomas Okafor over the harbour. Tomas Okafor rejected the criticism of his harbour plan.")
    r = _accusations(text, [_accuse("accused"), _accuse("condemned", by="A3"),
                            _reject("rejected")])
    with stored(tmp_path, [r]) as st:
        rows = links(st)
        assert len(rows) == 2 and {r["rule"] for r in rows} == {"accusation rejected"}
        assert all(json.loads(r["why"])["match"].startswith("the only claim of")
                   for r in rows)


def test_a_denial_naming_the_target_answers_that_claim(tmp_path):
    text = ("Western officials said Iran sent drones to Russia. Western officials said Iran has "
            "been testing long-range drones at a desert base. Tehran denied that Iran sent drones "
            "to Russia.")
    actors = {"A1": IRN, "A2": RUS, "A3": OFFICIALS, "A4": TEHRAN}
    r = make_result(text, actors, [
        {"type": "AID", "trigger": "sent", "source": ["A1"], "target": ["A2"],
         "status": "reported", "attributed_to": ["A3"]},
        {"type": "AID", "trigger": "testing", "source": ["A1"], "status": "reported",
         "attributed_to": ["A3"]},
        {"type": "AID", "trigger": "denied", "source": ["A1"], "target": ["A2"],
         "status": "denied", "attributed_to": ["A4"]}], doc_id="tgt", published=date(2025, 5, 2))
    with stored(tmp_path, [r]) as st:
        (row,) = links(st)
        assert row["a_evidence"] == "Western officials said Iran sent drones to Russia."
        assert "by target" in json.loads(row["why"])["match"]
