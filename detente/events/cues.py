"""Cue words matched in a sentence's text: the contexts it is about (contexts.tsv) and the weapon or method
that gives an event its mode (modes.tsv)."""

from __future__ import annotations

import re

from detente.events.lexicon import Lexicon

_CONTEXT_PATTERNS: dict[int, ContextCues] = {}
_MODE_CUES: dict[int, dict[str, ContextCues]] = {}
MEMO_WORDS = 200_000  # distinct words whose context cues are remembered (a few tens of MB at most)


class ContextCues:
    """Context cue words, matched word by word: a cue matches at a word start ("troop" in "troops"),
    a cue of several words matches them in a row ("human rights")."""

    _WORDS = re.compile(r"[\w][\w'-]*")

    def __init__(self, contexts: dict[str, tuple[str, ...]]):
        self.single: dict[str, list[str]] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (rest, context)
        for name, cues in contexts.items():
            for cue in cues:
                words = tuple(cue.lower().split())
                if len(words) == 1:
                    self.single.setdefault(words[0], []).append(name)
                elif words:
                    self.multi.setdefault(words[0], []).append((words[1:], name))
        sizes = [len(cue) for cue in self.single] or [1]
        self.lengths = (min(sizes), max(sizes))
        self._memo: dict[str, tuple[str, ...]] = {}

    def counts(self, text: str) -> dict[str, int]:
        """How often each context is cued in a text."""
        found: dict[str, int] = {}
        words = self._WORDS.findall(text.lower())
        for i, word in enumerate(words):
            for name in self._single_cues(word):
                found[name] = found.get(name, 0) + 1
            for rest, name in self.multi.get(word, ()):
                following = words[i + 1 : i + 1 + len(rest)]
                if len(following) == len(rest) and all(
                    w == r or (j == len(rest) - 1 and w.startswith(r))
                    for j, (w, r) in enumerate(zip(following, rest, strict=True))
                ):
                    found[name] = found.get(name, 0) + 1
        return found

    def _single_cues(self, word: str) -> tuple[str, ...]:
        """The contexts whose one-word cues begin the word; words recur, so answers are kept (up to a bound)."""
        hits = self._memo.get(word)
        if hits is None:
            shortest, longest = self.lengths
            hits = tuple(
                name for k in range(shortest, min(len(word), longest) + 1) for name in self.single.get(word[:k], ())
            )
            if len(self._memo) < MEMO_WORDS:
                self._memo[word] = hits
        return hits


def mode_cues(lexicon: Lexicon) -> dict[str, ContextCues]:
    """Per event type, its mode cue rows as a matcher whose "contexts" are row numbers; once per lexicon."""
    key = id(lexicon)
    if key not in _MODE_CUES:
        _MODE_CUES[key] = {
            event: ContextCues({str(row): cues for row, (_, cues) in enumerate(rows)})
            for event, rows in lexicon.mode_cues.items()
        }
    return _MODE_CUES[key]


def context_patterns(lexicon: Lexicon) -> ContextCues:
    """The lexicon's context cues, compiled once per lexicon."""
    key = id(lexicon)
    if key not in _CONTEXT_PATTERNS:
        _CONTEXT_PATTERNS[key] = ContextCues(lexicon.contexts)
    return _CONTEXT_PATTERNS[key]
