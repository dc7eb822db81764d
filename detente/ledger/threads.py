"""The thread state machines of a country pair, read from data/threads.tsv and validated at import."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from detente.errors import Errors, LexiconError
from detente.ledger.cues import CueIndex
from detente.model import MODES, PLOVER_TYPES

THREADS_FILE = Path(__file__).parent / "data" / "threads.tsv"

# How many words around the trigger belong to an event's focus: enough for "offered to restore
# diplomatic ties", few enough to keep the next clause out.
WORDS_BEFORE = 4
WORDS_AFTER = 6

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Lowercase words separated by single spaces, padded with spaces, so cues match whole words."""
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


@dataclass(frozen=True)
class CueGroup:
    """One |-separated group of cue words, looked for in the focus, or in the sentence with an s: prefix.

    The regex is the definition of a match (a whole-word search in normalized text); reading events uses
    the faster CueIndex, tested to find the same (tests/ledger/test_ledger_threads.py)."""

    pattern: re.Pattern[str] | None  # None: the group is "*", it matches anything
    in_sentence: bool = False
    negated: bool = False
    alternatives: tuple[str, ...] = ()  # normalized, "restor*" keeps its star


@dataclass(frozen=True)
class Move:
    """A transition: an event of these types (and mode) with these cues moves its thread to a state."""

    thread: str
    types: frozenset[str] | None  # None: any type
    mode: str  # "" for any mode
    tense: str  # "done", "offer" or "any"
    cues: tuple[CueGroup, ...]
    state: str
    qualifier: str  # "" when the state has none (e.g. "mutual" or "unilateral" for a visa lifting)
    allowed_from: frozenset[str] | None  # None: from any state (including none yet)
    from_negated: bool
    line: int

    def accepts_from(self, state: str | None) -> bool:
        """Whether the thread may leave its current state by this move."""
        if self.allowed_from is None:
            return True
        inside = (state or "") in self.allowed_from
        return not inside if self.from_negated else inside


@dataclass(frozen=True)
class Thread:
    """One topic of a relationship and the states it can be in."""

    id: str
    topic: str
    states: tuple[str, ...]
    cues: CueGroup
    moves: tuple[Move, ...] = ()
    contrary: dict[str, frozenset[str]] = field(default_factory=dict)

    def are_contrary(self, one: str, other: str) -> bool:
        """Whether two states cannot both hold for the same period (e.g. severed and restored)."""
        return other in self.contrary.get(one, frozenset())


# A check of one cue group: (group id, looks at the sentence, must be absent).
Check = tuple[int, bool, bool]


@dataclass(frozen=True)
class Screened:
    """The moves of one thread open to one event type, with the screen that rules most events out."""

    thread: Thread
    moves: tuple[Move, ...]
    checks: tuple[tuple[Check, ...], ...]  # per move, its cue groups other than "*", in file order
    screen: frozenset[int] | None  # the group ids one of which a focus needs to concern this thread
    context: int  # the group id of the thread's own cue words


@dataclass(frozen=True)
class ThreadBook:
    """All threads in file order, plus the words that mark offers and reports of a lasting state."""

    threads: tuple[Thread, ...]
    offer_cues: CueGroup
    persist_cues: CueGroup
    path: str
    # event type -> per thread: the moves open to that type and their checks, and a screen: the ids of
    # every focus cue group of those moves and of the thread, or None when a move has no focus cue. A
    # focus that hits none of the screen can neither move the thread nor mention it: it is skipped fast.
    by_type: dict[str, tuple[Screened, ...]] = field(init=False, repr=False, compare=False)
    cues: CueIndex = field(init=False, repr=False, compare=False)
    ids: dict[str, int] = field(init=False, repr=False, compare=False)  # group regex -> group id

    def __post_init__(self) -> None:
        groups = [self.offer_cues, self.persist_cues]
        for thread in self.threads:
            groups.append(thread.cues)
            groups.extend(g for m in thread.moves for g in m.cues)
        ids: dict[str, int] = {}
        for group in groups:
            if group.pattern is not None:
                ids.setdefault(group.pattern.pattern, len(ids))
        object.__setattr__(self, "ids", ids)
        alternatives = {ids[g.pattern.pattern]: g.alternatives for g in groups if g.pattern is not None}
        object.__setattr__(self, "cues", CueIndex(alternatives.items()))
        index = {}
        for event_type in PLOVER_TYPES:
            entries = []
            for thread in self.threads:
                moves = tuple(m for m in thread.moves if m.types is None or event_type in m.types)
                screen = {self.id_of(thread.cues)}
                screenable = True
                for move in moves:
                    focus = [
                        self.id_of(g)
                        for g in move.cues
                        if g.pattern is not None and not g.in_sentence and not g.negated
                    ]
                    screenable = screenable and bool(focus)
                    screen.update(focus)
                checks = tuple(
                    tuple((self.id_of(g), g.in_sentence, g.negated) for g in m.cues if g.pattern is not None)
                    for m in moves
                )
                entries.append(
                    Screened(thread, moves, checks, frozenset(screen) if screenable else None, self.id_of(thread.cues))
                )
            index[event_type] = tuple(entries)
        object.__setattr__(self, "by_type", index)

    def id_of(self, group: CueGroup) -> int:
        """The id of a cue group (not "*") in hits()."""
        return self.ids[group.pattern.pattern]

    def thread(self, thread_id: str) -> Thread:
        """The thread with this id."""
        return next(t for t in self.threads if t.id == thread_id)


def _alternatives(words: str, path: str, line: int) -> tuple[str, ...]:
    out = []
    for word in words.split("|"):
        word = " ".join(word.lower().split())
        if not word or not re.fullmatch(r"[a-z0-9 ]+\*?", word) or word.endswith(" *"):
            raise LexiconError(Errors.E110.format(path=path, line=line, reason=f"bad cue word {word!r}"))
        out.append(word)
    return tuple(out)


def _cue_regex(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    parts = [
        re.escape(w.rstrip("*")).replace(r"\ ", " ") + (r"[a-z0-9]*" if w.endswith("*") else "") for w in alternatives
    ]
    return re.compile(" (?:" + "|".join(parts) + ") ")


def _cue_group(text: str, path: str, line: int) -> CueGroup:
    negated = text.startswith("!")
    text = text.removeprefix("!")
    in_sentence = text.startswith("s:")
    text = text.removeprefix("s:")
    if text == "*":
        if negated or in_sentence:
            raise LexiconError(Errors.E110.format(path=path, line=line, reason="'*' takes no prefix"))
        return CueGroup(None)
    alternatives = _alternatives(text, path, line)
    return CueGroup(_cue_regex(alternatives), in_sentence=in_sentence, negated=negated, alternatives=alternatives)


def _plain_cues(text: str, path: str, line: int, fail) -> CueGroup:
    """Cue words with no prefix and not "*" (a thread's topic words, the offer and persist words)."""
    group = _cue_group(text, path, line)
    if group.pattern is None or group.in_sentence or group.negated:
        raise fail(line, f"here cue words take no '*', 's:' or '!': {text!r}")
    return group


def parse_threads(text: str, path: str) -> ThreadBook:
    """Parse and check a thread file; raise LexiconError naming the file and line of the first problem."""

    def fail(line: int, reason: str) -> LexiconError:
        return LexiconError(Errors.E110.format(path=path, line=line, reason=reason))

    heads: dict[str, tuple[str, tuple[str, ...], CueGroup]] = {}
    moves: dict[str, list[Move]] = {}
    contrary: dict[str, dict[str, set[str]]] = {}
    offer = persist = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in raw.rstrip("\n").split("\t")]
        kind = cols[0]
        if kind in ("offer", "persist"):
            if len(cols) != 2:
                raise fail(number, f"'{kind}' takes 1 column of cue words, got {len(cols) - 1}")
            group = _plain_cues(cols[1], path, number, fail)
            offer, persist = (group, persist) if kind == "offer" else (offer, group)
        elif kind == "thread":
            if len(cols) != 5:
                raise fail(number, f"'thread' takes 4 columns (id, topic, states, cues), got {len(cols) - 1}")
            _, tid, topic, states, cues = cols
            if tid in heads:
                raise fail(number, f"thread {tid!r} defined twice")
            names = tuple(s.strip() for s in states.split("|"))
            if not all(names) or len(set(names)) != len(names):
                raise fail(number, f"empty or repeated state in {states!r}")
            heads[tid] = (topic, names, _plain_cues(cues, path, number, fail))
            moves[tid], contrary[tid] = [], {}
        elif kind == "contrary":
            if len(cols) != 4:
                raise fail(number, f"'contrary' takes 3 columns (thread, state, states), got {len(cols) - 1}")
            _, tid, state, others = cols
            if tid not in heads:
                raise fail(number, f"unknown thread {tid!r} (define it above)")
            for name in [state, *others.split("|")]:
                if name not in heads[tid][1]:
                    raise fail(number, f"{name!r} is not a state of thread {tid!r}")
            for other in others.split("|"):
                contrary[tid].setdefault(state, set()).add(other)
                contrary[tid].setdefault(other, set()).add(state)
        elif kind == "move":
            moves_of = _parse_move(cols, number, path, heads, fail)
            moves[moves_of.thread].append(moves_of)
        else:
            raise fail(number, f"unknown row kind {kind!r} (thread, contrary, move, offer, persist)")
    if offer is None or persist is None:
        raise fail(0, "the file needs one 'offer' row and one 'persist' row")
    for tid, (_, _, _) in heads.items():
        if not moves[tid]:
            raise fail(0, f"thread {tid!r} has no moves")
    threads = tuple(
        Thread(tid, topic, states, cues, tuple(moves[tid]), {s: frozenset(o) for s, o in contrary[tid].items()})
        for tid, (topic, states, cues) in heads.items()
    )
    return ThreadBook(threads, offer, persist, path)


def _parse_move(cols: list[str], number: int, path: str, heads: dict, fail) -> Move:
    if len(cols) != 9:
        raise fail(
            number,
            f"'move' takes 8 columns (thread, types, mode, as, cues, state, qualifier, from), got {len(cols) - 1}",
        )
    _, tid, types, mode, tense, cues, state, qualifier, allowed = cols
    if tid not in heads:
        raise fail(number, f"unknown thread {tid!r} (define it above)")
    type_set = None if types == "*" else frozenset(types.split("|"))
    for name in type_set or ():
        if name not in PLOVER_TYPES:
            raise fail(number, f"{name!r} is not a PLOVER event type")
    mode = "" if mode == "*" else mode
    if mode and not any(mode in MODES[t] for t in (type_set or PLOVER_TYPES)):
        raise fail(number, f"{mode!r} is not a PLOVER mode of {types}")
    if tense not in ("done", "offer", "any"):
        raise fail(number, f"'as' must be done, offer or any, got {tense!r}")
    states = heads[tid][1]
    if state not in states:
        raise fail(number, f"{state!r} is not a state of thread {tid!r} ({'|'.join(states)})")
    from_negated = allowed.startswith("!")
    allowed_from = None if allowed == "*" else frozenset(allowed.removeprefix("!").split("|"))
    for name in allowed_from or ():
        if name not in states:
            raise fail(number, f"'from' state {name!r} is not a state of thread {tid!r}")
    groups = tuple(_cue_group(g.strip(), path, number) for g in cues.split("+"))
    return Move(
        tid,
        type_set,
        mode,
        tense,
        groups,
        state,
        "" if qualifier == "-" else qualifier,
        allowed_from,
        from_negated,
        number,
    )


def read_threads(path: str | Path) -> ThreadBook:
    """Read a thread file (the shipped one, or a user's of the same format)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(Errors.E111.format(path=path)) from None
    return parse_threads(text, str(path))


@lru_cache(maxsize=1)
def default_threads() -> ThreadBook:
    """The shipped threads."""
    return read_threads(THREADS_FILE)


# Validate the shipped file at import: a broken data file fails loudly, not on the first query.
default_threads()
