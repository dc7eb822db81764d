"""Numbered error messages: unique numbers, numbered text, and every error is a DetenteError."""

from __future__ import annotations

import re

import pytest

from detente import errors
from detente.errors import DetenteError, Errors

MESSAGES = {name: value for name, value in vars(Errors).items() if re.fullmatch(r"E\d{3}", name)}


def test_numbers_are_unique_and_match_their_text():
    assert MESSAGES
    for name, text in MESSAGES.items():
        assert text.startswith(f"[{name}] "), name


@pytest.mark.parametrize("cls", [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)])
def test_every_error_class_is_a_detente_error(cls):
    assert issubclass(cls, DetenteError)


def test_lexicon_error_names_file_and_line(tmp_path):
    from detente.errors import LexiconError
    from detente.events.lexicon import load_lexicon

    (tmp_path / "verbs.tsv").write_text(
        "type\tmode\tpattern\tcomplement\tcontext\texample\nATTACK\t\tbomb\tkeep\t\tx\n"
    )
    with pytest.raises(LexiconError, match=r"\[E020\] .*verbs.tsv:2: .*unknown event type 'ATTACK'"):
        load_lexicon(str(tmp_path))


def test_gazetteer_error_names_file_and_line(tmp_path):
    from detente.actors.gazetteer import load_gazetteer
    from detente.errors import LexiconError

    (tmp_path / "countries.tsv").write_text("code\tname\taliases\tdemonyms\tcapitals\nrussia\tRussia\t\t\t\n")
    with pytest.raises(LexiconError, match=r"\[E020\] .*countries.tsv:2: .*country code 'russia'"):
        load_gazetteer(str(tmp_path))


def test_user_overlay_adds_patterns(tmp_path, nlp):
    """A user's lexicon directory adds patterns that the coder then uses."""
    from detente.coder import ActorsComponent, EventsComponent
    from detente.events.lexicon import load_lexicon

    (tmp_path / "verbs.tsv").write_text(
        "type\tmode\tpattern\tcomplement\tcontext\texample\n"
        "COERCE\tcyber\thackify\tkeep\tcyber\tRussia hackified Estonia.\n"
    )
    lexicon = load_lexicon(str(tmp_path))
    assert lexicon.verbs["hackify"][0].source == f"{tmp_path}/verbs.tsv:2"
    assert any(p.type == "AGREE" for p in lexicon.patterns())  # the shipped lexicon is still there
    assert isinstance(EventsComponent(str(tmp_path)).lexicon.verbs["hackify"][0].mode, str)
    assert ActorsComponent(None).gazetteer.lookup("Estonia")
