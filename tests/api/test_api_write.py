"""POST /articles: token, body limits, malformed bodies, read-only mode; one error shape everywhere."""

from __future__ import annotations

import pytest
from eventkit import keyword_coder
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.errors import DetenteError

TOKEN = "test-token-123"  # as in conftest.py
ONE = {"articles": [{"id": "n1", "text": "Moldova agreed with Russia on gas.", "date": "2013-01-05"}]}


def _event_count(client) -> int:
    return client.get("/stats").json()["events"]


def test_post_codes_stores_and_returns_events(client, auth) -> None:
    response = client.post("/articles", json=ONE, headers=auth)
    assert response.status_code == 201
    body = response.json()
    assert body["report"] == {
        "read": 1,
        "coded": 1,
        "unchanged": 0,
        "replaced": 0,
        "events_stored": 1,
        "events_removed": 0,
        "failed": 0,
        "failures": [],
        "copies": 0,
        "copies_found": [],
    }
    [article] = body["articles"]
    assert [(e["event"], e["actor"][0]["code"], e["recipient"][0]["code"]) for e in article["events"]] == [
        ("AGREE", "MDA", "RUS")
    ]
    assert client.get("/events", params={"actor": "MDA"}).json()["total"] == 1
    again = client.post("/articles", json=ONE, headers=auth).json()
    assert again["report"]["unchanged"] == 1 and len(again["articles"][0]["events"]) == 1


@pytest.mark.parametrize("body", [ONE["articles"][0], ONE["articles"]])
def test_post_accepts_a_bare_article_or_a_list(client, auth, body) -> None:
    assert client.post("/articles", json=body, headers=auth).json()["report"]["coded"] == 1


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}],
)
def test_post_without_the_right_token_is_401_and_stores_nothing(client, headers) -> None:
    before = _event_count(client)
    response = client.post("/articles", json=ONE, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "E138"
    assert response.headers["www-authenticate"] == "Bearer"
    assert _event_count(client) == before
    # Even a malformed body is refused for the token first.
    assert client.post("/articles", content=b"{", headers=headers).status_code == 401


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        b'{"articles": [{"text": "no id"}]}',
        b'{"id": "", "text": "x"}',
        b'"text"',
        b'{"articles": [{"id": "d", "text": "t", "date": "March"}]}',
    ],
)
def test_malformed_bodies_are_422(client, auth, content) -> None:
    before = _event_count(client)
    response = client.post("/articles", content=content, headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E140"
    assert _event_count(client) == before


def test_body_over_the_limit_by_content_length_is_413(store, auth) -> None:
    small = TestClient(create_app(store, token=TOKEN, coder=keyword_coder, max_body_bytes=100))
    response = small.post("/articles", json={"id": "big", "text": "x" * 200}, headers=auth)
    assert response.status_code == 413
    assert response.json() == {
        "error": {"status": 413, "code": "E139", "message": "[E139] Request body larger than 100 bytes"}
    }
    assert small.get("/events", params={"actor": "XXX"}).json()["total"] == 0


def test_streamed_body_over_the_limit_is_413(store, auth) -> None:
    small = TestClient(create_app(store, token=TOKEN, coder=keyword_coder, max_body_bytes=100))

    def chunks():  # no Content-Length: the limit must hold while the body streams in
        for _ in range(10):
            yield b"x" * 50

    response = small.post("/articles", content=chunks(), headers=auth)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E139"


def test_read_only_server_refuses_posts(store, auth) -> None:
    ro = TestClient(create_app(store, read_only=True))
    response = ro.post("/articles", json=ONE, headers=auth)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "E144"
    assert ro.get("/health").json()["read_only"] is True


def test_writable_server_without_token_refuses_to_start(store) -> None:
    with pytest.raises(DetenteError, match=r"\[E137\]"):
        create_app(store)


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/nowhere", 404, "E141"),
        ("delete", "/events", 405, "E147"),
        ("get", "/events?limit=0", 422, "E140"),
        ("get", "/events?type=HUG", 422, "E146"),
        ("get", "/events?actor=R%3CB%3E", 422, "E142"),
        ("get", "/events?since=yesterday", 422, "E135"),
        ("get", "/events?pair=RUS", 422, "E146"),
        ("get", "/relations/R%3CB%3E/GEO", 422, "E142"),
        ("get", "/static/..%2Fapi%2Fapp.py", 404, "E141"),
    ],
)
def test_every_error_has_the_one_shape(client, method, path, status, code) -> None:
    response = getattr(client, method)(path)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert {"status", "code", "message"} <= set(body["error"])
    assert (body["error"]["status"], body["error"]["code"]) == (status, code)
    assert body["error"]["message"].startswith(f"[{code}]")


def test_article_the_coder_fails_on_is_reported_not_stored(store, auth) -> None:
    def broken_coder(articles):
        raise RuntimeError("boom")

    app = TestClient(create_app(store, token=TOKEN, coder=broken_coder))
    response = app.post("/articles", json=ONE, headers=auth)
    assert response.status_code == 201
    body = response.json()
    assert (body["report"]["failed"], body["report"]["failures"]) == (1, [["n1", "RuntimeError: boom"]])
    assert body["articles"] == [{"id": "n1", "events": []}]
    assert app.get("/events", params={"actor": "MDA"}).json()["total"] == 0


def test_unexpected_failure_is_500_in_the_error_shape(store, monkeypatch) -> None:
    app = TestClient(create_app(store, token=TOKEN, coder=keyword_coder), raise_server_exceptions=False)

    def broken_stats():
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "stats", broken_stats)
    response = app.get("/stats")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"status": 500, "code": "E143", "message": "[E143] Internal server error: RuntimeError"}
    }
