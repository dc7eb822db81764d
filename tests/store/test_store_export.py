"""Exports: CSV, JSONL, Parquet partitioned by year and month, GDELT-style TSV."""

from __future__ import annotations

import csv
import io

import pyarrow.dataset as ds
import pytest
from eventkit import make_event

from detente.errors import StoreError
from detente.model import Article, Entity, Event
from detente.schema import NAMES
from detente.store import GDELT_COLUMNS, export_events


@pytest.fixture
def filled(store):
    store.add_events(
        Article(id="d1", text="t", url="https://www.example.org/a"),
        [
            make_event(
                "d1",
                "AGREE",
                url="https://www.example.org/a",
                context=["diplomatic", "economic"],
                recipient=[Entity(text="Georgia", code="GEO", sector="GOV"), Entity(text="Tbilisi", code="GEO2")],
                location="Geneva",
                sentence="Russia agreed with Georgia,\tin Geneva.\nYes.",
                cameo_code="0311",
                cameo_root="03",
            )
        ],
    )
    store.add_events(
        Article(id="d2", text="t"),
        [make_event("d2", "ASSAULT", "RUS", "UKR", "2014-02", mode="suicide-attack", cameo_code="1831",
                    cameo_root="18")],
    )
    store.add_events(Article(id="d3", text="t"), [make_event("d3", "ACCUSE", "GEO", "RUS", None)])
    return store


def test_csv_has_documented_columns_and_joined_lists(filled) -> None:
    out = io.StringIO()
    assert export_events(filled, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(NAMES)
    first = rows[0]
    assert (first["event"], first["actor_codes"], first["recipient_codes"], first["recipient_sectors"]) == (
        "AGREE",
        "RUS",
        "GEO;GEO2",
        "GOV;",
    )
    assert (first["context"], first["year"], first["month"], first["source"]) == (
        "diplomatic;economic",
        "2012",
        "3",
        "example.org",
    )
    assert first["sentence"] == "Russia agreed with Georgia,\tin Geneva.\nYes."
    assert [r["doc_id"] for r in rows] == ["d1", "d2", "d3"]


def test_jsonl_lines_are_events(filled, tmp_path) -> None:
    path = tmp_path / "out.jsonl"
    export_events(filled, "jsonl", str(path), actor="RUS")
    events = [Event.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert events == filled.query(actor="RUS")
    assert [e.doc_id for e in events] == ["d1", "d2"]


def test_parquet_is_in_year_and_month_directories(filled, tmp_path) -> None:
    out = tmp_path / "parquet"
    assert export_events(filled, "parquet", str(out)) == 3
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["2012/03/events.parquet", "2014/02/events.parquet", "unknown/unknown/events.parquet"]
    table = ds.dataset(str(out), format="parquet").to_table()
    assert table.num_rows == 3
    by_doc = {r["doc_id"]: r for r in table.to_pylist()}
    assert by_doc["d1"]["recipient_codes"] == ["GEO", "GEO2"]
    assert (by_doc["d2"]["year"], by_doc["d2"]["month"]) == (2014, 2)
    assert by_doc["d3"]["year"] is None  # undated events go to unknown/unknown
    # Exporting again replaces the files it writes.
    assert export_events(filled, "parquet", str(out), actor="RUS") == 2
    assert ds.dataset(str(out), format="parquet").to_table().num_rows == 3


def test_parquet_needs_an_output_directory(filled) -> None:
    with pytest.raises(StoreError, match=r"\[E145\]"):
        export_events(filled, "parquet", None)


def test_unknown_format_is_E134(filled) -> None:
    with pytest.raises(StoreError, match=r"\[E134\]"):
        export_events(filled, "xml", io.StringIO())


def test_gdelt_tsv_one_row_per_dyad(filled) -> None:
    out = io.StringIO()
    assert export_events(filled, "gdelt", out) == 4  # d1 has two recipients
    lines = out.getvalue().splitlines()
    assert len(lines) == 4
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    first = rows[0]
    assert (first["Day"], first["MonthYear"], first["Year"], first["Actor1Code"], first["Actor2Code"]) == (
        "20120302",
        "201203",
        "2012",
        "RUS",
        "GEO",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"], first["EventType"]) == (
        "0311",
        "031",
        "03",
        "AGREE",
    )
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumMentions"]) == ("1", "2.5", "1")
    assert (first["ActionGeo_FullName"], first["SOURCEURL"], first["Context"]) == (
        "Geneva",
        "https://www.example.org/a",
        "diplomatic;economic",
    )
    assert rows[1]["Actor2Code"] == "GEO2" and rows[1]["Actor2Type1Code"] == ""
    assert (rows[2]["EventType"], rows[2]["QuadClass"], rows[2]["Day"], rows[2]["DatePrecision"]) == (
        "ASSAULT",
        "4",
        "20140201",
        "month",
    )
    assert (rows[2]["EventCode"], rows[2]["EventBaseCode"], rows[2]["EventRootCode"], rows[2]["EventMode"]) == (
        "1831",
        "183",
        "18",
        "suicide-attack",
    )
    # An event stored without a code (another coder's) leaves the three columns empty.
    assert (rows[3]["Day"], rows[3]["Actor1Code"], rows[3]["IsNegated"], rows[3]["EventCode"]) == ("", "GEO", "0", "")


def test_gdelt_columns_are_gdelt_names_where_one_fits() -> None:
    # GDELT 2.0's event table: EventCode, EventBaseCode and EventRootCode follow each other (its columns 27-29).
    start = GDELT_COLUMNS.index("EventCode")
    assert GDELT_COLUMNS[start : start + 3] == ("EventCode", "EventBaseCode", "EventRootCode")
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
