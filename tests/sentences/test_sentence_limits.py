"""Issue 18, item 6: an overlong "sentence" is skipped with a reason before the parser sees it, and the
tree walks of a degenerate parse do not recurse without bound."""

from __future__ import annotations

import logging

import pytest

import detente.sentences.limits as limits
from detente.sentences.limits import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, overlong_sentences

GOOD = "Chile recalled its ambassador from Peru on Tuesday.\n"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("word " * MAX_SENTENCE_WORDS, False),
        ("word " * (MAX_SENTENCE_WORDS + 1), True),
        ("word. " * 5000, False),  # many short sentences
        ("line of words\n" * 2000, False),  # line breaks end sentences
        ("x" * (MAX_SENTENCE_CHARS + 1), True),  # one endless token
        (GOOD + "word " * 1000 + ". " + GOOD, True),
    ],
)
def test_overlong_sentences_are_found(text, flagged):
    assert bool(overlong_sentences(text)) is flagged


def test_issue18_a_600_kb_unpunctuated_text_is_skipped_with_a_reason(code, caplog):
    flood = " ".join(["negotiators", "from", "the", "coast", "argued", "about", "fishing", "quotas"] * 11000)
    assert len(flood) > 600_000
    with caplog.at_level(logging.WARNING, logger="detente.sentences.limits"):
        events = code(GOOD + flood + "\n" + GOOD, doc_id="flood")
    # the sentence before the flood and the one after it are both coded (one act, told twice: one event)
    assert [(e.event, e.actor[0].code, e.recipient[0].code) for e in events] == [("SANCTION", "CHL", "PER")]
    assert len(events[0].mentions) == 2
    assert [r.getMessage().split(":")[0] for r in caplog.records] == ["article flood"]
    assert "88000 words" in caplog.records[0].getMessage()


def test_issue18_deeply_nested_phrases_do_not_exhaust_the_stack(code, monkeypatch):
    # with the cap lifted, a parse 1,200 words deep: the tree walks must not recurse per level
    monkeypatch.setattr(limits, "MAX_SENTENCE_WORDS", 10**9)
    monkeypatch.setattr(limits, "MAX_SENTENCE_CHARS", 10**9)
    events = code("Chile attacked " + "hundreds of " * 600 + "soldiers.")
    assert [e.actor[0].code for e in events] == ["CHL"]
