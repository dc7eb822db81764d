"""The table attribute rules give spaCy's attribute_ruler annotation, token for token."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from detente.sentences import load_parser
from detente.sentences.attributes import UnsupportedRule, compile_rules, use_table_attribute_ruler
from detente.sentences.pipeline import EXCLUDED, MODEL_NAME

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def stock():
    return load_parser(table_attributes=False)


@pytest.fixture(scope="module")
def table():
    return load_parser()


def annotation(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_parser_runs_the_table_version(stock, table):
    assert "detente_attribute_ruler" in table.pipe_names and "attribute_ruler" not in table.pipe_names
    assert "attribute_ruler" in stock.pipe_names


@pytest.mark.parametrize(
    "text",
    [
        # the tag map, and the rules that read the parse: auxiliaries, "but" as an adverb, case of pronouns
        "Armenia has offered to mend its diplomatic ties with Turkey, which it cut in 1993.",
        "But he said that it was not the time, but they did it anyway and I saw you.",
        "There is a border deal; there were talks, and it is said that you have to see it.",
        # the rules over two tokens: "ain't", "gonna", "gotta", "let's", "c'mon", "y'all", "nothin'"
        "I ain't gonna sign it, y'all. Let's go, c'mon, we gotta leave. Nothin' changed.",
        # whitespace tokens
        "Tbilisi rejected the offer.  \n\n  Moscow   said\tnothing.",
        "",
    ],
)
def test_same_annotation_as_spacy(stock, table, text):
    assert annotation(table, text) == annotation(stock, text)


WORDS = st.sampled_from(
    "Russia Georgia it I you they but and there is are was were 's 're n't ai gon na got ta let c'm on y' all "
    "do does did have has had the a an that which said offered cut ties , . ; - \n  '' `` nothin' 2008 "
    "who what to in of not".split(" ")
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=25))
def test_same_annotation_on_any_word_sequence(stock, table, words):
    text = " ".join(words)
    assert (table(text).to_array(COLUMNS) == stock(text).to_array(COLUMNS)).all()


def test_a_rule_beyond_the_table_version_keeps_spacys_component():
    nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED))
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "much"})
    with pytest.raises(UnsupportedRule):
        compile_rules(ruler.patterns, ruler.attrs, ruler.indices, nlp.vocab)
    assert not use_table_attribute_ruler(nlp)
    assert "attribute_ruler" in nlp.pipe_names
