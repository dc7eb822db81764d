"""Which cue groups a text mentions, found in one pass over its words (the ledger's hot path)."""

from __future__ import annotations

from collections.abc import Iterable

# Words seen are cached with the groups they hit; the cache is emptied when it grows past this, so a
# store of millions of articles cannot make it grow without bound.
CACHE_LIMIT = 200_000

_NONE: frozenset[int] = frozenset()


class CueIndex:
    """Maps each alternative of each cue group ("restor*", "cease fire") to the group ids it belongs to.

    hits(text) gives the same answer as searching every group's regex in the normalized text: an
    alternative of n words matches n consecutive words, the last one by prefix when it ends in "*".
    """

    def __init__(self, groups: Iterable[tuple[int, tuple[str, ...]]]) -> None:
        exact: dict[str, set[int]] = {}
        stems: dict[str, set[int]] = {}
        starters: dict[int, set[str]] = {}
        for gid, alternatives in groups:
            for alternative in alternatives:
                words = alternative.split()
                if len(words) > 1:
                    starters.setdefault(len(words), set()).add(words[0])
                if alternative.endswith("*"):
                    stems.setdefault(alternative[:-1], set()).add(gid)
                else:
                    exact.setdefault(alternative, set()).add(gid)
        self._exact = {k: frozenset(v) for k, v in exact.items()}
        self._stems = {k: frozenset(v) for k, v in stems.items()}
        self._stem_lengths = sorted({len(s.split()[-1]) for s in stems})
        self._starters = {n: frozenset(words) for n, words in sorted(starters.items())}
        self._any_starter = frozenset().union(*self._starters.values())
        self._words: dict[str, frozenset[int]] = {}

    def _lookup(self, phrase: str, last_word_start: int) -> frozenset[int]:
        """Groups hit by a phrase: exactly, or by a stem that covers all but an ending of its last word."""
        found = self._exact.get(phrase, _NONE)
        last_length = len(phrase) - last_word_start
        for length in self._stem_lengths:
            if length > last_length:
                break
            stem_hit = self._stems.get(phrase[: last_word_start + length])
            if stem_hit:
                found = found | stem_hit
        return found

    def hits(self, normalized: str) -> set[int]:
        """The ids of the groups with an alternative in a normalized text (see threads.normalize)."""
        words = normalized.split()
        cache = self._words
        out: set[int] = set()
        for i, word in enumerate(words):
            found = cache.get(word)
            if found is None:
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                found = cache[word] = self._lookup(word, 0)
            if found:
                out |= found
            if word not in self._any_starter:
                continue
            for n, first_words in self._starters.items():
                if word in first_words and i + n <= len(words):
                    phrase = " ".join(words[i : i + n])
                    hit = self._lookup(phrase, len(phrase) - len(words[i + n - 1]))
                    if hit:
                        out |= hit
        return out
