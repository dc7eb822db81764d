"""Issue 18, item 11: out-of-range numbers, bad dates and impossible pairs are 4xx with the field named,
never a 500 or a 200 with an error inside."""

from __future__ import annotations

import pytest

TOKEN = "test-token-123"  # as in conftest.py
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize(
    ("path", "status", "code", "named"),
    [
        ("/events?offset=99999999999999999999", 422, "E140", "query.offset"),
        ("/events?offset=-1", 422, "E140", "query.offset"),
        ("/events?limit=99999999999999999999", 422, "E140", "query.limit"),
        ("/events?offset=ten", 422, "E140", "query.offset"),
        ("/relations/RUS/GEO?as_of=yesterday", 422, "E005", "'yesterday'"),
        ("/relations/RUS/GEO?as_of=2012-02-30", 422, "E005", "'2012-02-30'"),
        ("/relations/RUS/GEO?as_of=20120302", 422, "E005", "'20120302'"),
        ("/relations/RUS/RUS", 422, "E113", "'RUS'"),
        ("/relations/rus/RUS", 422, "E113", "'RUS'"),
        ("/relations/RUS/XQZ", 404, "E141", "'XQZ'"),
    ],
)
def test_issue18_bad_query_values_are_client_errors(client, path, status, code, named):
    response = client.get(path)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert named in error["message"]


def test_issue18_a_good_as_of_and_a_huge_but_valid_offset_still_answer(client):
    assert client.get("/relations/RUS/GEO?as_of=2012-04-01").json()["ledger"]["as_of"] == "2012-04-01"
    assert client.get(f"/events?offset={2**63 - 1}").json()["events"] == []


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"id": "x"}, "text: Field required"),
        ({"id": "x", "text": "Peru met Chile.", "date": "yesterday"}, "date: "),
        ({"articles": [{"id": "x", "text": "Peru met Chile."}, {"id": "y"}]}, "articles.1.text: Field required"),
        ([{"id": "x", "text": "Peru met Chile."}, {"text": "Chile met Peru."}], "1.id: Field required"),
        ({"text": "Peru met Chile."}, "id: Field required"),
    ],
)
def test_issue18_a_bad_post_names_the_field_at_fault(client, body, named):
    response = client.post("/articles", json=body, headers=AUTH)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "E140"
    assert named in error["message"], error["message"]


@pytest.mark.parametrize(("raw", "reason"), [(b"{not json", "not JSON"), (b"[" * 100_000, "nested too deeply")])
def test_issue18_a_body_that_is_not_json_is_422(client, raw, reason):
    response = client.post("/articles", content=raw, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert reason in response.json()["error"]["message"]
