"""Country names with one typo ("Ethopia") are still countries; other words are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.actors.gazetteer import MIN_MISSPELT, load_gazetteer

# one-word country names a typo may be read as (one letter shorter than a typo may be), and the long ones
CLOSE_NAMES = sorted(
    surface
    for surface, names in load_gazetteer().names.items()
    if any(n.kind == "country" for n in names) and surface.isalpha() and len(surface) >= MIN_MISSPELT - 1
)
LONG_NAMES = [name for name in CLOSE_NAMES if len(name) >= MIN_MISSPELT]


@pytest.mark.parametrize(("word", "code"), [("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Germnay", "DEU")])
def test_a_country_name_with_one_typo_is_that_country(word, code):
    assert load_gazetteer().misspelt_country(word).code == code


@pytest.mark.parametrize("word", ["Pakistan", "Jonathan", "Isreal", "ethopia", "Kenyaa"])
def test_real_names_short_words_and_lowercase_words_are_not_misspellings(word):
    assert load_gazetteer().misspelt_country(word) is None


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LONG_NAMES), st.data())
def test_a_long_country_name_with_a_letter_dropped_is_found_unless_another_is_as_close(name, data):
    from detente.actors.gazetteer import _one_edit

    gaz = load_gazetteer()
    position = data.draw(st.integers(min_value=1, max_value=len(name) - 1))
    typo = name[:position] + name[position + 1 :]
    found = gaz.misspelt_country(typo)
    codes = {n.code for n in gaz.lookup(name)}
    rivals = {n.code for other in CLOSE_NAMES if other != name and _one_edit(typo, other) for n in gaz.lookup(other)}
    if gaz.lookup(typo) or len(typo) < MIN_MISSPELT or rivals - codes:
        assert found is None or found.code in codes | rivals  # a real name, too short, or ambiguous
    else:
        assert found is not None and found.code in codes


def test_a_misspelt_country_codes_as_the_country(code):
    events = code("Ethopia has agreed to reopen its border with Eritrea.")
    assert events and events[0].actor[0].code == "ETH"


def test_a_country_added_after_first_use_is_found_misspelt_too():
    from detente.actors.gazetteer import Gazetteer, Name

    gaz = Gazetteer()
    gaz.add_name("Ethiopia", Name("ETH", "", "Ethiopia", "country"))
    assert gaz.misspelt_country("Eritreea") is None
    gaz.add_name("Eritrea", Name("ERI", "", "Eritrea", "country"))
    assert gaz.misspelt_country("Eritreea").code == "ERI"
