"""Batch input: JSONL, CSV or Parquet files (or a directory of them), cut into deterministic chunks.

Chunk k of a file holds its rows k*chunk_size .. (k+1)*chunk_size-1 (for JSONL, physical lines), so the
same input and chunk size always give the same chunks, whichever of them were already coded.
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from detente.articles.read import Reject, parse_article_record
from detente.errors import Errors, InputError
from detente.model import Article

log = logging.getLogger(__name__)

FORMATS: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
COLUMNS = ("id", "text", "date", "title", "url")

# Article texts are far longer than the csv module's default 128 KiB field limit.
csv.field_size_limit(2**31 - 1)


@dataclass
class Chunk:
    """Rows first..first+rows-1 of one input file, as articles plus the rows that could not be articles."""

    key: str
    path: str
    index: int
    first_row: int
    rows: int = 0
    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def input_files(path: str | os.PathLike, *, exclude: str | os.PathLike | None = None) -> list[Path]:
    """The input files of a batch: the file itself, or the supported files under a directory, sorted.

    Files under `exclude` (the batch's own output directory, if it lies inside the input) are left out.
    """
    root = Path(path)
    excluded = Path(exclude).resolve() if exclude is not None else None
    if root.is_file():
        if root.suffix.lower() not in FORMATS:
            raise InputError(Errors.E151.format(path=root))
        return [root]
    if not root.is_dir():
        raise InputError(Errors.E160.format(path=root, reason="no such file or directory"))
    files = sorted(
        (p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
         and not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)
         and not (excluded is not None and p.resolve().is_relative_to(excluded))),
        key=lambda p: p.relative_to(root).as_posix(),
    )
    if not files:
        raise InputError(Errors.E150.format(path=root))
    return files


def chunk_key(file_index: int, chunk_index: int) -> str:
    """The name of a chunk in the manifest and in its output file names."""
    return f"{file_index:05d}-{chunk_index:06d}"


def read_chunks(files: list[Path], chunk_size: int, *, skip: Container[str] = ()) -> Iterator[Chunk]:
    """Each chunk of each file in order; chunks whose key is in `skip` are passed over without parsing."""
    for file_index, path in enumerate(files):
        current: Chunk | None = None
        for row, line, raw in _raw_rows(path):
            # an unreadable rest of a file is reported in the chunk it broke off in
            index = row // chunk_size if row >= 0 else (current.index if current else 0)
            if current is None or current.index != index:
                if current is not None and current.key not in skip:
                    yield current
                current = Chunk(chunk_key(file_index, index), str(path), index, index * chunk_size)
            if row >= 0:
                current.rows += 1
            if current.key in skip:
                continue
            article = _to_article(path, line, raw, current.rejects)
            if article is not None:
                current.articles.append(article)
        if current is not None and current.key not in skip:
            yield current


class _Unreadable:
    """Stands for a row, or the rest of a file, that could not be read at all."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _raw_rows(path: Path) -> Iterator[tuple[int, int, object]]:
    """(row index, line or row number for messages, raw record) for every row of a file."""
    kind = FORMATS[path.suffix.lower()]
    try:
        if kind == "jsonl":
            yield from _jsonl_rows(path)
        elif kind == "csv":
            yield from _csv_rows(path)
        else:
            yield from _parquet_rows(path)
    except (OSError, ValueError, csv.Error) as error:
        # A file that stops being readable ends there; what it already gave stays coded.
        log.warning("cannot read %s: %s", path, error)
        yield -1, 0, _Unreadable(f"cannot read file: {error}")


def _jsonl_rows(path: Path) -> Iterator[tuple[int, int, object]]:
    with path.open("rb") as stream:
        for row, data in enumerate(stream):
            yield row, row + 1, data


def _csv_rows(path: Path) -> Iterator[tuple[int, int, object]]:
    # surrogateescape keeps a stray non-UTF-8 byte from stopping the file; that row is rejected alone.
    # utf-8-sig: spreadsheets start CSV files with a byte-order mark, which would rename the first column
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as stream:
        reader = csv.DictReader(stream)
        if reader.fieldnames is not None:
            reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
        for row, record in enumerate(reader):
            yield row, reader.line_num, record


def _parquet_rows(path: Path) -> Iterator[tuple[int, int, object]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    columns = [name for name in COLUMNS if name in parquet.schema_arrow.names]
    row = 0
    for batch in parquet.iter_batches(batch_size=1024, columns=columns):
        for record in batch.to_pylist():
            yield row, row + 1, record
            row += 1


def _to_article(path: Path, line: int, raw: object, rejects: list[Reject]) -> Article | None:
    def reject(reason: str) -> None:
        log.warning("rejected %s:%s: %s", path, line, reason)
        rejects.append(Reject(str(path), line or None, reason))

    if isinstance(raw, _Unreadable):
        reject(raw.reason)
        return None
    if isinstance(raw, bytes):
        if not raw.strip():
            return None  # blank lines are not rows of data
        try:
            raw = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            reject("not valid UTF-8")
            return None
        except json.JSONDecodeError as error:
            reject(f"not valid JSON: {error.msg}")
            return None
    if isinstance(raw, dict):
        if any(isinstance(v, str) and _has_surrogates(v) for v in raw.values()):
            reject("not valid UTF-8")
            return None
        raw = {key: raw[key] for key in COLUMNS if key in raw}
        raw["date"] = _plain_date(raw.get("date"))
    return parse_article_record(raw, None, reject)


def _plain_date(value: object) -> object:
    """A date from a date, a timestamp, or an ISO date-time string; anything else as it was, to be judged."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 10 and text[10] in "T " and text[:4].isdigit():
            return text[:10]  # wire feeds stamp times; coding needs the day
        return text
    return value


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
