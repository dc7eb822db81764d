"""Texts the coder cannot read well, rejected with the reason: another language than English, or a text that
is mostly markup, code or lists rather than prose (docs/inputs.md, "Language and quality").

The language is py3langid's guess (its model ships inside the package: nothing is downloaded). A short
text gives it little to go on ("Chile met Peru." reads as Sesotho), so a text is rejected only when the
guess is confident and well ahead of English.
"""

from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = ("en",)  # the languages detente codes
# Guesses that English text draws, counted as English: Nigerian Pidgin is English-based, and short English
# sentences about Nigeria ("Boko Haram killed three Nigerian policemen.") read as it.
ENGLISH_LIKE = ("en", "pcm")
LANGUAGE_SAMPLE_CHARS = 4000  # the start of a text is enough to tell its language
MIN_CONFIDENCE = 0.4  # a guess below this share of the probability is too unsure to reject on
MIN_LEAD = 4.0  # ... and it must be this many times as likely as English

PROSE_MIN_WORDS = 5  # a line of fewer words is a heading, a menu entry or a list item, not prose
PROSE_MAX_SYMBOLS = 0.05  # a line where more of its characters are symbols is markup or code
MIN_PROSE_SHARE = 0.5  # a text with fewer of its words in prose lines is rejected
MIN_WORDS_TO_JUDGE = 40  # a shorter text may be a headline or a lead alone: not judged on its shape

# What prose is written with: letters, digits, spaces and punctuation; anything else (< > = { } [ ] _ # * | @ \\ ^ ~
# ` + &) is a symbol. English news has next to none; markup and code are full of them.
_SYMBOL = re.compile(r"[^\w\s'’‘\"“”.,;:!?()\-–—%$€£/]|_")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> tuple[str, float, float]:
    """(the likeliest language's ISO 639 code, its probability, the probability of English or alike)."""
    ranked = _identifier().rank(text[:LANGUAGE_SAMPLE_CHARS])
    english = sum(p for code, p in ranked if code in ENGLISH_LIKE)
    code, probability = ranked[0]
    return code, probability, english


def language_problem(text: str) -> str | None:
    """"language: fr" when the text is confidently in a language detente does not code, else None."""
    code, probability, english = language_of(text)
    if code in LANGUAGES or code in ENGLISH_LIKE or probability < MIN_CONFIDENCE or probability < MIN_LEAD * english:
        return None
    return f"language: {code}"


def prose_share(text: str) -> float:
    """The share of a text's words that stand in prose lines: lines of at least PROSE_MIN_WORDS words where
    at most PROSE_MAX_SYMBOLS of the characters are symbols (<, >, {, }, =, _, #, *, |, @ and the like)."""
    total = prose = 0
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        total += len(words)
        characters = sum(len(word) for word in words)
        symbols = len(_SYMBOL.findall(line))
        if len(words) >= PROSE_MIN_WORDS and symbols <= PROSE_MAX_SYMBOLS * characters:
            prose += len(words)
    return prose / total if total else 1.0


def shape_problem(text: str) -> str | None:
    """Why a text is mostly markup, code or lists rather than prose, or None."""
    if len(text.split()) < MIN_WORDS_TO_JUDGE:
        return None
    share = prose_share(text)
    if share >= MIN_PROSE_SHARE:
        return None
    return f"mostly markup, code or lists, not prose: {share:.0%} of its words are in prose lines"


def quality_problem(text: str) -> str | None:
    """Why a text is not to be coded (not English, or not prose), or None."""
    return shape_problem(text) or language_problem(text)
