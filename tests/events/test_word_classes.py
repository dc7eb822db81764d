"""words.tsv, sector_classes.tsv and types.tsv: the classes and roles the constructions read are data; a
user's overlay extends them, and a bad row names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import code_article
from detente.errors import LexiconError
from detente.events.classes import SectorClasses, TypeRoles, WordClasses, load_sector_classes, load_type_roles
from detente.events.classes import load_word_classes as load_words
from detente.events.lexicon import DATA_DIR, load_lexicon


@pytest.fixture
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A lexicon overlay directory, active for the test; the pipeline reads it through $DETENTE_LEXICON."""
    monkeypatch.setenv("DETENTE_LEXICON", str(tmp_path))
    load_lexicon.cache_clear()
    yield tmp_path
    load_lexicon.cache_clear()


def test_shipped_classes_are_all_filled() -> None:
    lexicon = load_lexicon()
    empty = [name for name, words in vars(lexicon.words).items() if not words]
    assert not empty
    assert "" in lexicon.sectors.state and "GOV" in lexicon.sectors.state
    assert lexicon.roles.has("charge", "COERCE", "arrest") and not lexicon.roles.has("charge", "COERCE", "seize")
    assert lexicon.roles.asked("CONSULT") == "meet" and lexicon.roles.asked("ASSAULT", "change") == "change"


def test_an_overlay_word_joins_its_class_for_every_construction(overlay: Path, nlp) -> None:
    """Violence by protesters is a riot (rewrites.tsv, subject:protester); a user who counts mobs as
    protesters adds one word, and the rule follows."""
    text = "A mob attacked the Danish embassy in Beirut."
    from detente.coder import load_pipeline

    pipeline = load_pipeline()
    before = {e.event for e in code_article({"id": "a", "text": text}, nlp=pipeline)}
    (overlay / "words.tsv").write_text("class\twords\tnote\nprotester\tmob\tour reading\n", encoding="utf-8")
    load_lexicon.cache_clear()  # the "before" pipeline may have read the overlay while it was empty
    load_pipeline.cache_clear()
    try:
        after = {(e.event, e.mode) for e in code_article({"id": "a", "text": text}, nlp=load_pipeline())}
    finally:
        load_pipeline.cache_clear()
    assert before == {"ASSAULT"} and after == {("PROTEST", "riot")}


@pytest.mark.parametrize(
    ("name", "loader", "table", "text", "reason"),
    [
        ("words.tsv", load_words, WordClasses, "class\twords\ngenerals\tgeneral\n", "unknown class 'generals'"),
        ("words.tsv", load_words, WordClasses, "class\twords\nvessel\t\n", "needs at least one member"),
        ("sector_classes.tsv", load_sector_classes, SectorClasses, "class\tsectors\nstate\tKING\n", "not a PLOVER"),
        ("types.tsv", load_type_roles, TypeRoles, "type\tmode\troles\tasked\nAID\t\tgenerous\t\n", "unknown role"),
        ("types.tsv", load_type_roles, TypeRoles, "type\tmode\troles\tasked\nAID\tgift\t\t\n", "not a PLOVER type"),
        ("types.tsv", load_type_roles, TypeRoles, "type\tmode\troles\tasked\nAID\t\t\triot\n", "asked mode 'riot'"),
    ],
)
def test_bad_rows_name_file_line_and_reason(tmp_path: Path, name, loader, table, text: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{name}:2: .*{reason}"):
        loader(table(), path)


def test_shipped_files_declare_every_class_the_code_reads() -> None:
    words, sectors, roles = WordClasses(), SectorClasses(), TypeRoles()
    load_words(words, DATA_DIR / "words.tsv")
    load_sector_classes(sectors, DATA_DIR / "sector_classes.tsv")
    load_type_roles(roles, DATA_DIR / "types.tsv")
    assert all(vars(words).values()) and all(vars(sectors).values())
    assert all(roles.by_type[role] or roles.by_mode[role] for role in roles.by_type)
