"""The type-decision table: when the frame or the arguments change an event's type (rewrites.tsv).

A row says: at this step of the constructions, when this condition holds of the clause, an event of this
type (and mode) whose arguments are of this class becomes that type and mode. Rows of a step are tried in
file order, a user's rows first; the first that fits applies. The conditions and argument tests are named
here and implemented by the construction that runs the step (events/constructions/rewriting.py).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from detente.errors import Errors, LexiconError
from detente.events.classes import SectorClasses
from detente.model import MODES, PLOVER_TYPES, QUAD
from detente.tables import read_tsv

# Steps, in the order the constructions reach them (docs/coding.md).
STEPS = ("actors", "forces", "tense", "negation", "sentence", "noun")
# Conditions on the clause ("-": none).
CONDITIONS = (
    "-", "future", "announced", "promised", "readied", "unless", "negated", "refused", "refusing", "delivered", "cyber",
)  # fmt: skip
# Argument tests: role:class, joined by + ("actors:several+object:exercise").
ARGUMENT_ROLES = ("subject", "object", "actors")
ANY_TYPE = "*"
SEVERAL = "several"  # actors:several: more than one state acts
ONE_SIDE = "one-side"  # actors:one-side: one state acts (not a pair)
# Modes computed rather than named: the THREATEN mode of the act threatened (threats.tsv), the MOBILIZE
# mode of readied force, and the REJECT mode of refusing an act of the event's type (types.tsv `asked`).
COMPUTED_MODES = ("@threat", "@posture", "@asked")


@dataclass(frozen=True)
class Rewrite:
    """One row of rewrites.tsv."""

    step: str
    when: str
    event: str  # a PLOVER type, a quad category, or "*"
    mode: str  # "" for any mode
    arguments: tuple[tuple[str, str], ...]  # (role, class)
    to_event: str
    to_mode: str
    note: str
    example: str
    source: str  # "rewrites.tsv:12"

    def fits_type(self, event: str, mode: str) -> bool:
        """Whether an event of this type and mode is the row's."""
        kind = self.event == ANY_TYPE or self.event == event or self.event == QUAD.get(event)
        return kind and (not self.mode or self.mode == mode)


def _fail(path: Path, line: int, reason: str) -> LexiconError:
    return LexiconError(Errors.E020.format(path=path, line=line, reason=reason))


def _sector_classes() -> set[str]:
    """The class names an actors: argument may name: sector classes, several or one-side."""
    return {f.name.replace("_", "-") for f in fields(SectorClasses)} | {SEVERAL, ONE_SIDE}


def _arguments(path: Path, line: int, text: str) -> tuple[tuple[str, str], ...]:
    found = []
    for part in (p.strip() for p in text.split("+") if p.strip()):
        role, _, name = part.partition(":")
        if role not in ARGUMENT_ROLES or not name:
            raise _fail(path, line, f"argument {part!r} is not role:class with a role of {ARGUMENT_ROLES}")
        if role == "actors" and name not in _sector_classes():
            raise _fail(path, line, f"no class {name!r} for actors (sector_classes.tsv, several or one-side)")
        found.append((role, name))  # a subject or object class is a words.tsv or objects.tsv class, checked on load
    return tuple(found)


def _check(path: Path, line: int, row: dict[str, str]) -> None:
    if row["step"] not in STEPS:
        raise _fail(path, line, f"step must be one of {STEPS}")
    if row["when"] not in CONDITIONS:
        raise _fail(path, line, f"when must be one of {CONDITIONS}")
    event, mode = row["type"], row["mode"]
    if event != ANY_TYPE and event not in PLOVER_TYPES and event not in set(QUAD.values()):
        raise _fail(path, line, f"type {event!r} is no PLOVER type, quad category or *")
    if mode and (event not in PLOVER_TYPES or mode not in MODES[event]):
        raise _fail(path, line, f"mode {mode!r} is not a mode of {event}")
    to_event, to_mode = row["to_type"], row["to_mode"]
    if to_event not in PLOVER_TYPES:
        raise _fail(path, line, f"to_type {to_event!r} is no PLOVER type")
    if to_mode and to_mode not in COMPUTED_MODES and to_mode not in MODES[to_event]:
        raise _fail(path, line, f"to_mode {to_mode!r} is not a mode of {to_event} nor one of {COMPUTED_MODES}")


def load_rewrites(path: Path, source: str) -> list[Rewrite]:
    """The rows of a rewrites.tsv, checked; `source` names the file in each row's source."""
    rows = []
    columns = ("step", "when", "type", "mode", "argument", "to_type", "to_mode", "note", "example")
    for line, row in read_tsv(path, columns):
        _check(path, line, row)
        rows.append(
            Rewrite(
                row["step"],
                row["when"],
                row["type"],
                row["mode"],
                _arguments(path, line, row["argument"]),
                row["to_type"],
                row["to_mode"],
                row["note"],
                row["example"],
                f"{source}:{line}",
            )
        )
    return rows
