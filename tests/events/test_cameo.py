"""CAMEO codes (issue 14): every type and mode detente can emit has one in cameo.tsv, the file is what
scripts/make_cameo.py writes from the CAMEO-to-PLOVER table, the coder gives events the codes of their type,
mode and contexts, and a user's cameo.tsv overrides rows or is refused with its file and line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.events.cameo import CameoTable
from detente.events.lexicon import DATA_DIR, load_cameo, load_lexicon
from detente.model import INTENSITY, MODES, PLOVER_TYPES
from detente.tables import read_tsv

ROOT = Path(__file__).resolve().parents[2]
HEADER = "type\tmode\tcontext\tcameo_code\tcameo_root\n"
EMITTED = [(t, m) for t in PLOVER_TYPES for m in ("", *sorted(MODES[t]))]


@pytest.fixture(scope="module")
def shipped(monkeypatch_module) -> CameoTable:
    load_cameo.cache_clear()
    yield load_cameo()
    load_cameo.cache_clear()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DETENTE_LEXICON", raising=False)
        yield patch


def test_every_emitted_type_and_mode_is_every_score() -> None:
    # What detente can emit: each type with no mode and each of its modes, as the score table lists them.
    assert {f"{t}:{m}" if m else t for t, m in EMITTED} == set(INTENSITY)


@pytest.mark.parametrize(("event_type", "mode"), EMITTED)
def test_every_type_and_mode_has_a_row_of_its_own(shipped: CameoTable, event_type: str, mode: str) -> None:
    code = shipped.rows.get((event_type, mode, ""))
    assert code is not None, f"no row for {event_type} {mode!r} in cameo.tsv"
    assert code.root == code.code[:2] and len(code.code) in (3, 4)


def test_every_row_has_its_source_and_a_note() -> None:
    rows = list(read_tsv(DATA_DIR / "cameo.tsv", ("cameo_text", "source", "note")))
    assert len(rows) >= len(EMITTED)
    for line, row in rows:
        assert row["source"].startswith("CAMEO2PLOVER-2021.txt:"), line
        assert row["note"] and row["cameo_text"], line


def test_the_file_is_what_the_script_writes(tmp_path: Path) -> None:
    """Rows are chosen by scripts/make_cameo.py, not by hand: a change goes there (docs/architecture.md)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_cameo

    if not make_cameo.default_table().exists():
        pytest.skip("no CAMEO2PLOVER table here (../shared/plover)")
    out = tmp_path / "cameo.tsv"
    assert make_cameo.main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DATA_DIR / "cameo.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("event_type", "mode", "contexts", "code"),
    [
        ("ASSAULT", "", [], "190"),  # the FIGHT root's base code
        ("ASSAULT", "", ["terrorism"], "190"),  # a context the table does not distinguish
        ("ASSAULT", "suicide-attack", ["military"], "1831"),  # a mode that pins a four-digit code
        ("AGREE", "", ["economic", "military"], "0311"),  # the first context that has a row wins
        ("AGREE", "", ["diplomatic", "economic"], "030"),  # ... even when it is the type's own code
        ("AGREE", "", ["military", "economic"], "0312"),
        ("SANCTION", "discontinue", ["diplomatic"], "161"),
        ("SANCTION", "discontinue", ["health"], "160"),
        ("SANCTION", "convict", [], "116"),  # the manual over the table: finding guilty is SANCTION
        ("CONSULT", "multilateral", ["diplomatic"], "040"),  # no CAMEO code for the mode: the type's
        ("ASSAULT", "no-such-mode", [], "190"),  # an unknown mode falls back to the type
    ],
)
def test_code_of_type_mode_and_contexts(
    shipped: CameoTable, event_type: str, mode: str, contexts: list[str], code: str
) -> None:
    found = shipped.code_of(event_type, mode, contexts)
    assert (found.code, found.root, found.base) == (code, code[:2], code[:3])


@pytest.mark.parametrize(
    ("text", "event", "mode", "expected"),
    [
        ("Russia agreed to expand trade with Georgia.", "AGREE", "", "0311"),
        ("The Turkish prime minister visited Germany.", "CONSULT", "visit", "042"),
        ("The Iranian foreign minister spoke by telephone with his Turkish counterpart.", "CONSULT", "phone", "041"),
        ("Rebels fired artillery at government positions in Syria.", "ASSAULT", "heavy-weapons", "194"),
        ("A suicide bomber attacked a police station in Kabul.", "ASSAULT", "suicide-attack", "1831"),
        ("France imposed sanctions on Iran.", "SANCTION", "discontinue", "163"),
        ("Georgia severed diplomatic relations with Russia.", "SANCTION", "discontinue", "161"),
        ("Venezuela expelled the American ambassador.", "SANCTION", "expel", "166"),
        ("Russia withdrew its troops from Georgia.", "RETREAT", "withdraw", "0874"),
        ("Thousands of workers went on strike in Athens.", "PROTEST", "strike", "143"),
    ],
)
def test_coded_sentences_carry_their_cameo_code(code, text: str, event: str, mode: str, expected: str) -> None:
    [found] = code(text)
    assert (found.event, found.mode) == (event, mode)
    assert (found.cameo_code, found.cameo_root) == (expected, expected[:2])


def _overlay(tmp_path: Path, text: str) -> str:
    (tmp_path / "cameo.tsv").write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_a_user_row_replaces_the_shipped_one_and_adds_new_ones(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, HEADER + "ASSAULT\t\t\t180\t18\nASSAULT\tdrone\tterrorism\t183\t18\n")
    table = load_cameo(overlay)
    assert table.code_of("ASSAULT").code == "180"
    assert table.code_of("ASSAULT", "drone", ["terrorism"]).code == "183"
    assert table.code_of("ASSAULT", "drone", ["military"]).code == "195"  # the shipped row
    assert load_lexicon(overlay).cameo.code_of("ASSAULT").code == "180"  # the coder reads the same table


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("ATTACK\t\t\t190\t19", "unknown event type"),
        ("ASSAULT\tstabbing\t\t190\t19", "is not a PLOVER mode of ASSAULT"),
        ("ASSAULT\t\tsports\t190\t19", "unknown context"),
        ("ASSAULT\t\t\t19\t19", "is not a CAMEO event code"),
        ("ASSAULT\t\t\t2101\t21", "is not a CAMEO event code"),
        ("ASSAULT\t\t\t190\t18", "is not the first two digits"),
    ],
)
def test_a_broken_user_row_names_file_and_line(tmp_path: Path, row: str, reason: str) -> None:
    overlay = _overlay(tmp_path, HEADER + "# a comment\n" + row + "\n")
    with pytest.raises(LexiconError) as error:
        load_cameo(overlay)
    message = str(error.value)
    assert message.startswith("[E020]") and f"{tmp_path / 'cameo.tsv'}:3:" in message
    assert reason in message
