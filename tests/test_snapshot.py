"""The coder's output on the comparison corpus is byte-identical to the committed snapshot.

A refactoring must keep it so; a change of behaviour regenerates it on purpose (`make snapshot`) in the
same commit, so that the diff of tests/snapshot/events.jsonl shows every event it changed.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "snapshot.py"


def _snapshot_module():
    spec = importlib.util.spec_from_file_location("snapshot", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


snapshot = _snapshot_module()


def test_committed_corpus_is_the_repositorys_texts() -> None:
    committed = [json.loads(line) for line in snapshot.CORPUS.read_text(encoding="utf-8").splitlines()]
    assert committed == snapshot.repository_corpus(), "a gold text, example or lexicon example changed: make snapshot"


def test_output_on_the_corpus_is_byte_identical(nlp) -> None:
    changed, old, new = snapshot.changed_repository_documents()
    first = changed[0] if changed else None
    assert not changed, (
        f"{len(changed)} documents code differently (make snapshot if intended): {changed[:10]}; "
        f"first: was {old.get(first, [])[:2]}, now {new[first][:2]}"
    )


def test_dev_output_digests_are_unchanged(nlp) -> None:
    shared = snapshot.shared_dir()
    if shared is None:
        pytest.skip("no ../shared on this machine: the dev digests are checked where the dev sets are")
    changed, _ = snapshot.changed_dev_documents(shared)
    assert not changed, f"{len(changed)} dev documents code differently (make snapshot if intended): {changed[:10]}"
