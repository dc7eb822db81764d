"""Table layouts that other tools load: GDELT 2.0 events and mentions, and a POLECAT-style table (docs/store.md).

Each layout turns one event's record (its flat row of detente.schema plus RECORD_EXTRAS) into rows of
values. `detente code` makes the record from the event alone (record_of); the store adds what it knows
(its event key, the article's date, length and load time, the duplicate-report counts).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from detente.layouts.gdelt import GDELT, GDELT_COLUMNS
from detente.layouts.mentions import GDELT_MENTIONS, GDELT_MENTIONS_COLUMNS, mentions_of
from detente.layouts.polecat import POLECAT, POLECAT_COLUMNS
from detente.model import Event
from detente.schema import date_start, flat_row

Record = dict[str, Any]
# What a record holds beside the flat row; the store fills them all, record_of what an event alone tells.
RECORD_EXTRAS = (
    "event_key",
    "date_start",
    "article_url",
    "article_date",
    "loaded_at",
    "doc_length",
    "mentions",
    "sources",
    "articles",
)
_ENTITY_PARTS = ("code", "sector", "name", "text")


@dataclass(frozen=True)
class Layout:
    """A named table layout: its columns, the rows of one event's record, and whether a header row comes first."""

    name: str
    columns: tuple[str, ...]
    rows: Callable[[Record], Iterator[list[Any]]]
    header: bool
    description: str


def _gdelt_rows(r: Record) -> Iterator[list[Any]]:
    """One row per (actor, recipient) pair, as GDELT has one per dyad."""
    for a in _entities(r, "actor"):
        for b in _entities(r, "recipient"):
            yield [value(r, a, b) for _, value in GDELT]


def _mention_rows(r: Record) -> Iterator[list[Any]]:
    for m in mentions_of(r):
        yield [value(r, m) for _, value in GDELT_MENTIONS]


def _polecat_rows(r: Record) -> Iterator[list[Any]]:
    yield [value(r) for _, value in POLECAT]


def _entities(row: Record, side: str) -> list[dict[str, Any]]:
    """The entities of one side from their flat columns; one empty entity when there is none."""
    lists = [row[f"{side}_{part}s"] for part in _ENTITY_PARTS]
    return [dict(zip(_ENTITY_PARTS, values, strict=True)) for values in zip(*lists, strict=True)] or [{}]


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout("gdelt", GDELT_COLUMNS, _gdelt_rows, False, "GDELT 2.0 events, 61 columns, one row per dyad"),
        Layout("gdelt-mentions", GDELT_MENTIONS_COLUMNS, _mention_rows, False, "GDELT 2.0 mentions, 16 columns"),
        Layout("polecat", POLECAT_COLUMNS, _polecat_rows, True, "POLECAT-style, one row per event, with a header"),
    )
}


def event_key(event_id: str) -> int:
    """A GDELT-style integer id for an event outside a store: 60 bits of its id's SHA-1 (fits a signed int64)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def record_of(event: Event) -> Record:
    """An event's record when no store is at hand: one article, one source, its own mentions."""
    row = flat_row(event)
    return {
        **row,
        "event_key": event_key(event.event_id),
        "date_start": date_start(event.date),
        "article_url": event.url,
        "article_date": None,
        "loaded_at": None,
        "doc_length": None,
        "mentions": len(event.mentions),
        "sources": 1,
        "articles": 1,
    }


def tsv_cell(value: Any) -> str:
    """A value as a TSV field: tabs and newlines inside would break the rows that GDELT readers rely on."""
    return "" if value is None else str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


class LayoutWriter:
    """Writes records to a stream as tab-separated rows of one layout (its header first, if it has one)."""

    def __init__(self, stream: TextIO, layout: Layout) -> None:
        self.layout = layout
        self._writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        if layout.header:
            self._writer.writerow(layout.columns)

    def write_record(self, record: Record) -> int:
        """The record's rows; returns how many."""
        count = 0
        for row in self.layout.rows(record):
            self._writer.writerow([tsv_cell(value) for value in row])
            count += 1
        return count

    def write_records(self, records: Iterable[Record]) -> int:
        return sum(self.write_record(r) for r in records)


__all__ = [
    "GDELT_COLUMNS",
    "GDELT_MENTIONS_COLUMNS",
    "LAYOUTS",
    "POLECAT_COLUMNS",
    "Layout",
    "LayoutWriter",
    "event_key",
    "record_of",
    "tsv_cell",
]
