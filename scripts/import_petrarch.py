"""Convert PETRARCH2's Phoenix dictionaries into detente gazetteer files (docs/actors.md, SOURCES.md).

    python scripts/import_petrarch.py                       # from ../shared/dictionaries/petrarch2
    python scripts/import_petrarch.py --source DIR --out DIR
    python scripts/import_petrarch.py --people DIR          # also the people, as a gazetteer overlay

Reads the actor dictionaries (Phoenix.Countries, Phoenix.International, Phoenix.MilNonState) and the agent
dictionary (Phoenix.agents) and writes, into detente/actors/data/:

- petrarch_organisations.tsv: state bodies, IGOs, NGOs, companies and armed groups (the columns of
  organisations.tsv);
- petrarch_sectors.tsv: agent nouns with their PLOVER sector (the columns of sectors.tsv);

and, with --people DIR, into DIR:

- petrarch_people.tsv: named people with their dated roles, one row per CAMEO code and period (the
  columns of leaders.tsv, the CAMEO code as the role), an entry's undated default code first. It is not
  shipped: measured on the dev sets it resolved no event anew and lost one, so it is an overlay a user may
  add (DETENTE_GAZETTEER=DIR, docs/actors.md), not part of the default gazetteer.

Every row keeps the dictionary file and line it came from in its `source` column. CAMEO actor codes map
onto detente's model: the first three letters are the country (ISO 3166 alpha-3) or the non-state kind
(IGO, NGO, MNC, IMG); the first sector letters give the PLOVER sector (CAMEO MED "media" is PLOVER JRN, CAMEO
HLH "health" PLOVER MED). An IGO keeps CAMEO's organisation letters without the sector ones
("IGOUNOHLHWHO" -> "IGOUNOWHO"). Left out, and counted: single-word names that are English words, names
several entries claim, names detente's own files already give (its own rows win), codes of regions or
unknown countries, and malformed rows, each reported with its file and line. Runs offline.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE = ROOT.parent / "shared" / "dictionaries" / "petrarch2"
OUT = ROOT / "detente" / "actors" / "data"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

# CAMEO sector (agent) letters -> PLOVER sector. CAMEO MED was media and HLH health (PLOVER manual, "Sector
# code notes"); insurgents and separatists are PLOVER REB; CAMEO's religion letters are PLOVER REL; its
# human-rights, environment and development groups are civil society.
SECTOR_MAP = {
    **{s: s for s in "COP GOV JUD LEG MIL PRM PTY REB SPY UAF AGR BUS CRM CVL EDU ELI LAB REF OPP REL".split()},
    "MED": "JRN",
    "HLH": "MED",
    "INS": "REB",
    "SEP": "REB",
    **{s: "REL" for s in "MUS CHR JEW HIN BUD CTH PRO ORT SHI SUN JAN SIK BAH ZRO TAO SHN CON ITH".split()},
    **{s: "SOC" for s in "HRI ENV DEV NGM".split()},
}
# Letters CAMEO uses inside codes that are no organisation of their own: sectors, and issue letters.
SECTOR_LETTERS = frozenset(SECTOR_MAP) | {"MOD", "RAD"}
NON_STATE = ("IGO", "NGO", "MNC", "IMG")
# CAMEO country codes that are no longer ISO 3166 codes, to the successor state detente codes.
OLD_COUNTRIES = {"SUN": "RUS", "YUG": "SRB", "DDR": "DEU", "ZAR": "COD", "ROM": "ROU", "BUR": "MMR", "TMP": "TLS"}

# Words that begin a title in a name ("PRESIDENT_KARZAI_"): the title is not part of the person's name.
TITLES = frozenset(
    """president vice prime foreign defense defence finance interior minister secretary premier chancellor
    general gen. gen sir dr. dr mr. mr mrs. ms. acting soviet communist leader king queen prince sheikh
    chairman ambassador senator governor lt. col. colonel admiral captain judge justice""".split()
)
# Lower-case parts of transliterated and European names ("Bashar al-Assad", "Ursula von der Leyen").
PARTICLES = frozenset(
    "al el ad ar as ash at az an bin ibn bint abu de da di del della der den van von du le la dos das y".split()
)
SMALL_WORDS = frozenset("of the and for in on at to de du des la le el al y et a an by with from".split())
# Words that are in no person's name: a phrase with one is a description ("United States Secretary of State").
NOT_IN_NAMES = (
    (TITLES | SMALL_WORDS | {"former", "secretary-general"})
    - PARTICLES
    - {"sir", "sheikh", "prince", "king", "queen", "general", "justice"}
)
# A name with one of these words is a body, not a person.
BODY_WORDS = frozenset(
    """army forces force ministry party council assembly court police congress service services agency front
    movement committee parliament senate house guard guards bank university commission office department
    bureau organization organisation union association league brigade brigades group groups navy corps
    government cabinet tribunal institute federation news times television radio network company corporation
    corp inc ltd fund foundation society center centre authority administration mission alliance coalition
    board network program programme project cell cells faction squad battalion regiment militia network
    academy institution industries airlines group council church institute network directorate""".split()
)


@dataclass
class Entry:
    """One record of a PETRARCH actor dictionary: its phrases and its codes, each with its line."""

    path: str
    line: int
    phrases: list[tuple[str, int]] = field(default_factory=list)
    codes: list[tuple[str, str, str, int]] = field(default_factory=list)  # (code, start, end, line)
    person_hint: bool = False  # "# CountryInfo.txt": the CountryInfo list of office holders


@dataclass
class Report:
    """What was left out, by reason, with the file and line of each bad row."""

    left_out: Counter = field(default_factory=Counter)
    bad_rows: list[str] = field(default_factory=list)

    def bad(self, path: str, line: int, reason: str) -> None:
        self.bad_rows.append(f"{path}:{line}: {reason}")
        self.left_out["malformed row"] += 1


_CODE_CELL = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^\d{6}(\d{2})?$")


def _day(text: str) -> str:
    """A PETRARCH date (YYMMDD or YYYYMMDD) as YYYY-MM-DD; raises ValueError for a bad one."""
    if not _DATE.match(text):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:  # two-digit years: the data stops in 2014, so 00-30 are this century
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()


def parse_code(cell: str) -> tuple[str, str, str]:
    """A code cell ("AFGGOV 911008-920619", "USAGOV >010120", "AFGELI") as (code, start, end)."""
    parts = cell.split()
    if not parts or not re.fullmatch(r"[A-Z0-9~]+|---", parts[0]):
        raise ValueError(f"code {cell!r} is not a CAMEO code")
    code, restriction = parts[0], "".join(parts[1:])
    if not restriction:
        return code, "", ""
    if restriction.startswith(">"):
        return code, _day(restriction[1:]), ""
    if restriction.startswith("<"):
        return code, "", _day(restriction[1:])
    start, sep, end = restriction.partition("-")
    if not sep:
        raise ValueError(f"date restriction {restriction!r} is not <date, >date or date-date")
    return code, _day(start), _day(end)


def _codes(text: str, path: str, line: int, report: Report) -> list[tuple[str, str, str, int]]:
    found = []
    for cell in _CODE_CELL.findall(text):
        try:
            code, start, end = parse_code(cell.strip())
        except ValueError as error:
            report.bad(path, line, str(error))
            continue
        if code != "---":
            found.append((code, start, end, line))
    return found


def read_actors(path: Path, report: Report) -> list[Entry]:
    """The entries of an actor dictionary. Primary lines without codes that follow each other share the
    codes that come after them (as "LEONID_BREZHNEV_" and "LEONID_ILYICH_BREZHNEV" do)."""
    entries: list[Entry] = []
    current: Entry | None = None
    name = path.name
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        text, _, comment = raw.partition("#")
        if not text.strip():
            continue
        stripped = text.strip()
        if raw[:1] in " \t" and stripped.startswith("["):  # date restrictions of the current entry
            if current is None:
                report.bad(name, number, "codes before any actor")
                continue
            current.codes += _codes(stripped, name, number, report)
            continue
        phrase = stripped.split("[", 1)[0].strip()
        if stripped.startswith("+"):
            if current is None:
                report.bad(name, number, "synonym before any actor")
                continue
            current.phrases.append((phrase[1:].strip(), number))
            current.codes += _codes(stripped, name, number, report)
            continue
        if current is None or current.codes or not current.phrases:
            current = Entry(name, number)
            entries.append(current)
        current.phrases.append((phrase, number))
        current.codes += _codes(stripped, name, number, report)
        current.person_hint = current.person_hint or "CountryInfo" in comment
    for entry in entries:
        if not entry.codes:
            report.left_out["entry without a code"] += 1
    return [e for e in entries if e.codes]


# ---------------------------------------------------------------------------------------------- names


ROMAN = frozenset("II III IV V VI VII VIII IX X XI XII".split())


def _capitalise(word: str, acronyms: frozenset[str]) -> str:
    """One word of an upper-case PETRARCH phrase in newspaper case."""
    if word in acronyms or word in ROMAN or "." in word.strip(".") or not re.search(r"[AEIOUY]", word):
        return word  # "UN", "U.N.", "CPPCC", "Albert II"
    if "-" in word:
        return "-".join(_capitalise(part, acronyms) for part in word.split("-"))
    lower = word.lower()
    if lower.startswith("mc") and len(word) > 3:
        return "Mc" + lower[2:].capitalize()
    if re.match(r"^[a-z]'[a-z]", lower):  # O'Neill, D'Escoto
        return lower[:2].upper() + lower[2:].capitalize()
    return lower.capitalize()


def surface_forms(phrase: str, acronyms: frozenset[str], person: bool) -> list[str]:
    """The forms of a PETRARCH phrase a news text may use: "BASHAR_AL-ASSAD_" -> "Bashar Al-Assad" and
    "Bashar al-Assad"; "BAN_KI-MOON_" -> "Ban Ki-Moon" and "Ban Ki-moon"."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip("_ ").upper()) if w]
    if not words:
        return []
    cased = [_capitalise(w, frozenset() if person else acronyms) for w in words]  # "ABU" is "Abu" in a name
    if len(words) == 1 and not person:
        return list(dict.fromkeys([cased[0], words[0]] if len(words[0]) <= 6 else cased))  # "Duma", "DUMA"
    forms = [" ".join(cased)] if person else []  # a body's "of", "the" are lower case
    small = [c.lower() if i and c.lower() in (PARTICLES if person else SMALL_WORDS) else c for i, c in enumerate(cased)]
    small = [_particle_prefix(c) for c in small]
    forms.append(" ".join(small))
    if person:  # Korean given names: "Ki-moon", "Jong-un"
        forms.append(" ".join(re.sub(r"^([A-Z][a-z]{1,3})-([A-Z])([a-z]{1,3})$", _korean, c) for c in small))
    return list(dict.fromkeys(forms))


def _korean(match: re.Match) -> str:
    return f"{match.group(1)}-{match.group(2).lower()}{match.group(3)}"


def _particle_prefix(word: str) -> str:
    head, sep, rest = word.partition("-")
    if sep and head.lower() in PARTICLES and rest:
        return f"{head.lower()}-{rest}"  # "Al-Assad" -> "al-Assad"
    return word


def _strip_title(phrase: str, places: frozenset[str]) -> str:
    """The name without the titles and country words before it ("FOREIGN_MINISTER_ASHRAF_GHANI_" ->
    "ASHRAF_GHANI", "FORMER_SOVIET_LEADER_MIKHAIL_GORBACHEV" -> "MIKHAIL_GORBACHEV"): detente reads those
    itself. Empty when what is left is no name ("UNITED_STATES_SECRETARY_OF_STATE", "PRESIDENT_OF_THE_...")."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]
    while len(words) > 1:
        lead = next((k for k in (3, 2, 1) if " ".join(words[:k]).lower() in places), 0)
        if not lead and words[0].lower() in TITLES | {"former", "the", "of"}:
            lead = 1
        if not lead or lead >= len(words):
            break
        words = words[lead:]
    if {w.lower() for w in words} & NOT_IN_NAMES:
        return ""  # a title or "of" inside: a description, not a name
    return "_".join(words)


# ---------------------------------------------------------------------------------------------- codes


@dataclass(frozen=True)
class Code:
    """A CAMEO actor code in detente's model."""

    code: str  # ISO alpha-3, or IGO..., NGO, MNC, IMG
    sector: str
    country: str  # an NGO's or company's home state


def map_code(cameo: str, countries: frozenset[str], body: bool) -> Code | None:
    """detente's code, sector and home country of a CAMEO code; None for a region or unknown country."""
    chunks = [cameo[i : i + 3] for i in range(0, len(cameo), 3)]
    if not chunks or len(chunks[-1]) != 3:
        return None
    head, rest = chunks[0], chunks[1:]
    head = OLD_COUNTRIES.get(head, head)
    sectors = [SECTOR_MAP[c] for c in rest if c in SECTOR_MAP]
    home = next((c for c in rest if c in countries), "")
    sector = sectors[0] if sectors else ""
    if body and sectors[:1] == ["GOV"] and len(sectors) > 1 and sectors[1] in ("LEG", "JUD"):
        sector = sectors[1]  # CAMEO files a parliament or court under government: "USAGOVLEG" is the Senate
    if head in countries:
        return Code(head, sector, head)
    if head == "IGO":
        own = [c for c in rest if c not in SECTOR_LETTERS and c not in countries]
        return Code("IGO" + "".join(own), sector or "GOV", "")
    if head in ("NGO", "MNC"):
        return Code(head, sector or ("BUS" if head == "MNC" else "SOC"), home)
    if head == "IMG":
        return Code("IMG", "REB", "")
    return None


# ---------------------------------------------------------------------------------------------- filters


def common_words() -> frozenset[str]:
    """English words (the WordNet lemma index the pinned spaCy model ships): a one-word name that is one
    ("Senate", "Shell", "Ali") names too many other things to be read as this actor."""
    import spacy

    from detente.sentences.pipeline import MODEL_NAME

    lemmatizer = spacy.load(MODEL_NAME).get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index[pos])


@dataclass
class Curated:
    """What detente's own files give: an imported row never overrides it."""

    names: set[str]
    acronyms: frozenset[str]  # all-capital one-word names ("UN", "NATO")
    countries: frozenset[str]  # codes
    places: frozenset[str]  # lower-case names and demonyms of states ("american", "russia")
    sectors: dict[tuple[str, ...], str]
    owners: dict[str, frozenset[str]] = field(default_factory=dict)  # a name -> its codes; "" for a person


def curated_surfaces() -> Curated:
    """Names, acronyms, country codes, place words and sector phrases of detente's own files."""
    from detente.actors.gazetteer import CURATED_LOADERS, DATA_DIR, Gazetteer

    gaz = Gazetteer()
    for filename, loader in CURATED_LOADERS:
        loader(gaz, DATA_DIR / filename)
    acronyms = frozenset(s for s in gaz.names if s.isupper() and " " not in s and len(s.strip(".")) >= 2)
    state_kinds = ("country", "demonym", "people")
    places = frozenset(s.lower() for s, names in gaz.names.items() if any(n.kind in state_kinds for n in names))
    owners = {  # cities are read only after "in", "near" ...: a longer name over one is no override
        s: frozenset("" if n.kind == "person" else n.code for n in names if n.kind != "city")
        for s, names in gaz.names.items()
    }
    curated = Curated(set(gaz.names), acronyms, frozenset(gaz.country_names), places, dict(gaz.sectors))
    curated.owners = {s: codes for s, codes in owners.items() if codes}
    return curated


def _normal(surface: str) -> str:
    surface = " ".join(surface.replace("’", "'").split())
    return surface[4:] if surface.lower().startswith("the ") else surface


def _keep_surface(surface: str, words: frozenset[str], known: set[str], person: bool) -> str:
    """Why a surface form is left out, or "" to keep it."""
    if _normal(surface) in known or _normal(surface).lower() in known:
        return "name detente's own files give"
    tokens = surface.split()
    if person and len(tokens) == 1:
        # a bare surname or given name ("Khalid", "Mansour", "Cohen") is too often someone else's: detente
        # keeps one only where a curator judged it distinctive (leaders.tsv)
        return "one-word name of a person"
    if len(tokens) == 1:
        word = tokens[0]
        if word.lower() in words or len(word.strip(".")) < 4:
            return "one-word name that is an English word or too short"
    if not re.search(r"[A-Za-z]{2}", surface):
        return "no name"
    return ""


# ---------------------------------------------------------------------------------------------- rows


@dataclass
class Candidate:
    """A person or a body found in the dictionaries, before the ambiguity filter."""

    kind: str  # person | body
    forms: list[str]
    rows: list[tuple[Code, str, str, str]]  # (code, start, end, CAMEO code)
    source: str


def _is_person(entry: Entry) -> bool:
    """CountryInfo lists office holders; otherwise a word of the name says it is a body ("Supreme Soviet",
    "Islamic State of Iraq" carry dates too), dates that it is a person, and the country file lists people
    where the other files list bodies."""
    if entry.person_hint:
        return True
    words = set(re.split(r"[_\s\-]+", entry.phrases[0][0].lower()))
    if words & (BODY_WORDS | {"soviet", "state", "states", "of"}):
        return False
    return any(start or end for _, start, end, _ in entry.codes) or entry.path == ACTOR_FILES[0]


def candidates(entries: Iterable[Entry], curated: Curated, report: Report) -> Iterator[Candidate]:
    """People and bodies with their mapped codes; country names (a bare ISO code) are left to countries.tsv."""
    for entry in entries:
        person = _is_person(entry)
        rows = []
        for cameo, start, end, _line in entry.codes:
            code = map_code(cameo, curated.countries, body=not person)
            if code is None:
                report.left_out["code of a region or unknown country"] += 1
                continue
            if code.code in curated.countries and not code.sector:
                report.left_out["country name (countries.tsv has them)"] += 1
                continue
            rows.append((code, start, end, cameo))
        if not rows:
            continue
        phrases = [_strip_title(p, curated.places) if person else p for p, _ in entry.phrases]
        phrases = [p for p in phrases if p]
        forms = [f for p in phrases for f in surface_forms(p, curated.acronyms, person)]
        yield Candidate("person" if person else "body", list(dict.fromkeys(forms)), rows, f"{entry.path}:{entry.line}")


def _person_rows(candidate: Candidate) -> list[tuple[Code, str, str, str]]:
    """Undated default first, so that detente's pick (the last row in office) prefers a dated role."""
    rows = list(dict.fromkeys(candidate.rows))
    default = [r for r in rows if not r[1] and not r[2]][:1]  # PETRARCH: one default code
    dated = [r for r in rows if r[1] or r[2]]
    return default + dated


def _overrides(form: str, codes: set[str], owners: dict[str, frozenset[str]]) -> str:
    """Why a form would take over a name of detente's own files that begins it, or "". The longest name
    wins in the text, so "Salva Kiir Mayardit" would hide detente's "Salva Kiir" and "Kenya Airways" its
    "Kenya"; a body of the state it begins with ("Afghan National Army") agrees with it and stays."""
    tokens = form.split()
    for k in range(len(tokens) - 1, 0, -1):
        named = owners.get(_normal(" ".join(tokens[:k])))
        if named and ("" in named or not named & codes):
            return "longer name over a name of detente's own"
    return ""


def resolve_ambiguity(found: list[Candidate], words: frozenset[str], curated: Curated, report: Report) -> None:
    """Drop from every candidate the forms that are English words, detente's own or longer forms of them,
    or claimed by two candidates that disagree on who they are (the same rows twice are one candidate)."""
    owners: dict[str, set[tuple]] = defaultdict(set)
    for cand in found:
        identity = (cand.kind, tuple(sorted({(r[0].code, r[0].sector, r[1], r[2]) for r in cand.rows})))
        for form in cand.forms:
            owners[form].add(identity)
    for cand in found:
        kept = []
        for form in cand.forms:
            shared = "name of several actors" if len(owners[form]) > 1 else ""
            reason = (
                _keep_surface(form, words, curated.names, cand.kind == "person")
                or _overrides(form, {r[0].code for r in cand.rows}, curated.owners)
                or shared
            )
            if reason:
                report.left_out[reason] += 1
            else:
                kept.append(form)
        cand.forms = kept


def people_table(found: list[Candidate]) -> list[list[str]]:
    rows, seen = [], set()
    for cand in found:
        if cand.kind != "person" or not cand.forms:
            continue
        name, aliases = cand.forms[0], "|".join(cand.forms[1:])
        for code, start, end, cameo in _person_rows(cand):
            key = (name, code.code, code.sector, start, end)
            if key in seen:
                continue
            seen.add(key)
            rows.append([name, aliases, code.code, code.sector or "GOV", f"CAMEO {cameo}", start, end, cand.source])
    return rows


def organisations_table(found: list[Candidate]) -> list[list[str]]:
    rows, seen = [], set()
    for cand in found:
        if cand.kind != "body" or not cand.forms:
            continue
        # a body's code in effect last (PETRARCH dates some: the Islamic State's names changed)
        code = max(cand.rows, key=lambda r: (not r[2], r[2], r[1]))[0]
        if cand.forms[0] in seen:
            continue
        seen.add(cand.forms[0])
        country = code.code if code.code[:3] not in NON_STATE else code.country
        rows.append([cand.forms[0], "|".join(cand.forms[1:]), code.code, code.sector or "GOV", country, cand.source])
    return rows


# ---------------------------------------------------------------------------------------------- agents


def read_agents(path: Path, report: Report) -> Iterator[tuple[str, str, int]]:
    """(phrase, CAMEO agent code, line) of the agent dictionary, substitution markers expanded."""
    markers: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()
        if not text or text.startswith("<!--"):
            continue
        marker = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", text)
        if marker:
            markers[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        match = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]*)[\]}]", text)
        if not match:
            report.bad(path.name, number, f"agent row {text!r} is not PHRASE {{plural}} [~CODE]")
            continue
        phrase, plural, code = match.group(1), match.group(2), match.group(3).strip()
        used = re.search(r"![A-Z]+!", phrase)
        variants = [phrase.replace(used.group(0), w) for w in markers.get(used.group(0), [])] if used else [phrase]
        if plural and plural.strip("{}").strip():
            variants.append(plural.strip("{}").strip())
        for variant in variants:
            yield variant, code, number


def _head(words: tuple[str, ...]) -> str:
    """The head noun of a title: the word before its first preposition, else its last word."""
    cut = next((i for i, w in enumerate(words) if w in ("of", "for", "to", "on", "in") and i), len(words))
    return words[cut - 1]


def agents_table(path: Path, words_known: dict[tuple[str, ...], str], report: Report) -> list[list[str]]:
    rows, seen = [], set(words_known)
    head_sectors = {phrase[0]: sector for phrase, sector in words_known.items() if len(phrase) == 1}
    for phrase, code, line in read_agents(path, report):
        letters = code.strip("~")
        sector = SECTOR_MAP.get(letters[:3], "") if code.startswith("~") else ""
        if not sector or (sector == "REL" and letters[:3] != "REL"):  # "Muslim migrant" is no religious body
            report.left_out["agent code with no PLOVER sector"] += 1
            continue
        words = tuple(w.lower() for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w)
        if not words or words in seen or not all(re.fullmatch(r"[a-z][a-z'.\-]*", w) for w in words):
            report.left_out["agent phrase detente has, or not words"] += 1
            continue
        if len(words) == 1:
            # CAMEO agents are wider than PLOVER sectors ("actor" ELI, "village" CVL, "tanker" BUS,
            # "detainee" OPP): detente's own one-word nouns stand
            report.left_out["one-word agent noun"] += 1
            continue
        if head_sectors.get(_head(words)) != sector:
            # a title is kept where detente reads its head noun the same way ("minister of agriculture"
            # GOV); "oil tanker" BUS, "political prisoner" OPP, "opposition newspaper" OPP are CAMEO's
            report.left_out["agent title whose head noun detente reads otherwise"] += 1
            continue
        seen.add(words)
        rows.append([" ".join(words), sector, f"{path.name}:{line}"])
    return rows


# ---------------------------------------------------------------------------------------------- main

PEOPLE = "petrarch_people.tsv"
HEADERS = {
    "petrarch_people.tsv": ("name", "aliases", "country", "sector", "role", "start", "end", "source"),
    "petrarch_organisations.tsv": ("name", "aliases", "code", "sector", "country", "source"),
    "petrarch_sectors.tsv": ("phrase", "sector", "source"),
}
COMMENTS = {
    "petrarch_people.tsv": "People with their dated roles, from PETRARCH2's Phoenix actor dictionaries (MIT; see "
    "SOURCES.md). role is the CAMEO code; an undated row is the person's code outside the dated ones.",
    "petrarch_organisations.tsv": "Bodies, IGOs, NGOs, companies and armed groups from PETRARCH2's Phoenix actor "
    "dictionaries (MIT; see SOURCES.md).",
    "petrarch_sectors.tsv": "Agent nouns from PETRARCH2's Phoenix.agents.txt (MIT; see SOURCES.md), CAMEO agent "
    "codes mapped to PLOVER sectors.",
}


def write_table(path: Path, rows: list[list[str]]) -> None:
    header = HEADERS[path.name]
    lines = ["\t".join(header), f"# Generated by scripts/import_petrarch.py; do not edit. {COMMENTS[path.name]}"]
    lines += ["\t".join(cell.replace("\t", " ") for cell in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def convert(source: Path, out: Path, words: frozenset[str] | None = None, people_dir: Path | None = None) -> Report:
    """Read the dictionaries in `source`, write the organisations and agent titles into `out` and, when
    `people_dir` is given, the people there (they are not shipped: see the module docstring); returns what
    was left out."""
    report = Report()
    curated = curated_surfaces()
    words = common_words() if words is None else words
    entries = [e for name in ACTOR_FILES if (source / name).exists() for e in read_actors(source / name, report)]
    found = list(candidates(entries, curated, report))
    resolve_ambiguity(found, words, curated, report)
    out.mkdir(parents=True, exist_ok=True)
    if people_dir is not None:
        people_dir.mkdir(parents=True, exist_ok=True)
        write_table(people_dir / "petrarch_people.tsv", people_table(found))
    write_table(out / "petrarch_organisations.tsv", organisations_table(found))
    agents = source / AGENT_FILE
    write_table(out / "petrarch_sectors.tsv", agents_table(agents, curated.sectors, report) if agents.exists() else [])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the petrarch2 dictionary folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the organisations and agent titles")
    parser.add_argument(
        "--people", type=Path, help="also write petrarch_people.tsv here, for use as a gazetteer overlay"
    )
    args = parser.parse_args(argv)
    if not (args.source / ACTOR_FILES[0]).exists():
        print(f"no PETRARCH2 dictionaries in {args.source}")
        return 1
    report = convert(args.source, args.out, people_dir=args.people)
    for name in HEADERS:
        path = (args.people if name == PEOPLE else args.out) / name if args.people or name != PEOPLE else None
        if path is not None:
            count = sum(1 for line in path.read_text(encoding="utf-8").splitlines()[2:] if line)
            print(f"{name}: {count} rows")
    for reason, count in report.left_out.most_common():
        print(f"left out: {count:>6}  {reason}")
    for row in report.bad_rows:
        print(f"bad row: {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
