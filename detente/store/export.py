"""Export stored events as JSONL, CSV or Parquet in the flat layout of detente.schema, or in a layout of
detente.layouts (GDELT 2.0 events and mentions, POLECAT-style) as TSV."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from detente.errors import Errors, StoreError
from detente.formats import CsvWriter
from detente.layouts import LAYOUTS, LayoutWriter
from detente.schema import ARROW_SCHEMA, NAMES, partition_dirs
from detente.store.filters import EventFilter
from detente.store.store import Store

log = logging.getLogger(__name__)

EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", *LAYOUTS)
PARQUET_FILE = "events.parquet"  # one per year/month directory of a Parquet export

_FLAT_SQL = ", ".join(NAMES)
# Parquet files are written one partition after the other, so rows come partition by partition.
_PARTITION_ORDER = " ORDER BY year NULLS LAST, month NULLS LAST, date_start NULLS LAST, event_key"

_LAYOUT_SOURCE = (
    "events JOIN (SELECT dedup_id, mentions, sources, articles FROM event_reports) reports USING (dedup_id)"
)
# A record of detente.layouts: the flat row, the event key, and its article's url, date, load time and length.
_LAYOUT_SQL = (
    "event_key, date_start, "
    + ", ".join(f"events.{name}" for name in NAMES if name != "dedup_id")
    + ", "
    + ", ".join(
        f"(SELECT {value} FROM articles a WHERE a.id = events.doc_id LIMIT 1) AS {name}"
        for value, name in (("a.url", "article_url"), ("a.date", "article_date"), ("a.loaded_at", "loaded_at"))
    )
    + ", (SELECT length(a.text) FROM articles a WHERE a.id = events.doc_id LIMIT 1) AS doc_length,"
    " reports.mentions, reports.sources, reports.articles"
)


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
        count = LayoutWriter(stream, LAYOUTS[fmt]).write_records(layout_records(store, where))
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


def layout_records(store: Store, where: EventFilter | None = None, **options: Any) -> Iterator[dict[str, Any]]:
    """The filtered events as records of detente.layouts: flat rows with what the store knows beside them."""
    for batch in store.record_batches(_LAYOUT_SQL, where, source=_LAYOUT_SOURCE, **options):
        yield from batch.to_pylist()
