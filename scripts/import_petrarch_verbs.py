"""Import the verb patterns of PETRARCH2's CAMEO dictionary that detente's matcher can express.

    python scripts/import_petrarch_verbs.py                  # write detente/events/data/petrarch_verbs.tsv
    python scripts/import_petrarch_verbs.py --report         # also print what was skipped or pruned, and why
    python scripts/import_petrarch_verbs.py --dictionary CAMEO.txt --table CAMEO2PLOVER.txt --out FILE

The dictionary (../shared/dictionaries/petrarch2/CAMEO.2.0.txt, MIT) holds synonym sets (`&NAME`), then
verb blocks: a header `--- NAME [code] ---`, verb lines (`ASK [020]`, `+CALL_OFF [160]`) and pattern lines
(`- * (FOR {FINANCIAL AID}) [0231] # ASK`). A pattern becomes a verbs.tsv row when detente can say it: no
words before the verb, particles or prepositions on the verb, at most one object head (a word, a
`{NOUN PHRASE}`'s head, a small `&SET` written out, or an actor). The CAMEO code gives the PLOVER type and
mode through the CAMEO-to-PLOVER table, corrected where the PLOVER manual says otherwise (CAMEO_OVERRIDES).
What detente's own rows already code is left out (PETRARCH fills gaps, it does not overrule), and so are the
readings pruned by hand or by measurement (NO_PLAIN_READING, PRUNED_CODES, PRUNED_VERBS_BY_REASON,
PRUNED_READINGS_BY_REASON), each with its reason. docs/lexicon.md and detente/events/data/SOURCES.md describe the
result.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detente.events.lexicon import NOT_AN_EVENT, parse_verb_pattern  # noqa: E402
from detente.model import MODES  # noqa: E402
from detente.tables import read_tsv  # noqa: E402

SHARED = ROOT.parent / "shared"
DICTIONARY = SHARED / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
TABLE = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"
DATA = ROOT / "detente" / "events" / "data"
OUT = DATA / "petrarch_verbs.tsv"

# Words that, standing on their own after the verb, hang on it as particles or prepositions ("SET OFF").
PARTICLES = frozenset(
    """about across after against as ahead along among apart around aside at away back before behind between by
    down for forward from in into off on onto out over through to together toward towards under up upon
    with within without""".split()
)
ARTICLES = frozenset({"a", "an", "the"})
# Words an object head cannot be: PETRARCH writes conjunctions and adverbs where a noun would go.
NOT_NOUNS = frozenset("and or but not inside outside alongside amid during until".split())
# Comments that sign a pattern rather than name its verb (coders' initials).
CODER_TAGS = frozenset("OY HUX JW PAS SLS JON CTA MLEH LRP BNL ATS ELH".split())
# A synonym set this large is a topic, not a word list: written out only when detente has the same class.
SMALL_SET = 20
LARGE_SETS = {"WEAPON": "@weapon"}  # objects.tsv classes that say what these PETRARCH sets say (written out)
# Members of PETRARCH's sets too general to stand for the set on their own ("yielded results" for &SOLUTION,
# "person" for DISPLACED_PERSON in &REFUGEE, "fire" for CEASE_FIRE in &CEASEFIRE).
GENERIC_MEMBERS = frozenset(
    """answer result closure ground cause part point detail fact news update info area areas center community
    person public rich poor mass folk subject follower service house fire""".split()
)
# Modifiers that turn a phrase's head into something else: a mock attack is no attack.
NEGATING_MODIFIERS = frozenset({"mock", "fake", "false", "no", "non", "simulated"})
# Verb heads that are no base form: PETRARCH lists the inflected phrase ("+IS_DETERMINED", "+ANGERED_BY").
NOT_LEMMAS = frozenset({"is", "are", "was", "were", "be", "been", "has", "had", "angered", "overthrew"})

# Where the PLOVER manual contradicts the CAMEO-to-PLOVER table (or the table names a mode the manual no longer
# has), the manual wins: code -> (type, mode, why). docs/lexicon.md lists the same choices for detente's rows.
CAMEO_OVERRIDES: dict[str, tuple[str, str, str]] = {
    "055": ("CONCEDE", "", "manual CONCEDE: expressions of regret or remorse"),
    "0813": ("CONCEDE", "", "manual CONCEDE: removing curfews"),
    "0814": ("CONCEDE", "", "manual CONCEDE: easing of administrative restrictions"),
    "0874": ("RETREAT", "withdraw", "manual RETREAT withdraw: withdraw forces; the patterns pull troops back"),
    "0842": ("RETREAT", "release", "manual RETREAT: return of confiscated property; 'return' is no mode"),
    "085": ("RETREAT", "", "'ease' is no longer a mode (table note)"),
    "105": ("REQUEST", "yield", "manual REQUEST yield: release, ending sanctions, ceasefires"),
    "112": ("ACCUSE", "allege", "manual ACCUSE allege: formally or informally accuse"),
    "116": ("SANCTION", "convict", "manual SANCTION convict: find guilty or liable"),
    "124": ("REJECT", "yield", "manual REJECT yield: declining to yield"),
    "1241": ("REJECT", "yield", "manual REJECT yield: declining to ease restrictions"),
    "1242": ("REJECT", "yield", "manual REJECT yield: declining to ease dissent"),
    "132": ("THREATEN", "restrict", "'ban' is no THREATEN mode; administrative sanctions restrict"),
    "1321": ("THREATEN", "restrict", "'political' is no THREATEN mode"),
    "1322": ("THREATEN", "restrict", "'ban' is no THREATEN mode"),
    "143": ("PROTEST", "strike", "manual PROTEST strike: abandoning workplaces; boycotts are coded apart"),
    "161": ("SANCTION", "discontinue", "manual SANCTION discontinue: break diplomatic exchanges"),
    "163": ("SANCTION", "discontinue", "manual SANCTION discontinue: international sanctions"),
    "1712": ("ASSAULT", "destroy", "manual ASSAULT destroy; 'seize' is no ASSAULT mode"),
    "1722": ("COERCE", "restrict", "manual COERCE restrict: banning from political life"),
    "175": ("ASSAULT", "", "'pro_autocracy' is a context, not a mode"),
    "183": ("ASSAULT", "explosives", "manual ASSAULT explosives: car bombs, IEDs"),
    "185": ("ASSAULT", "targeted", "manual ASSAULT targeted: attempted assassinations"),
    "186": ("ASSAULT", "targeted", "manual ASSAULT targeted: assassinations"),
    "195": ("ASSAULT", "aerial", "manual ASSAULT aerial: aircraft"),
    "200": ("ASSAULT", "targeted", "manual ASSAULT targeted: mass killings of the defenceless"),
    "201": ("ASSAULT", "", "'cleansing' is no longer a mode"),
    "202": ("ASSAULT", "targeted", "manual ASSAULT targeted: mass killings of the defenceless"),
    "203": ("ASSAULT", "", "'cleansing' is no longer a mode"),
}


@dataclass(frozen=True)
class Verb:
    """One verb line of a block: its lemma, the particles or object its phrase carries, its own code."""

    lemma: str
    particles: tuple[str, ...]
    objects: frozenset[str]
    code: str  # "" when the line has none (the block's code applies)
    forms: frozenset[str]  # as written and inflected, to match the comment of a pattern ("PULLED_OUT")
    line: int


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[int, str, str, str]] = field(default_factory=list)  # line, body, code, comment


@dataclass(frozen=True)
class Row:
    """One imported pattern before merging: what detente's matcher needs, the event, and where it came from."""

    type: str
    mode: str
    lemma: str
    particles: tuple[str, ...]
    objects: frozenset[str]
    code: str
    line: int
    phrase: bool = False  # the object came from a {NOUN PHRASE} whose modifiers detente cannot check


class Unexpressible(ValueError):
    """A pattern detente's matcher cannot say; the message says why."""


# ---- reading the dictionary ----------------------------------------------------------------------------


def _strip_comment(text: str) -> tuple[str, str]:
    body, _, comment = text.partition("#")
    return body.strip(), comment.strip()


def read_dictionary(lines: list[str]) -> tuple[dict[str, list[str]], list[Block]]:
    """The synonym sets (name -> member phrases) and the verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current: list[str] | None = None
    for number, raw in enumerate(lines, start=1):
        body, comment = _strip_comment(raw.rstrip("\n"))
        if raw.startswith("---"):
            header = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", raw)
            if header:
                blocks.append(Block(header[1], header[2].strip(), number))
                current = None
        elif not body or body.startswith("~"):
            continue
        elif body.startswith("&") and not blocks:
            current = synsets.setdefault(body.split()[0][1:], [])
        elif body.startswith("+") and not blocks and current is not None:
            current.append(body[1:].split()[0])
        elif body.startswith("-") and blocks:
            pattern = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*$", body)
            if pattern:
                blocks[-1].patterns.append((number, pattern[1], pattern[2].strip(), comment))
        elif blocks:
            verb = _verb_line(body, number)
            if verb is not None:
                blocks[-1].verbs.append(verb)
    return synsets, blocks


def _verb_line(body: str, number: int) -> Verb | None:
    """A verb line: `WORD`, `WORD {FORMS}`, `+PHRASAL_VERB {FORMS}` with an optional `[code]`; None for a
    phrase with words before its verb ("WIRE_+TAP") or an inflected head ("+KILLED_AND {}")."""
    match = re.match(r"(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", body)
    if match is None:
        return None
    word, listed, code = match[1].lstrip("+"), match[2], (match[3] or "").strip()
    words = [w.lower() for w in word.split("_") if w]
    inflected = listed is not None and not listed.strip() and words and words[0].endswith("ed")
    if "+" in word or not words or words[0] in NOT_LEMMAS or inflected or not re.fullmatch(r"[a-z-]+", words[0]):
        return None
    particles = tuple(w for w in words[1:] if w in PARTICLES)
    rest = [w for w in words[1:] if w not in PARTICLES]
    if len(rest) > 1 or (rest and words[-1] != rest[0]):
        return None  # "+SET_IN_MOTION", "+GET_HOLD_OF": more than a verb, its particles and one object
    forms = {word.upper(), *(f.strip(",+").upper() for f in (listed or "").split())}
    tail = word[len(words[0]):].upper()
    forms |= {f + tail for f in _inflections(words[0].upper())}
    return Verb(words[0], particles, frozenset(_singular(w) for w in rest), code, frozenset(forms - {""}), number)


def _inflections(verb: str) -> set[str]:
    """The regular forms PETRARCH makes of a verb, which pattern comments use ("PULLED_OUT", "WENT_TO" is listed)."""
    stem = verb[:-1] if verb.endswith("E") else verb
    double = verb + verb[-1] if re.search(r"[^AEIOU][AEIOU][BDGMNPRT]$", verb) else verb
    return {verb, verb + "S", verb + "ES", stem + "ED", stem + "ING", double + "ED", double + "ING",
            verb[:-1] + "IES" if verb.endswith("Y") else verb, verb[:-1] + "IED" if verb.endswith("Y") else verb}


# ---- patterns -------------------------------------------------------------------------------------------


def _singular(word: str) -> str:
    """The lemma of a plural noun as spaCy gives it ("troops" -> "troop"), plainly: the words are few."""
    word = word.lower().strip("_")
    irregular = {"knives": "knife", "people": "people", "police": "police"}
    if word in irregular:
        return irregular[word]
    if word.endswith("men"):  # "servicemen", "infantrymen"
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "ws")) and len(word) > 3:
        return word[:-1]
    return word


def _head(phrase: str) -> str:
    """The head word of a synonym phrase: the last word, or the word before 'of' ("WEAPONS_OF_MASS_...")."""
    words = [w for w in phrase.lower().strip("_").split("_") if w]
    if "of" in words[1:]:
        words = words[: words.index("of")]
    return _singular(words[-1])


def _set_members(name: str, synsets: dict[str, list[str]]) -> frozenset[str]:
    if name in LARGE_SETS:
        return frozenset({LARGE_SETS[name]})
    if name not in synsets:
        raise Unexpressible(f"undefined set &{name}")
    if len(synsets[name]) > SMALL_SET:
        raise Unexpressible(f"set &{name} too large ({len(synsets[name])})")
    return frozenset(_head(m) for m in synsets[name]) - GENERIC_MEMBERS


def _object(words: list[str], synsets: dict[str, list[str]], collective: frozenset[str]) -> tuple[frozenset[str], bool]:
    """The object lemmas of a word, a {PHRASE} or a &SET (and whether modifiers were dropped)."""
    words = [w for w in words if w.lower() not in ARTICLES]
    if not words:
        return frozenset(), False
    if any(w in ("$", "%") for w in words):
        raise Unexpressible("an actor slot after the verb ($, %): roles detente cannot place")
    if words == ["+"]:
        return frozenset({"@actor"}), False
    if words == ["^"]:
        return frozenset(), False
    modifiers, head = words[:-1], words[-1]
    if any(m.lower() in NEGATING_MODIFIERS for m in modifiers):
        raise Unexpressible(f"modifier that changes the head: {' '.join(words)}")
    if _singular(head) in collective and modifiers and not modifiers[-1].startswith("&"):
        head, modifiers = modifiers[-1], modifiers[:-1]  # "{SUPPORT EFFORTS}": detente matches "support"
    if head.startswith("&"):
        return _set_members(head[1:], synsets), bool(modifiers)
    heads = [_head(h) for h in head.split("/")]  # "BOMBING/EXPLOSION", "SUICIDE_ATTACK"
    if not all(re.fullmatch(r"[a-z][a-z'-]+", h) for h in heads) or any(h in NOT_NOUNS | PARTICLES for h in heads):
        raise Unexpressible(f"object {head!r} is no noun")
    return frozenset(heads), bool(modifiers)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\([^()]*\)|\{[^}]*\}|\S+", text)


def constraints(
    body: str, synsets: dict[str, list[str]], collective: frozenset[str] = frozenset()
) -> list[tuple[tuple[str, ...], frozenset[str], bool]]:
    """What a pattern body asks of the verb, as detente can say it: (particles, object lemmas, whether a
    phrase's modifiers were dropped), one per preposition alternative ("(IN/ON X)"); Unexpressible if not."""
    before, star, after = body.partition("*")
    if not star:
        raise Unexpressible("no verb position (*)")
    if before.strip():
        raise Unexpressible("words before the verb (subject constraints)")
    particles: list[list[str]] = [[]]
    objects: frozenset[str] = frozenset()
    dropped = slots = 0
    for token in _tokens(after):
        if token.startswith("("):
            inner = token[1:-1].split(None, 1)
            if not inner:
                continue
            preps = inner[0].lower().split("/")
            if not all(p in PARTICLES for p in preps):
                # "of" is left out too: it hangs on the object ("stripped him of his citizenship"), where detente's
                # particles never look (docs/lexicon.md)
                raise Unexpressible(f"{inner[0]!r} is no preposition on the verb")
            particles = [p + [prep] for p in particles for prep in preps]
            found, lost = _object(_words(inner[1]) if len(inner) > 1 else [], synsets, collective)
        elif token.lower() in PARTICLES or re.fullmatch(r"[A-Z]+LY", token):
            # "SET OFF", and adverbs, which detente counts among the verb's particles ("intervene militarily")
            particles = [p + [token.lower()] for p in particles]
            continue
        else:
            found, lost = _object(_words(token), synsets, collective)
        if found:
            slots += 1
            objects, dropped = found, dropped or lost
    if slots > 1:
        raise Unexpressible("two object heads (detente checks one)")
    return [(tuple(p), objects, bool(dropped)) for p in particles]


def _words(text: str) -> list[str]:
    """The words of an object: `{FINANCIAL AID}` -> [FINANCIAL, AID]; `&SET` and `WORD` stay whole."""
    text = text.strip()
    if text.startswith("{"):
        return text.strip("{}").split()
    parts = _tokens(text)
    if len(parts) > 1 and not parts[0].startswith("{"):
        raise Unexpressible(f"several words without braces: {text!r}")
    return [w for p in parts for w in (p.strip("{}").split() if p.startswith("{") else [p])]


# ---- CAMEO codes ----------------------------------------------------------------------------------------


def read_table(lines: Iterable[str]) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from the CAMEO-to-PLOVER table, with the manual's corrections; a
    mode that is no PLOVER mode of its type (the table predates the manual's mode tables) is dropped."""
    table: dict[str, tuple[str, str]] = {}
    for line in lines:
        match = re.match(r"(\d{2,4}):\s*([A-Z]+)\s*,?\s*([^,#]*)", line)
        if match is None or len(match[1]) == 2:
            continue
        event_type, mode = match[2], match[3].strip()
        table[match[1]] = (event_type, mode if mode in MODES.get(event_type, ()) else "")
    for code, (event_type, mode, _why) in CAMEO_OVERRIDES.items():
        table[code] = (event_type, mode)
    return table


def plover(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The PLOVER type and mode of a PETRARCH code ("042:043" is the first actor's 042; "---" is NONE)."""
    first = code.split(":")[0].strip().rstrip("!")
    if first == "---":
        return (NOT_AN_EVENT, "")
    while first and first not in table:
        first = first[:-1] if len(first) > 3 else ""  # a 4-digit code the table lacks takes its 3-digit one
    return table.get(first)


# ---- from blocks to rows --------------------------------------------------------------------------------


def _targets(block: Block, comment: str) -> list[Verb]:
    """The verbs a pattern applies to. Its comment names the verb it was written for (TABARI's patterns were
    one verb's: "- * STRIKE [143] # STAGE" is not meant for "post a strike"); a pattern with no verb named
    goes to the verb the block is named after and the verbs with a code of their own, not to every WordNet
    synonym ("- * &LEADER [185]" in the HURT block is no reading of "tarnish")."""
    named = {w.upper() for w in re.findall(r"[A-Za-z_+-]+", comment)}
    chosen = [v for v in block.verbs if v.forms & named]
    if chosen:
        return chosen
    first = comment.split()[0] if comment.split() else ""
    if re.fullmatch(r"[A-Z][A-Z_-]{2,}", first) and first not in CODER_TAGS:
        return []  # it names a verb this block does not have
    return [v for v in block.verbs if v.code or block.name.upper() in v.forms]


def block_rows(block: Block, synsets: dict[str, list[str]], table: dict[str, tuple[str, str]],
               collective: frozenset[str], skipped: Counter) -> Iterator[Row]:
    """The rows of one verb block: each verb alone (by its own code or the block's), then each pattern."""
    for verb in block.verbs:
        event = plover(verb.code or block.code, table)
        if event is None or event[0] == NOT_AN_EVENT:
            skipped["verb alone codes no PLOVER event"] += 1
            continue
        if not (verb.code or block.name.upper() in verb.forms or verb.particles or verb.objects):
            # The block's code on a WordNet synonym ("give" in the AID block) is no reading of the verb alone.
            skipped["synonym without a code of its own (the block's code)"] += 1
            continue
        yield Row(*event, verb.lemma, verb.particles, verb.objects, verb.code or block.code, verb.line)
    for line, body, code, comment in block.patterns:
        event = plover(code, table)
        if event is None:
            skipped[_no_type(code)] += 1
            continue
        try:
            readings = constraints(body, synsets, collective)
        except Unexpressible as why:
            skipped[str(why).split(":")[0]] += 1
            continue
        targets = _targets(block, comment)
        if not targets:
            skipped["the comment names a verb the block does not have"] += 1
        for particles, objects, phrase in readings:
            for verb in targets:
                if verb.objects and objects:
                    skipped["two object heads (detente checks one)"] += 1
                    continue
                words = tuple(dict.fromkeys(verb.particles + particles))  # "SIT_DOWN_WITH" with "(WITH ...)"
                yield Row(*event, verb.lemma, words, verb.objects | objects, code, line, phrase)


def _no_type(code: str) -> str:
    if code.startswith(":"):
        return "a code for the other party only (:NNN): roles detente cannot reverse"
    if code[:2] in ("01", "02"):
        return "CAMEO 01 (statements) and 02 (appeals), which PLOVER drops"
    return "a code the CAMEO-to-PLOVER table lacks"


def merge(rows: Iterable[Row], skipped: Counter) -> dict[tuple[str, tuple[str, ...], str], list[Row]]:
    """One reading per verb, particles and object word: a pattern's own word beats the head of a phrase
    whose modifiers were dropped; readings of different types cancel out; two modes keep none."""
    readings: dict[tuple[str, tuple[str, ...], str], list[Row]] = defaultdict(list)
    for row in rows:
        for word in sorted(row.objects) or [""]:
            readings[(row.lemma, row.particles, word)].append(row)
    chosen: dict[tuple[str, tuple[str, ...], str], list[Row]] = {}
    for key, found in readings.items():
        plain = [r for r in found if not r.phrase] or found
        if len({r.type for r in plain}) > 1:
            skipped["readings of different types for one verb and object"] += 1
            continue
        # One mode when the codes name one, or one and their parent's ("arrive for +talk": 042 visit, 046 none);
        # none when a dropped modifier carried it: {CHEMICAL WEAPONS} is unconventional, plain weapons not.
        modes = {r.mode for r in plain} - {""}
        mode = modes.pop() if len(modes) == 1 and not plain[0].phrase else ""
        chosen[key] = [Row(r.type, mode, *key[:2], frozenset({key[2]} - {""}), r.code, r.line) for r in plain]
    return chosen


# ---- against detente's own lexicon ----------------------------------------------------------------------


@dataclass
class Own:
    """What detente's own files say about verbs: verbs.tsv's object words and plain rows by verb and particles,
    its rows in the order they are tried, and the pass-through and light verbs, event nouns, object classes."""

    words: dict[tuple[str, tuple[str, ...]], set[str]] = field(default_factory=lambda: defaultdict(set))
    plain: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)
    passing: set[str] = field(default_factory=set)  # transparent.tsv and light_verbs.tsv lemmas
    transparent: set[str] = field(default_factory=set)  # transparent.tsv lemmas
    collective: frozenset[str] = frozenset()
    classes: dict[str, set[str]] = field(default_factory=dict)  # objects.tsv
    event_nouns: set[str] = field(default_factory=set)  # nouns.tsv lemmas: the noun codes its own event
    # lemma -> (particles, object words, type) of its rows without a to-clause, in the order detente tries them
    rows: dict[str, list[tuple[tuple[str, ...], set[str], str]]] = field(default_factory=lambda: defaultdict(list))

    def fallback(self, lemma: str, particles: tuple[str, ...], word: str) -> str:
        """The type detente's own rows give the verb with these particles and object ("" if none fits)."""
        for own_particles, words, event_type in self.rows.get(lemma, ()):
            if set(own_particles) <= set(particles) and (not words or word in words):
                return event_type
        return ""


def read_own(data: Path = DATA) -> Own:
    """detente's verb rows (classes written out), to leave out what they already cover."""
    classes: dict[str, set[str]] = defaultdict(set)
    for _, row in read_tsv(data / "objects.tsv", ("class", "nouns")):
        classes[row["class"].lstrip("@")] |= {n.strip().lower() for n in row["nouns"].split("|") if n.strip()}
    own = Own(classes=classes)
    ranked: dict[str, list[tuple[int, tuple[str, ...], set[str], str]]] = defaultdict(list)
    for _, row in read_tsv(data / "verbs.tsv", ("type", "mode", "pattern")):
        lemma, particles, objects, complements = parse_verb_pattern(row["pattern"])
        own.lemmas.add(lemma)
        if complements:
            continue  # a to-clause row never shares a trigger with an imported row, which has none
        words = {w for o in objects for w in (classes[o[1:]] if o.startswith("@") and o != "@actor" else {o})}
        own.words[(lemma, particles)] |= words
        if not objects:
            own.plain.add((lemma, particles))
        specificity = (2 if objects - {"@actor"} else 1 if objects else 0) + len(particles)
        ranked[lemma].append((specificity, particles, words, row["type"]))
    for lemma, rows in ranked.items():  # most specific first, in file order (Lexicon.add)
        own.rows[lemma] = [r[1:] for r in sorted(rows, key=lambda r: -r[0])]
    own.event_nouns = {row["lemma"].split()[-1] for _, row in read_tsv(data / "nouns.tsv", ("lemma",))}
    own.transparent = {row["lemma"] for _, row in read_tsv(data / "transparent.tsv", ("lemma",))}
    for name in ("transparent.tsv", "light_verbs.tsv"):
        own.passing |= {row["lemma"].split()[0] for _, row in read_tsv(data / name, ("lemma",))}
    for _, row in read_tsv(data / "words.tsv", ("class", "words")):
        if row["class"] == "collective-head":
            own.collective = frozenset(w.strip() for w in row["words"].split("|"))
    return own


def _classes_written_out(chosen: dict, own: Own) -> dict:
    """An objects.tsv class (&WEAPON is @weapon) as its nouns, so that each is checked against detente's rows."""
    out: dict = {}
    for (lemma, particles, word), rows in chosen.items():
        members = own.classes.get(word[1:], {word}) if word.startswith("@") and word != "@actor" else {word}
        for member in sorted(members):
            out.setdefault((lemma, particles, member), rows)
    return out


def new_to_detente(chosen: dict, own: Own, skipped: Counter) -> dict:
    """The readings detente's own rows do not already give, and none that would change how they work: a word
    already listed for the verb and particles would never be reached (and the lexicon tests refuse it)."""
    kept = {}
    for (lemma, particles, word), rows in _classes_written_out(chosen, own).items():
        if (word and word in own.words.get((lemma, particles), ())) or (not word and (lemma, particles) in own.plain):
            skipped["already in verbs.tsv"] += 1
        elif lemma in own.transparent:
            skipped["a pass-through verb of transparent.tsv: its to-clause codes ('planned elections')"] += 1
        elif not word and (lemma in own.lemmas or lemma in own.passing):
            # detente gives these verbs object lists on purpose ("release" codes only with people as object),
            # hands them to their to-clause ("decide") or lets their object noun code ("stage a protest")
            skipped["no object, for a verb of verbs.tsv, transparent.tsv or light_verbs.tsv"] += 1
        elif own.fallback(lemma, particles, word):
            # detente's rows already code this verb with this object: PETRARCH fills gaps, it does not overrule
            # ("denounced the detention" stays ACCUSE, not CAMEO's support of the detained; "killed civilians"
            # keeps the mode of the weapon named rather than the CAMEO code's)
            skipped["detente's own rows already code the verb with this object"] += 1
        elif word in own.event_nouns:
            # The noun is the event, coded when its phrase names the actor; the verb says what the subject did
            # about it ("reported an attack", "foiled an assassination", "was hurt in an attack"), or is a light
            # verb whose noun codes already ("started a hunger strike").
            skipped["an event noun of nouns.tsv as object: the noun codes its own event"] += 1
        elif "by" in particles:
            skipped["a by-phrase: the subject is the one acted on ('hit by a bullet')"] += 1
        elif rows[0].type == NOT_AN_EVENT and lemma in own.lemmas:
            skipped["NONE row for a verb of verbs.tsv (it would stop detente's own reading)"] += 1
        else:
            kept[(lemma, particles, word)] = rows
    events = {lemma for (lemma, _, _), rows in kept.items() if rows[0].type != NOT_AN_EVENT}
    return {k: r for k, r in kept.items() if r[0].type != NOT_AN_EVENT or k[0] in events}


# ---- pruning: readings left out after reading them, or after measuring them --------------------------------

# Read one by one: verbs (with their particles) whose reading without an object is no political event, or not
# the one the CAMEO code gives, in wire copy. Their rows with an object stay.
NO_PLAIN_READING: dict[str, str] = {
    "a feeling or a state of mind, not an act toward anyone": "despair dismay disgrace rejoice bless",
    "a speech or thought verb: what is said decides the event": "affirm reassert determine strive revive",
    "mostly not political: sport, economy, health, accidents": "hurt rip wrestle square stamp die dynamite",
    "complying is yielding to a demand (CONCEDE), not the table's intent to cooperate (AGREE)": "comply",
    "an ordinary word for routine acts": "monitor glance assemble cable communicate debate dock hear notify "
    "run link merge enact enlist involve tie drum disturb provoke delay decree abort betray disassociate "
    "disrupt undermine influence endanger stabilise intervene impel extract abstain compromise get hash "
    "gear bridle intrude spy",
}
# CAMEO code prefix -> why its rows are left out.
PRUNED_CODES: dict[str, str] = {
    "0331": "CAMEO's intents of aid and leadership change here are elections and budgets ('held elections')",
    "0341": "CAMEO's intents of aid and leadership change here are elections and budgets ('held elections')",
}
# Read row by row: verbs whose imported rows report someone else's act, a state of affairs, a document's
# content or a domestic appointment, not an act of the subject toward a recipient. why -> verbs.
PRUNED_VERBS_BY_REASON: dict[str, str] = {
    "the subject is the victim, witness or reporter of the act, not its actor ('died in fighting', "
    "'was hurt in an explosion', 'appeared in court', 'identified the hostages', 'received a welcome')": "die hurt "
    "identify report hear witness appear receive find believe regard view quote celebrate cheer suffer",
    "a state of affairs, not an act ('remained neutral', 'headed for deadlock', 'enjoy ties')": "remain enjoy "
    "reap divide embroil collapse head reach strain involve",
    "a statement or a text whose content decides the event ('issued a statement', 'announced measures', "
    "'underlined the need')": "issue announce underline stress highlight present submit broadcast publish "
    "distribute outline draft adopt mark review restate reaffirm reiterate fuel spark raise",
    "appointments, elections and promotions at home: no act toward a recipient ('appointed a minister')": "appoint "
    "pick elect promote win lead name",
    "a general verb whose CAMEO code comes from its object's topic ('took part', 'took measures', 'gave notice')":
    "take make put get go set exercise construct benefit save create play",
}
PRUNED_VERBS: dict[str, str] = {v: why for why, verbs in PRUNED_VERBS_BY_REASON.items() for v in verbs.split()}
# Read row by row: single readings whose CAMEO code is no PLOVER event of that type in wire copy. why -> the
# readings, written as patterns ("verb particles +objects"; without objects, every object of the verb).
PRUNED_READINGS_BY_REASON: dict[str, str] = {
    "no act toward anyone, or not the CAMEO code's ('avoided a crisis', 'reduced tension', 'held a poll')": """
        advise; apprise; assess; summit; rule; wipe on; claim; confirm; question; shot; avoid +crisis; boost +link;
        hold +achievement|poll|table; open +opportunity|point|bridge|debate; order +reform|right|retrial|envoy;
        order +emergency|permission|investigate|resolution|solution; return to; reverse; send +minister|trade;
        fulfill; decree; arrive from with; demonstrate +agenda|outline|program|programme|schema|scheme;
        increase +budget|activity|strength; launch +service|system|agenda|mission|outline|peace|program;
        launch +programme|schema|scheme|workshop|looting; plunge; postpone; stabilise; use +passport; combat;
        provoke; stage; target of; cut +tape; drop; give +right|notice|term|response; pass; resolve; yield;
        give +army|battalion|brigade|force|infantryman|marine|military|navy|paratrooper|reserve|soldier|troop;
        give +serviceman|servicemember; remove +reserve|serviceman|servicemember|soldier;
        address back; call to; reduce +tension; admit as; declare +decision|independence|winner;
        hunt +gunman|link; invoke; search for +information|intelligence; upgrade; open +college|cooperat|trade;
        frustrate; assemble; voice +dissent; enter +zone; deliver +blow; heighten; violate +solution|zone;
        abandon +policy|party|role; extend +mandate|resolution|solution; fight for; impose +condition|regulation;
        institute; introduce; allow +home; dismantle; ease +rocket; lift +resolution|solution; send back; base;
        delay; disagree on; order to +close; respect; endanger; apply to; confront; change +stand; found;
        intervene in; remove +army|battalion|brigade|force|infantryman|marine|military|navy|paratrooper|troop;
        stop +deport; provoke +celebration; rule in; save; walk; force +police; tighten +grip; toughen;
        recommend +penalty; maintain +force; explode +rocked""",
    "measured on detente's gold (working half): mostly a passive background state whose taker is not named "
    "('tourists held hostage in Burkina Faso')": "hold +hostage",
}
PRUNED_READINGS: dict[tuple[str, tuple[str, ...]], list[tuple[frozenset[str], str]]] = defaultdict(list)
for _why, _specs in PRUNED_READINGS_BY_REASON.items():
    for _spec in _specs.split(";"):
        _lemma, _particles, _objects, _ = parse_verb_pattern(_spec.strip())
        PRUNED_READINGS[(_lemma, _particles)].append((_objects, _why))


def prune_reason(lemma: str, particles: tuple[str, ...], word: str, code: str) -> str:
    """Why a reading is pruned ("" when it is kept)."""
    if lemma in PRUNED_VERBS:
        return f"verb {lemma}: {PRUNED_VERBS[lemma]}"
    for objects, why in PRUNED_READINGS.get((lemma, particles), ()):
        if not objects or word in objects:
            return f"{' '.join((lemma, *particles))} +{word}: {why}"
    plain = next((why for why, verbs in NO_PLAIN_READING.items() if lemma in verbs.split()), "")
    if plain and not word:
        return f"{lemma} without an object: {plain}"
    family = next((p for p in sorted(PRUNED_CODES, key=len, reverse=True) if code.startswith(p)), None)
    return f"code {family}: {PRUNED_CODES[family]}" if family else ""


# ---- writing ----------------------------------------------------------------------------------------------

HEADER = """\
# Verb patterns imported from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, Copyright (c) 2015 Open Event
# Data Alliance, MIT licence: PETRARCH2-LICENSE.txt; SOURCES.md). Written by scripts/import_petrarch_verbs.py:
# change the script or verbs.tsv and run it again, do not edit this file. Columns as verbs.tsv (docs/lexicon.md);
# imported rows have no example sentence, and `source` gives the dictionary lines and CAMEO codes of each row.
# Loaded after verbs.tsv: at equal specificity detente's own rows are tried first.
type\tmode\tpattern\tcomplement\tcontext\texample\tsource
"""


def grouped(chosen: dict, skipped: Counter) -> list[tuple[str, str, str, str, str]]:
    """(type, mode, lemma, pattern, source) rows: the object words of one verb, particles and event in one row."""
    groups: dict[tuple, tuple[set[str], set[tuple[int, str]]]] = {}
    for (lemma, particles, word), rows in chosen.items():
        why = next((w for w in (prune_reason(lemma, particles, word, r.code) for r in rows) if w), "")
        if why:
            skipped[f"pruned: {why}"] += 1
            continue
        key = (rows[0].type, rows[0].mode, lemma, particles, bool(word))
        words, lines = groups.setdefault(key, (set(), set()))
        words.add(word) if word else None
        lines |= {(r.line, r.code) for r in rows}
    out = []
    for (event_type, mode, lemma, particles, _), (words, lines) in groups.items():
        pattern = " ".join([lemma, *particles, *(["+" + "|".join(sorted(words))] if words else [])])
        source = "|".join(f"{DICTIONARY.name}:{n} ({c})" for n, c in sorted(lines)[:6])
        out.append((event_type, mode, lemma, pattern, source))
    return sorted(out, key=lambda r: (r[0] == NOT_AN_EVENT, r[0], r[2], r[3]))


def import_rows(dictionary: Path, table_path: Path, data: Path = DATA) -> tuple[list, Counter]:
    """The rows to write, and a count of what was left out and why."""
    synsets, blocks = read_dictionary(dictionary.read_text(encoding="utf-8").splitlines())
    table = read_table(table_path.read_text(encoding="utf-8").splitlines())
    own = read_own(data)
    skipped: Counter = Counter()
    rows = [r for b in blocks for r in block_rows(b, synsets, table, own.collective, skipped)]
    chosen = new_to_detente(merge(rows, skipped), own, skipped)
    return grouped(chosen, skipped), skipped


def write(rows: list, out: Path) -> None:
    lines = [f"{t}\t{m}\t{p}\tkeep\t\t\t{s}\n" for t, m, _, p, s in rows]
    out.write_text(HEADER + "".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dictionary", type=Path, default=DICTIONARY, help="PETRARCH's CAMEO verb dictionary")
    parser.add_argument("--table", type=Path, default=TABLE, help="the CAMEO-to-PLOVER table")
    parser.add_argument("--out", type=Path, default=OUT, help="the TSV to write")
    parser.add_argument("--report", action="store_true", help="print what was left out, and why")
    args = parser.parse_args(argv)
    rows, skipped = import_rows(args.dictionary, args.table)
    write(rows, args.out)
    by_type = Counter(r[0] for r in rows)
    print(f"{len(rows)} rows written to {args.out}: " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    if args.report:
        for why, count in skipped.most_common():
            print(f"{count:6d}  {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
