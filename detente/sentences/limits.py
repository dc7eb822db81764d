"""How long a sentence may be before the parser sees it.

A "sentence" of thousands of words with no full stop is never news: it is a table, a feed error or an
attack. The parser's time and memory grow with it, and the tree walks of actor and event resolution
recurse along it, so such a run of text is blanked (its offsets kept) with a logged reason instead.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# The longest sentences of wire copy run to about 80 words and 500 characters; these leave room to spare.
MAX_SENTENCE_WORDS = 200
MAX_SENTENCE_CHARS = 3000

# Where a sentence surely ends for this check: end punctuation before a space, quote or bracket, or a line break.
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'\u201d\u2019)\]]|$)|\n")
_NOT_NEWLINE = re.compile(r"[^\n]")


def overlong_sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, words) of each run of text between sentence ends that is over either limit."""
    found = []
    start = 0
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    for end in [*ends, len(text)]:
        if end - start > MAX_SENTENCE_WORDS:  # fewer characters cannot hold too many words
            words = len(text[start:end].split())
            if words > MAX_SENTENCE_WORDS or end - start > MAX_SENTENCE_CHARS:
                found.append((start, end, words))
        start = end
    return found


def blank_overlong_sentences(text: str, source: str) -> str:
    """The text with each overlong sentence turned to spaces (line breaks kept), each logged with `source`."""
    spans = overlong_sentences(text)
    if not spans:
        return text
    parts = []
    done = 0
    for start, end, words in spans:
        log.warning(
            "%s: sentence at characters %d-%d skipped: %d words, %d characters with no sentence end "
            "(limits %d words, %d characters)",
            source, start, end, words, end - start, MAX_SENTENCE_WORDS, MAX_SENTENCE_CHARS,
        )
        parts += [text[done:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        done = end
    parts.append(text[done:])
    return "".join(parts)
