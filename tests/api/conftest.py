"""Fixtures for the API tests: a store filled by the keyword coder and a test client over it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))  # shared hand-made events: tests/store/eventkit.py

from eventkit import XSS_TEXT, keyword_coder, open_copy  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from detente.api import create_app  # noqa: E402
from detente.model import Article  # noqa: E402
from detente.store import open_store  # noqa: E402

TOKEN = "test-token-123"
ARTICLES = [
    Article(
        id="a1",
        text="Russia agreed with Georgia on wine. France met Germany.",
        date=date(2012, 3, 2),
        url="https://www.example.org/a1",
        title="Wine",
    ),
    Article(id="a2", text="Georgia accused Russia of spying.", date=date(2012, 5, 9), url="https://other.example/a2"),
    Article(id="x1", text=XSS_TEXT, date=date(2012, 6, 1), url="javascript:alert(1)"),
]


@pytest.fixture(scope="session")
def loaded_store_file(tmp_path_factory) -> Path:
    """A closed store file holding ARTICLES, made once: each test gets a copy (opening a new store and
    loading it costs three times as much as opening a copy)."""
    path = tmp_path_factory.mktemp("api-template") / "api.duckdb"
    with open_store(str(path)) as made:
        made.load(ARTICLES, coder=keyword_coder)
    return path


@pytest.fixture
def store(tmp_path, loaded_store_file):
    yield from open_copy(loaded_store_file, tmp_path)


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store, token=TOKEN, coder=keyword_coder))


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
