"""Issue 18, item 12: one exit-code scheme for every command (docs/cli.md, "Exit codes"), each rejection
printed once, and a final count line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import detente.cli.code as code_cli
from detente.cli.exits import EXIT_INTERNAL, EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from detente.cli.main import cli

GOOD = {"id": "good-1", "text": "Norway signed a fishing accord with Iceland on Monday.", "date": "2015-06-01"}


def _jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _invoke(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr.splitlines()


def test_issue18_all_coded_exits_0(tmp_path):
    inputs = _jsonl(tmp_path / "in.jsonl", json.dumps(GOOD))
    status, stderr = _invoke("code", str(inputs), "--workers", "1", "--format", "jsonl")
    assert status == EXIT_OK
    assert stderr[-1].startswith("read 1, coded 1, rejected 0")


def test_issue18_code_prints_each_rejection_once_and_exits_1(tmp_path):
    inputs = _jsonl(tmp_path / "in.jsonl", json.dumps(GOOD), "{this line is broken", '{"id": "x"}')
    status, stderr = _invoke("code", str(inputs), "--workers", "1", "--format", "jsonl")
    assert status == EXIT_REJECTED
    assert sum(f"{inputs}:2:" in line for line in stderr) == 1, stderr
    assert sum(f"{inputs}:3:" in line for line in stderr) == 1, stderr
    assert not any(line.startswith("WARNING") for line in stderr), stderr
    assert stderr[-1].startswith("read 3, coded 1, rejected 2")


def test_issue18_load_with_two_rejects_exits_1_not_2(tmp_path):
    inputs = _jsonl(tmp_path / "in.jsonl", json.dumps(GOOD), "[1, 2", "not json either")
    result = CliRunner().invoke(cli, ["load", str(inputs), "--db", str(tmp_path / "s.duckdb"), "--workers", "1"])
    assert result.exit_code == EXIT_REJECTED, result.output
    stderr = result.stderr.splitlines()
    assert sum(f"{inputs}:2:" in line for line in stderr) == 1, stderr
    assert not any(line.startswith("WARNING") for line in stderr), stderr
    assert result.stdout.splitlines()[-1].startswith("read 1, coded 1, unchanged 0, replaced 0, rejected 2")


@pytest.mark.parametrize(
    "args",
    [
        ("code", "x.txt", "--date", "last tuesday"),  # a numbered error from an option
        ("code", "x.txt", "--workers", "0"),  # click's own range check
        ("code",),  # a missing argument
        ("no-such-command",),
        ("query", "--db", "/nonexistent/dir/store.duckdb"),  # a numbered error from the library
    ],
)
def test_issue18_usage_errors_exit_2(args):
    status, stderr = _invoke(*args)
    assert status == EXIT_USAGE, stderr


def _explode(*args, **kwargs):
    raise RuntimeError("the coder fell over")


def test_issue18_internal_error_exits_3_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(code_cli, "read_articles", _explode)
    status, stderr = _invoke("code", str(tmp_path))
    assert status == EXIT_INTERNAL
    assert stderr == ["internal error: RuntimeError: the coder fell over (run with --verbose for the traceback)"]


def test_issue18_internal_error_shows_traceback_under_verbose(tmp_path, monkeypatch):
    monkeypatch.setattr(code_cli, "read_articles", _explode)
    status, stderr = _invoke("--verbose", "code", str(tmp_path))
    assert status == EXIT_INTERNAL
    assert stderr[0] == "Traceback (most recent call last):"
    assert stderr[-1] == "internal error: RuntimeError: the coder fell over"
