"""Acronyms an article defines for itself: "the Somali Salvation Alliance (SSA) ... the SSA said"."""

from __future__ import annotations

import re

from detente.sentences.words import ParsedDoc as Doc
from detente.sentences.words import Word as Token

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")
NAME_DEPS = ("compound", "amod", "nmod", "poss", "det", "case")  # words inside a name, before its head


def defined_acronyms(doc: Doc) -> dict[str, int]:
    """Each acronym given in brackets right after a name of two capitalised words or more whose initials hold
    its first letter, mapped to the index of that name's head word; the first definition wins."""
    defined: dict[str, int] = {}
    for i in range(2, len(doc) - 2):
        acronym = doc[i]
        if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not ACRONYM.match(acronym.text):
            continue
        if acronym.text in defined:
            continue
        head = _name_head(doc[i - 2])
        words = [t for t in _name_words(head) if t.text[:1].isupper()]
        if len(words) >= 2 and acronym.text[0] in {t.text[0] for t in words}:
            defined[acronym.text] = head.i
    return defined


def _name_head(last: Token) -> Token:
    head = last
    while head.dep_ in NAME_DEPS and head.head.i > head.i:
        head = head.head
    return head


def _name_words(head: Token) -> list[Token]:
    """The words of the name: the head and the modifiers before it, with theirs ("Somali Salvation Alliance")."""
    left = min((t.i for t in head.subtree if t.i <= head.i), default=head.i)
    return [t for t in head.doc[left : head.i + 1] if t.pos_ in ("PROPN", "NOUN", "ADJ")]
