"""docs/batch.md documents every option of `detente batch` and every error of the batch range."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.cli.batch import command
from detente.errors import Errors

DOC = (Path(__file__).resolve().parents[2] / "docs" / "batch.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [o for p in command.params for o in p.opts if o.startswith("--")])
def test_every_batch_option_is_documented(option):
    assert f"`{option}" in DOC


@pytest.mark.parametrize("argument", ["INPUT", "OUTPUT_DIR"])
def test_arguments_are_documented(argument):
    assert f"`{argument}`" in DOC


@pytest.mark.parametrize("code", [f"E{n}" for n in range(150, 170) if hasattr(Errors, f"E{n}")])
def test_batch_errors_are_numbered_in_their_message(code):
    assert getattr(Errors, code).startswith(f"[{code}] ")
