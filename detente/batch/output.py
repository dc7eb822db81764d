"""Batch output: Parquet event files partitioned by event year and month, written atomically per chunk,
and the deduplicated event table with GDELT-like mention, source and article counts."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Container, Iterable
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.parquet as pq

from detente.model import Event

log = logging.getLogger(__name__)

EVENTS_DIR = "events"
DEDUP_FILE = "events_dedup.parquet"
UNKNOWN = "unknown"  # partition value for an event with no year or no month
TMP_PREFIX = ".tmp-"  # Parquet readers (pyarrow, DuckDB, Spark) skip files starting with '.'

_ENTITY = pa.struct(
    [
        ("text", pa.string()),
        ("code", pa.string()),
        ("sector", pa.string()),
        ("name", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
    ]
)

# One row per mention: every Event field, plus the columns that tie it to its deduplicated event.
EVENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("event_id", pa.string()),
        ("event", pa.string()),
        ("mode", pa.string()),
        ("context", pa.list_(pa.string())),
        ("actor", pa.list_(_ENTITY)),
        ("recipient", pa.list_(_ENTITY)),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("historical", pa.bool_()),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("future", pa.bool_()),
        ("intensity", pa.float64()),
        ("quad", pa.string()),
        ("object", pa.string()),
        ("location", pa.string()),
        ("sentence_index", pa.int64()),
        ("sentence", pa.string()),
        ("trigger", pa.string()),
        ("trigger_start", pa.int64()),
        ("trigger_end", pa.int64()),
        ("pattern", pa.string()),
        ("url", pa.string()),
        ("dedup_id", pa.string()),
        ("actor_codes", pa.list_(pa.string())),
        ("recipient_codes", pa.list_(pa.string())),
        ("source", pa.string()),
    ]
)

DEDUP_SCHEMA = pa.schema(
    [
        ("dedup_id", pa.string()),
        ("event", pa.string()),
        ("mode", pa.string()),
        ("actor_codes", pa.list_(pa.string())),
        ("recipient_codes", pa.list_(pa.string())),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("quad", pa.string()),
        ("intensity", pa.float64()),
        ("mentions", pa.int64()),
        ("sources", pa.int64()),
        ("articles", pa.int64()),
        ("first_event_id", pa.string()),
        ("first_doc_id", pa.string()),
        ("first_url", pa.string()),
    ]
)

_PART_NAME = re.compile(r"^part-(?P<key>[0-9]+-[0-9]+)\.parquet$")


def dedup_id(event: Event) -> str:
    """A short stable id of what makes reports the same event (Event.dedup_key)."""
    return hashlib.sha1(json.dumps(event.dedup_key()).encode()).hexdigest()[:16]


def source_of(url: str) -> str | None:
    """The outlet of a mention: the URL's host without 'www.'; None when the article has no URL."""
    host = urlsplit(url.strip()).hostname if url and url.strip() else None
    if not host:
        return None
    return host.removeprefix("www.")


def partition_of(event_date: str | None) -> tuple[str, str]:
    """(year, month) partition values of an event date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    match = re.match(r"^(\d{4})(?:-(\d{2}))?", event_date or "")
    if not match:
        return UNKNOWN, UNKNOWN
    return match.group(1), match.group(2) or UNKNOWN


def event_rows(events: Iterable[Event]) -> list[dict]:
    """Events as rows of EVENT_SCHEMA."""
    rows = []
    for event in events:
        row = event.model_dump(mode="json")
        _, _, actors, recipients, _ = event.dedup_key()
        row.update(
            dedup_id=dedup_id(event),
            actor_codes=list(actors),
            recipient_codes=list(recipients),
            source=source_of(event.url),
        )
        rows.append(row)
    return rows


def events_table(events: Iterable[Event]) -> pa.Table:
    """Events as an Arrow table of EVENT_SCHEMA."""
    return pa.Table.from_pylist(event_rows(events), schema=EVENT_SCHEMA)


def events_from_table(table: pa.Table) -> list[Event]:
    """Events back from rows of EVENT_SCHEMA (extra columns, such as partitions, are ignored)."""
    return [Event.model_validate(row) for row in table.to_pylist()]


def write_atomically(table: pa.Table, path: Path) -> None:
    """Write a Parquet file so that it is either absent or complete, even if the process is killed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{TMP_PREFIX}{path.name}.{os.getpid()}")
    pq.write_table(table, tmp)
    _fsync(tmp)
    os.replace(tmp, path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_chunk(output_dir: Path, key: str, events: list[Event]) -> list[str]:
    """Write one chunk's events, one file per (year, month) partition; returns their paths under output_dir."""
    by_partition: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        by_partition.setdefault(partition_of(event.date), []).append(event)
    written = []
    for (year, month), group in sorted(by_partition.items()):
        relative = Path(EVENTS_DIR, f"year={year}", f"month={month}", f"part-{key}.parquet")
        write_atomically(events_table(group), output_dir / relative)
        written.append(relative.as_posix())
    return written


def remove_unrecorded(output_dir: Path, recorded: Container[str]) -> int:
    """Delete temp files and the files of chunks the manifest does not record (left by a killed run)."""
    removed = 0
    for path in output_dir.glob(f"{TMP_PREFIX}*"):  # the manifest's or the dedup table's temp file
        path.unlink()
        removed += 1
    events_dir = output_dir / EVENTS_DIR
    if not events_dir.is_dir():
        return removed
    for path in events_dir.rglob("*"):
        if not path.is_file():
            continue
        match = _PART_NAME.match(path.name)
        if path.name.startswith(TMP_PREFIX) or (match and match.group("key") not in recorded):
            log.info("removing %s left by an interrupted run", path)
            path.unlink()
            removed += 1
    return removed


def event_files(output_dir: Path) -> list[Path]:
    """Every event file of a batch output, in a stable order."""
    events_dir = output_dir / EVENTS_DIR
    if not events_dir.is_dir():
        return []
    return sorted(p for p in events_dir.rglob("part-*.parquet") if _PART_NAME.match(p.name))


def read_events(output_dir: Path) -> pa.Table:
    """All event rows of a batch output as one table (for tests and small outputs)."""
    files = event_files(output_dir)
    if not files:
        return EVENT_SCHEMA.empty_table()
    return pa.concat_tables(pq.read_table(p, schema=EVENT_SCHEMA) for p in files)


def write_dedup(output_dir: Path) -> int:
    """Write events_dedup.parquet: one row per distinct event with its mentions, sources and articles."""
    import duckdb

    files = event_files(output_dir)
    target = output_dir / DEDUP_FILE
    if not files:
        write_atomically(DEDUP_SCHEMA.empty_table(), target)
        return 0
    tmp = target.with_name(f"{TMP_PREFIX}{target.name}.{os.getpid()}")
    # DuckDB streams and spills the grouping, so this scales past memory. The values that are not part
    # of the key come from the smallest mention in (event_id, doc_id, url, ...) order: the same input
    # may hold an article twice, and ties must still break the same way on every run.
    query = """
        SELECT dedup_id, event, mode, actor_codes, recipient_codes, date,
               first.date_precision AS date_precision, first.quad AS quad, first.intensity AS intensity,
               mentions, sources, articles, first.event_id AS first_event_id, first.doc_id AS first_doc_id,
               first.url AS first_url
        FROM (
            SELECT dedup_id, any_value(event) AS event, any_value(mode) AS mode,
                   any_value(actor_codes) AS actor_codes, any_value(recipient_codes) AS recipient_codes,
                   any_value(date) AS date, count(*) AS mentions, count(DISTINCT source) AS sources,
                   count(DISTINCT doc_id) AS articles,
                   min({'event_id': event_id, 'doc_id': doc_id, 'url': url, 'date_precision': date_precision,
                        'quad': quad, 'intensity': intensity}) AS first
            FROM read_parquet(?, hive_partitioning = false)
            GROUP BY dedup_id
        )
        ORDER BY date NULLS LAST, dedup_id
    """
    with duckdb.connect() as connection:
        connection.execute(f"COPY ({query}) TO '{_sql_path(tmp)}' (FORMAT parquet)", [[str(p) for p in files]])
    _fsync(tmp)
    os.replace(tmp, target)
    return pq.ParquetFile(target).metadata.num_rows


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
