"""An event's thread follows its object (issue 19): flights are transport, visas and entry travel, goods
trade, an embassy diplomatic relations; a phone call is talks, and lifting a flight ban is not trade."""

from __future__ import annotations

import pytest

from detente.ledger.reading import read_event
from detente.ledger.threads import default_threads

FLIGHT_BAN_LIFTED = "Armenia lifted its ban on passenger flights to Azerbaijan on Monday."
PHONE_CALL = "The Brazilian president spoke by telephone with his Argentine counterpart."


@pytest.mark.parametrize(
    ("a", "b", "text", "moves"),
    [
        ("ARM", "AZE", FLIGHT_BAN_LIFTED, {"transport": "restored"}),
        ("MDA", "ROU", "Moldova suspended all flights to Romania on Friday.", {"transport": "cut"}),
        ("VNM", "CHN", "Vietnam banned flights from China.", {"transport": "cut"}),
        ("IND", "PAK", "India closed its airspace to Pakistani airlines.", {"transport": "cut"}),
        ("CAN", "CHL", "Canada lifted its ban on imports of Chilean beef.", {"trade": "ban lifted"}),
        ("JPN", "KOR", "Japan banned imports of South Korean fish.", {"trade": "ban imposed"}),
        ("EGY", "SDN", "Egypt banned Sudanese wheat.", {"trade": "ban imposed"}),
        ("NOR", "DNK", "Norway lifted its ban on the entry of Danish citizens.", {"visas": "travel ban lifted"}),
        ("POL", "UKR", "Poland scrapped visa requirements for Ukrainian citizens.", {"visas": "visa regime lifted"}),
        ("KEN", "UGA", "Kenya offered to reopen its embassy in Uganda.", {"diplomatic": "restoration offered"}),
        ("THA", "KHM", "Thailand opened an embassy in Cambodia.", {"diplomatic": "established"}),
        ("PER", "CHL", "Peru expelled the Chilean ambassador on Tuesday.", {"diplomatic": "downgraded"}),
        ("BRA", "ARG", PHONE_CALL, {"talks": "meeting"}),
        ("BRA", "ARG", "Brazil and Argentina held talks on restoring diplomatic relations.", {"talks": "negotiations"}),
    ],
)
def test_the_thread_follows_the_object(code, a: str, b: str, text: str, moves: dict[str, str]) -> None:
    events = code(text, date="2020-03-02")
    assert len(events) == 1, events
    reading = read_event(events[0], a, b, default_threads())
    assert reading is not None
    assert {thread: move.state for thread, move in reading.moves.items()} == moves


@pytest.mark.parametrize(
    ("a", "b", "text", "unrelated"),
    [
        # a phone call is no transport or communications link, whatever the words "telephone" or "call"
        ("BRA", "ARG", PHONE_CALL, "transport"),
        # a flight ban is neither trade nor travel: lifting it moves transport alone
        ("ARM", "AZE", FLIGHT_BAN_LIFTED, "trade"),
        ("ARM", "AZE", FLIGHT_BAN_LIFTED, "visas"),
        # a ban on goods is no travel ban
        ("CAN", "CHL", "Canada lifted its ban on imports of Chilean beef.", "visas"),
        # troops a country trains and an air force it supplies are no rail or air links
        ("TUR", "SOM", "Turkey trains Somali troops at a base near Mogadishu.", "transport"),
        ("RUS", "MLI", "Russia delivered two helicopters to the Malian air force.", "transport"),
    ],
)
def test_an_unrelated_thread_is_neither_moved_nor_mentioned(code, a: str, b: str, text: str, unrelated: str) -> None:
    for event in code(text, date="2020-03-02"):
        reading = read_event(event, a, b, default_threads())
        if reading is not None:
            assert unrelated not in reading.moves
            assert unrelated not in reading.context
