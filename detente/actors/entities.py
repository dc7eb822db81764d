"""What resolution returns (an entity with the reason it was found) and the grammar words it reads."""

from __future__ import annotations

from dataclasses import dataclass

from detente.model import Entity

THIRD_SINGULAR_NEUTER = frozenset({"it", "its", "itself"})
PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"})
PRONOUNS = PERSONAL | PLURAL | THIRD_SINGULAR_NEUTER | FIRST_PERSON
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# Gazetteer kinds that name a state: a state or a place in one, those and their adjectives ("Russian"),
# and those and their people ("Russians").
STATE_PLACE_KINDS = ("country", "capital", "region", "city")
STATE_WORD_KINDS = (*STATE_PLACE_KINDS, "demonym")
STATE_KINDS = (*STATE_WORD_KINDS, "people")


@dataclass
class Found:
    """An entity with what it was resolved from, for `detente explain`."""

    entity: Entity
    why: str
    inferred: bool = False  # the country came from context, not from a name in the phrase
    pronoun: bool = False  # resolved through a pronoun


# A rule's answer when it decides the phrase names no one ("Indian Ocean", a pronoun out of context).
NO_ONE = Found(Entity(text="", code=""), "names no one")
