"""Text for a terminal: its width, and tables whose columns fit it, wrapping cells instead of cutting them."""

from __future__ import annotations

import bisect
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass

GAP = "  "
# Where a cell may break: after a space, or after a separator of codes (RUS;GEO, historical,future, TYPE:mode, IGO/GOV).
_BREAKS = re.compile(r"(?<=[ ;,:/])")


def terminal_width(fallback: int = 120) -> int:
    """The terminal's width: $COLUMNS when set, else the terminal's own, else `fallback` (output to a pipe)."""
    return max(shutil.get_terminal_size((fallback, 24)).columns, 20)


@dataclass(frozen=True)
class Column:
    """A table column: its header, whether its cells may wrap, and the narrowest it may become when they do.

    A column that may not wrap (an id, a date) is always as wide as its widest cell, so it is never cut."""

    header: str
    wrap: bool = False
    min_width: int = 0
    align: str = "<"


def _tokens(text: str) -> list[str]:
    return [t for t in _BREAKS.split(" ".join(text.split())) if t]


def _longest_token(text: str) -> int:
    return max((len(t.rstrip()) for t in _tokens(text)), default=0)


def wrap_cell(text: str, width: int) -> list[str]:
    """The cell as lines of at most `width` characters, broken after spaces and separators; a token longer
    than the width (a word in a narrow sentence column) is split where it must be."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if len((line + token).rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        while len(token.rstrip()) > width:
            lines.append(token[:width])
            token = token[width:]
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _widths(columns: Sequence[Column], cells: list[list[str]], width: int) -> list[int]:
    """Each column's width: its widest cell while the table fits, then the wrapping columns give way one
    character at a time, where that wraps the fewest cells, down to their longest unbreakable token, and,
    if the table still does not fit, down to their minimum."""
    natural = [max([len(c.header)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    whole_words = [
        min(natural[i], max([len(c.header), c.min_width] + [_longest_token(r[i]) for r in cells]))
        if c.wrap
        else natural[i]
        for i, c in enumerate(columns)
    ]
    # when whole words do not fit, a wrapping column splits its longest words too, down to its minimum
    split_words = [
        min(natural[i], max(len(c.header), c.min_width)) if c.wrap else natural[i] for i, c in enumerate(columns)
    ]
    lengths = [sorted(len(r[i]) for r in cells) for i in range(len(columns))]  # how many cells a width wraps
    widths = list(natural)
    excess = sum(widths) + len(GAP) * (len(columns) - 1) - width
    for floor in (whole_words, split_words):
        while excess > 0:
            # narrow the column where it wraps the fewest cells, then the one with the most room to give
            options = [
                (len(lengths[i]) - bisect.bisect_left(lengths[i], widths[i]), floor[i] - widths[i], -i)
                for i in range(len(columns))
                if widths[i] > floor[i]
            ]
            if not options:
                break
            widths[-min(options)[2]] -= 1
            excess -= 1
    return widths


def fit_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """The width of each column so that a row fits `width` characters, if the columns that may not wrap
    leave room (the rows' cells as strings)."""
    return _widths(columns, [list(r) for r in rows], width)


def header_line(columns: Sequence[Column], widths: Sequence[int]) -> str:
    """The columns' headers, aligned over their columns."""
    return _line([c.header for c in columns], columns, widths)


def row_lines(columns: Sequence[Column], row: Sequence[str], widths: Sequence[int]) -> list[str]:
    """One row as lines: wrapped cells continue on the lines below, in their own column."""
    wrapped = [wrap_cell(v, w) if c.wrap else [v] for v, c, w in zip(row, columns, widths, strict=True)]
    return [
        _line([w[k] if k < len(w) else "" for w in wrapped], columns, widths)
        for k in range(max(len(w) for w in wrapped))
    ]


def format_table(columns: Sequence[Column], rows: Sequence[Sequence[object]], width: int | None = None) -> str:
    """Rows under their headers, every line at most `width` characters (the terminal's by default) while
    the columns that may not wrap leave room."""
    width = terminal_width() if width is None else width
    cells = [[" ".join(str(v).split()) for v in row] for row in rows]
    widths = fit_widths(columns, cells, width)
    lines = [header_line(columns, widths)]
    for row in cells:
        lines.extend(row_lines(columns, row, widths))
    return "\n".join(lines)


def _line(values: Sequence[str], columns: Sequence[Column], widths: Sequence[int]) -> str:
    return GAP.join(f"{v:{c.align}{w}}" for v, c, w in zip(values, columns, widths, strict=True)).rstrip()
