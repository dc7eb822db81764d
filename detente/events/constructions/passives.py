"""Who acts: the subject of an active verb, the agent of a passive, and the passives whose subject acts or
whose actor is the state where they happened."""

from __future__ import annotations

from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.syntax import agent_objects, hyphen_agents, lemma, place_heads
from detente.sentences.words import hyphen_prefix


@construction("hyphen-agent")
def hyphen_agent(ctx: EventContext, draft: Draft) -> str | None:
    """A participle of backing on a noun, its backer joined by a hyphen or named by "by", is a standing relation
    told in passing: "US-backed Kurdish forces" and "Serbia, backed by its ally Russia," code the backer
    backing the noun, a background event (flagged `background`, undated) that the ledger may use and a user
    may filter out (words.tsv `backing`)."""
    token = draft.token
    if token.tag_ != "VBN" or token.lemma_.lower() not in ctx.words.backing:
        return None  # "Israeli-occupied", "Saudi-led": a state of things, not support told in passing
    if token.dep_ == "amod" and hyphen_prefix(token):
        agents = hyphen_agents(token)
    elif token.dep_ == "acl":
        agents = agent_objects(token)
    else:
        return None
    if not agents or not ctx.entities(agents):
        return None
    draft.actor_heads, draft.recipient_heads, draft.background = agents, [token.head], True
    draft.consumed.add(token.i)
    return f"{agents[0].text!r} {token.text} {token.head.text!r}"


@construction("verdict")
def verdict(ctx: EventContext, draft: Draft) -> str | None:
    """A verdict in reported speech is the speaker's: "Latvia said the Russian demand was unacceptable" has
    Latvia judge the demand's owner, "said it was encouraging that Morocco had joined" Morocco (words.tsv
    `verdict`); told by no one, it is no event."""
    obj, token = draft.obj, draft.token
    if obj is None or lemma(obj) not in ctx.words.verdict or lemma(token) != "be":
        return None  # "called the agreement illegal": the caller gives it
    if not ctx.syntax.reported(token):
        draft.stop("a verdict no one is reported to give")
        return "told by no one"
    speaker, _ = ctx.syntax.subject(token.head)
    judged, _ = ctx.syntax.subject(token)
    if judged is not None and judged.lower_ == "it":  # "it was encouraging that ...": the clause it stands for
        clause = next((c for c in obj.children if c.dep_ == "ccomp"), None) or next(
            (c for c in token.children if c.dep_ == "ccomp"), None
        )
        judged = ctx.syntax.subject(clause)[0] if clause is not None else None
    if speaker is None:
        return None
    draft.actor_heads = [speaker]
    draft.recipient_heads = [judged] if judged is not None else []
    return f"the speaker {speaker.text!r} judges {judged.text if judged is not None else 'nothing named'!r}"


@construction("subject")
def subject(ctx: EventContext, draft: Draft) -> str | None:
    """The subject of an active verb is its actor, through to-clauses, coordination and participles up to
    their controller: "urged Iran to halt" has Iran halt, "secured ... and later recognized" shares one."""
    if draft.background or draft.actor_heads:
        return None  # the hyphen, or the speaker of a verdict, named who acts
    draft.subject, draft.passive = ctx.syntax.subject(draft.token)
    if draft.passive or draft.subject is None:
        return None
    draft.actor_heads = [draft.subject]
    return f"subject {draft.subject.text!r}"


@construction("passive")
def passive(ctx: EventContext, draft: Draft) -> str | None:
    """A passive's actor is its by-agent, and its subject the recipient ("was attacked by rebels"); but
    forces deployed or withdrawn act themselves ("troops were deployed"), so does the subject of a stative
    passive ("Hungary is opposed to new sanctions"), and a state action with no agent is by the state where
    it happened ("was arrested in Lebanon")."""
    if not draft.passive:
        return None
    token, event, subject = draft.token, draft.event, draft.subject
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    draft.actor_heads = agent_objects(token)
    if subject is not None and not draft.actor_heads and ctx.roles.has("passive-subject-acts", event, draft.mode):
        draft.actor_heads = [subject]  # "troops were deployed", "Vietnam is committed to ...": the subject acts
        return "its subject acts (types.tsv passive-subject-acts)"
    if subject is not None and agent is None and token.lemma_.lower() in ctx.words.stative_passive:
        draft.actor_heads = [subject]  # "Hungary is opposed to new sanctions": a state, not a passive act
        return "a stative passive: its subject is in that state (words.tsv stative-passive)"
    if not draft.actor_heads and event in ctx.roles.types("state-action"):
        draft.actor_heads = place_heads(token)  # "was arrested in Lebanon": the state where it happened
        draft.recipient_heads += [subject] if subject is not None else []
        return "a state action with no agent: the state where it happened"
    if subject is not None:
        draft.recipient_heads.append(subject)
    return "the by-agent acts on the subject"


@construction("actors")
def actors(ctx: EventContext, draft: Draft) -> str | None:
    """The entities the actor phrases name (docs/actors.md): "Chile and Peru signed" has two actors."""
    draft.actors = ctx.entities(draft.actor_heads)
    return f"{len(draft.actors)} from {len(draft.actor_heads)} phrases" if draft.actors else None


@construction("guessed-actor")
def guessed_actor(ctx: EventContext, draft: Draft) -> str | None:
    """A subject that names someone no rule resolves still acts: "Aldar Xelil, a spokesman, denied the
    report" keeps its event, with the phrase as actor, of the state the sentence names (else the dateline's,
    else the article's), flagged `actor_guessed` (docs/coding.md). A phrase that names no one ("the
    report", "it") is no actor."""
    if draft.actors or not draft.actor_heads:
        return None
    found = ctx.actors.guessed(draft.actor_heads[0])
    if found is None:
        return None
    draft.actors, draft.actor_guessed = [found], True
    return found.why


@construction("no-actor")
def no_actor(ctx: EventContext, draft: Draft) -> str | None:
    """An event needs an actor: "talks were held" names none, so it is not coded (and `detente explain` says
    so)."""
    if draft.actors:
        return None
    draft.stop("no actor: subject not resolved" if draft.actor_heads else "no actor: no subject found")
    return "no actor"
