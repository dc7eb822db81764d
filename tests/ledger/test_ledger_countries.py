"""Country names and codes for `detente relations A B`: the actors gazetteer's, a user's overlay included."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from detente.actors.gazetteer import OVERLAY_ENV, load_gazetteer
from detente.cli import relations
from detente.cli.main import cli
from detente.errors import InputError, LexiconError
from detente.ledger import country_code, country_name

HEADER = "code\tname\taliases\tdemonyms\tcapitals\n"
OVERLAY = HEADER + (
    "# a country of the user's own, and a new name for a shipped one\n"
    "NRN\tNarnia\tKingdom of Narnia\tNarnian|Narnians\tCair Paravel\n"
    "GEO\tGeorgia\tSakartvelo\tGeorgian|Georgians\tTbilisi\n"
)


@pytest.fixture(scope="module")
def overlay(tmp_path_factory):
    """One directory for the module, so the gazetteer with it loads once (load_gazetteer caches by directory)."""
    directory = tmp_path_factory.mktemp("gazetteer")
    (directory / "countries.tsv").write_text(OVERLAY, encoding="utf-8")
    return str(directory)


@pytest.fixture
def fresh_gazetteer():
    """load_gazetteer() reads $DETENTE_GAZETTEER on its first call: clear its cache before and after."""
    load_gazetteer.cache_clear()
    yield
    load_gazetteer.cache_clear()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("RUS", "RUS"),
        ("rus", "RUS"),
        ("Russia", "RUS"),
        ("russia", "RUS"),
        ("  Russian Federation ", "RUS"),
        ("Soviet Union", "RUS"),
        ("Russians", "RUS"),
        ("georgia", "GEO"),
        ("ARM", "ARM"),
    ],
)
def test_country_code(value, code):
    assert country_code(value) == code


@pytest.mark.parametrize("value", ["Narnia", "XYZ", "Moscow", ""])
def test_unknown_country(value):
    with pytest.raises(InputError, match=r"\[E030\] Unknown country"):
        country_code(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [("Narnia", "NRN"), ("kingdom of narnia", "NRN"), ("Narnians", "NRN"), ("nrn", "NRN"), ("Sakartvelo", "GEO"),
     ("Russia", "RUS")],
)
def test_issue13_an_overlay_adds_countries(overlay, value, code):
    assert country_code(value, overlay=overlay) == code


def test_a_capital_names_no_country_pair(overlay):
    with pytest.raises(InputError, match="E030"):
        country_code("Cair Paravel", overlay=overlay)


def test_country_name(overlay):
    assert [country_name(code) for code in ("RUS", "ZZZ")] == ["Russia", "ZZZ"]
    assert country_name("NRN", overlay=overlay) == "Narnia"


def test_broken_overlay_row_names_file_and_line(tmp_path):
    (tmp_path / "countries.tsv").write_text(OVERLAY + "Russia\tRUS\t\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"\[E020\] .*countries.tsv:5: .*country code 'Russia'"):
        country_code("RUS", overlay=str(tmp_path))


def test_issue13_relations_knows_a_country_from_the_overlay(overlay, fresh_gazetteer, monkeypatch):
    monkeypatch.setenv(OVERLAY_ENV, overlay)
    monkeypatch.setattr(relations, "coded_events", lambda paths, default_date: iter([]))
    result = CliRunner().invoke(cli, ["relations", "Narnians", "Russia", "story.txt"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Narnia (NRN) - Russia (RUS): 0 events")
