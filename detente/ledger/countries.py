"""Country names to ISO alpha-3 codes, and names of intergovernmental bodies with a code of their own to
that code ("EU" -> "IGOEUREEC"), from the actors gazetteer, a user's overlay included (docs/actors.md)."""

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
                if name.kind in COUNTRY_KINDS or (name.kind == "organisation" and name.code in gazetteer.body_names):
                    table[surface.lower()] = name.code  # later rows win: an overlay's over the shipped ones
        for code in [*gazetteer.country_names, *gazetteer.body_names]:
            table.setdefault(code.lower(), code)
        known = _TABLES[overlay] = (gazetteer, table)
    return known[1]


def country_code(name_or_code: str, *, overlay: str | None = None) -> str:
    """The ISO alpha-3 code of a country given by code or name ("RUS", "Russia", "russia" -> "RUS"), or the code
    of an intergovernmental body that has one ("EU" -> "IGOEUREEC"), in the gazetteer with the files in
    `overlay` (or $DETENTE_GAZETTEER) on top."""
    code = _by_name(overlay).get(" ".join(name_or_code.split()).lower())
    if code is None:
        raise InputError(Errors.E030.format(value=name_or_code))
    return code


def country_name(code: str, *, overlay: str | None = None) -> str:
    """The English name of a country or body code, or the code itself when unknown."""
    gazetteer = load_gazetteer(overlay)
    return gazetteer.country_names.get(code) or gazetteer.body_names.get(code, code)
