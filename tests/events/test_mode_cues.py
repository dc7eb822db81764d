"""The weapon or method named in a trigger's clause gives the event its mode (modes.tsv)."""

from __future__ import annotations

import pytest

from detente.events.lexicon import DATA_DIR
from detente.tables import read_tsv

ROWS = list(read_tsv(DATA_DIR / "modes.tsv", ("type", "mode", "cues", "example")))


@pytest.mark.parametrize(("line", "row"), ROWS, ids=[f"modes.tsv:{line}:{row['mode']}" for line, row in ROWS])
def test_each_rows_example_codes_its_type_with_its_mode(code, line, row):
    events = code(row["example"])
    assert any(e.event == row["type"] and e.mode == row["mode"] for e in events), [
        (e.event, e.mode, e.trigger) for e in events
    ]


@pytest.mark.parametrize(("text", "mode"), [
    # the cue sits in an object, a prepositional phrase or the subject of the trigger's clause
    ("Basque separatists injured three Spanish policemen in a bomb attack near Bilbao on Friday.", "explosives"),
    ("Four Afghan policemen were killed in a suicide truck bombing outside Kandahar.", "suicide-attack"),
    ("Israeli tanks fired shells at targets in Jericho on Monday.", "heavy-weapons"),
    ("Kenyan police fired tear gas at opposition supporters in Nairobi.", "crowd-control"),
    ("Russian warplanes bombed a market in the Syrian town of Ariha.", "aerial"),
])
def test_the_weapon_in_the_clause_gives_the_mode(code, text, mode):
    assert [e.mode for e in code(text) if e.event == "ASSAULT"] == [mode]


def test_a_more_specific_mode_of_the_trigger_is_kept(code):
    # "assassinated" is a targeted killing whatever weapon did it
    events = code("Gunmen assassinated the Iraqi governor of Nineveh with a car bomb on Sunday.")
    assert [(e.event, e.mode) for e in events] == [("ASSAULT", "targeted")]


def test_a_weapon_in_a_coordinated_clause_belongs_to_that_clause(code):
    events = code("Syrian troops shelled Homs with artillery, and Syrian rebels shot two soldiers with rifles.")
    assert sorted((e.trigger.split()[0], e.mode) for e in events if e.event == "ASSAULT") == [
        ("shelled", "heavy-weapons"), ("shot", "firearms")
    ]


def test_no_weapon_named_leaves_the_mode_empty(code):
    events = code("Rwandan troops attacked Congolese villages near Goma on Tuesday.")
    assert [(e.event, e.mode) for e in events] == [("ASSAULT", "")]
