"""Stories across articles and contradictions, on invented articles coded by hand."""

import json
from dataclasses import replace
from datetime import date

import pytest

from store_helpers import corpus, make_result

from newsevents.store import open_store, queries as Q
from newsevents.stories import ensure_fresh, is_stale, rebuild, similarity
from newsevents.stories.figures import bound_label

RUS = ("Russia", "country", "RUS", None)
UKR = ("Ukraine", "country", "UKR", None)


def strike(text, doc_id, outlet, published, killed, speaker=None, day=None, target=UKR):
    actors = {"A1": RUS, "A2": target}
    if speaker:
        actors["A3"] = speaker
    return make_result(text, actors,
                       [{"type": "ASSAULT", "trigger": "struck", "source": ["A1"], "target": ["A2"],
                         "status": "reported" if speaker else "asserted",
                         "attributed_to": ["A3"] if speaker else [], "killed": killed,
                         "day": day or published}],
                       doc_id=doc_id, outlet=outlet, published=published)


def three_reports():
    """One missile strike reported by three outlets, two days apart, two death tolls."""
    return [
        strike("Russia struck a market in Ukraine on Friday, killing 14 people.", "s1",
               "Kyiv Post Daily", date(2025, 5, 2), 14),
        strike("Russia struck a crowded market in Ukraine, killing 14 people, the mayor said.",
               "s2", "Baltic Courier", date(2025, 5, 3), 14,
               speaker=("the mayor", "person", "UKR", "GOV")),
        strike("Russia struck the market in Ukraine, killing 19 people, emergency services said.",
               "s3", "Danube Times", date(2025, 5, 4), 19,
               speaker=("emergency services", "organization", "UKR", "GOV")),
    ]


def stored(tmp_path, results):
    st = open_store(tmp_path / "s.duckdb")
    st.writer().write([(f"k{i}", f"in{i}", r) for i, r in enumerate(results)])
    return st


def test_three_reports_of_one_strike_make_one_story(tmp_path):
    with stored(tmp_path, three_reports()) as st:
        assert rebuild(st.con) == 1
        s = Q.stories(st.con)[0]
        assert (s["n_reports"], s["n_articles"], s["n_outlets"], s["n_sources"]) == (3, 3, 3, 2)
        assert (s["first_seen"], s["last_seen"]) == (date(2025, 5, 2), date(2025, 5, 4))
        assert s["label"] == "ASSAULT Russia → Ukraine"
        assert len(Q.story_reports(st.con, s["story_id"])) == 3


def test_reports_outside_the_window_or_with_other_actors_are_other_stories(tmp_path):
    later = strike("Russia struck a market in Ukraine again, killing 3 people.", "s4",
                   "Danube Times", date(2025, 6, 20), 3)
    other = strike("Russia struck a depot in Georgia, killing 2 people.", "s5", "Tbilisi Today",
                   date(2025, 5, 3), 2, target=("Georgia", "country", "GEO", None))
    with stored(tmp_path, three_reports() + [later, other]) as st:
        rebuild(st.con)
        sizes = sorted(s["n_articles"] for s in Q.stories(st.con))
        assert sizes == [1, 1, 3]


def test_a_toll_rising_over_the_days_is_a_series_not_a_contradiction(tmp_path):
    with stored(tmp_path, three_reports()) as st:
        rebuild(st.con)
        assert Q.contradictions(st.con, kind="figures") == []


def test_conflicting_death_tolls_on_one_day_are_a_contradiction(tmp_path):
    lower = strike("Russia struck the market in Ukraine, killing 9 people, the governor said.",
                   "s6", "Steppe News", date(2025, 5, 4), 9,
                   speaker=("the governor", "person", "UKR", "GOV"))
    with stored(tmp_path, three_reports() + [lower]) as st:
        rebuild(st.con)
        rows = Q.contradictions(st.con, kind="figures")
        # 9 on the day 19 was reported, and 9 after 14 (a toll that fell): two conflicts
        pairs = {tuple(sorted((r["value_a"], r["value_b"]))): r for r in rows}
        assert set(pairs) == {(9, 19), (9, 14)}
        r = pairs[(9, 19)]
        assert r["what"] == "killed (people)" and r["rule"] == "conflicting figures"
        assert {r["a_outlet"], r["b_outlet"]} == {"Danube Times", "Steppe News"}
        assert json.loads(r["why"])["when"] == "same day"
        assert json.loads(pairs[(9, 14)]["why"])["when"] == "the later figure is lower"
        series = json.loads(r["why"])["series"]
        assert [x["figure"] for x in series][:2] == ["14", "14"] and len(series) == 4


def _bounded(result, value, lo, hi, approx=False):
    """``result`` with its event's toll given bounds ("at least 12": lo=12, hi=None)."""
    ev = result.events[0]
    q = replace(ev.quantities[0], value=float(value), min=lo, max=hi, approx=approx)
    return replace(result, events=(replace(ev, quantities=(q,)),))


@pytest.mark.parametrize("a, b, conflict", [
    ((12, 12, None), (15, 15, 15), False),        # at least 12 / 15: agree
    ((14, 14, None), (12, 12, 12), True),         # more than 14 / 12: conflict
    ((19, None, 19), (14, 14, 14), False),        # up to 19 / 14: agree
    ((14, None, None, True), (14, 14, 14), False),  # about 14 / 14
    ((14, 14, 14), (19, 19, 19), True),           # exact, same day, different
])
def test_figures_respect_their_bounds(tmp_path, a, b, conflict):
    first = strike("Russia struck a market in Ukraine, killing 14 people.", "b1", "Kyiv Post Daily",
                   date(2025, 5, 2), 14)
    second = strike("Russia struck the market in Ukraine, killing 19 people, medics said.", "b2",
                    "Danube Times", date(2025, 5, 2), 19,
                    speaker=("medics", "group", "UKR", None))
    results = [_bounded(first, *a), _bounded(second, *b)]
    with stored(tmp_path, results) as st:
        rebuild(st.con)
        assert len(Q.contradictions(st.con, kind="figures")) == int(conflict)


def test_bound_labels():
    assert bound_label(12, 12, None, False) == "≥ 12"
    assert bound_label(300, None, 300, False) == "≤ 300"
    assert bound_label(1400, 1400, 1400, False) == "1,400"
    assert bound_label(40, None, None, True) == "≈ 40"


def test_claim_and_denial_are_linked_with_their_sources(tmp_path):
    with stored(tmp_path, corpus()) as st:
        rebuild(st.con)
        rows = Q.contradictions(st.con, kind="denial")
        claims = sorted((r["a_status"], r["a_attributed_to"]) for r in rows)
        assert claims == [("alleged", "Saudi officials"), ("reported", "United Nations panel")]
        for r in rows:
            assert r["b_status"] == "denied" and r["b_evidence"] == "Tehran denied arming Houthi rebels."
            why = json.loads(r["why"])
            assert r["rule"] == "denial" and why["speakers"].startswith("different speakers")
            assert why["doer"] == "Iran (identity)" and "Houthi rebels" in why["target"]
        # the Turkish-Greek meeting is contradicted by nothing
        assert all("CONSULT" not in (r["a_type"], r["b_type"]) for r in rows)
        # the REJECT speech act is its own story, linked to the story of the denied AID
        links = st.con.execute("SELECT story_id, about_story_id FROM story_links").fetchall()
        assert len(links) == 1


def test_denial_of_a_different_dyad_is_not_linked(tmp_path):
    results = corpus()[:2] + [make_result(
        "Tehran denied arming rebels in Sudan.",
        {"A1": ("Tehran", "country", "IRN", "GOV"), "A2": ("rebels in Sudan", "group", "SDN", "REB")},
        [{"type": "AID", "trigger": "arming", "source": ["A1"], "target": ["A2"],
          "status": "denied"}], doc_id="x", published=date(2025, 4, 5))]
    with stored(tmp_path, results) as st:
        rebuild(st.con)
        assert Q.contradictions(st.con, kind="denial") == []


def test_events_filter_returns_stories_with_matching_reports(tmp_path):
    with stored(tmp_path, corpus()) as st:
        rebuild(st.con)
        rows = Q.stories(st.con, Q.event_filter(type="AID"))
        # the two claims a day apart are one story; the denial published nine days
        # later, with no date of its own, is another (linked to it as a contradiction)
        assert sorted(r["n_articles"] for r in rows) == [1, 2]
        big = max(rows, key=lambda r: r["n_articles"])
        assert '"alleged": 1' in big["statuses"] and '"reported": 1' in big["statuses"]
        assert big["first_seen"] == date(2025, 4, 3) and big["event_start"] == date(2025, 4, 1)


def test_stories_go_stale_on_new_articles_and_are_rebuilt_on_demand(tmp_path):
    reports = three_reports()
    with stored(tmp_path, reports[:2]) as st:
        assert is_stale(st.con)
        assert ensure_fresh(st.con) and not is_stale(st.con)
        assert Q.stories(st.con)[0]["n_articles"] == 2
        st.writer().write([("k9", "in9", reports[2])])
        assert is_stale(st.con)
        ensure_fresh(st.con)
        assert Q.stories(st.con)[0]["n_articles"] == 3


def test_story_ids_are_stable_across_rebuilds(tmp_path):
    with stored(tmp_path, three_reports()) as st:
        rebuild(st.con)
        first = Q.stories(st.con)[0]["story_id"]
        rebuild(st.con)
        assert Q.stories(st.con)[0]["story_id"] == first


@pytest.mark.parametrize("a,b,expected", [({"x", "y"}, {"x", "y"}, 1.0), ({"x"}, {"y"}, 0.0),
                                          (set(), {"y"}, 0.0), ({"x", "y"}, {"y", "z"}, 1 / 3)])
def test_similarity(a, b, expected):
    assert similarity(frozenset(a), frozenset(b)) == pytest.approx(expected)
