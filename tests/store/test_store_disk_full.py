"""Issue 18, item 8: a full disk is one line naming the cause, and the store is left as it was."""

from __future__ import annotations

import json
import subprocess
import uuid

import duckdb
import pytest
from click.testing import CliRunner
from eventkit import keyword_coder

import detente
from detente.cli.main import EXIT_INTERNAL, cli
from detente.errors import DiskFull
from detente.model import Article
from detente.store import open_store
from detente.store.store import Store

FULL = 'Failed to commit: Could not write file "store.duckdb.wal": No space left on device'


class _FullDiskCursor:
    """A cursor whose COMMIT fails as DuckDB's does on a full disk: the transaction is gone, and a
    ROLLBACK after it fails with "cannot rollback - no transaction is active"."""

    def __init__(self, cursor) -> None:
        self._cursor = cursor

    def execute(self, sql, *args):
        if sql == "COMMIT":
            self._cursor.execute("ROLLBACK")
            raise duckdb.TransactionException(FULL)
        return self._cursor.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._cursor.close()


@pytest.fixture
def disk_fills(monkeypatch):
    """Call it to make every later store write fail as on a full disk."""
    real_cursor = Store.cursor

    def fill() -> None:
        monkeypatch.setattr(Store, "cursor", lambda self: _FullDiskCursor(real_cursor(self)))

    return fill


def _articles(*ids: str) -> list[Article]:
    return [Article(id=i, text=f"Russia agreed with Georgia on {i}.", date="2012-03-02") for i in ids]


def _contents(path) -> list[tuple]:
    with open_store(str(path), read_only=True) as store:
        return store.sql("SELECT a.id, count(e.event_id) FROM articles a LEFT JOIN events e ON e.doc_id = a.id "
                         "GROUP BY a.id ORDER BY a.id")[1]


def test_issue18_a_full_disk_is_one_named_error_and_the_store_is_intact(tmp_path, disk_fills):
    path = tmp_path / "store.duckdb"
    with open_store(str(path)) as store:
        store.load(_articles("a1", "a2"), coder=keyword_coder)
    before = _contents(path)
    disk_fills()
    with open_store(str(path)) as store, pytest.raises(DiskFull) as raised:
        store.load(_articles("a3") + [Article(id="a1", text="Georgia accused Russia.", date="2012-03-03")],
                   coder=keyword_coder)
    message = str(raised.value)
    assert message.startswith("[E172] The disk is full") and "No space left on device" in message
    assert "cannot rollback" not in message
    assert _contents(path) == before


def test_issue18_load_on_a_full_disk_exits_3_with_one_line(tmp_path, disk_fills, monkeypatch):
    monkeypatch.setattr(detente, "code_articles", keyword_coder)
    path = tmp_path / "store.duckdb"
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps(a.model_dump(mode="json")) + "\n" for a in _articles("b1", "b2")))
    CliRunner().invoke(cli, ["load", str(inputs), "--db", str(path), "--workers", "1"])
    before = _contents(path)
    inputs.write_text("".join(json.dumps(a.model_dump(mode="json")) + "\n" for a in _articles("b3", "b4")))
    disk_fills()
    result = CliRunner().invoke(cli, ["load", str(inputs), "--db", str(path), "--workers", "1"])
    assert result.exit_code == EXIT_INTERNAL
    assert result.stderr.splitlines() == [result.stderr.splitlines()[-1]]
    assert result.stderr.startswith("error: [E172] The disk is full: writing to ")
    assert "cannot rollback" not in result.output
    assert _contents(path) == before


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs, where the machine lets this process mount one."""
    mount = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_issue18_a_really_full_disk_keeps_every_committed_chunk(small_disk):
    path = small_disk / "store.duckdb"
    stored: list[str] = []
    filler = "the delegates spoke at length about quotas and tariffs " * 300
    with open_store(str(path)) as store, pytest.raises(DiskFull, match=r"\[E172\]"):
        for round_ in range(200):
            batch = [Article(id=f"r{round_}-{i}", text=f"Russia agreed with Georgia. {filler} {round_} {i}",
                             date="2012-03-02") for i in range(10)]
            store.load(batch, coder=keyword_coder)
            stored += [a.id for a in batch]
    assert stored, "the disk filled before the first chunk"
    assert [row[0] for row in _contents(path)] == sorted(stored)


def test_issue18_post_on_a_full_disk_is_507(tmp_path, disk_fills):
    from fastapi.testclient import TestClient

    from detente.api import create_app

    token = "k" + "".join(chr(ord("a") + i) for i in range(26)) + "0123456789"
    with open_store(str(tmp_path / "store.duckdb")) as store:
        client = TestClient(create_app(store, token=token, coder=keyword_coder))
        disk_fills()
        response = client.post("/articles", json={"id": "c1", "text": "Russia met Georgia."},
                               headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 507
    assert response.json()["error"]["code"] == "E172"
