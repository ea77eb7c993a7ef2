"""Every export format, written from a small store and read back."""

import csv
import json

import pyarrow.dataset as ds
import pytest

from store_helpers import corpus, corpus_connection

from newsevents.contract import from_json, validate
from newsevents.errors import UsageError
from newsevents.export import export
from newsevents.export.gdelt import COLUMNS as GDELT_COLUMNS
from newsevents.store import queries as Q


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    with corpus_connection(tmp_path_factory.mktemp("x") / "x.duckdb") as c:
        yield c


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


def plover_schema():
    from importlib import resources

    path = resources.files("newsevents") / "data" / "schema" / "plover-0.7.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_plover_records_validate_against_the_plover_fields_they_claim(con, tmp_path):
    import jsonschema

    out = tmp_path / "p.jsonl"
    assert export(con, "plover", out) == 5
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    schema = plover_schema()
    check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for rec in recs:
        check.validate(rec)
        assert {"id", "date", "source", "event"} <= rec.keys()  # PLOVER's required fields
    alleged = next(r for r in recs if r["status"] == "alleged")
    assert alleged["event"] == ["AID"] and alleged["mode"] == "military"
    assert alleged["source"] == [{"code": "IRN", "sector": None, "actor_text": "Iran"}]
    assert alleged["recipient"] == [{"code": "YEM", "sector": "REB", "actor_text": "Houthi rebels"}]
    assert alleged["attributed_to"] == ["Saudi officials"] and alleged["date"] == "2025-04-01"
    assert alleged["quad_code"] == 2 and alleged["event_scale"] > 0
    assert alleged["text"][alleged["text"].index("shipped"):].startswith(alleged["event_text"][0])
    assert alleged["cite_info"]["url"] == "https://wire.example/1"
    reject = next(r for r in recs if r["event"] == ["REJECT"])
    assert reject["newsevents"]["date_from"] == "publication" and reject["date"] == "2025-04-10"
    assert "recipient" in reject and reject["recipient"] == [] and "mode" not in reject
    # the schema is not a rubber stamp: PLOVER's own mistakes are refused
    for broken in ({**alleged, "event": "AID"}, {**alleged, "date": "2025-02-30"},
                   {k: v for k, v in alleged.items() if k != "source"},
                   {**alleged, "quad_code": 5}):
        with pytest.raises(jsonschema.ValidationError):
            check.validate(broken)


def test_parquet_opens_in_duckdb_and_pandas_with_the_documented_schema(con, tmp_path):
    import duckdb
    import pyarrow.parquet as pq

    from newsevents.export.tabular import PARQUET_COLUMNS

    out = tmp_path / "pq"
    assert export(con, "parquet", out) == 5
    documented = dict(PARQUET_COLUMNS)
    files = sorted(out.glob("month=*/*.parquet"))
    for f in files:  # each file: every documented column but the partition one, in order
        schema = pq.read_schema(f)
        assert schema.names == [n for n, _ in PARQUET_COLUMNS if n != "month"]
        for field in schema:
            want = documented[field.name]
            got = str(field.type).replace("element: ", "").replace("l: ", "").replace("item: ", "")
            if field.name == "quantities":  # the struct may grow fields; these stay
                assert got.startswith("list<struct<what: string, unit: string, value: double, "
                                      "text: string"), got
            else:
                assert got == want, (field.name, got, want)
    rel = duckdb.sql(f"SELECT * FROM read_parquet('{out}/*/*.parquet', hive_partitioning=true)")
    types = dict(zip(rel.columns, map(str, rel.types)))
    assert set(types) == set(documented) and len(rel.fetchall()) == 5
    assert types["eid"] == "BIGINT" and types["event_date"] == "DATE" and types["month"] == "VARCHAR"
    assert types["source_names"] == "VARCHAR[]" and types["confidence"] == "DOUBLE"
    assert types["sources"] == "STRUCT(\"name\" VARCHAR, country VARCHAR, sector VARCHAR)[]"
    months = duckdb.sql(f"SELECT DISTINCT month FROM read_parquet('{out}/*/*.parquet', "
                        "hive_partitioning=true) ORDER BY 1").fetchall()
    assert months == [("2025-03",), ("2025-04",)]
    import pandas as pd  # the test extra
    df = pd.read_parquet(out)
    assert set(df.columns) == set(documented) and len(df) == 5
    assert pd.api.types.is_integer_dtype(df["eid"]) and pd.api.types.is_float_dtype(df["confidence"])
    assert sorted(set(df["month"].astype(str))) == ["2025-03", "2025-04"]
    aid = df[df["status"] == "alleged"].iloc[0]
    assert list(aid["source_names"]) == ["Iran"] and aid["sources"][0]["country"] == "IRN"


def test_gdelt_tsv_has_cameo_codes_and_story_counts(con, tmp_path):
    out = tmp_path / "g.tsv"
    assert export(con, "gdelt", out) == 5
    with open(out, newline="", encoding="utf-8") as fh:  # no header line, as GDELT's files
        rows = list(csv.DictReader(fh, fieldnames=GDELT_COLUMNS, delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
    assert len(rows) == 5 and all(None not in r and len(r) == 61 for r in rows)
    aid = next(r for r in rows if r["SOURCEURL"] == "https://wire.example/1")
    assert (aid["EventCode"], aid["EventBaseCode"], aid["EventRootCode"]) == ("072", "072", "07")
    assert aid["QuadClass"] == "2" and aid["SQLDATE"] == "20250401"
    assert aid["Actor1Code"] == "IRN" and aid["Actor2Code"] == "YEMREB"
    # the shipment story: the two claims a day apart (the undated denial nine days
    # later is a story of its own, linked to it as a contradiction)
    assert aid["NumArticles"] == "2"
    assert aid["NumSources"] == "2"  # from two outlets (Gulf Wire, Morning Herald)
    meet = next(r for r in rows if r["Actor1CountryCode"] == "TUR")
    assert meet["EventRootCode"] == "04" and meet["QuadClass"] == "1"
    reject = next(r for r in rows if r["EventRootCode"] == "12")
    assert reject["QuadClass"] == "3"
    # Goldstein: military aid is strong cooperation, a meeting mild, a rejection conflict
    assert float(reject["GoldsteinScale"]) < 0 < float(meet["GoldsteinScale"]) \
        < float(aid["GoldsteinScale"])


def test_unknown_format_is_a_usage_error(con, tmp_path):
    with pytest.raises(UsageError):
        export(con, "xml", tmp_path / "x.xml")
