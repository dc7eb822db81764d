"""How one event reads for the ledger: its direction in the pair, and which thread states it would move."""

from __future__ import annotations

from dataclasses import dataclass

from detente.ledger.threads import WORDS_AFTER, WORDS_BEFORE, Move, ThreadBook, normalize
from detente.model import Event, intensity_of


@dataclass(frozen=True)
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


def sort_key(event: Event) -> tuple:
    """The order of the ledger: (date, doc_id, sentence_index, event_id), then tie-breakers."""
    return (
        event.date or "",
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
    actors = {e.code for e in event.actor}
    recipients = {e.code for e in event.recipient}
    a_to_b = a in actors and b in recipients
    b_to_a = b in actors and a in recipients
    if (a_to_b and b_to_a) or (a in actors and b in actors):
        return "joint"
    if a_to_b:
        return f"{a}->{b}"
    if b_to_a:
        return f"{b}->{a}"
    return None


def _windows(event: Event) -> tuple[str, str]:
    """(words before the trigger plus the trigger, the whole focus) of an event, as raw text."""
    sentence, trigger = event.sentence, event.trigger
    at = sentence.lower().find(trigger.lower()) if trigger else -1
    if at < 0:
        head = trigger or sentence
        return head, f"{head} {event.object}"
    before = " ".join(sentence[:at].split()[-WORDS_BEFORE:])
    after = " ".join(sentence[at + len(trigger) :].split()[:WORDS_AFTER])
    head = f"{before} {trigger}"
    return head, f"{head} {event.object} {after}"


def read_event(event: Event, a: str, b: str, book: ThreadBook) -> Reading | None:
    """The reading of an event for the pair (a, b), or None when the event is not between them."""
    direction = direction_of(event, a, b)
    if direction is None:
        return None
    head, focus_text = _windows(event)
    head, focus = normalize(head), normalize(focus_text)
    sentence = ""  # normalized only when a move looks at the whole sentence
    offer = event.future or book.offer_cues.matches(head, head)
    persists = book.persist_cues.matches(focus, focus)
    moves: dict[str, Move] = {}
    context = []
    for thread in book.threads:
        for move in thread.moves:
            if not move.accepts_type(event.event, event.mode):
                continue
            if (move.tense == "done" and offer) or (move.tense == "offer" and not offer):
                continue
            if not sentence and any(g.in_sentence for g in move.cues):
                sentence = normalize(event.sentence)
            if all(group.matches(focus, sentence) for group in move.cues):
                moves[thread.id] = move
                break
        else:
            if thread.cues.matches(focus, focus):
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
