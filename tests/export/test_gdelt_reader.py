"""The GDELT-style export read back as GDELT files are read: no header, the published
GDELT 2.0 column list, GDELT's column types (DuckDB and pandas)."""

from dataclasses import replace
from datetime import date

import pytest

from store_helpers import corpus, make_result, span

from newsevents.export import export
from newsevents.export.gdelt import COLUMNS, fips_codes
from newsevents.records import Location
from newsevents.store import connect, open_store
from newsevents.stories import rebuild

# The GDELT 2.0 event table as its codebook and BigQuery table (gdelt-bq.gdeltv2.events)
# publish it, written out here independently of the exporter's own list.
GDELT2 = """GLOBALEVENTID INTEGER|SQLDATE INTEGER|MonthYear INTEGER|Year INTEGER|FractionDate FLOAT
Actor1Code STRING|Actor1Name STRING|Actor1CountryCode STRING|Actor1KnownGroupCode STRING
Actor1EthnicCode STRING|Actor1Religion1Code STRING|Actor1Religion2Code STRING|Actor1Type1Code STRING
Actor1Type2Code STRING|Actor1Type3Code STRING|Actor2Code STRING|Actor2Name STRING
Actor2CountryCode STRING|Actor2KnownGroupCode STRING|Actor2EthnicCode STRING|Actor2Religion1Code STRING
Actor2Religion2Code STRING|Actor2Type1Code STRING|Actor2Type2Code STRING|Actor2Type3Code STRING
IsRootEvent INTEGER|EventCode STRING|EventBaseCode STRING|EventRootCode STRING|QuadClass INTEGER
GoldsteinScale FLOAT|NumMentions INTEGER|NumSources INTEGER|NumArticles INTEGER|AvgTone FLOAT
Actor1Geo_Type INTEGER|Actor1Geo_FullName STRING|Actor1Geo_CountryCode STRING|Actor1Geo_ADM1Code STRING
Actor1Geo_ADM2Code STRING|Actor1Geo_Lat FLOAT|Actor1Geo_Long FLOAT|Actor1Geo_FeatureID STRING
Actor2Geo_Type INTEGER|Actor2Geo_FullName STRING|Actor2Geo_CountryCode STRING|Actor2Geo_ADM1Code STRING
Actor2Geo_ADM2Code STRING|Actor2Geo_Lat FLOAT|Actor2Geo_Long FLOAT|Actor2Geo_FeatureID STRING
ActionGeo_Type INTEGER|ActionGeo_FullName STRING|ActionGeo_CountryCode STRING|ActionGeo_ADM1Code STRING
ActionGeo_ADM2Code STRING|ActionGeo_Lat FLOAT|ActionGeo_Long FLOAT|ActionGeo_FeatureID STRING
DATEADDED INTEGER|SOURCEURL STRING"""
SPEC = [tuple(c.split()) for line in GDELT2.splitlines() for c in line.split("|")]
DUCK = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}


def located() -> list:
    """Two invented articles with places: a city in Ukraine, and Russia as a whole."""
    t1 = "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said."
    a1 = make_result(t1, {"A1": ("Russian forces", "group", "RUS", "MIL"),
                          "A2": ("Ukrainian officials", "group", "UKR", "GOV")},
                     [{"type": "ASSAULT", "trigger": "shelled", "source": ["A1"],
                       "day": date(2025, 5, 6)}],
                     doc_id="g1", url="https://wire.example/g1", published=date(2025, 5, 7))
    ev = replace(a1.events[0], location=Location("Kharkiv", span(t1, "Kharkiv"), "UKR", 49.98, 36.25))
    t2 = "Protesters rallied across Russia on Sunday."
    a2 = make_result(t2, {"A1": ("Protesters", "group", "RUS", "CVL")},
                     [{"type": "PROTEST", "trigger": "rallied", "source": ["A1"]}],
                     doc_id="g2", url="https://wire.example/g2", published=date(2025, 5, 12))
    ev2 = replace(a2.events[0], location=Location("Russia", span(t2, "Russia"), "RUS", 61.5, 105.3))
    return [replace(a1, events=(ev,)), replace(a2, events=(ev2,))]


@pytest.fixture(scope="module")
def tsv(tmp_path_factory):
    d = tmp_path_factory.mktemp("g")
    with open_store(d / "x.duckdb") as st:
        st.writer().write([(f"k{i}", f"in{i}", r) for i, r in enumerate(corpus() + located())])
        rebuild(st.con)
    con = connect(d / "x.duckdb", read_only=True)
    assert export(con, "gdelt", d / "events.tsv") == 7
    con.close()
    return d / "events.tsv"


def test_the_column_list_is_gdelt_2():
    assert list(COLUMNS) == [name for name, _ in SPEC] and len(COLUMNS) == 61


def test_duckdb_reads_every_column_with_its_gdelt_type(tsv):
    import duckdb

    columns = {name: DUCK[kind] for name, kind in SPEC}
    rel = duckdb.sql(f"SELECT * FROM read_csv('{tsv}', delim='\\t', header=false, quote='', "
                     f"escape='', columns={columns!r}, auto_detect=false)")
    assert rel.columns == list(COLUMNS)
    assert [str(t) for t in rel.types] == [columns[c] for c in COLUMNS]
    every = [dict(zip(COLUMNS, r)) for r in rel.fetchall()]
    assert len(every) == 7 and len({r["GLOBALEVENTID"] for r in every}) == 7
    rows = {r["SOURCEURL"]: r for r in every}
    aid = rows["https://wire.example/1"]
    assert (aid["EventCode"], aid["EventBaseCode"], aid["EventRootCode"]) == ("072", "072", "07")
    assert aid["SQLDATE"] == 20250401 and aid["MonthYear"] == 202504 and aid["Year"] == 2025
    assert aid["Actor1Code"] == "IRN" and aid["Actor2Code"] == "YEMREB"
    assert aid["Actor2CountryCode"] == "YEM" and aid["Actor2Type1Code"] == "REB"
    # the shipment story is the two claims a day apart (the undated denial is a story of its own)
    assert aid["QuadClass"] == 2 and aid["NumArticles"] == 2 and aid["NumSources"] == 2
    assert aid["DATEADDED"] == 20250403000000 and aid["AvgTone"] is None
    city = rows["https://wire.example/g1"]
    assert city["EventRootCode"] == "18" and city["QuadClass"] == 4 and city["Actor1Code"] == "RUSMIL"
    assert city["ActionGeo_CountryCode"] == "UP"  # FIPS 10-4, not ISO "UKR"
    assert city["ActionGeo_Type"] == 4 and city["ActionGeo_FullName"] == "Kharkiv, Ukraine"
    assert city["ActionGeo_Lat"] == 49.98 and city["ActionGeo_Long"] == 36.25
    country = rows["https://wire.example/g2"]
    assert country["ActionGeo_CountryCode"] == "RS" and country["ActionGeo_Type"] == 1
    assert country["SQLDATE"] == 20250512  # undated event: the publication date
    meet = next(r for r in every if r["EventRootCode"] == "04")
    assert meet["ActionGeo_Type"] == 0 and meet["ActionGeo_CountryCode"] is None


def test_pandas_reads_it_with_the_published_names(tsv):
    import csv

    import pandas as pd  # the test extra
    strings = {name: str for name, kind in SPEC if kind == "STRING"}
    df = pd.read_csv(tsv, sep="\t", header=None, names=list(COLUMNS), dtype=strings,
                     quoting=csv.QUOTE_NONE, keep_default_na=False, na_values=[""])
    assert len(df) == 7 and list(df.columns) == list(COLUMNS)
    for name, kind in SPEC:
        if kind == "INTEGER" and df[name].notna().all():
            assert pd.api.types.is_integer_dtype(df[name]), name
        elif kind in ("INTEGER", "FLOAT"):
            assert pd.api.types.is_numeric_dtype(df[name]), name
    assert set(df["EventRootCode"]) == {"07", "12", "04", "18", "14"}
    assert df.loc[df["SOURCEURL"] == "https://wire.example/g1", "ActionGeo_CountryCode"].item() == "UP"


def test_fips_codes_come_from_the_gazetteer_build():
    codes = fips_codes()
    assert codes["UKR"] == "UP" and codes["RUS"] == "RS" and codes["DEU"] == "GM"
    assert codes["GBR"] == "UK" and codes["USA"] == "US" and len(codes) > 240
