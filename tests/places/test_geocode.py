"""Where events happened: the four steps of detente/places/geocode.py, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import code_articles
from detente.model import Article
from detente.places import load_places
from detente.places.table import fold


def _places(text: str) -> list[tuple[str, str, str, str, str]]:
    """(event type, place name, country, precision, step) of each event coded from the text."""
    events = code_articles([Article(id="t", text=text, date=dt.date(2024, 5, 3))])
    return [(e.event, e.place.name, e.place.country, e.place.precision, e.place.why.split(":")[0]) for e in events]


@pytest.mark.parametrize(
    "text, expected",
    [
        # 1. the trigger's place
        ("Iranian students protested in Tehran.", ("PROTEST", "Tehran", "IRN", "city", "trigger")),
        # a name two states' cities share, chosen by the states the article names
        (
            "Lebanese troops clashed with gunmen in Tripoli on Monday. Lebanon's army said order was restored.",
            ("ASSAULT", "Tripoli", "LBN", "city", "trigger"),
        ),
        # a state's name is the state, not a town of that name elsewhere (Colombia, Cuba)
        (
            "Rebels handed over their weapons to United Nations monitors in Colombia on Tuesday.",
            ("RETREAT", "Colombia", "COL", "country", "trigger"),
        ),
        # a state named on the trigger, refined by a town of it in the sentence
        (
            "Shells hit a depot in Syria's Idlib province on Monday, killing four soldiers.",
            None,
        ),
        # 2. a place elsewhere in the sentence: the place a visit is to
        ("The Russian foreign minister visited Beijing on Tuesday.", ("CONSULT", "Beijing", "CHN", "city", "sentence")),
        # 3. the dateline
        (
            "NAIROBI, May 3 (Example Wire) - Kenya accused Somalia of interfering in its elections.",
            ("ACCUSE", "Nairobi", "KEN", "city", "dateline"),
        ),
        # a material act is in the state its sentence names after "in"
        (
            "French commandos rescued two French aid workers held hostage in Burkina Faso in a night raid.",
            ("AID", "Burkina Faso", "BFA", "country", "sentence"),
        ),
        # 4. the state of the act: an attack where its target is, a statement where its speaker is
        ("Ethiopian forces attacked Eritrea on Monday.", ("ASSAULT", "Eritrea", "ERI", "country", "recipient")),
        ("Peru accused Chile of spying.", ("ACCUSE", "Peru", "PER", "country", "actor")),
    ],
)
def test_each_step_places_the_event(text: str, expected: tuple | None) -> None:
    places = _places(text)
    if expected is None:  # whatever the event, it is placed at the town, in its state
        assert places and all((name, country) == ("Idlib", "SYR") for _, name, country, *_ in places)
    else:
        assert expected in places


def test_a_month_is_no_place() -> None:
    places = _places("Azerbaijani troops clashed with Armenian troops on the border in March.")
    assert places and all(name != "March" for _, name, *_ in places)


def test_every_event_has_a_precision_and_a_reason() -> None:
    events = code_articles([Article(id="t", text="Russia condemned the strike. Talks in Geneva failed.")])
    assert events
    for event in events:
        assert event.place.precision in ("city", "adm1", "country", "none")
        assert event.place.why
        assert (event.place.lat is None) == (event.place.precision == "none")


def test_the_table_has_both_tripolis_and_a_centroid_for_each_state() -> None:
    table = load_places()
    assert {p.country for p in table.candidates("Tripoli")} >= {"LBY", "LBN"}
    assert table.capital("RUS").name == "Moscow"
    assert all(-90 <= c.lat <= 90 and -180 <= c.lon <= 180 for c in table.centroids.values())


@pytest.mark.parametrize("surface, key", [("Sāmarrā’", "samarra"), ("Ras al-Ain", "ras al ain")])
def test_names_are_looked_up_folded(surface: str, key: str) -> None:
    assert fold(surface) == key
