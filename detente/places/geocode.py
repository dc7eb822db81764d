"""Where an event happened, in four steps (docs/events.md, "Locations"): the place named on its trigger; else a
place in its sentence that the article's context supports; else the dateline; else the state of the act."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from detente.actors.entities import Found
from detente.actors.mentions import Mention
from detente.actors.resolve import STATE_KINDS, ArticleActors
from detente.model import Location
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
    def for_article(cls, actors: ArticleActors) -> ArticlePlaces:
        places = cls(actors)
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
        mention = trigger_place(trigger, self.actors)
        if mention is not None:
            found = self._of_mention(mention, "trigger")
            if found is not None:
                return found
        parties = [f.entity.code for f in (*actors, *recipients) if f.entity.code in self.table.centroids]
        visited = trigger if event == "CONSULT" else None  # "visited Beijing": the visit is there
        found = self._in_sentence(sentence, set(parties), visited)
        if found is not None:
            return found
        if self.dateline is not None:
            return self.dateline
        return self._state_of_act(event, mode, actors, recipients)

    def _of_mention(self, mention: Mention, step: str) -> Location | None:
        name = mention.name
        if mention.text.lower() in NOT_PLACES:
            return None
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

    def _in_sentence(self, sentence: Words, parties: set[str], visited: Token | None) -> Location | None:
        """A place in the event's sentence whose state is a party to the event or one the article names."""
        fallback = None
        for mention in self.actors.mentions:
            if not sentence.start <= mention.start < sentence.end or mention.name.kind not in SENTENCE_KINDS:
                continue
            head = self.actors.doc[mention.head]
            place_object = visited is not None and head.dep_ == "dobj" and head.head.i == visited.i
            if mention.name.kind not in FREE_KINDS and not (place_object or _after_preposition(head)):
                continue
            found = self._of_mention(mention, "sentence")
            if found is None or not (found.country in parties or self.named[found.country] > 1):
                continue
            if found.country in parties:
                return found
            fallback = fallback or found
        return fallback

    def _state_of_act(self, event: str, mode: str, actors: list[Found], recipients: list[Found]) -> Location:
        recipient_side = event in RECIPIENT_SIDE or f"{event}:{mode}" in RECIPIENT_SIDE
        sides = [("recipient", recipients), ("actor", actors)]
        for side, found in sides if recipient_side else sides[::-1]:
            code = next((f.entity.code for f in found if f.entity.code in self.table.centroids), "")
            if code:
                kind = f"{event}:{mode}" if mode else event
                return self._country(code, f"{side}: no place named; {kind} is placed where its {side} is")
        return Location(why="none: no place named, and no state among the event's parties")

    def _country(self, code: str, why: str) -> Location:
        point = self.table.centroids[code]
        name = self.actors.gaz.country_names.get(code, code)
        return Location(name=name, country=code, lat=point.lat, lon=point.lon, precision="country", why=why)


def _after_preposition(head: Token) -> bool:
    """The mention's head is the object of an in/at/near phrase ("talks in Geneva")."""
    for token in (head, head.head):
        if token.head.i != token.i and token.head.dep_ == "prep" and token.head.lower_ in PLACE_PREPOSITIONS:
            return True
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
