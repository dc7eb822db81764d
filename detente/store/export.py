"""Export stored events as JSONL, CSV or Parquet in the flat layout of detente.schema, or GDELT-style TSV."""

from __future__ import annotations

import csv
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from detente.errors import Errors, StoreError
from detente.formats import CsvWriter
from detente.schema import ARROW_SCHEMA, NAMES, partition_dirs
from detente.store.filters import EventFilter
from detente.store.store import Store

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt")
PARQUET_FILE = "events.parquet"  # one per year/month directory of a Parquet export

_FLAT_SQL = ", ".join(NAMES)
# Parquet files are written one partition after the other, so rows come partition by partition.
_PARTITION_ORDER = " ORDER BY year NULLS LAST, month NULLS LAST, date_start NULLS LAST, event_key"

QUAD_CLASS = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}
Entity = dict[str, Any]


def _day(fmt: str) -> Callable[[dict, Entity, Entity], Any]:
    return lambda r, a, b: r["date_start"].strftime(fmt) if r["date_start"] else ""


def _fraction(r: dict, a: Entity, b: Entity) -> str:
    day = r["date_start"]
    return f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""


# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
def _geo_type(r: dict, a: Entity, b: Entity) -> int | str:
    us = r["location_country"] == "USA"
    return {"country": 1, "adm1": 2 if us else 5, "city": 3 if us else 4}.get(r["location_precision"], "")


def _blank_none(name: str) -> Callable[[dict, Entity, Entity], Any]:
    return lambda r, a, b: "" if r[name] is None else r[name]


def _flag(name: str) -> Callable[[dict, Entity, Entity], int]:
    return lambda r, a, b: int(r[name])


# GDELT 2.0 event-table names where one fits, then detente's own columns (docs/store.md). Each value comes
# from the event's flat row of detente.schema (r), the actor and recipient of the row's dyad (a, b), or
# the store (event_key, date_start, the article's url, the duplicate-report counts).
GDELT: tuple[tuple[str, Callable[[dict, Entity, Entity], Any]], ...] = (
    ("GlobalEventID", lambda r, a, b: r["event_key"]),
    ("Day", _day("%Y%m%d")),
    ("MonthYear", _day("%Y%m")),
    ("Year", lambda r, a, b: r["date_start"].year if r["date_start"] else ""),
    ("FractionDate", _fraction),
    ("Actor1Code", lambda r, a, b: a.get("code", "")),
    ("Actor1Name", lambda r, a, b: a.get("name") or a.get("text", "")),
    ("Actor1Type1Code", lambda r, a, b: a.get("sector", "")),
    ("Actor2Code", lambda r, a, b: b.get("code", "")),
    ("Actor2Name", lambda r, a, b: b.get("name") or b.get("text", "")),
    ("Actor2Type1Code", lambda r, a, b: b.get("sector", "")),
    # GDELT's three CAMEO columns: the full code ("0311"), its three-digit base ("031") and its root ("03").
    ("EventCode", lambda r, a, b: r["cameo_code"]),
    ("EventBaseCode", lambda r, a, b: r["cameo_code"][:3]),
    ("EventRootCode", lambda r, a, b: r["cameo_root"]),
    ("EventType", lambda r, a, b: r["event"]),
    ("EventMode", lambda r, a, b: r["mode"]),
    ("QuadClass", lambda r, a, b: QUAD_CLASS.get(r["quad"], "")),
    ("GoldsteinScale", lambda r, a, b: r["intensity"]),
    ("NumMentions", lambda r, a, b: r["mentions"]),
    ("NumSources", lambda r, a, b: r["sources"]),
    ("NumArticles", lambda r, a, b: r["articles"]),
    ("ActionGeo_Type", _geo_type),
    ("ActionGeo_FullName", lambda r, a, b: r["location_name"] or r["location"]),
    # ISO alpha-3, not GDELT's FIPS 10-4 code; the ADM1 code is GeoNames' (ISO2.code), the feature its id
    ("ActionGeo_CountryCode", lambda r, a, b: r["location_country"]),
    ("ActionGeo_ADM1Code", lambda r, a, b: r["location_adm1_code"]),
    ("ActionGeo_Lat", _blank_none("location_lat")),
    ("ActionGeo_Long", _blank_none("location_lon")),
    ("ActionGeo_FeatureID", _blank_none("location_geonames_id")),
    ("SOURCEURL", lambda r, a, b: r["url"] or r["article_url"] or ""),
    ("DatePrecision", lambda r, a, b: r["date_precision"]),
    ("IsNegated", _flag("negated")),
    ("IsHypothetical", _flag("hypothetical")),
    ("IsFuture", _flag("future")),
    ("IsHistorical", _flag("historical")),
    ("Context", lambda r, a, b: ";".join(r["context"])),
    ("DocId", lambda r, a, b: r["doc_id"]),
    ("EventId", lambda r, a, b: r["event_id"]),
)
GDELT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in GDELT)

_GDELT_SOURCE = "events JOIN (SELECT dedup_id, mentions, sources, articles FROM event_reports) reports USING (dedup_id)"
_GDELT_SQL = (
    "event_key, date_start, "
    + ", ".join(f"events.{name}" for name in NAMES if name != "dedup_id")
    + ", (SELECT a.url FROM articles a WHERE a.id = events.doc_id LIMIT 1) AS article_url,"
    " reports.mentions, reports.sources, reports.articles"
)
_ENTITY_PARTS = ("code", "sector", "name", "text")


def export_events(
    store: Store, fmt: str, output: str | IO[str] | None = None, where: EventFilter | None = None, **filters: Any
) -> int:
    """Write the events matching the filter (as Store.query) in fmt to output (a path, a stream, or stdout)."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(Errors.E134.format(value=fmt, choices=", ".join(EXPORT_FORMATS)))
    where = EventFilter.of(where, **filters)
    if fmt == "parquet":
        if output is None or not isinstance(output, str | Path):
            raise StoreError(Errors.E145.format(format=fmt))
        return write_parquet(store, str(output), where)
    if isinstance(output, str | Path):
        with open(output, "w", encoding="utf-8", newline="") as stream:
            return _write_text(store, fmt, stream, where)
    return _write_text(store, fmt, output or sys.stdout, where)


def _write_text(store: Store, fmt: str, stream: IO[str], where: EventFilter) -> int:
    count = 0
    if fmt == "jsonl":
        for event in store.iter_events(where):
            stream.write(event.model_dump_json() + "\n")
            count += 1
    elif fmt == "csv":
        count = write_csv(store, stream, where)
    else:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in gdelt_rows(store, where):
            writer.writerow([_tsv_cell(value) for value in row])
            count += 1
    log.info("exported %d rows as %s", count, fmt)
    return count


def flat_rows(store: Store, where: EventFilter | None = None, **options: Any) -> Iterator[dict[str, Any]]:
    """The filtered events as flat rows of detente.schema (options: filters, limit, offset)."""
    for batch in store.record_batches(_FLAT_SQL, where, **options):
        yield from batch.to_pylist()


def write_csv(store: Store, stream: IO[str], where: EventFilter | None = None, **options: Any) -> int:
    """The filtered events as CSV in the flat layout, as `detente code --format csv` writes them."""
    writer, count = CsvWriter(stream), 0
    for row in flat_rows(store, where, **options):
        writer.write_values(row.values())
        count += 1
    return count


def _tsv_cell(value: Any) -> str:
    # Tabs and newlines inside a field would break the row structure that GDELT readers rely on.
    return "" if value is None else str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_parquet(store: Store, directory: str, where: EventFilter | None = None) -> int:
    """The filtered events as Parquet files of detente.schema.ARROW_SCHEMA, one per DIR/YYYY/MM/."""
    count, partition, writer = 0, None, None
    try:
        for batch in store.record_batches(_FLAT_SQL, where, order=_PARTITION_ORDER):
            # DuckDB names list items its own way and adds no metadata: cast to the one schema.
            table = pa.Table.from_batches([batch]).cast(ARROW_SCHEMA)
            for part, rows in _partitions(table):
                if part != partition:
                    if writer is not None:
                        writer.close()
                    partition, writer = part, _PartitionWriter(Path(directory, *part))
                writer.write(rows)
                count += rows.num_rows
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    if writer is not None:
        writer.close()
    log.info("exported %d rows as parquet to %s", count, directory)
    return count


def _partitions(table: pa.Table) -> Iterator[tuple[tuple[str, str], pa.Table]]:
    """Runs of rows with the same (year, month) directories: the rows come ordered by them."""
    keys = [partition_dirs(y, m) for y, m in zip(table["year"].to_pylist(), table["month"].to_pylist(), strict=True)]
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            yield keys[start], table.slice(start, i - start)
            start = i


class _PartitionWriter:
    """Writes one partition's file under a temporary name (readers skip '.' files), renamed when complete."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / PARQUET_FILE
        self.tmp = directory / f".tmp-{PARQUET_FILE}.{os.getpid()}"
        self._writer = pq.ParquetWriter(self.tmp, ARROW_SCHEMA)

    def write(self, table: pa.Table) -> None:
        self._writer.write_table(table)

    def close(self) -> None:
        self._writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self._writer.close()
        self.tmp.unlink(missing_ok=True)


def gdelt_rows(store: Store, where: EventFilter | None = None) -> Iterator[list[Any]]:
    """One GDELT-style row per (actor, recipient) pair of each filtered event, columns as GDELT_COLUMNS."""
    for batch in store.record_batches(_GDELT_SQL, where, source=_GDELT_SOURCE):
        for r in batch.to_pylist():
            for a in _entities(r, "actor"):
                for b in _entities(r, "recipient"):
                    yield [value(r, a, b) for _, value in GDELT]


def _entities(row: dict[str, Any], side: str) -> list[Entity]:
    """The entities of one side from their flat columns; one empty entity when there is none."""
    lists = [row[f"{side}_{part}s"] for part in _ENTITY_PARTS]
    return [dict(zip(_ENTITY_PARTS, values, strict=True)) for values in zip(*lists, strict=True)] or [{}]
