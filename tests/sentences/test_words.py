"""The plain-Python view of a parse (detente.sentences.words) must say exactly what spaCy's Doc says."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.sentences import load_parser
from detente.sentences.words import TEXT_KEY, ParsedDoc, parsed, release

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SENTENCES = [
    "Russia offered on Friday to mend diplomatic ties with Georgia, which Tbilisi cut after the 2008 war.",
    'Georgia and Armenia signed a border deal.\n\n"We will not accept it," the ministry said.',
    "Protesters in Paris, Lyon and Marseille marched against the reform  and police arrested 12 people.",
    "   ",
    "",
]
WORDS = st.sampled_from(
    "Russia Georgia offered rejected the talks with and , . \" said on Friday troops 2008 - 's ( ) \n".split(" ")
)


@pytest.fixture(scope="module")
def parser():
    return load_parser()


def _spacy_facts(doc) -> list[tuple]:
    return [
        (t.i, t.idx, t.text, t.whitespace_, t.dep_, t.pos_, t.tag_, t.lemma_, t.lower_, t.is_space, t.is_punct,
         t.like_num, t.head.i, [c.i for c in t.children], [c.i for c in t.lefts], [c.i for c in t.rights],
         t.left_edge.i, t.right_edge.i, [c.i for c in t.subtree], [c.i for c in t.conjuncts],
         [a.i for a in t.ancestors], t.sent.start)
        for t in doc
    ]  # fmt: skip


def _view_facts(view: ParsedDoc) -> list[tuple]:
    return _spacy_facts(view)  # the same attribute names, read from the view


def _texts() -> list[str]:
    return SENTENCES + [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("text", _texts())
def test_the_view_reads_every_word_as_spacy_does(parser, text):
    doc = parser(text)
    view = ParsedDoc(doc)
    assert _view_facts(view) == _spacy_facts(doc)
    assert [(s.start, s.end, s.text) for s in view.sents] == [(s.start, s.end, s.text) for s in doc.sents]
    assert [s.root.i for s in view.sents] == [s.root.i for s in doc.sents]
    assert view.text == doc.text


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30))
def test_any_text_reads_the_same_through_the_view(words):
    parser = load_parser()
    doc = parser(" ".join(words))
    view = ParsedDoc(doc)
    assert _view_facts(view) == _spacy_facts(doc)
    assert [(s.start, s.end) for s in view.sents] == [(s.start, s.end) for s in doc.sents]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_char_span_expands_to_the_words_it_touches_as_spacy_does(data):
    text = SENTENCES[1]
    doc = load_parser()(text)
    view = ParsedDoc(doc)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    expected = doc.char_span(start, end, alignment_mode="expand")
    found = view.char_span(start, end, alignment_mode="expand")
    assert (found.start, found.end, found.text) == (expected.start, expected.end, expected.text)


def test_spans_slice_and_index_like_spacy(parser):
    doc = parser(SENTENCES[0])
    view = ParsedDoc(doc)
    assert view[2:6].text == doc[2:6].text
    sentence = view.sents[0]
    assert sentence[1].text == doc.sents.__next__()[1].text
    assert sentence[-1].text == "."
    assert sentence[1:3].text == list(doc.sents)[0][1:3].text
    with pytest.raises(IndexError):
        sentence[len(sentence)]


def test_the_view_is_built_once_per_doc_and_uses_the_text_its_maker_left(parser):
    text = SENTENCES[0]
    doc = parser(text)
    doc.user_data[TEXT_KEY] = text
    view = parsed(doc)
    assert parsed(doc) is view and parsed(view) is view
    assert view.text == doc.text


def test_release_empties_the_view_and_the_docs_user_data(parser):
    doc = parser(SENTENCES[0])
    view = parsed(doc)
    word = view[0]
    release(doc)
    assert view.words == [] and view.sents == []
    assert word.head is None and word.children == ()
    assert doc.user_data == {}
