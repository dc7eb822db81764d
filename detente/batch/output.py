"""Batch output: Parquet event files in the flat layout of detente.schema, in year and month directories,
written atomically per chunk, and the deduplicated event table with GDELT-like mention, source and article
counts."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Container
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from detente.model import Event
from detente.schema import ARROW_SCHEMA, SCHEMA_VERSION, SCHEMA_VERSION_KEY, events_table, partition_of

log = logging.getLogger(__name__)

EVENTS_DIR = "events"
DEDUP_FILE = "events_dedup.parquet"
TMP_PREFIX = ".tmp-"  # Parquet readers (pyarrow, DuckDB, Spark) skip files starting with '.'

DEDUP_SCHEMA = pa.schema([
    ("dedup_id", pa.string()), ("event", pa.string()), ("mode", pa.string()),
    ("actor_codes", pa.list_(pa.string())), ("recipient_codes", pa.list_(pa.string())),
    ("date", pa.string()), ("date_precision", pa.string()), ("quad", pa.string()),
    ("intensity", pa.float64()), ("mentions", pa.int64()), ("sources", pa.int64()),
    ("articles", pa.int64()), ("first_event_id", pa.string()), ("first_doc_id", pa.string()),
    ("first_url", pa.string()),
], metadata={SCHEMA_VERSION_KEY: str(SCHEMA_VERSION)})

_PART_NAME = re.compile(r"^part-(?P<key>[0-9]+-[0-9]+)\.parquet$")


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
    """Write one chunk's events, one file per year and month directory; returns their paths under output_dir."""
    by_partition: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        by_partition.setdefault(partition_of(event.date), []).append(event)
    written = []
    for (year, month), group in sorted(by_partition.items()):
        relative = Path(EVENTS_DIR, year, month, f"part-{key}.parquet")
        write_atomically(events_table(group), output_dir / relative)
        written.append(relative.as_posix())
    return written


def output_checks(output_dir: Path, outputs: list[str]) -> dict[str, dict]:
    """For each written file, what a resume checks it against: its row count and the SHA-256 of its bytes."""
    return {
        relative: {"rows": pq.ParquetFile(output_dir / relative).metadata.num_rows,
                   "sha256": file_digest(output_dir / relative)}
        for relative in outputs
    }


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def chunk_damage(output_dir: Path, record: dict) -> str | None:
    """Why a recorded chunk's files no longer hold what the manifest says (missing, changed, unreadable), or None.

    A manifest written before the checks were recorded has no hashes: then the files must exist, read
    as Parquet and hold the chunk's event count between them.
    """
    checks = record.get("checks") or {}
    total = 0
    for relative in record.get("outputs", []):
        path = output_dir / relative
        if not path.is_file():
            return f"{relative} is missing"
        try:
            if relative in checks and file_digest(path) != checks[relative]["sha256"]:
                return f"{relative} has changed (its content hash differs)"
            rows = pq.ParquetFile(path).metadata.num_rows
        except (OSError, ValueError, pa.ArrowException) as error:
            return f"{relative} cannot be read ({type(error).__name__}: {error})"
        if relative in checks and rows != checks[relative]["rows"]:
            return f"{relative} holds {rows} rows, not {checks[relative]['rows']}"
        total += rows
    if total != record.get("events", total):
        return f"its files hold {total} events, not {record['events']}"
    return None


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
        return ARROW_SCHEMA.empty_table()
    return pa.concat_tables(pq.read_table(p, schema=ARROW_SCHEMA) for p in files)


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
                   -- a mention lists codes in text order; the event is keyed on the sorted, distinct codes
                   any_value(list_sort(list_distinct(actor_codes))) AS actor_codes,
                   any_value(list_sort(list_distinct(recipient_codes))) AS recipient_codes,
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
        connection.execute(f"COPY ({query}) TO '{_sql_path(tmp)}' (FORMAT parquet, KV_METADATA {{"
                           f"'{SCHEMA_VERSION_KEY}': '{SCHEMA_VERSION}'}})", [[str(p) for p in files]])
    _fsync(tmp)
    os.replace(tmp, target)
    return pq.ParquetFile(target).metadata.num_rows


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
