"""What a threat threatens: its THREATEN mode (threats.tsv) and whom it would reach."""

from __future__ import annotations

from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.participants import recipients
from detente.events.syntax import condition_subjects, that_clause


@construction("threat-mode")
def threat_mode(ctx: EventContext, draft: Draft) -> str | None:
    """What would be hit decides a threat's mode: "threatened to cut ties" is `relations`, "to cut gas
    supplies" `restrict`; for "warned that Washington would impose tariffs" the clause's act gives the mode,
    and whom it would reach (else who must not provoke it) the recipient."""
    if draft.event != "THREATEN":
        return None
    lexicon, comp_pattern = ctx.lexicon, draft.comp_pattern
    if comp_pattern is not None:
        objects = ctx.syntax.object_lemmas(draft.comp)
        draft.mode = lexicon.threat_mode(comp_pattern.type, comp_pattern.mode, objects, by_object_only=True) or (
            draft.mode or lexicon.threat_mode(comp_pattern.type, comp_pattern.mode, objects)
        )
        return f"by the to-clause: {draft.mode or '(none)'}"
    if draft.mode:
        return None
    threatened = that_clause(draft.token)
    inner = ctx.match_verb(threatened) if threatened is not None else None
    if not inner:
        return None
    draft.mode = lexicon.threat_mode(inner[0].type, inner[0].mode, ctx.syntax.object_lemmas(threatened))
    heads = [*ctx.syntax.recipient_heads(threatened), *condition_subjects(threatened, [threatened])]
    draft.recipients = draft.recipients or recipients(ctx, heads, draft.actors)
    return f"by the that-clause: {draft.mode or '(none)'}"
