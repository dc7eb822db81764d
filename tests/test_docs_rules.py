"""The constructions and resolution rules are documented once, in their docstrings, and docs/coding.md and
docs/actors.md list them in the order the code runs them (scripts/docs_rules.py writes the lists)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from detente.events.constructions import NOUN_CONSTRUCTIONS, REGISTRY, VERB_CONSTRUCTIONS

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "docs_rules.py"


def _script():
    spec = importlib.util.spec_from_file_location("docs_rules", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_list_the_rules_as_the_code_runs_them() -> None:
    assert _script().main(["--check"]) == 0, "run `python scripts/docs_rules.py`"


def test_every_registered_construction_runs_in_one_of_the_orders() -> None:
    ordered = [c.name for c in (*VERB_CONSTRUCTIONS, *NOUN_CONSTRUCTIONS)]
    assert sorted(ordered) == sorted(REGISTRY) and len(set(ordered)) == len(ordered)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_construction_has_an_example_and_an_anchor(name: str) -> None:
    summary = REGISTRY[name].summary
    assert re.search(r'"[^"]+"', " ".join((REGISTRY[name].run.__doc__ or "").split())), f"{name}: no example"
    assert summary and f'<a id="{name}"></a>' in (SCRIPT.parent.parent / "docs" / "coding.md").read_text()
