"""Classes of objects (objects.tsv): a verb pattern takes a named class ("lift +@restriction"), so a noun
joins a class once and every verb that takes the class gains it; heads are matched through their modifiers
("mediation efforts") and of-phrases ("the state of emergency")."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.events.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an of-head: the state of emergency is a restriction, as "lift +@restriction" takes it
        ("Ecuador lifted the state of emergency in Quito.", ("CONCEDE", "", "ECU", "ECU")),
        ("Kenya and Somalia opened a new round of talks in Nairobi.", ("CONSULT", "", "KEN", "")),
        # a generic head: the efforts are mediation, as "halt +@talks" takes it
        ("Turkey halted its mediation efforts between Armenia and Azerbaijan.", ("SANCTION", "withdraw", "TUR", "ARM")),
        # nouns of a class that the verb's own list never named
        ("Chile relaxed the lockdown on its border with Peru.", ("CONCEDE", "", "CHL", "PER")),
        ("Norway resumed its mediation with the Taliban.", ("CONSULT", "", "NOR", "AFG")),
        ("Ghana and Togo broke off their consultations on the border.", ("SANCTION", "withdraw", "GHA", "")),
        ("India shared evidence with Sri Lanka about the bombing.", ("COOPERATE", "", "IND", "LKA")),
        ("Brazil withdrew its paratroopers from Haiti.", ("RETREAT", "withdraw", "BRA", "HTI")),
    ],
)
def test_a_class_noun_codes_with_every_verb_of_the_class(code, text: str, expected: tuple) -> None:
    event, mode, actor, recipient = expected
    found = [(e.event, e.mode, e.actor[0].code, e.recipient[0].code if e.recipient else "") for e in code(text)]
    assert (event, mode, actor, recipient) in found, found


def test_pattern_text_names_its_classes() -> None:
    lexicon = load_lexicon()
    lift = next(p for p in lexicon.verbs["lift"] if "restriction" in p.object_classes)
    assert lift.text.startswith("lift +@restriction|") and "lockdown" in lift.objects


def test_a_users_class_noun_reaches_every_pattern_of_the_class(tmp_path: Path) -> None:
    (tmp_path / "objects.tsv").write_text("class\tnouns\ntalks\tparley\n", encoding="utf-8")
    load_lexicon.cache_clear()
    try:
        lexicon = load_lexicon(str(tmp_path))
        takers = [p for ps in lexicon.verbs.values() for p in ps if "talks" in p.object_classes]
        assert len(takers) > 10 and all("parley" in p.objects for p in takers)
    finally:
        load_lexicon.cache_clear()


def test_an_unknown_class_is_an_error_naming_the_row(tmp_path: Path) -> None:
    (tmp_path / "verbs.tsv").write_text(
        "type\tmode\tpattern\tcomplement\tcontext\texample\nAGREE\t\tpromise +@gifts\t\t\tx\n", encoding="utf-8"
    )
    load_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"verbs.tsv:2.*no object class '@gifts'"):
            load_lexicon(str(tmp_path))
    finally:
        load_lexicon.cache_clear()
