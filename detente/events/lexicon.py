"""Load and validate the event lexicon: verb and noun patterns, pass-through verbs, context cues, CAMEO codes.

The shipped files in events/data load first; a user's directory (argument or $DETENTE_LEXICON)
with files of the same names and columns adds patterns on top, tried before the shipped ones.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from detente.errors import Errors, LexiconError
from detente.events.cameo import CameoTable, read_cameo
from detente.events.classes import (
    SectorClasses,
    TypeRoles,
    WordClasses,
    load_sector_classes,
    load_type_roles,
    load_word_classes,
)
from detente.events.rewrites import Rewrite, load_rewrites
from detente.model import CONTEXTS, MODES, PLOVER_TYPES
from detente.tables import read_tsv

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
OVERLAY_ENV = "DETENTE_LEXICON"
COMPLEMENTS = ("keep", "threaten")
# A pattern of type NONE stops a use of a verb that is no event ("struck a conciliatory tone").
NOT_AN_EVENT = "NONE"
FLAGS = ("", "failed", "future", "hypothetical", "negated", "posture")


# In a pattern's +objects, "@actor" accepts any object that names an actor ("release +@actor"); any other
# "@name" is a class of object nouns from objects.tsv ("lift +@restriction").
ACTOR_OBJECT = "@actor"
CLASS_MARK = "@"


@dataclass(frozen=True)
class Pattern:
    """One lexicon entry: a trigger lemma with its constraints, and the event it codes."""

    type: str
    mode: str
    lemma: str
    pos: str  # "verb" or "noun"
    particles: tuple[str, ...] = ()  # particle/preposition words that must hang on the verb
    objects: frozenset[str] = frozenset()  # lemmas one of which its object must be (classes expanded)
    complements: frozenset[str] = frozenset()  # lemmas one of which the verb of its to-clause must be
    complement: str = "keep"
    context: tuple[str, ...] = ()
    example: str = ""
    source: str = ""  # "verbs.tsv:42"
    object_classes: tuple[str, ...] = ()  # the objects.tsv classes the row names ("@restriction")
    object_words: frozenset[str] = frozenset()  # the nouns the row names besides its classes

    @property
    def specificity(self) -> int:
        """How narrow the pattern is, to try the narrowest first: a to-clause verb counts 4, a list of object
        lemmas 2, an object that only has to name an actor (@actor) 1, and each particle 1."""
        objects = 2 if self.objects - {ACTOR_OBJECT} else 1 if self.objects else 0
        return 4 * bool(self.complements) + objects + len(self.particles)

    @property
    def text(self) -> str:
        parts = [self.lemma, *self.particles]
        if self.objects:
            words = self.object_words if self.object_classes else self.objects
            parts.append("+" + "|".join([*(CLASS_MARK + c for c in self.object_classes), *sorted(words)]))
        if self.complements:
            parts.append(">" + "|".join(sorted(self.complements)))
        return " ".join(parts)


@dataclass
class Lexicon:
    """Patterns by trigger lemma, most specific first."""

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    transparent: dict[str, str] = field(default_factory=dict)  # lemma -> auxiliary flag
    light_verbs: set[str] = field(default_factory=set)  # verbs that take an event noun ("staged a protest")
    # verb lemma -> prepositions through which it takes an event noun ("took part in a protest")
    light_preps: dict[str, set[str]] = field(default_factory=dict)
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # context -> cue words
    # event type -> (mode, cue words) in the order tried: the weapon or method words that give a mode
    mode_cues: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    # threatened act's (type, mode) -> (object lemmas or none, THREATEN mode), in the order tried; mode ""
    # stands for the type's other modes
    threats: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = field(default_factory=dict)
    words: WordClasses = field(default_factory=WordClasses)  # words.tsv
    sectors: SectorClasses = field(default_factory=SectorClasses)  # sector_classes.tsv
    roles: TypeRoles = field(default_factory=TypeRoles)  # types.tsv
    rewrites: list[Rewrite] = field(default_factory=list)  # rewrites.tsv, a user's rows first
    object_classes: dict[str, frozenset[str]] = field(default_factory=dict)  # objects.tsv: class -> nouns
    cameo: CameoTable = field(default_factory=CameoTable)  # cameo.tsv: the CAMEO code of a type and mode
    _noun_heads: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _venue_nouns: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def add(self, pattern: Pattern, first: bool = False) -> None:
        self._noun_heads = self._venue_nouns = None
        table = self.verbs if pattern.pos == "verb" else self.nouns
        entries = table.setdefault(pattern.lemma, [])
        entries.insert(0, pattern) if first else entries.append(pattern)
        entries.sort(key=lambda p: -p.specificity)  # stable: user patterns stay ahead at equal specificity

    def noun_heads(self) -> frozenset[str]:
        """The last word of every noun pattern ("strike" of "hunger strike"): a quick first test for a noun."""
        if self._noun_heads is None:
            self._noun_heads = frozenset(key.split()[-1] for key in self.nouns)
        return self._noun_heads

    def venue_nouns(self) -> frozenset[str]:
        """One-word nouns of meetings and joint acts: their in-phrase is where they were held ("talks in
        Caracas"), not whose they are, as it would be of people ("refugees in Liberia")."""
        if self._venue_nouns is None:
            one_word = {key: patterns for key, patterns in self.nouns.items() if " " not in key}
            venue = self.roles.types("venue")
            self._venue_nouns = frozenset(k for k, ps in one_word.items() if any(p.type in venue for p in ps))
        return self._venue_nouns

    def threat_mode(
        self, event_type: str, mode: str = "", objects: frozenset[str] = frozenset(), by_object_only: bool = False
    ) -> str:
        """The THREATEN mode of a threat to do an act of this type and mode, to these objects (lemmas):
        to impose tariffs restricts trade, to cut ties threatens relations ("" when none fits; with
        by_object_only, only a row that names one of the objects fits)."""
        for key in ((event_type, mode), (event_type, "")):
            for wanted, threat in self.threats.get(key, ()):
                if wanted & objects or not (wanted or by_object_only):
                    return threat
        return ""

    def expand_object_classes(self) -> None:
        """Put the nouns of each @class a pattern names into its objects (once every file is read, so a
        user's objects.tsv reaches the shipped rows); a class no objects.tsv defines is an error."""
        for table in (self.verbs, self.nouns):
            for lemma, entries in table.items():
                table[lemma] = [self._expanded(p) for p in entries]
        for key, rows in self.threats.items():
            self.threats[key] = [(self._members(wanted, "threats.tsv"), threat) for wanted, threat in rows]
        for row in self.rewrites:
            for role, name in row.arguments:
                if role != "actors" and self.word_class(name) is None:
                    path, _, line = row.source.rpartition(":")
                    reason = f"no class {name!r} for {role} (words.tsv or objects.tsv)"
                    raise LexiconError(Errors.E020.format(path=path, line=line, reason=reason))

    def word_class(self, name: str) -> frozenset[str] | None:
        """A words.tsv class by its name ("place-anaphor"), else an objects.tsv class, else None."""
        attribute = name.replace("-", "_")
        if hasattr(self.words, attribute) and attribute != "finish":
            return getattr(self.words, attribute)
        return self.object_classes.get(name)

    def _expanded(self, pattern: Pattern) -> Pattern:
        classes = tuple(sorted(o[1:] for o in pattern.objects if o.startswith(CLASS_MARK) and o != ACTOR_OBJECT))
        if not classes:
            return pattern
        words = frozenset(o for o in pattern.objects if not o.startswith(CLASS_MARK) or o == ACTOR_OBJECT)
        objects = self._members(pattern.objects, pattern.source)
        return replace(pattern, objects=objects, object_classes=classes, object_words=words)

    def _members(self, objects: frozenset[str], source: str) -> frozenset[str]:
        words = set()
        for item in objects:
            if item.startswith(CLASS_MARK) and item != ACTOR_OBJECT:
                if item[1:] not in self.object_classes:
                    path, _, line = source.rpartition(":")
                    raise LexiconError(Errors.E020.format(path=path, line=line, reason=f"no object class {item!r}"))
                words |= self.object_classes[item[1:]]
            else:
                words.add(item)
        return frozenset(words)

    def patterns(self) -> Iterator[Pattern]:
        for table in (self.verbs, self.nouns):
            for entries in table.values():
                yield from entries


def _fail(path: Path, line: int, reason: str) -> LexiconError:
    return LexiconError(Errors.E020.format(path=path, line=line, reason=reason))


def _check_type_mode(path: Path, line: int, event_type: str, mode: str, mode_required: bool = False) -> None:
    """A PLOVER event type, and a mode of that type (or none, unless one is required)."""
    if event_type not in PLOVER_TYPES:
        raise _fail(path, line, f"unknown event type {event_type!r}")
    if (mode or mode_required) and mode not in MODES[event_type]:
        raise _fail(path, line, f"mode {mode!r} is not a PLOVER mode of {event_type}")


def _check_type_mode_context(path: Path, line: int, row: dict[str, str]) -> tuple[str, ...]:
    if row["type"] == NOT_AN_EVENT:
        return ()
    _check_type_mode(path, line, row["type"], row["mode"])
    context = tuple(c for c in row.get("context", "").split("|") if c)
    unknown = [c for c in context if c not in CONTEXTS]
    if unknown:
        raise _fail(path, line, f"unknown context {unknown}")
    return context


def _source(path: Path, line: int, user: bool) -> str:
    """ "verbs.tsv:42" for shipped rows; a user's rows name their directory too."""
    return f"{path.parent}/{path.name}:{line}" if user else f"{path.name}:{line}"


def parse_verb_pattern(text: str) -> tuple[str, tuple[str, ...], frozenset[str], frozenset[str]]:
    """'cut +tie|relation' -> ('cut', (), {'tie', 'relation'}, {}); 'step down' -> ('step', ('down',), ...)."""
    words = text.split()
    if not words or words[0][0] in "+>":
        raise ValueError("a pattern starts with the verb's lemma")
    particles, objects, complements = [], set(), set()
    for word in words[1:]:
        if word.startswith("+"):
            objects |= {w for w in word[1:].split("|") if w}
        elif word.startswith(">"):
            complements |= {w for w in word[1:].split("|") if w}
        else:
            particles.append(word)
    return words[0], tuple(particles), frozenset(objects), frozenset(complements)


def _load_verbs(lexicon: Lexicon, path: Path, first: bool) -> None:
    for line, row in read_tsv(path, ("type", "mode", "pattern", "complement", "context", "example")):
        context = _check_type_mode_context(path, line, row)
        try:
            lemma, particles, objects, complements = parse_verb_pattern(row["pattern"])
        except ValueError as error:
            raise _fail(path, line, str(error)) from error
        complement = row["complement"] or "keep"
        if complement not in COMPLEMENTS:
            raise _fail(path, line, f"complement must be one of {COMPLEMENTS}")
        lexicon.add(
            Pattern(
                row["type"],
                row["mode"],
                lemma,
                "verb",
                particles,
                objects,
                complements,
                complement,
                context,
                row["example"],
                _source(path, line, first),
            ),
            first,
        )


def _load_nouns(lexicon: Lexicon, path: Path, first: bool) -> None:
    for line, row in read_tsv(path, ("type", "mode", "lemma", "context", "example")):
        context = _check_type_mode_context(path, line, row)
        if not row["lemma"] or len(row["lemma"].split()) > 2:
            raise _fail(path, line, "a noun pattern is a lemma, or a modifier and a lemma ('hunger strike')")
        lexicon.add(
            Pattern(
                row["type"],
                row["mode"],
                row["lemma"],
                "noun",
                context=context,
                example=row["example"],
                source=_source(path, line, first),
            ),
            first,
        )


def _load_transparent(lexicon: Lexicon, path: Path, first: bool) -> None:
    for line, row in read_tsv(path, ("lemma", "flag")):
        if row["flag"] not in FLAGS:
            raise _fail(path, line, f"flag must be one of {FLAGS}")
        lexicon.transparent[row["lemma"]] = row["flag"]


def _load_light_verbs(lexicon: Lexicon, path: Path, first: bool) -> None:
    for line, row in read_tsv(path, ("lemma",)):
        words = row["lemma"].split()
        if len(words) == 1:
            lexicon.light_verbs.add(words[0])
        elif len(words) == 2:  # "participate in": the event noun is the object of the preposition
            lexicon.light_preps.setdefault(words[0], set()).add(words[1])
        else:
            raise _fail(path, line, "a light verb is one lemma, or a lemma and a preposition")


def _load_contexts(lexicon: Lexicon, path: Path, first: bool) -> None:
    for line, row in read_tsv(path, ("context", "cues")):
        if row["context"] not in CONTEXTS:
            raise _fail(path, line, f"unknown context {row['context']!r}")
        cues = tuple(c.strip().lower() for c in row["cues"].split("|") if c.strip())
        lexicon.contexts[row["context"]] = tuple(dict.fromkeys(lexicon.contexts.get(row["context"], ()) + cues))


def _load_modes(lexicon: Lexicon, path: Path, first: bool) -> None:
    rows = []
    for line, row in read_tsv(path, ("type", "mode", "cues", "example")):
        _check_type_mode(path, line, row["type"], row["mode"], mode_required=True)
        cues = tuple(c.strip().lower() for c in row["cues"].split("|") if c.strip())
        if not cues:
            raise _fail(path, line, "a mode row needs at least one cue word")
        rows.append((row["type"], (row["mode"], cues)))
    for event_type, entry in reversed(rows) if first else rows:  # a user's rows are tried first, in order
        table = lexicon.mode_cues.setdefault(event_type, [])
        table.insert(0, entry) if first else table.append(entry)


def _load_threats(lexicon: Lexicon, path: Path, first: bool) -> None:
    read: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = {}
    for line, row in read_tsv(path, ("type", "mode", "threat")):
        _check_type_mode(path, line, row["type"], row["mode"])
        _check_type_mode(path, line, "THREATEN", row["threat"], mode_required=True)
        objects = frozenset(o.strip().lower() for o in (row.get("objects") or "").split("|") if o.strip())
        read.setdefault((row["type"], row["mode"]), []).append((objects, row["threat"]))
    for key, rows in read.items():  # a user's rows are tried before the shipped ones, in their file order
        known = lexicon.threats.get(key, [])
        lexicon.threats[key] = rows + known if first else known + rows


def _load_words(lexicon: Lexicon, path: Path, first: bool) -> None:
    load_word_classes(lexicon.words, path)


def _load_sector_classes(lexicon: Lexicon, path: Path, first: bool) -> None:
    load_sector_classes(lexicon.sectors, path)


def _load_types(lexicon: Lexicon, path: Path, first: bool) -> None:
    lexicon._venue_nouns = None
    load_type_roles(lexicon.roles, path)


def _load_rewrites(lexicon: Lexicon, path: Path, first: bool) -> None:
    rows = load_rewrites(path, _source(path, 0, first).rsplit(":", 1)[0])
    lexicon.rewrites = rows + lexicon.rewrites if first else lexicon.rewrites + rows


def _load_objects(lexicon: Lexicon, path: Path, first: bool) -> None:
    for line, row in read_tsv(path, ("class", "nouns")):
        nouns = frozenset(n.strip().lower() for n in row["nouns"].split("|") if n.strip())
        name = row["class"].removeprefix(CLASS_MARK)
        if not name or not nouns or name == ACTOR_OBJECT[1:]:
            raise _fail(path, line, "an object class row is a class name and its nouns")
        lexicon.object_classes[name] = lexicon.object_classes.get(name, frozenset()) | nouns


def _load_cameo(lexicon: Lexicon, path: Path, first: bool) -> None:
    read_cameo(lexicon.cameo, path, _source(path, 0, first).rsplit(":", 1)[0])


Loader = Callable[[Lexicon, Path, bool], None]
LOADERS: tuple[tuple[str, Loader], ...] = (
    ("verbs.tsv", _load_verbs),
    # PETRARCH2's CAMEO verb patterns (scripts/import_petrarch_verbs.py): after verbs.tsv, so that at equal
    # specificity detente's own rows are tried first
    ("petrarch_verbs.tsv", _load_verbs),
    ("nouns.tsv", _load_nouns),
    ("transparent.tsv", _load_transparent),
    ("light_verbs.tsv", _load_light_verbs),
    ("contexts.tsv", _load_contexts),
    ("modes.tsv", _load_modes),
    ("threats.tsv", _load_threats),
    ("words.tsv", _load_words),
    ("sector_classes.tsv", _load_sector_classes),
    ("types.tsv", _load_types),
    ("rewrites.tsv", _load_rewrites),
    ("objects.tsv", _load_objects),
    ("cameo.tsv", _load_cameo),
)


@lru_cache(maxsize=4)
def load_lexicon(overlay: str | None = None) -> Lexicon:
    """The shipped lexicon plus the user's files in `overlay` (or $DETENTE_LEXICON)."""
    lexicon = Lexicon()
    for directory, user in _directories(overlay):
        for filename, loader in LOADERS:
            _load_file(lexicon, directory, filename, loader, user)
    lexicon.expand_object_classes()
    log.info("lexicon: %d verb lemmas, %d noun lemmas", len(lexicon.verbs), len(lexicon.nouns))
    return lexicon


@lru_cache(maxsize=4)
def load_cameo(overlay: str | None = None) -> CameoTable:
    """The CAMEO codes alone (cameo.tsv, shipped then the user's), for readers that need no patterns: a store
    migration fills the codes of its old rows with them."""
    lexicon = Lexicon()
    for directory, user in _directories(overlay):
        _load_file(lexicon, directory, "cameo.tsv", _load_cameo, user)
    return lexicon.cameo


def _directories(overlay: str | None) -> list[tuple[Path, bool]]:
    """The shipped data directory, then the user's (the argument or $DETENTE_LEXICON), each with whether it is
    the user's."""
    overlay = overlay or os.environ.get(OVERLAY_ENV) or None
    if overlay and not Path(overlay).is_dir():
        raise LexiconError(Errors.E021.format(path=overlay))
    return [(DATA_DIR, False), *([(Path(overlay), True)] if overlay else [])]


def _load_file(lexicon: Lexicon, directory: Path, filename: str, loader: Loader, user: bool) -> None:
    """One file of a directory: a user's directory need not have it, the shipped one must."""
    path = directory / filename
    if path.exists():
        loader(lexicon, path, user)
    elif not user:
        raise LexiconError(Errors.E021.format(path=path))
