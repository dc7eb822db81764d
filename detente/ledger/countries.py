"""Country names to ISO alpha-3 codes, read from the actors gazetteer (detente/actors/data/countries.tsv)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from detente.errors import Errors, InputError, LexiconError

log = logging.getLogger(__name__)

# Read directly (columns: code, name, aliases, demonyms, capitals) rather than through detente.actors,
# whose internals may change; the file format is the shared contract.
GAZETTEER = Path(__file__).resolve().parent.parent / "actors" / "data" / "countries.tsv"

_CODE = re.compile(r"[A-Z]{3}")


@lru_cache(maxsize=4)
def _read_gazetteer(path: str, mtime: float) -> tuple[dict[str, str], dict[str, str]]:
    """(name or alias or demonym in lowercase -> code, code -> name) from a countries.tsv file."""
    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    with open(path, encoding="utf-8") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.rstrip("\n").split("\t")
            if number == 1 and cols[0].strip().lower() == "code":
                continue  # header row
            code = cols[0].strip()
            if not _CODE.fullmatch(code) or len(cols) < 2 or not cols[1].strip():
                raise LexiconError(
                    Errors.E112.format(path=path, line=number, reason="expected a 3-letter code and a name")
                )
            names.setdefault(code, cols[1].strip())
            words = [cols[1]] + [w for col in cols[2:4] for w in col.split("|")]
            for word in words:
                if word.strip():
                    by_name.setdefault(word.strip().lower(), code)
            by_name.setdefault(code.lower(), code)
    return by_name, names


def _gazetteer(path: Path | None) -> tuple[dict[str, str], dict[str, str]] | None:
    path = path or GAZETTEER
    if not path.is_file():
        return None
    return _read_gazetteer(str(path), path.stat().st_mtime)


def country_code(name_or_code: str, *, gazetteer: Path | None = None) -> str:
    """The ISO alpha-3 code of a country given by code or name ("RUS", "Russia", "russia" -> "RUS")."""
    value = name_or_code.strip()
    table = _gazetteer(gazetteer)
    if table is None:
        # Without the gazetteer only codes can be told apart from typos.
        if _CODE.fullmatch(value.upper()) and len(value) == 3:
            log.warning("country gazetteer %s missing: taking %r as a code unchecked", gazetteer or GAZETTEER, value)
            return value.upper()
        raise InputError(Errors.E030.format(value=name_or_code))
    by_name, _ = table
    code = by_name.get(value.lower())
    if code is None:
        raise InputError(Errors.E030.format(value=name_or_code))
    return code


def country_name(code: str, *, gazetteer: Path | None = None) -> str:
    """The English name of a country code, or the code itself when unknown."""
    table = _gazetteer(gazetteer)
    return table[1].get(code, code) if table else code
