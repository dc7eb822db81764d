"""Write events as a table, JSON lines or CSV (one event a line; CSV in the flat layout of detente.schema)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from detente.model import Entity, Event
from detente.schema import COLUMNS, NAMES, csv_cell

FORMATS = ("table", "jsonl", "csv")


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


class EventWriter:
    """Streams events to a text stream in one of FORMATS; the table is printed in article order."""

    def __init__(self, stream: TextIO, fmt: str):
        self.stream, self.fmt, self.count = stream, fmt, 0
        self._csv = CsvWriter(stream) if fmt == "csv" else None

    def write(self, event: Event) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(event.model_dump(mode="json"), ensure_ascii=False) + "\n")
        elif self._csv is not None:
            self._csv.write_event(event)
        else:
            self._table_row(event)
        self.count += 1

    def write_all(self, events: Iterable[Event]) -> int:
        for event in events:
            self.write(event)
        return self.count

    def _table_row(self, event: Event) -> None:
        if self.count == 0:
            self.stream.write(
                f"{'doc':<18} {'s':>3} {'date':<10} {'actor':<12} {'event':<18} {'recipient':<12} "
                f"{'flags':<12} trigger\n"
            )
        actor = _short(event.actor)
        recipient = _short(event.recipient)
        kind = event.event + (f":{event.mode}" if event.mode else "")
        self.stream.write(
            f"{event.doc_id[:18]:<18} {event.sentence_index:>3} {event.date or '-':<10} {actor:<12} "
            f"{kind:<18} {recipient:<12} {flags(event):<12} {event.trigger}\n"
        )


def _short(entities: list[Entity]) -> str:
    return ";".join(e.code + (f"/{e.sector}" if e.sector else "") for e in entities) or "-"
