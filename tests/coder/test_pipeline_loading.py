"""The coding pipeline and the shared parser are separate objects, each loaded once a process (issue 13)."""

from __future__ import annotations

import pytest

from detente.coder import load_pipeline
from detente.sentences import load_parser

CODING_STAGES = ("detente_actors", "detente_events", "detente_dates", "detente_places")


def test_issue13_the_shared_parser_gets_no_coding_stages(nlp):
    parser = load_parser()
    assert parser is not nlp
    assert not set(CODING_STAGES) & set(parser.pipe_names)
    assert nlp.pipe_names[-len(CODING_STAGES) :] == list(CODING_STAGES)


@pytest.mark.parametrize("load", [load_pipeline, load_parser])
def test_issue13_each_is_loaded_once(load):
    assert load() is load()


def test_issue13_both_parse_alike(nlp):
    text = "Peru offered to renew its embassy links with Chile.\nTalks begin in Lima on Monday"

    def parse(doc):
        return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in doc]

    assert parse(nlp(text)) == parse(load_parser()(text))
