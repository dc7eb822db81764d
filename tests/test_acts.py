"""One event per act: the mentions of one act in an article are one event (detente/acts.py)."""

from __future__ import annotations

from detente.acts import Told, one_event_per_act
from detente.model import Entity, Event, Location

ARTICLE = (
    "Senegal expelled two Gambian diplomats on Tuesday, accusing them of spying. "
    "The foreign ministry in Dakar said the two men had been warned for months. "
    "Gambia condemned the decision. "
    "Senegal expelled two Gambian diplomats, the ministry repeated in a statement. "
    "On Friday Senegal expelled a third Gambian diplomat."
)


def _expulsions(code):
    return [e for e in code(ARTICLE, date="2012-03-02") if e.event == "SANCTION"]


def test_a_lead_and_its_recap_are_one_event_with_two_mentions(code) -> None:
    first = _expulsions(code)[0]
    assert [m.sentence_index for m in first.mentions] == [0, 3]
    assert (first.sentence_index, first.trigger) == (0, "expelled")
    # the recap names no time: the act keeps the day the lead gives ("on Tuesday" before 2012-03-02, a Friday)
    assert first.date == "2012-02-28"


def test_the_same_act_on_another_day_is_another_event(code) -> None:
    expulsions = _expulsions(code)
    assert [(e.date, [m.sentence_index for m in e.mentions]) for e in expulsions] == [
        ("2012-02-28", [0, 3]),
        ("2012-03-02", [4]),
    ]


def _event(sentence: int, word: str, recipient: str = "", *, date: str | None = None, sector: str = "") -> Event:
    return Event(
        doc_id="d",
        event_id=f"e{sentence}",
        event="REJECT",
        actor=[Entity(text="Kenya", code="KEN", sector=sector)],
        recipient=[Entity(text=recipient, code=recipient)] if recipient else [],
        date=date,
        date_precision="day" if date else "none",
        sentence_index=sentence,
        trigger=word,
        trigger_start=sentence * 100,
        trigger_end=sentence * 100 + len(word),
    )


def test_acts_with_no_recipient_are_one_only_under_the_same_word() -> None:
    events = one_event_per_act([Told(_event(0, "ignored"), False, "ignore"), Told(_event(2, "denied"), False, "deny")])
    assert [[m.sentence_index for m in e.mentions] for e in events] == [[0], [2]]


def test_a_merged_act_names_each_sector_once_and_drops_the_bare_state() -> None:
    events = one_event_per_act(
        [
            Told(_event(0, "rejected", "SOM"), False, "reject"),
            Told(_event(1, "rejected", "SOM", sector="GOV", date="2012-02-28"), True, "reject"),
        ]
    )
    [event] = events
    assert [(a.code, a.sector) for a in event.actor] == [("KEN", "GOV")]
    assert (event.date, event.event_id) == ("2012-02-28", "e0")


def test_dates_in_words_that_do_not_overlap_are_two_acts() -> None:
    told = [
        Told(_event(0, "rejected", "SOM", date="2012-02-27"), True, "reject"),
        Told(_event(1, "rejected", "SOM", date="2012-03-01"), True, "reject"),
    ]
    assert len(one_event_per_act(told)) == 2


def test_an_event_made_without_mentions_is_told_once_by_its_trigger() -> None:
    event = _event(3, "refused")
    assert [(m.sentence_index, m.trigger_start, m.trigger_end) for m in event.mentions] == [(3, 300, 307)]


def test_a_noun_recap_in_other_words_is_the_act_told_before() -> None:
    lead = _event(0, "rejected", "SOM", date="2012-02-28")
    recap = _event(5, "refusal", "SOM", date="2012-03-02")
    told = [Told(lead, True, "reject"), Told(recap, False, "refusal", noun=True)]
    [event] = one_event_per_act(told)
    assert (event.date, [m.sentence_index for m in event.mentions]) == ("2012-02-28", [0, 5])
    # the same words as a verb are another refusal, told in other words
    assert len(one_event_per_act([Told(lead, True, "reject"), Told(recap, False, "refuse")])) == 2


def test_a_statement_made_again_on_another_day_is_another_event() -> None:
    earlier = _event(0, "rejected", "SOM", date="2012-02-28").model_copy(update={"quad": "verbal_conflict"})
    today = _event(4, "rejected", "SOM", date="2012-03-02").model_copy(update={"quad": "verbal_conflict"})
    assert len(one_event_per_act([Told(earlier, True, "reject"), Told(today, False, "reject")])) == 2


def test_a_merged_act_keeps_the_most_precise_place_of_its_mentions() -> None:
    country = Location(name="Somalia", country="SOM", lat=2.0, lon=45.0, precision="country", why="recipient")
    city = Location(name="Mogadishu", country="SOM", lat=2.04, lon=45.34, precision="city", why="trigger")
    told = [
        Told(_event(0, "rejected", "SOM").model_copy(update={"place": country}), False, "reject"),
        Told(_event(1, "rejected", "SOM").model_copy(update={"place": city}), False, "reject"),
    ]
    [event] = one_event_per_act(told)
    assert (event.place.name, event.place.precision) == ("Mogadishu", "city")
