"""Shared fixtures: the coding pipeline is loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from detente import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def code(nlp):
    """Code a text published on a date; returns the events."""
    from detente import code_article

    def run(text: str, date: str | None = "2012-03-02", doc_id: str = "t"):
        return code_article({"id": doc_id, "text": text, "date": date}, nlp=nlp)

    return run
