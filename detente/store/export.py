"""Export stored events as JSONL, CSV, Parquet (partitioned by year and month) or GDELT-style TSV."""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow.dataset as ds

from detente.errors import Errors, StoreError
from detente.store.filters import EventFilter
from detente.store.store import Store

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt")

# Flat columns of the CSV and Parquet exports: (name, SQL over the events table).
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "event_id"),
    ("doc_id", "doc_id"),
    ("date", "date"),
    ("date_precision", "date_precision"),
    ("year", "year"),
    ("month", "month"),
    ("event", "event"),
    ("mode", "mode"),
    ("quad", "quad"),
    ("intensity", "intensity"),
    ("actor_codes", "actor_codes"),
    ("actor_sectors", "json_extract_string(actor_json, '$[*].sector')"),
    ("actor_names", "json_extract_string(actor_json, '$[*].name')"),
    ("recipient_codes", "recipient_codes"),
    ("recipient_sectors", "json_extract_string(recipient_json, '$[*].sector')"),
    ("recipient_names", "json_extract_string(recipient_json, '$[*].name')"),
    ("context", "context"),
    ("object", "object"),
    ("location", "location"),
    ("historical", "historical"),
    ("negated", "negated"),
    ("hypothetical", "hypothetical"),
    ("future", "future"),
    ("sentence_index", "sentence_index"),
    ("sentence", "sentence"),
    ("trigger", "trigger"),
    ("trigger_start", "trigger_start"),
    ("trigger_end", "trigger_end"),
    ("pattern", "pattern"),
    ("url", "url"),
    ("source", "source"),
    ("dedup_key", "dedup_key"),
)

# GDELT 2.0 event-table names where one fits, then detente's own columns (docs/store.md).
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2Type1Code",
    "EventCode",
    "EventMode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "SOURCEURL",
    "DatePrecision",
    "IsNegated",
    "IsHypothetical",
    "IsFuture",
    "IsHistorical",
    "Context",
    "DocId",
    "EventId",
)
QUAD_CLASS = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}

_GDELT_SOURCE = (
    "events JOIN (SELECT dedup_key, count(*) AS mentions, count(DISTINCT source) AS sources,"
    " count(DISTINCT doc_id) AS articles FROM events GROUP BY dedup_key) reports USING (dedup_key)"
)
_GDELT_SQL_COLUMNS = (
    "event_key, event_id, doc_id, date_precision, date_start, actor_json, recipient_json, event, mode, quad, "
    "intensity, location, coalesce(nullif(url, ''), (SELECT a.url FROM articles a WHERE a.id = events.doc_id"
    " LIMIT 1), '') AS url, negated, hypothetical, future, historical, context, mentions, sources, articles"
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
        return _write_parquet(store, str(output), where)
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
        writer = csv.writer(stream)
        writer.writerow([name for name, _ in FLAT_COLUMNS])
        for row in flat_rows(store, where):
            writer.writerow([_cell(value) for value in row.values()])
            count += 1
    else:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in gdelt_rows(store, where):
            writer.writerow([_tsv_cell(value) for value in row])
            count += 1
    log.info("exported %d rows as %s", count, fmt)
    return count


def flat_rows(store: Store, where: EventFilter | None = None, **options: Any) -> Iterator[dict[str, Any]]:
    """The filtered events as flat dicts (the CSV columns; options: filters, limit, offset)."""
    reader = store.record_batches(", ".join(f"{sql} AS {name}" for name, sql in FLAT_COLUMNS), where, **options)
    for batch in reader:
        yield from batch.to_pylist()


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join("" if v is None else str(v) for v in value)
    return "" if value is None else value


def _tsv_cell(value: Any) -> str:
    # Tabs and newlines inside a field would break the row structure that GDELT readers rely on.
    return "" if value is None else str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _write_parquet(store: Store, directory: str, where: EventFilter) -> int:
    reader = store.record_batches(", ".join(f"{sql} AS {name}" for name, sql in FLAT_COLUMNS), where)
    table = reader.read_all()
    ds.write_dataset(
        table,
        directory,
        format="parquet",
        partitioning=["year", "month"],
        partitioning_flavor="hive",
        existing_data_behavior="delete_matching",
        basename_template="events-{i}.parquet",
    )
    log.info("exported %d rows as parquet to %s", table.num_rows, directory)
    return table.num_rows


def gdelt_rows(store: Store, where: EventFilter | None = None) -> Iterator[list[Any]]:
    """One GDELT-style row per (actor, recipient) pair of each filtered event, columns as GDELT_COLUMNS."""
    for batch in store.record_batches(_GDELT_SQL_COLUMNS, where, source=_GDELT_SOURCE):
        for r in batch.to_pylist():
            day = r["date_start"]
            actors = json.loads(r["actor_json"]) or [{}]
            recipients = json.loads(r["recipient_json"]) or [{}]
            for a in actors:
                for b in recipients:
                    yield [
                        r["event_key"],
                        day.strftime("%Y%m%d") if day else "",
                        day.strftime("%Y%m") if day else "",
                        day.year if day else "",
                        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
                        a.get("code", ""),
                        a.get("name") or a.get("text", ""),
                        a.get("sector", ""),
                        b.get("code", ""),
                        b.get("name") or b.get("text", ""),
                        b.get("sector", ""),
                        r["event"],
                        r["mode"],
                        QUAD_CLASS.get(r["quad"], ""),
                        r["intensity"],
                        r["mentions"],
                        r["sources"],
                        r["articles"],
                        r["location"],
                        r["url"],
                        r["date_precision"],
                        int(r["negated"]),
                        int(r["hypothetical"]),
                        int(r["future"]),
                        int(r["historical"]),
                        ";".join(r["context"]),
                        r["doc_id"],
                        r["event_id"],
                    ]
