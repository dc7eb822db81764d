"""Tables and ledger text fit the terminal (issue 19): ids whole, long cells wrapped, columns steady."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli.main import cli
from detente.formats import format_event_table
from detente.model import Entity, Event
from detente.terminal import Column, format_table, terminal_width, wrap_cell

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _event(doc: str, index: int, kind: str, mode: str = "", actor: str = "RUS", trigger: str = "met") -> Event:
    return Event(
        doc_id=doc,
        event_id=f"{doc}-{index}-{kind}",
        event=kind,
        mode=mode,
        actor=[Entity(text=actor, code=actor)],
        recipient=[Entity(text="Georgia", code="GEO")],
        date="2021-06-03",
        sentence_index=index,
        sentence=f"Sentence {index} of {doc} says at some length what the two governments did that week, "
        "in words enough to need a second line at any ordinary width.",
        trigger=trigger,
    )


EVENTS = [
    _event("a-rather-long-document-identifier-from-a-feed-2021", 0, "CONSULT"),
    _event("a-rather-long-document-identifier-from-a-feed-2021", 0, "ASSAULT", "crowd-control", "GEO"),
    _event("second-article", 3, "AGREE", actor="RUS;GEO", trigger="signed a framework agreement on transit"),
]


@pytest.mark.parametrize("width", [70, 80, 100, 120, 160])
def test_event_table_fits_the_width_and_keeps_ids_whole(width: int) -> None:
    text = format_event_table(EVENTS, width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "== a-rather-long-document-identifier-from-a-feed-2021" in lines
    assert "== second-article" in lines
    # the sentence is there whole, wrapped under its events
    assert "in words enough to need a second line" in " ".join(" ".join(text.split()).split())


@pytest.mark.parametrize("width", [80, 120])
def test_a_long_type_does_not_shift_the_columns(width: int) -> None:
    lines = format_event_table(EVENTS, width).splitlines()
    header = lines[0]
    rows = [line for line in lines if line[:2] in ("0 ", "3 ")]
    assert len(rows) == 3
    # each row's recipient starts where the header's "recipient" does, whatever the event type's length
    at = header.index("recipient")
    assert all(row[at : at + 3] == "GEO" for row in rows), rows


def test_the_sentence_is_printed_once_per_sentence() -> None:
    text = format_event_table(EVENTS, 120)
    assert text.count("Sentence 0 of") == 1
    assert text.count("Sentence 3 of") == 1


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("IGOAFRAFU/GOV;RUS/GOV", 14, ["IGOAFRAFU/GOV;", "RUS/GOV"]),
        ("RUS/GOV;GEO", 8, ["RUS/GOV;", "GEO"]),
        ("historical,background", 12, ["historical,", "background"]),
        ("SANCTION:withdraw", 10, ["SANCTION:", "withdraw"]),
        ("two words", 20, ["two words"]),
        ("", 5, [""]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_wrap_cell_breaks_after_spaces_and_separators(text: str, width: int, lines: list[str]) -> None:
    assert wrap_cell(text, width) == lines


def test_generic_table_wraps_only_wrapping_columns() -> None:
    columns = [Column("doc_id"), Column("trigger", wrap=True, min_width=6)]
    rows = [("an-identifier-that-must-stay-whole", "a trigger of several words that will wrap")]
    lines = format_table(columns, rows, width=50).splitlines()
    assert max(len(line) for line in lines) <= 50
    assert lines[1].startswith("an-identifier-that-must-stay-whole  ")
    assert len(lines) > 2


def test_terminal_width_reads_columns(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "93")
    assert terminal_width() == 93


@pytest.mark.parametrize("columns", [80, 120])
def test_code_table_on_the_examples_fits_columns(nlp, columns: int) -> None:
    result = CliRunner().invoke(cli, ["code", str(EXAMPLES), "--workers", "1"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 20
    assert max(len(line) for line in lines) <= columns
    assert "== russia-georgia-flights-2023" in lines


def test_relations_text_fits_100_columns(nlp) -> None:
    args = ["relations", "RUS", "GEO", str(EXAMPLES / "articles.jsonl")]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith("== transport") for line in lines)
    assert max(len(line) for line in lines) <= 100, max(lines, key=len)
