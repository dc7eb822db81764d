"""Resolve a noun phrase of a parsed article to PLOVER entities, remembering what the article said.

A phrase is resolved by two documented sequences of resolvers (docs/actors.md, "Resolution rules", in the
same order and with the same numbers): the phrase rules (PHRASE_RULES: languages, counting heads, "others",
"the two sides", "the call", coordinated adjectives), then, for its head, the head rules (HEAD_RULES:
relative pronouns, counting heads, pronouns, gazetteer names, people, names among the modifiers,
possessive pronouns, unknown organisations, "counterpart", sector nouns). The first rule that decides
wins; a rule may decide that a phrase names no one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc as SpacyDoc

from detente.actors.acronyms import defined_acronyms
from detente.actors.entities import (  # noqa: F401  (FIRST_PERSON, STATE_PLACE_KINDS: the stage's vocabulary)
    FIRST_PERSON,
    NO_ONE,
    PRONOUNS,
    RELATIVE,
    STATE_KINDS,
    STATE_PLACE_KINDS,
    STATE_WORD_KINDS,
    Found,
)
from detente.actors.gazetteer import Gazetteer, Name
from detente.actors.memory import ArticleMemory
from detente.actors.mentions import Mention, find_mentions, quote_flags, speech_head
from detente.actors.pronouns import PronounResolution
from detente.actors.sectors import head_sector, sector_word, title_of
from detente.model import Entity
from detente.sentences.pipeline import EntityFinder
from detente.sentences.words import ParsedDoc as Doc
from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span
from detente.sentences.words import hyphen_prefix, parsed

PAIR_DETERMINERS = {"both", "two"}
COUNTRY_KINDS = ("country", "demonym", "people", "capital")  # names of a whole state, not of a city in it
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
PREP_OWNERS = ("of", "from", "in")
DEFINITE = {"the", "this", "that", "these", "those"}
# "hundreds of thousands of ...": deeper nesting is no English, and each level recurses
MAX_COUNTED_NESTING = 8
OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "JUD"})  # who act for a state on others, wherever they are
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})  # acts of all their parties: a meeting, a deal


@dataclass
class ArticleActors(PronounResolution):
    """Actor resolution for one article: its mentions, people, speakers, and the memory of its events."""

    doc: Doc
    gaz: Gazetteer
    when: str = ""  # publication date, to pick the leader in office
    memory: ArticleMemory = field(default_factory=ArticleMemory)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    people: dict[str, Name] = field(default_factory=dict)  # surname or full name -> person
    inside_quote: list[bool] = field(default_factory=list)
    speakers: dict[int, list[Entity]] = field(default_factory=dict)  # sentence start -> speaker
    proper_nouns: list[int] = field(default_factory=list)  # token indices, for looking back at people
    speech_heads: dict[int, Token | None] = field(default_factory=dict)  # sentence start -> speech verb
    _resolved: dict[tuple[int, int], list[Found]] = field(default_factory=dict)  # (token, events noted) -> found
    _named: dict[int, list[Found]] = field(default_factory=dict)  # token -> entities named in its phrase
    _pairs: dict[int, list[str]] = field(default_factory=dict)  # mentions seen -> main pair
    _mention_starts: list[int] = field(default_factory=list)
    _resolving: set[tuple[int, bool]] = field(default_factory=set)  # heads being resolved: a bad parse may loop
    find_entities: EntityFinder | None = None  # the model's NER, run on a sentence only when asked
    dateline: str = ""  # the place the story was filed from ("Tbilisi")
    acronyms: dict[str, int] = field(default_factory=dict)  # an acronym the article defines -> its name's head
    _entity_labels: dict[int, dict[int, str]] = field(default_factory=dict)  # sentence start -> token -> label
    _counted_depth: int = 0  # counting phrases being resolved inside one another

    @classmethod
    def for_doc(
        cls, doc: SpacyDoc | Doc, gaz: Gazetteer, when: str = "", memory: ArticleMemory | None = None
    ) -> ArticleActors:
        doc = parsed(doc)
        actors = cls(doc, gaz, when, memory if memory is not None else ArticleMemory())
        actors.mentions = find_mentions(doc, gaz, when)
        actors.acronyms = defined_acronyms(doc)
        actors.mentions = _with_defined_acronyms(doc, actors.mentions, actors.acronyms)
        actors._mention_starts = [m.start for m in actors.mentions]  # in text order
        for mention in actors.mentions:
            for i in range(mention.start, mention.end):
                actors.by_token[i] = mention
        actors._learn_named_people()
        actors.inside_quote = quote_flags(doc)
        actors.proper_nouns = [t.i for t in doc if t.pos_ == "PROPN"]
        actors._learn_titled_people()
        return actors

    @property
    def words(self):
        return self.gaz.words

    def speech_head(self, sent: Span) -> Token | None:
        """The sentence's speech verb outside quotes, found once per sentence."""
        if sent.start not in self.speech_heads:
            self.speech_heads[sent.start] = speech_head(sent, self.inside_quote, self.gaz.words.speech_verb)
        return self.speech_heads[sent.start]

    # ---- what the article establishes -------------------------------------------------------

    def _learn_titled_people(self) -> None:
        """Remember people introduced with a title ("Deputy Foreign Minister Nino Kalandadze")."""
        for token in self.doc:
            if token.pos_ != "PROPN" or token.i in self.by_token or token.dep_ == "compound":
                continue
            name_tokens = [
                t
                for t in token.lefts
                if t.dep_ == "compound"
                and t.pos_ == "PROPN"
                and t.i not in self.by_token
                and not sector_word(self.gaz, t)
            ]
            full = " ".join([t.text for t in name_tokens] + [token.text])
            sector, code = self._title_of(token)
            if not sector:
                continue
            if not code:
                known = self._leader(full) or self._leader(token.text)
                code = known.code if known else ""  # decided when first used, from the events before it
            person = Name(code, sector, full, "person", start=str(token.i))
            self.people.setdefault(full, person)
            self.people.setdefault(token.text, person)

    def _learn_named_people(self) -> None:
        """A person the gazetteer names in full is the same person when the article goes on with the surname
        alone ("Hassan Sheikh Mohamud ... Mohamud condemned"), as the one in office at publication."""
        for mention in self.mentions:
            if mention.name.kind == "person" and mention.end - mention.start > 1:
                surname = self.doc[mention.end - 1].text
                if surname[:1].isupper() and not self.gaz.lookup(surname):
                    self.people.setdefault(surname, mention.name)

    def _title_of(self, head: Token) -> tuple[str, str]:
        """Sector and country from the title words around a name, or an apposition."""
        sector, code = title_of(self.gaz, self.by_token, head)
        if not sector:
            for child in head.children:
                if child.dep_ == "appos":
                    sub = self._resolve_head(child, allow_context=False)
                    if sub and sub.entity.sector:
                        return sub.entity.sector, sub.entity.code
        return sector, code

    def _head_sector(self, token: Token) -> str:
        return head_sector(self.gaz, self.by_token, token)

    def _leader(self, surface: str) -> Name | None:
        for candidate in self.gaz.lookup(surface):
            if candidate.kind == "person":
                return candidate
        return None

    def _is_state(self, code: str) -> bool:
        return bool(code) and not self.gaz.codes.is_organisation(code)

    def _latest_actor_country(self, before: int) -> str:
        for _, actors in self.memory.latest(before):
            for entity in actors:
                if self._is_state(entity.code):
                    return entity.code
        return ""

    def _latest_country(self, before: int) -> str:
        """The country of the latest event actor, else of the latest country name, before a token."""
        code = self._latest_actor_country(before)
        if code:
            return code
        for mention in reversed(self.mentions):
            if mention.start < before and self._is_state(mention.name.code):
                return mention.name.code
        return ""

    def _place_person(self, person: Name, token: Token) -> Name:
        """Give a titled person of unknown country the country of the latest actor, else of the sentence."""
        introduced = self.doc[int(person.start)] if person.start else token
        code = (
            self._latest_actor_country(self._told_before(introduced))
            or self._sentence_country(introduced)
            or self._latest_country(introduced.i)
            or self._article_country()
        )
        placed = Name(code, person.sector, person.name, "person")
        for key, value in list(self.people.items()):
            if value == person:
                self.people[key] = placed
        return placed

    def _clause_place(self, token: Token) -> str:
        """The state of a place named in an in/at/outside phrase of the token's verb ("rallied in Tbilisi"),
        or, for people who carry no arms and hold no office, of its object ("crowds attacked the French embassy
        in Niamey"): where forces fight, or what officials act on, says little of whose they are."""
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return ""
        # a state's forces fight anywhere; armed groups are coded by the state they fight in (PLOVER convention)
        sector = self._head_sector(token)[:3]
        armed = sector in self.gaz.codes.armed_sector and sector not in self.gaz.codes.non_state_armed
        # nor do a state's officials: "the president accused the United States" is not the US president
        official = armed or sector in OFFICIAL_SECTORS
        objects = [] if official else [c for c in verb.children if c.dep_ == "dobj" and c is not token]
        if not official:  # "set fire to the embassy in Baghdad"
            objects += [p for prep in verb.children if prep.lower_ in ("to", "on", "against") for p in _pobjs(prep)]
        for prep in [*verb.children, *(c for o in objects for c in o.children)]:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "outside", "near", "across", "throughout"):
                # "at a US base in Iraq": the place the phrase is in, not the owner its modifier names
                inner = [g for p in _pobjs(prep) for g in p.children if g.dep_ == "prep" and g.lower_ == "in"]
                code = self._state_place(t for g in inner for t in g.subtree) or self._state_place(prep.subtree)
                if code:
                    return code
        # "separatists shelled Mariupol": a place the act is on is where they are
        places = [o for o in objects if o.i in self.by_token and self.by_token[o.i].name.kind in STATE_PLACE_KINDS]
        return self._state_place(places)

    def _state_place(self, tokens: Iterable[Token]) -> str:
        """The state of the first place (country, capital, region, city) named among the tokens, or ""."""
        for t in tokens:
            mention = self.by_token.get(t.i)
            if mention and self._is_state(mention.name.code) and mention.name.kind in STATE_PLACE_KINDS:
                return mention.name.code
        return ""

    def _clause_modifier_place(self, token: Token) -> str:
        """The state of a place named in a clause that modifies the token ("refugees fleeing the war in
        Liberia"): where people who carry no arms live or flee from is the likeliest state they belong to."""
        for clause in token.rights:
            code = self._state_place(clause.subtree) if clause.dep_ in ("acl", "relcl") else ""
            if code:
                return code
        return ""

    def _sentence_country(
        self,
        token: Token,
        besides: str = "",
        kinds: tuple[str, ...] = STATE_KINDS,
        among: tuple[str, ...] = (),
        outside: frozenset[int] = frozenset(),
    ) -> str:
        """The state named nearest to a token within its sentence (other than `besides`; one of `among`; not at
        the tokens `outside`)."""
        sent = token.sent
        near = [
            m
            for m in self.mentions
            if sent.start <= m.start < sent.end
            and m.start not in outside
            and self._is_state(m.name.code)
            and m.name.code != besides
            and m.name.kind in kinds
            and (not among or m.name.code in among)
        ]
        if not near:
            return ""
        return min(near, key=lambda m: abs(m.start - token.i)).name.code

    def _article_country(
        self, besides: str = "", among: tuple[str, ...] = (), kinds: tuple[str, ...] | None = None
    ) -> str:
        """The state the article names most (other than `besides`; one of `among`; by names of these kinds)."""
        counts = Counter(
            m.name.code
            for m in self.mentions
            if self._is_state(m.name.code)
            and m.name.code != besides
            and (not among or m.name.code in among)
            and (kinds is None or m.name.kind in kinds)
        )
        return counts.most_common(1)[0][0] if counts else ""

    def main_pair(self, before: int) -> list[str]:
        """The two countries the article is about so far: the most mentioned states."""
        seen = bisect_left(self._mention_starts, before)
        if seen not in self._pairs:
            counts: Counter = Counter(m.name.code for m in self.mentions[:seen] if self._is_state(m.name.code))
            self._pairs[seen] = [code for code, _ in counts.most_common(2)]
        return list(self._pairs[seen])

    # ---- guessing: a subject no rule resolves -------------------------------------------------

    def entity_label(self, token: Token) -> str:
        """The NER label (PERSON, ORG, NORP, GPE) of a token, running the model's NER on its sentence the
        first time a token of that sentence is asked about; "" when there is no NER or no entity."""
        if self.find_entities is None:
            return ""
        sent = token.sent
        if sent.start not in self._entity_labels:
            self._entity_labels[sent.start] = self.find_entities(self.doc.spacy_doc, sent.start, sent.end)
        return self._entity_labels[sent.start].get(token.i, "")

    def dateline_country(self) -> str:
        """The state of the place the story was filed from, if the gazetteer knows it."""
        for name in self.gaz.lookup(self.dateline) if self.dateline else []:
            if self._is_state(name.code) and name.kind in STATE_PLACE_KINDS:
                return name.code
        return ""

    def _dominant_country(self, sent: Span) -> str:
        """The state the rest of the article (outside this sentence) names most, when it names it at least
        twice as often as any other."""
        counts = Counter(
            m.name.code for m in self.mentions if self._is_state(m.name.code) and not sent.start <= m.start < sent.end
        ).most_common(2)
        if not counts or (len(counts) == 2 and counts[0][1] < 2 * counts[1][1]):
            return ""
        return counts[0][0]

    def guessed(self, head: Token) -> Found | None:
        """For a subject no rule resolves that still names someone (a name the NER takes for a person, an
        organisation or a people, or a sector noun): the phrase, as an actor of the state the story was filed
        from, else of the one the article is plainly about (named twice as often as any other); inferred, so
        flagged. The state a sentence names is no guess: it is as often whom the act is aimed at."""
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in PRONOUNS or head.lower_ in RELATIVE:
            return None
        if self.gaz.organisation_heads.get(head.lower_):
            return None  # a bare "the Committee": which one, the article must say (rule 17)
        label = self.entity_label(head) if head.pos_ == "PROPN" else ""
        sector = self._head_sector(head)
        if not (label or sector):
            return None
        code = self.dateline_country() or self._dominant_country(head.sent)
        if not code:
            return None
        name = self._entity(head, code, sector).text if head.pos_ == "PROPN" else ""
        why = f"guessed: {head.text!r} ({label or sector}) names no one known; the country of its context, {code}"
        return Found(self._entity(head, code, sector, name), why, inferred=True)

    # ---- resolution ----------------------------------------------------------------------

    def entities(self, head: Token) -> list[Found]:
        """Entities named by a phrase head and the heads coordinated with it."""
        # Names in the phrase resolve the same every time; pronouns and context depend on the events
        # noted so far, so those answers are kept per number of events noted.
        found = self._named.get(head.i)
        if found is None:
            key = (head.i, len(self.memory.recent))
            if key not in self._resolved:
                found = self._entities(head)
                if found and not any(f.inferred or f.pronoun for f in found):
                    self._named[head.i] = found
                else:
                    self._resolved[key] = found
            found = self._named.get(head.i, self._resolved.get(key))
        return [Found(f.entity, f.why, f.inferred, f.pronoun) for f in found]

    def _entities(self, head: Token) -> list[Found]:
        found: list[Found] = []
        seen: set[tuple[str, str]] = set()
        for token in [head, *head.conjuncts]:
            if token.i < head.i and token is not head:
                continue
            for item in self._resolve_phrase(token):
                key = (item.entity.code, item.entity.sector)
                if key not in seen:
                    seen.add(key)
                    found.append(item)
        return found

    def _resolve_phrase(self, token: Token) -> list[Found]:
        """The phrase rules (docs/actors.md, rules 1-7), then the head rules."""
        for rule in self._phrase_rules():
            found = rule(token)
            if found is not None:
                return found
        one = self._resolve_head(token)
        return [one] if one else []

    def _phrase_rules(self) -> tuple[Callable[[Token], list[Found] | None], ...]:
        return (
            self._defined_acronym,
            self._language,
            self._counted_phrase,
            self._others,
            self._pair_phrase,
            self._event_reference,
            self._coordinated_adjectives,
        )

    def _defined_acronym(self, token: Token) -> list[Found] | None:
        """1. An acronym the article defined in brackets after a name stands for that name from then on: "the
        Somali Salvation Alliance (SSA) ... the SSA said"; the article's meaning wins over the gazetteer's."""
        head = self.acronyms.get(token.text)
        if head is None or head >= token.i or token.i - head <= 2:
            return None  # the definition itself, or before it
        named = self.entities(self.doc[head])
        why = f"{token.text!r}: the acronym the article gave {self.doc[head].text!r}"
        here = {"text": token.text, "start": token.idx, "end": token.idx + len(token.text)}
        return [Found(f.entity.model_copy(update=here), why, f.inferred, f.pronoun) for f in named] or None

    def _language(self, token: Token) -> list[Found] | None:
        """2. A language names no one ("lessons in the Russian language")."""
        if token.lemma_.lower() in self.words.language and token.i not in self.by_token:
            return []
        return None

    def _counted_phrase(self, token: Token) -> list[Found] | None:
        """3. A counting head stands for its of-phrase, with the names coordinated in it: "hundreds of
        people", "hundreds of Sudanese and Nigerien migrants"."""
        if (token.pos_ == "NUM" or token.lemma_.lower() in self.words.partitive) and token.i not in self.by_token:
            inner = _of_object(token)
            if inner is not None:
                if self._counted_depth >= MAX_COUNTED_NESTING:  # "hundreds of hundreds of ...": no one named
                    return []
                self._counted_depth += 1
                try:
                    return self._entities(inner)
                finally:
                    self._counted_depth -= 1
        return None

    def _others(self, token: Token) -> list[Found] | None:
        """4. "others" are more of the kind the coordinated verb before named ("killed one soldier and
        wounded two others")."""
        if token.lower_ != "others" or token.i in self.by_token:
            return None
        earlier = self._earlier_object(token)
        return [Found(self._pronoun_entity(token, earlier.entity), earlier.why)] if earlier else []

    def _pair_phrase(self, token: Token) -> list[Found] | None:
        """5. "the two sides", "both countries", "our countries", "the neighbours": the states that acted together
        in the latest event of the sentence or the one before, else the two states the article names most; "the
        two" of an act on two named ones: the last two names."""
        if (
            token.lower_ in ("two", "both")
            and token.pos_ in ("NUM", "PRON", "DET")
            and token.i not in self.by_token
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        ):
            return self._last_two(token) or None  # "then recognized the two as separate countries"
        if token.lemma_.lower() not in self.words.pair_noun or token.tag_ not in ("NNS", "NNPS"):
            return None
        dets = {t.lower_ for t in token.lefts}
        if not (dets & PAIR_DETERMINERS or "our" in dets or token.lemma_.lower() in ("neighbor", "neighbour")):
            return None
        if self.by_token.get(token.i):
            return None
        joint = self._latest_joint_parties(token)
        codes = joint or self.main_pair(token.i)
        why = "the parties of the joint act just told" if joint else "the article's main pair"
        here = {"text": token.text, "start": token.idx, "end": token.idx + len(token.text)}
        found = [Found(Entity(code=c, **here), f"{token.text!r}: {why}") for c in codes]
        return found or None

    def _latest_joint_parties(self, token: Token) -> list[str]:
        """The states that acted together in the latest event of this sentence or the one before ("Russia and
        Ukraine held talks. The two sides agreed ...")."""
        start = token.sent.start
        since = self.doc[start - 1].sent.start if start > 0 else start
        for index, actors in self.memory.latest(token.i):
            if index < since:
                return []
            codes = list(dict.fromkeys(a.code for a in actors if self._is_state(a.code)))
            if len(codes) >= 2:
                return codes[:2]
            return []
        return []

    def _event_reference(self, token: Token) -> list[Found] | None:
        """6. "the decision", "the move", "this offer", and a summing-up ", a move Lima condemned": the actors of
        the event just reported; "the call", "the threat": the actors of the latest request, threat ...
        (references.tsv)."""
        lemma = token.lemma_.lower()
        references = self.words.references
        if (lemma not in self.words.event_reference and lemma not in references) or token.i in self.by_token:
            return None
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if (
            not (determiners & DEFINITE or self._summative(token))
            or any(
                c.dep_ in ("poss", "compound", "amod") and (c.i in self.by_token or c.pos_ == "PRON")
                for c in token.children
            )
            or any(c.dep_ == "prep" and c.lower_ in ("by", "of", "from") for c in token.children)
        ):
            return None
        summing_up = self._summative(token)
        # a summing-up noun is about its own sentence's event, of whatever type ("..., a claim the army denied")
        kinds = None if summing_up else references.get(lemma)
        if kinds and token.dep_ in ("nsubj", "nsubjpass"):
            return None  # "the deal took effect": a text that acts names no actor
        earlier = [
            (index, actors)
            for index, actors in self.memory.recent
            if index < token.i
            and (kinds is None or self.memory.recent_types.get(index) in kinds)
            and (not summing_up or index >= token.sent.start)
            and (summing_up or kinds is not None or not _crowd(actors))
        ]
        if not earlier:
            return None
        index, actors = max(earlier, key=lambda r: r[0])
        if self.memory.recent_types.get(index) in JOINT_TYPES:
            actors = self.memory.parties(index, actors)  # "criticised the meeting": all who met
        which = f"the latest {'/'.join(kinds)}" if kinds else "the event just reported"
        why = f"{token.text!r}: the actors of {which}"
        return [Found(self._pronoun_entity(token, a), why, pronoun=True) for a in actors] or None

    def _summative(self, token: Token) -> bool:
        """ "..., a move Lima condemned", "..., a request the alliance turned down", "..., a decision welcomed by
        Accra": an indefinite noun after a comma, with a clause or a passive participle on it, sums up the event
        just told."""
        before = token.left_edge.i - 1
        return (
            before >= 0
            and self.doc[before].text == ","
            and any(c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ == "VBN") for c in token.children)
        )

    def _coordinated_adjectives(self, token: Token) -> list[Found] | None:
        """7. Coordinated adjectives, or owners in an of/from phrase, each name an entity: "Hungarian and
        Romanian officials", "the foreign ministers of Chile and Bolivia"."""
        adjectives = [
            t for t in token.lefts if t.dep_ in ("amod", "nmod", "compound") and t.i in self.by_token and t.conjuncts
        ]
        adjectives = adjectives or [
            o
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
            for o in prep.children
            if o.dep_ == "pobj" and o.i in self.by_token and o.conjuncts
        ]
        if not adjectives:
            return None
        result = []
        for adjective in [adjectives[0], *adjectives[0].conjuncts]:
            mention = self.by_token.get(adjective.i)
            if mention and mention.name.kind == "ethnic":
                mention = self._placed_group(mention, token)
            if mention and mention.name.code:
                result.append(self._with_sector(mention, token, f"adjectival {adjective.text!r}"))
        return result or None

    def _last_two(self, token: Token) -> list[Found]:
        """The two names mentioned last before a token, as entities (one per code)."""
        names: list[Mention] = []
        for mention in reversed(self.mentions):
            if mention.start < token.i and mention.name.code and mention.text not in {m.text for m in names}:
                names.append(mention)
            if len(names) == 2:
                break
        found, seen = [], set()
        for mention in reversed(names):
            if mention.name.code not in seen:
                seen.add(mention.name.code)
                entity = Entity(
                    text=token.text,
                    code=mention.name.code,
                    sector=mention.name.sector,
                    name=mention.name.name if mention.name.kind != "country" else "",
                    start=token.idx,
                    end=token.idx + len(token.text),
                )
                found.append(Found(entity, f"{token.text!r}: the last two names, {mention.text!r}", pronoun=True))
        return found if len(names) == 2 else []

    def _resolve_head(self, token: Token, allow_context: bool = True) -> Found | None:
        """The head rules (docs/actors.md, rules 8-20), in order; the first that decides wins."""
        key = (token.i, allow_context)
        if key in self._resolving:
            return None  # a cycle in a broken parse (a pronoun whose antecedent leads back to it)
        self._resolving.add(key)
        try:
            for rule in self._head_rules():
                found = rule(token, allow_context)
                if found is not None:
                    return None if found is NO_ONE else found
            return None
        finally:
            self._resolving.discard(key)

    def _head_rules(self) -> tuple[Callable[[Token, bool], Found | None], ...]:
        return (
            self._relative_pronoun,
            self._counting_head,
            self._pronoun_head,
            self._gazetteer_name,
            self._known_person,
            self._stance_group,
            self._named_modifier,
            self._possessive_pronoun,
            self._definite_description,
            self._unknown_organisation,
            self._counterpart,
            self._placed_sector_noun,
            self._sector_noun_in_context,
        )

    def _relative_pronoun(self, token: Token, allow_context: bool) -> Found | None:
        """8. A relative pronoun stands for the noun its clause modifies ("forces that were stationed", "the
        envoy to whom it wrote"); as an object, only if that noun names someone ("relations, which
        Mogadishu cut" leaves "which" to the article)."""
        if token.lower_ not in RELATIVE:
            return None
        clause = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and clause.dep_ == "relcl":
            antecedent = self._resolve_head(clause.head, allow_context)
            if antecedent is not None:
                return antecedent
            if token.dep_ in ("nsubj", "nsubjpass"):
                return NO_ONE
        return None

    def _counting_head(self, token: Token, allow_context: bool) -> Found | None:
        """9. A counting head stands for its of-phrase ("a group of Moroccan diplomats")."""
        if token.pos_ == "NUM" or token.lemma_.lower() in self.words.partitive:
            inner = _of_object(token)
            if inner is not None:
                return self._resolve_head(inner, allow_context) or NO_ONE
        return None

    def _pronoun_head(self, token: Token, allow_context: bool) -> Found | None:
        """10. A pronoun takes its antecedent (rules P1-P9 below), in context only."""
        if token.i in self.by_token or not (token.pos_ == "PRON" or token.lower_ in PRONOUNS):
            return None
        found = self._pronoun(token) if allow_context else None
        return found or NO_ONE

    def _gazetteer_name(self, token: Token, allow_context: bool) -> Found | None:
        """11. A gazetteer name on the head gives the code, the head noun or title the sector ("Russia's
        forces" RUS/MIL; "Moscow" RUS/GOV; "Russians" RUS/CVL); a place that is no actor names no one."""
        mention = self.by_token.get(token.i)
        if mention is None:
            return None
        if mention.name.kind == "ethnic":
            placed = self._placed_group(mention, token)
            if placed is None:
                return NO_ONE
            return self._with_sector(placed, token, f"{mention.text!r}, the people, in {placed.name.code}")
        if not mention.name.code:
            return NO_ONE  # a place that is no actor ("Indian Ocean")
        return self._with_sector(mention, token, f"gazetteer {mention.name.kind} {mention.text!r}")

    def _placed_group(self, mention: Mention, token: Token) -> Mention | None:
        """An ethnic group's mention with the state it belongs to here (peoples.tsv): a state named in its
        phrase or clause ("Kurdish fighters in Afrin"), else its homeland named nearest in the sentence, else
        the homeland the article names most, else its first homeland (where news of it is most common)."""
        homelands = mention.name.homelands
        # a place in the group's phrase ("Kurds in Syria"), but not a backer's name ("US-backed Kurdish forces")
        backers = self._backers(token)
        code = (
            self._state_place(t for t in token.subtree if t.i not in backers)
            or self._clause_modifier_place(token)
            or self._clause_place(token)
            or self._sentence_country(token, kinds=STATE_KINDS, among=homelands)
            or self._article_country(among=homelands)
            or homelands[0]
        )
        return Mention(mention.start, mention.end, replace(mention.name, code=code), mention.text)

    def _known_person(self, token: Token, allow_context: bool) -> Found | None:
        """12. A person from leaders.tsv, or introduced with a title earlier in the article."""
        person = self.people.get(token.text) or self.people.get(self._full_name(token))
        if person and not person.code:
            person = self._place_person(person, token)
        if person and person.code:
            return Found(self._entity(token, person.code, person.sector, person.name), f"person {person.name!r}")
        return None

    def _stance_group(self, token: Token, allow_context: bool) -> Found | None:
        """13. A group "pro-" a state or its leader is of that state, as a pro-government militia (PRM) when
        armed, where it acts in that state ("pro-Assad militiamen entered Afrin": SYR/PRM); elsewhere it is
        of the state it acts in ("pro-Russian separatists near Donetsk": UKR/REB). Rebels with no place are
        left to the other rules: they fight some state, not the one they favour."""
        words = [t for t in token.lefts if t.dep_ in ("amod", "compound", "npadvmod")]
        texts = [t.lower_ for t in words]
        pro = texts.index("pro") if "pro" in texts else len(words)
        if pro + 2 >= len(words) or words[pro + 1].text != "-":
            return None
        backer = words[pro + 2]
        # a state or a leader the gazetteer names ("pro-Russian", "pro-Assad"), else a person the article named
        person = self.people.get(backer.text)
        state = next((n.code for n in self.gaz.lookup(backer.text) if self._is_state(n.code)), "") or (
            person.code if person and self._is_state(person.code) else ""
        )
        if not state:
            return None
        sector = self._head_sector(token)
        place = self._clause_place(token) if allow_context else ""
        if place and place != state:
            return Found(self._entity(token, place, sector), f"{token.text!r}: pro-{backer.text}, acting in {place}")
        if sector[:3] in self.gaz.codes.non_state_armed and sector[:3] != "PRM":
            return None  # "pro-Russian separatists" rebel against some state, which the other rules must find
        armed = sector[:3] in self.gaz.codes.armed_sector
        entity = self._entity(token, state, "PRM" if armed else sector)
        return Found(entity, f"{token.text!r}: pro-{backer.text}, of {state}")

    def _named_modifier(self, token: Token, allow_context: bool) -> Found | None:
        """14. A name among the phrase's modifiers: possessor, compound, adjective, of/from/in phrase,
        apposition, where a group is based ("the government of Georgia", "a newspaper based in Beirut")."""
        for modifier in self._modifiers(token):
            sub = self.by_token.get(modifier.i)
            if sub is None and modifier.pos_ == "PROPN":
                known = self.people.get(modifier.text)
                if known and not known.code:
                    known = self._place_person(known, modifier)
                if known and known.code:
                    return Found(
                        self._entity(token, known.code, self._head_sector(token) or known.sector),
                        f"person {known.name!r} owns {token.text!r}",
                    )
            if sub is not None and sub.name.kind == "ethnic":
                sub = self._placed_group(sub, token)  # "Kurdish fighters in Afrin"
            if sub is not None and sub.name.code:
                return self._with_sector(sub, token, f"{modifier.dep_} {sub.text!r} of {token.text!r}")
        return None

    def _possessive_pronoun(self, token: Token, allow_context: bool) -> Found | None:
        """15. A possessive pronoun counts only when no name does: "his Turkish counterpart" is Turkish,
        "its forces" the owner's."""
        if not allow_context:
            return None
        for modifier in self._modifiers(token):
            if modifier.dep_ == "poss" and modifier.pos_ == "PRON":
                owner = self._pronoun(modifier)  # "her country", "its forces"
                if owner:
                    return Found(
                        self._entity(token, owner.entity.code, self._head_sector(token)),
                        f"possessive {modifier.text!r} of {token.text!r}: {owner.why}",
                        pronoun=True,
                    )
        return None

    def _definite_description(self, token: Token, allow_context: bool) -> Found | None:
        """16. A definite description takes the latest thing of its kind the article named: "the country",
        "the nation" a state (as a subject, the latest actor's; else the latest state other than the clause's
        actor: "promised to expand trade with the country"); "the group", "the militia", "the movement" an
        organisation that is no IGO; "the alliance", "the bloc" an IGO (words.tsv)."""
        lemma = token.lemma_.lower()
        words = self.words
        kind = (
            "state"
            if lemma in words.country_description
            else "group"
            if lemma in words.group_description
            else "alliance"
            if lemma in words.alliance_description
            else ""
        )
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
        if not kind or not allow_context or not definite or token.tag_ in ("NNS", "NNPS") or self._modifiers(token):
            return None
        mention = self._latest_of_kind(kind, token)
        if mention is None:
            return None
        sector = mention.name.sector if kind != "state" else ""
        entity = self._entity(token, mention.name.code, sector, mention.name.name)
        return Found(entity, f"{token.text!r}: the latest {kind} named, {mention.text!r}", pronoun=True)

    def _latest_of_kind(self, kind: str, token: Token) -> Mention | None:
        if kind == "state" and token.dep_ in ("nsubj", "nsubjpass"):
            code = self._latest_actor_country(token.i) or self._latest_country(token.i)
            return next((m for m in reversed(self.mentions) if m.start < token.i and m.name.code == code), None)
        actor = self._latest_actor_country(token.i) if kind == "state" else ""
        for mention in reversed(self.mentions):
            if mention.start >= token.i:
                continue
            name = mention.name
            if kind == "state" and self._is_state(name.code) and name.kind in COUNTRY_KINDS and name.code != actor:
                return mention
            if kind == "group" and name.kind == "organisation" and not name.code.startswith("IGO"):
                return mention
            if kind == "alliance" and name.kind == "organisation" and name.code.startswith("IGO"):
                return mention
        return None

    def _unknown_organisation(self, token: Token, allow_context: bool) -> Found | None:
        """17. A capitalised name the gazetteer lacks, headed by a word of organisation_heads.tsv ("the
        Association of African Jurists"), is that kind of organisation; a sector word in it gives its sector.
        A bare "the Committee" names no one."""
        code = self.gaz.organisation_heads.get(token.lower_) if token.pos_ == "PROPN" else None
        if code is None:
            return None
        words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                words += [w for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN" for w in p.subtree]
        if not words:
            return None  # a bare "the Committee": which one, the article must say
        forms = [f for w in words for f in (w.lemma_.lower(), w.lower_.removesuffix("s"))]  # "Jurists"
        sector = next((s for f in forms if (s := self.gaz.sector_of((f,)))), "")
        name = self.doc[min(w.i for w in [token, *words]) : max(w.i for w in [token, *words]) + 1].text
        return Found(self._entity(token, code, sector, name), f"organisation {name!r} by its head word {token.text!r}")

    def _counterpart(self, token: Token, allow_context: bool) -> Found | None:
        """18. A bare "counterpart" is the other side: the state named besides the latest actor's."""
        if token.lemma_.lower() != "counterpart" or not allow_context:
            return None
        other = self._sentence_country(token, besides=self._latest_actor_country(token.i))
        if not other:
            return None
        sector = self._head_sector(token)
        return Found(self._entity(token, other, sector or "GOV"), f"{token.text!r}: the other side, {other}")

    def _placed_sector_noun(self, token: Token, allow_context: bool) -> Found | None:
        """19. People who carry no arms take the state of a place in a clause on them ("refugees fleeing the
        war in Liberia", "villagers who live near Goma")."""
        if not allow_context or token.pos_ not in ("NOUN", "PROPN"):
            return None
        sector = self._head_sector(token)
        if not sector or sector[:3] in self.gaz.codes.armed_sector:
            return None
        code = self._clause_modifier_place(token)
        if not code:
            return None
        return Found(self._entity(token, code, sector), f"sector noun {token.text!r}; place in its clause")

    def _sector_noun_in_context(self, token: Token, allow_context: bool) -> Found | None:
        """20. A bare sector noun ("the foreign ministry", "police") takes the country of the place its clause
        names, else of the latest actor, else named in the sentence; with an indefinite article ("an
        independent company") none. A definite one of a non-state armed sector ("the militants") is the latest
        armed group that acted. Where unarmed people are ("protesters in Nicaragua") is no guess; the
        other clues are."""
        if not allow_context or token.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "another") for c in token.children):
            return None
        sector = self._head_sector(token)
        if not sector:
            return None
        group = self._latest_armed_group(token, sector)
        if group is not None:
            return group
        for find, where in (
            (self._clause_place, "the place in its clause"),
            (lambda t: self._latest_country(self._told_before(t)), "the latest actor"),
            (lambda t: self._sentence_country(t, outside=self._backers(t)), "named in the sentence"),
        ):
            code = find(token)
            if code:
                why = f"sector noun {token.text!r}; country of {where}"
                named = self.gaz.sector_of((token.lemma_.lower(),)) or self.gaz.sector_of((token.lower_,))
                codes = self.gaz.codes  # armed groups, like unarmed people, are of the state they act in
                state_force = sector[:3] in codes.armed_sector and sector[:3] not in codes.non_state_armed
                placed = find == self._clause_place and bool(named) and not state_force
                return Found(self._entity(token, code, sector), why, inferred=not placed)
        return None

    def _latest_armed_group(self, token: Token, sector: str) -> Found | None:
        """ "the militants", "the rebels": the latest actor of a non-state armed sector the article told of."""
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)
        if not definite or sector[:3] not in self.gaz.codes.non_state_armed:
            return None
        for _, actors in self.memory.latest(token.i):
            for entity in actors:
                if entity.sector[:3] in self.gaz.codes.non_state_armed:
                    why = f"{token.text!r}: the latest armed group that acted, {entity.text!r}"
                    return Found(self._entity(token, entity.code, entity.sector, entity.name), why, pronoun=True)
        return None

    def _told_before(self, token: Token) -> int:
        """Where the acts told before a word end: a speaker after a quote ('"They loot," a spokesman said') is
        not one of the quote's actors, so the acts inside it do not count."""
        quoted = self.inside_quote and not self.inside_quote[token.i]
        if quoted and any(self.inside_quote[i] for i in range(token.sent.start, token.i)):
            return token.sent.start
        return token.i

    @staticmethod
    def _backers(token: Token) -> frozenset[int]:
        """The tokens naming whoever backs, arms or trains a group, which are not its state: "US-backed Kurdish
        forces", "rebels backed by Rwanda"."""
        hyphened = [c for c in token.children if c.dep_ == "amod" and c.tag_ == "VBN" and hyphen_prefix(c)]
        by_agent = [a for c in token.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
        return frozenset(t.i for c in hyphened + by_agent for t in c.subtree)

    def _modifiers(self, token: Token) -> list[Token]:
        """Tokens inside the phrase that may carry its country: possessor, compounds, adjectives, of/from."""
        found = [t for t in token.children if t.dep_ in MODIFIER_DEPS]
        venue = token.lemma_.lower() in self.memory.venue_nouns
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in PREP_OWNERS and not (venue and prep.lower_ == "in"):
                found += [t for t in prep.children if t.dep_ == "pobj" and t.lemma_.lower() not in self.words.language]
        for child in token.children:
            if child.dep_ == "appos":
                found.append(child)
            elif child.dep_ == "acl" and child.lemma_.lower() in self.words.seated:
                places = [prep for prep in child.children if prep.lower_ in ("in", "at")]
                found += [p for prep in places for p in prep.children if p.dep_ == "pobj"]
        nested = []
        for t in found:
            if t.i not in self.by_token:
                nested += [c for c in t.children if c.dep_ in ("poss", "compound", "amod")]
            if t.lemma_.lower() == "lead" and hyphen_prefix(t):
                # "Russia-led forces", "the Saudi-led coalition": led by that state ("Iran-backed militias" are
                # not Iran's)
                nested += [c for c in t.children if c.dep_ in ("npadvmod", "compound", "amod")]
        return found + nested

    def _full_name(self, token: Token) -> str:
        parts = [t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        return " ".join([*parts, token.text])

    def _with_sector(self, mention: Mention, head: Token, why: str) -> Found:
        name = mention.name
        inside = head.i in range(mention.start, mention.end)
        sector = self._head_sector(head) if not inside else ""
        if name.kind == "organisation" and name.sector == "REB" and sector in ("MIL", "GOV"):
            sector = "REB"  # "a Taliban commander", "Hamas soldiers", "a Hezbollah official": no state's
        if name.kind == "ethnic" and sector in ("MIL", "GOV"):
            sector = (
                "REB"  # "Kurdish fighters", "Tuareg commanders", "Kurdish officials": no state's army or government
            )
        if not sector and name.kind == "person" and inside:
            sector = self._title_of(head)[0]  # a title in the text beats the office file ("General Michel Aoun")
        if not sector and inside:
            sector = name.sector
        if not sector and name.kind in ("capital", "person", "organisation", "region"):
            sector = name.sector
        if not sector and name.kind == "people" and inside:
            sector = "CVL"
        label = name.name if name.kind in ("organisation", "person", "region", "city") else ""
        code = name.code
        phrase = self.doc[head.left_edge.i : head.i + 1]
        if name.kind in ("demonym", "people") and any(t.lower_ == "ethnic" for t in phrase):
            home = self._minority_home(head, code)
            if home:  # CAMEO and PLOVER code an ethnic group by the state it lives in
                code, why = home, f"{why}; ethnic group in {home}"
        return Found(self._entity(head, code, sector, label, mention), why)

    def _minority_home(self, head: Token, kin: str) -> str:
        """Where an ethnic group ("ethnic Albanians") lives: the nearest other state named in its sentence
        (not another people), else the state the article names most, other than its kin state."""
        return self._sentence_country(head, kin, STATE_WORD_KINDS) or self._article_country(kin)

    def _entity(self, head: Token, code: str, sector: str, name: str = "", mention: Mention | None = None) -> Entity:
        """An Entity whose text and offsets span the whole phrase up to its head."""
        left = min([head.left_edge.i, mention.start] if mention else [head.left_edge.i])
        start_token = self.doc[left]
        while start_token.i < head.i and (
            start_token.is_punct or start_token.is_space or start_token.lower_ in ("the", "a", "an")
        ):
            start_token = self.doc[start_token.i + 1]
        end_token = head if not mention or mention.end - 1 <= head.i else self.doc[mention.end - 1]
        text = self.doc[start_token.i : end_token.i + 1].text
        return Entity(
            text=text,
            code=code,
            sector=sector,
            name=name,
            start=start_token.idx,
            end=end_token.idx + len(end_token.text),
        )


def _of_object(token: Token) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _pobjs(prep: Token) -> list[Token]:
    return [p for p in prep.children if p.dep_ == "pobj"] if prep.dep_ == "prep" else []


def _with_defined_acronyms(doc: Doc, mentions: list[Mention], acronyms: dict[str, int]) -> list[Mention]:
    """The mentions, with each later use of an acronym the article defined after a name the gazetteer knows
    ("the Syrian Negotiations Commission (SNC) ... the SNC said") as a mention of that name, in place of what
    the gazetteer reads the acronym as."""
    named = {m.start: m for m in mentions} | {m.end - 1: m for m in mentions}
    extra = {}
    for acronym, head in acronyms.items():
        name = named.get(head)
        if name is None:
            continue  # an unknown name: rule 1 resolves the acronym as the name's phrase
        for token in doc[head + 3 :]:
            if token.text == acronym:
                extra[token.i] = Mention(token.i, token.i + 1, name.name, token.text)
    if not extra:
        return mentions
    kept = [m for m in mentions if not any(m.start <= i < m.end for i in extra)]
    return sorted([*kept, *extra.values()], key=lambda m: m.start)


def _crowd(actors: list[Entity]) -> bool:
    """Whether the actors are only civilians: "the decision", "the move" a state, a body or a group made, not a
    crowd that marched ("Moscow lifted the ban. Crowds marched in 2019 ... Georgia condemned the decision")."""
    return bool(actors) and all(a.sector == "CVL" for a in actors)
