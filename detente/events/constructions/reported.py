"""Reported speech: demands said or quoted ("X said Y must ..."), refusals said of a proposal ("restoring
ties is impossible"), and who speaks in a sentence."""

from __future__ import annotations

from detente.actors.resolve import Found
from detente.events.context import EventContext
from detente.events.draft import Candidate, Miss
from detente.events.lexicon import NOT_AN_EVENT, Pattern
from detente.events.participants import recipients
from detente.events.syntax import (
    DEMAND_MODALS,
    condition_subjects,
    content,
    first_person,
    of_the_question,
    phrase,
    that_clause,
    xcomp_chain,
)
from detente.sentences.words import Word as Token

DEMAND_RULE = Pattern(
    "REQUEST", "", "say", "verb", source="rule:said-must", example="The UN said Israel must halt the strikes."
)
REFUSAL_RULE = Pattern(
    "REJECT",
    "",
    "be",
    "verb",
    source="rule:impossible",
    example="Restoring relations is impossible, the minister said.",
)
Trigger = tuple[Token, Pattern, Token | None, Token | None]  # trigger, pattern, object, to-clause verb


def _demands_modal(verb: Token) -> bool:
    """must/should/ought on the verb, or the verb itself ("Bolivia ought to return": the parser heads it), or on
    the verb it is the complement of ("Armenia must stop spreading lies")."""
    while True:
        if verb.lower_ in DEMAND_MODALS or any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        verb = verb.head


def reported_demands(ctx: EventContext, tokens: list[Token], taken: set[int]) -> list[Trigger]:
    """Verbs of saying whose reported clause has must/should/ought are demands (rule:said-must): "the UN said
    Israel must halt the strikes", "Egypt reiterated that Ethiopia must not fill the dam" (speech verbs and
    words.tsv `demanding`); "we must defend our country" asks no one."""
    found = []
    for token in tokens:
        if token.lemma_ not in ctx.syntax.speech_verbs and token.lemma_ not in ctx.words.demanding:
            continue
        if token.i in taken or token.pos_ != "VERB":
            continue
        clause = that_clause(token)
        if clause is None or not _demands_modal(clause):
            continue
        subject, _ = ctx.syntax.subject(clause)
        if subject is None or not first_person(subject):
            found.append((token, DEMAND_RULE, None, None))
    return found


def quoted_demand(ctx: EventContext, token: Token, pattern: Pattern, consumed: set[int]) -> Candidate | None:
    """An act someone must or should do, in a quote, is a demand by the speaker ('"But Azerbaijan must first
    pull its troops back," the prime minister said', also when the quote runs over two sentences)."""
    if pattern.type == NOT_AN_EVENT or not _demands_modal(token):
        return None
    speakers = ctx.actors.speaker_of(token)
    subject, passive = ctx.syntax.subject(token)
    if not speakers or subject is None or passive or first_person(subject):
        return None
    asked = [f for f in ctx.actors.entities(subject) if not f.inferred]
    actors = [Found(e, "the speaker of the quote") for e in speakers]
    if not asked or {f.entity.code for f in asked} <= {a.entity.code for a in actors}:
        return None
    consumed.update(t.i for t in content(token))
    note = f"{token.text!r} with 'must' in a quote: the speaker demands it ({pattern.type})"
    mode = ctx.roles.asked(pattern.type, "change")
    candidate = Candidate(DEMAND_RULE, token, "REQUEST", mode, actors, asked, [token], notes=[note])
    ctx.memory.note_event(token, speakers, "REQUEST")
    return candidate


def refusal_predicates(ctx: EventContext, tokens: list[Token]) -> list[Trigger]:
    """ "Restoring relations is impossible", "removing sanctions is out of the question": a refusal by
    whoever says it, of what the subject clause names (rule:impossible; words.tsv `refusal-predicate`)."""
    found = []
    for token in tokens:
        if token.lemma_ != "be":
            continue
        predicate = " ".join(
            c.lower_ + ("" if c.lower_ != "out" else " of the question" * of_the_question(c))
            for c in token.children
            if c.dep_ in ("acomp", "attr", "prep")
        )
        subject = next((c for c in token.children if c.dep_ == "csubj" and c.pos_ == "VERB"), None)
        words = predicate.split(" ")
        if subject is not None and any(p in words or p in predicate for p in ctx.words.refusal_predicate):
            found.append((token, REFUSAL_RULE, None, subject))
    return found


def refusal(ctx: EventContext, token: Token, subject: Token, consumed: set[int]) -> Candidate | None:
    """The REJECT of a refusal predicate: by the speaker (or the reporter), of whom the refused act reaches."""
    speakers = ctx.actors.speaker_of(token)
    if not speakers:
        reporter = ctx.actors.reporting_subject(token)
        speakers = [f.entity for f in ctx.actors.entities(reporter)] if reporter is not None else []
    chain = xcomp_chain(subject)
    consumed.update(t.i for t in chain)
    consumed.add(token.i)
    if not speakers:
        ctx.misses.append(Miss(token, "refusal with no speaker to attribute it to", [REFUSAL_RULE]))
        return None
    actors = [Found(e, "the speaker of the refusal") for e in speakers]
    inner = ctx.match_verb(subject)
    mode = ctx.roles.asked(inner[0].type) if inner else ""
    heads = [h for t in chain for h in ctx.syntax.recipient_heads(t)] + condition_subjects(token, chain)
    found = recipients(ctx, heads, actors)
    if not found:
        found = recipients(ctx, condition_subjects(token.head, [token]), actors)
    words = [subject, *[c for c in token.children if c.dep_ in ("acomp", "attr")]]
    notes = [f"{REFUSAL_RULE.source}: '{subject.text} ... {words[-1].text}' said by the speaker is REJECT"]
    return Candidate(
        REFUSAL_RULE,
        token,
        "REJECT",
        mode,
        actors,
        found,
        sorted(words, key=lambda t: t.i),
        phrase(subject),
        notes=notes,
    )


def note_speaker(ctx: EventContext, sent) -> None:
    """Who speaks in a sentence counts as a recent actor: "The ministry said ... It added ..."."""
    verb = ctx.actors.speech_head(sent)
    if verb is None:
        return
    subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    if subject.pos_ != "PRON":
        found = ctx.actors.entities(subject)
        if found:
            ctx.memory.note_event(verb, [f.entity for f in found])
