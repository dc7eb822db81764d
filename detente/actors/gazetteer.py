"""Load the actor gazetteer: countries, regions, organisations, sector nouns and leaders (data files).

Each file is tab-separated with a header line; `#` lines are comments; lists inside a cell are
separated by `|`.  The shipped files load first, then any user overlay directory with files of the
same names and columns (rows add to or override the shipped ones).  Errors name file and line.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from detente.actors.classes import ActorWords, CodeClasses, load_actor_words, load_code_classes, load_references
from detente.errors import Errors, LexiconError
from detente.memory import collector_paused
from detente.model import SECTORS
from detente.tables import read_tsv

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
OVERLAY_ENV = "DETENTE_GAZETTEER"  # a directory with the user's own files, same names and columns
_CODE = re.compile(r"^[A-Z]{3}$")
# An organisation's code: a country's, IGO/NGO/MNC/IMG/ISM, or a specific IGO ("IGOEUREEC", the EU), whose
# first three letters are still "IGO" (docs/actors.md, "Codes of intergovernmental bodies").
_BODY_CODE = re.compile(r"^[A-Z]{3}$|^IGO(?:[A-Z]{3})+$")
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Name:
    """What a name in the text stands for."""

    code: str
    sector: str = ""
    name: str = ""  # canonical name (organisations, people, regions)
    kind: str = "country"  # country | demonym | people | capital | region | city | organisation | person | ethnic
    start: str = ""  # office dates for people ("2008-05-07"), empty when unbounded
    end: str = ""
    homelands: tuple[str, ...] = ()  # of an ethnic group: the states it lives in (peoples.tsv)


# Acronyms of four letters or more are said as words, and British papers write them so ("Isis", "Unicef");
# shorter ones are spelt out ("the UN", "the EU") and keep their capitals.
MIN_HOUSE_STYLED = 4
LOOKUP_MEMO = 100_000  # surface forms whose candidates are remembered


@dataclass
class Gazetteer:
    """Surface forms -> what they name; sector phrases -> sector."""

    names: dict[str, list[Name]] = field(default_factory=dict)  # exact surface form -> candidates
    sectors: dict[tuple[str, ...], str] = field(default_factory=dict)  # lowercase word tuple -> sector
    country_names: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    body_names: dict[str, str] = field(default_factory=dict)  # specific IGO code -> its name ("IGOEUREEC")
    max_name_words: int = 1
    max_sector_words: int = 1
    _looked_up: dict[str, list[Name]] = field(default_factory=dict, repr=False, compare=False)
    first_words: dict[str, int] = field(default_factory=dict)  # first word of a name -> most words after it
    organisation_heads: dict[str, str] = field(default_factory=dict)  # "association" -> code of unknown names
    _misspelt: dict[str, list[tuple[str, Name]]] | None = field(default=None, repr=False, compare=False)
    words: ActorWords = field(default_factory=ActorWords)  # words.tsv, references.tsv
    codes: CodeClasses = field(default_factory=CodeClasses)  # code_classes.tsv
    house_styled: set[str] = field(default_factory=set)  # "Nato", "Isis": acronyms as some papers write them

    def add_name(self, surface: str, entry: Name) -> None:
        if self._looked_up:
            self._looked_up.clear()
        self._misspelt = None  # built again from all names on next use
        surface = _normalise(surface)
        if not surface:
            return
        styled = house_style(surface)
        if styled and styled not in self.names:
            self.house_styled.add(styled)
            self.add_name(styled, entry)
        known = self.names.get(surface)
        if known is not None:  # its words are counted already
            known.append(entry)
            return
        self.names[surface] = [entry]
        words = len(_WORD_BREAK.split(surface))
        self.max_name_words = max(self.max_name_words, len(surface.split()))
        first = first_word(surface)
        self.first_words[first] = max(self.first_words.get(first, 0), words)

    def lookup(self, surface: str) -> list[Name]:
        """Candidates for a surface form; the lowercase form matches only names longer than 3 letters."""
        found = self._looked_up.get(surface)
        if found is None:
            found = self._lookup(surface)
            if len(self._looked_up) >= LOOKUP_MEMO:  # surfaces recur across articles; bound the memory
                self._looked_up.clear()
            self._looked_up[surface] = found
        return found

    def _lookup(self, surface: str) -> list[Name]:
        surface = _normalise(surface)
        found = self.names.get(surface)
        if found:
            return found
        if len(surface) > 3 and not surface.isupper():
            return self.names.get(surface.lower(), [])
        return []

    def misspelt_country(self, word: str) -> Name | None:
        """The country whose one-word name a word misspells by one letter left out, added, changed or two
        swapped ("Ethopia", "Afganistan"), for words of MIN_MISSPELT letters or more, which are too long to be
        another country's name by chance; None when no country or more than one is that close."""
        if len(word) < MIN_MISSPELT or not word[:1].isupper() or not word.isalpha():
            return None
        if self._misspelt is None:
            self._misspelt = {}
            for surface, names in self.names.items():
                countries = [n for n in names if n.kind == "country"]
                if countries and " " not in surface and len(surface) >= MIN_MISSPELT - 1 and surface.isalpha():
                    for variant in {surface, *_deletions(surface)}:
                        self._misspelt.setdefault(variant, []).extend((surface, c) for c in countries[:1])
        close = {  # by country: two spellings of one country ("Kirghizia", "Kirgizia") are no ambiguity
            name.code: name
            for variant in {word, *_deletions(word)}
            for surface, name in self._misspelt.get(variant, ())
            if surface != word and _one_edit(word, surface)
        }
        return next(iter(close.values())) if len(close) == 1 else None

    def sector_of(self, words: tuple[str, ...]) -> str:
        """The sector a phrase of lowercase words names ("foreign", "ministry"), or ""."""
        return self.sectors.get(words, "")


MIN_MISSPELT = 7  # letters a word needs before it is read as a misspelt country name


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one deletion, insertion, substitution or swap of neighbours apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        shorter, longer = sorted((a, b), key=len)
        return shorter in _deletions(longer)
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differ) == 1:
        return True
    first, second = differ if len(differ) == 2 else (0, 0)
    return second == first + 1 and a[first] == b[second] and a[second] == b[first]


_FIRST_BREAK = re.compile(r"[\s\-/]+")
_WORD_BREAK = re.compile(r"[\s\-/]+|(?<=\w)(?=[.,()'])|(?<=[.,()'])(?=\w)")


def first_word(surface: str) -> str:
    """The first word of a name as the tokenizer sees it ("Greek" of "Greek-Cypriot", "U.S." of "U.S.")."""
    return _FIRST_BREAK.split(surface, maxsplit=1)[0]


def house_style(surface: str) -> str:
    """The form the Guardian, the BBC and the FT give an acronym said as a word ("NATO" -> "Nato"), or ""."""
    if len(surface) >= MIN_HOUSE_STYLED and surface.isalpha() and surface.isupper():
        return surface.capitalize()
    return ""


def _normalise(surface: str) -> str:
    surface = " ".join(surface.replace("’", "'").split())
    if surface.lower().startswith("the "):
        surface = surface[4:]
    return surface


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _check(condition: bool, path: Path, line: int, reason: str) -> None:
    if not condition:
        raise LexiconError(Errors.E020.format(path=path, line=line, reason=reason))


def _load_countries(gaz: Gazetteer, path: Path) -> None:
    for line, row in read_tsv(path, ("code", "name", "aliases", "demonyms", "capitals")):
        code = row["code"]
        _check(bool(_CODE.match(code)), path, line, f"country code {code!r} is not 3 capital letters")
        gaz.country_names[code] = row["name"]
        for surface in [row["name"], *_split(row["aliases"])]:
            gaz.add_name(surface, Name(code, "", row["name"], "country"))
        for surface in _split(row["demonyms"]):
            # "Russians" names people; "Russian" is an adjectival that takes its head noun's sector.
            kind = "people" if surface.endswith("s") and not surface.endswith(("ss", "ese")) else "demonym"
            gaz.add_name(surface, Name(code, "CVL" if kind == "people" else "", row["name"], kind))
        for surface in _split(row["capitals"]):
            gaz.add_name(surface, Name(code, "GOV", row["name"], "capital"))


def _load_regions(gaz: Gazetteer, path: Path) -> None:
    for line, row in read_tsv(path, ("name", "aliases", "country", "sector")):
        code, sector = row["country"], row["sector"]
        # An empty country lists a place that is no actor ("Indian Ocean"), so the longest match
        # wins and the country word inside it is not coded.
        _check(not code or bool(_CODE.match(code)), path, line, f"country code {code!r} is not 3 capital letters")
        _check(not sector or sector[:3] in SECTORS, path, line, f"unknown sector {sector!r}")
        kind = "region" if code else "place"
        for surface in [row["name"], *_split(row["aliases"]), *_split(row.get("demonyms", ""))]:
            gaz.add_name(surface, Name(code, sector, row["name"], kind))


def _load_cities(gaz: Gazetteer, path: Path) -> None:
    for line, row in read_tsv(path, ("name", "aliases", "country")):
        code = row["country"]
        _check(bool(_CODE.match(code)), path, line, f"country code {code!r} is not 3 capital letters")
        entry = Name(code, "", row["name"], "city")
        for surface in [row["name"], *_split(row["aliases"])]:
            if _normalise(surface) not in gaz.names:  # a name the other files give keeps its meaning
                gaz.add_name(surface, entry)


def _load_organisations(gaz: Gazetteer, path: Path, known: set[str] | None = None) -> None:
    """organisations.tsv; with `known`, a file of imported rows whose names in `known` are left out."""
    for line, row in read_tsv(path, ("name", "aliases", "code", "sector", "country")):
        code, sector = row["code"], row["sector"]
        _check(bool(_BODY_CODE.match(code)), path, line, f"code {code!r} is not IGO/NGO/MNC or a country code")
        _check(not sector or sector[:3] in SECTORS, path, line, f"unknown sector {sector!r}")
        # IGO/NGO/MNC code as such; a domestic organisation (an armed group) carries its country's code.
        entry = Name(code, sector, row["name"], "organisation")
        if len(code) > 3:
            gaz.body_names.setdefault(code, row["name"])  # the first row of a code names it ("European Union")
        for surface in [row["name"], *_split(row["aliases"])]:
            if known is None or _normalise(surface) not in known:
                gaz.add_name(surface, entry)


def _load_peoples(gaz: Gazetteer, path: Path) -> None:
    for line, row in read_tsv(path, ("name", "names", "adjectives", "homelands")):
        homelands = tuple(_split(row["homelands"]))
        unknown = [c for c in homelands if c not in gaz.country_names]
        _check(bool(homelands) and not unknown, path, line, f"homelands must be country codes: {unknown or 'none'}")
        for surface in _split(row["names"]):  # "Kurds": the people, civilians unless the phrase says more
            gaz.add_name(surface, Name("", "CVL", row["name"], "ethnic", homelands=homelands))
        for surface in _split(row["adjectives"]):  # "Kurdish": takes its head noun's sector
            gaz.add_name(surface, Name("", "", row["name"], "ethnic", homelands=homelands))


def _load_sectors(gaz: Gazetteer, path: Path, known: set[tuple[str, ...]] | None = None) -> None:
    """sectors.tsv; with `known`, a file of imported rows whose phrases in `known` are left out."""
    for line, row in read_tsv(path, ("phrase", "sector")):
        sector = row["sector"]
        _check(sector[:3] in SECTORS, path, line, f"unknown sector {sector!r}")
        words = tuple(row["phrase"].lower().split())
        _check(bool(words), path, line, "empty phrase")
        if known is not None and words in known:
            continue
        gaz.sectors[words] = sector
        gaz.max_sector_words = max(gaz.max_sector_words, len(words))


def _load_leaders(gaz: Gazetteer, path: Path, known: set[str] | None = None) -> None:
    """leaders.tsv; with `known`, a file of imported rows whose names in `known` are left out."""
    for line, row in read_tsv(path, ("name", "aliases", "country", "sector", "role", "start", "end")):
        code, sector = row["country"], row["sector"] or "GOV"
        _check(bool(_BODY_CODE.match(code)), path, line, f"country code {code!r} is not 3 capital letters")
        _check(sector[:3] in SECTORS, path, line, f"unknown sector {sector!r}")
        for when in (row["start"], row["end"]):
            _check(not when or bool(_DAY.match(when)), path, line, f"date {when!r} is not YYYY[-MM[-DD]]")
        entry = Name(code, sector, row["name"], "person", row["start"], row["end"])
        for surface in [row["name"], *_split(row["aliases"])]:
            if known is None or _normalise(surface) not in known:
                gaz.add_name(surface, entry)


def _load_organisation_heads(gaz: Gazetteer, path: Path) -> None:
    for line, row in read_tsv(path, ("head", "code")):
        head, code = row["head"].lower(), row["code"]
        _check(bool(head) and " " not in head, path, line, "a head is one word")
        _check(bool(_CODE.match(code)), path, line, f"code {code!r} is not IGO/NGO/MNC or a country code")
        gaz.organisation_heads[head] = code


def _load_words(gaz: Gazetteer, path: Path) -> None:
    load_actor_words(gaz.words, path)


def _load_code_classes(gaz: Gazetteer, path: Path) -> None:
    load_code_classes(gaz.codes, path)


def _load_references(gaz: Gazetteer, path: Path) -> None:
    load_references(gaz.words, path)


def _load_imported_organisations(gaz: Gazetteer, path: Path) -> None:
    _load_organisations(gaz, path, known=set(gaz.names))  # detente's own rows win


def _load_imported_people(gaz: Gazetteer, path: Path) -> None:
    _load_leaders(gaz, path, known=set(gaz.names))


def _load_imported_sectors(gaz: Gazetteer, path: Path) -> None:
    _load_sectors(gaz, path, known=set(gaz.sectors))


CURATED_LOADERS = (  # detente's own files
    ("countries.tsv", _load_countries),
    ("regions.tsv", _load_regions),
    ("organisations.tsv", _load_organisations),
    ("peoples.tsv", _load_peoples),
    ("sectors.tsv", _load_sectors),
    ("leaders.tsv", _load_leaders),
    ("organisation_heads.tsv", _load_organisation_heads),
    ("cities.tsv", _load_cities),  # last: a city never hides a state, region, body or person of its name
    ("towns.tsv", _load_cities),  # and a town never hides a city
    ("words.tsv", _load_words),
    ("code_classes.tsv", _load_code_classes),
    ("references.tsv", _load_references),
)
# Rows imported from PETRARCH2's dictionaries (scripts/import_petrarch.py), read after detente's own files,
# whose names and phrases they never take over.
IMPORTED_LOADERS = (
    ("petrarch_organisations.tsv", _load_imported_organisations),
    ("petrarch_people.tsv", _load_imported_people),
    ("petrarch_sectors.tsv", _load_imported_sectors),
)
LOADERS = (*CURATED_LOADERS, *IMPORTED_LOADERS)


@lru_cache(maxsize=4)
def load_gazetteer(overlay: str | None = None) -> Gazetteer:
    """The shipped gazetteer, plus the files in `overlay` (or $DETENTE_GAZETTEER) on top."""
    overlay = overlay or os.environ.get(OVERLAY_ENV) or None
    gaz = Gazetteer()
    # some 100,000 names and rows, none of them garbage: collections over them would cost half the load
    with collector_paused():
        for directory in [DATA_DIR, *([Path(overlay)] if overlay else [])]:
            for filename, loader in LOADERS:
                path = directory / filename
                if path.exists():
                    loader(gaz, path)
                elif directory == DATA_DIR and filename == "countries.tsv":
                    raise LexiconError(Errors.E021.format(path=path))
    log.info("gazetteer: %d names, %d sector phrases", len(gaz.names), len(gaz.sectors))
    return gaz
