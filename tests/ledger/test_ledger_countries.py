"""Country names and codes for `detente relations A B`."""

from __future__ import annotations

import pytest

from detente.errors import InputError, LexiconError
from detente.ledger import country_code, country_name
from detente.ledger.countries import GAZETTEER

TSV = (
    "code\tname\taliases\tdemonyms\tcapitals\n"
    "# a comment\n"
    "GEO\tGeorgia\tRepublic of Georgia|Sakartvelo\tGeorgian|Georgians\tTbilisi\n"
    "RUS\tRussia\tRussian Federation|Soviet Union\tRussian|Russians\tMoscow|Kremlin\n"
)


@pytest.fixture
def gazetteer(tmp_path):
    path = tmp_path / "countries.tsv"
    path.write_text(TSV, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("RUS", "RUS"),
        ("rus", "RUS"),
        ("Russia", "RUS"),
        ("russia", "RUS"),
        ("  Russian Federation ", "RUS"),
        ("Soviet Union", "RUS"),
        ("georgia", "GEO"),
        ("Sakartvelo", "GEO"),
    ],
)
def test_country_code(gazetteer, value, code):
    assert country_code(value, gazetteer=gazetteer) == code


@pytest.mark.parametrize("value", ["Narnia", "XYZ", "Moscow", ""])
def test_unknown_country(gazetteer, value):
    with pytest.raises(InputError, match=r"\[E030\] Unknown country"):
        country_code(value, gazetteer=gazetteer)


def test_without_a_gazetteer_only_codes_pass(tmp_path):
    missing = tmp_path / "none.tsv"
    assert country_code("geo", gazetteer=missing) == "GEO"
    with pytest.raises(InputError, match="E030"):
        country_code("Georgia", gazetteer=missing)


def test_country_name(gazetteer):
    assert (country_name("RUS", gazetteer=gazetteer), country_name("ZZZ", gazetteer=gazetteer)) == (
        "Russia",
        "ZZZ",
    )


def test_broken_gazetteer_row(tmp_path):
    path = tmp_path / "countries.tsv"
    path.write_text(TSV + "Russia\tRUS\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"\[E112\] .*countries.tsv:5: country gazetteer row invalid"):
        country_code("RUS", gazetteer=path)


@pytest.mark.skipif(not GAZETTEER.is_file(), reason="the actors gazetteer is not there")
@pytest.mark.parametrize(("value", "code"), [("Russia", "RUS"), ("Georgia", "GEO"), ("ARM", "ARM")])
def test_shipped_gazetteer(value, code):
    assert country_code(value) == code
