"""Country names to ISO alpha-3 codes, from the actors gazetteer, a user's overlay included (docs/actors.md)."""

from __future__ import annotations

from detente.actors.gazetteer import Gazetteer, load_gazetteer
from detente.errors import Errors, InputError

# The gazetteer names that stand for a country itself: its names, aliases and demonyms. A capital
# ("Moscow") stands for its government in a text, and is no way to name a country pair.
COUNTRY_KINDS = ("country", "demonym", "people")

# overlay -> (the gazetteer, its lowercase name -> code table); rebuilt when load_gazetteer loads anew.
_TABLES: dict[str | None, tuple[Gazetteer, dict[str, str]]] = {}


def _by_name(overlay: str | None) -> dict[str, str]:
    gazetteer = load_gazetteer(overlay)
    known = _TABLES.get(overlay)
    if known is None or known[0] is not gazetteer:
        table: dict[str, str] = {}
        for surface, names in gazetteer.names.items():
            for name in names:
                if name.kind in COUNTRY_KINDS:
                    table[surface.lower()] = name.code  # later rows win: an overlay's over the shipped ones
        for code in gazetteer.country_names:
            table.setdefault(code.lower(), code)
        known = _TABLES[overlay] = (gazetteer, table)
    return known[1]


def country_code(name_or_code: str, *, overlay: str | None = None) -> str:
    """The ISO alpha-3 code of a country given by code or name ("RUS", "Russia", "russia" -> "RUS"), in the
    gazetteer with the files in `overlay` (or $DETENTE_GAZETTEER) on top."""
    code = _by_name(overlay).get(" ".join(name_or_code.split()).lower())
    if code is None:
        raise InputError(Errors.E030.format(value=name_or_code))
    return code


def country_name(code: str, *, overlay: str | None = None) -> str:
    """The English name of a country code, or the code itself when unknown."""
    return load_gazetteer(overlay).country_names.get(code, code)
