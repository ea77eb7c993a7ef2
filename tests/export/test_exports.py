"""Every export format, written from a small store and read back."""

import csv
import json

import pyarrow.dataset as ds
import pytest

from store_helpers import corpus

from newsevents.contract import from_json, validate
from newsevents.errors import UsageError
from newsevents.export import export
from newsevents.export.gdelt import COLUMNS as GDELT_COLUMNS
from newsevents.store import connect, open_store, queries as Q
from newsevents.stories import rebuild


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("x") / "x.duckdb"
    with open_store(path) as st:
        st.writer().write([(f"k{i}", f"in{i}", r) for i, r in enumerate(corpus())])
        rebuild(st.con)
    c = connect(path, read_only=True)
    yield c
    c.close()


def expected_events(con):
    return {r["event_id"]: r for r in Q.list_events(con, Q.event_filter(limit=None))}


def test_parquet_is_partitioned_by_month_and_reads_back(con, tmp_path):
    out = tmp_path / "pq"
    assert export(con, "parquet", out) == 5
    assert sorted(p.name for p in out.iterdir()) == ["month=2025-03", "month=2025-04"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    rows = {r["event_id"]: r for r in table.to_pylist()}
    want = expected_events(con)
    assert rows.keys() == want.keys()
    for uid, r in rows.items():
        assert r["type"] == want[uid]["type"] and r["status"] == want[uid]["status"]
        assert r["month"] == want[uid]["date"].strftime("%Y-%m")
        assert "; ".join(r["source_names"]) == want[uid]["source"]


def test_parquet_refuses_a_non_empty_directory(con, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("keep me")
    with pytest.raises(UsageError):
        export(con, "parquet", tmp_path / "full")


def test_csv_reads_back_with_one_row_per_event(con, tmp_path):
    out = tmp_path / "e.csv"
    assert export(con, "csv", out) == 5
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    want = expected_events(con)
    assert {r["event_id"] for r in rows} == want.keys()
    denied = next(r for r in rows if r["status"] == "denied")
    assert denied["evidence"] == "Tehran denied arming Houthi rebels."
    assert denied["source_countries"] == "IRN" and denied["target_countries"] == "YEM"


def test_csv_export_honours_filters(con, tmp_path):
    out = tmp_path / "f.csv"
    assert export(con, "csv", out, Q.event_filter(type="CONSULT")) == 1


def test_jsonl_records_are_the_contract_and_validate(con, tmp_path):
    out = tmp_path / "a.jsonl"
    assert export(con, "jsonl", out) == 4
    originals = {r.article.id: r for r in corpus()}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        validate(record)
        result = from_json(record)
        assert result == originals[result.article.id]


def test_plover_records_have_the_manual_fields_and_our_extras(con, tmp_path):
    out = tmp_path / "p.jsonl"
    assert export(con, "plover", out) == 5
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    for rec in recs:
        assert {"id", "date", "event_type", "mode", "context", "source", "target", "eventText",
                "text", "status", "attributed_to"} <= rec.keys()
    alleged = next(r for r in recs if r["status"] == "alleged")
    assert alleged["event_type"] == "AID" and alleged["mode"] == "military"
    assert alleged["source"] == [{"actorText": "Iran", "code": "IRN", "sector": None}]
    assert alleged["target"] == [{"actorText": "Houthi rebels", "code": "YEM", "sector": "REB"}]
    assert alleged["attributed_to"] == ["Saudi officials"] and alleged["date"] == "2025-04-01"
    assert alleged["text"][alleged["text"].index("shipped"):].startswith(alleged["eventText"])


def test_gdelt_tsv_has_cameo_codes_and_story_counts(con, tmp_path):
    out = tmp_path / "g.tsv"
    assert export(con, "gdelt", out) == 5
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert list(rows[0].keys()) == list(GDELT_COLUMNS)
    aid = next(r for r in rows if r["Status"] == "alleged")
    assert (aid["EventCode"], aid["EventBaseCode"], aid["EventRootCode"]) == ("072", "072", "07")
    assert aid["QuadClass"] == "2" and aid["SQLDATE"] == "20250401"
    assert aid["Actor1Code"] == "IRN" and aid["Actor2Code"] == "YEMREB"
    # the shipment story: the two claims a day apart (the undated denial nine days
    # later is a story of its own, linked to it as a contradiction)
    assert aid["NumArticles"] == "2"
    assert aid["NumSources"] == "2"  # from two outlets (Gulf Wire, Morning Herald)
    meet = next(r for r in rows if r["PloverType"] == "CONSULT")
    assert meet["EventRootCode"] == "04" and meet["QuadClass"] == "1"
    reject = next(r for r in rows if r["PloverType"] == "REJECT")
    assert reject["EventRootCode"] == "12" and reject["QuadClass"] == "3"
    # Goldstein: military aid is strong cooperation, a meeting mild, a rejection conflict
    assert float(reject["GoldsteinScale"]) < 0 < float(meet["GoldsteinScale"]) \
        < float(aid["GoldsteinScale"])


def test_unknown_format_is_a_usage_error(con, tmp_path):
    with pytest.raises(UsageError):
        export(con, "xml", tmp_path / "x.xml")
