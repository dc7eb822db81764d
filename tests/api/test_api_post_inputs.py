"""POST /articles reads pages, feeds, CSV exports, JSON lines and text as `detente load` reads files (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

SAME_STORY = Path(__file__).parents[1] / "reader" / "same-story"
URL = "https://wire.example.org/2023/05/10/armenia-turkey-border"


@pytest.mark.parametrize(
    ("name", "media_type", "article_id"),
    [
        ("article.html", "text/html; charset=utf-8", URL),
        ("feed.xml", "application/rss+xml", "example-wire-2023-05-10-0042"),
        ("export.csv", "text/csv", "20230510042"),
        ("article.jsonl", "application/x-ndjson", "example-wire-0042"),
    ],
)
def test_a_page_feed_export_or_json_lines_body_is_read_and_stored(client, auth, name, media_type, article_id):
    body = (SAME_STORY / name).read_bytes()
    response = client.post("/articles", content=body, headers={**auth, "Content-Type": media_type})
    assert response.status_code == 201, response.text
    answer = response.json()
    assert [a["id"] for a in answer["articles"]] == [article_id]
    assert answer["report"]["coded"] == 1 and answer["rejected"] == []


def test_a_plain_text_body_gets_a_hash_id(client, auth):
    headers = {**auth, "Content-Type": "text/plain"}
    response = client.post("/articles", content=b"Russia agreed with Moldova.", headers=headers)
    assert response.status_code == 201
    (article,) = response.json()["articles"]
    assert article["id"].startswith("sha1-") and article["events"]


def test_bad_rows_are_listed_and_the_rest_stored(client, auth):
    body = b'id,text\nr1,Russia agreed with Moldova.\nr2,\n'
    response = client.post("/articles", content=body, headers={**auth, "Content-Type": "text/csv"})
    assert response.status_code == 201
    assert response.json()["rejected"] == [{"line": 3, "reason": "missing or empty text"}]


def test_a_body_without_articles_is_422_with_the_reason(client, auth):
    response = client.post("/articles", content=b"url,headline\nhttps://x.org,T\n",
                           headers={**auth, "Content-Type": "text/csv"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "E140" and "columns found: url, headline" in error["message"]


def test_issue19_a_bad_byte_in_a_csv_header_is_422_naming_it_not_500(client, auth):
    response = client.post("/articles", content=b"id,t\x90xt\n1,Russia agreed with Moldova.\n",
                           headers={**auth, "Content-Type": "text/csv"})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "E140" and "columns found: id, t\\x90xt" in error["message"]
