"""Acronyms an article defines in brackets after a name."""

from __future__ import annotations

import pytest
import spacy

from detente.actors.acronyms import defined_acronyms
from detente.sentences.words import parsed


@pytest.fixture(scope="module")
def parse():
    from detente.sentences import MODEL_NAME

    nlp = spacy.load(MODEL_NAME, exclude=["ner"])
    return lambda text: parsed(nlp(text))


def test_an_acronym_after_a_name_of_several_words_is_defined_as_that_name(parse):
    doc = parse("The National Salvation Front (NSF) rejected the vote. The NSF later relented.")
    defined = defined_acronyms(doc)
    assert doc[defined["NSF"]].text == "Front"


@pytest.mark.parametrize(
    "text",
    [
        "KABUL (AFP) - Two rockets hit the airport.",  # a dateline's agency is no name's acronym
        "The talks (ABC) were short.",  # one capitalised word is no name
        "The Northern Alliance (XYZ) met.",  # no initial of the name starts the acronym
    ],
)
def test_brackets_that_do_not_define_a_name_define_nothing(parse, text):
    assert defined_acronyms(parse(text)) == {}
