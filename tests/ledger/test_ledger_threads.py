"""The thread data file: shipped one valid and complete, broken ones rejected naming file and line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.errors import LexiconError
from detente.ledger import default_threads, read_threads
from detente.ledger.threads import THREADS_FILE, normalize, parse_threads

# The state names of the issue, thread by thread (issue 4, "Threads").
ISSUE_STATES = {
    "diplomatic": {
        "established",
        "severed",
        "downgraded",
        "restoration offered",
        "restoration rejected",
        "restored",
    },
    "visas": {
        "visa regime imposed",
        "visa regime eased",
        "visa regime lifted",
        "visa lifting offered",
        "travel ban imposed",
        "travel ban lifted",
    },
    "trade": {
        "ban imposed",
        "ban lifted",
        "embargo imposed",
        "embargo lifted",
        "tariffs imposed",
        "tariffs lifted",
        "sanctions imposed",
        "sanctions lifted",
        "trade deal",
    },
    "transport": {"cut", "restored"},
    "recognition": {"recognized", "annexed", "occupied", "border deal"},
    "military": {
        "war",
        "clashes",
        "ceasefire",
        "troops stationed",
        "troops withdrawn",
        "exercises",
        "threats",
    },
    "talks": {"meeting", "negotiations", "agreement reached", "accession deal"},
}


def test_shipped_threads_and_states():
    book = default_threads()
    assert {t.id: set(t.states) for t in book.threads} == ISSUE_STATES
    assert [t.topic for t in book.threads] == [
        "diplomatic relations",
        "visas and travel",
        "trade and sanctions",
        "transport and communications",
        "recognition and territory",
        "military",
        "agreements and talks",
    ]


def test_every_state_has_a_move_into_it():
    for thread in default_threads().threads:
        assert {m.state for m in thread.moves} == set(thread.states), thread.id


def test_shipped_file_has_sources_note():
    assert (THREADS_FILE.parent / "SOURCES.md").is_file()


HEAD = "offer\toffer*\npersist\tstill\nthread\td\tdiplomacy\tsevered|restored\tties\n"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            HEAD + "move\td\tSANCTION\t*\tdone\tties\tbroken\t-\t*\n",
            4,
            "'broken' is not a state of thread 'd'",
        ),
        (
            HEAD + "move\td\tSANCTIONS\t*\tdone\tties\tsevered\t-\t*\n",
            4,
            "'SANCTIONS' is not a PLOVER event type",
        ),
        (HEAD + "move\td\tSANCTION\tbomb\tdone\tties\tsevered\t-\t*\n", 4, "'bomb' is not a PLOVER mode"),
        (HEAD + "move\td\tSANCTION\t*\tsoon\tties\tsevered\t-\t*\n", 4, "'as' must be done, offer or any"),
        (HEAD + "move\tx\tSANCTION\t*\tdone\tties\tsevered\t-\t*\n", 4, "unknown thread 'x'"),
        (HEAD + "move\td\tSANCTION\t*\tdone\tti(es\tsevered\t-\t*\n", 4, "bad cue word 'ti(es'"),
        (HEAD + "move\td\tSANCTION\t*\tdone\tties\tsevered\t-\n", 4, "'move' takes 8 columns"),
        (HEAD + "move\td\tSANCTION\t*\tdone\tties\tsevered\t-\t!gone\n", 4, "'from' state 'gone'"),
        (HEAD + "contrary\td\tsevered\tsplit\n", 4, "'split' is not a state of thread 'd'"),
        (HEAD + "state\td\n", 4, "unknown row kind 'state'"),
        (HEAD.replace("severed|restored", "severed|severed"), 3, "empty or repeated state"),
        ("persist\tstill\n", 0, "needs one 'offer' row"),
        (HEAD, 0, "thread 'd' has no moves"),
    ],
)
def test_broken_thread_files_name_file_and_line(text, line, reason):
    with pytest.raises(LexiconError) as error:
        parse_threads(text, "my-threads.tsv")
    assert str(error.value).startswith(f"[E110] my-threads.tsv:{line}: thread definition invalid: ")
    assert reason in str(error.value)


def test_a_users_thread_file_works(tmp_path):
    path = tmp_path / "threads.tsv"
    path.write_text(
        HEAD + "# comment\n\nmove\td\tSANCTION\t*\tdone\tties\tsevered\t-\t*\n"
        "move\td\tAGREE\t*\tdone\trestor*+ties\trestored\t-\tsevered\n"
        "contrary\td\tsevered\trestored\n"
    )
    book = read_threads(path)
    [thread] = book.threads
    assert thread.are_contrary("restored", "severed")
    assert [m.line for m in thread.moves] == [6, 7]


def test_missing_thread_file(tmp_path):
    with pytest.raises(LexiconError, match=r"\[E111\] Thread data file .*nope.tsv not found"):
        read_threads(tmp_path / "nope.tsv")


def _vocabulary() -> list[str]:
    """Words near and inside the shipped cues: whole cues, stems with endings, and near misses."""
    words = {"the", "with", "on", "a", "endorse", "eastern", "banking", "barely", "planet", "x"}
    book = default_threads()
    for thread in book.threads:
        for group in [thread.cues, *(g for m in thread.moves for g in m.cues)]:
            for alternative in group.alternatives:
                stem = alternative.rstrip("*")
                words.update(stem.split())
                words.add(stem + "ed")
                words.add(stem[:-1])
    return sorted(words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_vocabulary()), max_size=14))
def test_cue_index_finds_what_the_regexes_find(words):
    book = default_threads()
    text = normalize(" ".join(words))
    hits = book.cues.hits(text)
    groups = [book.offer_cues, book.persist_cues]
    for thread in book.threads:
        groups += [thread.cues, *(g for m in thread.moves for g in m.cues if g.pattern is not None)]
    for group in groups:
        assert (book.id_of(group) in hits) == (group.pattern.search(text) is not None), group.alternatives


@pytest.mark.parametrize(
    "text",
    [
        "they agreed a cease fire at dawn",
        "a ceasefire and a truce",
        "russia joined the world trade organization",
        "world trade organ",
        "lifted travel bans on citizens",
        "the re establishment of ties",
        "war games near the border",
        "the charge d affaires was expelled",
        "eastern endorsement of a planet bank",
        "",
    ],
)
def test_cue_index_on_phrases(text):
    test_cue_index_finds_what_the_regexes_find.hypothesis.inner_test(text.split())
