"""To-clauses: the verb of a to-clause folds into the verb above it ("offered to restore ties" is one AGREE)."""

from __future__ import annotations

from detente.events.constructions.registry import construction
from detente.events.context import CONFLICT_QUADS, EventContext
from detente.events.draft import Draft
from detente.events.lexicon import NOT_AN_EVENT
from detente.events.syntax import clause_verbs, content, that_clause
from detente.model import QUAD


@construction("to-clause")
def to_clause(ctx: EventContext, draft: Draft) -> str | None:
    """The to-clause is part of the trigger's event, not an event of its own, nor are the verbs coordinated
    with it: "Russia offered to restore diplomatic ties" is one AGREE, "vowed to strike and destroy the
    bases" one THREATEN. A vow of what is no event promises nothing ("vowed to defend its
    territory"); what a folded demand asks for is no event either ("gathered to demand that X resign")."""
    comp = draft.comp
    if comp is None:
        return None
    inner = ctx.match_verb(comp) or ctx.light_verb_noun(comp)
    comp_pattern = inner[0] if inner else None
    chain = clause_verbs(comp)
    draft.consumed.update(t.i for t in chain)
    if comp_pattern is not None and comp_pattern.type == NOT_AN_EVENT:
        if draft.pattern.complement == "threaten":
            draft.consumed.add(draft.token.i)
            draft.stop("its to-clause is no event (NONE)", [draft.pattern, comp_pattern])
            return f"{comp.text!r} is no event, so the vow promises none"
        comp_pattern = None  # "agreed to call an election": the agreement stands on its own
    if comp_pattern is not None and comp_pattern.type in ctx.roles.types("clause-recipient"):
        clause = that_clause(comp)
        if clause is not None:
            draft.consumed.update(t.i for t in content(clause))
    draft.comp_pattern = comp_pattern
    draft.scope += chain
    draft.words.append(comp)
    if comp_pattern is not None:
        draft.notes.append(f"to-clause {comp.text!r} ({comp_pattern.type}) folded into {draft.token.text!r}")
    return f"{comp.text!r} folded in"


@construction("vow-of-force")
def vow_of_force(ctx: EventContext, draft: Draft) -> str | None:
    """A vow or warning whose to-clause is an act of conflict is a threat: "vowed to retaliate", "swore to
    fight on" (verbs.tsv complement `threaten`); a verb of conflict whose object none of its rows takes is no
    act of conflict ("prepared to introduce visa-free entry")."""
    comp, comp_pattern = draft.comp, draft.comp_pattern
    if comp is None or draft.pattern.complement != "threaten":
        return None
    # "swore to fight on", "vowed to crush the rebels": a verb of conflict alone or done to someone; done to a
    # thing none of its rows takes, it is no conflict ("prepared to introduce visa-free entry")
    things = [c for c in comp.children if c.dep_ == "dobj" and not ctx.actors.entities(c)]
    unmatched_object = comp_pattern is None and bool(things)
    conflict = comp_pattern.type if comp_pattern is not None else "" if unmatched_object else ctx.only_conflict(comp)
    if not conflict or QUAD[conflict] not in CONFLICT_QUADS:
        return None
    mode = comp_pattern.mode if comp_pattern else ""
    draft.event, draft.mode = "THREATEN", ctx.lexicon.threat_mode(conflict, mode, ctx.syntax.object_lemmas(comp))
    draft.notes.append("conflict in the to-clause: THREATEN")
    return f"{comp.text!r} is {conflict}"


@construction("asked-mode")
def asked_mode(ctx: EventContext, draft: Draft) -> str | None:
    """A request or refusal takes its mode from what is asked for or refused (types.tsv `asked`): "urged Iran to
    resume talks" is REQUEST:meet, asking for aid `assist`, for a release `yield`."""
    if draft.event not in ("REQUEST", "REJECT") or draft.mode:
        return None
    draft.mode = ctx.asked_mode(draft.comp_pattern, draft.obj)
    return f"mode {draft.mode or '(none)'}"
