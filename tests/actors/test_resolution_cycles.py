"""Actor resolution ends on any parse: a pronoun whose antecedent leads back to itself names no one
(issue 13: `_pronoun -> _antecedent -> _resolve_head -> _pronoun` recursed without end)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente import code_article

# The input that raised RecursionError before the guard.
LOOPING = ", \n - Russia who it to and said a"


def test_issue13_the_looping_input_codes_cleanly(nlp) -> None:
    assert code_article({"id": "loop", "text": LOOPING}, nlp=nlp) == []


WORDS = st.sampled_from(
    "Russia Georgia Moscow the ministry it its they them their he she his who which whom that and said told "
    "to of a , . - \n which officials president its forces".split(" ")
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=20))
def test_any_sequence_of_pronouns_and_names_codes_without_error(nlp, words: list[str]) -> None:
    events = code_article({"id": "h", "text": " ".join(words)}, nlp=nlp)
    assert all(e.actor for e in events)
