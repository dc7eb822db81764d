"""The shipped lexicon files load, cover every PLOVER type and mode, hold no duplicate or shadowed rows,
and a broken user overlay is refused with an error naming its file and line."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.events.lexicon import DATA_DIR, Pattern, load_lexicon
from detente.model import CONTEXTS, MODES, PLOVER_TYPES

VERB_HEADER = "type\tmode\tpattern\tcomplement\tcontext\texample\n"
NOUN_HEADER = "type\tmode\tlemma\tcontext\texample\n"
MODE_HEADER = "type\tmode\tcues\texample\n"
IMPORTED = "petrarch_verbs.tsv"
IMPORTED_HEADER = "type\tmode\tpattern\tcomplement\tcontext\texample\tsource\n"


@pytest.fixture(scope="module")
def shipped(monkeypatch_module):
    load_lexicon.cache_clear()
    lexicon = load_lexicon()
    yield lexicon
    load_lexicon.cache_clear()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DETENTE_LEXICON", raising=False)
        yield patch


def _verbs(lexicon) -> list[Pattern]:
    return [p for entries in lexicon.verbs.values() for p in entries]


def _nouns(lexicon) -> list[Pattern]:
    return [p for entries in lexicon.nouns.values() for p in entries]


def test_shipped_lexicon_is_broad(shipped) -> None:
    assert len(_verbs(shipped)) >= 600
    assert len(_nouns(shipped)) >= 150
    # every row of our own has an example sentence; rows imported from PETRARCH's dictionary have none
    assert all(p.example for p in shipped.patterns() if not p.source.startswith(IMPORTED))


def test_imported_verb_rows_load_after_our_own(shipped) -> None:
    imported = [p for p in _verbs(shipped) if p.source.startswith(IMPORTED)]
    assert len(imported) >= 200 and not any(p.example for p in imported)
    for entries in shipped.verbs.values():  # at equal specificity, verbs.tsv rows are tried first
        for earlier, later in zip(entries, entries[1:], strict=False):
            if earlier.specificity == later.specificity:
                assert not (earlier.source.startswith(IMPORTED) and later.source.startswith("verbs.tsv"))


@pytest.mark.parametrize("event_type", PLOVER_TYPES)
def test_every_type_has_verb_and_noun_patterns(shipped, event_type: str) -> None:
    assert any(p.type == event_type for p in _verbs(shipped))
    assert any(p.type == event_type for p in _nouns(shipped))


@pytest.mark.parametrize("type_mode", sorted(f"{t}:{m}" for t, modes in MODES.items() for m in modes))
def test_every_mode_has_a_pattern(shipped, type_mode: str) -> None:
    event_type, mode = type_mode.split(":")
    assert any(p.type == event_type and p.mode == mode for p in shipped.patterns())


def test_no_duplicate_verb_patterns(shipped) -> None:
    # Two rows with the same trigger and constraints are allowed only as rivals, one of them PROTEST:
    # the coder then picks by the actor's sector (docs/lexicon.md).
    rows = defaultdict(list)
    for p in _verbs(shipped):
        rows[(p.lemma, p.particles, p.objects, p.complements)].append(p)
    bad = {p.text: [r.source for r in rs] for rs in rows.values() if len(rs) > 1 for p in rs[:1]
           if len(rs) > 2 or sum(r.type == "PROTEST" for r in rs) != 1}
    assert bad == {}


def test_no_object_or_clause_word_is_listed_twice_for_one_trigger(shipped) -> None:
    # A word in two object lists of the same verb and particles would reach only the first row.
    groups = defaultdict(list)
    for p in _verbs(shipped):
        groups[(p.lemma, p.particles)].append(p)
    shadowed = []
    for rows in groups.values():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                rivals = a.objects == b.objects and a.complements == b.complements and "PROTEST" in (a.type, b.type)
                if rivals:
                    continue
                if a.complements == b.complements and a.objects & b.objects:
                    shadowed.append((a.source, b.source, sorted(a.objects & b.objects)))
                if a.objects == b.objects and a.complements & b.complements:
                    shadowed.append((a.source, b.source, sorted(a.complements & b.complements)))
    assert shadowed == []


def test_one_noun_row_per_lemma_or_a_protest_rival(shipped) -> None:
    """A second row for a noun is dead unless it is a PROTEST rival of the first (the actor chooses)."""
    extra = {
        lemma: [p.source for p in rows]
        for lemma, rows in shipped.nouns.items()
        if len(rows) > 2 or (len(rows) == 2 and "PROTEST" not in {p.type for p in rows})
    }
    assert extra == {}


def test_transparent_verbs_and_contexts_load(shipped) -> None:
    assert shipped.transparent["fail"] == "failed"
    assert shipped.transparent["plan"] == "future"
    assert set(shipped.contexts) <= CONTEXTS
    assert "military" in shipped.contexts and all(shipped.contexts[c] for c in shipped.contexts)


def test_context_cues_do_not_fire_inside_common_words(shipped) -> None:
    # Cues match at the start of a word: a cue that begins a frequent unrelated word mislabels events.
    traps = {"war": "warned", "bill": "billion", "press": "pressed", "term": "terminated", "poll": "pollution"}
    for context, cues in shipped.contexts.items():
        for cue, word in traps.items():
            assert cue not in cues, f"{context} cue {cue!r} also matches {word!r}"


def _overlay(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize(("name", "text", "line", "reason"), [
    ("verbs.tsv", VERB_HEADER + "ATTACK\t\tstorm\tkeep\t\tRebels stormed the town.\n", 2, "unknown event type"),
    ("verbs.tsv", VERB_HEADER + "# a comment\nASSAULT\tstabbing\tstab\tkeep\t\tX stabbed Y.\n", 3,
     "is not a PLOVER mode of ASSAULT"),
    ("verbs.tsv", VERB_HEADER + "ASSAULT\t\tstab\tkeep\t\tX stabbed Y.\textra\n", 2, "7 cells, header has 6"),
    ("verbs.tsv", VERB_HEADER + "ASSAULT\t\tstab\tmaybe\t\tX stabbed Y.\n", 2, "complement must be one of"),
    ("verbs.tsv", VERB_HEADER + "ASSAULT\t\tstab\tkeep\tsports\tX stabbed Y.\n", 2, "unknown context"),
    ("verbs.tsv", VERB_HEADER + "ASSAULT\t\t+knife\tkeep\t\tX stabbed Y.\n", 2, "starts with the verb's lemma"),
    ("verbs.tsv", "type\tmode\tpattern\n", 1, "missing columns"),
    (IMPORTED, IMPORTED_HEADER + "# a comment\nASSAULT\tstabbing\tstab\tkeep\t\t\tCAMEO.2.0.txt:9 (182)\n", 3,
     "is not a PLOVER mode of ASSAULT"),
    (IMPORTED, IMPORTED_HEADER + "ATTACK\t\tstorm\tkeep\t\t\tCAMEO.2.0.txt:9 (190)\n", 2, "unknown event type"),
    (IMPORTED, IMPORTED_HEADER + "ASSAULT\t\tstorm +@fortress\tkeep\t\t\tCAMEO.2.0.txt:9 (190)\n", 2,
     "no object class '@fortress'"),
    ("nouns.tsv", NOUN_HEADER + "PROTEST\triot\tviolent street riot\t\tThe riot spread.\n", 2,
     "a noun pattern is a lemma"),
    ("nouns.tsv", NOUN_HEADER + "PROTEST\tsit-down\tprotest\t\tThe protest spread.\n", 2,
     "is not a PLOVER mode of PROTEST"),
    ("transparent.tsv", "lemma\tflag\ndare\tmaybe\n", 2, "flag must be one of"),
    ("contexts.tsv", "context\tcues\nsports\tfootball\n", 2, "unknown context"),
    ("modes.tsv", MODE_HEADER + "ASSAULT\tstabbing\tknife\tX stabbed Y.\n", 2, "is not a PLOVER mode of ASSAULT"),
    ("modes.tsv", MODE_HEADER + "ATTACK\tprimitive\tknife\tX stabbed Y.\n", 2, "unknown event type"),
    ("modes.tsv", MODE_HEADER + "ASSAULT\tprimitive\t | \tX stabbed Y.\n", 2, "at least one cue word"),
    ("threats.tsv", "type\tmode\tthreat\nCOERCE\tarrest\tjail\n", 2, "is not a PLOVER mode of THREATEN"),
    ("threats.tsv", "type\tmode\tthreat\nCOERCE\tkidnap\tarrest\n", 2, "is not a PLOVER mode of COERCE"),
])
def test_broken_overlay_names_file_and_line(tmp_path: Path, name: str, text: str, line: int, reason: str) -> None:
    overlay = _overlay(tmp_path, name, text)
    with pytest.raises(LexiconError) as error:
        load_lexicon(overlay)
    message = str(error.value)
    assert message.startswith("[E020]")
    assert f"{tmp_path / name}:{line}:" in message
    assert reason in message


def test_missing_overlay_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"\[E021\]"):
        load_lexicon(str(tmp_path / "nowhere"))


def test_overlay_rows_are_tried_before_shipped_rows_of_equal_specificity(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "verbs.tsv", VERB_HEADER
                       + "SANCTION\tdiscontinue\tscold\tkeep\t\tChina scolded the Philippines.\n"
                       + "CONSULT\t\tdeplore\tkeep\t\tFrance deplored the plan.\n"
                       + "AGREE\t\tcut\tkeep\t\tThe two sides cut a deal.\n")
    lexicon = load_lexicon(overlay)
    assert lexicon.verbs["scold"][0].type == "SANCTION"  # a new trigger
    assert lexicon.verbs["deplore"][0].type == "CONSULT"  # the user's row wins at equal specificity
    assert [p.type for p in lexicon.verbs["deplore"]] == ["CONSULT", "ACCUSE"]
    # A more specific shipped row ("cut +tie|relation...") still comes before the user's plain "cut".
    cut = lexicon.verbs["cut"]
    ties = next(i for i, p in enumerate(cut) if "tie" in p.objects)
    assert cut[ties].type == "SANCTION"
    assert (cut[-1].type, cut[-1].text) == ("AGREE", "cut") and ties < len(cut) - 1


def test_overlay_of_the_imported_file(tmp_path: Path) -> None:
    # A user's petrarch_verbs.tsv adds rows as a user's verbs.tsv does, tried before the shipped ones.
    overlay = _overlay(tmp_path, IMPORTED, IMPORTED_HEADER
                       + "ACCUSE\tdisapprove\tharangue\tkeep\t\t\tmine\n"
                       + "SUPPORT\t\treact warmly\tkeep\t\t\tmine\n")
    lexicon = load_lexicon(overlay)
    assert lexicon.verbs["harangue"][0].source == f"{tmp_path / IMPORTED}:2"
    same = [p for p in lexicon.verbs["react"] if p.specificity == 1]  # "react angrily" is shipped
    assert same[0].text == "react warmly" and any(p.text == "react angrily" for p in same[1:])


def test_overlay_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _overlay(tmp_path, "nouns.tsv", NOUN_HEADER + "ASSAULT\tdrone\tswarm\tmilitary\tThe Russian swarm hit Kyiv.\n")
    monkeypatch.setenv("DETENTE_LEXICON", str(tmp_path))
    load_lexicon.cache_clear()
    try:
        assert load_lexicon().nouns["swarm"][0].mode == "drone"
    finally:
        load_lexicon.cache_clear()


def test_shipped_files_are_the_ones_documented() -> None:
    names = {p.name for p in DATA_DIR.glob("*.tsv")}
    assert {"verbs.tsv", "nouns.tsv", "transparent.tsv", "contexts.tsv", "modes.tsv", "threats.tsv"} <= names
    assert (DATA_DIR / "SOURCES.md").exists()


def test_mode_cue_rows_keep_file_order_and_name_modes_of_their_type(shipped) -> None:
    rows = shipped.mode_cues["ASSAULT"]
    modes = [mode for mode, _ in rows]
    assert all(mode in MODES["ASSAULT"] for mode in modes)
    # the more specific weapon comes first: a suicide car bomb is no plain explosive, a tank's shell no gun
    assert modes.index("suicide-attack") < modes.index("explosives") < modes.index("firearms")
    assert modes.index("heavy-weapons") < modes.index("explosives")
    assert all(cue == cue.lower() and cue.strip() for _, cues in rows for cue in cues)


def test_overlay_mode_cues_are_tried_before_shipped_ones(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "modes.tsv", MODE_HEADER
                       + "ASSAULT\tprimitive\tpitchfork\tFarmers attacked the officials with pitchforks.\n"
                       + "ASSAULT\tdrone\tquadcopter\tA quadcopter dropped a grenade on the trench.\n")
    rows = load_lexicon(overlay).mode_cues["ASSAULT"]
    assert rows[:2] == [("primitive", ("pitchfork",)), ("drone", ("quadcopter",))]
    assert len(rows) == len(load_lexicon().mode_cues["ASSAULT"]) + 2


def test_a_threat_takes_its_mode_from_the_act_threatened(shipped, tmp_path: Path) -> None:
    """THREATEN's mode is the content of the threat (PLOVER manual): by the act's type and mode."""
    assert shipped.threat_mode("COERCE", "arrest") == "arrest"
    assert shipped.threat_mode("COERCE", "curfew") == "restrict"  # a type's blank row covers its other modes
    assert shipped.threat_mode("SANCTION", "expel") == "expel"
    assert shipped.threat_mode("ASSAULT", "aerial") == "violence"
    assert shipped.threat_mode("AGREE", "") == ""
    overlay = _overlay(tmp_path, "threats.tsv", "type\tmode\tthreat\nCOERCE\tseize\trestrict\n")
    assert load_lexicon(overlay).threat_mode("COERCE", "seize") == "restrict"  # the user's row wins
