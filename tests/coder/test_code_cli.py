"""`detente code` keeps negated and background events out of its output unless asked."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.cli.main import cli

TEXT = "US-backed Kurdish fighters captured the town of Raqqa. Turkey did not attack the town."


@pytest.mark.slow
@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], {("ASSAULT", False, False)}),
        (["--include-background"], {("ASSAULT", False, False), ("SUPPORT", False, True)}),
        (["--include-negated"], {("ASSAULT", False, False), ("ASSAULT", True, False)}),
    ],
)
def test_code_writes_background_and_negated_events_only_when_asked(tmp_path, flags, expected) -> None:
    article = tmp_path / "article.jsonl"
    article.write_text(json.dumps({"id": "a", "text": TEXT, "date": "2017-06-10"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", "--workers", "1", "--format", "jsonl", *flags, str(article)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {(e["event"], e["negated"], e["background"]) for e in events} == expected
