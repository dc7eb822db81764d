"""Where the trigger and the actors sit in an event's sentence, for highlighting."""

from __future__ import annotations

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


def event_spans(event: Event, text: str | None) -> dict[str, Any]:
    """The sentence's offset in the article and the trigger/actor/recipient spans, in sentence offsets too."""
    start = sentence_start(event, text)
    spans = [_span("trigger", event.trigger, "", event.trigger_start, event.trigger_end, event.sentence, start)]
    for kind, entities in (("actor", event.actor), ("recipient", event.recipient)):
        spans.extend(_entity_span(kind, entity, event.sentence, start) for entity in entities)
    return {"sentence_start": start, "spans": spans}


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
