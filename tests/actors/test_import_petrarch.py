"""scripts/import_petrarch.py on a small sample in PETRARCH2's dictionary format (tests/actors/petrarch/,
written for these tests), the shipped imported files, and a person coded by the role held on the day."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from detente import code_article
from detente.actors.gazetteer import DATA_DIR, _load_imported_people, load_gazetteer
from detente.errors import LexiconError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).parent / "petrarch"
WORDS = frozenset({"shadowman"})  # the English words the sample needs (the script reads spaCy's list)


def _script():
    spec = importlib.util.spec_from_file_location("import_petrarch", ROOT / "scripts" / "import_petrarch.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_petrarch"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("imported")
    return out, _script().convert(SAMPLE, out, words=WORDS, people_dir=out)


@pytest.fixture(scope="module")
def imported_nlp(converted):
    """A pipeline of its own whose gazetteer has the imported rows as an overlay, built once for the module
    (its actors stage keeps the gazetteer it was built with); the shared caches are left empty."""
    from detente.coder import load_pipeline

    out, _ = converted
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DETENTE_GAZETTEER", str(out))
        load_gazetteer.cache_clear()
        load_pipeline.cache_clear()
        try:
            return load_pipeline()
        finally:
            load_gazetteer.cache_clear()
            load_pipeline.cache_clear()


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if not line.startswith("#")]


def test_people_keep_their_dated_roles_default_first(converted) -> None:
    out, _ = converted
    rows = [r for r in _rows(out / "petrarch_people.tsv") if r[0] == "Tamsin Okorafor"]
    # the title before a name is left to detente ("FOREIGN_MINISTER_TAMSIN_OKORAFOR_" is the same name)
    assert [(r[1], r[2], r[3], r[5], r[6]) for r in rows] == [
        ("", "NGA", "ELI", "", ""),
        ("", "NGA", "GOV", "2005-01-01", "2008-12-31"),
        ("", "NGA", "GOV", "2009-01-01", "2009-12-31"),  # CAMEO NGAGOVMED: a minister is GOV
    ]
    assert {r[7] for r in rows} == {"Phoenix.Countries.actors.txt:10"}
    vesk = next(r for r in _rows(out / "petrarch_people.tsv") if r[0] == "Orlando Vesk")
    assert vesk[1] == "Orlando P. Vesk"  # two primary lines without codes share the codes after them


def test_bodies_map_cameo_codes(converted) -> None:
    out, _ = converted
    bodies = {r[0]: r[1:] for r in _rows(out / "petrarch_organisations.tsv")}
    assert bodies["World Health Assembly"][1:4] == ["IGOUNOWHO", "MED", ""]  # IGOUNOHLHWHO less sector letters
    assert bodies["Global River Watch"][1:4] == ["NGO", "SOC", "USA"]
    assert bodies["Acme Freight Lines"][1:4] == ["MNC", "BUS", "GBR"]
    assert bodies["Northern Dawn Brigades"][:4] == ["NDBX", "KEN", "REB", "KEN"]
    assert bodies["Russian National Guard Service"][:3] == ["Rosgvardiya", "RUS", "MIL"]
    assert bodies["Northern Dawn Brigades"][4] == "Phoenix.MilNonState.actors.txt:2"


def test_what_is_left_out(converted) -> None:
    out, report = converted
    names = {r[0] for name in ("petrarch_people.tsv", "petrarch_organisations.tsv") for r in _rows(out / name)}
    assert "Vladimir Putin" not in names and "European Union" not in names  # detente's own rows win
    assert "Shadowman" not in names and "Regional Liberation Front" not in names and "Narnia" not in names
    assert report.left_out["name detente's own files give"] == 2
    assert report.left_out["code of a region or unknown country"] == 2  # NRN, SAS
    assert report.left_out["one-word name of a person"] == 1
    assert [r[0] for r in _rows(out / "petrarch_sectors.tsv")] == ["minister of fisheries"]


def test_bad_rows_name_file_and_line(converted) -> None:
    _, report = converted
    assert any(re.match(r"Phoenix\.Countries\.actors\.txt:25: date '9912'", row) for row in report.bad_rows)
    assert any(row.startswith("Phoenix.agents.txt:6: agent row") for row in report.bad_rows)


def test_a_bad_imported_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "petrarch_people.tsv"
    path.write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\tsource\nA B\t\tNGA\tGOV\tCAMEO NGAGOV\t20051\t\tx:1\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"petrarch_people\.tsv:2: .*date"):
        _load_imported_people(load_gazetteer.__wrapped__(), path)


@pytest.mark.parametrize(
    ("date", "code", "sector"),
    [("2006-05-01", "NGA", "GOV"), ("2012-05-01", "NGA", "ELI"), ("2003-05-01", "NGA", "ELI")],
)
def test_a_person_is_coded_by_the_role_held_that_day(imported_nlp, date, code, sector) -> None:
    text = "Tamsin Okorafor accused Ghana of smuggling weapons."
    events = code_article({"id": "t", "text": text, "date": date}, nlp=imported_nlp)
    actor = next(e for e in events if e.event == "ACCUSE").actor[0]
    assert (actor.code, actor.sector) == (code, sector)


SOURCE = re.compile(r"^Phoenix\.(Countries|International|MilNonState)\.actors\.txt:\d+$|^Phoenix\.agents\.txt:\d+$")


@pytest.mark.parametrize("name", ["petrarch_organisations.tsv", "petrarch_sectors.tsv"])
def test_shipped_rows_keep_their_source(name: str) -> None:
    rows = _rows(DATA_DIR / name)
    assert len(rows) > 500
    assert all(SOURCE.match(row[-1]) for row in rows), name


def test_detente_rows_win_over_imported_ones() -> None:
    gaz = load_gazetteer()
    assert {n.code for n in gaz.lookup("Vladimir Putin")} == {"RUS"}
    assert all(n.kind == "person" and n.code == "RUS" for n in gaz.lookup("Putin"))
    assert {n.code for n in gaz.lookup("European Union")} == {"IGOEUREEC"}
