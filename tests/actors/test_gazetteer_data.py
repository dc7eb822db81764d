"""Format and content checks on the shipped gazetteer files in detente/actors/data."""

from __future__ import annotations

import re
from datetime import date
from importlib.resources import files

import pytest

from detente.model import SECTORS

DATA = files("detente.actors") / "data"

COLUMNS = {
    "countries.tsv": ["code", "name", "aliases", "demonyms", "capitals"],
    "regions.tsv": ["name", "aliases", "country", "sector", "demonyms"],
    "organisations.tsv": ["name", "aliases", "code", "sector", "country"],
    "sectors.tsv": ["phrase", "sector", "note"],
    "leaders.tsv": ["name", "aliases", "country", "sector", "role", "start", "end"],
    "cities.tsv": ["name", "aliases", "country"],
}
LIST_COLUMNS = {"aliases", "demonyms", "capitals"}
# PLOVER codes for actors that are not states (manual, table "International Non-state actor names").
NON_STATE = {"IGO", "NGO", "MNC", "IMG", "ISM"}
DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def read(name: str) -> list[dict[str, str]]:
    """Rows of a data file as dicts, with the line number under '_line'."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == COLUMNS[name], f"{name}: header {header}"
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}:{number}: {len(cells)} cells, want {len(header)}: {line!r}"
        row = dict(zip(header, cells, strict=True))
        row["_line"] = str(number)
        rows.append(row)
    return rows


def items(cell: str) -> list[str]:
    """The entries of a '|'-separated list cell."""
    return cell.split("|") if cell else []


def bounds(value: str) -> tuple[date, date]:
    """Earliest and latest day a YYYY or YYYY-MM-DD value can mean."""
    if len(value) == 4:
        return date(int(value), 1, 1), date(int(value), 12, 31)
    day = date.fromisoformat(value)
    return day, day


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    return {row["code"] for row in read("countries.tsv")}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_cells_are_clean(name: str) -> None:
    for row in read(name):
        where = f"{name}:{row['_line']}"
        first = COLUMNS[name][0]
        assert row[first], f"{where}: empty {first}"
        for column in COLUMNS[name]:
            cell = row[column]
            assert cell == cell.strip(), f"{where}: whitespace around {column}"
            if column in LIST_COLUMNS:
                for entry in items(cell):
                    assert entry and entry == entry.strip(), f"{where}: bad entry {entry!r} in {column}"


def test_country_codes_are_unique_iso_codes() -> None:
    rows = read("countries.tsv")
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    assert len(codes) >= 195
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))


def test_no_name_points_to_two_countries() -> None:
    owner: dict[str, str] = {}
    for row in read("countries.tsv"):
        for text in [row["name"], *items(row["aliases"]), *items(row["demonyms"]), *items(row["capitals"])]:
            key = text.removeprefix("the ")
            assert owner.setdefault(key, row["code"]) == row["code"], f"{text!r}: {owner[key]} and {row['code']}"


def test_regions_point_to_countries(country_codes: set[str]) -> None:
    for row in read("regions.tsv"):
        where = f"regions.tsv:{row['_line']}"
        assert row["country"] in country_codes or row["country"] == "", where
        assert row["sector"] in SECTORS or row["sector"] == "", where
        if row["country"] == "":
            assert row["sector"] == "", f"{where}: a name that is not an actor has no sector"


def test_cities_point_to_countries_and_name_one_city(country_codes: set[str]) -> None:
    owner: dict[str, str] = {}
    for row in read("cities.tsv"):
        where = f"cities.tsv:{row['_line']}"
        assert row["country"] in country_codes, where
        for text in [row["name"], *items(row["aliases"])]:
            assert owner.setdefault(text, row["name"]) == row["name"], f"{where}: {text!r} is also {owner[text]}"


@pytest.mark.parametrize(
    ("name", "country"),
    [("Mosul", "IRQ"), ("Aleppo", "SYR"), ("Kharkiv", "UKR"), ("Maiduguri", "NGA"), ("Kandahar", "AFG")],
)
def test_city_spot_checks(name: str, country: str) -> None:
    assert next(row["country"] for row in read("cities.tsv") if row["name"] == name) == country


@pytest.mark.parametrize("shared", ["Hyderabad", "Victoria", "Lincoln", "Alessandria", "Odessa"])
def test_city_names_that_several_states_share_are_left_out(shared: str) -> None:
    """Hyderabad (India, Pakistan), Victoria and Lincoln are too evenly shared; Alessandria is an Italian
    city's own name, not a spelling of Egypt's Alexandria; Odessa is Texan and Ukrainian alike."""
    assert all(shared != row["name"] and shared not in items(row["aliases"]) for row in read("cities.tsv"))


def test_organisation_codes_and_sectors(country_codes: set[str]) -> None:
    for row in read("organisations.tsv"):
        where = f"organisations.tsv:{row['_line']}"
        assert row["code"] in country_codes or row["code"][:3] in NON_STATE, where
        assert len(row["code"]) == 3 or re.fullmatch(r"IGO(?:[A-Z]{3})+", row["code"]), f"{where}: code"
        assert row["sector"] in SECTORS, where
        assert row["country"] in country_codes or row["country"] == "", where
        if row["code"] in country_codes:
            assert row["country"] == row["code"], f"{where}: a domestic body's country is its code"


def test_sector_phrases() -> None:
    rows = read("sectors.tsv")
    phrases = [row["phrase"] for row in rows]
    assert len(phrases) == len(set(phrases))
    assert len(phrases) >= 150
    for row in rows:
        assert row["phrase"] == row["phrase"].lower(), row["phrase"]
        assert row["sector"] in SECTORS, row
    assert set(SECTORS) - {row["sector"] for row in rows} <= {"PRE"}


def test_leader_rows(country_codes: set[str]) -> None:
    rows = read("leaders.tsv")
    assert len(rows) >= 300
    seen = set()
    for row in rows:
        where = f"leaders.tsv:{row['_line']}"
        assert row["country"] in country_codes | {"IMG"} or row["country"].startswith("IGO"), where
        assert row["sector"] in SECTORS, where
        assert row["role"], where
        assert DATE.match(row["start"]), f"{where}: start {row['start']!r}"
        assert row["end"] == "" or DATE.match(row["end"]), f"{where}: end {row['end']!r}"
        if row["end"]:
            assert bounds(row["start"])[0] <= bounds(row["end"])[1], f"{where}: ends before it starts"
        key = (row["name"], row["role"], row["start"])
        assert key not in seen, f"{where}: duplicate {key}"
        seen.add(key)


def by_code(code: str) -> dict[str, str]:
    return next(row for row in read("countries.tsv") if row["code"] == code)


@pytest.mark.parametrize(
    ("code", "column", "expected"),
    [
        ("RUS", "capitals", {"Moscow", "Kremlin"}),
        ("RUS", "aliases", {"Russian Federation", "Soviet Union"}),
        ("GEO", "demonyms", {"Georgian", "Georgians"}),
        ("GEO", "capitals", {"Tbilisi"}),
        ("USA", "capitals", {"Washington", "White House", "Pentagon"}),
        ("USA", "aliases", {"U.S.", "US", "America"}),
        ("GBR", "aliases", {"Britain", "Great Britain", "UK"}),
        ("CIV", "aliases", {"Côte d'Ivoire", "Cote d'Ivoire"}),
        ("MMR", "aliases", {"Burma"}),
        ("COD", "aliases", {"DRC", "Democratic Republic of the Congo"}),
        ("UKR", "capitals", {"Kyiv", "Kiev"}),
        ("BEL", "capitals", {"Brussels"}),
        ("PSE", "demonyms", {"Palestinian", "Palestinians"}),
        ("CYP", "demonyms", {"Greek Cypriot"}),
    ],
)
def test_country_spot_checks(code: str, column: str, expected: set[str]) -> None:
    assert expected <= set(items(by_code(code)[column]))


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("Abkhazia", "GEO", "PRE"),
        ("South Ossetia", "GEO", "PRE"),
        ("Transnistria", "MDA", "PRE"),
        ("Northern Cyprus", "CYP", "PRE"),
        ("Somaliland", "SOM", "PRE"),
        ("Western Sahara", "MAR", "PRE"),
        ("Gaza Strip", "PSE", ""),
        ("Latin America", "", ""),
    ],
)
def test_region_spot_checks(name: str, country: str, sector: str) -> None:
    row = next(row for row in read("regions.tsv") if row["name"] == name)
    assert (row["country"], row["sector"]) == (country, sector)


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("United Nations", "IGOUNO", "GOV"),
        ("UN Security Council", "IGOUNO", "GOV"),
        ("International Criminal Court", "IGOICC", "JUD"),
        ("European Union", "IGOEUREEC", "GOV"),
        ("European Commission", "IGOEUREEC", "GOV"),
        ("African Union", "IGOAFRAFU", "GOV"),
        ("ECOWAS", "IGOWAFWAS", "GOV"),
        ("NATO", "IGOWSTNAT", "GOV"),
        ("Arab League", "IGOMEAARL", "GOV"),
        ("ASEAN", "IGOSEAASN", "GOV"),
        ("OPEC", "IGOOPC", "GOV"),
        ("World Food Programme", "IGOUNOWFP", "SOC"),
        ("UNHCR", "IGOUNOHCR", "REF"),
        ("UNICEF", "IGOUNOKID", "SOC"),
        ("World Health Organization", "IGOUNOWHO", "MED"),
        ("International Atomic Energy Agency", "IGOUNOIAE", "GOV"),
        ("Hezbollah", "LBN", "REB"),
        ("Hamas", "PSE", "REB"),
        ("Taliban", "AFG", "REB"),
        ("al-Qaeda", "IMG", "REB"),
        ("Wagner Group", "RUS", "PRM"),
        ("Gazprom", "MNC", "BUS"),
        ("Amnesty International", "NGO", "SOC"),
    ],
)
def test_organisation_spot_checks(name: str, code: str, sector: str) -> None:
    row = next(row for row in read("organisations.tsv") if row["name"] == name)
    assert (row["code"], row["sector"]) == (code, sector)


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("government", "GOV"),
        ("deputy", "LEG"),
        ("deputy foreign minister", "GOV"),
        ("police officer", "COP"),
        ("officer", "MIL"),
        ("rebel", "REB"),
        ("refugee", "REF"),
        ("journalist", "JRN"),
        ("former president", "ELI"),
    ],
)
def test_sector_spot_checks(phrase: str, sector: str) -> None:
    assert {row["phrase"]: row["sector"] for row in read("sectors.tsv")}[phrase] == sector


def test_medvedev_and_putin() -> None:
    rows = read("leaders.tsv")
    medvedev = {(r["role"], r["start"][:4], r["end"][:4]) for r in rows if r["name"] == "Dmitry Medvedev"}
    assert ("president", "2008", "2012") in medvedev
    putin = sorted((r["start"], r["end"], r["role"]) for r in rows if r["name"] == "Vladimir Putin")
    assert [role for _, _, role in putin] == ["prime minister", "president", "prime minister", "president"]
    assert putin[-1][:2] == ("2012-05-07", "")
    assert all(r["country"] == "RUS" and r["sector"] == "GOV" for r in rows if r["name"] == "Vladimir Putin")
    assert "Putin" in items(next(r for r in rows if r["name"] == "Vladimir Putin")["aliases"])


def test_surname_aliases_do_not_overlap_in_time() -> None:
    """A bare alias shared by two people must not name both on the same day."""
    spans: dict[str, list[tuple[date, date, str]]] = {}
    for row in read("leaders.tsv"):
        end = bounds(row["end"])[1] if row["end"] else date(9999, 12, 31)
        for alias in items(row["aliases"]):
            spans.setdefault(alias, []).append((bounds(row["start"])[0], end, row["name"]))
    clashes = set()
    for alias, owned in spans.items():
        for i, (start_a, end_a, name_a) in enumerate(owned):
            for start_b, end_b, name_b in owned[i + 1 :]:
                # a hand-over day may close one term and open the next
                if name_a != name_b and not (end_a <= start_b or end_b <= start_a):
                    clashes.add((alias, *sorted((name_a, name_b))))
    assert not clashes
