"""GET endpoints: events with filters and pagination (JSON and CSV), one event with spans, relations, actors."""

from __future__ import annotations

import csv
import io

import pytest

from detente.store import SCHEMA_VERSION


def test_health(client) -> None:
    # The store's schema version (docs/store.md), not the flat layout's.
    assert client.get("/health").json() == {"status": "ok", "schema_version": SCHEMA_VERSION, "read_only": False}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [("a1", "AGREE"), ("a1", "CONSULT"), ("a2", "ACCUSE"), ("x1", "ACCUSE"), ("x1", "CONSULT")]),
        ({"actor": "RUS"}, [("a1", "AGREE"), ("x1", "ACCUSE")]),
        ({"recipient": "rus"}, [("a2", "ACCUSE"), ("x1", "CONSULT")]),
        ({"type": "ACCUSE"}, [("a2", "ACCUSE"), ("x1", "ACCUSE")]),
        ({"since": "2012-05", "until": "2012-05-31"}, [("a2", "ACCUSE")]),
        ({"pair": "GEO,RUS", "limit": 2, "offset": 1}, [("a2", "ACCUSE"), ("x1", "ACCUSE")]),
    ],
)
def test_events_filters_and_pages(client, params, expected) -> None:
    body = client.get("/events", params=params).json()
    assert [(e["doc_id"], e["event"]) for e in body["events"]] == expected
    assert body["offset"] == params.get("offset", 0)


def test_events_total_counts_all_pages(client) -> None:
    body = client.get("/events", params={"limit": 2}).json()
    assert (body["total"], len(body["events"]), body["limit"]) == (5, 2, 2)


def test_events_as_csv(client) -> None:
    response = client.get("/events", params={"format": "csv", "actor": "RUS"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["doc_id"], r["event"], r["actor_codes"], r["recipient_codes"]) for r in rows] == [
        ("a1", "AGREE", "RUS", "GEO"),
        ("x1", "ACCUSE", "RUS", "GEO"),
    ]
    page = client.get("/events", params={"format": "csv", "limit": 2, "offset": 1}).text
    assert [r["event"] for r in csv.DictReader(io.StringIO(page))] == ["CONSULT", "ACCUSE"]


def test_event_detail_has_sentence_and_spans(client) -> None:
    event = client.get("/events", params={"type": "AGREE"}).json()["events"][0]
    detail = client.get(f"/events/{event['event_id']}").json()
    assert detail["event"]["sentence"] == "Russia agreed with Georgia on wine."
    assert detail["sentence_start"] == 0
    spans = {s["kind"]: s for s in detail["spans"]}
    assert (spans["trigger"]["text"], spans["trigger"]["sentence_start"], spans["trigger"]["sentence_end"]) == (
        "agreed",
        7,
        13,
    )
    assert (spans["actor"]["code"], spans["actor"]["start"], spans["actor"]["end"]) == ("RUS", 0, 6)
    assert (spans["recipient"]["code"], spans["recipient"]["sentence_start"]) == ("GEO", 19)
    assert detail["source_url"] == "https://www.example.org/a1"
    assert detail["reports"] == {"mentions": 1, "sources": 1, "articles": 1}
    assert detail["article"] == {
        "id": "a1", "title": "Wine", "url": "https://www.example.org/a1", "date": "2012-03-02", "summary_only": False
    }


def test_event_detail_span_offsets_are_relative_to_a_later_sentence(client) -> None:
    event = client.get("/events", params={"actor": "FRA"}).json()["events"][0]
    detail = client.get(f"/events/{event['event_id']}").json()
    sentence = detail["event"]["sentence"]
    assert detail["sentence_start"] == len("Russia agreed with Georgia on wine. ")
    for span in detail["spans"]:
        assert sentence[span["sentence_start"] : span["sentence_end"]] == span["text"]


def test_unknown_event_is_404_in_the_error_shape(client) -> None:
    response = client.get("/events/nope")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "code": "E141", "message": "[E141] Not found: event 'nope'"}}


def test_relations_has_monthly_series_and_ledger(client) -> None:
    body = client.get("/relations/RUS/GEO").json()
    assert (body["a"], body["b"], body["events"]) == ("RUS", "GEO", 4)
    assert [(m["month"], m["events"], m["quads"]) for m in body["monthly"]] == [
        ("2012-03", 1, {"verbal_cooperation": 1}),
        ("2012-05", 1, {"verbal_conflict": 1}),
        ("2012-06", 2, {"verbal_conflict": 1, "verbal_cooperation": 1}),
    ]
    assert body["ledger_available"] is True and body["ledger_error"] is None
    assert body["ledger"]["pair"] == ["RUS", "GEO"]
    assert isinstance(body["ledger"]["threads"], list)


def test_relations_period_filter(client) -> None:
    body = client.get("/relations/geo/rus", params={"since": "2012-05", "until": "2012-05"}).json()
    assert [m["month"] for m in body["monthly"]] == ["2012-05"]


def test_actors_and_pairs(client) -> None:
    body = client.get("/actors").json()
    assert body["actors"][0] == {"code": "GEO", "as_actor": 2, "as_recipient": 2}
    assert body["pairs"][0] == {"a": "GEO", "b": "RUS", "events": 4}


def test_stats(client) -> None:
    stats = client.get("/stats").json()
    assert (stats["articles"], stats["events"], stats["by_type"]["ACCUSE"]) == (3, 5, 2)
    assert stats["by_quad"] == {"verbal_conflict": 2, "verbal_cooperation": 3}


def test_openapi_lists_every_endpoint(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/relations/{a}/{b}", "/actors", "/stats", "/health", "/articles"} <= set(
        paths
    )
    assert "requestBody" in paths["/articles"]["post"]
    # Error answers are documented in the one shape, not FastAPI's default validation body.
    error_ref = {"$ref": "#/components/schemas/ErrorOut"}
    for status in ("401", "413", "422"):
        assert paths["/articles"]["post"]["responses"][status]["content"]["application/json"]["schema"] == error_ref


def test_docs_page_is_offline(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/apidocs.js" in page.text and "/openapi.json" in page.text
    assert "http://" not in page.text and "https://" not in page.text and "cdn" not in page.text.lower()


@pytest.mark.parametrize("fmt", ["gdelt", "gdelt-mentions", "polecat"])
def test_events_in_a_layout_match_the_query_export(client, store, fmt) -> None:
    from detente.store import export_events

    response = client.get("/events", params={"format": fmt, "actor": "RUS"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    out = io.StringIO()
    export_events(store, fmt, out, actor="RUS")
    assert response.text == out.getvalue() and response.text


def test_events_in_an_unknown_format_is_422(client) -> None:
    assert client.get("/events", params={"format": "xml"}).status_code == 422
