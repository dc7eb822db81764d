"""actors/data words.tsv, code_classes.tsv and references.tsv: the word lists actor resolution reads are
data; a user's gazetteer overlay extends them, and a bad row names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import code_article
from detente.actors.classes import ActorWords, CodeClasses, load_actor_words, load_code_classes, load_references
from detente.actors.gazetteer import DATA_DIR, load_gazetteer
from detente.errors import LexiconError

TEXT = "Georgia rejected the offer from Russia. Moscow criticized the snub."


def _recipients(text: str) -> list[list[str]]:
    from detente.coder import load_pipeline

    load_pipeline.cache_clear()  # a pipeline of its own, reading the gazetteer as $DETENTE_GAZETTEER says now
    try:
        return [[r.code for r in e.recipient] for e in code_article({"id": "t", "text": text}, nlp=load_pipeline())]
    finally:
        load_pipeline.cache_clear()


def test_shipped_classes_are_all_filled() -> None:
    gaz = load_gazetteer()
    assert all(value for value in vars(gaz.words).values()) and all(vars(gaz.codes).values())
    assert gaz.words.references["offer"] == ("AGREE", "REQUEST") and "say" in gaz.words.speech_verb


def test_an_overlay_reference_noun_refers_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    """A user who reads "the snub" as the latest refusal adds one row; the critic then has a recipient."""
    (tmp_path / "references.tsv").write_text("noun\ttypes\tnote\nsnub\tREJECT\t\n", encoding="utf-8")
    # without the overlay: the shared pipeline, whose gazetteer is the shipped one
    assert [[r.code for r in e.recipient] for e in code_article({"id": "t", "text": TEXT}, nlp=nlp)] == [["RUS"], []]
    monkeypatch.setenv("DETENTE_GAZETTEER", str(tmp_path))
    load_gazetteer.cache_clear()
    try:
        assert _recipients(TEXT) == [["RUS"], ["GEO"]]
    finally:
        load_gazetteer.cache_clear()


@pytest.mark.parametrize(
    ("name", "loader", "table", "text", "reason"),
    [
        ("words.tsv", load_actor_words, ActorWords, "class\twords\nally-noun\tally\n", "unknown class 'ally-noun'"),
        ("code_classes.tsv", load_code_classes, CodeClasses, "class\tcodes\narmed-sector\tmil\n", "not a three"),
        ("references.tsv", load_references, ActorWords, "noun\ttypes\nsnub\tSNUB\n", "unknown types"),
    ],
)
def test_bad_rows_name_file_line_and_reason(tmp_path: Path, name, loader, table, text: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{name}:2: .*{reason}"):
        loader(table(), path)


def test_shipped_files_load_on_their_own() -> None:
    words, codes = ActorWords(), CodeClasses()
    load_actor_words(words, DATA_DIR / "words.tsv")
    load_code_classes(codes, DATA_DIR / "code_classes.tsv")
    load_references(words, DATA_DIR / "references.tsv")
    assert words.pair_noun and codes.armed_sector == frozenset("COP CRM MIL PRM REB SPY UAF".split())
