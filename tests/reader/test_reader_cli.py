"""The shared --*-column options reach the reader in every command that takes them (issue 16)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))  # the keyword coder: tests/store/eventkit.py

from eventkit import keyword_coder  # noqa: E402

import detente  # noqa: E402
from detente.cli.main import cli  # noqa: E402

EXPORT = "Headline,Body,When\nTalks,Russia agreed with Georgia.,2023-05-10T10:00:00Z\n"


@pytest.fixture
def export(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(detente, "code_articles", keyword_coder)
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_load_reads_the_columns_it_is_told(export, tmp_path):
    db = str(tmp_path / "x.duckdb")
    args = ["load", str(export), "--db", db, "--workers", "1"]
    named = ["--id-column", "headline", "--text-column", "Body", "--date-column", "When"]
    result = CliRunner().invoke(cli, [*args, *named])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("read 1, coded 1")
    stored = CliRunner().invoke(cli, ["query", "--db", db, "--format", "jsonl", "--doc-id", "Talks"])
    assert '"date":"2023-05-10"' in stored.output


def test_without_them_the_error_lists_the_columns(export, tmp_path):
    export.write_text(EXPORT.replace("Body", "Story"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(export), "--db", str(tmp_path / "x.duckdb"), "--workers", "1"])
    assert result.exit_code != 0
    assert f"rejected {export}:1: columns found: Headline, Story, When; expected text: one of text" in result.output
