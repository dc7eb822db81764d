"""Word classes, code classes and back-reference nouns: the tables actor resolution consults (words.tsv,
code_classes.tsv, references.tsv in actors/data), extended by a user's gazetteer overlay."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import Errors, LexiconError
from detente.model import PLOVER_TYPES, SECTORS
from detente.tables import read_classes, read_tsv


@dataclass
class ActorWords:
    """Open-class word lists, by the name the resolution rules use (words.tsv)."""

    pair_noun: frozenset[str] = frozenset()
    event_reference: frozenset[str] = frozenset()
    role_noun: frozenset[str] = frozenset()
    language: frozenset[str] = frozenset()
    partitive: frozenset[str] = frozenset()
    seated: frozenset[str] = frozenset()
    speech_verb: frozenset[str] = frozenset()
    place_taking: frozenset[str] = frozenset()
    person_noun: frozenset[str] = frozenset()
    country_description: frozenset[str] = frozenset()
    group_description: frozenset[str] = frozenset()
    alliance_description: frozenset[str] = frozenset()
    # noun -> the PLOVER types of the latest event it refers back to (references.tsv)
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)


def code_kind(code: str) -> str:
    """The PLOVER country-name part of an actor code, its first three letters: a specific IGO code is an IGO
    ("IGOEUREEC" -> "IGO", "RUS" -> "RUS"), as the scorer compares codes."""
    return code[:3]


@dataclass
class CodeClasses:
    """Classes of PLOVER sectors and actor codes (code_classes.tsv)."""

    armed_sector: frozenset[str] = frozenset()
    non_state_armed: frozenset[str] = frozenset()
    organisation_code: frozenset[str] = frozenset()

    def is_organisation(self, code: str) -> bool:
        """Whether a code is an organisation's (IGO, IGOEUREEC, NGO, MNC ...), not a state's."""
        return code_kind(code) in self.organisation_code


def load_actor_words(words: ActorWords, path: Path) -> None:
    read_classes(path, words, "words")


def _code(cell: str) -> str:
    if not cell.isupper() or len(cell) != 3 or (cell not in SECTORS and not cell.isalpha()):
        raise ValueError(f"{cell!r} is not a three-letter PLOVER code")
    return cell


def load_code_classes(codes: CodeClasses, path: Path) -> None:
    read_classes(path, codes, "codes", _code)


def load_references(words: ActorWords, path: Path) -> None:
    """Back-reference nouns and the types of the event they stand for; a later row replaces a noun's."""
    for line, row in read_tsv(path, ("noun", "types")):
        types = tuple(t.strip() for t in row["types"].split("|") if t.strip())
        unknown = [t for t in types if t not in PLOVER_TYPES]
        if not row["noun"] or not types or unknown:
            reason = f"unknown types {unknown}" if unknown else "a reference needs a noun and PLOVER types"
            raise LexiconError(Errors.E020.format(path=path, line=line, reason=reason))
        words.references[row["noun"].lower()] = types
