"""scripts/import_petrarch_verbs.py turns PETRARCH2 verb patterns into verbs.tsv rows: on a small dictionary in
PETRARCH's format written for these tests (fixtures/petrarch_sample.txt), against a small lexicon of our own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"


def _script():
    path = ROOT / "scripts" / "import_petrarch_verbs.py"
    spec = importlib.util.spec_from_file_location("import_petrarch_verbs", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


importer = _script()

OWN = {
    "verbs.tsv": "type\tmode\tpattern\tcomplement\tcontext\texample\n"
    "ACCUSE\tdisapprove\tscold\tkeep\t\tX scolded Y.\n"
    "MOBILIZE\ttroops\tmuster +troop\tkeep\t\tX mustered troops.\n",
    "objects.tsv": "class\tnouns\tnote\nforce\ttroop|soldier\tunits\n",
    "nouns.tsv": "type\tmode\tlemma\tcontext\texample\nCONSULT\t\ttalk\t\tX's talks.\n",
    "transparent.tsv": "lemma\tflag\nplan\tfuture\n",
    "light_verbs.tsv": "lemma\tnote\nstage\ta protest\n",
    "words.tsv": "class\twords\tnote\ncollective-head\teffort|group\theads\n",
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    data = tmp_path_factory.mktemp("lexicon")
    for name, text in OWN.items():
        (data / name).write_text(text, encoding="utf-8")
    rows, skipped = importer.import_rows(FIXTURES / "petrarch_sample.txt", FIXTURES / "cameo2plover_sample.txt", data)
    return {(t, m, p) for t, m, _, p, _ in rows}, skipped, rows


@pytest.mark.parametrize(("row", "why"), [
    (("CONSULT", "", "parley"), "a verb's own code"),
    (("AGREE", "", "parley +armistice|truce"), "a small &SET written out; CEASE_FIRE's 'fire' is too general"),
    (("CONSULT", "", "sit down with +force|militiaman|soldier"), "a phrasal verb and a preposition, not repeated"),
    (("CONSULT", "phone", "chat +@actor"), "an actor object (+)"),
    (("NONE", "", "parley +weather"), "a null code guards a verb this import gives a reading"),
    (("MOBILIZE", "troops", "muster +force|militiaman|soldier"), "a gap in detente's 'muster +troop'"),
    (("SUPPORT", "", "rally +support"), "{SUPPORT EFFORTS}: 'effort' is a collective head"),
    (("CONSULT", "", "parley with"), "a pattern naming no verb goes to the verbs with a code of their own"),
    (("COERCE", "seize", "seize"), "the block's code for the verb it is named after"),
    (("COERCE", "seize", "seize +ship"), "a four-digit code"),
    (("ASSAULT", "", "seize +strike"), "{AERIAL STRIKE}: the head, and no mode, since the modifier carried it"),
])
def test_expressible_patterns_become_rows(imported, row, why) -> None:
    assert row in imported[0], why


@pytest.mark.parametrize(("pattern", "why"), [
    ("scold", "detente's own plain row"),
    ("scold for +policy", "detente's plain 'scold' already codes it"),
    ("muster +troop", "already in verbs.tsv"),
    ("berate", "a synonym without a code of its own"),
    ("rally +supporter", "readings of two types cancel out"),
    ("parley +truce|armistice|fire", "'fire' is no object of its own"),
    ("killed", "an inflected verb line"),
    ("chat with", "a pattern naming no verb is no reading of every synonym"),
    ("muster back", "no row without an object for a verb of verbs.tsv"),
])
def test_left_out(imported, pattern, why) -> None:
    assert not any(p == pattern or p.startswith(pattern + " ") for _, _, p in imported[0]), why


@pytest.mark.parametrize("reason", [
    "words before the verb (subject constraints)",
    "two object heads (detente checks one)",
    "modifier that changes the head",
    "set &BIG too large (21)",
    "CAMEO 01 (statements) and 02 (appeals), which PLOVER drops",
    "a code for the other party only (:NNN): roles detente cannot reverse",
    "readings of different types for one verb and object",
    "already in verbs.tsv",
    "detente's own rows already code the verb with this object",
    "synonym without a code of its own (the block's code)",
])
def test_skipped_patterns_are_counted_with_a_reason(imported, reason: str) -> None:
    assert imported[1][reason] >= 1, sorted(imported[1])


def test_rows_name_their_source_lines(imported) -> None:
    sources = {p: s for _, _, _, p, s in imported[2]}
    text = (FIXTURES / "petrarch_sample.txt").read_text(encoding="utf-8").splitlines()
    number = int(sources["chat +@actor"].split(":")[1].split()[0])
    assert "# CHAT" in text[number - 1] and "(041)" in sources["chat +@actor"]


def test_table_follows_the_manual_where_it_differs() -> None:
    table = importer.read_table((FIXTURES / "cameo2plover_sample.txt").read_text(encoding="utf-8").splitlines())
    assert table["041"] == ("CONSULT", "phone")
    assert table["195"] == ("ASSAULT", "aerial")  # the table says heavy-weapons; the manual has an aerial mode
    assert table["085"] == ("RETREAT", "")  # "ease" is no longer a mode
    assert importer.plover("0419", table) == ("CONSULT", "phone")  # a code the table lacks takes its parent
    assert importer.plover("---", table) == ("NONE", "")
    assert importer.plover(":046", table) is None and importer.plover("020", table) is None


@pytest.mark.parametrize(("body", "expected"), [
    ("* AID", [((), frozenset({"aid"}))]),
    ("* (FOR {FINANCIAL AID})", [(("for",), frozenset({"aid"}))]),
    ("* OFF (FOR)", [(("off", "for"), frozenset())]),
    ("* INCURSION (INTO)", [(("into",), frozenset({"incursion"}))]),
    ("* (IN/ON PROTEST)", [(("in",), frozenset({"protest"})), (("on",), frozenset({"protest"}))]),
    ("* MILITARILY", [(("militarily",), frozenset())]),
    ("* +", [((), frozenset({"@actor"}))]),
    ("* &WEAPON", [((), frozenset({"@weapon"}))]),
])
def test_pattern_constraints(body: str, expected) -> None:
    found = importer.constraints(body, {}, frozenset())
    assert [(p, o) for p, o, _ in found] == expected


@pytest.mark.parametrize(("body", "reason"), [
    ("TROOPS *", "words before the verb"),
    ("* POLICE (TO BORDER)", "two object heads"),
    ("* (OF TALKS)", "no preposition on the verb"),
    ("* (TO {BANNED PARTIES}) $", "actor slot"),
    ("* &NOWHERE", "undefined set"),
])
def test_unexpressible_patterns(body: str, reason: str) -> None:
    with pytest.raises(importer.Unexpressible, match=reason):
        importer.constraints(body, {}, frozenset())
