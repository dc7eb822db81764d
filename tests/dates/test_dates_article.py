"""A whole article of our own, read sentence by sentence as the coder does, with every event date checked."""

from __future__ import annotations

import datetime

import pytest

from detente.dates import DateResolver

PUBLISHED = datetime.date(2014, 6, 13)  # a Friday

ARTICLE = (
    "Armenia on Friday proposed to reopen its border with Turkey, its first such step since the two "
    "neighbours closed it in 1993. "
    "Yerevan's envoy said he welcomed a gesture from the Turkish premier this week. "
    "Ankara suspended trade with Yerevan in 2009 after talks on a peace accord stalled. "
    "It recalled its ambassador that same year. "
    "Relations worsened further until the border clashes in April 2011 drew protests from the EU. "
    "Turkish troops shelled two villages and later seized a hill near the frontier. "
    "Both governments have repeatedly refused to hold direct talks. "
    "The proposal came on Tuesday with a speech to parliament by the Armenian president. "
    "His offer came five months after the two sides agreed to exchange prisoners. "
    "Elections in Turkey are due in 2015."
)

# (sentence number, trigger, value, precision, historical, future)
EXPECTED = [
    (0, "proposed", "2014-06-13", "day", False, False),
    (0, "reopen", "2014-06-13", "day", False, False),
    (0, "closed", "1993", "year", True, False),
    (1, "welcomed", "2014-06-09", "week", False, False),
    (1, "said", "2014-06-13", "day", False, False),
    (2, "suspended", "2009", "year", True, False),
    (2, "stalled", "2009", "year", True, False),
    (3, "recalled", "2009", "year", True, False),
    (4, "clashes", "2011-04", "month", True, False),
    (5, "shelled", "2011-04", "month", True, False),
    (5, "seized", "2011-04", "month", True, False),
    (6, "refused", "2014-06-13", "day", False, False),
    (7, "came", "2014-06-10", "day", False, False),
    (8, "agreed", "2014-01", "month", True, False),
    (9, "due", "2015", "year", False, True),
]


@pytest.fixture(scope="module")
def resolved(nlp):
    """Every expected trigger resolved the way the coder does it: read all sentences, resolve in order."""
    doc = nlp(ARTICLE)
    sentences = list(doc.sents)
    assert len(sentences) == 10
    resolver = DateResolver(PUBLISHED)
    results = {}
    for number, sent in enumerate(sentences):
        resolver.read(sent)
        for expected_number, trigger, *_ in EXPECTED:
            if expected_number == number:
                token = next(t for t in sent if t.text == trigger)
                results[(number, trigger)] = resolver.resolve(sent, token)
    return results


@pytest.mark.parametrize(
    ("number", "trigger", "value", "precision", "historical", "future"),
    EXPECTED,
    ids=[f"{e[0]}-{e[1]}" for e in EXPECTED],
)
def test_article_event_dates(resolved, number, trigger, value, precision, historical, future):
    got = resolved[(number, trigger)]
    assert (got.value, got.precision, got.historical, got.future) == (value, precision, historical, future)


def _dates(nlp, text: str, triggers: list[str]) -> list[str | None]:
    resolver = DateResolver(PUBLISHED)
    found = []
    for sent in nlp(text).sents:
        resolver.read(sent)
        found += [resolver.resolve(sent, t).value for t in sent if t.text in triggers]
    return found


def test_a_recent_day_carries_one_sentence_on_not_down_a_chain(nlp):
    # "on Tuesday" dates the next sentence's telling, but not the sentences after it that name no day
    text = (
        "Chile closed its consulate in La Paz on Tuesday. "
        "Bolivia protested against the closure. "
        "Peru urged both countries to talk. "
    )
    assert _dates(nlp, text, ["closed", "protested", "urged"]) == ["2014-06-10", "2014-06-10", "2014-06-13"]


def test_a_year_that_names_a_treaty_moves_the_story_nowhere(nlp):
    text = (
        "Japan cited the 1951 security treaty with the United States. "
        "China condemned the move."
    )
    assert _dates(nlp, text, ["condemned"]) == ["2014-06-13"]
