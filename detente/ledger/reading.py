"""How one event reads for the ledger: its direction in the pair, and which thread states it would move."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente.ledger.threads import WORDS_AFTER, WORDS_BEFORE, Move, ThreadBook, normalize
from detente.model import Event, intensity_of


@dataclass(slots=True)
class Reading:
    """One event of the pair, with its sort key and what it means for each thread."""

    key: tuple
    event: Event
    direction: str  # "A->B", "B->A" (with the pair's codes) or "joint" (both countries act together)
    by: str  # who moves a thread: the acting country of the pair, both codes sorted ("GEO+RUS") if joint
    counted: bool  # False for negated and hypothetical events: they never move a state nor a score
    offer: bool  # an offer, promise or plan rather than a done act
    persists: bool  # the report says a state still holds ("ties remain severed")
    moves: dict[str, Move]  # thread id -> the first move whose type, tense and cues fit
    context: tuple[str, ...]  # threads whose cue words the event mentions without moving them
    milli_intensity: int  # intensity in thousandths, so sums are exact and order-free
    json: dict | None = field(default=None, compare=False, repr=False)  # its JSON form, made once when read


def sort_key(event: Event) -> tuple:
    """The order of the ledger: (date, doc_id, sentence_index, event_id), then tie-breakers; within one
    date, reports flagged historical come first, as they tell of something before that day."""
    return (
        event.date or "",
        not event.historical,
        event.doc_id,
        event.sentence_index,
        event.event_id,
        event.trigger_start,
        event.event,
        event.mode,
        tuple(e.code for e in event.actor),
        tuple(e.code for e in event.recipient),
        event.trigger,
        event.object,
    )


def direction_of(event: Event, a: str, b: str) -> str | None:
    """ "A->B", "B->A", "joint" or None when the event is not between a and b."""
    actors = [e.code for e in event.actor]
    recipients = [e.code for e in event.recipient]
    a_acts, b_acts = a in actors, b in actors
    if a_acts and b_acts:
        return "joint"
    a_to_b = a_acts and b in recipients
    b_to_a = b_acts and a in recipients
    if a_to_b:
        return f"{a}->{b}"
    if b_to_a:
        return f"{b}->{a}"
    return None


def _trigger_span(sentence: str, trigger: str) -> tuple[int, int] | None:
    """Where the trigger words sit in the sentence: the coder may drop words between them
    ("offered restore" for "offered to restore"), so find the first word, then the last after it."""
    words = trigger.lower().split()
    if not words:
        return None
    lowered = sentence.lower()
    at = lowered.find(words[0])
    end = at + len(words[0])
    if (
        len(words) == 1
        and at >= 0
        and not (at and lowered[at - 1].isalnum())
        and not (end < len(lowered) and lowered[end].isalnum())
    ):
        return at, end  # the common case, without a regex
    first = re.search(r"\b" + re.escape(words[0]) + r"\b", lowered)
    if first is None:
        return None
    last = re.search(r"\b" + re.escape(words[-1]) + r"\b", lowered[first.start() :])
    end = first.start() + last.end() if last else first.end()
    return first.start(), end


def _windows(event: Event) -> tuple[str, str]:
    """(the words before the trigger and the trigger words, the whole focus) of an event, as raw text.
    The head holds the trigger words only, not what lies between them: "rejected [Armenia's offer to]
    restore" is no offer."""
    sentence = event.sentence
    span = _trigger_span(sentence, event.trigger)
    if span is None:
        head = event.trigger or sentence
        return head, f"{head} {event.object}"
    start, end = span
    before = " ".join(sentence[:start].split()[-WORDS_BEFORE:])
    after = " ".join(sentence[end:].split()[:WORDS_AFTER])
    return f"{before} {event.trigger}", f"{before} {sentence[start:end]} {event.object} {after}"


def read_event(event: Event, a: str, b: str, book: ThreadBook) -> Reading | None:
    """The reading of an event for the pair (a, b), or None when the event is not between them."""
    direction = direction_of(event, a, b)
    if direction is None:
        return None
    head, focus_text = _windows(event)
    cues = book.cues
    hits = cues.hits(normalize(focus_text))
    sentence_hits = None  # found only when a move looks at the whole sentence
    offer = event.future or book.id_of(book.offer_cues) in cues.hits(normalize(head))
    persists = book.id_of(book.persist_cues) in hits
    moves: dict[str, Move] = {}
    context = []
    mode = event.mode
    for entry in book.by_type[event.event]:
        if entry.screen is not None and entry.screen.isdisjoint(hits):
            continue
        thread = entry.thread
        for move, checks in zip(entry.moves, entry.checks, strict=True):
            tense = move.tense
            if (move.mode and move.mode != mode) or (tense == "done" and offer) or (tense == "offer" and not offer):
                continue
            for gid, in_sentence, negated in checks:
                if in_sentence:
                    if sentence_hits is None:
                        sentence_hits = cues.hits(normalize(event.sentence))
                    if (gid in sentence_hits) == negated:
                        break
                elif (gid in hits) == negated:
                    break
            else:
                moves[thread.id] = move
                break
        else:
            if entry.context in hits:
                context.append(thread.id)
    by = "+".join(sorted((a, b))) if direction == "joint" else direction.split("->")[0]
    intensity = event.intensity if event.intensity else intensity_of(event.event, event.mode)
    return Reading(
        key=sort_key(event),
        event=event,
        direction=direction,
        by=by,
        counted=not (event.negated or event.hypothetical),
        offer=offer,
        persists=persists,
        moves=moves,
        context=tuple(context),
        milli_intensity=round(intensity * 1000),
    )
