"""Clauses that are asked for, alleged, denied or charged: their acts are not events of their own, and
their subject is whom the demand or allegation is about."""

from __future__ import annotations

from detente.events.constructions.registry import construction
from detente.events.context import EventContext, VerbMatch
from detente.events.draft import Draft
from detente.events.syntax import (
    charged_acts,
    content,
    noun_clauses,
    noun_that_clauses,
    own_subject,
    that_clause,
    xcomp_chain,
)
from detente.sentences.words import Word as Token


def alleged_by_nouns(ctx: EventContext, tokens: list[Token]) -> set[int]:
    """The words of that-clauses on allegation, demand or denial nouns ("an allegation that the rebels had
    taken the city"): alleged, demanded or denied, not done."""
    consumed: set[int] = set()
    for token in tokens:
        if token.pos_ == "NOUN" and ctx.is_noun_head(token):
            patterns = ctx.noun_patterns(token)
            if patterns and patterns[0].type in ctx.roles.types("clause-recipient"):
                consumed.update(t.i for c in noun_that_clauses(token) for t in content(c))
    return consumed


@construction("charged-acts")
def charged(ctx: EventContext, draft: Draft) -> str | None:
    """What a charge names is alleged, not done: "accused the US of violating human rights" and "arrested for
    collaborating with Israel" are one event each (types.tsv `charge`)."""
    if not ctx.roles.has("charge", draft.event, draft.mode):
        return None
    acts = charged_acts(draft.token)
    draft.consumed.update(t.i for t in acts)
    return f"{len(acts)} charged acts" if acts else None


def _mode_of_what_is_asked(ctx: EventContext, draft: Draft, inner: VerbMatch | None) -> None:
    """A request or refusal with no mode yet takes the one of the act its clause asks for or refuses."""
    if inner and draft.event in ("REQUEST", "REJECT") and not draft.mode:
        draft.mode = ctx.roles.asked(inner[0].type, "change")


@construction("that-clause")
def reported_clause(ctx: EventContext, draft: Draft) -> str | None:
    """A demand, allegation, refusal, threat or promise names its recipient in its that-clause ("demanded
    that the government provide ...") and what it demands is no event; so does a clause on its object ("renewed
    its demand that Israel withdraw", "repeated its call for Israel to halt", "denied reports that its troops
    shelled ...": what the clause asks or claims is no event either; types.tsv `clause-recipient`)."""
    token, event = draft.token, draft.event
    clause = that_clause(token) if ctx.roles.has("clause-recipient", event, draft.mode) else None
    if clause is not None:
        _mode_of_what_is_asked(ctx, draft, ctx.match_verb(clause))
        draft.consumed.update(t.i for t in content(clause))
        clause_subject, _ = ctx.syntax.subject(clause)
        inside = {t.i for t in clause.subtree}
        addressed = [
            h
            for h in ctx.syntax.recipient_heads(token)
            if h.i not in inside and any(not f.pronoun for f in ctx.actors.entities(h))
        ]
        if clause_subject is not None and not addressed:
            # "pressed on the president that the fight was not won": said to him; the clause is what is said
            draft.recipient_heads.append(clause_subject)
        return f"that-clause {clause.text!r}"
    if event in ctx.roles.types("clause-recipient"):
        clauses = [c for o in ctx.syntax.objects(token) for c in noun_clauses(o)]
        draft.consumed.update(t.i for c in clauses for t in xcomp_chain(c))
        subjects = [s for c in clauses if (s := own_subject(c)) is not None]
        # the one the clause asks or accuses comes before the names inside the object's phrase
        draft.own_heads = [*subjects, *draft.own_heads]
        draft.recipient_heads = [*subjects, *draft.recipient_heads]
        _mode_of_what_is_asked(ctx, draft, next((m for c in clauses if (m := ctx.match_verb(c))), None))
        return "clauses on its object" if clauses else None
    return None
