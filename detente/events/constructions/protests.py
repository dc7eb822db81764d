"""Protests: street protest or diplomatic complaint by the actor's kind, and whom a protest is against."""

from __future__ import annotations

from detente.actors.resolve import Found
from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Candidate, Draft
from detente.events.lexicon import Pattern
from detente.events.syntax import against, in_noun_against, lemma, prep_objects
from detente.model import QUAD
from detente.sentences.words import Word as Token


def by_actor_kind(
    ctx: EventContext, pattern: Pattern, actors: list[Found], rivals: list[Pattern] | None = None
) -> Pattern | None:
    """Among equally specific patterns of a lemma, PROTEST for non-state actors, another type for states;
    for armed groups, the use of force where there is one ("rebels struck" is no labour strike)."""
    if rivals is None:
        rivals = [
            p
            for p in ctx.lexicon.verbs.get(pattern.lemma, [])
            if p.specificity == pattern.specificity
            and p.particles == pattern.particles
            and p.objects == pattern.objects
        ]
    if len({p.type for p in rivals}) < 2:
        return None
    non_state = all(a.entity.sector in ctx.sectors.non_state for a in actors)
    if non_state and any(a.entity.sector in ctx.sectors.armed_non_state for a in actors):
        force = next((p for p in rivals if QUAD[p.type] == "material_conflict"), None)
        if force is not None:
            return force
    if non_state:
        return next((p for p in rivals if p.type == "PROTEST"), None)
    if pattern.type == "PROTEST":
        return next((p for p in rivals if p.type != "PROTEST"), None)
    return None


def kind_switch(
    ctx: EventContext,
    pattern: Pattern,
    event: str,
    actors: list[Found],
    notes: list[str],
    rivals: list[Pattern] | None = None,
) -> Pattern | None:
    """The rival pattern the actors' kind codes instead of `event`, noted; None when the type stays."""
    switched = by_actor_kind(ctx, pattern, actors, rivals)
    if switched is None or switched.type == event:
        return None
    non_state = all(a.entity.sector in ctx.sectors.non_state for a in actors)
    kind = "non-state actor" if switched.type == "PROTEST" else "armed group" if non_state else "state actor"
    notes.append(f"{kind}: {pattern.lemma!r} is {switched.type} ({switched.source})")
    return switched


@construction("actor-kind")
def actor_kind(ctx: EventContext, draft: Draft) -> str | None:
    """Rival rows of a verb choose by the actor: "students protested the decision" is a protest, "Tokyo
    protested the incursion" a complaint; "teachers struck" a labour strike, "rebels struck" an attack."""
    switched = kind_switch(ctx, draft.pattern, draft.event, draft.actors, draft.notes)
    if switched is None:
        return None
    draft.event, draft.mode = switched.type, switched.mode
    return f"{switched.type} ({switched.source})"


def protest_targets(ctx: EventContext, words: list[Token]) -> list[Token]:
    """Whom a protest is against, from its purpose: "began a hunger strike to protest Sweden's decision",
    "marched in protest at the arrests", "rallied to denounce the government"."""
    heads: list[Token] = []
    for word in words:
        heads += _purpose_targets(ctx, word)
        heads += in_noun_against(word, ctx.words.protest_noun, ("in", "during", "at"))  # "in protest at X"
        # "rallied outside the French embassy": the body whose seat a protest gathers at
        heads += [
            p
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ in ("outside", "at", "near", "to")
            for p in prep_objects(prep)
            if lemma(p) in ctx.words.seat
        ]
        if word.pos_ in ("VERB", "AUX"):
            # "rioted following a demonstration calling for ...": the protest it grew out of tells whom
            around = [
                n
                for prep in word.children
                if prep.dep_ == "prep" and prep.lower_ in ("during", "following", "after", "at")
                for n in prep.children  # "following" may be parsed a verb with a direct object
                if n.dep_ in ("pobj", "dobj") and n.lemma_.lower() in ctx.words.protest_noun
            ]
            heads += protest_targets(ctx, around)
    return heads


def _purpose_targets(ctx: EventContext, word: Token) -> list[Token]:
    """ "to protest X", "to denounce X", "calling for the removal of X" on a protest word."""
    heads: list[Token] = []
    for child in word.children:
        if child.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        if child.lemma_.lower() in ctx.words.protest_purpose:
            heads += [c for c in child.children if c.dep_ == "dobj"] + against(child)
        elif child.lemma_.lower() == "call":  # "a demonstration calling for the removal of Mubarak"
            heads += [p for prep in child.children if prep.lower_ == "for" for p in prep_objects(prep)]
    return heads


def without_protest_topics(ctx: EventContext, candidates: list[Candidate]) -> list[Candidate]:
    """Drop what a protest demands ("gathered to demand that X step down"): PLOVER codes the protest only."""
    anchors = set()
    for c in candidates:
        if c.event == "PROTEST":
            anchors.add(c.trigger.i)
            if c.trigger.pos_ in ("NOUN", "PROPN"):
                anchors.add(c.trigger.head.i)  # the light verb of "staged a hunger strike"
    topics = ctx.roles.types("protest-topic")
    return [
        c
        for c in candidates
        if not (c.event in topics and c.trigger.dep_ in ("advcl", "xcomp") and c.trigger.head.i in anchors)
    ]
