"""Attacks: whose they are when no subject says, and the attack noun that killed."""

from __future__ import annotations

from detente.actors.resolve import STATE_PLACE_KINDS, Found
from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.syntax import lemma, phrase, place_heads, prep_objects, sentence_start_before
from detente.model import Entity
from detente.sentences.words import Word as Token


def _open_to_attribution(draft: Draft) -> bool:
    """An attack with no actor yet, told by a verb (a gerund used as a noun or hung on one is no attack by
    anyone unnamed: "a Koran burning in Stockholm")."""
    token = draft.token
    nominal = token.tag_ == "VBG" and (token.dep_ == "acl" or any(c.dep_ == "det" for c in token.children))
    return not draft.actors and draft.event == "ASSAULT" and not nominal


def attack_owners(ctx: EventContext, verb: Token, subject: Token | None = None) -> list[Found]:
    """Who the attack a killing happened in, or that killed, belongs to: the names on the attack noun, by
    whom it was carried out or claimed ("an ambush claimed by the Taliban")."""
    nouns = [
        n for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "by") for n in prep_objects(prep)
    ]
    for noun in [*nouns, *([subject] if subject is not None else [])]:
        if not ctx.attack_noun(noun):
            continue
        owners = ctx.named_modifiers(noun)
        owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in prep_objects(c)]
        owners += [
            p
            for claimed in noun.children
            if claimed.dep_ == "acl" and lemma(claimed) in ctx.words.claiming
            for agent in claimed.children
            if agent.dep_ == "agent"
            for p in prep_objects(agent)
        ]
        found = ctx.entities(owners)
        if found:
            return found
    return []


@construction("attack-owner")
def attack_owner(ctx: EventContext, draft: Draft) -> str | None:
    """A killing in an attack the text names, or by it, is by whom the attack names: "were killed in a PKK
    attack", "died in an Israeli air strike", "a car bomb claimed by al-Shabaab killed six"."""
    if not _open_to_attribution(draft):
        return None
    subject = draft.subject if not draft.passive else None
    draft.actors = attack_owners(ctx, draft.token, subject)
    return "the names on the attack noun" if draft.actors else None


def _attack_place(ctx: EventContext, token: Token, subject: Token | None) -> str:
    """The state of the place an attack happened in or near."""
    code = ""
    for head in [token, *([subject] if subject is not None else [])]:
        near = [
            p
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in ("near", "at", "around", "outside")
            for p in prep_objects(prep)
        ]
        for place in [*place_heads(head), *near]:
            for t in place.subtree:
                mention = ctx.actors.by_token.get(t.i)
                if mention is not None and mention.name.code and mention.name.kind in STATE_PLACE_KINDS:
                    code = mention.name.code
                    break
    return code


PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "inside", "across", "throughout", "around"})


def _place_told_before(ctx: EventContext, token: Token) -> str:
    """The state of the latest place named after a place preposition in the two sentences before ("killed three
    aid workers in northern Mali. ... Two engineers were killed"): where the story is."""
    since = sentence_start_before(token, 2)
    for mention in reversed(ctx.actors.mentions):
        if mention.start >= token.sent.start or mention.start < since:
            continue
        before = mention.start - 1
        while before > 0 and (ctx.actors.doc[before].pos_ == "ADJ" or ctx.actors.doc[before].text == "-"):
            before -= 1  # "in northern Mali", "in south-western Niger"
        placed = before >= 0 and ctx.actors.doc[before].lower_ in PLACE_PREPOSITIONS
        if placed and mention.name.code and mention.name.kind in STATE_PLACE_KINDS:
            return mention.name.code
    return ""


@construction("unidentified-attacker")
def unidentified_attacker(ctx: EventContext, draft: Draft) -> str | None:
    """Violence with no named perpetrator is by PLOVER's unidentified armed forces (UAF) of the state where
    it happened: a place on it ("a roadside bomb killed two soldiers in Kandahar"), else the place the two
    sentences before told of, else the named victims' state. With no place and no named victim, no one is coded."""
    if not _open_to_attribution(draft):
        return None
    token = draft.token
    subject = draft.subject if not draft.passive else None
    code = _attack_place(ctx, token, subject) or _place_told_before(ctx, token)
    if not code:
        for head in [*draft.recipient_heads, *[c for c in token.children if c.dep_ == "dobj"]]:
            found = [f for f in ctx.actors.entities(head) if not f.inferred]
            if found:  # victims whose state is only guessed from context leave the attack unplaced
                code = found[0].entity.code
                break
    if not code:
        return None
    text = phrase(subject) if subject is not None else "unidentified attackers"
    start = subject.idx if subject is not None else token.idx
    entity = Entity(text=text, code=code, sector="UAF", start=start, end=start + len(text))
    why = "no perpetrator named: unidentified armed forces (UAF) where it happened"
    draft.actors = [Found(entity, why, inferred=True)]
    return f"UAF of {code}"


@construction("attack-noun-subject")
def attack_noun_subject(ctx: EventContext, draft: Draft) -> str | None:
    """An attack noun that killed is one event with the killing, reaching whom it struck: "an Israeli strike
    on a school killed 30 people"."""
    subject = draft.subject
    if draft.event != "ASSAULT" or draft.passive or subject is None or not ctx.attack_noun(subject):
        return None
    draft.consumed.add(subject.i)
    draft.recipient_heads += [
        p
        for prep in subject.children
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against")
        for p in prep_objects(prep)
    ]
    return f"{subject.text!r} and the killing are one attack"
