"""Word classes, sector classes and type roles: the tables the event constructions consult.

Each is a data file in events/data (words.tsv, sector_classes.tsv, types.tsv) that a user's lexicon
overlay extends. The code names the classes and roles it needs (the fields below); a file that lacks
one, or names one the code does not know, is an error naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import Errors, LexiconError
from detente.model import MODES, PLOVER_TYPES, SECTORS
from detente.tables import read_classes, read_tsv

NO_SECTOR = "-"  # in sector_classes.tsv: a bare state, whose sector is ""


@dataclass
class WordClasses:
    """Open-class word lists, by the name the constructions use (words.tsv)."""

    quantity: frozenset[str] = frozenset()
    collective_head: frozenset[str] = frozenset()
    of_head: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()
    turn_to: frozenset[str] = frozenset()
    adjunct_gerund: frozenset[str] = frozenset()
    succeeding: frozenset[str] = frozenset()
    statement: frozenset[str] = frozenset()
    document: frozenset[str] = frozenset()
    agreement: frozenset[str] = frozenset()
    enacting: frozenset[str] = frozenset()
    protest_purpose: frozenset[str] = frozenset()
    protest_noun: frozenset[str] = frozenset()
    seat: frozenset[str] = frozenset()
    exercise: frozenset[str] = frozenset()
    protester: frozenset[str] = frozenset()
    claiming: frozenset[str] = frozenset()
    mediating: frozenset[str] = frozenset()
    vessel: frozenset[str] = frozenset()
    shelter: frozenset[str] = frozenset()
    place_anaphor: frozenset[str] = frozenset()
    refusal_predicate: frozenset[str] = frozenset()
    refused_when_negated: frozenset[str] = frozenset()
    demanding: frozenset[str] = frozenset()
    announcing: frozenset[str] = frozenset()
    particle_adverb: frozenset[str] = frozenset()
    time_word: frozenset[str] = frozenset()
    cyber_cue: frozenset[str] = frozenset()
    stative_passive: frozenset[str] = frozenset()
    permitting: frozenset[str] = frozenset()
    backing: frozenset[str] = frozenset()
    thwarting: frozenset[str] = frozenset()
    setting: frozenset[str] = frozenset()
    receiving: frozenset[str] = frozenset()
    ally_noun: frozenset[str] = frozenset()
    verdict: frozenset[str] = frozenset()
    owning: frozenset[str] = frozenset()
    # derived once all files are read: texts that enact what they say, and not agreements between parties
    enactable: frozenset[str] = field(default=frozenset(), init=False)

    def finish(self) -> None:
        self.enactable = (self.document | self.statement) - self.agreement


@dataclass
class SectorClasses:
    """Classes of PLOVER sectors (sector_classes.tsv); "" is a bare state."""

    non_state: frozenset[str] = frozenset()
    armed_non_state: frozenset[str] = frozenset()
    state: frozenset[str] = frozenset()
    no_air_force: frozenset[str] = frozenset()
    state_forces: frozenset[str] = frozenset()


ROLES = (
    "clause-recipient",
    "state-action",
    "passive-subject-acts",
    "place-recipient",
    "place-measure",
    "to-recipient",
    "mutual",
    "from-actor",
    "protest-topic",
    "charge",
    "venue",
    "after-talks",
    "awaits",
    "target-first",
    "of-actor",
    "setting",
    "received",
    "presupposes",
    "judged",
    "judge-reached",
    "place-noun",
    "armed-noun",
    "at-talks",
    "on-own-forces",
)


@dataclass
class TypeRoles:
    """What each PLOVER type, or one of its modes, does in the constructions (types.tsv)."""

    by_type: dict[str, frozenset[str]] = field(default_factory=lambda: {role: frozenset() for role in ROLES})
    by_mode: dict[str, frozenset[tuple[str, str]]] = field(
        default_factory=lambda: {role: frozenset() for role in ROLES}
    )
    asked_modes: dict[str, str] = field(default_factory=dict)

    def types(self, role: str) -> frozenset[str]:
        """The types that have a role whatever their mode."""
        return self.by_type[role]

    def has(self, role: str, event: str, mode: str = "") -> bool:
        """Whether an event of this type and mode has the role (by its type, or by its mode)."""
        return event in self.by_type[role] or (event, mode) in self.by_mode[role]

    def asked(self, event: str, default: str = "") -> str:
        """The REQUEST/REJECT mode for asking for (or refusing) an act of this type."""
        return self.asked_modes.get(event, default)


def _fail(path: Path, line: int, reason: str) -> LexiconError:
    return LexiconError(Errors.E020.format(path=path, line=line, reason=reason))


def load_word_classes(words: WordClasses, path: Path) -> None:
    """Add the rows of a words.tsv to the classes."""
    read_classes(path, words, "words")
    words.finish()


def _sector(cell: str) -> str:
    sector = "" if cell == NO_SECTOR else cell
    if sector and sector not in SECTORS:
        raise ValueError(f"{cell!r} is not a PLOVER sector")
    return sector


def load_sector_classes(sectors: SectorClasses, path: Path) -> None:
    """Add the rows of a sector_classes.tsv to the classes."""
    read_classes(path, sectors, "sectors", _sector)


def load_type_roles(roles: TypeRoles, path: Path) -> None:
    """Add the rows of a types.tsv to the roles."""
    for line, row in read_tsv(path, ("type", "mode", "roles", "asked")):
        event, mode = row["type"], row["mode"]
        if event not in PLOVER_TYPES or (mode and mode not in MODES[event]):
            raise _fail(path, line, f"not a PLOVER type and mode: {event}:{mode}")
        asked = row["asked"]
        if asked and asked not in MODES["REQUEST"] | MODES["REJECT"]:
            raise _fail(path, line, f"asked mode {asked!r} is no REQUEST or REJECT mode")
        for role in (r.strip() for r in row["roles"].split("|") if r.strip()):
            if role not in ROLES:
                raise _fail(path, line, f"unknown role {role!r} (known: {', '.join(ROLES)})")
            if mode:
                roles.by_mode[role] = roles.by_mode[role] | {(event, mode)}
            else:
                roles.by_type[role] = roles.by_type[role] | {event}
        if asked and not mode:
            roles.asked_modes[event] = asked
