"""Exports: CSV, JSONL, Parquet partitioned by year and month, GDELT-style TSV."""

from __future__ import annotations

import csv
import io
import re

import pyarrow.dataset as ds
import pytest
from eventkit import gdelt_notes, make_event

from detente.errors import StoreError
from detente.model import Article, Entity, Event, Location
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


GDELT_2_EVENT_COLUMNS = (
    "GlobalEventID Day MonthYear Year FractionDate "
    + " ".join(
        f"Actor{n}{c}"
        for n in (1, 2)
        for c in (
            "Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code Type1Code Type2Code Type3Code"
        ).split()
    )
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources"
    " NumArticles AvgTone "
    + " ".join(
        f"{who}_{c}"
        for who in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for c in "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()
    )
    + " DATEADDED SOURCEURL"
).split()


def test_gdelt_columns_are_gdelt_2_event_columns_in_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert list(GDELT_COLUMNS) == GDELT_2_EVENT_COLUMNS


def test_gdelt_columns_match_the_shared_format_notes() -> None:
    text = gdelt_notes(0)
    rows = re.findall(r"^\| (\d+)(?:\u2013(\d+))? \| (\w+)", text, flags=re.M)
    assert len(rows) >= 30
    for first, last, name in rows:
        assert GDELT_COLUMNS[int(first) - 1] == name  # a range's row names its first column
        if last:  # ... and spans the same fields as the block it repeats
            width = int(last) - int(first) + 1
            assert all(c.startswith(name.split("_")[0][:6]) for c in GDELT_COLUMNS[int(first) - 1 : int(last)])
            assert width in (8, 10)


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
        "RUSGOV",  # CAMEO-style: the state and its role
        "GEOGOV",
    )
    assert (first["Actor1CountryCode"], first["Actor2CountryCode"], first["Actor2Type1Code"]) == ("RUS", "GEO", "GOV")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"], first["IsRootEvent"]) == (
        "0311",
        "031",
        "03",
        "1",
    )
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumMentions"], first["AvgTone"]) == (
        "1",
        "2.5",
        "1",
        "",
    )
    # stored without a geocoded place: the trigger's place as written, no point
    assert (first["ActionGeo_FullName"], first["ActionGeo_Lat"], first["SOURCEURL"]) == (
        "Geneva",
        "",
        "https://www.example.org/a",
    )
    # an actor is placed at its state: FIPS 10-4 code (Russia RS, Georgia GG), country resolution
    assert (first["Actor1Geo_Type"], first["Actor1Geo_CountryCode"], first["Actor2Geo_CountryCode"]) == (
        "1",
        "RS",
        "GG",
    )
    assert len(first["DATEADDED"]) == 14 and first["DATEADDED"].isdigit()
    assert (rows[1]["Actor2Code"], rows[1]["Actor2KnownGroupCode"], rows[1]["Actor2CountryCode"]) == (
        "GEO2",
        "GEO2",
        "",
    )
    assert (rows[2]["QuadClass"], rows[2]["Day"], rows[2]["EventCode"], rows[2]["EventBaseCode"]) == (
        "4",
        "20140201",
        "1831",
        "183",
    )
    # An event stored without a code (another coder's) leaves the three columns empty.
    assert (rows[3]["Day"], rows[3]["Actor1Code"], rows[3]["EventCode"]) == ("", "GEOGOV", "")


def test_gdelt_action_geo_of_a_geocoded_event(store) -> None:
    city = Location(
        name="Tripoli",
        country="LBN",
        adm1="Liban-Nord",
        adm1_code="LB.09",
        lat=34.4335,
        lon=35.8441,
        geonames_id=266826,
        precision="city",
        why="trigger: 'Tripoli'",
    )
    state = Location(name="Iran", country="IRN", lat=32.0, lon=53.0, precision="country", why="actor")
    store.add_events(
        Article(id="g1", text="t"),
        [
            make_event("g1", "ASSAULT", "LBN", "LBN", "2024-05-03").model_copy(update={"place": city}),
            make_event("g1", "ACCUSE", "IRN", "USA", "2024-05-03").model_copy(
                update={"place": state, "event_id": "x2"}
            ),
        ],
    )
    out = io.StringIO()
    export_events(store, "gdelt", out)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in out.getvalue().splitlines()]
    by_type = {r["EventRootCode"] or r["QuadClass"]: r for r in rows}
    fields = ("Type", "FullName", "CountryCode", "ADM1Code", "FeatureID")
    in_city, in_state = by_type["4"], by_type["3"]
    assert [in_city[f"ActionGeo_{c}"] for c in fields] == ["4", "Tripoli, Liban-Nord, LBN", "LE", "LE09", "266826"]
    assert (float(in_city["ActionGeo_Lat"]), float(in_city["ActionGeo_Long"])) == (34.4335, 35.8441)
    assert [in_state[f"ActionGeo_{c}"] for c in fields] == ["1", "IRN", "IR", "IR", "IR"]


def test_gdelt_tsv_round_trips_through_pandas_with_gdelt_names(filled) -> None:
    pd = pytest.importorskip("pandas")
    out = io.StringIO()
    export_events(filled, "gdelt", out)
    frame = pd.read_csv(
        io.StringIO(out.getvalue()),
        sep="\t",
        header=None,
        names=list(GDELT_COLUMNS),
        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str},
    )
    assert frame.shape == (4, 61)
    assert list(frame["EventCode"].fillna("")) == ["0311", "0311", "1831", ""]
    assert frame["QuadClass"].tolist() == [1, 1, 4, 3]
    assert frame["GlobalEventID"].dtype.kind == "i" and frame["GoldsteinScale"].dtype.kind == "f"
