"""Issue 18: a read-only server answers from the last swapped-in state of a store a load writes."""

from __future__ import annotations

from eventkit import keyword_coder
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.model import Article
from detente.store import open_store
from detente.store.staging import StagedWrites


def test_issue18_a_read_only_server_follows_a_staged_load(tmp_path):
    path = str(tmp_path / "served.duckdb")
    with StagedWrites(path) as store:
        store.load([Article(id="a1", text="Russia agreed with Georgia.", date="2012-03-02")], coder=keyword_coder)
    server = open_store(path, read_only=True)
    client = TestClient(create_app(server, read_only=True))
    first = client.get("/events", params={"actor": "RUS", "limit": 10}).json()
    assert first["total"] == 1 and [e["doc_id"] for e in first["events"]] == ["a1"]
    with StagedWrites(path) as store:
        store.load([Article(id="a2", text="Russia accused Georgia.", date="2012-04-02")], coder=keyword_coder)
        # committed and swapped in: the cached page of before is not served again
        page = client.get("/events", params={"actor": "RUS", "limit": 10}).json()
        assert page["total"] == 2 and [e["doc_id"] for e in page["events"]] == ["a1", "a2"]
    assert client.get("/stats").json()["events"] == 2
    server.close()
