"""Batch input: any file the article reader takes (JSONL, CSV, Parquet, text, HTML, feeds), or a directory of
them, cut into deterministic chunks.

Chunk k of a file holds its rows k*chunk_size .. (k+1)*chunk_size-1 (for JSONL, physical lines; a text or HTML
file is one row, a feed one row per entry), so the same input and chunk size always give the same chunks,
whichever of them were already coded. Rows are read by detente.articles, the reader every command shares.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.articles.columns import Columns
from detente.articles.fetch import is_url
from detente.articles.read import SNIFF_BYTES, Reject, Row, document_id, entry_problem, read_file, read_path
from detente.articles.sniff import DOCUMENTS, SUFFIXES, kind_of
from detente.errors import Errors, InputError
from detente.model import Article

log = logging.getLogger(__name__)

FORMATS: dict[str, str] = dict(SUFFIXES)


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


def input_root(path: str | os.PathLike) -> Path | str:
    """A batch's input as given: a path, or an http(s) URL kept as text (a Path would fold its '//')."""
    return str(path) if is_url(str(path)) else Path(path)


def input_files(path: str | os.PathLike, *, exclude: str | os.PathLike | None = None) -> list[Path | str]:
    """The input files of a batch: the file itself, or the supported files under a directory, sorted; or the
    URL itself (a page or a feed, fetched and read as code reads it).

    Files under `exclude` (the batch's own output directory, if it lies inside the input) are left out.
    """
    if is_url(str(path)):
        return [str(path)]
    root = Path(path)
    excluded = Path(exclude).resolve() if exclude is not None else None
    if root.is_file():
        if root.suffix.lower() not in FORMATS and root.suffix.lower() not in DOCUMENTS and root.suffix:
            raise InputError(Errors.E151.format(path=root))
        return [root]
    if not root.is_dir():
        raise InputError(Errors.E160.format(path=root, reason=entry_problem(root) or "not a file or directory"))
    files = []
    for p in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        if any(part.startswith((".", "_")) for part in p.relative_to(root).parts) or p.is_dir():
            continue
        problem = entry_problem(p)
        if problem is not None:  # a FIFO would block the run; said, not skipped silently
            log.warning("batch input %s: not read (%s)", p, problem)
        elif excluded is not None and p.resolve().is_relative_to(excluded):
            continue
        elif p.suffix.lower() in FORMATS:
            files.append(p)
        else:  # the other commands reject such a file with its reason
            log.warning("batch input %s: not read (unsupported file type)", p)
    if not files:
        raise InputError(Errors.E150.format(path=root))
    return files


def url_list_rows(path: Path) -> int | None:
    """How many URLs a file lists when it is a list of URLs (its pages are fetched only when coded), else None."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            if kind_of(path.suffix, head) != "urls":
                return None
            data = head + stream.read()
    except OSError:
        return None
    return sum(1 for line in data.splitlines() if line.strip() and not line.lstrip().startswith(b"#"))


def chunk_key(file_index: int, chunk_index: int) -> str:
    """The name of a chunk in the manifest and in its output file names."""
    return f"{file_index:05d}-{chunk_index:06d}"


def read_chunks(
    files: list[Path | str], chunk_size: int, *, skip: Container[str] = (), columns: Columns | None = None,
    root: Path | None = None,
) -> Iterator[Chunk]:
    """Each chunk of each file in order; chunks whose key is in `skip` are not yielded."""
    for file_index, path in enumerate(files):
        current: Chunk | None = None
        for row, line, raw in _raw_rows(path, columns, root):
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


def _raw_rows(
    path: Path | str, columns: Columns | None = None, root: Path | None = None
) -> Iterator[tuple[int, int, object]]:
    """(row index, line or row number for messages, article or reject) for every row of a file; -1 for a
    file that stopped being readable, whose reason is reported in the chunk it broke off in."""
    if isinstance(path, str):  # a URL: each entry of its feed is a row of its own
        rows = (Row(number, None, row.item) for number, row in enumerate(read_path(path, columns=columns)))
    else:
        rows = read_file(path, doc_id=document_id(root if root is not None and root != path else None, path),
                         columns=columns)
    for row in rows:
        item: object = row.item
        if isinstance(item, Reject) and row.index < 0:
            log.warning("cannot read %s: %s", path, item.reason)
            item = _Unreadable(item.reason)
        yield row.index, row.line or 0, item


def _to_article(path: Path, line: int, raw: object, rejects: list[Reject]) -> Article | None:
    if isinstance(raw, _Unreadable):
        log.warning("rejected %s:%s: %s", path, line, raw.reason)
        rejects.append(Reject(str(path), line or None, raw.reason))
        return None
    if isinstance(raw, Reject):
        log.warning("rejected %s", raw)
        rejects.append(raw)
        return None
    return raw if isinstance(raw, Article) else None


__all__ = ["Chunk", "Row", "chunk_key", "input_files", "read_chunks"]
