"""Spans for highlighting (issue 19): a split trigger leaves its actors visible; blanks around names go."""

from __future__ import annotations

from detente.api.spans import event_spans, tidy_event
from detente.model import Entity, Event

TEXT = "Chile urged Peru to free the fishermen."


def _event(**overrides) -> Event:
    fields = {
        "doc_id": "d",
        "event_id": "e",
        "event": "REQUEST",
        "actor": [Entity(text="Chile", code="CHL", start=0, end=5)],
        "recipient": [Entity(text="Peru", code="PER", start=12, end=16)],
        "sentence": TEXT,
        "trigger": "urged free",
        "trigger_start": 6,
        "trigger_end": 24,
    }
    return Event(**{**fields, **overrides})


def _marks(spans: list[dict]) -> list[tuple[str, str]]:
    return [(s["kind"], TEXT[s["sentence_start"] : s["sentence_end"]]) for s in spans]


def test_a_trigger_of_several_words_is_a_span_per_word() -> None:
    spans = event_spans(_event(), TEXT)["spans"]
    assert _marks(spans) == [("trigger", "urged"), ("trigger", "free"), ("actor", "Chile"), ("recipient", "Peru")]
    # no span lies inside another, so the page can mark every one of them
    ordered = sorted((s["sentence_start"], s["sentence_end"]) for s in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(ordered, ordered[1:], strict=False))
    assert [(s["start"], s["end"]) for s in spans[:2]] == [(6, 11), (20, 24)]


def test_a_trigger_whose_words_are_elsewhere_keeps_its_one_span() -> None:
    spans = event_spans(_event(trigger="urged release"), TEXT)["spans"]
    assert [s["kind"] for s in spans].count("trigger") == 1


def test_blanks_around_an_actor_are_stripped_with_its_offsets() -> None:
    blanked = _event(actor=[Entity(text="      Chile", code="CHL", start=-6, end=5)])
    tidy = tidy_event(blanked)
    assert (tidy.actor[0].text, tidy.actor[0].start, tidy.actor[0].end) == ("Chile", 0, 5)
    spans = event_spans(blanked, TEXT)["spans"]
    assert ("actor", "Chile") in _marks(spans)
