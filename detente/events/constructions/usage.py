"""Uses of a trigger word that are no event at all."""

from __future__ import annotations

from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.lexicon import NOT_AN_EVENT


@construction("not-an-event")
def not_an_event(ctx: EventContext, draft: Draft) -> str | None:
    """A lexicon row of type NONE stops this use of the verb, and its object is no event either: "struck a
    conciliatory tone"."""
    if draft.pattern.type != NOT_AN_EVENT:
        return None
    draft.consumed.update([draft.token.i, *([draft.obj.i] if draft.obj is not None else [])])
    draft.stop("a NONE row: this use of the verb is no event", record=False)
    return f"{draft.pattern.source}: {draft.pattern.text!r} is no event"
