"""Every lexicon row's example sentence codes into an event of that row's type (and mode), fired by that row.

All examples are coded in one batch (one pipeline load, a few seconds). A row whose example the ENGINE
cannot code yet (a parser or matcher limit, not a lexicon choice) is listed in ENGINE_GAPS with the
reason; it runs as xfail(strict=False), so a fix in the engine shows up as XPASS. Keep the list short:
prefer a clearer example over a new gap.
"""

from __future__ import annotations

import os
from collections import defaultdict

import pytest

from detente import code_articles
from detente.events.lexicon import NOT_AN_EVENT, Pattern, load_lexicon

pytestmark = pytest.mark.slow

# source -> (the row's pattern text, so a line shift in the file is caught; why the engine misses it)
ENGINE_GAPS: dict[str, tuple[str, str]] = {}


def _shipped_patterns() -> list[Pattern]:
    load_lexicon.cache_clear()
    saved = os.environ.pop("DETENTE_LEXICON", None)
    try:
        patterns = list(load_lexicon().patterns())
    finally:
        if saved is not None:
            os.environ["DETENTE_LEXICON"] = saved
        load_lexicon.cache_clear()
    # rows imported from PETRARCH's dictionary (petrarch_verbs.tsv) have no example sentence to code
    patterns = [p for p in patterns if p.example]
    return sorted(patterns, key=lambda p: (p.source.split(":")[0], int(p.source.split(":")[1])))


PATTERNS = _shipped_patterns()


@pytest.fixture(scope="module")
def coded(nlp) -> dict[str, list]:
    """Events per lexicon source, from coding every example once (standing relations told in passing too)."""
    articles = [{"id": p.source, "text": p.example, "date": "2012-03-02"} for p in PATTERNS]
    found: dict[str, list] = defaultdict(list)
    for event in code_articles(articles, nlp=nlp, include_background=True):
        found[event.doc_id].append(event)
    return found


def _constraints(pattern: Pattern) -> tuple:
    return pattern.pos, pattern.lemma, pattern.particles, pattern.objects, pattern.complements


def _case(pattern: Pattern):
    marks = []
    if pattern.source in ENGINE_GAPS:
        marks.append(pytest.mark.xfail(strict=False, reason=ENGINE_GAPS[pattern.source][1]))
    return pytest.param(pattern, id=f"{pattern.source}:{pattern.text}", marks=marks)


@pytest.mark.parametrize("pattern", [_case(p) for p in PATTERNS])
def test_example_codes_its_own_type_and_mode(pattern: Pattern, coded: dict[str, list]) -> None:
    events = coded.get(pattern.source, [])
    if pattern.type == NOT_AN_EVENT:
        # a NONE row stops its trigger: the example codes nothing on any of its words ("price war": not "war")
        stems = tuple(word[:4] for word in pattern.lemma.lower().split())
        assert not [e for e in events if e.trigger.split()[0].lower().startswith(stems)], events
        return
    # Rival rows (same trigger and constraints, one of them PROTEST) fire as the first of them and
    # take the other's type by the actor's sector, so any of them counts as this row firing.
    rivals = {p.source for p in PATTERNS if _constraints(p) == _constraints(pattern)}
    hits = [e for e in events if e.pattern in rivals]
    assert any(e.event == pattern.type and (not pattern.mode or e.mode == pattern.mode) for e in hits), (
        f"{pattern.source} {pattern.text!r} should code {pattern.type}:{pattern.mode or '-'} from "
        f"{pattern.example!r}; got {[(e.event, e.mode, e.pattern) for e in events]}"
    )


def test_engine_gap_list_points_at_the_rows_it_names() -> None:
    # One test over the list, not one per entry: an empty list (no known gap) is a pass, not a skip.
    by_source = {p.source: p for p in PATTERNS}
    for source, gap in sorted(ENGINE_GAPS.items()):
        assert source in by_source, f"{source} is no longer a lexicon row; update ENGINE_GAPS"
        assert by_source[source].text == gap[0]


def test_examples_are_distinct_full_sentences() -> None:
    # An example is a full wire-style sentence: capitalised, ends with a full stop, and is unique.
    examples = [p.example for p in PATTERNS]
    bad = [e for e in examples if not e or not e[0].isupper() or not e.endswith(".")]
    assert bad == []
    repeated = {e for e in examples if examples.count(e) > 1}
    assert repeated == set()
