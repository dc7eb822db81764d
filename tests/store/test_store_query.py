"""Queries by actor, recipient, type, period and pair; read-only SQL; events_for_pair."""

from __future__ import annotations

import pytest
from eventkit import fill_store, make_event, open_copy

from detente.errors import StoreError
from detente.model import Article
from detente.store import EventFilter, events_for_pair, open_store


@pytest.fixture(scope="module")
def filled_file(tmp_path_factory):
    """A closed store with five events, made once: each test opens a copy of its own."""
    path = tmp_path_factory.mktemp("filled") / "events.duckdb"
    with open_store(str(path)) as made:
        rows = [
            ("d1", "AGREE", "RUS", "GEO", "2012-03-02"),
            ("d2", "ACCUSE", "GEO", "RUS", "2012-04"),
            ("d3", "ASSAULT", "RUS", "UKR", "2014-02-27"),
            ("d4", "CONSULT", "FRA", "DEU", "2013"),
            ("d5", "AGREE", "RUS", "GEO", None),
        ]
        for doc, kind, actor, recipient, day in rows:
            made.add_events(Article(id=doc, text="t"), [make_event(doc, kind, actor, recipient, day)])
    return path


@pytest.fixture
def filled(filled_file, tmp_path):
    yield from open_copy(filled_file, tmp_path)


def _docs(events) -> list[str]:
    return [e.doc_id for e in events]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["d1", "d2", "d4", "d3", "d5"]),  # date order, undated last
        ({"actor": "RUS"}, ["d1", "d3", "d5"]),
        ({"recipient": "RUS"}, ["d2"]),
        ({"type": "AGREE"}, ["d1", "d5"]),
        ({"actor": "RUS", "recipient": "GEO"}, ["d1", "d5"]),
        ({"since": "2012-04"}, ["d2", "d4", "d3"]),
        ({"until": "2012"}, ["d1", "d2"]),
        ({"since": "2012-03-03", "until": "2013-12-31"}, ["d2", "d4"]),
        ({"pair": ("GEO", "RUS")}, ["d1", "d2", "d5"]),
        ({"limit": 2, "offset": 1}, ["d2", "d4"]),
    ],
)
def test_query_filters(filled, filters, expected) -> None:
    assert _docs(filled.query(**filters)) == expected
    assert filled.count(**{k: v for k, v in filters.items() if k not in ("limit", "offset")}) == len(
        filled.query(**{k: v for k, v in filters.items() if k not in ("limit", "offset")})
    )


def test_query_parameters_are_not_sql(filled) -> None:
    with pytest.raises(StoreError, match=r"\[E142\]"):  # no code looks like that
        filled.query(actor="RUS' OR '1'='1")
    assert filled.query(doc_id="d1' OR '1'='1") == []  # an article id can be anything: it is a parameter
    assert filled.count() == 5


@pytest.mark.parametrize("bad", ["2012-13", "yesterday", "12-03-2012"])
def test_bad_dates_are_E135(filled, bad) -> None:
    with pytest.raises(StoreError, match=r"\[E135\]"):
        filled.query(since=bad)


def test_sql_runs_one_select(filled) -> None:
    columns, rows = filled.sql(
        "WITH t AS (SELECT event, count(*) AS n FROM events GROUP BY event) SELECT * FROM t ORDER BY n DESC, event"
    )
    assert columns == ["event", "n"]
    assert rows == [("AGREE", 2), ("ACCUSE", 1), ("ASSAULT", 1), ("CONSULT", 1)]


@pytest.mark.parametrize(
    "query",
    [
        "DROP TABLE events",
        "DELETE FROM events",
        "INSERT INTO articles VALUES ('x', 'h', 't', NULL, '', '', now())",
        "SELECT 1; DROP TABLE events",
        "COPY events TO 'out.csv'",
        "ATTACH 'other.duckdb'",
        "PRAGMA version",
        "",
    ],
)
def test_sql_rejects_anything_but_a_single_select(filled, query) -> None:
    with pytest.raises(StoreError, match=r"\[E13[23]\]"):
        filled.sql(query)
    assert filled.count() == 5


def test_sql_on_a_read_only_store_uses_a_read_only_connection(filled) -> None:
    path = filled.path
    filled.close()
    with open_store(path, read_only=True) as ro:
        assert ro.sql("SELECT count(*) FROM events")[1] == [(5,)]
        assert ro._connection_read_only is True
        # Even past the statement check, the connection itself refuses writes.
        with pytest.raises(Exception, match="read-only"):
            ro.cursor().execute("DELETE FROM events")


def test_sql_errors_are_E133(filled) -> None:
    with pytest.raises(StoreError, match=r"\[E133\]"):
        filled.sql("SELECT no_such_column FROM events")


def test_events_for_pair_reads_both_directions(filled) -> None:
    path = filled.path
    filled.close()
    assert _docs(events_for_pair(path, "RUS", "GEO")) == ["d1", "d2", "d5"]
    assert _docs(events_for_pair(path, "GEO", "RUS")) == ["d1", "d2", "d5"]
    assert _docs(events_for_pair(path, "RUS", "UKR")) == ["d3"]
    assert list(events_for_pair(path, "RUS", "FRA")) == []


def test_events_for_pair_works_while_this_process_holds_the_store_open(filled) -> None:
    assert _docs(events_for_pair(filled.path, "RUS", "GEO")) == ["d1", "d2", "d5"]
    assert filled.count() == 5  # the writable store still works


def test_actors_pairs_stats_and_monthly(filled) -> None:
    actors = {a["code"]: (a["as_actor"], a["as_recipient"]) for a in filled.actors()}
    assert actors == {"RUS": (3, 1), "GEO": (1, 2), "UKR": (0, 1), "FRA": (1, 0), "DEU": (0, 1)}
    assert filled.pairs()[0] == {"a": "GEO", "b": "RUS", "events": 3}
    stats = filled.stats()
    assert (stats["articles"], stats["events"], stats["unique_events"]) == (5, 5, 5)
    assert (stats["first_date"], stats["last_date"]) == ("2012-03-02", "2014-02-27")
    monthly = filled.monthly("RUS", "GEO")
    assert [(m["month"], m["events"], m["quads"], m["mean_intensity"]) for m in monthly] == [
        ("2012-03", 1, {"verbal_cooperation": 1}, 2.5),
        ("2012-04", 1, {"verbal_conflict": 1}, -3.0),
    ]


@pytest.mark.slow
def test_events_for_pair_on_a_million_events(tmp_path) -> None:
    """Exactly the pair's events of a million; how fast is for bench/pair_lookup.py to print, not a test."""
    path = str(tmp_path / "big.duckdb")
    fill_store(path, 1_000_000)
    events = list(events_for_pair(path, "RUS", "GEO"))
    assert len(events) == 20000  # 1% each direction
    assert {e.dyad() for e in events} == {("RUS", "GEO"), ("GEO", "RUS")}


@pytest.mark.parametrize(
    ("filters", "normalised"),
    [
        ({"actor": " rus ", "type": "agree"}, {"actor": "RUS", "type": "AGREE"}),
        ({"pair": "geo, rus"}, {"pair": ("GEO", "RUS")}),
        ({"pair": ["geo", "RUS"], "since": ""}, {"pair": ("GEO", "RUS"), "since": None}),
    ],
)
def test_filters_are_normalised_once(filled, filters, normalised) -> None:
    where = EventFilter(**filters)
    assert {k: getattr(where, k) for k in normalised} == normalised
    assert filled.query(where) == filled.query(**filters)


@pytest.mark.parametrize(
    ("filters", "code"),
    [
        ({"actor": "R"}, "E142"),
        ({"recipient": "<b>"}, "E142"),
        ({"type": "HUG"}, "E146"),
        ({"pair": "RUS"}, "E146"),
        ({"pair": ("RUS", "G")}, "E142"),
        ({"until": "2012-13"}, "E135"),
    ],
)
def test_bad_filters_are_numbered_errors(filters, code) -> None:
    with pytest.raises(StoreError, match=rf"\[{code}\]"):
        EventFilter(**filters)


def test_pairs_leave_out_events_with_one_side_only(store) -> None:
    """Issue 19: an event with no recipient made a pair with a blank partner (" – SDN (6)")."""
    for n in range(3):
        store.add_events(Article(id=f"p{n}", text="t"), [make_event(f"p{n}", "PROTEST", "SDN", "")])
    store.add_events(Article(id="q", text="t"), [make_event("q", "ACCUSE", "SDN", "SSD")])
    assert store.pairs() == [{"a": "SDN", "b": "SSD", "events": 1}]
