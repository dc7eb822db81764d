"""The type-decision table at work: rewrites.tsv rows applied at their step of the constructions."""

from __future__ import annotations

from collections.abc import Callable

from detente.events.constructions.forces import delivered_to_a_state, posture_mode
from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Candidate, Draft
from detente.events.participants import recipients
from detente.events.rewrites import CONDITIONS, ONE_SIDE, SEVERAL, Rewrite
from detente.events.syntax import clause_words, condition, condition_subjects, lemma, modal, neither_subject

Target = Draft | Candidate


def _plain_not(target: Target) -> bool:
    token = target.token
    return any(c.dep_ == "neg" for c in token.children) or neither_subject(token)


# The conditions of rewrites.tsv's `when` column.
WHEN: dict[str, Callable[[EventContext, Target], bool]] = {
    "-": lambda ctx, t: True,
    "future": lambda ctx, t: t.future,
    "announced": lambda ctx, t: t.future,  # told now of later: the telling is the act
    "promised": lambda ctx, t: t.future or modal(t.token, t.scope),
    "readied": lambda ctx, t: t.future and ctx.readied(t.token),
    "unless": lambda ctx, t: t.future and condition(t.token) == "unless",
    "negated": lambda ctx, t: t.negated,
    "refused": lambda ctx, t: t.negated and (t.pattern.lemma in ctx.words.refused_when_negated or not _plain_not(t)),
    "refusing": lambda ctx, t: t.negated and t.future,
    "delivered": lambda ctx, t: delivered_to_a_state(ctx, t.token, t.actors),
    "cyber": lambda ctx, t: any(
        w.lower_ in ctx.words.cyber_cue or lemma(w) in ctx.words.cyber_cue for w in clause_words(t.token)
    ),
}
if set(WHEN) != set(CONDITIONS):
    raise RuntimeError(f"rewrites.tsv conditions without an implementation: {set(CONDITIONS) ^ set(WHEN)}")


def _argument_holds(ctx: EventContext, target: Target, role: str, name: str) -> bool:
    if role == "subject":
        subject = target.subject
        return not target.passive and subject is not None and lemma(subject) in ctx.lexicon.word_class(name)
    if role == "object":
        return bool(ctx.syntax.object_lemmas(target.token) & ctx.lexicon.word_class(name))
    if name == SEVERAL:
        return len({a.entity.code for a in target.actors}) > 1
    if name == ONE_SIDE:
        return len({a.entity.code for a in target.actors}) == 1
    sectors = getattr(ctx.sectors, name.replace("-", "_"))
    return bool(target.actors) and all(a.entity.sector in sectors for a in target.actors)


def _fits(ctx: EventContext, row: Rewrite, target: Target) -> bool:
    return (
        row.fits_type(target.event, target.mode)
        and all(_argument_holds(ctx, target, role, name) for role, name in row.arguments)
        and WHEN[row.when](ctx, target)
    )


def _new_mode(ctx: EventContext, row: Rewrite, target: Target) -> str:
    if row.to_mode == "@threat":
        return ctx.lexicon.threat_mode(target.event, target.mode, ctx.syntax.object_lemmas(target.token))
    if row.to_mode == "@posture":
        return posture_mode(target.mode, target.actors)
    if row.to_mode == "@asked":
        return ctx.roles.asked(target.event)
    if not row.to_mode and row.to_event == target.event:
        return target.mode  # the type stays: so does its mode ("will boycott the summit" is REJECT:meet)
    return row.to_mode


# Conditions whose rewritten act happens when it is told: a threat, a promise or a refusal of something later.
TOLD_NOW = frozenset({"promised", "unless", "announced", "negated", "refused", "refusing"})


def apply_rewrites(ctx: EventContext, step: str, target: Target) -> Rewrite | None:
    """Apply the first row of the step that fits the target, if any, and return it."""
    row = next((r for r in ctx.lexicon.rewrites if r.step == step and _fits(ctx, r, target)), None)
    if row is None:
        return None
    was = f"{target.event}{':' + target.mode if target.mode else ''}"
    target.event, target.mode = row.to_event, _new_mode(ctx, row, target)
    target.notes.append(f"{row.note}: {was} is {target.event}{':' + target.mode if target.mode else ''} ({row.source})")
    if row.when in TOLD_NOW or (row.when == "future" and row.step == "tense"):
        # made when it is told: "will expel the envoy in May" threatens now, "will visit next week" is agreed
        # now, "will not lift the ban" refuses now
        target.said = True
    if row.when == "promised":
        target.hypothetical = False  # a threat is reported, not hypothetical
    elif row.when in ("negated", "refused", "refusing", "announced"):
        target.negated = target.future = False  # the refusal happened
    elif row.when == "unless" and isinstance(target, Draft):
        # "will withdraw unless X ...": X is whom the threat is aimed at, when no one else is named
        target.recipients = target.recipients or recipients(
            ctx, condition_subjects(target.token, target.scope), target.actors
        )
    return row


# What each step's rows decide, with an example (the rows' own examples are in rewrites.tsv).
STEP_SUMMARIES = {
    "actors": 'by who acts: "protesters attacked the embassy" is a riot, not an attack',
    "forces": 'by the forces moved: "Indian and French warships held exercises" is COOPERATE, "sent tanks to'
    ' Ukraine" is AID',
    "tense": 'by the tense: "will visit" is AGREE, "will expel" THREATEN, "prepared to storm" MOBILIZE',
    "negation": 'by a refusal: "did not accept the proposal" is REJECT',
    "noun": 'of event nouns: "Serbia\'s protest to Croatia" is a diplomatic complaint (ACCUSE)',
}


def _step(step: str) -> Callable[[EventContext, Draft], str | None]:
    def run(ctx: EventContext, draft: Draft) -> str | None:
        row = apply_rewrites(ctx, step, draft)
        return row.source if row is not None else None

    run.__doc__ = f"The type decisions of rewrites.tsv at this step, {STEP_SUMMARIES[step]}."
    return run


for _name in STEP_SUMMARIES:
    construction(f"rewrites:{_name}")(_step(_name))
