"""Where an event happened, in four steps (docs/events.md, "Locations"): the place named on its trigger; else a
place in its sentence that the article's context supports; else the dateline; else the state of the act."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from detente.actors.entities import Found
from detente.actors.mentions import Mention
from detente.actors.resolve import STATE_KINDS, ArticleActors
from detente.model import QUAD, Location
from detente.places.locate import PLACE_PREPOSITIONS, trigger_place
from detente.places.table import Place, PlaceTable, load_places
from detente.sentences.words import Word as Token
from detente.sentences.words import Words

# Where the act is, when no place is named: an attack or coercion where its target is, a visit or aid where
# the host is; anything else (a statement, a protest, a deployment) where the one acting is.
RECIPIENT_SIDE = frozenset({"ASSAULT", "COERCE", "AID", "CONSULT:visit"})
SENTENCE_KINDS = frozenset({"city", "region", "capital", "place"})
FREE_KINDS = frozenset({"city"})
# Towns named like months ("March" in England, "Mayo"): "clashed in March" is a date, not a place.
NOT_PLACES = frozenset(
    "january february march april may june july august september october november december".split()
)  # a city names a place wherever it stands; a capital or region may be an actor


@dataclass
class ArticlePlaces:
    """Geocoding for one article: the states it names, to choose between places of one name."""

    actors: ArticleActors
    table: PlaceTable = field(default_factory=load_places)
    named: Counter = field(default_factory=Counter)  # state -> mentions of it in the article
    dateline: Location | None = None

    @classmethod
    def for_article(cls, actors: ArticleActors, table: PlaceTable | None = None) -> ArticlePlaces:
        places = cls(actors, table or load_places())
        places.named = Counter(m.name.code for m in actors.mentions if m.name.kind in STATE_KINDS)
        if actors.dateline:
            country = actors.dateline_country()
            if country:
                places.named[country] += 2  # the place the story was filed from says where it is about
            places.dateline = places._resolve(actors.dateline, country, "city", "dateline")
        return places

    def locate(
        self, trigger: Token, sentence: Words, event: str, mode: str, actors: list[Found], recipients: list[Found]
    ) -> Location:
        """The event's Location, with the step that chose it in `why`."""
        mention = trigger_place(trigger, self.actors, strict=True)
        if mention is not None and mention.name.kind == "country" and _preposition(self.actors.doc[mention.head]) in (
            "near",
            "outside",
        ):
            mention = None  # "massed troops near Ukraine's borders" are not in Ukraine
        if mention is not None:
            found = self._of_mention(mention, "trigger")
            if found is not None and found.precision == "country":  # "in Russia's Ryazan region": Ryazan
                finer = self._in_sentence(sentence, {found.country}, set(), None)
                found = finer if finer is not None and finer.country == found.country else found
            if found is not None:
                return found
        acting = {f.entity.code for f in actors if f.entity.code in self.table.centroids}
        acted_on = {f.entity.code for f in recipients if f.entity.code in self.table.centroids}
        recipient_side = event in RECIPIENT_SIDE or f"{event}:{mode}" in RECIPIENT_SIDE
        visited = trigger if event == "CONSULT" else None  # "visited Beijing": the visit is there
        # A statement or a measure is not placed in the state it is aimed at ("Germany recognized South Sudan
        # and would open an embassy in Juba" happened in Germany); an attack, coercion or aid may be.
        shunned = set() if recipient_side or visited is not None else acted_on - acting
        found = self._in_sentence(sentence, acting | acted_on, shunned, visited, loose=recipient_side)
        if found is not None and found.precision == "country" and self.dateline is not None:
            # a region the table lacks ("Jubaland"): the dateline's city, when it is in that state, says more
            return self.dateline if self.dateline.country == found.country else found
        if found is not None:
            return found
        if QUAD[event].startswith("material"):  # "rescued tourists held hostage in Burkina Faso"
            found = self._state_in_sentence(sentence)
            if found is not None:
                return found
        if self.dateline is not None and self._dateline_fits(acting | acted_on if recipient_side else acting, acted_on):
            return self.dateline
        return self._state_of_act(event, mode, actors, recipients, sentence)

    def _dateline_fits(self, side: set[str], others: set[str]) -> bool:
        """The story was filed from the state whose act it is (for an attack, any party's), or from one of the
        parties' states when that side has none, or the event has no state among its parties at all."""
        if side:
            return self.dateline.country in side
        return not others or self.dateline.country in others

    def _of_mention(self, mention: Mention, step: str) -> Location | None:
        name = mention.name
        if mention.text.lower() in NOT_PLACES:
            return None
        if name.kind in ("country", "demonym", "people"):  # a state's name is no town's ("Colombia", Cuba)
            known = name.code in self.table.centroids
            return self._country(name.code, f"{step}: {mention.text!r}, the state") if known else None
        found = self._resolve(mention.text, name.code, name.kind, step)
        if found is None and name.kind in ("city", "region") and name.name:
            found = self._resolve(name.name, name.code, name.kind, step)
        if found is None and name.kind == "capital":  # "the Kremlin": the capital's place
            capital = self.table.capital(name.code)
            if capital is not None:
                return _location(capital, f"{step}: {mention.text!r}, the seat of {name.code}, at its capital")
        if found is None and name.code in self.table.centroids:
            what = "the state" if name.kind == "country" else f"in {name.code}, not in the places table"
            return self._country(name.code, f"{step}: {mention.text!r}, {what}")
        return found

    def _resolve(self, surface: str, country: str, kind: str, step: str) -> Location | None:
        candidates = self.table.candidates(surface)
        if not candidates:
            return None
        best = max(candidates, key=lambda p: self._fit(p, country, kind))
        why = f"{step}: {surface!r}"
        if len({p.country for p in candidates}) > 1:
            why += f", in {best.country} (the article names it {self.named[best.country]} times)"
        return _location(best, why)

    def _fit(self, place: Place, country: str, kind: str) -> tuple:
        named = self.named[place.country]
        feature = place.feature == ("adm1" if kind == "region" else "city")
        return (named > 0, named, place.country == country, feature, place.population)

    def _in_sentence(
        self, sentence: Words, parties: set[str], shunned: set[str], visited: Token | None, *, loose: bool = False
    ) -> Location | None:
        """A place in the event's sentence in the state of a party to the event (not one it is only aimed at, if
        `shunned`). Else, for an event with no state among its parties or, `loose`, an attack, coercion or aid,
        one after a place preposition in a state the article names more than once ("aid to families in the
        Kidal region")."""
        fallback = None
        for head, found in self._sentence_places(sentence, visited):
            after_preposition = _after_preposition(head)
            if found is None or found.country in shunned:
                continue
            if found.country in parties:
                return found
            if (loose and after_preposition or not parties) and self.named[found.country] > 1:
                fallback = fallback or found
        return fallback

    def _state_in_sentence(self, sentence: Words) -> Location | None:
        """A state the sentence names after a place preposition ("in Burkina Faso", "in Israeli prisons")."""
        for mention in self.actors.mentions:
            if not sentence.start <= mention.start < sentence.end or mention.name.kind not in ("country", "demonym"):
                continue
            head = self.actors.doc[mention.head]
            if mention.name.code in self.table.centroids and _inside(head):
                return self._country(mention.name.code, f"sentence: {mention.text!r}, the state the act is in")
        return None

    def _sentence_places(self, sentence: Words, visited: Token | None) -> Iterator[tuple[Token, Location | None]]:
        """The places of a sentence: its gazetteer places, then the names after a place preposition
        that only the places table knows ("the Ryazan region", "the Kidal region")."""
        marked = set()
        for mention in self.actors.mentions:
            if not sentence.start <= mention.start < sentence.end:
                continue
            marked.update(range(mention.start, mention.end))
            if mention.name.kind not in SENTENCE_KINDS:
                continue
            head = self.actors.doc[mention.head]
            place_object = visited is not None and head.dep_ == "dobj" and head.head.i == visited.i
            if mention.name.kind in FREE_KINDS or place_object or _after_preposition(head):
                yield head, self._of_mention(mention, "sentence")
        for token in sentence:
            if token.i in marked or token.pos_ != "PROPN" or token.lower_ in NOT_PLACES:
                continue
            if _after_preposition(token) and self.table.candidates(token.text):
                yield token, self._resolve(token.text, "", "city", "sentence")

    def _state_of_act(
        self, event: str, mode: str, actors: list[Found], recipients: list[Found], sentence: Words
    ) -> Location:
        recipient_side = event in RECIPIENT_SIDE or f"{event}:{mode}" in RECIPIENT_SIDE
        kind = f"{event}:{mode}" if mode else event
        if event == "ASSAULT" and not any(f.entity.code in self.table.centroids for f in recipients):
            # "declared martial law after Russian forces launched an invasion": an attack aimed at no one named
            # is in the one other state its sentence names
            own = {f.entity.code for f in actors}
            other = self._sentence_states(sentence) - own
            if len(other) == 1:
                code = other.pop()
                return self._country(code, f"sentence: {kind} names no target; the other state its sentence names")
        sides = [("recipient", recipients), ("actor", actors)]
        for side, found in sides if recipient_side else sides[::-1]:
            party = next((f for f in found if f.entity.code in self.table.centroids), None)
            if party is None:
                continue
            capital = self._capital_named(party)
            if capital is not None:  # "Moscow summoned the envoy": in Moscow
                return _location(capital, f"{side}: {party.entity.text!r}, named by its capital")
            return self._country(party.entity.code, f"{side}: no place named; {kind} is placed where its {side} is")
        return Location(why="none: no place named, and no state among the event's parties")

    def _sentence_states(self, sentence: Words) -> set[str]:
        return {
            m.name.code
            for m in self.actors.mentions
            if sentence.start <= m.start < sentence.end
            and m.name.kind in ("country", "demonym", "capital")
            and m.name.code in self.table.centroids
        }

    def _capital_named(self, party: Found) -> Place | None:
        """The capital a party is named by ("Moscow", "the Kremlin"), when it is one."""
        text = party.entity.text.replace("’", "'").split("'s ")[0]  # "Moscow's foreign ministry": Moscow
        names = self.actors.gaz.lookup(text) if text else []
        if any(n.kind == "capital" and n.code == party.entity.code for n in names):
            return self.table.capital(party.entity.code)
        return None

    def _country(self, code: str, why: str) -> Location:
        point = self.table.centroids[code]
        name = self.actors.gaz.country_names.get(code, code)
        return Location(name=name, country=code, lat=point.lat, lon=point.lon, precision="country", why=why)


def _preposition(token: Token) -> str:
    """The preposition whose phrase holds the token ("near Ukraine's borders" -> "near"), or ""."""
    while token.head.i != token.i:
        if token.dep_ == "prep":
            return token.lower_
        token = token.head
    return ""


def _inside(token: Token) -> bool:
    """The word names what an in/inside phrase is in ("in Burkina Faso", "in Israeli prisons"), not what an act
    is near ("near Ukraine's borders")."""
    while token.dep_ in ("compound", "amod", "poss", "pobj") and token.head.i != token.i:
        if token.dep_ == "pobj":
            return token.head.lower_ in ("in", "inside")
        token = token.head
    return False


def _after_preposition(head: Token) -> bool:
    """The word is the object of an in/at/near phrase ("talks in Geneva"), or names the place such an object
    is of ("in the Russian city of Oryol", "near the town of Dhobley")."""
    token = head
    while token.dep_ in ("compound", "appos", "poss", "nmod", "pobj") and token.head.i != token.i:
        if token.dep_ == "pobj":
            if token.head.lower_ in PLACE_PREPOSITIONS:
                return True
            if token.head.lower_ != "of":
                return False
            token = token.head.head  # "city of Oryol": the city
            continue
        token = token.head
    return False


def _location(place: Place, why: str) -> Location:
    return Location(
        name=place.name,
        country=place.country,
        adm1=place.adm1_name,
        adm1_code=place.adm1_code,
        lat=place.lat,
        lon=place.lon,
        geonames_id=place.geonames_id,
        precision="adm1" if place.feature == "adm1" else "city",
        why=why,
    )
