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


def test_issue18_a_pairs_ledger_is_built_once_per_store_version(client, auth, monkeypatch):
    import detente.api.app as app_module

    built = []
    real = app_module.build_ledger
    monkeypatch.setattr(app_module, "build_ledger", lambda *args, **kw: built.append(args[1:3]) or real(*args, **kw))
    first = client.get("/relations/RUS/GEO").json()
    assert client.get("/relations/RUS/GEO").json() == first
    assert built == [("RUS", "GEO")]
    posted = client.post("/articles", json={"id": "n1", "text": "Russia attacked Georgia.", "date": "2012-08-08"},
                         headers=auth)
    assert posted.status_code == 201
    after = client.get("/relations/RUS/GEO").json()
    assert built == [("RUS", "GEO")] * 2 and after["events"] == first["events"] + 1
