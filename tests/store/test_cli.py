"""The store's commands: events, stories, contradictions, actor, quotes, stats, status, export."""

import csv
import io
import json

import pytest

from store_helpers import corpus

from newsevents.cli import main
from newsevents.store import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "c.duckdb"
    with open_store(path) as st:
        st.writer().write([(f"k{i}", f"in{i}", r) for i, r in enumerate(corpus())])
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_events_as_json_with_filters(db, capsys):
    code, out, _ = run(capsys, "events", "--db", db, "--actor", "Iran", "--status", "denied",
                       "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["evidence"] for r in rows] == ["Tehran denied arming Houthi rebels."]


def test_events_as_csv_and_table(db, capsys):
    code, out, _ = run(capsys, "events", "--db", db, "--type", "CONSULT", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["source"] for r in rows] == ["Turkish"]
    code, out, err = run(capsys, "events", "--db", db, "--limit", "2")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["date", "type", "status"]
    assert "2 of 5 events" in err


def test_events_can_return_stories(db, capsys):
    code, out, _ = run(capsys, "events", "--db", db, "--stories", "--type", "AID",
                       "--format", "json")
    rows = json.loads(out)
    # two claims a day apart are one story; the undated denial nine days later is another
    assert code == 0 and sorted(r["n_articles"] for r in rows) == [1, 2]


def test_contradictions_side_by_side(db, capsys):
    code, out, _ = run(capsys, "contradictions", "--db", db, "--kind", "denial")
    assert code == 0 and out.count("[denial]") == 2
    for block in out.strip().split("\n\n"):
        left, right = block.splitlines()[1].split(" | ")
        assert left.strip() in ("AID alleged: Iran → Houthi rebels",
                                "AID reported: Iran → Houthi rebels")
        assert right.strip() == "AID denied: Tehran → Houthi rebels"
        assert "Gulf Wire" in block and "according to: Tehran" in block


def test_contradictions_say_why(db, capsys):
    code, out, _ = run(capsys, "contradictions", "--db", db, "--kind", "denial", "--why")
    assert code == 0
    for block in out.strip().split("\n\n"):
        assert "why rule: denial" in block and "why doer: Iran (identity)" in block
        assert "why speakers: different speakers" in block


def test_actor_quotes_stats_and_status(db, capsys):
    code, out, _ = run(capsys, "actor", "Iran", "--db", db)
    assert code == 0 and out.startswith("Iran: 4 events") and "Houthi rebels" in out
    code, out, _ = run(capsys, "quotes", "--db", db, "--speaker", "Saudi", "--format", "json")
    assert json.loads(out)[0]["cue"] == "said"
    code, out, _ = run(capsys, "stats", "--db", db, "--by", "month", "--format", "csv")
    assert out.splitlines()[1:] == ["2025-03,1,1", "2025-04,4,3"]
    code, out, _ = run(capsys, "status", "--db", db)
    assert "inputs 4 = coded 4 + skipped 0 + failed 0" in out


def test_export_command(db, capsys, tmp_path):
    out = tmp_path / "g.tsv"
    code, _, err = run(capsys, "export", "--db", db, "--format", "gdelt", "--out", str(out),
                       "--type", "AID")
    assert code == 0 and "exported 3 records" in err
    assert len(out.read_text().splitlines()) == 3  # one row per event, no header (as GDELT)


@pytest.mark.parametrize("argv", [["events", "--type", "INVADE"], ["events", "--since", "March"],
                                  ["stats", "--by", "weather"], ["events", "--status", "maybe"]])
def test_bad_options_exit_2_with_a_message(db, capsys, argv):
    code, _, err = run(capsys, *argv, "--db", db)
    assert code == 2 and err.startswith("newsevents: ")


def test_missing_store_is_an_error_not_a_traceback(tmp_path, capsys):
    code, _, err = run(capsys, "events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "no store" in err


def test_dask_engine_delegates_to_the_distributed_ingest(tmp_path, capsys, monkeypatch):
    import newsevents.distributed as distributed
    from newsevents.store.runs import IngestReport

    calls = []

    def fake_ingest(paths, **kw):
        calls.append((paths, kw))
        return IngestReport(read=3, coded=2, skipped=1, failed=0, shards="d.duckdb.shards")

    monkeypatch.setattr(distributed, "ingest", fake_ingest, raising=False)
    src = tmp_path / "a.txt"
    src.write_text("Text.")
    code, _, err = run(capsys, "ingest", str(src), "--db", str(tmp_path / "d.duckdb"),
                       "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786",
                       "--workers", "4", "--published", "2025-03-14")
    assert code == 0 and "read 3 = coded 2 + skipped 1 + failed 0" in err
    (paths, kw), = calls
    assert paths == [str(src)] and kw["scheduler"] == "tcp://127.0.0.1:8786"
    assert kw["workers"] == 4 and str(kw["published"]) == "2025-03-14"
    assert kw["db"] == str(tmp_path / "d.duckdb")


def test_ingest_refuses_a_missing_path_and_bad_workers(tmp_path, capsys):
    code, _, err = run(capsys, "ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x"))
    assert code == 2 and "no such file" in err
    code, _, _ = run(capsys, "ingest", str(tmp_path), "--workers", "0")
    assert code == 2
