"""Participants the article, not the event's sentence, names are marked inferred (Entity.inferred)."""

from __future__ import annotations


def _marks(events, event_type: str) -> tuple[list, list]:
    [event] = [e for e in events if e.event == event_type]
    return [(a.code, a.inferred) for a in event.actor], [(r.code, r.inferred) for r in event.recipient]


def test_a_named_state_is_not_inferred_and_a_pronoun_is(code) -> None:
    events = code("Uruguay recalled its ambassador from Paraguay. It later accused Asuncion of harbouring smugglers.")
    assert _marks(events, "SANCTION") == ([("URY", False)], [("PRY", False)])
    assert _marks(events, "ACCUSE") == ([("URY", True)], [("PRY", False)])


def test_the_target_of_a_condemned_measure_is_inferred(code) -> None:
    events = code("Venezuela again denounced the American embargo as economic warfare.")
    assert _marks(events, "SANCTION") == ([("USA", False)], [("VEN", True)])
