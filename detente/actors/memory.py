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
    recent_modes: dict[int, str] = field(default_factory=dict)  # token index -> its mode, where it has one
    recent_recipients: dict[int, list[Entity]] = field(default_factory=dict)  # token index -> whom it reached
    # Lemmas of nouns that name meetings and the like (from the event lexicon): their in-phrase is where they
    # were held, not who they belong to ("talks in Caracas", against "refugees in Liberia").
    venue_nouns: frozenset[str] = frozenset()

    def note_event(
        self,
        token: Token,
        actors: list[Entity],
        event: str = "",
        mode: str = "",
        recipients: list[Entity] | None = None,
    ) -> None:
        """Remember an event's actors (and its PLOVER type, mode and recipients, unless it did not happen): bare
        sector nouns, pronouns and "the call" later resolve to them. A speaker is noted with no type."""
        self.recent.append((token.i, actors))
        if event:
            self.recent_types[token.i] = event
            self.recent_recipients[token.i] = list(recipients or [])
            if mode:
                self.recent_modes[token.i] = mode

    def latest_mode(self, before: int, event: str) -> str:
        """The mode of the latest event of this type before a token ("refused the request": what it asked)."""
        earlier = [i for i, t in self.recent_types.items() if t == event and i < before]
        return self.recent_modes.get(max(earlier), "") if earlier else ""

    def parties(self, index: int, actors: list[Entity]) -> list[Entity]:
        """Everyone who took part in the event noted at a token: its actors (as `recent` holds them), then its
        recipients."""
        return [*actors, *self.recent_recipients.get(index, [])]

    def latest(self, before: int) -> list[tuple[int, list[Entity]]]:
        """The noted events before a token, latest first."""
        return [r for r in sorted(self.recent, key=lambda r: r[0], reverse=True) if r[0] < before]
