"""Auxiliary modes and conditions: what did not happen, may happen, or is yet to happen."""

from __future__ import annotations

from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.syntax import awaited_clauses, condition_clauses, in_condition, xcomp_chain


@construction("flags")
def flags(ctx: EventContext, draft: Draft) -> str | None:
    """negated, hypothetical and future from the verb, its to-clauses and the pass-through verbs above it:
    "did not attack", "may attack", "will attack", "plans to attack"."""
    draft.negated, draft.hypothetical, draft.future = ctx.flags(draft.token, draft.scope)
    named = [
        n for n, v in (("negated", draft.negated), ("hypothetical", draft.hypothetical), ("future", draft.future)) if v
    ]
    return ", ".join(named) if named else None


@construction("condition")
def condition(ctx: EventContext, draft: Draft) -> str | None:
    """An act inside an if/unless/whether clause is the condition of another act, not reported as done: "If
    Serbia recognizes Kosovo, the EU would open talks" codes only the EU's offer."""
    if not in_condition(draft.token):
        return None
    draft.stop("the condition of another act (if/unless/whether)")
    return "inside a condition"


@construction("not-coded-apart")
def not_coded_apart(ctx: EventContext, draft: Draft) -> str | None:
    """The words of the event, the participle that tells its result ("attacked the camp, killing 156
    people"), and what a threat or demand waits for ("unless Baghdad accepts", "before allowing convoys
    in") are no events of their own."""
    token, event = draft.token, draft.event
    draft.consumed.update(t.i for t in draft.words)
    draft.consumed.add(token.i)
    draft.consumed.update(_result_participles(ctx, token, event))
    if event == "THREATEN":
        draft.consumed.update(t.i for clause in condition_clauses(token, draft.scope) for t in xcomp_chain(clause))
    if event in ctx.roles.types("awaits"):
        draft.consumed.update(t.i for clause in awaited_clauses(token) for t in clause.subtree)
    return "its words"


def _result_participles(ctx: EventContext, token, event: str) -> list[int]:
    """A subjectless participle clause that tells what the act did is the same event."""
    found = []
    for child in token.children:
        if child.dep_ != "advcl" or child.tag_ != "VBG":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            continue
        inner = ctx.match_verb(child)
        if inner is not None and inner[0].type == event:
            found.append(child.i)
    return found
