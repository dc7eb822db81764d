"""Inputs for the batch tests; helpers live in batch_corpus.py (a unique name: several conftest.py exist)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from batch_corpus import corpus_records, write_jsonl  # noqa: E402


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A JSONL corpus of 120 articles and 6 bad rows."""
    return write_jsonl(tmp_path / "corpus.jsonl", corpus_records(120), bad_rows_every=20)
