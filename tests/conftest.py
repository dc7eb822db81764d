"""Shared fixtures: the coding pipeline is loaded once per test session.

`make test-fast` runs pytest with --hypothesis-profile=fast: each property test then tries at most
FAST_EXAMPLES examples instead of its own count; `make test` keeps every test's full count.
"""

from __future__ import annotations

import pytest
from hypothesis import settings

FAST_EXAMPLES = 10
settings.register_profile("fast", max_examples=FAST_EXAMPLES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under the fast profile, cap the examples of the tests that set their own (larger) count."""
    if config.getoption("hypothesis_profile", None) != "fast":
        return
    for item in items:
        test = getattr(item, "obj", None)
        # where @settings keeps a test's own settings (hypothesis's @seed sets it the same way)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is not None and own.max_examples > FAST_EXAMPLES:
            test._hypothesis_internal_use_settings = settings(own, max_examples=FAST_EXAMPLES)


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
