"""Write events as a table, JSON lines or CSV (one event a line), for the CLI and exports."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from detente.model import Entity, Event

CSV_COLUMNS = (
    "doc_id",
    "event_id",
    "event",
    "mode",
    "context",
    "actor",
    "actor_sector",
    "recipient",
    "recipient_sector",
    "date",
    "date_precision",
    "historical",
    "negated",
    "hypothetical",
    "future",
    "intensity",
    "quad",
    "object",
    "location",
    "sentence_index",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    "pattern",
    "url",
)
FORMATS = ("table", "jsonl", "csv")


def codes(entities: list[Entity]) -> str:
    """'RUS;GEO' for a list of entities (PLOVER compound actors)."""
    return ";".join(e.code for e in entities)


def sectors(entities: list[Entity]) -> str:
    return ";".join(e.sector for e in entities)


def flags(event: Event) -> str:
    names = ("historical", "negated", "hypothetical", "future")
    return ",".join(n for n in names if getattr(event, n))


def csv_row(event: Event) -> dict[str, object]:
    row = event.model_dump()
    row.update(
        actor=codes(event.actor),
        actor_sector=sectors(event.actor),
        recipient=codes(event.recipient),
        recipient_sector=sectors(event.recipient),
        context=";".join(event.context),
    )
    return {k: row[k] for k in CSV_COLUMNS}


class EventWriter:
    """Streams events to a text stream in one of FORMATS; the table is printed in article order."""

    def __init__(self, stream: TextIO, fmt: str):
        self.stream, self.fmt, self.count = stream, fmt, 0
        self._csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS) if fmt == "csv" else None
        if self._csv is not None:
            self._csv.writeheader()

    def write(self, event: Event) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(event.model_dump(mode="json"), ensure_ascii=False) + "\n")
        elif self._csv is not None:
            self._csv.writerow(csv_row(event))
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
