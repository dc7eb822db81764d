"""Whom an event reaches: the entities its recipient phrases name, with the preferences docs/coding.md lists
("Actor and recipient"): another state before the actor's own people, a name before a guessed country."""

from __future__ import annotations

from collections.abc import Callable

from detente.actors.resolve import Found
from detente.events.context import EventContext
from detente.events.syntax import DEFINITE, RECIPIENT_PREPS, agent_objects, hyphen_agents, lemma, prep_objects
from detente.model import Entity
from detente.sentences.words import Word as Token


def actor_side(ctx: EventContext, actors: list[Found]) -> Callable[[Entity], bool]:
    """Whether an entity is on the actors' side, so no recipient of their act: one of them; the state itself
    (or its government) when an actor is that state or its government, though a state's own people may act on
    it ("Swedish farmers protested against Sweden"); or a party of a joint act, named or guessed ("Israel and
    Hamas agreed to a ceasefire in Gaza", "India and China agreed to disengage troops": whose troops?)."""
    keys = {(a.entity.code, a.entity.sector) for a in actors}
    codes = {a.entity.code for a in actors}
    states = {a.entity.code for a in actors if a.entity.sector in ctx.sectors.state}
    joint = len(codes) > 1

    def on_side(entity: Entity) -> bool:
        state_side = entity.code in states and entity.sector in ctx.sectors.state
        return (entity.code, entity.sector) in keys or state_side or (joint and entity.code in codes)

    return on_side


def recipients(ctx: EventContext, heads: list[Token], actors: list[Found], depth: int = 2) -> list[Found]:
    """The entities of the first recipient phrase that names someone other than the actors (looking `depth`
    prepositions into a phrase whose head names no one)."""
    actor_codes = {a.entity.code for a in actors}
    on_side = actor_side(ctx, actors)
    groups: list[list[Found]] = []
    seen: set[tuple[str, str]] = set()
    for head in heads:
        group = []
        for item in phrase_entities(ctx, head, depth, frozenset(actor_codes)):
            entity = item.entity
            key = (entity.code, entity.sector)
            if on_side(entity) or key in seen:
                continue
            if item.inferred and entity.code not in actor_codes:
                continue  # a guessed country names a domestic recipient only ("police arrested protesters")
            if entity.sector == "UNK":
                continue  # "threw petrol bombs": a weapon is what acts in "killed by a bomb", never the target
            seen.add(key)
            group.append(item)
        if group:
            groups.append(group)
    # Another state is the likelier recipient than the actor's own people ("withdraw its troops from Lebanon").
    foreign = [g for g in groups if any(f.entity.code not in actor_codes and not f.pronoun for f in g)]
    return (foreign or groups or [[]])[0]


def phrase_entities(
    ctx: EventContext, head: Token, depth: int, actor_codes: frozenset[str] = frozenset()
) -> list[Found]:
    """Entities a phrase names: its head, else the objects of its prepositions ("ties with Georgia")."""
    found = ctx.actors.entities(head)
    # "its ban on flights to Georgia": the owner is the actor; the recipient is further in.
    telling = [f for f in found if not f.inferred and not (f.pronoun and f.entity.code in actor_codes)]
    if telling or depth == 0:
        return found
    inferred, found = found, []
    # "against the government's overhaul", "welcomed his visit": whose thing it is, also a pronoun's antecedent
    found += [f for c in head.children if c.dep_ == "poss" for f in ctx.actors.entities(c)]
    # "boycotted the Russian-sponsored conference": who sponsors, hosts or leads it
    owners = [a for p in head.children if p.dep_ == "amod" and _owning(ctx, p) for a in hyphen_agents(p)]
    found += [f for agent in owners for f in ctx.actors.entities(agent)]
    # "delivered masks and ventilators to Italy": a preposition on a conjunct of the phrase counts too
    for prep in [*head.children, *(c for conj in head.conjuncts if conj.i > head.i for c in conj.children)]:
        found += _prepositional_entities(ctx, prep, depth, actor_codes)
    for child in head.children:
        if child.dep_ in ("acl", "relcl") and not found:
            found += _clause_entities(ctx, child)
    # A name inside the phrase beats a country guessed from context ("the visa regime with Russia").
    return found or inferred


def _prepositional_entities(ctx: EventContext, prep: Token, depth: int, actor_codes: frozenset[str]) -> list[Found]:
    found = []
    # inside a phrase, "by" names whose act it is ("rejected calls by Belarus's rulers")
    if prep.dep_ == "prep" and (prep.lower_ in RECIPIENT_PREPS or prep.lower_ == "by"):
        for pobj in prep_objects(prep):
            found += phrase_entities(ctx, pobj, depth - 1, actor_codes)
    elif prep.dep_ == "prep" and prep.lower_ == "in" and depth > 1:
        # "50 million euros in aid for Gaza": look through "in", but a place after it is no recipient.
        for pobj in prep_objects(prep):
            for inner in pobj.children:
                if inner.dep_ == "prep" and inner.lower_ in RECIPIENT_PREPS:
                    for deeper in prep_objects(inner):
                        found += phrase_entities(ctx, deeper, depth - 2, actor_codes)
    return found


def _clause_entities(ctx: EventContext, clause: Token) -> list[Found]:
    """ "the demonstration staged by students", "the plan to sell weapons to Taiwan"; not who brokered or
    hosted it ("a truce brokered by Qatar": Qatar is no party), unless it is a meeting: who boycotts "the
    summit hosted by Serbia" snubs Serbia."""
    meeting = lemma(clause.head) in ctx.lexicon.word_class("meeting")
    agents = agent_objects(clause) if meeting or lemma(clause) not in ctx.words.mediating else []
    return [f for grand in [*agents, *ctx.syntax.recipient_heads(clause)] for f in ctx.actors.entities(grand)]


def place_recipients(ctx: EventContext, places: list[Token], actors: list[Found], event: str) -> list[Found]:
    """Whom an act reaches through where it happened ("lifted a curfew in Montenegro"). A city or capital
    there stands for its people: a curfew in Algiers restricts the people of Algiers, not the Algerian
    government that Algiers names elsewhere. So does a state's own country when its government imposes or
    lifts a measure there ("declared a state of siege in Haiti")."""
    actor_keys = {(a.entity.code, a.entity.sector) for a in actors}
    own_state = {a.entity.code for a in actors if a.entity.sector in ctx.sectors.state}
    actor_starts = {a.entity.start for a in actors}
    doc, by_token = ctx.actors.doc, ctx.actors.by_token
    for place in places:
        mention = next((by_token[t.i] for t in place.subtree if t.i in by_token), None)
        if mention is None or not mention.name.code or doc[mention.start].idx in actor_starts:
            continue  # "was arrested in Lebanon": the place that names the actor is not also whom it reaches
        kind = mention.name.kind
        on_its_people = kind in ("capital", "city") or (
            kind == "country" and mention.name.code in own_state and event in ctx.roles.types("place-measure")
        )
        if not on_its_people or (mention.name.code, "CVL") in actor_keys:
            continue
        start, last = doc[mention.start], doc[mention.end - 1]
        entity = Entity(
            text=mention.text, code=mention.name.code, sector="CVL", start=start.idx, end=last.idx + len(last.text)
        )
        return [Found(entity, f"the people of {mention.text!r}, where it happened")]
    return recipients(ctx, places, actors) or place_named_before(ctx, places, actors)


def place_named_before(ctx: EventContext, places: list[Token], actors: list[Found]) -> list[Found]:
    """ "stationed in the region": the region, territory or country named last before it."""
    actor_codes = {a.entity.code for a in actors}
    for place in places:
        if place.lemma_.lower() not in ctx.words.place_anaphor or not any(c.lower_ == "the" for c in place.children):
            continue
        for mention in reversed(ctx.actors.mentions):
            if (
                mention.start < place.i
                and mention.name.kind in ("region", "city", "country")
                and mention.name.code
                and mention.name.code not in actor_codes
            ):
                entity = Entity(
                    text=place.text,
                    code=mention.name.code,
                    sector=mention.name.sector,
                    start=place.idx,
                    end=place.idx + len(place.text),
                )
                return [Found(entity, f"'the {place.text}': {mention.text!r}, named last before it", inferred=True)]
    return []


def named_before(ctx: EventContext, heads: list[Token]) -> list[Token]:
    """For definite nouns that name no one ("the flights", "the ban"), the same noun in an earlier
    sentence of the article, whose phrase may say who it reached."""
    found = []
    for head in heads:
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
        if head.pos_ != "NOUN" or not definite or any(c.dep_ == "prep" for c in head.children):
            continue
        before = [i for i in ctx.nouns_by_lemma().get(lemma(head), []) if i < head.sent.start]
        if before:
            found.append(ctx.actors.doc[before[-1]])
    return found


def talked_with(ctx: EventContext, words: list[Token]) -> list[Token]:
    """X of "after talks with X", "following negotiations with X" on the words."""
    meetings = [
        n
        for word in words
        for after in word.subtree  # "agreed to a truce following talks": the parser may hang it anywhere
        if after.lower_ in ("after", "following")
        for n in after.children
        if n.dep_ in ("pobj", "dobj") and any(p.type == "CONSULT" for p in ctx.noun_patterns(n))
    ]
    return [p for n in meetings for prep in n.children if prep.lower_ == "with" for p in prep_objects(prep)]


def _owning(ctx: EventContext, participle: Token) -> bool:
    """ "-sponsored", "-hosted", "-held": a participle that tells whose a thing is (words.tsv `owning`)."""
    return participle.tag_ == "VBN" and participle.lemma_.lower() in ctx.words.owning
