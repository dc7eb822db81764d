"""rewrites.tsv: every row's example codes the row's new type and mode, by that row; the table loads a
user's rows first and names the file and line of a bad row."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.events.lexicon import DATA_DIR, load_lexicon
from detente.events.rewrites import load_rewrites
from detente.explain import explain

ROWS = load_rewrites(DATA_DIR / "rewrites.tsv", "rewrites.tsv")


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.source}:{r.step}:{r.to_event}" for r in ROWS])
def test_example_codes_the_rows_type_and_mode_by_the_row(row, nlp) -> None:
    report = explain(row.example)
    events = [e for s in report["sentences"] for e in s["events"]]
    by_row = [e for e in events if any(row.source in note for note in e["notes"])]
    assert by_row, f"{row.source} did not fire on {row.example!r}: {[(e['event'], e['notes']) for e in events]}"
    event = by_row[0]
    assert event["event"] == row.to_event
    if row.to_mode and not row.to_mode.startswith("@"):
        assert event["mode"] == row.to_mode


def test_every_step_and_condition_has_a_shipped_row() -> None:
    assert {r.step for r in ROWS} == {"actors", "forces", "tense", "negation", "sentence", "noun"}
    assert {r.when for r in ROWS} >= {"future", "promised", "readied", "unless", "refused", "delivered"}


HEADER = "step\twhen\ttype\tmode\targument\tto_type\tto_mode\tnote\texample\n"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("later\t-\tAGREE\t\t\tREJECT\t\tx\tx\n", "step must be"),
        ("tense\tsomeday\tAGREE\t\t\tREJECT\t\tx\tx\n", "when must be"),
        ("tense\t-\tAGREE\tvisit\t\tREJECT\t\tx\tx\n", "not a mode of AGREE"),
        ("tense\t-\tAGREE\t\tactors:generals\tREJECT\t\tx\tx\n", "no class 'generals' for actors"),
        ("tense\t-\tAGREE\t\tvictim:state\tREJECT\t\tx\tx\n", "is not role:class"),
        ("tense\t-\tAGREE\t\t\tREJECT\t@mood\tx\tx\n", "to_mode '@mood'"),
    ],
)
def test_bad_rows_name_file_line_and_reason(tmp_path: Path, row: str, reason: str) -> None:
    path = tmp_path / "rewrites.tsv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"rewrites.tsv:2: .*{reason}"):
        load_rewrites(path, "rewrites.tsv")


def test_a_users_rows_are_tried_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    """A user who codes any future aid as a plain AID (no promise) puts the row in their overlay."""
    (tmp_path / "rewrites.tsv").write_text(
        HEADER + "tense\tfuture\tAID\t\t\tAID\t\tthe user's choice\tJapan will send food aid to Haiti.\n",
        encoding="utf-8",
    )
    load_lexicon.cache_clear()
    try:
        lexicon = load_lexicon(str(tmp_path))
        future_aid = [r for r in lexicon.rewrites if r.step == "tense" and r.event == "AID"]
        assert future_aid[0].source.endswith("rewrites.tsv:2") and future_aid[0].to_event == "AID"
        assert future_aid[1].source.startswith("rewrites.tsv:")
    finally:
        load_lexicon.cache_clear()


def test_a_subject_class_no_file_defines_is_an_error_naming_the_row(tmp_path: Path) -> None:
    (tmp_path / "rewrites.tsv").write_text(HEADER + "tense\t-\tAGREE\t\tsubject:generals\tREJECT\t\tx\tx\n")
    load_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"rewrites.tsv:2: .*no class 'generals' for subject"):
            load_lexicon(str(tmp_path))
    finally:
        load_lexicon.cache_clear()
