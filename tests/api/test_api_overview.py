"""GET /overview and GET /countries/{code} (issue 19): the store at a glance, and one country."""

from __future__ import annotations

import pytest
from eventkit import make_event
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.model import Article
from detente.store import open_store
from detente.store.overview import active_countries, active_pairs, timeline

ROWS = [
    # doc, type, actor, recipient, date, overrides
    ("d1", "SANCTION", "RUS", "GEO", "2012-03-02",
     {"mode": "expel", "sentence": "Russia expelled the Georgian ambassador.", "trigger": "expelled"}),
    ("d2", "ACCUSE", "GEO", "RUS", "2012-05", {"sentence": "Georgia accused Russia.", "trigger": "accused"}),
    ("d3", "CONSULT", "FRA", "DEU", "2013-01-10", {"sentence": "France met Germany.", "trigger": "met"}),
    ("d4", "PROTEST", "SDN", "", "2013-02-01", {"sentence": "Crowds marched in Khartoum.", "trigger": "marched"}),
    ("d5", "ACCUSE", "IGOEUREEC", "RUS", "2013-02-03", {"sentence": "The EU accused Russia.", "trigger": "accused"}),
    ("d6", "AGREE", "RUS", "GEO", None, {"sentence": "Russia agreed with Georgia.", "trigger": "agreed"}),
]


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "overview.duckdb"))
    for doc, kind, actor, recipient, day, overrides in ROWS:
        opened.add_events(Article(id=doc, text="t"), [make_event(doc, kind, actor, recipient, day, **overrides)])
    yield opened
    opened.close()


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store, read_only=True))


def test_timeline_counts_dated_events_by_month_and_quad(store) -> None:
    months = timeline(store)
    assert [m["month"] for m in months] == ["2012-03", "2012-05", "2013-01", "2013-02"]
    assert months[-1] == {
        "month": "2013-02",
        "events": 2,
        "quads": {"material_conflict": 1, "verbal_conflict": 1},
    }
    assert [m["month"] for m in timeline(store, country="geo")] == ["2012-03", "2012-05"]
    assert [m["month"] for m in timeline(store, since="2013")] == ["2013-01", "2013-02"]


def test_active_countries_and_pairs_are_countries_with_both_sides(store) -> None:
    assert active_countries(store)[:2] == [{"code": "RUS", "events": 4}, {"code": "GEO", "events": 3}]
    assert all(len(c["code"]) == 3 for c in active_countries(store))  # no IGO... body among countries
    assert active_pairs(store) == [{"a": "GEO", "b": "RUS", "events": 3}, {"a": "DEU", "b": "FRA", "events": 1}]
    assert active_pairs(store, country="RUS") == [{"a": "RUS", "b": "GEO", "events": 3}]


def test_overview_lists_threads_moved_in_the_period(client) -> None:
    body = client.get("/overview", params={"since": "2012", "until": "2012"}).json()
    assert [m["month"] for m in body["monthly"]] == ["2012-03", "2012-05"]
    assert body["countries"] == [
        {"code": "GEO", "events": 2, "name": "Georgia"},
        {"code": "RUS", "events": 2, "name": "Russia"},
    ]
    assert body["changes"] == [
        {
            "a": "GEO",
            "b": "RUS",
            "thread": "diplomatic",
            "topic": "diplomatic relations",
            "state": "downgraded",
            "qualifier": "",
            "since": "2012-03-02",
            "moved_by": "RUS",
        }
    ]
    later = client.get("/overview", params={"since": "2013"}).json()["changes"]
    assert [(c["a"], c["b"], c["thread"], c["state"], c["since"]) for c in later] == [
        ("DEU", "FRA", "talks", "meeting", "2013-01-10")
    ]


def test_country_page_has_partners_months_and_threads(client) -> None:
    body = client.get("/countries/rus").json()
    assert (body["code"], body["name"], body["events"]) == ("RUS", "Russia", 3)
    assert body["partners"] == [{"code": "GEO", "name": "Georgia", "events": 3}]
    assert [(t["partner"], t["thread"], t["state"]) for t in body["threads"]] == [
        ("GEO", "diplomatic", "downgraded"),
        ("GEO", "talks", "agreement reached"),  # undated: a state all the same, though in no period
    ]


@pytest.mark.parametrize(("path", "code"), [("/countries/R%27U", "E142"), ("/overview?since=soon", "E135")])
def test_bad_values_are_errors_in_the_one_shape(client, path: str, code: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 422)
    assert response.json()["error"]["code"] == code
