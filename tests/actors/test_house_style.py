"""Acronyms said as words are written with one capital in British papers ("Nato", "Isis"): same bodies."""

from __future__ import annotations

import pytest
import spacy

from detente.actors.gazetteer import house_style, load_gazetteer
from detente.actors.mentions import find_mentions


@pytest.mark.parametrize(("styled", "code"), [("Nato", "IGOWSTNAT"), ("Isis", "IMG"), ("Opec", "IGOOPC")])
def test_an_acronym_in_house_style_names_what_the_capitals_name(styled, code):
    assert code in {n.code for n in load_gazetteer().lookup(styled)}


@pytest.mark.parametrize(
    ("surface", "styled"),
    [("NATO", "Nato"), ("UNICEF", "Unicef"), ("UN", ""), ("EU", ""), ("Hamas", ""), ("G7", "")],
)
def test_only_all_capital_acronyms_of_four_letters_or_more_get_a_house_style(surface, styled):
    # shorter ones are spelt out letter by letter ("the UN") and keep their capitals
    assert house_style(surface) == styled


@pytest.fixture(scope="module")
def parse():
    from detente.sentences import MODEL_NAME

    return spacy.load(MODEL_NAME, exclude=["ner"])


def test_a_house_styled_acronym_opening_a_sentence_as_a_common_noun_is_the_noun(parse):
    gaz = load_gazetteer()
    opening = find_mentions(parse("Pace of the withdrawal slowed in May."), gaz)
    inside = find_mentions(parse("Ministers met at Pace in Strasbourg."), gaz)
    assert [m.text for m in opening] == []
    assert "Pace" in [m.text for m in inside]
