"""Whom a verb's event reaches: its own objects, then its to-clause's, then, while none is named, the
fallbacks of its type, each a construction of its own (docs/coding.md, "Actor and recipient")."""

from __future__ import annotations

from detente.actors.entities import Found
from detente.events.constructions.protests import protest_targets
from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.participants import actor_side, named_before, place_recipients, recipients, talked_with
from detente.events.syntax import (
    TARGET_PREPS,
    TO_FIRST,
    condition_subjects,
    in_noun_against,
    lemma,
    place_heads,
    prep_objects,
    sentence_start_before,
)


@construction("recipient-phrases")
def recipient_phrases(ctx: EventContext, draft: Draft) -> str | None:
    """The phrases that may name the recipient: the trigger's objects and prepositional objects (a to/into
    phrase first for material help: "sent troops into Mali"), then its to-clause's; for an accusation or
    a request, whom it is about before whom it is addressed to ("complained to the Arab League about
    Iranian drone strikes": IRN; types.tsv `target-first`)."""
    first_preps = TO_FIRST if draft.event in ctx.roles.types("to-recipient") else frozenset()
    draft.first_preps = first_preps
    draft.recipient_heads += ctx.syntax.recipient_heads(draft.token, first_preps)
    draft.own_heads = list(draft.recipient_heads)
    draft.recipient_heads += [t for s in draft.scope[1:] for t in ctx.syntax.recipient_heads(s, first_preps)]
    if draft.event in ctx.roles.types("target-first"):
        # "protested to the Security Council about Turkish shelling": whom it is about beats whom it is told
        targets = [
            p
            for word in draft.scope
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS
            for p in prep_objects(prep)
        ]
        own_targets = [t for t in targets if t in draft.own_heads]
        draft.own_heads = [*own_targets, *(h for h in draft.own_heads if h not in own_targets)]
        draft.recipient_heads = [*targets, *(h for h in draft.recipient_heads if h not in targets)]
    return f"{len(draft.recipient_heads)} phrases"


def _unnamed(draft: Draft) -> bool:
    """Whether no recipient is named yet (none, or only pronouns and guesses)."""
    return all(f.pronoun or f.inferred for f in draft.recipients)


@construction("own-objects")
def own_objects(ctx: EventContext, draft: Draft) -> str | None:
    """The verb's own objects name the recipient before its to-clause's ("would blockade Paris to force a
    repeal of the reform" reaches Paris), unless all they name is the actor's own ("ordered its troops to")."""
    # "US-backed Kurdish forces": the forces, not what their phrase names ("the coalition against IS")
    depth = 0 if draft.background else 2
    draft.recipients = recipients(ctx, draft.own_heads, draft.actors, depth)
    if draft.background:
        if not draft.recipients:
            draft.stop("backing of no one named: no background event")
        return "the backed noun"
    if _unnamed(draft):
        draft.recipients = recipients(ctx, draft.recipient_heads, draft.actors)
        return "the to-clause's phrases" if draft.recipients else None
    return "the verb's own phrases"


@construction("protest-defied")
def protest_defied(ctx: EventContext, draft: Draft) -> str | None:
    """Whom a protest defies beats what it blocks or where: "filled the streets of Minsk in defiance of the
    Belarusian police"; what it is in protest at is the next best ("marched in protest at the arrests")."""
    if draft.event != "PROTEST":
        return None
    before = draft.recipients
    defied = [h for word in draft.scope for h in in_noun_against(word, frozenset({"defiance"}))]
    draft.recipients = recipients(ctx, defied, draft.actors) or draft.recipients
    draft.recipients = draft.recipients or recipients(ctx, protest_targets(ctx, draft.scope), draft.actors)
    return "whom the protest is against" if draft.recipients is not before else None


@construction("after-talks")
def after_talks(ctx: EventContext, draft: Draft) -> str | None:
    """Who a concession or agreement follows talks with is its recipient: "called off their strike after
    talks with the government" (types.tsv `after-talks`)."""
    if not _unnamed(draft) or draft.event not in ctx.roles.types("after-talks"):
        return None
    found = recipients(ctx, talked_with(ctx, draft.scope), draft.actors)
    draft.recipients = found or draft.recipients
    return "the other side of the talks" if found else None


@construction("talks-parties")
def talks_parties(ctx: EventContext, draft: Draft) -> str | None:
    """With no one named, a party to talks told just before (in this sentence or the two before it) acts on
    the talks' other parties: "delegations met in Geneva for talks. The rebels refused to discuss the port"
    refuses the government (types.tsv `at-talks`); inferred, so flagged."""
    if draft.recipients or not ctx.roles.has("at-talks", draft.event, draft.mode) or not draft.actors:
        return None
    codes = {a.entity.code for a in draft.actors}
    on_side = actor_side(ctx, draft.actors)
    since = sentence_start_before(draft.token, 2)
    for index, actors in ctx.memory.latest(draft.token.i):
        if index < since:
            break
        if ctx.memory.recent_types.get(index) != "CONSULT":
            continue
        parties = ctx.memory.parties(index, actors)
        if not codes & {p.code for p in parties}:
            return None  # the latest talks were between others
        others = list({(p.code, p.sector): p for p in parties if not on_side(p)}.values())
        draft.recipients = [Found(p, "a party to the talks told just before", inferred=True) for p in others]
        return "the other parties to the talks" if draft.recipients else None
    return None


@construction("despite-pressure")
def despite_pressure(ctx: EventContext, draft: Draft) -> str | None:
    """Whose pressure a refusal resists: "declined to resign despite pressure from the commission"."""
    if draft.recipients or draft.event != "REJECT":
        return None
    pressed = [p for w in draft.scope for prep in w.children if prep.lower_ == "despite" for p in prep_objects(prep)]
    draft.recipients = recipients(ctx, pressed, draft.actors)
    return "whose pressure it resists" if draft.recipients else None


@construction("named-before")
def named_before_rule(ctx: EventContext, draft: Draft) -> str | None:
    """A definite noun that names no one takes the phrase of the same noun named before: "Moscow suspended
    the flights" after "direct flights to Georgia"."""
    if draft.recipients:
        return None
    draft.recipients = recipients(ctx, named_before(ctx, draft.own_heads), draft.actors)
    return "the same noun named before" if draft.recipients else None


@construction("shelter")
def shelter(ctx: EventContext, draft: Draft) -> str | None:
    """Where refuge or asylum is sought is whom it is asked of: "sought refuge in Germany"."""
    obj = draft.obj
    if draft.recipients or obj is None or lemma(obj) not in ctx.words.shelter:
        return None
    draft.recipients = recipients(ctx, [*place_heads(draft.token), *place_heads(obj)], draft.actors)
    return "where shelter is sought" if draft.recipients else None


@construction("threat-condition")
def threat_condition(ctx: EventContext, draft: Draft) -> str | None:
    """A threat's condition names who is threatened: "threatened to quit the talks if Washington pressed
    ahead"."""
    if draft.recipients or draft.event != "THREATEN":
        return None
    draft.recipients = recipients(ctx, condition_subjects(draft.token, draft.scope), draft.actors)
    return "the subject of its condition" if draft.recipients else None


@construction("place-of-act")
def place_of_act(ctx: EventContext, draft: Draft) -> str | None:
    """With no one else named, the place of a material act is its recipient, and a city there stands for its
    people: "lifted a curfew in Montenegro", "imposed a curfew in Algiers" (DZA/CVL); types.tsv
    `place-recipient`."""
    if draft.recipients or not ctx.roles.has("place-recipient", draft.event, draft.mode):
        return None
    scope = draft.scope
    destinations = [
        p
        for s in scope
        for prep in s.children
        if prep.dep_ == "prep" and prep.lower_ in TO_FIRST
        for p in prep_objects(prep)
    ]
    places = [p for s in scope for p in place_heads(s)] + [
        p for o in [*(o for s in scope for o in ctx.syntax.objects(s)), *destinations] for p in place_heads(o)
    ]
    draft.recipients = place_recipients(ctx, places, draft.actors, draft.event)
    return "where it happened" if draft.recipients else None
