"""The monthly cooperation-conflict line, the JSON shape, the text and the plot."""

from __future__ import annotations

import pytest
from ledger_events import caucasus_events, ev

from detente.errors import InputError
from detente.ledger import Ledger, build_ledger, plot_ledger


def test_monthly_line_per_direction_with_year_only_and_undated_buckets():
    events = [
        ev("a", 0, "2012-03-02", "RUS", "GEO", "AGREE", "offered", "Russia offered talks to Georgia."),  # +2.5
        ev(
            "a",
            1,
            "2012-03-05",
            "RUS",
            "GEO",
            "SANCTION",
            "expelled",
            "Russia expelled a Georgian diplomat.",
            mode="expel",
        ),  # -5.5
        ev("a", 2, "2012-04", "GEO", "RUS", "ACCUSE", "accused", "Georgia accused Russia."),  # -3
        ev("a", 3, "2008", "RUS", "GEO", "ASSAULT", "attacked", "Russia attacked Georgia in 2008."),  # -9
        ev("a", 4, "2012-03-09", "RUS+GEO", "", "CONSULT", "met", "Russia and Georgia met."),  # +2.5 both ways
        ev("a", 5, "", "GEO", "RUS", "PROTEST", "protested", "Georgians protested at the embassy."),  # -5
        ev(
            "a",
            6,
            "2012-03-10",
            "RUS",
            "GEO",
            "ASSAULT",
            "bombed",
            "Russia did not bomb Georgia.",
            negated=True,
        ),
    ]
    monthly = build_ledger(events, "RUS", "GEO").to_dict()["monthly"]
    assert monthly["RUS->GEO"] == {
        "months": [{"period": "2012-03", "count": 3, "sum": -0.5, "mean": -0.167}],
        "year_only": [{"period": "2008", "count": 1, "sum": -9.0, "mean": -9.0}],
        "undated": [],
    }
    assert monthly["GEO->RUS"] == {
        "months": [
            {"period": "2012-03", "count": 1, "sum": 2.5, "mean": 2.5},
            {"period": "2012-04", "count": 1, "sum": -3.0, "mean": -3.0},
        ],
        "year_only": [],
        "undated": [{"period": "undated", "count": 1, "sum": -5.0, "mean": -5.0}],
    }


def test_as_of_drops_later_and_undated_events():
    ledger = build_ledger(caucasus_events(), "RUS", "GEO", as_of="2012-03-01")
    data = ledger.to_dict()
    diplomatic = data["threads"][0]
    assert (diplomatic["state"], diplomatic["since"]) == ("severed", "2008")
    assert data["as_of"] == "2012-03-01"
    assert data["events"] == 8  # the four events of 2012-03-02 are later


@pytest.mark.parametrize(
    ("kwargs", "number"),
    [
        ({"a": "RUS", "b": "RUS"}, "E113"),
        ({"a": "RUS", "b": "GEO", "as_of": "March 2012"}, "E005"),
    ],
)
def test_bad_ledger_arguments(kwargs, number):
    with pytest.raises(InputError, match=number):
        Ledger(**kwargs)


def test_to_dict_shape():
    data = build_ledger(caucasus_events(), "RUS", "GEO").to_dict()
    assert list(data) == [
        "pair",
        "names",
        "as_of",
        "region",
        "events",
        "by_direction",
        "excluded",
        "threads",
        "monthly",
    ]
    assert data["pair"] == ["RUS", "GEO"]
    assert data["by_direction"] == {"RUS->GEO": 6, "GEO->RUS": 4, "joint": 2}
    assert data["excluded"] == 1
    assert [t["thread"] for t in data["threads"]] == [
        "diplomatic",
        "visas",
        "trade",
        "transport",
        "recognition",
        "military",
        "talks",
    ]
    moved = data["threads"][0]["events"][0]
    assert {k: moved[k] for k in ("date", "direction", "event", "mode", "trigger", "doc_id", "role", "claims")} == {
        "date": "2008",
        "direction": "GEO->RUS",
        "event": "SANCTION",
        "mode": "discontinue",
        "trigger": "severed",
        "doc_id": "tbilisi-wire-1",
        "role": "moved",
        "claims": "severed",
    }


def test_render_text_lists_threads_with_sources():
    text = build_ledger(caucasus_events(), "RUS", "GEO").render_text(width=400)  # the content, unwrapped
    assert "== diplomatic relations: restoration rejected since 2012-03-02, moved by GEO\n" in text
    assert (
        "   history: severed 2008 by GEO -> restoration offered 2012-03-02 by RUS -> "
        "restoration rejected 2012-03-02 by GEO\n"
    ) in text
    assert "== visas and travel: visa lifting offered (mutual) since 2012-03-02, moved by RUS\n" in text
    assert "Georgia severed diplomatic relations with Russia in 2008." in text
    assert "  RUS->GEO  2006 (year only)       2      -12.0   -6.00" in text


@pytest.mark.parametrize(("name", "magic"), [("ledger.png", b"\x89PNG"), ("ledger.svg", b"<?xml")])
def test_plot_writes_png_or_svg(tmp_path, name, magic):
    path = plot_ledger(build_ledger(caucasus_events(), "RUS", "GEO"), tmp_path / name)
    assert path.read_bytes()[:5].startswith(magic)
    if name.endswith(".svg"):
        svg = path.read_text()
        assert "restoration rejected" in svg and "diplomatic relations" in svg


def test_plot_refuses_other_formats(tmp_path):
    with pytest.raises(InputError, match="E115"):
        plot_ledger(build_ledger([], "RUS", "GEO"), tmp_path / "ledger.pdf")


def test_plot_of_an_empty_ledger(tmp_path):
    path = plot_ledger(build_ledger([], "RUS", "GEO"), tmp_path / "empty.png")
    assert path.stat().st_size > 1000


def test_plot_summarises_a_thread_with_many_changes(tmp_path):
    events = []
    for month in range(1, 13):
        for half, (etype, trigger, text) in enumerate(
            [
                ("SANCTION", "severed", "Georgia severed ties with Russia."),
                ("AGREE", "restored", "Georgia restored ties with Russia."),
            ]
        ):
            events.append(
                ev(
                    f"d{month}",
                    half,
                    f"2015-{month:02d}-{10 + half:02d}",
                    "GEO",
                    "RUS",
                    etype,
                    trigger,
                    text,
                    obj="ties",
                )
            )
    ledger = build_ledger(events, "RUS", "GEO")
    assert len(ledger.to_dict()["threads"][0]["history"]) == 24
    svg = plot_ledger(ledger, tmp_path / "many.svg").read_text()
    assert "restored by GEO, 2015-12-11 (latest of 24 changes)" in svg
    assert "severed by GEO, 2015-01-10" not in svg  # not labelled one by one
