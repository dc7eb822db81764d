"""GDELT 2.0's 16 Mentions-table columns, one row per mention of an event in its article (docs/store.md).

Each value comes from the event's record (r, as detente.layouts.gdelt reads it) and one of its mentions (m:
the sentence and the trigger's offsets). What detente does not measure (tone, translation) is left empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Mention = dict[str, Any]
Value = Callable[[dict, Mention], Any]


def _time(name: str) -> Value:
    return lambda r, m: r[name].strftime("%Y%m%d%H%M%S") if r[name] else ""


def _offset(side: str) -> Value:
    """Where the first actor (or recipient) is named, when it is named in this mention's sentence; else -1."""

    def value(r: dict, m: Mention) -> int:
        starts = [s for s in r[f"{side}_starts"] or [] if s is not None]
        return starts[0] if starts and m["sentence_index"] == r["sentence_index"] else -1

    return value


def _empty(r: dict, m: Mention) -> str:
    return ""


GDELT_MENTIONS: tuple[tuple[str, Value], ...] = tuple(
    {
        "GlobalEventID": lambda r, m: r["event_key"],
        "EventTimeDate": _time("loaded_at"),  # when the event's first article was loaded
        "MentionTimeDate": _time("loaded_at"),  # the mention is in that article
        # 1 web (a URL), 2 citation only (an article without one)
        "MentionType": lambda r, m: 1 if r["url"] or r["article_url"] else 2,
        "MentionSourceName": lambda r, m: r["source"] or r["doc_id"],
        "MentionIdentifier": lambda r, m: r["url"] or r["article_url"] or r["doc_id"],
        "SentenceID": lambda r, m: m["sentence_index"] + 1,  # GDELT counts sentences from 1
        "Actor1CharOffset": _offset("actor"),
        "Actor2CharOffset": _offset("recipient"),
        "ActionCharOffset": lambda r, m: m["trigger_start"],
        "InRawText": lambda r, m: 1,  # offsets are into the article's text as read
        # 100, or 50 when the actor's state was guessed from the article rather than named
        "Confidence": lambda r, m: 50 if r["actor_guessed"] else 100,
        "MentionDocLen": lambda r, m: "" if r["doc_length"] is None else r["doc_length"],
        "MentionDocTone": _empty,
        "MentionDocTranslationInfo": _empty,
        "Extras": _empty,
    }.items()
)
GDELT_MENTIONS_COLUMNS: tuple[str, ...] = tuple(name for name, _ in GDELT_MENTIONS)


def mentions_of(r: dict) -> list[Mention]:
    """The record's mentions from its flat columns (sentence, trigger start and end)."""
    return [
        {"sentence_index": s, "trigger_start": start, "trigger_end": end}
        for s, start, end in zip(r["mention_sentences"], r["mention_starts"], r["mention_ends"], strict=True)
    ]
