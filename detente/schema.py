"""The event's flat layout: one ordered table of columns, from which every writer and reader derives.

CSV (`detente code`, `detente query`, the API), Parquet (store export and `detente batch`), the store's
DuckDB table and its read SQL all take their columns from COLUMNS (docs/events.md, "Flat layout").
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from detente.model import Entity, Event, Location, Mention

# Bump when a column is added, removed, renamed, moved or retyped; tests/test_schema.py holds each
# version's fingerprint, and the store needs a migration to match (detente/store/schema.py).
SCHEMA_VERSION = 4
SCHEMA_VERSION_KEY = "detente.schema_version"  # Parquet file metadata
UNKNOWN = "unknown"  # the directory of a Parquet file whose rows have no year or no month

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Column:
    """One column of the flat layout: its name, Arrow type, how to get it from an Event, what it means."""

    name: str
    arrow: pa.DataType
    value: Callable[[Event], Any]
    description: str
    nullable: bool = False
    field: str | None = None  # the Event field this column holds as is
    entity: tuple[str, str] | None = None  # (side, attribute): one attribute of each actor, recipient or mention
    place: str | None = None  # the attribute of the event's Location this column holds

    @property
    def sql_type(self) -> str:
        """The DuckDB type of the column."""
        return duckdb_type(self.arrow)


def duckdb_type(arrow: pa.DataType) -> str:
    """The DuckDB type that holds an Arrow type of this layout."""
    if pa.types.is_list(arrow):
        return duckdb_type(arrow.value_type) + "[]"
    return _DUCKDB_TYPES[arrow]


_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
}


# -- derived values ------------------------------------------------------------------------------------
def date_period(value: str | dt.date | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a partial date ("2012", "2012-03", "2012-03-02"); None for None or ''.

    Raises ValueError when value is none of these.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value
    match = _PARTIAL_DATE.match(str(value).strip())
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


def date_start(value: str | None) -> dt.date | None:
    """The first day of an event date's period; None when undated or not a date."""
    try:
        period = date_period(value)
    except ValueError:
        return None
    return period[0] if period else None


def year_of(value: str | None) -> int | None:
    """The year an event date gives; None when undated or not a date."""
    start = date_start(value)
    return start.year if start else None


def month_of(value: str | None) -> int | None:
    """The month an event date gives; None when it gives only a year, or no date."""
    start = date_start(value)
    # A valid date holds a '-' exactly when it names a month ("2008-08", not "2008").
    return start.month if start and "-" in str(value) else None


def source_of(url: str | None) -> str | None:
    """The outlet of a report: its url's host without 'www.'; None when there is no url or host."""
    try:
        host = urlsplit(url.strip()).hostname if url and url.strip() else None
    except ValueError:  # not a url ("http://[" is an unclosed IPv6 address)
        return None
    return host.removeprefix("www.") if host else None


def dedup_key_text(event: Event) -> str:
    """Event.dedup_key() as compact JSON: what makes two reports the same event, as text."""
    return json.dumps(event.dedup_key(), separators=(",", ":"))


def dedup_id(event: Event) -> str:
    """16 hex digits of the SHA-1 of the dedup key's text: the same event in every report and output."""
    return hashlib.sha1(dedup_key_text(event).encode()).hexdigest()[:16]


def partition_dirs(year: int | None, month: int | None) -> tuple[str, str]:
    """The (year, month) directories of a Parquet row: ('2012', '03'), or 'unknown' for a missing part."""
    return (str(year) if year else UNKNOWN, f"{month:02d}" if month else UNKNOWN)


def partition_of(event_date: str | None) -> tuple[str, str]:
    """The (year, month) directories of the rows of an event date."""
    return partition_dirs(year_of(event_date), month_of(event_date))


# -- the columns ---------------------------------------------------------------------------------------
def _field(name: str, arrow: pa.DataType, description: str, *, nullable: bool = False) -> Column:
    def value(event: Event) -> Any:
        return getattr(event, name)

    return Column(name, arrow, value, description, nullable=nullable, field=name)


def _list(arrow: pa.DataType) -> pa.DataType:
    # Items named as Parquet names them, so a table read back from a file has the very schema written.
    return pa.list_(pa.field("element", arrow))


def _entities(side: str, attribute: str, arrow: pa.DataType, description: str, name: str = "") -> Column:
    def value(event: Event) -> list:
        return [getattr(entity, attribute) for entity in getattr(event, side)]

    return Column(name or f"{side}_{attribute}s", _list(arrow), value, description, entity=(side, attribute))


def _mentions(attribute: str, name: str, description: str) -> Column:
    def value(event: Event) -> list:
        return [getattr(mention, attribute) for mention in event.mentions]

    return Column(name, _list(_INT), value, description, entity=("mentions", attribute))


def _place(attribute: str, arrow: pa.DataType, description: str, *, nullable: bool = False) -> Column:
    def value(event: Event) -> Any:
        return getattr(event.place, attribute)

    return Column(f"location_{attribute}", arrow, value, description, nullable=nullable, place=attribute)


def _derived(
    name: str, arrow: pa.DataType, value: Callable[[Event], Any], description: str, *, nullable: bool = True
) -> Column:
    return Column(name, arrow, value, description, nullable=nullable)


_STR, _INT = pa.string(), pa.int64()

COLUMNS: tuple[Column, ...] = (
    _field("event_id", _STR, "16 hex digits from doc id, sentence, trigger offset and type"),
    _field("doc_id", _STR, "the article id"),
    _field("date", _STR, "when: YYYY-MM-DD, YYYY-MM or YYYY; null when unknown", nullable=True),
    _field("date_precision", _STR, "day, week, month, year or none"),
    _derived("year", pa.int32(), lambda e: year_of(e.date), "the date's year; null when undated"),
    _derived("month", pa.int32(), lambda e: month_of(e.date), "the date's month; null when only a year or undated"),
    _field("event", _STR, "the PLOVER event type (AGREE, ..., ASSAULT)"),
    _field("mode", _STR, "the PLOVER mode of the type, or ''"),
    _field("quad", _STR, "quad class: verbal_cooperation, material_cooperation, verbal_conflict, material_conflict"),
    _field("intensity", pa.float64(), "PLOVER conflict-cooperation score, -10 to 10"),
    _field("cameo_code", _STR, "the CAMEO event code of type, mode and context (GDELT's EventCode), or ''"),
    _field("cameo_root", _STR, "its two-digit CAMEO root (GDELT's EventRootCode), or ''"),
    _entities("actor", "code", _STR, "each actor's code: ISO alpha-3 for states, IGO or IGO... (IGOEUREEC), NGO, ..."),
    _entities("actor", "sector", _STR, "each actor's PLOVER sector (GOV, MIL, ...) or ''"),
    _entities("actor", "name", _STR, "each actor's name (organisations) or ''"),
    _entities("recipient", "code", _STR, "each recipient's code"),
    _entities("recipient", "sector", _STR, "each recipient's sector or ''"),
    _entities("recipient", "name", _STR, "each recipient's name or ''"),
    _field("context", _list(_STR), "PLOVER contexts (diplomatic, military, ...)"),
    _field("object", _STR, "what the event is about, as written"),
    _field("location", _STR, "a place named on the trigger, as written, or ''"),
    _place("name", _STR, "where the event happened: the place, ADM1 or state (country precision), or ''"),
    _place("country", _STR, "the ISO alpha-3 code of the state it is in, or ''"),
    _place("adm1", _STR, "its first-level division's name, or ''"),
    _place("adm1_code", _STR, "GeoNames admin1 code, ISO2.code (LB.09), or ''"),
    _place("lat", pa.float64(), "latitude in degrees; null for precision none", nullable=True),
    _place("lon", pa.float64(), "longitude in degrees; null for precision none", nullable=True),
    _place("geonames_id", _INT, "the GeoNames id of a city; null otherwise", nullable=True),
    _place("precision", _STR, "city, adm1, country or none"),
    _place("why", _STR, "how the place was chosen: trigger, sentence, dateline, actor or recipient, and why"),
    _field("historical", pa.bool_(), "clearly before publication"),
    _field("negated", pa.bool_(), "the text says it did not happen"),
    _field("hypothetical", pa.bool_(), "possible or attempted"),
    _field("future", pa.bool_(), "announced for later"),
    _field("actor_guessed", pa.bool_(), "the actor's state was guessed from the article, not named"),
    _field("background", pa.bool_(), "a standing relation told in passing (US-backed forces), undated"),
    _field("sentence_index", _INT, "the sentence's index in the article, from 0"),
    _field("sentence", _STR, "the sentence the event was coded from"),
    _field("trigger", _STR, "the words that fired the event"),
    _field("trigger_start", _INT, "character offset of the trigger in the article"),
    _field("trigger_end", _INT, "character offset after the trigger"),
    _field("pattern", _STR, "the lexicon entry that fired (file:line) or rule:NAME"),
    _field("url", _STR, "the article's url, or ''"),
    _mentions("sentence_index", "mention_sentences", "the sentence of each mention of the act in the article"),
    _mentions("trigger_start", "mention_starts", "each mention's trigger offset in the article"),
    _mentions("trigger_end", "mention_ends", "each mention's trigger end offset"),
    _entities("actor", "text", _STR, "each actor's mention in the article"),
    _entities("actor", "start", _INT, "each actor mention's character offset (null when unknown)"),
    _entities("actor", "end", _INT, "each actor mention's end offset (null when unknown)"),
    _entities("recipient", "text", _STR, "each recipient's mention in the article"),
    _entities("recipient", "start", _INT, "each recipient mention's character offset"),
    _entities("recipient", "end", _INT, "each recipient mention's end offset"),
    _entities("actor", "inferred", pa.bool_(), "each actor's code came from the article, not a name", "actor_inferred"),
    _entities("recipient", "inferred", pa.bool_(), "each recipient's code came from the article", "recipient_inferred"),
    _derived("source", _STR, lambda e: source_of(e.url), "the url's host without www.; null without url"),
    _derived("dedup_id", _STR, dedup_id, "the id all reports of one event share", nullable=False),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
# What an Event is read back from: its own fields, its place and the entity lists; derived columns are not needed.
EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.field or c.entity or c.place)
ARROW_SCHEMA = pa.schema(
    [pa.field(c.name, c.arrow) for c in COLUMNS], metadata={SCHEMA_VERSION_KEY: str(SCHEMA_VERSION)}
)


def columns_sql() -> str:
    """The flat columns as DuckDB column definitions, for a CREATE TABLE."""
    return ",\n    ".join(f"{c.name} {c.sql_type}{'' if c.nullable else ' NOT NULL'}" for c in COLUMNS)


# -- rows ----------------------------------------------------------------------------------------------
def flat_row(event: Event) -> dict[str, Any]:
    """An event as one flat row, keyed by column name in layout order."""
    return {c.name: c.value(event) for c in COLUMNS}


def event_from_flat(row: Mapping[str, Any]) -> Event:
    """The Event of a flat row (extra keys, such as the derived columns, are ignored)."""
    fields: dict[str, Any] = {}
    sides: dict[str, dict[str, list]] = {"actor": {}, "recipient": {}, "mentions": {}}
    place: dict[str, Any] = {}
    for column in COLUMNS:
        if column.field:
            fields[column.field] = row[column.name]
        elif column.place:
            place[column.place] = row.get(column.name)
        elif column.entity:
            side, attribute = column.entity
            sides[side][attribute] = row[column.name] or []
    for side, attributes in sides.items():
        names = list(attributes)
        model = Mention if side == "mentions" else Entity
        fields[side] = [
            model(**dict(zip(names, values, strict=True))) for values in zip(*attributes.values(), strict=True)
        ]
    fields["place"] = Location(**{k: v for k, v in place.items() if v is not None})
    return Event.model_validate(fields)


def events_table(events: Iterable[Event]) -> pa.Table:
    """Events as an Arrow table of ARROW_SCHEMA (what a Parquet file of events holds)."""
    return pa.Table.from_pylist([flat_row(e) for e in events], schema=ARROW_SCHEMA)


def events_from_table(table: pa.Table) -> list[Event]:
    """Events back from an Arrow table of the flat layout."""
    return [event_from_flat(row) for row in table.to_pylist()]


def csv_cell(value: Any) -> Any:
    """A flat value as a CSV cell: lists joined with ';' (a missing item is empty), null as ''."""
    if isinstance(value, list):
        return ";".join("" if v is None else str(v) for v in value)
    return "" if value is None else value
