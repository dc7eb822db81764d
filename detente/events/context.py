"""What every construction may ask while it codes an article: the lexicon's patterns for a word, whether a
phrase names an actor, the auxiliary flags of a verb. One `EventContext` per article."""

from __future__ import annotations

from detente.actors.memory import ArticleMemory
from detente.actors.resolve import ArticleActors, Found
from detente.events.draft import Miss
from detente.events.lexicon import ACTOR_OBJECT, NOT_AN_EVENT, Lexicon, Pattern
from detente.events.syntax import (
    CONDITIONAL_MARKS,
    MODAL_FUTURE,
    MODAL_HYPOTHETICAL,
    NEGATORS,
    Syntax,
    complement,
    lemma,
    subject_to_clause,
    verb_forms,
)
from detente.model import QUAD
from detente.sentences.words import Word as Token

CONFLICT_QUADS = ("verbal_conflict", "material_conflict")
VerbMatch = tuple[Pattern, Token | None, Token | None]  # the pattern, its object and the to-clause verb


class EventContext:
    """The lexicon, the article's actors and the grammar, with the lookups the constructions share."""

    def __init__(self, lexicon: Lexicon, actors: ArticleActors, memory: ArticleMemory):
        self.lexicon = lexicon
        self.actors = actors
        self.memory = memory  # written as events are coded; actor resolution reads it
        self.words = lexicon.words
        self.roles = lexicon.roles
        self.sectors = lexicon.sectors
        self.syntax = Syntax(lexicon.words, actors.gaz.words.speech_verb)
        self.misses: list[Miss] = []
        self._noun_heads = lexicon.noun_heads()
        self._noun_index: dict[str, list[int]] | None = None  # see nouns_by_lemma

    # ---- patterns ----

    def verb_patterns(self, token: Token) -> list[Pattern]:
        """The verbs.tsv patterns of the token's lemma, or of a plain de-inflection of it."""
        return next((self.lexicon.verbs[f] for f in verb_forms(token) if f in self.lexicon.verbs), [])

    def match_verb(self, token: Token) -> VerbMatch | None:
        """The most specific verb pattern whose constraints the token meets, with its object and to-clause."""
        patterns = self.verb_patterns(token)
        if not patterns:
            return None
        comp = complement(token)
        if comp is None and lemma(token) in self.words.permitting:
            comp = subject_to_clause(token)  # "allowed aid trucks to enter Gaza"
        objects = self.syntax.objects(token)
        forms = [self.syntax.object_forms(o) for o in objects]  # once per verb, not once per pattern tried
        for pattern in patterns:
            if pattern.particles and not self.syntax.has_particles(token, pattern.particles):
                continue
            obj = None
            if pattern.objects:
                obj = next(
                    (
                        o
                        for o, words in zip(objects, forms, strict=True)
                        if not pattern.objects.isdisjoint(words)
                        or (ACTOR_OBJECT in pattern.objects and self.names_entity(o) and not self.event_noun(o))
                    ),
                    None,
                )
                if obj is None:
                    continue
            if pattern.complements and (comp is None or lemma(comp) not in pattern.complements):
                continue
            return pattern, obj or (objects[0] if objects else None), comp
        self.misses.append(Miss(token, "no pattern's particle/object/to-clause constraints met", patterns))
        return None

    def is_noun_head(self, token: Token) -> bool:
        return lemma(token) in self._noun_heads

    def noun_patterns(self, token: Token) -> list[Pattern]:
        """The nouns.tsv patterns of a noun, its compound first ("hunger strike", "price war")."""
        compounds = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
        return (
            (self.lexicon.nouns.get(f"{lemma(compounds[-1])} {lemma(token)}") if compounds else None)
            or self.lexicon.nouns.get(lemma(token))
            or []
        )

    def light_verb_noun(self, verb: Token) -> list[Pattern]:
        """The patterns of the event noun a light verb takes ("to institute a curfew": a curfew)."""
        if lemma(verb) not in self.lexicon.light_verbs:
            return []
        for obj in self.syntax.objects(verb):
            patterns = self.noun_patterns(obj)
            if patterns and patterns[0].type != NOT_AN_EVENT:
                return patterns
        return []

    def only_conflict(self, verb: Token) -> str:
        """The conflict type of a verb all of whose patterns are conflict, though none matched ("swore to fight")."""
        types = {p.type for p in self.verb_patterns(verb) if p.type != NOT_AN_EVENT}
        if types and all(QUAD[t] in CONFLICT_QUADS for t in types):
            return "ASSAULT" if "ASSAULT" in types else sorted(types)[0]
        return ""

    def event_noun(self, noun: Token) -> bool:
        """Whether a noun is an event of its own ("ordered the arrest of three officials"), not an actor."""
        patterns = self.noun_patterns(noun) if self.is_noun_head(noun) else []
        return bool(patterns) and patterns[0].type != NOT_AN_EVENT

    def attack_noun(self, noun: Token) -> bool:
        return noun.pos_ == "NOUN" and any(p.type == "ASSAULT" for p in self.noun_patterns(noun))

    def asked_mode(self, comp_pattern: Pattern | None, obj: Token | None) -> str:
        """The REQUEST/REJECT mode from what is asked for or refused: the to-clause's act, else the object's."""
        if comp_pattern is not None:
            return self.roles.asked(comp_pattern.type, "change")
        if obj is not None:
            referred = self.actors.gaz.words.references.get(lemma(obj), ())
            if "REQUEST" in referred:  # "turned down the request": what the latest request asked for
                return self.memory.latest_mode(obj.i, "REQUEST")
            nouns = self.lexicon.nouns.get(lemma(obj))
            if nouns:
                return self.roles.asked(nouns[0].type)
        return ""

    # ---- actors ----

    def entities(self, heads: list[Token]) -> list[Found]:
        """The entities the phrase heads name, in order."""
        return [f for head in heads for f in self.actors.entities(head)]

    def names_entity(self, token: Token) -> bool:
        """Whether an object names someone from the gazetteer or the article ("released Prime Minister X")."""
        return any(not f.inferred for f in self.actors.entities(token))

    def names_actor(self, token: Token) -> bool:
        """Whether a modifier names an actor: a name, a person, a pronoun, or a phrase that resolves
        ("the Chinese president's visit")."""
        if token.i in self.actors.by_token or token.text in self.actors.people or token.pos_ == "PRON":
            return True
        return token.dep_ == "poss" and self.names_entity(token)

    def named_modifiers(self, noun: Token) -> list[Token]:
        """The possessor, compound or adjective words of a noun that name an actor ("Russia's", "PKK")."""
        return [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and self.names_actor(c)]

    def nouns_by_lemma(self) -> dict[str, list[int]]:
        """Token indices of the article's common nouns by lemma, in order; built on first use."""
        if self._noun_index is None:
            self._noun_index = {}
            for t in self.actors.doc:
                if t.pos_ == "NOUN":
                    self._noun_index.setdefault(lemma(t), []).append(t.i)
        return self._noun_index

    # ---- flags ----

    def readied(self, token: Token) -> bool:
        """Whether a verb above this one in its to-clause chain readies it ("prepared to resume shelling")."""
        head = token
        while head.dep_ == "xcomp" and head.head is not head:
            head = head.head
            if self.lexicon.transparent.get(head.lemma_.lower()) == "posture":
                return True
        return False

    def flags(self, token: Token, scope: list[Token]) -> tuple[bool, bool, bool]:
        """negated, hypothetical, future: from the verb, its to-clauses and the pass-through verbs above it."""
        chain = list(scope)
        head = token
        while head.dep_ in ("xcomp", "conj") and head.head is not head:
            head = head.head
            chain.append(head)
        negated = hypothetical = future = False
        for verb in chain:
            flag = self.lexicon.transparent.get(verb.lemma_.lower(), None) if verb is not token else None
            if flag == "failed":  # "failed to persuade Moscow" still asked it; "failed to reach a deal" did not
                flag = "" if lemma(token) in self.words.succeeding else "negated"
            negated = negated or flag == "negated" or _negated(verb)
            hypothetical = hypothetical or flag == "hypothetical" or _aux(verb, MODAL_HYPOTHETICAL)
            future = future or flag in ("future", "posture") or _aux(verb, MODAL_FUTURE) or _going_to(verb)
            if hypothetical and self.syntax.reported(verb) and _aux(verb, frozenset({"would"})):
                hypothetical, future = False, True  # "said it would withdraw": the future of reported speech
        negated = negated or self.thwarted(token)
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in ancestor.children
            ):
                hypothetical = True
        return negated, hypothetical, future

    def thwarted(self, token: Token) -> bool:
        """An act that was prevented did not happen: the object of a thwarting verb, a participle on that object
        ("prevented a rally organised by students"), or its from-clause ("prevented the rebels from seizing")."""
        thing = token.head if token.dep_ == "acl" else token
        if thing.dep_ in ("dobj", "nsubjpass") and lemma(thing.head) in self.words.thwarting:
            return True
        prep = token.head if token.dep_ == "pcomp" else None
        return prep is not None and prep.lower_ == "from" and lemma(prep.head) in self.words.thwarting


def _aux(verb: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def _going_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "going" and verb.i > c.i for c in verb.children)


def _negated(verb: Token) -> bool:
    """ "not", "never", "no" on the verb or its object, or a "neither ... nor" subject."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.lower_ in NEGATORS and child.dep_ in ("advmod", "det", "neg")):
            return True
        if child.dep_ in ("dobj", "attr") and any(d.lower_ == "no" and d.dep_ == "det" for d in child.children):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "neither" for d in child.children):
            return True  # "Neither Moscow nor Kyiv has agreed"
    return False
