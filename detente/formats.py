"""Write events as a table fitted to the terminal, JSON lines, CSV (the flat layout of detente.schema) or one of
the layouts other tools load (detente.layouts: GDELT events and mentions, POLECAT-style)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Protocol, TextIO

from detente.layouts import LAYOUTS, LayoutWriter, record_of
from detente.model import Entity, Event
from detente.schema import COLUMNS, NAMES, csv_cell
from detente.terminal import Column, fit_widths, header_line, row_lines, terminal_width, wrap_cell


def flags(event: Event) -> str:
    """The event's flags, comma-separated, for the table: what a reader must know before counting it."""
    names = ("historical", "negated", "hypothetical", "future", "background", "actor_guessed")
    return ",".join(n.replace("_", "-") for n in names if getattr(event, n))


class CsvWriter:
    """The flat layout as CSV (detente.schema): a header row, then one row per event or flat row."""

    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream)
        self._writer.writerow(NAMES)

    def write_event(self, event: Event) -> None:
        self.write_values(c.value(event) for c in COLUMNS)

    def write_values(self, values: Iterable[object]) -> None:
        """One row of flat values in layout order."""
        self._writer.writerow([csv_cell(v) for v in values])


# The table for people: one heading per article (its id whole), then a row per event; dates and codes
# stay whole, codes and triggers wrap in their columns, and each sentence follows its events, wrapped.
TABLE_COLUMNS = (
    Column("s", align=">"),
    Column("date"),
    Column("actor", wrap=True),
    Column("event", wrap=True),
    Column("recipient", wrap=True),
    Column("flags", wrap=True),
    Column("trigger", wrap=True, min_width=8),
)
SENTENCE_INDENT = 4


def table_row(event: Event) -> tuple[str, ...]:
    """An event as the cells of TABLE_COLUMNS."""
    kind = event.event + (f":{event.mode}" if event.mode else "")
    return (
        str(event.sentence_index),
        event.date or "-",
        _short(event.actor),
        kind,
        _short(event.recipient),
        flags(event) or "-",
        " ".join(event.trigger.split()),
    )


def format_event_table(events: Iterable[Event], width: int | None = None) -> str:
    """Events as a table `width` characters wide (the terminal's by default), grouped by article."""
    events = list(events)
    width = terminal_width() if width is None else width
    rows = [table_row(e) for e in events]
    widths = fit_widths(TABLE_COLUMNS, rows, width)
    lines = [header_line(TABLE_COLUMNS, widths)]
    for k, (event, row) in enumerate(zip(events, rows, strict=True)):
        if k == 0 or events[k - 1].doc_id != event.doc_id:
            lines.append(f"== {event.doc_id}")
        lines.extend(row_lines(TABLE_COLUMNS, row, widths))
        following = events[k + 1] if k + 1 < len(events) else None
        if following is None or (following.doc_id, following.sentence_index) != (event.doc_id, event.sentence_index):
            lines.extend(" " * SENTENCE_INDENT + line for line in wrap_cell(event.sentence, width - SENTENCE_INDENT))
    return "\n".join(lines)


class _Writer(Protocol):
    def write(self, event: Event) -> None: ...
    def finish(self) -> None: ...


class _TableWriter:
    """Keeps the events for the table, written at finish() once its column widths are known."""

    def __init__(self, stream: TextIO, width: int | None) -> None:
        self.stream, self.width, self._events = stream, width, []

    def write(self, event: Event) -> None:
        self._events.append(event)

    def finish(self) -> None:
        if self._events:
            self.stream.write(format_event_table(self._events, self.width) + "\n")
            self._events = []


class _JsonlWriter:
    def __init__(self, stream: TextIO, width: int | None) -> None:
        self.stream = stream

    def write(self, event: Event) -> None:
        self.stream.write(json.dumps(event.model_dump(mode="json"), ensure_ascii=False) + "\n")

    def finish(self) -> None:
        pass


class _CsvEventWriter(CsvWriter):
    def __init__(self, stream: TextIO, width: int | None) -> None:
        super().__init__(stream)

    def write(self, event: Event) -> None:
        self.write_event(event)

    def finish(self) -> None:
        pass


class _LayoutEventWriter(LayoutWriter):
    def write(self, event: Event) -> None:
        self.write_record(record_of(event))

    def finish(self) -> None:
        pass


def _layout_writer(name: str) -> Callable[[TextIO, int | None], _Writer]:
    return lambda stream, width: _LayoutEventWriter(stream, LAYOUTS[name])


# Every format `detente code` writes, by name: the table for people, the flat layout, and the layouts of
# detente.layouts that the store's exports offer too.
WRITERS: dict[str, Callable[[TextIO, int | None], _Writer]] = {
    "table": _TableWriter,
    "jsonl": _JsonlWriter,
    "csv": _CsvEventWriter,
    **{name: _layout_writer(name) for name in LAYOUTS},
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


class EventWriter:
    """Streams events to a text stream in one of FORMATS. The table is written when write_all ends (or at
    finish()), once its column widths are known, fitted to `width` (the terminal's by default)."""

    def __init__(self, stream: TextIO, fmt: str, width: int | None = None):
        self.stream, self.fmt, self.count, self.width = stream, fmt, 0, width
        self._writer = WRITERS[fmt](stream, width)

    def write(self, event: Event) -> None:
        self._writer.write(event)
        self.count += 1

    def write_all(self, events: Iterable[Event]) -> int:
        for event in events:
            self.write(event)
        self.finish()
        return self.count

    def finish(self) -> None:
        """Write the table of the events written so far (nothing for the streamed formats)."""
        self._writer.finish()


def _short(entities: list[Entity]) -> str:
    return ";".join(e.code + (f"/{e.sector}" if e.sector else "") for e in entities) or "-"
