"""Forces moved, readied or handed over: MOBILIZE and its neighbours."""

from __future__ import annotations

from collections.abc import Callable

from detente.actors.resolve import Found
from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.syntax import lemma, prep_objects
from detente.sentences.words import Word as Token

# ASSAULT modes by weapons systems: readying them is MOBILIZE weapons (PLOVER manual, MOBILIZE modes).
WEAPON_MODES = frozenset({"heavy-weapons", "aerial", "drone", "unconventional"})


def posture_mode(act_mode: str, actors: list[Found]) -> str:
    """The MOBILIZE mode of readied force: weapons for an act by weapons systems, else by who readies it."""
    if act_mode in WEAPON_MODES:
        return "weapons"
    sectors = {a.entity.sector for a in actors}
    if "COP" in sectors:
        return "police"
    return "militia" if sectors & {"REB", "PRM", "UAF", "CRM"} else "troops"


def delivered_to_a_state(ctx: EventContext, verb: Token, actors: list[Found]) -> bool:
    """Whether the verb hands weapons to another country ("sent tanks to Ukraine"), not shows force at a
    place ("sent a carrier to the Gulf", "to the border") or deploys ships ("a warship to Guyana")."""
    if any(lemma(o) in ctx.words.vessel for o in ctx.syntax.objects(verb)):
        return False
    own = {a.entity.code for a in actors}
    for prep in verb.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
            for place in prep_objects(prep):
                mention = ctx.actors.by_token.get(place.i)
                if mention is not None and mention.name.kind == "country" and mention.name.code not in own:
                    return True
    return False


@construction("own-forces")
def own_forces(ctx: EventContext, draft: Draft) -> str | None:
    """The forces a state moves are its own, not whom the move is aimed at: "flew bombers near Alaska"."""
    if draft.event != "MOBILIZE":
        return None
    own = {a.entity.code for a in draft.actors}
    return _drop_recipients(draft, lambda f: f.inferred and f.entity.code in own, "the actor's own")


@construction("state-forces")
def state_forces(ctx: EventContext, draft: Draft) -> str | None:
    """A state's own forces are no recipient of what the state or its government does ("pledged to keep Kenyan
    troops in Somalia"), unless it may do it to them (types.tsv `on-own-forces`: "prosecuted former junta
    officers"); the fallbacks after it may then find whom it reaches."""
    if not draft.recipients or ctx.roles.has("on-own-forces", draft.event, draft.mode):
        return None
    states = {a.entity.code for a in draft.actors if a.entity.sector in ctx.sectors.state}
    forces = ctx.sectors.state_forces
    return _drop_recipients(
        draft, lambda f: f.entity.code in states and f.entity.sector in forces, "the state's own forces"
    )


def _drop_recipients(draft: Draft, dropping: Callable[[Found], bool], whose: str) -> str | None:
    """Drop the recipients a test picks out; the construction's note says how many, if any."""
    kept = [f for f in draft.recipients if not dropping(f)]
    dropped = len(draft.recipients) - len(kept)
    draft.recipients = kept
    return f"{dropped} of {whose} dropped" if dropped else None


@construction("noun-state-forces")
def noun_state_forces(ctx: EventContext, draft: Draft) -> str | None:
    """A state's own forces are no recipient of a noun event of the state or its government either ("Kenya's
    pledge of more troops"), save of what it may do to them (types.tsv `on-own-forces`)."""
    return state_forces(ctx, draft)
