"""The incremental stories update gives the full rebuild's tables, row for row."""

from datetime import date

import pytest

from store_helpers import make_result
from test_stories import RUS, UKR, strike, three_reports

import newsevents.stories as stories
from newsevents.store import open_store, queries as Q

IRN = ("Iran", "country", "IRN", None)
OFFICIALS = ("Western officials", "group", "USA", "GOV")
TEHRAN = ("Tehran", "country", "IRN", "GOV")


def _aid(text, doc_id, status, speaker, published, url=None):
    return make_result(text, {"A1": IRN, "A2": RUS, "A3": speaker},
                       [{"type": "AID", "trigger": "drones", "source": ["A1"], "target": ["A2"],
                         "status": status, "attributed_to": ["A3"]}],
                       doc_id=doc_id, published=published, url=url)


def _snapshot(con) -> dict[str, list]:
    return {t: sorted(map(repr, con.execute(f"SELECT {cols} FROM {t}").fetchall()))
            for t, cols in (("stories", "*"), ("story_events", "story_id, eid, why"),
                            ("story_links", "*"), ("contradictions", "*"))}


def _write(st, results, first):
    st.writer().write([(f"k{first + i}", f"in{first + i}", r) for i, r in enumerate(results)])


@pytest.mark.parametrize("late_day", [date(2025, 5, 9), date(2025, 5, 1)])
def test_an_update_after_new_articles_equals_the_full_rebuild(tmp_path, monkeypatch, late_day):
    first = three_reports()[:2] + [
        _aid("Western officials say Iran sent drones to Russia.", "d1", "reported", OFFICIALS,
             date(2025, 5, 3), url="https://news.example/d1")]
    later = [three_reports()[2],
             _aid("Tehran denied that Iran sent drones to Russia.", "d2", "denied", TEHRAN,
                  late_day),
             strike("Russia struck a depot in Ukraine, killing 3 people.", "s9", "Danube Times",
                    late_day, 3),
             # a new version of d1: its first version is superseded
             _aid("Western officials now say Iran sent more drones to Russia.", "d1b", "reported",
                  OFFICIALS, date(2025, 5, 4), url="https://news.example/d1")]
    with open_store(tmp_path / "i.duckdb") as st:
        _write(st, first, 0)
        stories.rebuild(st.con)
        _write(st, later, len(first))
        assert stories.is_stale(st.con)
        # the update must not fall back on the full pass (which loads every report)
        monkeypatch.setattr(stories, "load_reports", lambda *a: pytest.fail("full rebuild"))
        stories.rebuild(st.con)
        updated = _snapshot(st.con)
        monkeypatch.undo()
        stories.rebuild(st.con, full=True)
        assert updated == _snapshot(st.con)
        assert len(updated["contradictions"]) == 1  # the denial of the drones
        assert max(r["n_reports"] for r in Q.stories(st.con)) >= 3  # the strike, told 3 times
        assert not stories.is_stale(st.con)
