"""Event nouns: "Russia's invasion of Ukraine", "an attack by rebels", "staged a hunger strike"."""

from __future__ import annotations

from detente.actors.entities import Found
from detente.events.constructions.protests import kind_switch, protest_targets
from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.participants import place_recipients, recipients
from detente.events.syntax import lemma, noun_clauses, noun_that_clauses, place_heads, prep_objects

NOUN_RECIPIENT_PREPS = ("on", "against", "of", "to", "with", "into", "from", "toward", "towards", "for")


@construction("standing-ally")
def standing_ally(ctx: EventContext, draft: Draft) -> str | None:
    """A noun of standing support in apposition to a name, with an owner, tells a relation in passing: "Russia,
    Assad's main ally," and "Iran, a key backer of Hezbollah," code the name backing the owner, "its ally China"
    China backing the one "its" stands for: a background event (flagged `background`, undated), like
    "US-backed forces" (words.tsv `ally-noun`). Named in no apposition, the noun is no event ("allies met")."""
    token = draft.token
    if lemma(token) not in ctx.words.ally_noun:
        return None
    named = [token.head] if token.dep_ == "appos" else []
    named += [c for c in token.children if c.dep_ in ("appos", "compound") and c.i > token.i]
    owners = [c for c in token.children if c.dep_ == "poss"]
    owners += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep_objects(prep)]
    if not named or not owners or not ctx.entities(named):
        draft.stop("a noun of standing support in no apposition to a name, or owned by no one: no event")
        return "no apposition or no owner"
    draft.actor_heads, draft.recipient_heads, draft.background = named, owners, True
    return f"{named[0].text!r} backs {owners[0].text!r}"


@construction("noun-owner")
def noun_owner(ctx: EventContext, draft: Draft) -> str | None:
    """The names on the noun are its actor: a possessor ("Russia's invasion"), a compound or adjective
    ("the Russian offensive", "a PKK attack")."""
    if draft.background:
        return None  # its apposition named who acts
    draft.actor_heads = ctx.named_modifiers(draft.token)
    return ", ".join(h.text for h in draft.actor_heads) or None


def _light_verb(ctx: EventContext, draft: Draft):
    """The verb that carries the noun: "staged a hunger strike", "took part in a protest", "claimed
    responsibility for a missile attack", "spoke during a video call with Biden" (types.tsv setting)."""
    token = draft.token
    if token.dep_ in ("dobj", "nsubjpass") and lemma(token.head) in ctx.lexicon.light_verbs:
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        verb = token.head.head  # "took part in a protest", "converged on the capital for a rally"
        if token.head.lower_ in ctx.lexicon.light_preps.get(lemma(verb), ()):
            return verb
        if token.head.lower_ == "for" and lemma(verb) == "responsibility" and lemma(verb.head) in ctx.words.claiming:
            return verb.head  # "the Houthis claimed responsibility for a missile attack": theirs
        if (
            token.head.lower_ in ctx.words.setting
            and verb.pos_ in ("VERB", "AUX")
            and ctx.roles.has("setting", draft.pattern.type, draft.pattern.mode)
        ):
            return verb  # "Macron spoke during a video call with Biden": Macron took part in it
    return None


@construction("light-verb")
def light_verb(ctx: EventContext, draft: Draft) -> str | None:
    """A light verb's subject is the actor of the noun's event, and the one the noun's possessive pronoun
    stands for: "staged a hunger strike", "the committee completed its investigation" (light_verbs.tsv)."""
    draft.light = light = _light_verb(ctx, draft)
    heads = draft.actor_heads
    possessive_pronouns = bool(heads) and all(h.dep_ == "poss" and h.pos_ == "PRON" for h in heads)
    if light is None or light.i in draft.consumed or (heads and not possessive_pronouns):
        return None
    subject, passive = ctx.syntax.subject(light)
    if subject is None or passive or (heads and not ctx.actors.entities(subject)):
        return None
    draft.actor_heads = [subject]
    return f"the subject of {light.text!r}"


@construction("noun-phrase-actors")
def noun_phrase_actors(ctx: EventContext, draft: Draft) -> str | None:
    """A by-phrase names the actor ("an attack by rebels"), so does a from-phrase of a verbal noun
    ("criticism from Washington") and "between X and Y" of a mutual one ("the rapprochement
    between Riyadh and Tehran"); types.tsv `from-actor`, `mutual`."""
    event, added = draft.pattern.type, []
    by_phrase = any(p.dep_ == "prep" and p.lower_ == "by" for p in draft.token.children)
    of_actor = not draft.actor_heads and not by_phrase and ctx.roles.has("of-actor", event, draft.pattern.mode)
    for prep in draft.token.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "by" or (prep.lower_ == "from" and event in ctx.roles.types("from-actor")):
            added += [p for p in prep.children if p.dep_ == "pobj"]
        if prep.lower_ == "between" and event in ctx.roles.types("mutual"):
            added += [p for p in prep.children if p.dep_ == "pobj"]
        if prep.lower_ == "of" and of_actor:  # "the withdrawal of US troops", "the resignation of the minister"
            added += [p for p in prep.children if p.dep_ == "pobj"]
    draft.actor_heads += added
    return ", ".join(h.text for h in added) or None


@construction("received")
def received(ctx: EventContext, draft: Draft) -> str | None:
    """A verb of getting turns the noun around: in "Quito won the backing of Bogota" and "Yerevan received
    aid from Tokyo" the of/from phrase acts and the verb's subject is reached (types.tsv `received`)."""
    token = draft.token
    verb = token.head
    if token.dep_ != "dobj" or lemma(verb) not in ctx.words.receiving or verb.i in draft.consumed:
        return None
    if not ctx.roles.has("received", draft.pattern.type, draft.pattern.mode):
        return None
    givers = [
        p
        for head in (token, verb)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    subject, passive = ctx.syntax.subject(verb)
    if not givers or subject is None or passive:
        return None
    draft.actor_heads = givers
    draft.recipient_heads = [subject]
    return f"given by {', '.join(g.text for g in givers)} to the subject of {verb.text!r}"


@construction("noun-actors")
def noun_actors(ctx: EventContext, draft: Draft) -> str | None:
    """A noun event is coded only when its phrase names an actor: "the invasion" alone is no event, "Russia's
    invasion" is."""
    draft.actors = ctx.entities(draft.actor_heads)
    if not draft.actors:
        draft.stop("noun event with no actor in its phrase")
        return "no actor in its phrase"
    return f"{len(draft.actors)} actors"


@construction("armed-owner")
def armed_owner(ctx: EventContext, draft: Draft) -> str | None:
    """An attack named as a military noun and owned by a state's bare name or adjective is the act of its armed
    forces: "the Turkish invasion", "Israeli airstrikes", "Russia's bombardment of the port" (types.tsv
    `armed-noun`; nouns.tsv context military)."""
    if (
        not ctx.roles.has("armed-noun", draft.pattern.type, draft.pattern.mode)
        or "military" not in draft.pattern.context
    ):
        return None
    codes = ctx.actors.gaz.codes
    armed = [
        Found(
            f.entity.model_copy(update={"sector": "MIL"}),
            f"{f.why}; a military act: its armed forces",
            f.inferred,
            f.pronoun,
        )
        if f.entity.sector == "" and not codes.is_organisation(f.entity.code)
        else f
        for f in draft.actors
    ]
    changed = [a.entity.code for a, b in zip(armed, draft.actors, strict=True) if a is not b]
    draft.actors = armed
    return f"{', '.join(changed)} as MIL" if changed else None


@construction("noun-recipients")
def noun_recipients(ctx: EventContext, draft: Draft) -> str | None:
    """The noun's on/against/of/to/with/for phrases name whom it reaches ("sanctions against Iran", "support
    for the regime"), and so do its light verb's objects."""
    token, light = draft.token, draft.light
    if draft.recipient_heads:  # set by a construction before (received)
        draft.recipients = recipients(ctx, draft.recipient_heads, draft.actors)
        return "the subject of the verb of getting" if draft.recipients else None
    of_actor = ctx.roles.has("of-actor", draft.pattern.type, draft.pattern.mode)
    heads = [
        p
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in NOUN_RECIPIENT_PREPS and not (of_actor and prep.lower_ == "of")
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    if light is not None:
        heads += [h for h in ctx.syntax.recipient_heads(light) if h is not token]
    draft.recipients = recipients(ctx, heads, draft.actors)
    return "its phrases" if draft.recipients else None


@construction("noun-protest-target")
def noun_protest_target(ctx: EventContext, draft: Draft) -> str | None:
    """Whom a protest noun is against: its purpose ("a hunger strike to protest Sweden's decision"), or what
    it shut down ("a strike that shut down the port of Durban")."""
    if draft.recipients or draft.pattern.type != "PROTEST":
        return None
    token, light = draft.token, draft.light
    draft.recipients = recipients(
        ctx, protest_targets(ctx, [token, *([light] if light is not None else [])]), draft.actors
    )
    shut = [o for c in token.children if c.dep_ == "relcl" for o in c.children if o.dep_ == "dobj"]
    draft.recipients = draft.recipients or recipients(ctx, shut, draft.actors)
    return "whom it protests" if draft.recipients else None


@construction("noun-clause")
def noun_clause(ctx: EventContext, draft: Draft) -> str | None:
    """An allegation's, demand's or denial's that-clause or for-to clause names whom it is about: "Eritrea's
    allegation that Ethiopian forces had occupied the town" accuses Ethiopia, "calls for Ethiopia to halt" ask it."""
    if draft.recipients or draft.pattern.type not in ctx.roles.types("clause-recipient"):
        return None
    clauses = noun_clauses(draft.token)
    if draft.light is not None:
        # "led calls for Ethiopia to halt": the parser may hang the for-to clause on the light verb
        clauses += [c for c in noun_clauses(draft.light) if c not in noun_that_clauses(draft.light)]
    subjects = [ctx.syntax.subject(c)[0] for c in clauses]
    draft.recipients = recipients(ctx, [t for t in subjects if t is not None], draft.actors)
    return "the subject of its clause" if draft.recipients else None


@construction("noun-place")
def noun_place(ctx: EventContext, draft: Draft) -> str | None:
    """A measure imposed on a place reaches it: "instituted a curfew in Algiers" (types.tsv `place-measure`), and
    so does an attack made there when no one else is named: "began an air campaign in Yemen" (`place-noun`)."""
    placed = ctx.roles.types("place-measure") | ctx.roles.types("place-noun")
    if draft.recipients or draft.pattern.type not in placed:
        return None
    light = draft.light
    places = [p for head in [draft.token, *([light] if light is not None else [])] for p in place_heads(head)]
    draft.recipients = place_recipients(ctx, places, draft.actors, draft.pattern.type)
    return "where it is imposed" if draft.recipients else None


@construction("judge-reached")
def judge_reached(ctx: EventContext, draft: Draft) -> str | None:
    """A judged measure that names no target was aimed at its judge: "Havana condemned the US embargo" is an
    embargo against Cuba (types.tsv `judge-reached`); inferred, so flagged."""
    judge = draft.judge
    if draft.recipients or judge is None or not ctx.roles.has("judge-reached", draft.event, draft.mode):
        return None
    own = {a.entity.code for a in draft.actors}
    why = f"aimed at whoever judges it ({judge.trigger.text!r})"
    draft.recipients = [Found(a.entity, why, inferred=True) for a in judge.actors if a.entity.code not in own]
    return why if draft.recipients else None


@construction("noun-flags")
def noun_flags(ctx: EventContext, draft: Draft) -> str | None:
    """The noun's event is negated, hypothetical or future as the verb that governs it is ("X's commitment
    was not in doubt": the copula's "not" is not about the event); one prevented did not happen ("foiled an
    attack on the embassy")."""
    token = draft.token
    verb = token.head if token.head.pos_ in ("VERB", "AUX") else token
    if verb.lemma_ == "be" and token.dep_ in ("nsubj", "nsubjpass"):
        verb = token
    draft.negated, draft.hypothetical, draft.future = ctx.flags(verb, [verb])
    draft.negated = draft.negated or ctx.thwarted(token)  # "foiled an attack": it did not happen
    return None


@construction("noun-kind")
def noun_kind(ctx: EventContext, draft: Draft) -> str | None:
    """Rival noun rows choose by the actor: "doctors began a strike" is a labour strike; "Israeli strikes
    on Gaza" are attacks."""
    switched = kind_switch(ctx, draft.pattern, draft.event, draft.actors, draft.notes, draft.rivals)
    if switched is None:
        return None
    draft.pattern, draft.event, draft.mode = switched, switched.type, switched.mode
    return f"{switched.type} ({switched.source})"
