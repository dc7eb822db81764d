"""Fixtures for the store tests: a fresh store per test."""

from __future__ import annotations

import pytest

from detente.store import Store, open_store


@pytest.fixture
def store(tmp_path) -> Store:
    opened = open_store(str(tmp_path / "events.duckdb"))
    yield opened
    opened.close()
