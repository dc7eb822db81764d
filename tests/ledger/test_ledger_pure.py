"""The ledger is a pure function of its events: any order, any split into add() calls, same ledger."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from ledger_events import caucasus_events, ev
from test_ledger_states import CASES

from detente.ledger import Ledger, build_ledger

# Every state case re-dated and re-sourced, so shuffles mix documents, dates and threads.
DATES = ["2008", "2008-08", "2008-08-12", "2012-02-28", "2012-03-02", None]


def _pool() -> list:
    pool = list(caucasus_events())
    for number, (pair, event, *_rest) in enumerate(CASES):
        if set(pair) == {"RUS", "GEO"}:
            pool.append(event.model_copy(update={"doc_id": f"doc{number % 3}", "event_id": f"e{number}"}))
    pool.append(
        ev(
            "doc9",
            0,
            "2012-03-02",
            "GEO",
            "RUS",
            "SANCTION",
            "severed",
            "Georgian ties with Russia remain severed.",
            obj="ties",
        )
    )
    return pool


POOL = _pool()


@st.composite
def dated_events(draw):
    events = draw(st.lists(st.sampled_from(range(len(POOL))), min_size=0, max_size=25, unique=True))
    dates = draw(st.lists(st.sampled_from(DATES), min_size=len(events), max_size=len(events)))
    return [POOL[i].model_copy(update={"date": d}) for i, d in zip(events, dates, strict=True)]


@settings(max_examples=60, deadline=None)
@given(events=dated_events(), data=st.data())
def test_shuffled_events_give_the_same_ledger(events, data):
    shuffled = data.draw(st.permutations(events))
    assert build_ledger(shuffled, "RUS", "GEO").to_dict() == build_ledger(events, "RUS", "GEO").to_dict()


@settings(max_examples=60, deadline=None)
@given(events=dated_events(), data=st.data(), as_of=st.sampled_from([None, "2008-08-31", "2012-03-01"]))
def test_adding_one_by_one_in_any_order_equals_building(events, data, as_of):
    ledger = Ledger("RUS", "GEO", as_of=as_of)
    order = data.draw(st.permutations(events))
    for position, event in enumerate(order):
        ledger.add(event)
        if position % 4 == 0:
            ledger.to_dict()  # reading in between must not change what comes after
    assert ledger.to_dict() == build_ledger(events, "RUS", "GEO", as_of=as_of).to_dict()


def test_ledger_json_round_trips():
    data = build_ledger(POOL, "RUS", "GEO").to_dict()
    assert json.loads(json.dumps(data)) == data


def test_add_says_whether_the_event_counts():
    ledger = Ledger("RUS", "GEO", as_of="2012-03-01")
    inside, later, elsewhere = (
        caucasus_events()[8],
        caucasus_events()[0],
        ev("x", 0, "2012-01-01", "RUS", "USA", "CONSULT", "met", "Russia met the United States."),
    )
    assert [ledger.add(inside), ledger.add(later), ledger.add(elsewhere)] == [True, False, False]
