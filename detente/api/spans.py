"""Where the trigger and the actors sit in an event's sentence, for highlighting."""

from __future__ import annotations

import re
from typing import Any

from detente.model import Entity, Event


def sentence_start(event: Event, text: str | None) -> int | None:
    """Offset of the event's sentence in the article text: the occurrence that holds the trigger."""
    if not text or not event.sentence:
        return None
    best, position = None, text.find(event.sentence)
    while position != -1:
        best = position if best is None else best
        if position <= event.trigger_start < position + len(event.sentence):
            return position
        position = text.find(event.sentence, position + 1)
    return best


def tidy_entity(entity: Entity) -> Entity:
    """The entity with its text stripped, its offsets moved to match: a mention next to a blanked dateline
    can carry the blank ("      Somalia"), which a reader should not see."""
    text = entity.text
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if not lead and not trail:
        return entity
    start = entity.start + lead if entity.start is not None else None
    end = entity.end - trail if entity.end is not None else None
    return entity.model_copy(update={"text": " ".join(text.split()), "start": start, "end": end})


def tidy_event(event: Event) -> Event:
    """The event with its actors' and recipients' texts stripped (tidy_entity)."""
    actor = [tidy_entity(e) for e in event.actor]
    recipient = [tidy_entity(e) for e in event.recipient]
    if actor == event.actor and recipient == event.recipient:
        return event
    return event.model_copy(update={"actor": actor, "recipient": recipient})


def event_spans(event: Event, text: str | None) -> dict[str, Any]:
    """The sentence's offset in the article and the trigger/actor/recipient spans, in sentence offsets too.

    A trigger of several words ("urged ... withdraw") is one span per word, so that an actor or recipient
    between them ("urged Russia to withdraw") is a span of its own, not hidden inside the trigger's."""
    event = tidy_event(event)
    start = sentence_start(event, text)
    spans = _trigger_spans(event, start)
    for kind, entities in (("actor", event.actor), ("recipient", event.recipient)):
        spans.extend(_entity_span(kind, entity, event.sentence, start) for entity in entities)
    return {"sentence_start": start, "spans": spans}


def _trigger_spans(event: Event, start: int | None) -> list[dict[str, Any]]:
    whole = _span("trigger", event.trigger, "", event.trigger_start, event.trigger_end, event.sentence, start)
    words = event.trigger.split()
    if len(words) < 2 or whole["sentence_start"] is None:
        return [whole]
    spans, at, stop = [], whole["sentence_start"], whole["sentence_end"]
    for word in words:
        found = re.search(r"\b" + re.escape(word) + r"\b", event.sentence[at:stop])
        if found is None:
            return [whole]  # the words are not where the trigger says: keep its one span
        begin, end = at + found.start(), at + found.end()
        offset = start if start is not None else None
        spans.append(
            {
                "kind": "trigger",
                "text": word,
                "code": "",
                "start": None if offset is None else offset + begin,
                "end": None if offset is None else offset + end,
                "sentence_start": begin,
                "sentence_end": end,
            }
        )
        at = end
    return spans


def _entity_span(kind: str, entity: Entity, sentence: str, start: int | None) -> dict[str, Any]:
    return _span(kind, entity.text, entity.code, entity.start, entity.end, sentence, start)


def _span(
    kind: str, words: str, code: str, begin: int | None, end: int | None, sentence: str, start: int | None
) -> dict[str, Any]:
    local_begin = local_end = None
    if start is not None and begin is not None and end is not None and start <= begin <= end <= start + len(sentence):
        local_begin, local_end = begin - start, end - start
    elif words and (found := sentence.find(words)) != -1:
        # Offsets missing or outside the sentence (e.g. an actor resolved from an earlier sentence).
        local_begin, local_end = found, found + len(words)
    return {
        "kind": kind,
        "text": words,
        "code": code,
        "start": begin,
        "end": end,
        "sentence_start": local_begin,
        "sentence_end": local_end,
    }
