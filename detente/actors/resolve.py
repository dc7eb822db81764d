"""Resolve a noun phrase of a parsed article to PLOVER entities, remembering what the article said.

Rules, in the order tried for a phrase head (docs/actors.md has them with examples):
pronouns take the nearest earlier compatible actor (first person inside a quote is its speaker);
"the two sides"/"both countries" are the article's main pair; a gazetteer name on the head or on
its modifiers (possessor, compound, adjectival, "of"/"from" phrase) gives the code; sector nouns
and titles give the sector; a titled person ("Georgian President Mikheil Saakashvili") is
remembered, so a later "Saakashvili" or "he" codes the same; a bare sector noun ("the foreign
ministry") takes the country of the latest actor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc as SpacyDoc

from detente.actors.gazetteer import Gazetteer, Name
from detente.actors.mentions import SPEECH_VERBS, Mention, find_mentions, quote_flags, speech_head
from detente.model import Entity
from detente.sentences.words import ParsedDoc as Doc
from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span
from detente.sentences.words import hyphen_prefix, parsed

THIRD_SINGULAR_NEUTER = {"it", "its", "itself"}
PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"}
PRONOUNS = PERSONAL | PLURAL | THIRD_SINGULAR_NEUTER | FIRST_PERSON
RELATIVE = {"who", "which", "that", "whom", "whose"}
# Gazetteer kinds that name a state: a state or a place in one, those and their adjectives ("Russian"),
# and those and their people ("Russians").
STATE_PLACE_KINDS = ("country", "capital", "region", "city")
STATE_WORD_KINDS = (*STATE_PLACE_KINDS, "demonym")
STATE_KINDS = (*STATE_WORD_KINDS, "people")
PAIR_NOUNS = {"side", "country", "nation", "neighbor", "neighbour", "government", "state", "capital", "party"}
PAIR_DETERMINERS = {"both", "two"}
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
PREP_OWNERS = ("of", "from", "in")
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "SPY", "COP", "CRM"})
# Participles that tell where a group sits: "a newspaper based in Beirut", "a company headquartered in Moscow".
SEATED = frozenset({"base", "locate", "headquarter", "station"})
# Nouns that refer back to the event just reported ("Washington welcomed the decision").
EVENT_REFERENCES = frozenset(
    """decision move step announcement plan measure initiative gesture overture decree ruling verdict""".split()
)
# Nouns that refer back to the latest event of one type: "rejected the call" is the latest REQUEST's.
KIND_REFERENCES = {
    "call": ("REQUEST",),
    "demand": ("REQUEST",),
    "request": ("REQUEST",),
    "appeal": ("REQUEST",),
    "plea": ("REQUEST",),
    "ultimatum": ("THREATEN",),
    "threat": ("THREATEN",),
    "warning": ("THREATEN",),
    "accusation": ("ACCUSE",),
    "allegation": ("ACCUSE",),
    "claim": ("ACCUSE",),
    "charge": ("ACCUSE",),
    "criticism": ("ACCUSE",),
    "invitation": ("AGREE",),
    "pledge": ("AGREE",),
    "offer": ("AGREE", "REQUEST"),
    "proposal": ("AGREE", "REQUEST"),
    "agreement": ("AGREE", "SUPPORT"),
    "deal": ("AGREE", "SUPPORT"),
    "accord": ("AGREE", "SUPPORT"),
    "apology": ("CONCEDE",),
}
NON_STATES = frozenset({"IGO", "NGO", "MNC", "IMG", "ISM"})  # organisation codes, not states
# People named by their place in a body: the body's sector is theirs ("the leader of the opposition party").
ROLE_NOUNS = frozenset(
    "leader head chief member spokesman spokeswoman spokesperson chairman chairwoman official".split()
)
# A language named after a people is nobody's act or target ("the use of the Russian language").
LANGUAGE_NOUNS = frozenset({"language", "tongue", "dialect", "alphabet", "script"})
# Heads that only count or group the real actor: "hundreds of people", "members of the union".
PARTITIVES = frozenset(
    """hundred thousand dozen million score group member some one two three third half majority
    number most many several all part body delegation team contingent""".split()
)  # "the government of Georgia", "officials from Russia"


@dataclass
class Found:
    """An entity with what it was resolved from, for `detente explain`."""

    entity: Entity
    why: str
    inferred: bool = False  # the country came from context, not from a name in the phrase
    pronoun: bool = False  # resolved through a pronoun


@dataclass
class ArticleActors:
    """Actor resolution for one article: its mentions, people, speakers and recent actors."""

    doc: Doc
    gaz: Gazetteer
    when: str = ""  # publication date, to pick the leader in office
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    people: dict[str, Name] = field(default_factory=dict)  # surname or full name -> person
    recent: list[tuple[int, list[Entity]]] = field(default_factory=list)  # (token index, actors) of events
    recent_types: dict[int, str] = field(default_factory=dict)  # token index -> PLOVER type of the event
    # Lemmas of nouns that name meetings and the like (set by the events stage): their in-phrase is where
    # they were held, not who they belong to ("talks in Caracas", against "refugees in Liberia").
    venue_nouns: frozenset[str] = frozenset()
    inside_quote: list[bool] = field(default_factory=list)
    speakers: dict[int, list[Entity]] = field(default_factory=dict)  # sentence start -> speaker
    mentioned: Counter = field(default_factory=Counter)  # country code -> mentions so far
    proper_nouns: list[int] = field(default_factory=list)  # token indices, for looking back at people
    speech_heads: dict[int, Token | None] = field(default_factory=dict)  # sentence start -> speech verb
    _resolved: dict[tuple[int, int], list[Found]] = field(default_factory=dict)  # (token, events noted) -> found
    _named: dict[int, list[Found]] = field(default_factory=dict)  # token -> entities named in its phrase
    _pairs: dict[int, list[str]] = field(default_factory=dict)  # mentions seen -> main pair
    _mention_starts: list[int] = field(default_factory=list)

    def speech_head(self, sent: Span) -> Token | None:
        """The sentence's speech verb outside quotes, found once per sentence."""
        if sent.start not in self.speech_heads:
            self.speech_heads[sent.start] = speech_head(sent, self.inside_quote)
        return self.speech_heads[sent.start]

    @classmethod
    def for_doc(cls, doc: SpacyDoc | Doc, gaz: Gazetteer, when: str = "") -> ArticleActors:
        doc = parsed(doc)
        actors = cls(doc, gaz, when)
        actors.mentions = find_mentions(doc, gaz, when)
        actors._mention_starts = [m.start for m in actors.mentions]  # in text order
        for mention in actors.mentions:
            for i in range(mention.start, mention.end):
                actors.by_token[i] = mention
        actors.inside_quote = quote_flags(doc)
        actors.proper_nouns = [t.i for t in doc if t.pos_ == "PROPN"]
        actors._learn_titled_people()
        return actors

    # ---- what the article establishes -------------------------------------------------------

    def _learn_titled_people(self) -> None:
        """Remember people introduced with a title ("Deputy Foreign Minister Nino Kalandadze")."""
        for token in self.doc:
            if token.pos_ != "PROPN" or token.i in self.by_token or token.dep_ == "compound":
                continue
            name_tokens = [
                t
                for t in token.lefts
                if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i not in self.by_token and not self._sector_word(t)
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

    def _title_of(self, head: Token) -> tuple[str, str]:
        """Sector and country from the title words around a name, or an apposition."""
        words = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "poss", "nmod")]
        sector, code, armed_group = "", "", False
        for t in words:
            mention = self.by_token.get(t.i)
            if mention and mention.name.kind in STATE_WORD_KINDS:
                code = mention.name.code
            elif mention and mention.name.kind == "organisation" and mention.name.sector == "REB":
                code, armed_group = mention.name.code, True  # "Hamas leader Ismail Haniyeh"
        title_words = tuple(t.lower_ for t in words if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.i not in self.by_token)
        for size in range(len(title_words), 0, -1):
            sector = self.gaz.sector_of(title_words[-size:]) or self.gaz.sector_of(title_words[:size])
            if sector:
                break
        if armed_group and sector in ("MIL", "GOV"):
            sector = "REB"
        if not sector:
            for child in head.children:
                if child.dep_ == "appos":
                    sub = self._resolve_head(child, allow_context=False)
                    if sub and sub.entity.sector:
                        return sub.entity.sector, sub.entity.code
        return sector, code

    def _sector_word(self, token: Token) -> bool:
        return bool(self.gaz.sector_of((token.lower_,)) or self.gaz.sector_of((token.lemma_.lower(),)))

    def _leader(self, surface: str) -> Name | None:
        for candidate in self.gaz.lookup(surface):
            if candidate.kind == "person":
                return candidate
        return None

    def _latest_actor_country(self, before: int) -> str:
        for index, actors in sorted(self.recent, key=lambda r: r[0], reverse=True):
            if index < before:
                for entity in actors:
                    if _is_state(entity.code):
                        return entity.code
        return ""

    def _latest_country(self, before: int) -> str:
        """The country of the latest event actor, else of the latest country name, before a token."""
        code = self._latest_actor_country(before)
        if code:
            return code
        for mention in reversed(self.mentions):
            if mention.start < before and _is_state(mention.name.code):
                return mention.name.code
        return ""

    def _place_person(self, person: Name, token: Token) -> Name:
        """Give a titled person of unknown country the country of the latest actor, else of the sentence."""
        introduced = self.doc[int(person.start)] if person.start else token
        code = (
            self._latest_actor_country(introduced.i)
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
        or, for people who carry no arms, of its object ("crowds attacked the French embassy in Niamey"):
        where forces fight says little of whose they are."""
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return ""
        armed = self._head_sector(token)[:3] in ARMED_SECTORS
        objects = [] if armed else [c for c in verb.children if c.dep_ == "dobj" and c is not token]
        if not armed:  # "set fire to the embassy in Baghdad"
            objects += [p for prep in verb.children if prep.lower_ in ("to", "on", "against") for p in _pobjs(prep)]
        for prep in [*verb.children, *(c for o in objects for c in o.children)]:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "outside", "near", "across", "throughout"):
                code = self._state_place(prep.subtree)
                if code:
                    return code
        return ""

    def _state_place(self, tokens: Iterable[Token]) -> str:
        """The state of the first place (country, capital, region, city) named among the tokens, or ""."""
        for t in tokens:
            mention = self.by_token.get(t.i)
            if mention and _is_state(mention.name.code) and mention.name.kind in STATE_PLACE_KINDS:
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

    def _sentence_country(self, token: Token, besides: str = "", kinds: tuple[str, ...] = STATE_KINDS) -> str:
        """The state named nearest to a token within its sentence (other than `besides`)."""
        sent = token.sent
        near = [
            m
            for m in self.mentions
            if sent.start <= m.start < sent.end
            and _is_state(m.name.code)
            and m.name.code != besides
            and m.name.kind in kinds
        ]
        if not near:
            return ""
        return min(near, key=lambda m: abs(m.start - token.i)).name.code

    def _article_country(self, besides: str = "") -> str:
        """The state the article names most (other than `besides`)."""
        counts = Counter(m.name.code for m in self.mentions if _is_state(m.name.code) and m.name.code != besides)
        return counts.most_common(1)[0][0] if counts else ""

    def main_pair(self, before: int) -> list[str]:
        """The two countries the article is about so far: the most mentioned states."""
        seen = bisect_left(self._mention_starts, before)
        if seen not in self._pairs:
            counts: Counter = Counter(m.name.code for m in self.mentions[:seen] if _is_state(m.name.code))
            self._pairs[seen] = [code for code, _ in counts.most_common(2)]
        return list(self._pairs[seen])

    def note_event_actors(self, token: Token, actors: list[Entity], event: str = "") -> None:
        """Remember an event's actors (and its PLOVER type): bare sector nouns, pronouns and "the call"
        later resolve to them."""
        self.recent.append((token.i, actors))
        if event:
            self.recent_types[token.i] = event

    # ---- resolution ----------------------------------------------------------------------

    def entities(self, head: Token) -> list[Found]:
        """Entities named by a phrase head and the heads coordinated with it."""
        # Names in the phrase resolve the same every time; pronouns and context depend on the events
        # noted so far, so those answers are kept per number of events noted.
        found = self._named.get(head.i)
        if found is None:
            key = (head.i, len(self.recent))
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
            for item in self._resolve_many(token):
                key = (item.entity.code, item.entity.sector)
                if key not in seen:
                    seen.add(key)
                    found.append(item)
        return found

    def _resolve_many(self, token: Token) -> list[Found]:
        if token.lemma_.lower() in LANGUAGE_NOUNS and token.i not in self.by_token:
            return []  # "the use of the Russian language": a language is nobody's act or target
        if (token.pos_ == "NUM" or token.lemma_.lower() in PARTITIVES) and token.i not in self.by_token:
            inner = _of_object(token)  # "hundreds of people", "scores of Sierra Leonean and Liberian refugees"
            if inner is not None:
                return self._entities(inner)  # with the names coordinated inside the of-phrase
        if token.lower_ == "others" and token.i not in self.by_token:
            earlier = self._earlier_object(token)  # "killed one soldier and wounded two others"
            return [Found(self._pronoun_entity(token, earlier.entity), earlier.why)] if earlier else []
        pair = self._pair_phrase(token)
        if pair:
            return pair
        referred = self._event_reference(token)
        if referred:
            return referred
        # Compound adjectivals: "Hungarian and Romanian officials" (a modifier with a conjunct).
        adjectives = [
            t for t in token.lefts if t.dep_ in ("amod", "nmod", "compound") and t.i in self.by_token and t.conjuncts
        ]
        if adjectives:
            result = []
            for adjective in [adjectives[0], *adjectives[0].conjuncts]:
                mention = self.by_token.get(adjective.i)
                if mention:
                    result.append(self._with_sector(mention, token, f"adjectival {adjective.text!r}"))
            if result:
                return result
        one = self._resolve_head(token)
        return [one] if one else []

    def _pair_phrase(self, token: Token) -> list[Found]:
        """ "the two sides", "both countries", "our countries", "the neighbors" -> the main pair."""
        if (
            token.lower_ in ("two", "both")
            and token.pos_ in ("NUM", "PRON", "DET")
            and token.i not in self.by_token
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        ):
            return self._last_two(token)  # "later recognized the two as independent states"
        if token.lemma_.lower() not in PAIR_NOUNS or token.tag_ not in ("NNS", "NNPS"):
            return []
        dets = {t.lower_ for t in token.lefts}
        if not (dets & PAIR_DETERMINERS or "our" in dets or token.lemma_.lower() in ("neighbor", "neighbour")):
            return []
        if self.by_token.get(token.i):
            return []
        codes = self.main_pair(token.i)
        return [
            Found(
                Entity(text=token.text, code=c, start=token.idx, end=token.idx + len(token.text)),
                f"{token.text!r}: the article's main pair",
            )
            for c in codes
        ]

    def _event_reference(self, token: Token) -> list[Found]:
        """ "the decision", "the move", "this offer": the actors of the event just reported; "the call",
        "the threat": the actors of the latest request, threat ... (KIND_REFERENCES)."""
        lemma = token.lemma_.lower()
        if (lemma not in EVENT_REFERENCES and lemma not in KIND_REFERENCES) or token.i in self.by_token:
            return []
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if (
            not determiners & {"the", "this", "that", "these", "those"}
            or any(
                c.dep_ in ("poss", "compound", "amod") and (c.i in self.by_token or c.pos_ == "PRON")
                for c in token.children
            )
            or any(c.dep_ == "prep" and c.lower_ in ("by", "of", "from") for c in token.children)
        ):
            return []
        kinds = KIND_REFERENCES.get(lemma)
        if kinds and token.dep_ in ("nsubj", "nsubjpass"):
            return []  # "the deal took effect": a text that acts names no actor
        earlier = [
            (index, actors)
            for index, actors in self.recent
            if index < token.i and (kinds is None or self.recent_types.get(index) in kinds)
        ]
        if not earlier:
            return []
        _, actors = max(earlier, key=lambda r: r[0])
        which = f"the latest {'/'.join(kinds)}" if kinds else "the event just reported"
        why = f"{token.text!r}: the actors of {which}"
        return [Found(self._pronoun_entity(token, a), why, pronoun=True) for a in actors]

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
        lower = token.lower_
        if lower in RELATIVE:
            # "forces that were stationed", "refugees, whom authorities blame", "the envoy to whom it spoke":
            # a relative pronoun stands for the noun its clause modifies
            clause = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
            if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and clause.dep_ == "relcl":
                antecedent = self._resolve_head(clause.head, allow_context)
                if antecedent is not None or token.dep_ in ("nsubj", "nsubjpass"):
                    return antecedent
                # "relations, which Mogadishu cut": a noun that names no one leaves the pronoun to context
        if token.pos_ == "NUM" or token.lemma_.lower() in PARTITIVES:
            inner = _of_object(token)  # "hundreds of people", "a group of Moroccan diplomats"
            if inner is not None:
                return self._resolve_head(inner, allow_context)
        mention = self.by_token.get(token.i)
        if mention is None and (token.pos_ == "PRON" or lower in PRONOUNS):
            return self._pronoun(token) if allow_context else None
        if mention and not mention.name.code:
            return None  # a place that is no actor ("Indian Ocean")
        if mention:
            return self._with_sector(mention, token, f"gazetteer {mention.name.kind} {mention.text!r}")
        person = self.people.get(token.text) or self.people.get(self._full_name(token))
        if person and not person.code:
            person = self._place_person(person, token)
        if person and person.code:
            return Found(self._entity(token, person.code, person.sector, person.name), f"person {person.name!r}")
        modifiers = self._modifiers(token)
        for modifier in modifiers:
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
            if sub is not None and sub.name.code:
                return self._with_sector(sub, token, f"{modifier.dep_} {sub.text!r} of {token.text!r}")
        # A name in the phrase beats its possessive pronoun: "his Russian counterpart" is Russian,
        # "its NATO allies" are NATO, whoever "his" and "its" are.
        for modifier in modifiers:
            if modifier.dep_ == "poss" and modifier.pos_ == "PRON" and allow_context:
                owner = self._pronoun(modifier)  # "her country", "its forces"
                if owner:
                    return Found(
                        self._entity(token, owner.entity.code, self._head_sector(token)),
                        f"possessive {modifier.text!r} of {token.text!r}: {owner.why}",
                        pronoun=True,
                    )
        named = self._unknown_organisation(token)
        if named is not None:
            return named
        sector = self._head_sector(token)
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "another") for c in token.children)
        if token.lemma_.lower() == "counterpart" and allow_context:
            # "urging the counterpart to sign": the other side, the state named besides the latest actor's
            other = self._sentence_country(token, besides=self._latest_actor_country(token.i))
            if other:
                return Found(self._entity(token, other, sector or "GOV"), f"{token.text!r}: the other side, {other}")
        if sector and allow_context and token.pos_ in ("NOUN", "PROPN") and sector[:3] not in ARMED_SECTORS:
            code = self._clause_modifier_place(token)
            if code:  # "refugees fleeing the war in Liberia", "villagers who live near Goma"
                return Found(self._entity(token, code, sector), f"sector noun {token.text!r}; place in its clause")
        if sector and allow_context and token.pos_ in ("NOUN", "PROPN") and not indefinite:
            for find, where in (
                (self._clause_place, "the place in its clause"),
                (lambda t: self._latest_country(t.i), "the latest actor"),
                (self._sentence_country, "named in the sentence"),
            ):
                code = find(token)
                if code:
                    why = f"sector noun {token.text!r}; country of {where}"
                    # where unarmed people are is the likeliest state they belong to ("protesters in Nicaragua");
                    # the other clues are guesses
                    named = self.gaz.sector_of((token.lemma_.lower(),)) or self.gaz.sector_of((token.lower_,))
                    placed = find == self._clause_place and bool(named) and sector[:3] not in ARMED_SECTORS
                    return Found(self._entity(token, code, sector), why, inferred=not placed)
        return None

    def _unknown_organisation(self, token: Token) -> Found | None:
        """A capitalised name the gazetteer lacks, headed by a word that makes it an organisation ("the
        Association of African Jurists"): coded by organisation_heads.tsv, with a sector word in the name."""
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

    def _modifiers(self, token: Token) -> list[Token]:
        """Tokens inside the phrase that may carry its country: possessor, compounds, adjectives, of/from."""
        found = [t for t in token.children if t.dep_ in MODIFIER_DEPS]
        venue = token.lemma_.lower() in self.venue_nouns
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in PREP_OWNERS and not (venue and prep.lower_ == "in"):
                found += [t for t in prep.children if t.dep_ == "pobj" and t.lemma_.lower() not in LANGUAGE_NOUNS]
        for child in token.children:
            if child.dep_ == "appos":
                found.append(child)
            elif child.dep_ == "acl" and child.lemma_.lower() in SEATED:
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

    def _head_sector(self, token: Token) -> str:
        """The sector that the head noun and its compound/adjective words name ("foreign ministry")."""
        if token.lemma_.lower() in ROLE_NOUNS:
            # "the leader of the main opposition party" is OPP, "members of the ruling party" PTY
            for prep in token.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    inner = next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
                    sector = self._head_sector(inner) if inner is not None else ""
                    if sector:
                        return sector
        words = [t for t in token.lefts if t.dep_ in ("compound", "amod") and t.i not in self.by_token]
        lemmas = [t.lower_ for t in words]
        head_forms = (token.lemma_.lower(), token.lower_)
        for head in head_forms:
            for size in range(len(lemmas), -1, -1):
                sector = self.gaz.sector_of((*lemmas[len(lemmas) - size :], head))
                if sector:
                    return sector
        # A generic head takes its modifier's sector: "opposition candidates", "army officers"; the end of a
        # hyphenated adjective is no modifier of its own ("multi-party elections", "cross-party group").
        for word in reversed(words):
            if hyphen_prefix(word):
                continue
            sector = self.gaz.sector_of((word.lower_,)) or self.gaz.sector_of((word.lemma_.lower(),))
            if sector:
                return sector
        if token.pos_ == "PROPN":  # a name's of-phrase: "the Nigerian Union of Teachers" (EDU)
            for prep in token.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                    for word in (w for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN" for w in p.subtree):
                        forms = (word.lemma_.lower(), word.lower_.removesuffix("s"))  # "Teachers": a name's plural
                        sector = next((s for f in forms if (s := self.gaz.sector_of((f,)))), "")
                        if sector:
                            return sector
        return ""

    def _with_sector(self, mention: Mention, head: Token, why: str) -> Found:
        name = mention.name
        sector = self._head_sector(head) if head.i not in range(mention.start, mention.end) else ""
        if name.kind == "organisation" and name.sector == "REB" and sector in ("MIL", "GOV"):
            sector = "REB"  # "a Taliban commander", "Hamas soldiers", "a Hezbollah official": no state's
        if not sector and name.kind == "person" and head.i in range(mention.start, mention.end):
            sector = self._title_of(head)[0]  # a title in the text beats the office file ("General Michel Aoun")
        if not sector and head.i in range(mention.start, mention.end):
            sector = name.sector
        if not sector and name.kind in ("capital", "person", "organisation", "region"):
            sector = name.sector
        if not sector and name.kind == "people" and head.i in range(mention.start, mention.end):
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
        while start_token.i < head.i and (start_token.is_punct or start_token.lower_ in ("the", "a", "an")):
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

    def _pronoun(self, token: Token) -> Found | None:
        found = self._antecedent(token)
        if found is not None:
            found.pronoun = True
        return found

    def _antecedent(self, token: Token) -> Found | None:
        lower = token.lower_
        if lower in FIRST_PERSON:
            speaker = self.speaker_of(token)
            if speaker:
                if lower in ("our", "we") and token.head.lemma_.lower() in PAIR_NOUNS and token.head.tag_ == "NNS":
                    return None  # "our countries" is handled as the main pair
                entity = speaker[0]
                return Found(self._pronoun_entity(token, entity), f"{token.text!r} inside a quote: the speaker")
            return None
        earlier = self._earlier_object(token)
        if earlier is not None:
            return Found(self._pronoun_entity(token, earlier.entity), f"{token.text!r}: {earlier.why}")
        reporter = self.reporting_subject(token)
        if reporter is not None:
            found = self.entities(reporter)
            person = bool(found) and (found[0].why.startswith("person") or "person" in found[0].why)
            if found and person == (lower in PERSONAL):
                return Found(
                    self._pronoun_entity(token, found[0].entity),
                    f"{token.text!r}: the subject of {reporter.head.text!r}",
                )
        if lower in PLURAL:
            for noun in reversed(
                [
                    t
                    for t in token.sent
                    if t.i < token.i and t.tag_ in ("NNS", "NNPS") and t.dep_ not in ("compound", "poss")
                ]
            ):
                found = self._resolve_head(noun, allow_context=False)
                if found is not None:  # "expel UN investigators if they tried to visit ..."
                    return Found(self._pronoun_entity(token, found.entity), f"{token.text!r}: {noun.text!r} before it")
        if lower in PERSONAL:
            for mention_person in self._people_before(token):
                return Found(self._pronoun_entity(token, mention_person), f"{token.text!r}: latest person")
        if lower in THIRD_SINGULAR_NEUTER:
            before = [
                m
                for m in self.mentions
                if token.sent.start <= m.start < token.i
                and m.name.code
                and m.name.kind in ("country", "capital", "organisation")
            ]
            # The nearest name wins: "Georgia was forced to cut ties with Russia when it occupied ...".
            for mention in reversed(before):
                entity = Entity(
                    text=token.text,
                    code=mention.name.code,
                    sector=mention.name.sector,
                    name=mention.name.name if mention.name.kind == "organisation" else "",
                    start=token.idx,
                    end=token.idx + len(token.text),
                )
                return Found(entity, f"{token.text!r}: nearest name before it, {mention.text!r}")
        for index, actors in sorted(self.recent, key=lambda r: r[0], reverse=True):
            if index >= token.i:
                continue
            candidates = actors
            if lower in THIRD_SINGULAR_NEUTER:
                candidates = [a for a in actors if a.sector in ("", "GOV") or a.code in ("IGO", "NGO", "MNC")]
            if candidates:
                return Found(self._pronoun_entity(token, candidates[0]), f"{token.text!r}: latest actor")
        code = self._latest_country(token.i)
        if code:
            return Found(
                Entity(text=token.text, code=code, start=token.idx, end=token.idx + len(token.text)),
                f"{token.text!r}: latest country named",
            )
        return None

    def _earlier_object(self, token: Token) -> Found | None:
        """ "convicted a Danish citizen and sentenced him": the object pronoun of a verb coordinated with
        an earlier one stands for that verb's object, when their number agrees; "others" stands for more of
        its kind ("killed one soldier and wounded two others")."""
        verb = token.head
        if token.dep_ != "dobj" or verb.dep_ != "conj":
            return None
        first = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if first is None or first.pos_ == "PRON":
            return None
        plural = first.tag_ in ("NNS", "NNPS") or bool(first.conjuncts)
        if plural != (token.lower_ in PLURAL) and token.lower_ != "others":
            return None
        found = self._resolve_head(first, allow_context=False)
        if found is None:
            return None
        return Found(found.entity, f"the object of {verb.head.text!r} before it, {first.text!r}")

    def reporting_subject(self, token: Token) -> Token | None:
        """For a pronoun in reported speech ("X said it/she ..."), the subject X of the speech verb."""
        for ancestor in token.ancestors:
            if ancestor.lemma_ in SPEECH_VERBS and ancestor.pos_ == "VERB":
                speaker = ancestor
                while speaker.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in speaker.children):
                    speaker = speaker.head  # "Germany recognized ... and said it would ..."
                subject = next((c for c in speaker.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.i < token.i and subject.pos_ != "PRON":
                    return subject
                return None
        return None

    def _people_before(self, token: Token) -> list[Entity]:
        """People named before a token, nearest first (same sentence first)."""
        found: list[Entity] = []
        for i in reversed(self.proper_nouns[: bisect_left(self.proper_nouns, token.i)]):
            other = self.doc[i]
            mention = self.by_token.get(i)
            person = mention.name if mention and mention.name.kind == "person" else self.people.get(other.text)
            if person and person.kind == "person" and not person.code:
                person = self._place_person(person, other)
            if person and person.kind == "person" and person.code:
                found.append(Entity(text=other.text, code=person.code, sector=person.sector, name=person.name))
                break
        for index, actors in sorted(self.recent, key=lambda r: r[0], reverse=True):
            if index < token.i:
                found += [a for a in actors if a.name and a.sector in ("GOV", "LEG", "JUD", "OPP", "ELI", "MIL")]
        return found

    def _pronoun_entity(self, token: Token, antecedent: Entity) -> Entity:
        return Entity(
            text=token.text,
            code=antecedent.code,
            sector=antecedent.sector,
            name=antecedent.name,
            start=token.idx,
            end=token.idx + len(token.text),
        )

    def speaker_of(self, token: Token) -> list[Entity]:
        """Who says the quoted words a token stands in, if it stands inside a quote."""
        if not self.inside_quote or not self.inside_quote[token.i]:
            return []
        sent = token.sent
        speaker = self._sentence_speaker(sent)
        if speaker:
            return speaker
        # A quote running on from earlier sentences keeps its speaker.
        for start in sorted(self.speakers, reverse=True):
            if start < sent.start:
                return self.speakers[start]
        # The speaker may come after the quote: 'said X.' in a later sentence.
        for later in self.doc.sents:
            if later.start > sent.start:
                found = self._sentence_speaker(later)
                if found:
                    return found
                if not any(self.inside_quote[t.i] for t in later):
                    break
        return []

    def _sentence_speaker(self, sent: Span) -> list[Entity]:
        if sent.start in self.speakers:
            return self.speakers[sent.start]
        verb = self.speech_head(sent)
        if verb is None:
            return []
        subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if subject.lower_ in FIRST_PERSON:
            return []
        found = [f.entity for f in self.entities(subject)]
        if found:
            self.speakers[sent.start] = found
        return found


def _of_object(token: Token) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _pobjs(prep: Token) -> list[Token]:
    return [p for p in prep.children if p.dep_ == "pobj"] if prep.dep_ == "prep" else []


def _is_state(code: str) -> bool:
    return bool(code) and code not in NON_STATES
