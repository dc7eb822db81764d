"""What an article has said so far, as later sentences need it: the actors of the events coded, and the
nouns whose in-phrase is a venue. The events stage writes it; actor resolution reads it (pronouns, "the
call", a bare "the ministry")."""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.model import Entity
from detente.sentences.words import Word as Token


@dataclass
class ArticleMemory:
    """The events of an article so far, by the token of their trigger, with their actors and types."""

    recent: list[tuple[int, list[Entity]]] = field(default_factory=list)  # (token index, actors), in order
    recent_types: dict[int, str] = field(default_factory=dict)  # token index -> PLOVER type of the event
    # Lemmas of nouns that name meetings and the like (from the event lexicon): their in-phrase is where they
    # were held, not who they belong to ("talks in Caracas", against "refugees in Liberia").
    venue_nouns: frozenset[str] = frozenset()

    def note_event(self, token: Token, actors: list[Entity], event: str = "") -> None:
        """Remember an event's actors (and its PLOVER type, unless it did not happen): bare sector nouns,
        pronouns and "the call" later resolve to them. A speaker is noted with no type."""
        self.recent.append((token.i, actors))
        if event:
            self.recent_types[token.i] = event

    def latest(self, before: int) -> list[tuple[int, list[Entity]]]:
        """The noted events before a token, latest first."""
        return [r for r in sorted(self.recent, key=lambda r: r[0], reverse=True) if r[0] < before]
