"""The CAMEO code of a PLOVER event (cameo.tsv), so that detente's events join CAMEO-coded data.

A row gives the CAMEO code of a type and mode, or of a type, mode and context where the CAMEO-to-PLOVER
table distinguishes the context (AGREE economic is 0311). An event takes the row of its type, mode and the
first of its contexts that has one, else the row of its type and mode, else that of its type. A user's row
replaces the shipped row of the same type, mode and context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import Errors, LexiconError
from detente.model import CONTEXTS, MODES, PLOVER_TYPES
from detente.tables import read_tsv

COLUMNS = ("type", "mode", "context", "cameo_code", "cameo_root")
# CAMEO event codes: a two-digit root (01-20), then one or two digits ("190", "0311").
_CODE = re.compile(r"^(0[1-9]|1\d|20)\d{1,2}$")


@dataclass(frozen=True)
class CameoCode:
    """The CAMEO code of a PLOVER type, mode and context, and its two-digit root."""

    code: str
    root: str
    source: str = ""  # "cameo.tsv:12"

    @property
    def base(self) -> str:
        """The three-digit code (GDELT's EventBaseCode): the code itself, or the parent of a four-digit one."""
        return self.code[:3]


NO_CODE = CameoCode("", "")


@dataclass
class CameoTable:
    """CAMEO codes by (type, mode, context); mode and context '' for none."""

    rows: dict[tuple[str, str, str], CameoCode] = field(default_factory=dict)

    def code_of(self, event_type: str, mode: str = "", contexts: tuple[str, ...] | list[str] = ()) -> CameoCode:
        """The CAMEO code of an event of this type and mode with these contexts (in the event's order)."""
        for context in contexts:
            found = self.rows.get((event_type, mode, context))
            if found is not None:
                return found
        return self.rows.get((event_type, mode, "")) or self.rows.get((event_type, "", "")) or NO_CODE


def _fail(path: Path, line: int, reason: str) -> LexiconError:
    return LexiconError(Errors.E020.format(path=path, line=line, reason=reason))


def read_cameo(table: CameoTable, path: Path, source: str) -> None:
    """Add the rows of a cameo.tsv to the table (a row replaces the one of its type, mode and context);
    source names the file in each row's source ("cameo.tsv")."""
    for line, row in read_tsv(path, COLUMNS):
        event_type, mode, context = row["type"], row["mode"], row["context"]
        code, root = row["cameo_code"], row["cameo_root"]
        if event_type not in PLOVER_TYPES:
            raise _fail(path, line, f"unknown event type {event_type!r}")
        if mode and mode not in MODES[event_type]:
            raise _fail(path, line, f"mode {mode!r} is not a PLOVER mode of {event_type}")
        if context and context not in CONTEXTS:
            raise _fail(path, line, f"unknown context {context!r}")
        if not _CODE.match(code):
            raise _fail(path, line, f"cameo_code {code!r} is not a CAMEO event code (a root 01-20, then 1-2 digits)")
        if root != code[:2]:
            raise _fail(path, line, f"cameo_root {root!r} is not the first two digits of cameo_code {code!r}")
        table.rows[(event_type, mode, context)] = CameoCode(code, root, f"{source}:{line}")
