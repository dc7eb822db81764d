"""Families of constructions (issue 14), each with sentences of our own in several wordings.

Each case is a sentence, published 2012-03-02, and one event it must code: (type, mode or None for any,
actor code, recipient code or "" for none).
"""

from __future__ import annotations

import pytest


def _coded(code, text: str) -> list[tuple[str, str, str, str]]:
    return [(e.event, e.mode, e.actor[0].code, e.recipient[0].code if e.recipient else "") for e in code(text)]


def _check(code, text: str, expected: tuple) -> None:
    event, mode, actor, recipient = expected
    found = _coded(code, text)
    assert any((f[0], f[2], f[3]) == (event, actor, recipient) and (mode is None or f[1] == mode) for f in found), (
        f"{expected} not in {found}"
    )


DEMANDS_AFTER_SPEECH = [
    # any verb of saying with must/should in its clause is a demand of the speaker on the clause's subject
    ("Egypt reiterated that Ethiopia must not fill the dam without an agreement.", ("REQUEST", None, "EGY", "ETH")),
    ("The African Union underlined that Sudan should hand over power to civilians.", ("REQUEST", None, "IGO", "SDN")),
    ("Japan repeated that China must release the detained businessman.", ("REQUEST", None, "JPN", "CHN")),
    ("Peru emphasised that Bolivia ought to return the seized trucks.", ("REQUEST", None, "PER", "BOL")),
    # a demand noun's clause names whom it asks, before the names inside what it asks for
    ("Iran renewed its demand that Israel withdraw from the Golan Heights.", ("REQUEST", "yield", "IRN", "ISR")),
    ("The Arab League repeated its call for Israel to halt settlement building.", ("REQUEST", None, "IGO", "ISR")),
]


@pytest.mark.parametrize(("text", "expected"), DEMANDS_AFTER_SPEECH)
def test_demands_after_any_verb_of_saying(code, text: str, expected: tuple) -> None:
    _check(code, text, expected)


def test_we_must_is_no_demand_after_any_verb_of_saying(code) -> None:
    assert not [
        e for e in code("The Kenyan president stressed that we must defend our borders.") if e.event == "REQUEST"
    ]
