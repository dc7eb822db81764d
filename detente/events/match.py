"""Match lexicon patterns on the dependency parse and find each event's actor and recipient.

Per sentence: verbs whose lemma has patterns are tried head-first (so "offered to restore ties"
is one AGREE, not also a SUPPORT); the verb of a to-clause is folded into a `keep` verb above it;
pass-through verbs ("decided to", "plans to") hand their subject and auxiliary mode down; then
nouns with patterns code when their phrase names an actor and no coded verb governs them.
docs/coding.md describes every rule with an example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente.actors.mentions import SPEECH_VERBS
from detente.actors.resolve import FIRST_PERSON, STATE_PLACE_KINDS, ArticleActors, Found
from detente.events.lexicon import ACTOR_OBJECT, NOT_AN_EVENT, Lexicon, Pattern
from detente.model import QUAD, Entity
from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span
from detente.sentences.words import hyphen_prefix

_TIME_WORD = re.compile(
    r"(?i)^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|"
    r"morning|afternoon|evening|night|weekend|week|month|year)$"
)
# A context is the article's when its cue words occur this often in the article (PLOVER: contexts are
# usually coded at paragraph or document level).
ARTICLE_CONTEXT_HITS = 3
QUANTITIES = frozenset(
    """ton tonne kg kilogram worth dollar euro pound million billion batch shipment
    consignment package load lot number amount supply convoy planeload truckload
    hundred thousand dozen score""".split()
)
RECIPIENT_PREPS = frozenset(
    "to with against on at from for toward towards into over between upon onto about of near along".split()
)
# Heads that say how many or what kind of unit, not what: their compound words name the object too
# ("sent a carrier strike group", "deployed a rapid reaction force", "approved an aid package").
COLLECTIVE_HEADS = frozenset("group unit force team package contingent detachment squadron flotilla".split())
OBJECT_DEPS = ("dobj", "dative", "iobj", "attr", "oprd", "acomp")
OBJECT_CONTROL = frozenset(
    "urge ask force call press persuade order tell invite encourage allow "
    "request implore compel pressure push oblige prompt spur cause lead provoke drive".split()
)
# Verbs whose "to" + gerund is their subject's own act: "resorted to throwing stones", "turned to shelling".
TURN_TO = frozenset("resort turn proceed switch revert".split())
MODAL_HYPOTHETICAL = frozenset("would could might may should".split())
MODAL_FUTURE = frozenset("will shall 'll".split())
CONDITIONAL_MARKS = frozenset("if unless whether".split())
# Marks of a clause that sets a condition on a demanded or promised act ("... before they demobilize").
CONDITION_MARKS = CONDITIONAL_MARKS | {"before", "until", "till", "once"}
NEGATORS = frozenset("not n't never no".split())
CONFLICT_QUADS = ("verbal_conflict", "material_conflict")
# Cooperative actions reported in the future are intentions (PLOVER manual, AGREE; RETREAT).
FUTURE_AS = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
# Not accepting is refusing ("did not accept the offer" is REJECT), and so is failing to agree or vowing
# not to return; a plain "have not agreed" or "will not meet" stays its type, flagged negated.
NEGATED_AS = {"AGREE": "REJECT", "SUPPORT": "REJECT"}
REFUSAL_WHEN_NEGATED = frozenset("accept approve support endorse back welcome recognize recognise ratify".split())
# REQUEST and REJECT modes (PLOVER manual tables) from the type of what is asked for or refused.
ASK_MODE = {
    "CONSULT": "meet",
    "AID": "assist",
    "COOPERATE": "assist",
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "SUPPORT": "change",
}
# Verbal events whose that-clause names the recipient and is not coded apart ("urged that X ...").
CLAUSE_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE"})
# Nouns for what an actor puts out; a participle on one is the actor's act ("a statement condemning ...").
STATEMENT_NOUNS = frozenset(
    """statement declaration communique communiqué letter message note resolution motion decree
    appeal petition announcement report""".split()
)
# Texts whose relative clause may tell what they would do ("a resolution that aims to tighten sanctions").
DOCUMENT_NOUNS = frozenset(
    """resolution draft bill law plan proposal motion treaty agreement accord deal initiative legislation
    amendment measure decree package programme program mandate pact memorandum charter protocol""".split()
)
# Texts between parties: what they allow or provide for is yet to be done ("a pact allowing troops to train").
AGREEMENT_NOUNS = frozenset("treaty agreement accord deal pact memorandum charter protocol".split())
# Verbs that put a text into force or out: their subject acts by what the text does.
ENACTING_VERBS = frozenset({"adopt", "pass", "approve", "enact", "issue", "sign", "publish", "decree", "unveil"})
# Verbs of a protest's purpose ("to protest", "to denounce") and the prepositions naming its target.
PROTEST_PURPOSES = frozenset({"protest", "denounce", "condemn", "oppose", "decry", "demand", "criticize", "criticise"})
AGAINST = frozenset({"against", "at", "over", "of"})
# Nouns whose against-phrase, on an act done "in" or "during" them, names whom the act protests.
PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "march"})
# An allegation or an arrest names acts that are charged, not established (see _charged_acts).
CHARGES = frozenset({("ACCUSE", "allege"), ("COERCE", "arrest")})
# "X said Y must Z" is a demand of X on Y (the modal makes the report a request).
DEMAND_MODALS = frozenset({"must", "should", "ought"})
DEMAND_RULE = Pattern(
    "REQUEST", "", "say", "verb", source="rule:said-must", example="The UN said Israel must halt the strikes."
)
# Actions only states take: a passive report without agent ("was arrested in Lebanon") has the
# state of the place as actor.
STATE_ACTIONS = frozenset({"COERCE", "SANCTION"})
# Types whose passive subject is the one acting ("troops were deployed", "Vietnam is committed to").
SUBJECT_ACTS_IN_PASSIVE = frozenset({"MOBILIZE", "AGREE"})
# ... and acts of these modes: "the guerrillas were demobilized", "troops were withdrawn" (they pull back)
SUBJECT_ACTS_IN_PASSIVE_MODES = frozenset({("RETREAT", "withdraw"), ("RETREAT", "disarm")})
# Events whose place ("in Montenegro") is their recipient when no other is named.
PLACE_RECIPIENT = frozenset(
    {"CONCEDE", "COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "THREATEN"}
)
# Sectors outside the state: their "protest" is a street protest, not a diplomatic complaint.
NON_STATE = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "REL", "SOC", "REF", "JRN", "MED", "REB", "PTY", "BUS"})
ARMED_NON_STATE = frozenset({"REB"})
# Types whose "to"/"into" phrase names the recipient before the object does
# ("extradited a Russian programmer to the United States", "sent troops into Mali").
TO_RECIPIENT_TYPES = frozenset({"AID", "COOPERATE", "RETREAT", "CONSULT", "MOBILIZE"})
TO_FIRST = frozenset({"to", "into"})
# Sectors that stand for the state itself: its protest is a complaint, and the bare state as recipient of
# such an actor is the actor (but a state's civilians, police or rebels may act on the state).
STATE_SECTORS = frozenset({"", "GOV"})
# Noun events whose "between X and Y" names both sides as actors ("the rapprochement between Riyadh and Tehran").
MUTUAL_TYPES = frozenset({"ASSAULT", "CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
# Adverbs the parser attaches where a particle would be ("handed the villages back to Azerbaijan").
PARTICLE_ADVERBS = frozenset({"back", "over", "away", "out", "off"})
# What a protest is for ("began a hunger strike to protest ...", "to demand ...") is part of the protest.
PROTEST_TOPICS = frozenset({"REQUEST", "ACCUSE", "PROTEST"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Seats of a body a protest may gather at ("outside the French embassy").
SEATS = frozenset({"embassy", "consulate", "mission", "parliament", "ministry", "palace", "headquarters", "office"})
EXERCISES = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "patrol", "wargame", "operation"})
# People named as protesting: their violence is a riot ("protesters set fire to the embassy"), while that
# of settlers, mobs or villagers stays an attack.
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
# Sectors that fly no aircraft: their bombings are explosives, not air strikes.
NO_AIR_FORCE = frozenset({"REB", "UAF", "CRM", "CVL", "OPP"})
# Verbs of "claimed responsibility for an attack": the claimant did it.
CLAIMING = frozenset({"claim", "take"})
# Verbs of bringing others to terms: their agent is a go-between, not a party ("a truce brokered by Qatar").
MEDIATING = frozenset({"broker", "mediate", "facilitate", "host", "sponsor", "arrange"})
# Ships sent somewhere are deployed, not handed over ("Britain dispatched a warship to Guyana").
VESSELS = frozenset({"warship", "ship", "carrier", "submarine", "destroyer", "frigate", "vessel", "boat"})
# What a state gives those who flee to it: its place ("sought asylum in Germany") is the recipient.
SHELTER_NOUNS = frozenset({"asylum", "refuge", "sanctuary", "shelter"})
# ASSAULT modes by weapons systems: readying them is MOBILIZE weapons (PLOVER manual, MOBILIZE modes).
WEAPON_MODES = frozenset({"heavy-weapons", "aerial", "drone", "unconventional"})
PLACE_RECIPIENT_MODES = frozenset({("CONSULT", "visit"), ("ACCUSE", "investigate")})
# Event nouns whose place is their recipient: measures imposed on a place or lifted from it ("a curfew in
# Algiers"). Other event nouns only happen there ("joint patrols in northern Syria" are not with Syria).
RESTRICTION_OF_A_PLACE = frozenset({"COERCE", "CONCEDE", "SANCTION"})
# Place nouns that refer back to the last region or country named ("stationed in the region").
PLACE_ANAPHORS = frozenset({"region", "territory", "territories", "area", "country", "province", "enclave"})
# "X is impossible/unacceptable/out of the question", said of a proposed act, is a refusal (REJECT).
REFUSAL_PREDICATES = ("impossible", "unacceptable", "unthinkable", "out of the question", "inconceivable")
REFUSAL_RULE = Pattern(
    "REJECT",
    "",
    "be",
    "verb",
    source="rule:impossible",
    example="Restoring relations is impossible, the minister said.",
)
# Nouns whose "from" phrase names the actor ("condemnation from the United States").
FROM_ACTOR = frozenset({"ACCUSE", "SUPPORT", "AID", "REQUEST", "THREATEN", "AGREE", "REJECT"})


@dataclass
class Candidate:
    """A coded event before dates and ids: what fired, on which words, with whom."""

    pattern: Pattern
    trigger: Token
    event: str
    mode: str
    actors: list[Found]
    recipients: list[Found] = field(default_factory=list)
    words: list[Token] = field(default_factory=list)  # trigger words, for the record and highlighting
    object_text: str = ""
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    context: list[str] = field(default_factory=list)
    location: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class Miss:
    """A trigger word that did not become an event, and why (for `detente explain`)."""

    token: Token
    reason: str
    patterns: list[Pattern] = field(default_factory=list)


class SentenceCoder:
    """Codes the sentences of one article, in order."""

    def __init__(self, lexicon: Lexicon, actors: ArticleActors):
        self.lexicon = lexicon
        self.actors = actors
        self.misses: list[Miss] = []
        self._context_res = context_patterns(lexicon)
        self._noun_heads = lexicon.noun_heads()
        actors.venue_nouns = lexicon.venue_nouns()  # "talks in Caracas" are not Caracas's talks
        self._noun_index: dict[str, list[int]] | None = None  # see _nouns_by_lemma
        self.article_counts: dict[str, int] = {}  # context -> cue words in the sentences coded so far

    # ---- sentence ---------------------------------------------------------------------------

    def code(self, sent: Span) -> list[Candidate]:
        consumed: set[int] = set()
        matched: list[tuple[Token, Pattern, Token | None, Token | None]] = []
        tokens = list(sent)  # Token objects are built on each access: build them once
        for token in tokens:
            if token.pos_ == "NOUN" and _lemma(token) in self._noun_heads:
                patterns = self._noun_patterns(token)
                if patterns and patterns[0].type in CLAUSE_TYPES:
                    # "an allegation that the rebels had taken the city": alleged, demanded or denied, not done
                    consumed.update(t.i for c in _noun_that_clauses(token) for t in _content(c))
        for token in tokens:
            if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
                found = self.match_verb(token)
                if found:
                    matched.append((token, *found))
        matched += self._reported_demands(tokens, {m[0].i for m in matched})
        matched += self._refusal_predicates(tokens)
        matched.sort(key=lambda m: (_depth(m[0]), m[0].i))
        candidates: list[Candidate] = []
        for token, pattern, obj, comp in matched:
            if token.i in consumed:
                continue
            candidate = self._quoted_demand(token, pattern, consumed) or self._verb_event(
                token, pattern, obj, comp, consumed
            )
            if candidate:
                candidates.append(candidate)
                continue
            if comp is not None:
                # "declined to resign" with no resolvable actor: the resignation still did not happen.
                consumed.update(t.i for t in _xcomp_chain(comp))
            if (pattern.type, pattern.mode) in CHARGES:
                # "a citizen accused of plotting to kill the president": charged, though no accuser is named
                consumed.update(t.i for t in _charged_acts(token))
        self._note_speaker(sent)
        triggers = {c.trigger.i for c in candidates} | consumed
        nouns = [
            t
            for t in tokens
            if t.pos_ in ("NOUN", "PROPN") and t.i not in consumed and _lemma(t) in self._noun_heads
        ]
        # Outer nouns first: an event noun inside another's phrase is its topic ("talks on the ceasefire",
        # "the suspension of talks"), not an event of its own.
        for token in sorted(nouns, key=lambda t: (_depth(t), t.i)) if len(nouns) > 1 else nouns:
            candidate = self._noun_event(token, triggers)
            if candidate:
                candidates.append(candidate)
                triggers.add(token.i)
        candidates = _without_protest_topics(candidates)
        candidates.sort(key=lambda c: c.trigger.i)
        cued = self._context_res.counts(sent.text)
        for name, count in cued.items():
            self.article_counts[name] = self.article_counts.get(name, 0) + count
        sentence_contexts = list(cued)
        for candidate in candidates:
            candidate.context = list(dict.fromkeys([*candidate.pattern.context, *sentence_contexts]))
            self._mode_from_cues(candidate)
            if (candidate.event, candidate.mode) == ("ASSAULT", "aerial") and candidate.actors and all(
                a.entity.sector in NO_AIR_FORCE for a in candidate.actors
            ):
                # "Islamic State claimed the bombing of a church": groups without aircraft bomb with explosives
                candidate.notes.append("a bombing by a group with no air force: explosives")
                candidate.mode = "explosives"
        return _distinct(candidates)

    def _mode_from_cues(self, candidate: Candidate) -> None:
        """The weapon or method named in the trigger's clause gives the mode ("wounded two soldiers in a
        bomb attack": explosives), unless the trigger's own mode is more specific (modes.tsv)."""
        cues = mode_cues(self.lexicon).get(candidate.event)
        if not cues:
            return
        modes = [mode for mode, _ in self.lexicon.mode_cues[candidate.event]]
        if candidate.mode and candidate.mode not in modes:
            return  # a mode of another kind ("abduct", "targeted"): the trigger said it
        found = cues.counts(" ".join(t.lower_ for t in _clause_words(candidate.trigger)))
        if not found:
            return
        row = min(int(key) for key in found)
        if candidate.mode and modes.index(candidate.mode) <= row:
            return
        candidate.notes.append(f"{modes[row]!r} named in the clause (modes.tsv): mode {modes[row]}")
        candidate.mode = modes[row]

    def _reported_demands(self, tokens: list[Token], taken: set[int]) -> list[tuple[Token, Pattern, None, None]]:
        """Speech verbs whose reported clause has "must"/"should": code them as REQUEST."""
        found = []
        for token in tokens:
            if token.lemma_ not in SPEECH_VERBS and token.lemma_ not in ("conclude", "demand", "insist"):
                continue
            if token.i in taken or token.pos_ != "VERB":
                continue
            clause = _that_clause(token)
            if clause is None or not any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children):
                continue
            subject, _ = _subject(clause)
            if subject is None or not _first_person(subject):  # "we must defend our country" asks no one
                found.append((token, DEMAND_RULE, None, None))
        return found

    def _place_named_before(self, places: list[Token], actors: list[Found]) -> list[Found]:
        """ "stationed in the region": the region, territory or country named last before it."""
        actor_codes = {a.entity.code for a in actors}
        for place in places:
            if place.lemma_.lower() not in PLACE_ANAPHORS or not any(c.lower_ == "the" for c in place.children):
                continue
            for mention in reversed(self.actors.mentions):
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

    def _refusal_predicates(self, tokens: list[Token]) -> list[tuple[Token, Pattern, None, Token]]:
        """ "Restoring relations is impossible", "removing sanctions is out of the question": a refusal by
        whoever says it, of what the subject clause names."""
        found = []
        for token in tokens:
            if token.lemma_ != "be":
                continue
            predicate = " ".join(
                c.lower_ + ("" if c.lower_ != "out" else " of the question" * _of_the_question(c))
                for c in token.children
                if c.dep_ in ("acomp", "attr", "prep")
            )
            subject = next((c for c in token.children if c.dep_ == "csubj" and c.pos_ == "VERB"), None)
            if subject is not None and any(p in predicate.split(" ") or p in predicate for p in REFUSAL_PREDICATES):
                found.append((token, REFUSAL_RULE, None, subject))
        return found

    def _refusal(self, token: Token, subject: Token, consumed: set[int]) -> Candidate | None:
        speakers = self.actors.speaker_of(token)
        if not speakers:
            reporter = self.actors.reporting_subject(token)
            speakers = [f.entity for f in self.actors.entities(reporter)] if reporter is not None else []
        chain = _xcomp_chain(subject)
        consumed.update(t.i for t in chain)
        consumed.add(token.i)
        if not speakers:
            self.misses.append(Miss(token, "refusal with no speaker to attribute it to", [REFUSAL_RULE]))
            return None
        actors = [Found(e, "the speaker of the refusal") for e in speakers]
        inner = self.match_verb(subject)
        mode = ASK_MODE.get(inner[0].type, "") if inner else ""
        heads = [h for t in chain for h in _recipient_heads(t)] + _condition_subjects(token, chain)
        recipients = self._recipients(heads, actors)
        if not recipients:
            recipients = self._recipients(_condition_subjects(token.head, [token]), actors)
        words = [subject, *[c for c in token.children if c.dep_ in ("acomp", "attr")]]
        notes = [f"{REFUSAL_RULE.source}: '{subject.text} ... {words[-1].text}' said by the speaker is REJECT"]
        return Candidate(
            REFUSAL_RULE,
            token,
            "REJECT",
            mode,
            actors,
            recipients,
            sorted(words, key=lambda t: t.i),
            _phrase(subject),
            notes=notes,
        )

    def _quoted_demand(self, token: Token, pattern: Pattern, consumed: set[int]) -> Candidate | None:
        """An act someone "must" or "should" do, in a quote: a demand by the speaker ('"But Azerbaijan must
        first pull its troops back," the prime minister said', the quote running over two sentences)."""
        if pattern.type == NOT_AN_EVENT or not any(
            c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in token.children
        ):
            return None
        speakers = self.actors.speaker_of(token)
        subject, passive = _subject(token)
        if not speakers or subject is None or passive or _first_person(subject):
            return None
        recipients = [f for f in self.actors.entities(subject) if not f.inferred]
        actors = [Found(e, "the speaker of the quote") for e in speakers]
        if not recipients or {f.entity.code for f in recipients} <= {a.entity.code for a in actors}:
            return None
        consumed.update(t.i for t in _content(token))
        note = f"{token.text!r} with 'must' in a quote: the speaker demands it ({pattern.type})"
        mode = ASK_MODE.get(pattern.type, "change")
        candidate = Candidate(DEMAND_RULE, token, "REQUEST", mode, actors, recipients, [token], notes=[note])
        self.actors.note_event_actors(token, speakers, "REQUEST")
        return candidate

    def _note_speaker(self, sent: Span) -> None:
        """Who speaks in a sentence counts as a recent actor: "The ministry said ... It added ..."."""
        verb = self.actors.speech_head(sent)
        if verb is None:
            return
        subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if subject.pos_ != "PRON":
            found = self.actors.entities(subject)
            if found:
                self.actors.note_event_actors(verb, [f.entity for f in found])

    # ---- verbs ------------------------------------------------------------------------------

    def match_verb(self, token: Token) -> tuple[Pattern, Token | None, Token | None] | None:
        """The most specific verb pattern whose constraints the token meets, with its object and to-clause."""
        patterns = next((self.lexicon.verbs[f] for f in _verb_forms(token) if f in self.lexicon.verbs), None)
        if not patterns:
            return None
        comp = _complement(token)
        objects = _objects(token)
        forms = [_object_forms(o) for o in objects]  # once per verb, not once per pattern tried
        for pattern in patterns:
            if pattern.particles and not _has_particles(token, pattern.particles):
                continue
            obj = None
            if pattern.objects:
                obj = next(
                    (
                        o
                        for o, words in zip(objects, forms, strict=True)
                        if not pattern.objects.isdisjoint(words)
                        or (ACTOR_OBJECT in pattern.objects and self._names_entity(o))
                    ),
                    None,
                )
                if obj is None:
                    continue
            if pattern.complements and (comp is None or _lemma(comp) not in pattern.complements):
                continue
            return pattern, obj or (objects[0] if objects else None), comp
        self.misses.append(Miss(token, "no pattern's particle/object/to-clause constraints met", patterns))
        return None

    def _verb_event(
        self, token: Token, pattern: Pattern, obj: Token | None, comp: Token | None, consumed: set[int]
    ) -> Candidate | None:
        if pattern is REFUSAL_RULE and comp is not None:
            return self._refusal(token, comp, consumed)
        if pattern.type == NOT_AN_EVENT:
            # "struck a conciliatory tone": this use of the verb is no event, nor is its object
            consumed.update([token.i, *([obj.i] if obj is not None else [])])
            return None

        if _lemma(token) in ENACTING_VERBS and obj is not None and self._enacted_act(obj):
            # "approved a law recognizing the opposition's victories": the law's act is the event
            self.misses.append(Miss(token, "enacts a text whose own act is coded", [pattern]))
            return None
        event, mode = pattern.type, pattern.mode
        words = [token] + [
            c for c in token.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in pattern.particles)
        ]
        if pattern.objects and obj is not None:
            words.append(obj)
        notes = [
            f"pattern {pattern.source} {pattern.text!r} -> {pattern.type}{':' + pattern.mode if pattern.mode else ''}"
        ]
        scope = [token]
        comp_pattern = None
        if comp is not None:
            inner = self.match_verb(comp) or self._light_verb_noun(comp)
            comp_pattern = inner[0] if inner else None
            chain = _xcomp_chain(comp)
            consumed.update(t.i for t in chain)
            if comp_pattern is not None and comp_pattern.type == NOT_AN_EVENT:
                if pattern.complement == "threaten":
                    # "vowed to defend its territory": a vow of what is no event promises nothing to code
                    consumed.add(token.i)
                    self.misses.append(Miss(token, "its to-clause is no event (NONE)", [pattern, comp_pattern]))
                    return None
                comp_pattern = None  # "agreed to call an election": the agreement stands on its own
            if comp_pattern is not None and comp_pattern.type in CLAUSE_TYPES:
                # "gathered to demand that Mubarak step down": what is demanded is no event either
                clause = _that_clause(comp)
                if clause is not None:
                    consumed.update(t.i for t in _content(clause))
            scope += chain
            words.append(comp)
            if comp_pattern is not None:
                notes.append(f"to-clause {comp.text!r} ({comp_pattern.type}) folded into {token.text!r}")
            conflict = comp_pattern.type if comp_pattern is not None else self._only_conflict(comp)
            if pattern.complement == "threaten" and conflict and QUAD[conflict] in CONFLICT_QUADS:
                event, mode = "THREATEN", self.lexicon.threat_mode(
                    conflict, comp_pattern.mode if comp_pattern else "", _object_lemmas(comp)
                )
                notes.append("conflict in the to-clause: THREATEN")
        if event in ("REQUEST", "REJECT") and not mode:
            mode = self._asked_mode(comp_pattern, obj)
        subject, passive = _subject(token)
        actor_heads = []
        recipient_heads: list[Token] = []
        if passive:
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            actor_heads = [p for p in agent.children if p.dep_ == "pobj"] if agent is not None else []
            if subject is not None and not actor_heads and (
                event in SUBJECT_ACTS_IN_PASSIVE or (event, mode) in SUBJECT_ACTS_IN_PASSIVE_MODES
            ):
                actor_heads = [subject]  # "troops were deployed", "Vietnam is committed to ...": the subject acts
            elif not actor_heads and event in STATE_ACTIONS:
                actor_heads = _place_heads(token)  # "was arrested in Lebanon": the state where it happened
                recipient_heads += [subject] if subject is not None else []
            elif subject is not None:
                recipient_heads.append(subject)
        elif subject is not None:
            actor_heads = [subject]
        actors = [f for head in actor_heads for f in self.actors.entities(head)]
        # "a Koran burning in Stockholm": a gerund used as a noun or hung on one is no attack by anyone unnamed
        nominal = token.tag_ == "VBG" and (token.dep_ == "acl" or any(c.dep_ == "det" for c in token.children))
        if not actors and event == "ASSAULT" and not nominal:
            actors = self._attack_owners(token) or self._unidentified_attacker(
                token, subject if not passive else None, recipient_heads
            )
        if not actors:
            why = "no actor: subject not resolved" if actor_heads else "no actor: no subject found"
            self.misses.append(Miss(token, why, [pattern]))
            return None
        # "Students protested the decision" is a protest; "Tokyo protested the incursion" a complaint;
        # "protesters gathered" is a protest, "leaders gathered" a meeting.
        switched = self._kind_switch(pattern, event, actors, notes)
        if switched is not None:
            event, mode = switched.type, switched.mode
        if event == "ASSAULT" and not passive and subject is not None and _lemma(subject) in PROTESTERS:
            notes.append(f"violence by {subject.text!r}: a violent protest (PROTEST riot)")
            event, mode = "PROTEST", "riot"
        first_preps = TO_FIRST if event in TO_RECIPIENT_TYPES else frozenset()
        if event == "ASSAULT" and not passive and subject is not None and self._attack_noun(subject):
            # "an Israeli strike on a school killed 30 people": one attack, on whom the strike names
            consumed.add(subject.i)
            recipient_heads += [
                p
                for prep in subject.children
                if prep.dep_ == "prep" and prep.lower_ in ("on", "against")
                for p in _prep_objects(prep)
            ]
        recipient_heads += _recipient_heads(token, first_preps)
        own_heads = list(recipient_heads)
        recipient_heads += [t for s in scope[1:] for t in _recipient_heads(s, first_preps)]
        if (event, mode) in CHARGES:
            consumed.update(t.i for t in _charged_acts(token))
        clause = _that_clause(token) if event in CLAUSE_TYPES or (event, mode) == ("RETREAT", "access") else None
        if clause is not None:
            # "demanded that the government provide ...": the clause's subject is the recipient,
            # and what is demanded or alleged is not itself an event.
            inner = self.match_verb(clause)
            if inner and event in ("REQUEST", "REJECT") and not mode:
                mode = ASK_MODE.get(inner[0].type, "change")
            consumed.update(t.i for t in _content(clause))
            clause_subject, _ = _subject(clause)
            if clause_subject is not None:
                recipient_heads.append(clause_subject)
        elif event in CLAUSE_TYPES:
            # "demanded an admission that Soviet forces murdered ...", "denied reports that its troops
            # shelled ...": a that-clause on the object is asked for, denied or alleged, not reported as done.
            consumed.update(t.i for o in _objects(token) for c in _noun_that_clauses(o) for t in _xcomp_chain(c))
        recipients = self._verb_recipients(token, obj, event, mode, actors, scope, own_heads, recipient_heads)
        if event == "MOBILIZE":
            # "flew bombers near Alaska": the forces moved are the actor's own, not whom it is aimed at
            own = {a.entity.code for a in actors}
            recipients = [f for f in recipients if not (f.inferred and f.entity.code in own)]
        if event == "MOBILIZE" and len({a.entity.code for a in actors}) > 1 and _object_lemmas(token) & EXERCISES:
            # "Chinese and Russian warships conducted exercises": joint exercises are COOPERATE (PLOVER manual)
            notes.append("forces of several states together: COOPERATE, not MOBILIZE")
            event, mode = "COOPERATE", ""
        if (event, mode) == ("MOBILIZE", "weapons") and self._delivered_to_a_state(token, actors):
            notes.append("weapons sent to another state: AID (military), not a show of force")
            event, mode = "AID", ""
        negated, hypothetical, future = self._flags(token, scope)
        if _in_condition(token):
            # "If Serbia recognizes Kosovo, the EU would open talks": a condition is not reported as done
            self.misses.append(Miss(token, "the condition of another act (if/unless/whether)", [pattern]))
            return None
        if _document_content(token) or ((future or hypothetical or _modal(token, scope)) and _document_aim(token)):
            # "supports a resolution that aims to tighten sanctions": what a text would do is its content
            self.misses.append(Miss(token, "what a resolution, plan or bill would do, not an act", [pattern]))
            return None
        if event == "THREATEN" and comp_pattern is not None:
            # "threatened to cut ties" is relations, "threatened to cut gas supplies" restrict: what would be
            # hit decides over the pattern's own mode
            objects = _object_lemmas(comp)
            mode = self.lexicon.threat_mode(comp_pattern.type, comp_pattern.mode, objects, by_object_only=True) or (
                mode or self.lexicon.threat_mode(comp_pattern.type, comp_pattern.mode, objects)
            )
        elif event == "THREATEN" and not mode:
            # "warned that Washington would impose tariffs": what is threatened is the clause's act
            threatened = _that_clause(token)
            inner = self.match_verb(threatened) if threatened is not None else []
            if inner:
                mode = self.lexicon.threat_mode(inner[0].type, inner[0].mode, _object_lemmas(threatened))
                # whom the act would reach ("tariffs on Chinese imports"), else who must not provoke it
                recipients = recipients or self._recipients(
                    [*_recipient_heads(threatened), *_condition_subjects(threatened, [threatened])], actors
                )
        condition = _condition(token)
        promised = future or _modal(token, scope)
        if future and QUAD[event] == "material_conflict" and self._readied(token):
            notes.append(f"{event} readied by a posture verb (transparent.tsv) is MOBILIZE")
            event, mode = "MOBILIZE", _posture_mode(mode, actors)
        elif promised and QUAD[event] == "material_conflict" and not _in_condition(token):
            # A promised harm is a threat (PLOVER manual: THREATEN, not ASSAULT + hypothetical).
            notes.append(f"future or conditional {event} is THREATEN")
            event, mode, hypothetical = "THREATEN", self.lexicon.threat_mode(event, mode, _object_lemmas(token)), False
        elif future and condition == "unless":
            notes.append(f"{event} promised 'unless' something happens is THREATEN")
            event, mode = "THREATEN", self.lexicon.threat_mode(event, mode, _object_lemmas(token))
            recipients = recipients or self._recipients(_condition_subjects(token, scope), actors)
        elif future and event in FUTURE_AS:
            notes.append(f"future {event} is {FUTURE_AS[event]} (PLOVER manual)")
            event, mode = FUTURE_AS[event], ""
        plain_not = any(c.dep_ == "neg" for c in token.children) or _neither_subject(token)
        if negated and event in NEGATED_AS and (pattern.lemma in REFUSAL_WHEN_NEGATED or not plain_not):
            notes.append(f"negated {event} is {NEGATED_AS[event]}")
            event, mode, negated = NEGATED_AS[event], "", False
        consumed.update(t.i for t in words)
        consumed.add(token.i)
        consumed.update(self._result_participles(token, event))
        if event == "THREATEN":
            # "... unless Baghdad accepted its conditions": what the threat demands is no event either
            consumed.update(t.i for clause in _condition_clauses(token, scope) for t in _xcomp_chain(clause))
        if event in ("THREATEN", "REQUEST"):
            # "demanded a truce before allowing aid convoys in": what waits on the demand has not happened
            consumed.update(t.i for clause in _awaited_clauses(token) for t in clause.subtree)
        candidate = Candidate(
            pattern,
            token,
            event,
            mode,
            actors,
            recipients,
            sorted(set(words), key=lambda t: t.i),
            _phrase(obj) if obj is not None else "",
            negated,
            hypothetical,
            future,
            notes=notes,
        )
        self.actors.note_event_actors(token, [f.entity for f in actors], "" if negated else event)
        return candidate

    def _verb_recipients(
        self,
        token: Token,
        obj: Token | None,
        event: str,
        mode: str,
        actors: list[Found],
        scope: list[Token],
        own_heads: list[Token],
        recipient_heads: list[Token],
    ) -> list[Found]:
        """Whom a verb's event reaches: its own objects, then its to-clause's, then, while none is named,
        the fallbacks of its type (docs/coding.md, "Actor and recipient")."""
        # The verb's own objects come before its to-clause's ("would blockade Paris to demand an end to the
        # EU's reform" reaches Paris), unless all they name is the actor's own ("ordered its troops to ...",
        # "scrambled jets to ...").
        recipients = self._recipients(own_heads, actors)
        if all(f.pronoun or f.inferred for f in recipients):
            recipients = self._recipients(recipient_heads, actors)
        if event == "PROTEST":
            # whom a protest defies beats what it blocks or where ("blocked streets in Hong Kong in defiance
            # of Chinese authorities"); what it is in protest at is only the next best
            defied = [h for word in scope for h in _in_noun_against(word, frozenset({"defiance"}))]
            recipients = self._recipients(defied, actors) or recipients
            recipients = recipients or self._recipients(_protest_targets(scope), actors)
        if all(f.pronoun or f.inferred for f in recipients) and event in ("CONCEDE", "RETREAT", "AGREE"):
            # "called off their strike after talks with the government": who it was agreed or conceded to
            recipients = self._recipients(self._talked_with(scope), actors) or recipients
        if not recipients and event == "REJECT":
            # "declined to resign despite pressure by the commission": whose pressure is refused
            pressed = [p for w in scope for prep in w.children if prep.lower_ == "despite" for p in _prep_objects(prep)]
            recipients = self._recipients(pressed, actors)
        if not recipients:
            # "Moscow suspended the flights in 2019": the flights named before ("flights to Georgia")
            recipients = self._recipients(self._named_before(own_heads), actors)
        if not recipients and obj is not None and _lemma(obj) in SHELTER_NOUNS:
            # "sought refuge in Germany": where shelter is sought or found is who gives it
            recipients = self._recipients([*_place_heads(token), *_place_heads(obj)], actors)
        if not recipients and event == "THREATEN":
            # "threatened to stop talks if the United States goes ahead": the condition names who is threatened.
            recipients = self._recipients(_condition_subjects(token, scope), actors)
        if not recipients and (event in PLACE_RECIPIENT or (event, mode) in PLACE_RECIPIENT_MODES):
            # "lifted a curfew in Montenegro", "sent inspectors to a plant in central Iran": the place of
            # the act is its recipient.
            destinations = [
                p
                for s in scope
                for prep in s.children
                if prep.dep_ == "prep" and prep.lower_ in TO_FIRST
                for p in _prep_objects(prep)
            ]
            places = [p for s in scope for p in _place_heads(s)] + [
                p for o in [*(o for s in scope for o in _objects(s)), *destinations] for p in _place_heads(o)
            ]
            recipients = self._place_recipients(places, actors, event)
        return recipients

    def _named_modifiers(self, noun: Token) -> list[Token]:
        """The possessor, compound or adjective words of a noun that name an actor ("Russia's", "PKK")."""
        return [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and self._names_actor(c)]

    def _attack_noun(self, noun: Token) -> bool:
        return noun.pos_ == "NOUN" and any(p.type == "ASSAULT" for p in self._noun_patterns(noun))

    def _attack_owners(self, verb: Token) -> list[Found]:
        """Who the attack a killing happened in belongs to ("were killed in a PKK attack", "died in an
        Israeli air strike"): the names on the attack noun."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "by"):
                continue
            for noun in _prep_objects(prep):
                if not self._attack_noun(noun):
                    continue
                owners = self._named_modifiers(noun)
                owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in _prep_objects(c)]
                found = [f for head in owners for f in self.actors.entities(head)]
                if found:
                    return found
        return []

    def _unidentified_attacker(self, token: Token, subject: Token | None, victims: list[Token]) -> list[Found]:
        """Violence with no named perpetrator ("a roadside bomb killed two soldiers", "were killed in Baghdad"):
        PLOVER's unidentified armed forces (UAF) of the state where it happened, else of the victims."""
        code = ""
        for head in [token, *([subject] if subject is not None else [])]:
            for place in [
                *_place_heads(head),
                *[
                    p
                    for prep in head.children
                    if prep.dep_ == "prep" and prep.lower_ in ("near", "at")
                    for p in _prep_objects(prep)
                ],
            ]:
                for t in place.subtree:
                    mention = self.actors.by_token.get(t.i)
                    if (
                        mention is not None
                        and mention.name.code
                        and mention.name.kind in STATE_PLACE_KINDS
                    ):
                        code = mention.name.code
                        break
        if not code:
            for head in [*victims, *[c for c in token.children if c.dep_ == "dobj"]]:
                found = [f for f in self.actors.entities(head) if not f.inferred]
                if found:  # victims whose state is only guessed from context leave the attack unplaced
                    code = found[0].entity.code
                    break
        if not code:
            return []
        text = _phrase(subject) if subject is not None else "unidentified attackers"
        start = subject.idx if subject is not None else token.idx
        entity = Entity(text=text, code=code, sector="UAF", start=start, end=start + len(text))
        return [Found(entity, "no perpetrator named: unidentified armed forces (UAF) where it happened", inferred=True)]

    def _only_conflict(self, verb: Token) -> str:
        """The conflict type of a verb all of whose patterns are conflict, though none matched ("swore to fight")."""
        patterns = next((self.lexicon.verbs[f] for f in _verb_forms(verb) if f in self.lexicon.verbs), [])
        types = {p.type for p in patterns if p.type != NOT_AN_EVENT}
        if types and all(QUAD[t] in CONFLICT_QUADS for t in types):
            return "ASSAULT" if "ASSAULT" in types else sorted(types)[0]
        return ""

    def _result_participles(self, token: Token, event: str) -> list[int]:
        """A subjectless participle clause that tells what the act did is the same event: "attacked the camp,
        killing at least 156 people" is one attack, not an attack and a killing by someone unknown."""
        found = []
        for child in token.children:
            if child.dep_ != "advcl" or child.tag_ != "VBG":
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue
            inner = self.match_verb(child)
            if inner is not None and inner[0].type == event:
                found.append(child.i)
        return found

    def _kind_switch(
        self, pattern: Pattern, event: str, actors: list[Found], notes: list[str], rivals: list[Pattern] | None = None
    ) -> Pattern | None:
        """The rival pattern the actors' kind codes instead of `event`, noted; None when the type stays."""
        switched = self._by_actor_kind(pattern, actors, rivals)
        if switched is None or switched.type == event:
            return None
        non_state = all(a.entity.sector in NON_STATE for a in actors)
        kind = "non-state actor" if switched.type == "PROTEST" else "armed group" if non_state else "state actor"
        notes.append(f"{kind}: {pattern.lemma!r} is {switched.type} ({switched.source})")
        return switched

    def _by_actor_kind(
        self, pattern: Pattern, actors: list[Found], rivals: list[Pattern] | None = None
    ) -> Pattern | None:
        """Among equally specific patterns of a lemma, PROTEST for non-state actors, another type for states;
        for armed groups, the use of force where there is one ("rebels struck" is no labour strike)."""
        if rivals is None:
            rivals = [
                p
                for p in self.lexicon.verbs.get(pattern.lemma, [])
                if p.specificity == pattern.specificity
                and p.particles == pattern.particles
                and p.objects == pattern.objects
            ]
        if len({p.type for p in rivals}) < 2:
            return None
        non_state = all(a.entity.sector in NON_STATE for a in actors)
        if non_state and any(a.entity.sector in ARMED_NON_STATE for a in actors):
            force = next((p for p in rivals if QUAD[p.type] == "material_conflict"), None)
            if force is not None:
                return force
        if non_state:
            return next((p for p in rivals if p.type == "PROTEST"), None)
        if pattern.type == "PROTEST":
            return next((p for p in rivals if p.type != "PROTEST"), None)
        return None

    def _asked_mode(self, comp_pattern: Pattern | None, obj: Token | None) -> str:
        if comp_pattern is not None:
            return ASK_MODE.get(comp_pattern.type, "change")
        if obj is not None:
            nouns = self.lexicon.nouns.get(_lemma(obj))
            if nouns:
                return ASK_MODE.get(nouns[0].type, "")
        return ""

    # ---- nouns ------------------------------------------------------------------------------

    def _noun_patterns(self, token: Token) -> list[Pattern]:
        """The nouns.tsv patterns of a noun, its compound first ("hunger strike", "price war")."""
        compounds = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
        return (
            (self.lexicon.nouns.get(f"{_lemma(compounds[-1])} {_lemma(token)}") if compounds else None)
            or self.lexicon.nouns.get(_lemma(token))
            or []
        )

    def _noun_event(self, token: Token, governed: set[int]) -> Candidate | None:
        patterns = self._noun_patterns(token)
        if not patterns:
            return None
        if any(a.i in governed for a in token.ancestors):
            return None
        pattern = patterns[0]
        if pattern.type == NOT_AN_EVENT:
            return None
        actor_heads = self._named_modifiers(token)
        light = (
            token.head
            if token.dep_ in ("dobj", "nsubjpass") and _lemma(token.head) in self.lexicon.light_verbs
            else None
        )
        if light is None and token.dep_ == "pobj" and token.head.dep_ == "prep":
            verb = token.head.head  # "took part in a protest", "converged on the capital for a rally"
            if token.head.lower_ in self.lexicon.light_preps.get(_lemma(verb), ()):
                light = verb
            elif token.head.lower_ == "for" and _lemma(verb) == "responsibility" and _lemma(verb.head) in CLAIMING:
                light = verb.head  # "the Houthis claimed responsibility for a missile attack": theirs
        possessive_pronouns = bool(actor_heads) and all(h.dep_ == "poss" and h.pos_ == "PRON" for h in actor_heads)
        if light is not None and light.i not in governed and (not actor_heads or possessive_pronouns):
            # "staged a hunger strike": the light verb's subject is the actor of the noun's event, and the
            # one its possessive pronoun stands for ("the committee completed its investigation").
            subject, passive = _subject(light)
            if subject is not None and not passive and (not actor_heads or self.actors.entities(subject)):
                actor_heads = [subject]
        for prep in token.children:
            if prep.dep_ == "prep" and (prep.lower_ == "by" or prep.lower_ == "from" and pattern.type in FROM_ACTOR):
                actor_heads += [p for p in prep.children if p.dep_ == "pobj"]
            if prep.dep_ == "prep" and prep.lower_ == "between" and pattern.type in MUTUAL_TYPES:
                actor_heads += [p for p in prep.children if p.dep_ == "pobj"]
        actors = [f for head in actor_heads for f in self.actors.entities(head)]
        if not actors:
            self.misses.append(Miss(token, "noun event with no actor in its phrase", [pattern]))
            return None
        recipient_heads = [
            p
            for prep in token.children
            if prep.dep_ == "prep"
            and prep.lower_ in ("on", "against", "of", "to", "with", "into", "from", "toward", "towards")
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        if light is not None:
            recipient_heads += [h for h in _recipient_heads(light) if h is not token]
        recipients = self._recipients(recipient_heads, actors)
        if not recipients and pattern.type == "PROTEST":
            recipients = self._recipients(_protest_targets([token, *([light] if light is not None else [])]), actors)
            # "a general strike that shut down Kathmandu": what the protest shut down or blocked
            shut = [o for c in token.children if c.dep_ == "relcl" for o in c.children if o.dep_ == "dobj"]
            recipients = recipients or self._recipients(shut, actors)
        if not recipients and pattern.type in CLAUSE_TYPES:
            # "Eritrea's allegation that Ethiopian forces had occupied ...": the clause's subject is accused
            subjects = [_subject(c)[0] for c in _noun_that_clauses(token)]
            recipients = self._recipients([t for t in subjects if t is not None], actors)
        if not recipients and pattern.type in RESTRICTION_OF_A_PLACE:
            # "instituted a curfew in Algiers": the place the measure is imposed on
            places = [p for head in [token, *([light] if light is not None else [])] for p in _place_heads(head)]
            recipients = self._place_recipients(places, actors, pattern.type)
        verb = token.head if token.head.pos_ in ("VERB", "AUX") else token
        if verb.lemma_ == "be" and token.dep_ in ("nsubj", "nsubjpass"):
            verb = token  # "X's commitment was not in doubt": the copula's "not" is not about the event
        negated, hypothetical, future = self._flags(verb, [verb])
        notes = [f"pattern {pattern.source} noun {pattern.lemma!r} -> {pattern.type}"]
        event, mode = pattern.type, pattern.mode
        # "doctors began a strike" is a labour strike; "Israeli strikes on Gaza" are attacks.
        switched = self._kind_switch(pattern, event, actors, notes, patterns)
        if switched is not None:
            pattern, event, mode = switched, switched.type, switched.mode
        if (event, mode) == ("PROTEST", "demo") and all(a.entity.sector in STATE_SECTORS for a in actors):
            # "Serbia lodged a protest with Albania": a state's protest is a diplomatic complaint.
            event, mode = "ACCUSE", "disapprove"
            notes.append("a state's protest is ACCUSE:disapprove")
        if light is not None:
            notes.append(f"light verb {light.text!r}: its subject is the actor")
        self.actors.note_event_actors(token, [f.entity for f in actors], "" if negated else event)
        return Candidate(
            pattern,
            token,
            event,
            mode,
            actors,
            recipients,
            [token],
            _phrase(token),
            negated,
            hypothetical,
            future,
            notes=notes,
        )

    def _names_entity(self, token: Token) -> bool:
        """Whether an object names someone from the gazetteer or the article ("released Prime Minister X")."""
        found = self.actors.entities(token)
        return any(not f.inferred for f in found)

    def _names_actor(self, token: Token) -> bool:
        """Whether a modifier names an actor: a name, a person, a pronoun, or a phrase that resolves
        ("the Chinese president's visit")."""
        if token.i in self.actors.by_token or token.text in self.actors.people or token.pos_ == "PRON":
            return True
        return token.dep_ == "poss" and self._names_entity(token)

    # ---- roles and flags ----------------------------------------------------------------------

    def _recipients(self, heads: list[Token], actors: list[Found]) -> list[Found]:
        actor_keys = {(a.entity.code, a.entity.sector) for a in actors}
        actor_codes = {a.entity.code for a in actors}
        # the state itself as recipient of its own people ("Swedish farmers protested against Sweden")
        state_actors = {a.entity.code for a in actors if a.entity.sector in STATE_SECTORS}
        groups: list[list[Found]] = []
        seen: set[tuple[str, str]] = set()
        for head in heads:
            group = []
            for item in self._phrase_entities(head, 2, frozenset(actor_codes)):
                entity = item.entity
                key = (entity.code, entity.sector)
                if key in actor_keys or (entity.code in state_actors and entity.sector in STATE_SECTORS) or key in seen:
                    continue
                if item.inferred and entity.code not in actor_codes:
                    continue  # a guessed country names a domestic recipient only ("police arrested protesters")
                if len(actor_codes) > 1 and entity.code in actor_codes:
                    # a joint act is not on one of its parties ("Israel and Hamas agreed to a ceasefire in Gaza"),
                    # guessed or named ("India and China agreed to disengage troops": whose troops?)
                    continue
                if entity.sector == "UNK":
                    continue  # "threw petrol bombs": a weapon is what acts in "killed by a bomb", never the target
                seen.add(key)
                group.append(item)
            if group:
                groups.append(group)
        # Another state is the likelier recipient than the actor's own people ("withdraw its troops from Lebanon").
        foreign = [g for g in groups if any(f.entity.code not in actor_codes and not f.pronoun for f in g)]
        return (foreign or groups or [[]])[0]

    def _light_verb_noun(self, verb: Token) -> list[Pattern]:
        """The patterns of the event noun a light verb takes ("to institute a curfew": a curfew)."""
        if _lemma(verb) not in self.lexicon.light_verbs:
            return []
        for obj in _objects(verb):
            patterns = self._noun_patterns(obj)
            if patterns and patterns[0].type != NOT_AN_EVENT:
                return patterns
        return []

    def _place_recipients(self, places: list[Token], actors: list[Found], event: str) -> list[Found]:
        """Whom an act reaches through where it happened ("lifted a curfew in Montenegro"). A city or capital
        there stands for its people: a curfew in Algiers restricts the people of Algiers, not the Algerian
        government that Algiers names elsewhere. So does a state's own country when its government imposes or
        lifts a measure there ("declared a state of siege in Haiti")."""
        actor_keys = {(a.entity.code, a.entity.sector) for a in actors}
        own_state = {a.entity.code for a in actors if a.entity.sector in STATE_SECTORS}
        actor_starts = {a.entity.start for a in actors}
        doc, by_token = self.actors.doc, self.actors.by_token
        for place in places:
            mention = next((by_token[t.i] for t in place.subtree if t.i in by_token), None)
            if mention is None or not mention.name.code or doc[mention.start].idx in actor_starts:
                continue  # "was arrested in Lebanon": the place that names the actor is not also whom it reaches
            kind = mention.name.kind
            on_its_people = kind in ("capital", "city") or (
                kind == "country" and mention.name.code in own_state and event in RESTRICTION_OF_A_PLACE
            )
            if not on_its_people or (mention.name.code, "CVL") in actor_keys:
                continue
            start, last = doc[mention.start], doc[mention.end - 1]
            entity = Entity(
                text=mention.text, code=mention.name.code, sector="CVL", start=start.idx, end=last.idx + len(last.text)
            )
            return [Found(entity, f"the people of {mention.text!r}, where it happened")]
        return self._recipients(places, actors) or self._place_named_before(places, actors)

    def _phrase_entities(self, head: Token, depth: int, actor_codes: frozenset[str] = frozenset()) -> list[Found]:
        """Entities a phrase names: its head, else the objects of its prepositions ("ties with Georgia")."""
        found = self.actors.entities(head)
        # "its ban on flights to Georgia": the owner is the actor; the recipient is further in.
        telling = [f for f in found if not f.inferred and not (f.pronoun and f.entity.code in actor_codes)]
        if telling or depth == 0:
            return found
        inferred, found = found, []
        # "against the government's overhaul": a possessor the resolver reads only when it is a name
        found += [f for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON" for f in self.actors.entities(c)]
        # "delivered masks and ventilators to Italy": a preposition on a conjunct of the phrase counts too
        for prep in [*head.children, *(c for conj in head.conjuncts if conj.i > head.i for c in conj.children)]:
            # inside a phrase, "by" names whose act it is ("rejected calls by Belarus's rulers")
            if prep.dep_ == "prep" and (prep.lower_ in RECIPIENT_PREPS or prep.lower_ == "by"):
                for pobj in _prep_objects(prep):
                    found += self._phrase_entities(pobj, depth - 1, actor_codes)
            elif prep.dep_ == "prep" and prep.lower_ == "in" and depth > 1:
                # "50 million euros in aid for Gaza": look through "in", but a place after it is no recipient.
                for pobj in _prep_objects(prep):
                    for inner in pobj.children:
                        if inner.dep_ == "prep" and inner.lower_ in RECIPIENT_PREPS:
                            for deeper in _prep_objects(inner):
                                found += self._phrase_entities(deeper, depth - 2, actor_codes)
        for child in head.children:
            if child.dep_ in ("acl", "relcl") and not found:
                # "the demonstration staged by students", "the plan to sell weapons to Taiwan"; not who brokered
                # or hosted it ("a truce brokered by Qatar": Qatar is no party)
                agents = [
                    p
                    for a in child.children
                    if a.dep_ == "agent" and _lemma(child) not in MEDIATING
                    for p in a.children
                    if p.dep_ == "pobj"
                ]
                for grand in [*agents, *_recipient_heads(child)]:
                    found += self.actors.entities(grand)
        # A name inside the phrase beats a country guessed from context ("the visa regime with Russia").
        return found or inferred

    def _enacted_act(self, text: Token) -> bool:
        """Whether a law, decree or resolution does something the lexicon codes ("a law recognizing ...")."""
        if _lemma(text) not in (DOCUMENT_NOUNS | STATEMENT_NOUNS) - AGREEMENT_NOUNS:
            return False
        for clause in text.children:
            if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB":
                found = self.match_verb(clause)
                if found is not None and found[0].type != NOT_AN_EVENT:
                    return True
        return False

    def _delivered_to_a_state(self, verb: Token, actors: list[Found]) -> bool:
        """Whether the verb hands weapons to another country ("sent tanks to Ukraine"), not shows force at a
        place ("sent a carrier to the Gulf", "to the border") or deploys ships ("a warship to Guyana")."""
        if any(_lemma(o) in VESSELS for o in _objects(verb)):
            return False
        own = {a.entity.code for a in actors}
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                for place in _prep_objects(prep):
                    mention = self.actors.by_token.get(place.i)
                    if mention is not None and mention.name.kind == "country" and mention.name.code not in own:
                        return True
        return False

    def _named_before(self, heads: list[Token]) -> list[Token]:
        """For definite nouns that name no one ("the flights", "the ban"), the same noun in an earlier
        sentence of the article, whose phrase may say who it reached."""
        found = []
        for head in heads:
            definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
            if head.pos_ != "NOUN" or not definite or any(c.dep_ == "prep" for c in head.children):
                continue
            before = [i for i in self._nouns_by_lemma().get(_lemma(head), []) if i < head.sent.start]
            if before:
                found.append(self.actors.doc[before[-1]])
        return found

    def _nouns_by_lemma(self) -> dict[str, list[int]]:
        """Token indices of the article's common nouns by lemma, in order; built on first use."""
        if self._noun_index is None:
            self._noun_index = {}
            for t in self.actors.doc:
                if t.pos_ == "NOUN":
                    self._noun_index.setdefault(_lemma(t), []).append(t.i)
        return self._noun_index

    def _talked_with(self, words: list[Token]) -> list[Token]:
        """X of "after talks with X", "following negotiations with X" on the words."""
        meetings = [
            n
            for word in words
            for after in word.subtree  # "agreed to a truce following talks": the parser may hang it anywhere
            if after.lower_ in ("after", "following")
            for n in after.children
            if n.dep_ in ("pobj", "dobj") and any(p.type == "CONSULT" for p in self._noun_patterns(n))
        ]
        return [p for n in meetings for prep in n.children if prep.lower_ == "with" for p in _prep_objects(prep)]

    def _readied(self, token: Token) -> bool:
        """Whether a verb above this one in its to-clause chain readies it ("prepared to resume shelling")."""
        head = token
        while head.dep_ == "xcomp" and head.head is not head:
            head = head.head
            if self.lexicon.transparent.get(head.lemma_.lower()) == "posture":
                return True
        return False

    def _flags(self, token: Token, scope: list[Token]) -> tuple[bool, bool, bool]:
        """negated, hypothetical, future: from the verb, its to-clauses and the pass-through verbs above it."""
        chain = list(scope)
        head = token
        while head.dep_ in ("xcomp", "conj") and head.head is not head:
            head = head.head
            chain.append(head)
        negated = hypothetical = future = False
        for verb in chain:
            flag = self.lexicon.transparent.get(verb.lemma_.lower(), None) if verb is not token else None
            if flag == "negated":
                negated = True
            elif flag == "hypothetical":
                hypothetical = True
            elif flag in ("future", "posture"):
                future = True
            for child in verb.children:
                word = child.lower_
                if child.dep_ == "neg" or (word in NEGATORS and child.dep_ in ("advmod", "det", "neg")):
                    negated = True
                if child.dep_ == "aux" and word in MODAL_HYPOTHETICAL:
                    hypothetical = True
                if child.dep_ == "aux" and word in MODAL_FUTURE:
                    future = True
                if child.dep_ == "aux" and word == "going" and verb.i > child.i:
                    future = True
            for obj in verb.children:
                if obj.dep_ in ("dobj", "attr") and any(d.lower_ == "no" and d.dep_ == "det" for d in obj.children):
                    negated = True
                if obj.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "neither" for d in obj.children):
                    negated = True  # "Neither Moscow nor Kyiv has agreed"
            if hypothetical and _reported(verb) and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
                hypothetical, future = False, True  # "said it would withdraw": the future of reported speech
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in ancestor.children
            ):
                hypothetical = True
        return negated, hypothetical, future

    def article_contexts(self) -> list[str]:
        """The contexts the article is about: those whose cue words occur at least three times in it."""
        counts = self.article_counts
        return [name for name, count in sorted(counts.items(), key=lambda kv: -kv[1]) if count >= ARTICLE_CONTEXT_HITS][
            :2
        ]


_CONTEXT_PATTERNS: dict[int, ContextCues] = {}
_MODE_CUES: dict[int, dict[str, ContextCues]] = {}
MEMO_WORDS = 200_000  # distinct words whose context cues are remembered (a few tens of MB at most)


class ContextCues:
    """Context cue words, matched word by word: a cue matches at a word start ("troop" in "troops"),
    a cue of several words matches them in a row ("human rights")."""

    _WORDS = re.compile(r"[\w][\w'-]*")

    def __init__(self, contexts: dict[str, tuple[str, ...]]):
        self.single: dict[str, list[str]] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (rest, context)
        for name, cues in contexts.items():
            for cue in cues:
                words = tuple(cue.lower().split())
                if len(words) == 1:
                    self.single.setdefault(words[0], []).append(name)
                elif words:
                    self.multi.setdefault(words[0], []).append((words[1:], name))
        sizes = [len(cue) for cue in self.single] or [1]
        self.lengths = (min(sizes), max(sizes))
        self._memo: dict[str, tuple[str, ...]] = {}

    def counts(self, text: str) -> dict[str, int]:
        """How often each context is cued in a text."""
        found: dict[str, int] = {}
        words = self._WORDS.findall(text.lower())
        for i, word in enumerate(words):
            for name in self._single_cues(word):
                found[name] = found.get(name, 0) + 1
            for rest, name in self.multi.get(word, ()):
                following = words[i + 1 : i + 1 + len(rest)]
                if len(following) == len(rest) and all(
                    w == r or (j == len(rest) - 1 and w.startswith(r))
                    for j, (w, r) in enumerate(zip(following, rest, strict=True))
                ):
                    found[name] = found.get(name, 0) + 1
        return found

    def _single_cues(self, word: str) -> tuple[str, ...]:
        """The contexts whose one-word cues begin the word; words recur, so answers are kept (up to a bound)."""
        hits = self._memo.get(word)
        if hits is None:
            shortest, longest = self.lengths
            hits = tuple(
                name for k in range(shortest, min(len(word), longest) + 1) for name in self.single.get(word[:k], ())
            )
            if len(self._memo) < MEMO_WORDS:
                self._memo[word] = hits
        return hits


def mode_cues(lexicon: Lexicon) -> dict[str, ContextCues]:
    """Per event type, its mode cue rows as a matcher whose "contexts" are row numbers; once per lexicon."""
    key = id(lexicon)
    if key not in _MODE_CUES:
        _MODE_CUES[key] = {
            event: ContextCues({str(row): cues for row, (_, cues) in enumerate(rows)})
            for event, rows in lexicon.mode_cues.items()
        }
    return _MODE_CUES[key]


def context_patterns(lexicon: Lexicon) -> ContextCues:
    """The lexicon's context cues, compiled once per lexicon."""
    key = id(lexicon)
    if key not in _CONTEXT_PATTERNS:
        _CONTEXT_PATTERNS[key] = ContextCues(lexicon.contexts)
    return _CONTEXT_PATTERNS[key]


# ---- parse helpers ------------------------------------------------------------------------------


def _clause_words(trigger: Token) -> list[Token]:
    """The trigger's phrase or clause: its subtree without coordinated clauses (events of their own), and
    for an event noun, the clause of the verb that governs it ("killed in a suicide car bombing")."""
    top = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    words: list[Token] = []
    stack = [top]
    while stack:
        word = stack.pop()
        words.append(word)
        stack += [c for c in word.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return sorted(words, key=lambda t: t.i)


def _posture_mode(act_mode: str, actors: list[Found]) -> str:
    """The MOBILIZE mode of readied force: weapons for an act by weapons systems, else by who readies it."""
    if act_mode in WEAPON_MODES:
        return "weapons"
    sectors = {a.entity.sector for a in actors}
    if "COP" in sectors:
        return "police"
    return "militia" if sectors & {"REB", "PRM", "UAF", "CRM"} else "troops"


def _first_person(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in FIRST_PERSON  # not "the US"


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _object_forms(token: Token) -> list[str]:
    """The words an object may match in a pattern: its lemma; the singular of a capitalised plural, which
    the lemmatizer leaves as written ("the Geneva Conventions"); the compound words before a collective
    head ("a carrier strike group")."""
    lemma = token.lemma_.lower()
    forms = [lemma]
    if token.tag_ == "NNPS" and lemma.endswith("s"):
        forms.append(lemma[:-1])
    if lemma in COLLECTIVE_HEADS:
        forms += [_lemma(c) for c in token.lefts if c.dep_ == "compound"]
    return forms


def _verb_forms(token: Token) -> list[str]:
    """The lemma, then the word itself and plain de-inflections: the lemmatizer errs ("waged" -> "wag")."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    prefix = hyphen_prefix(token)
    if prefix:  # "test-fired", "co-operated": the tokenizer cut the word at its hyphen
        forms = [f"{prefix}-{forms[0]}", f"{prefix}{forms[0]}", *forms]
    if lower.endswith("ied"):
        forms.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2]]
    if lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e"]
    if lower.endswith("es"):
        forms += [lower[:-1], lower[:-2]]
    elif lower.endswith("s"):
        forms.append(lower[:-1])
    return forms


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _has_particles(token: Token, particles: tuple[str, ...]) -> bool:
    """Whether the particle/preposition words hang on the verb ("pull out of": "of" may hang on "out");
    a preposition of time ("called Erdogan on Tuesday") is no particle."""
    children = [
        c for c in token.children if c.dep_ in ("prt", "prep", "advmod", "agent", "dobj") and not _is_time_phrase(c)
    ]
    children += [
        g
        for c in children
        if c.dep_ in ("prt", "advmod", "prep")
        for g in c.children
        if g.dep_ == "prep" and not _is_time_phrase(g)
    ]
    words = {c.lower_ for c in children} | {c.lemma_.lower() for c in children}
    return all(p in words for p in particles)


def _is_time_phrase(prep: Token) -> bool:
    return prep.dep_ == "prep" and any(p.dep_ == "pobj" and _TIME_WORD.match(p.text) for p in prep.children)


def _object_lemmas(token: Token) -> frozenset[str]:
    return frozenset(_lemma(o) for o in _objects(token))


def _objects(token: Token) -> list[Token]:
    """The verb's object-like dependents (object, passive subject, predicate adjective), and their conjuncts."""
    found = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if any(c.dep_ == "auxpass" for c in token.children):
        found += [c for c in token.children if c.dep_ == "nsubjpass"]
    if token.dep_ == "relcl":  # "relations, which Mogadishu cut", "a helicopter that was captured"
        found = [token.head if c.lower_ in ("which", "that", "whom") else c for c in found]
    if token.lemma_ == "be":
        found += [c for c in token.children if c.dep_ == "acomp"]
    # "found him guilty", "held them captive": the predicate adjective counts as the object
    found += [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"]
    found += [g for c in token.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "acomp"]
    # "allowed a UN convoy carrying food into the town": the parser makes the object a participle's subject
    found += [
        g
        for c in token.children
        if c.dep_ == "ccomp" and c.tag_ == "VBG"
        for g in c.children
        if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN") and g.i < c.i
    ]
    # "abided by the truce"
    found += [
        p
        for c in token.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj" and not any(a.dep_ == "auxpass" for a in token.children)
    ]
    for prep in token.children:  # "go on strike", "lay down arms", "put on alert"
        if prep.dep_ in ("prep", "prt"):
            found += [p for p in prep.children if p.dep_ == "pobj"]
            # "pulled out of the bloc": "of" hangs on "out"
            found += [p for g in prep.children if g.dep_ == "prep" for p in g.children if p.dep_ == "pobj"]
    found += [c for f in list(found) for c in f.conjuncts]
    # "25,000 tons of food aid", "$50,000 worth of goods", "800 million dollars in weapons"
    found += [
        p
        for f in list(found)
        for prep in f.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in") and (f.pos_ == "NUM" or f.lemma_.lower() in QUANTITIES)
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    return found


def _before_hyphen(word: Token) -> bool:
    """Whether a word is a hyphen or comes right before one ("re" of "re-open")."""
    return word.text == "-" or (word.i + 1 < len(word.doc) and word.doc[word.i + 1].text == "-")


def _complement(token: Token) -> Token | None:
    """The verb of the token's to-clause ("offered to restore" -> restore), through adjectives ("ready to")."""
    verbs = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if verbs:
        # "agreed to re-open": the parser may cut a hyphenated verb into xcomps "re", "-", "open"
        while len(verbs) > 1 and verbs[1].i <= verbs[0].i + 2 and _before_hyphen(verbs[0]):
            verbs.pop(0)
        return verbs[0]
    for child in token.children:  # "threatened on Monday to expel ...", parsed as a purpose clause
        if (
            child.dep_ == "advcl"
            and child.pos_ == "VERB"
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
            and not any(g.dep_ in ("nsubj", "mark") for g in child.children)
        ):
            return child
    holders = [c for c in token.children if c.dep_ in ("acomp", "dobj", "attr", "dative")]
    holders += [
        p for prep in token.children if prep.dep_ in ("prep", "prt") for p in prep.children if p.dep_ == "pobj"
    ]  # "called on Belarus to release ..."
    for child in holders:
        for grand in child.children:
            if (
                grand.dep_ in ("xcomp", "acl", "relcl", "ccomp")
                and grand.pos_ == "VERB"
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in grand.children)
            ):
                return grand
    return None


def _enacted_text(verb: Token) -> Token | None:
    """The text a relative clause is on, when the text is the object of enacting it ("adopted a resolution
    that imposes ...", "passed a law which bans ..."), else None."""
    text = verb.head
    if verb.dep_ != "relcl" or _lemma(text) not in (DOCUMENT_NOUNS | STATEMENT_NOUNS) - AGREEMENT_NOUNS:
        return None
    return text if _enacted(text) else None


def _enacted(text: Token) -> bool:
    """Whether a text is the object of a verb that puts it into force or out ("passed a law")."""
    return text.dep_ in ("dobj", "nsubjpass") and _lemma(text.head) in ENACTING_VERBS


def _document_content(token: Token) -> bool:
    """Whether the verb is a participle telling what a text does ("signed a pact allowing their troops to
    train ...", "a law banning ..."): the text's content, not a reported act."""
    while token.dep_ in ("xcomp", "conj", "ccomp") and token.head is not token:
        token = token.head
    text = token.head
    if token.dep_ != "acl" or token.tag_ != "VBG" or _lemma(text) not in DOCUMENT_NOUNS:
        return False
    # "passed a law banning ...": who enacts a law acts by it; what an agreement allows is still to come
    return not _enacted(text) or _lemma(text) in AGREEMENT_NOUNS


def _document_aim(token: Token) -> bool:
    """Whether the verb is in a relative clause on a text ("a bill that would ban ...", "a resolution that
    aims to ..."), through to-clauses and coordination."""
    while token.dep_ in ("xcomp", "conj") and token.head is not token:
        token = token.head
    return token.dep_ == "relcl" and _lemma(token.head) in DOCUMENT_NOUNS


def _place_heads(token: Token) -> list[Token]:
    return [
        p
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def _modal(token: Token, scope: list[Token]) -> bool:
    """A would/could/might/may/should on the verb or the verbs it folds in (not "tried to")."""
    return any(c.dep_ == "aux" and c.lower_ in MODAL_HYPOTHETICAL for v in [token, *scope] for c in v.children)


def _reported(verb: Token) -> bool:
    """Whether a verb stands in a clause reported by a speech verb ("X said it would ...")."""
    head = verb
    while head.dep_ in ("xcomp", "conj") and head.head is not head:
        head = head.head
    return head.dep_ == "ccomp" and head.head.lemma_ in SPEECH_VERBS | {"announce", "promise", "pledge", "vow"}


def _neither_subject(token: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "neither" for d in c.children) for c in token.children
    )


def _condition(token: Token) -> str:
    """'if' or 'unless' when a conditional clause hangs on the verb ("will withdraw unless ...")."""
    for child in token.children:
        if child.dep_ == "advcl":
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ in ("if", "unless"):
                    return mark.lower_
    return ""


def _of_the_question(token: Token) -> bool:
    return any(c.lower_ == "of" and any(g.lower_ == "question" for g in c.subtree) for c in token.children)


def _condition_clauses(token: Token, scope: list[Token]) -> list[Token]:
    """The verbs of if/unless clauses hanging on the verb or its to-clause."""
    return [
        clause
        for verb in [token, *scope]
        for clause in verb.children
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)
    ]


def _awaited_clauses(token: Token) -> list[Token]:
    """Clauses on the verb that wait on it: "before/until/unless/if ..." as a clause or a gerund phrase."""
    found = []
    for child in token.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in CONDITION_MARKS:
            found += [c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
    return found


def _condition_subjects(token: Token, scope: list[Token]) -> list[Token]:
    """Subjects of if/unless clauses hanging on the verb or its to-clause."""
    clauses = _condition_clauses(token, scope)
    return [c for clause in clauses for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def _in_condition(token: Token) -> bool:
    """Whether the verb stands inside an if/unless clause (it is then the condition, not the promise)."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in ancestor.children
        ):
            return True
    return False


def _noun_that_clauses(noun: Token) -> list[Token]:
    """The verbs of that-clauses a noun takes ("reports that X shelled", "an admission that X murdered")."""
    return [
        c
        for c in noun.children
        if c.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _that_clause(token: Token) -> Token | None:
    """The verb of a clause that a verb reports or demands ("demanded that Iran stop")."""
    return next((c for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)


def _protest_targets(words: list[Token]) -> list[Token]:
    """Whom a protest is against, from its purpose: "began a hunger strike to protest Sweden's decision",
    "marched in protest at the arrests", "rallied to denounce the government"."""
    heads: list[Token] = []
    for word in words:
        for child in word.children:
            if child.dep_ not in ("advcl", "xcomp", "acl"):
                continue
            if child.lemma_.lower() in PROTEST_PURPOSES:
                heads += [c for c in child.children if c.dep_ == "dobj"] + _against(child)
            elif child.lemma_.lower() == "call":  # "a demonstration calling for the removal of Mubarak"
                heads += [p for prep in child.children if prep.lower_ == "for" for p in _prep_objects(prep)]
        heads += _in_noun_against(word, PROTEST_NOUNS, ("in", "during", "at"))  # "in protest at X"
        # "rallied outside the French embassy": the body whose seat a protest gathers at
        heads += [
            p
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ in ("outside", "at", "near", "to")
            for p in _prep_objects(prep)
            if _lemma(p) in SEATS
        ]
        if word.pos_ in ("VERB", "AUX"):
            # "rioted following a demonstration calling for ...": the protest it grew out of tells whom
            around = [
                n
                for prep in word.children
                if prep.dep_ == "prep" and prep.lower_ in ("during", "following", "after", "at")
                for n in prep.children  # "following" may be parsed a verb with a direct object
                if n.dep_ in ("pobj", "dobj") and n.lemma_.lower() in PROTEST_NOUNS
            ]
            heads += _protest_targets(around)
    return heads


def _in_noun_against(word: Token, nouns: frozenset[str], preps: tuple[str, ...] = ("in",)) -> list[Token]:
    """X of "in protest at X", "during demonstrations against X", "in defiance of X" on a word."""
    return [
        h
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for noun in _prep_objects(prep)
        if noun.lemma_.lower() in nouns
        for h in _against(noun)
    ]


def _against(word: Token) -> list[Token]:
    return [p for c in word.children if c.dep_ == "prep" and c.lower_ in AGAINST for p in _prep_objects(c)]


def _charged_acts(token: Token) -> list[Token]:
    """The acts a charge names ("accused X of violating ... and ignoring ...", "arrested for collaborating
    with Israel"): alleged, so not events of their own."""
    acts = [
        act
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "with", "over")
        for act in prep.children
        if act.dep_ == "pcomp" and act.pos_ == "VERB"
    ]
    if acts:
        # "of violating human rights, ignoring the law ...": the parser may hang the next acts of the list
        # on the charging verb; they follow the first act with only punctuation between.
        end = max(a.right_edge.i for a in acts)
        for clause in token.rights:
            if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > end:
                between = clause.doc[end + 1 : clause.left_edge.i]
                if all(t.is_punct for t in between) and not any(c.dep_ == "nsubj" for c in clause.children):
                    acts.append(clause)
                    end = clause.right_edge.i
    return [t for act in acts for verb in [act, *act.conjuncts] for t in _xcomp_chain(verb)]


def _content(clause: Token) -> list[Token]:
    """The verbs of a demanded, alleged or denied clause: its to-clauses and the conditions it sets ("must
    agree to changes before they demobilize": neither the agreeing nor the demobilizing has happened)."""
    chain = _xcomp_chain(clause)
    for verb in list(chain):
        for child in verb.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
                chain += _xcomp_chain(child)
    return chain


def _xcomp_chain(comp: Token) -> list[Token]:
    chain = [comp]
    while True:
        nxt = next((c for c in chain[-1].children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            return chain
        chain.append(nxt)


def _subject(token: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb, following to-clauses, coordination and participles up to their controller."""
    for child in token.children:
        if child.dep_ in ("nsubj", "csubj", "expl") and child.dep_ != "expl":
            enacted = _enacted_text(token) if child.lower_ in ("that", "which") else None
            if enacted is not None:
                # "the Council adopted a resolution that imposes sanctions": who adopts the text acts by it
                return _subject(enacted.head, depth + 1)[0], False
            if child.tag_ == "VBG" and child.dep_ == "nsubj":
                # "The Red Cross operating in Iraq said": the parser made the participle the subject
                inner = next((c for c in child.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
                if inner is not None:
                    return inner, False
            return child, False
    for child in token.children:
        if child.dep_ == "nsubjpass":
            return child, True
    if token.head is token:
        return _subject_left_of(token)
    if depth > 6:
        return None, False
    head = token.head
    if token.dep_ == "xcomp" or (token.dep_ in ("acl", "relcl", "advcl") and head.pos_ in ("VERB", "AUX")):
        if token.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj, False
        if token.dep_ == "xcomp" and head.pos_ == "ADJ":
            return _subject(head.head, depth + 1)[0], False
        subject, _ = _subject(head, depth + 1)
        return subject, False
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "to" and _lemma(head.head) in TURN_TO:
        return _subject(head.head, depth + 1)[0], False  # "youths resorted to throwing stones"
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "by" and head.head.pos_ == "VERB":
        return _subject(head.head, depth + 1)[0], False  # "Russia retaliated by expelling diplomats"
    if token.dep_ == "conj":
        reporter = head.head
        if (
            head.dep_ == "ccomp"
            and reporter.lemma_ in SPEECH_VERBS
            and any(c.dep_ == "auxpass" for c in head.children)
            and token.tag_ == "VBD"
            and not any(c.dep_ == "aux" for c in token.children)
        ):
            # "the ministry said the drivers had been held since Thursday and demanded their release": an
            # active past tense coordinated with a reported passive is the reporter's second act
            return _subject(reporter, depth + 1)[0], False
        subject, passive = _subject(head, depth + 1)
        if passive and (token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in token.children)):
            passive = any(c.dep_ == "auxpass" for c in token.children)  # "was indicted and will resign"
        return subject, passive
    if token.dep_ in ("acomp", "attr") and head.pos_ in ("AUX", "VERB"):
        return _subject(head, depth + 1)  # "Ghana is committed to ...": parsed as a predicate of "is"
    if token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ in ("nsubj", "dep") and any(c.dep_ == "nsubj" and c is not head for c in head.head.children):
            # "Palestinian youths resorted to ..., officials said": a noun hung as a second subject (or loose)
            # on a verb that has its own shows the parser took the main verb for a reduced relative on it.
            return head, False
        for child in head.children:  # "a proposal from X to offer ..." -> X
            if child.dep_ == "poss":
                return child, False
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, False
        root = next(a for a in [head, *head.ancestors] if a.head is a)
        finite = [v for v in [token, *token.conjuncts] if v.tag_ in ("VBD", "VBZ", "VBP")]
        if head is root and token.tag_ == "VBN" and token.i > 0 and token.doc[token.i - 1].text == ",":
            finite.append(token)  # "Turkey, which trains Somali troops, offered to host talks": a past tense
        if root.pos_ in ("NOUN", "PROPN") and finite and not any(c.dep_ == "agent" for c in token.children):
            # "Doctors from two aid groups donated ...": with a noun for the sentence's root, a finite verb
            # hung on a noun as if it were a reduced relative is the main verb; the root is its subject.
            return root, False
        statement = head.lemma_.lower() in STATEMENT_NOUNS and head.dep_ in ("dobj", "nsubjpass")
        if (statement or (head.lemma_.lower() in DOCUMENT_NOUNS and _enacted(head))) and head.head is not head:
            # "issued a statement condemning the attack", "passed a law banning ...": whoever issued it acts
            return _subject(head.head, depth + 1)[0], False
    if token.dep_ in ("xcomp", "ccomp") and head.pos_ == "ADJ":
        return _subject(head.head, depth + 1)
    return None, False


def _subject_left_of(verb: Token) -> tuple[Token | None, bool]:
    """The noun phrase right before a finite main verb the parser left without a subject.

    "With the signing of an accord, the government and the rebels have agreed to ...": the parser
    hangs the real subject on the opening phrase. The phrase ending just before the verb's
    auxiliaries is taken, back to the start of its coordination, never across a comma.
    """
    before = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in before)
    start = min([verb.i, *(c.i for c in before)])
    if not finite or start == verb.sent.start:
        return None, False
    noun = verb.doc[start - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("conj", "appos", "pobj", "compound"):
        return None, False
    while noun.dep_ == "compound" and noun.head.i < start:
        noun = noun.head
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        between = verb.doc[noun.head.i + 1 : noun.i]
        if any(t.lower_ in (",", ";", ":") for t in between):
            break
        noun = noun.head
    return noun, any(c.dep_ == "auxpass" for c in before)


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, through a verb form ("to neighbouring Iraq" parsed as pcomp)."""
    found = [p for p in prep.children if p.dep_ == "pobj"]
    for pcomp in prep.children:
        if pcomp.dep_ == "pcomp":
            found += [o for o in pcomp.children if o.dep_ in ("dobj", "pobj")]
    if not found and next(iter(prep.children), None) is None:
        # "granted asylum to five officers holed up in the embassy": the parser may leave the preposition
        # bare and make its object the subject of the clause that follows; that phrase starts right after it.
        found = [
            subject
            for clause in prep.head.rights
            if clause.i > prep.i and clause.pos_ in ("VERB", "AUX")
            for subject in clause.lefts
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.left_edge.i == prep.i + 1
        ][:1]
    return found


def _recipient_heads(token: Token, first_preps: frozenset[str] = frozenset()) -> list[Token]:
    """Phrases that may name the recipient: objects, then prepositional objects (first_preps first)."""
    heads = [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj", "attr")]
    # "send weapons to Ukraine": the parser may label the preposition itself the dative
    heads = [p for h in heads for p in (_prep_objects(h) if h.pos_ == "ADP" else [h])]
    # "found the journalist guilty": the subject of the predicate adjective
    heads += [
        n
        for c in token.children
        if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
        for n in c.children
        if n.dep_ == "nsubj"
    ]
    preferred = [
        p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in first_preps for p in _prep_objects(prep)
    ]
    heads = preferred + heads
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS and prep.lower_ not in first_preps:
            heads += _prep_objects(prep)
        # "pulled out of Syria", "handed the villages back to Azerbaijan": the preposition hangs on a particle
        if prep.dep_ == "prt" or (prep.dep_ == "advmod" and prep.lower_ in PARTICLE_ADVERBS):
            for grand in prep.children:
                if grand.dep_ == "prep" and grand.lower_ in RECIPIENT_PREPS:
                    heads += [p for p in grand.children if p.dep_ == "pobj"]
    if not heads and not any(c.dep_ in ("dobj", "prep", "dative", "ccomp", "xcomp") for c in token.children):
        # "donated and delivered goods to the school": a verb with nothing after it shares its conjunct's
        for conj in token.children:
            own_subject = any(c.dep_.startswith("nsubj") for c in conj.children)
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and not own_subject:
                return _recipient_heads(conj, first_preps)
    return heads


def _phrase(token: Token) -> str:
    words = list(token.subtree)
    text = token.doc[words[0].i : words[-1].i + 1].text
    return text if len(text) <= 120 else text[:117] + "..."


def _without_protest_topics(candidates: list[Candidate]) -> list[Candidate]:
    """Drop what a protest demands ("gathered to demand that X step down"): PLOVER codes the protest only."""
    anchors = set()
    for c in candidates:
        if c.event == "PROTEST":
            anchors.add(c.trigger.i)
            if c.trigger.pos_ in ("NOUN", "PROPN"):
                anchors.add(c.trigger.head.i)  # the light verb of "staged a hunger strike"
    return [
        c
        for c in candidates
        if not (c.event in PROTEST_TOPICS and c.trigger.dep_ in ("advcl", "xcomp") and c.trigger.head.i in anchors)
    ]


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """One event per type and dyad in a sentence: the first trigger."""
    seen: set[tuple] = set()
    kept = []
    for c in candidates:
        key = (
            c.event,
            tuple(sorted(a.entity.code for a in c.actors)),
            tuple(sorted(r.entity.code for r in c.recipients)),
        )
        if key not in seen:
            seen.add(key)
            kept.append(c)
    return kept
