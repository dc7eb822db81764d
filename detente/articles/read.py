"""One reader for every command: paths (files, directories, '-') to Article records, or Rejects saying why not.

A file's kind comes from its suffix and its first bytes (detente.articles.sniff): plain text, an HTML page,
an RSS or Atom feed, JSON lines, a JSON file, CSV or TSV, Parquet. Tables and feeds give one article per
row or entry. Each bad input (a line, a row, a file, a directory entry) is one Reject, and the rest is read.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from detente.articles.columns import Columns, ColumnsMissing
from detente.articles.copies import text_key
from detente.articles.decode import (
    MAX_DOCUMENT_BYTES,
    MAX_JSON_DEPTH,
    MAX_LINE_BYTES,
    decode_bytes,
    file_encoding,
    json_depth,
)
from detente.articles.fetch import Fetcher, is_url
from detente.articles.quality import quality_problem
from detente.articles.sniff import DOCUMENTS, SUFFIXES, document_reason, kind_of
from detente.model import Article

log = logging.getLogger(__name__)

SNIFF_BYTES = 8192
# Article texts are far longer than the csv module's default 128 KiB field limit.
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class Reject:
    """An input that could not become an article: where, and why."""

    path: str
    line: int | None
    reason: str

    def __post_init__(self) -> None:
        # A header or path read with surrogateescape keeps its bad bytes as lone surrogates, which no UTF-8
        # writer takes (a log file, a JSON answer, a pipe): show each such byte as \xNN instead.
        for name in ("path", "reason"):
            object.__setattr__(self, name, escape_bad_bytes(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def escape_bad_bytes(text: str) -> str:
    """`text` with each byte that surrogateescape decoding kept as a lone surrogate written as an escape (\\x90)."""
    if not _has_surrogates(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no decoding made (a JSON "\\ud800"): escaped as such
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Row:
    """One unit of an input file: a JSONL line (blank ones included), a table row, a feed entry, or the whole
    of a text or HTML file. `index` counts from 0 and is what batch chunks are cut by; `line` is for messages."""

    index: int
    line: int | None
    item: Article | Reject | None  # None: a blank line, which holds nothing but counts for chunking


@dataclass(frozen=True)
class Duplicate:
    """An article read a second time in one run (the same text, at the same URL or without one): not read again."""

    article_id: str
    same_as: str

    def __str__(self) -> str:
        return f"{self.article_id}: the same article as {self.same_as}, read before: not coded again"


class SameArticles:
    """Tells an article already read in this run: the same words in the same order, and the same URL or no URL
    on either side (the same text at two URLs is another outlet's copy, kept: detente.articles.copies)."""

    def __init__(self) -> None:
        self.seen: dict[bytes, list[tuple[str, str]]] = {}

    def same_as(self, article: Article) -> str | None:
        """The id of the article this one repeats, or None (and it is remembered)."""
        read = self.seen.setdefault(text_key(article.text), [])
        for other_id, other_url in read:
            if not article.url or not other_url or article.url == other_url:
                return other_id
        read.append((article.id, article.url))
        return None


def read_articles(
    paths: Sequence[str],
    *,
    default_date: date | None = None,
    on_reject: Callable[[Reject], None] | None = None,
    columns: Columns | None = None,
    fetcher: Fetcher | None = None,
    on_duplicate: Callable[[Duplicate], None] | None = None,
) -> Iterator[Article]:
    """Articles from each path (or http(s) URL) in order; bad inputs go to on_reject (or are logged), never
    dropped silently; an article read a second time (SameArticles) goes to on_duplicate (or is logged). URLs
    share one fetcher, made when the first is met, so robots.txt is read once a site."""
    web = fetcher or _FetcherOnDemand()
    same = SameArticles()
    try:
        for path in paths:
            for row in read_path(path, columns=columns, fetcher=web):
                if isinstance(row.item, Reject):
                    log.warning("rejected %s", row.item)
                    if on_reject is not None:
                        on_reject(row.item)
                elif row.item is not None:
                    first = same.same_as(row.item)
                    if first is None:
                        yield with_default_date(row.item, default_date)
                        continue
                    log.info("duplicate %s", Duplicate(row.item.id, first))
                    if on_duplicate is not None:
                        on_duplicate(Duplicate(row.item.id, first))
    finally:
        if fetcher is None:
            web.close()


class _FetcherOnDemand:
    """A Fetcher made on first use: reading local files never builds an HTTP client."""

    def __init__(self) -> None:
        self.fetcher: Fetcher | None = None

    def fetch_all(self, urls: Iterable[str]) -> Iterator[tuple[str, object]]:
        if self.fetcher is None:
            from detente.articles.fetch import Fetcher

            self.fetcher = Fetcher()
        return self.fetcher.fetch_all(urls)

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()


def with_default_date(article: Article, default_date: date | None) -> Article:
    """The article, dated default_date when it carries no date of its own."""
    if article.date is None and default_date is not None:
        return article.model_copy(update={"date": default_date})
    return article


def read_path(raw: str, *, columns: Columns | None = None, fetcher: Fetcher | None = None) -> Iterator[Row]:
    """The rows of one argument: '-' (stdin), an http(s) URL, a directory (every file under it) or a file."""
    columns = columns or Columns()
    if raw == "-":
        yield from read_stream(_stdin_bytes(), "<stdin>", columns=columns, fetcher=fetcher)
        return
    if is_url(raw):
        yield from _url_rows([(0, None, raw)], raw, columns, fetcher)
        return
    path = Path(raw)
    problem = entry_problem(path)
    if problem is not None:
        yield Row(0, None, Reject(raw, None, problem))
    elif path.is_dir():
        for file in walk(path):
            if isinstance(file, Reject):
                yield Row(0, None, file)
            elif file.suffix and file.suffix.lower() not in SUFFIXES and file.suffix.lower() not in DOCUMENTS:
                # named on its own, such a file is read by its content; in a folder it may be anything
                yield Row(0, None, Reject(str(file), None, f"unsupported file type {file.suffix}: not read"))
            else:
                yield from read_file(file, doc_id=document_id(path, file), columns=columns, fetcher=fetcher)
    else:
        yield from read_file(path, doc_id=document_id(None, path), columns=columns, fetcher=fetcher)


def entry_problem(path: Path) -> str | None:
    """Why a path is not a directory or a regular file to read (a dangling link, a loop, a FIFO...), or None."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "dangling symbolic link" if path.is_symlink() else "no such file or directory"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode):
        return None
    if stat.S_ISFIFO(info.st_mode):
        return "a FIFO (named pipe), not a file: pipe it to '-' instead"
    if stat.S_ISSOCK(info.st_mode):
        return "a socket, not a file"
    return "a device or other special file, not a regular file"


def walk(root: Path) -> Iterator[Path | Reject]:
    """The regular files under a directory, sorted by relative path, each directory once (link cycles are
    cut); entries that are not files or directories come as Rejects. Hidden entries (.name) are left out."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Path | Reject]:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            yield Reject(str(folder), None, f"cannot list directory: {error.strerror or error}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            problem = entry_problem(path)
            if problem is not None:
                yield Reject(str(path), None, problem)
            elif path.is_dir():
                yield from visit(path)
            else:
                yield path

    yield from visit(root)


def document_id(argument: Path | None, file: Path) -> str:
    """A file's id when its content names none: the file's path from the folder the user named (or, for a
    file named itself, from its parent folder), without the suffix: d1/article, never a bare stem."""
    if argument is None:
        folder, relative = file.parent, Path(file.name)
    else:
        folder, relative = argument, file.relative_to(argument)
    name = folder.resolve().name
    stem = relative.with_suffix("").as_posix()
    return f"{name}/{stem}" if name else stem


def text_id(text: str) -> str:
    """The id of an article that has no id, URL or file name: a short hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]


def read_file(
    path: Path, *, doc_id: str | None = None, columns: Columns | None = None, fetcher: Fetcher | None = None
) -> Iterator[Row]:
    """The rows of one file, by its kind; a file that cannot be opened or read is one Reject."""
    columns = columns or Columns()
    name = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            stream.seek(0)
            kind = kind_of(path.suffix, head)
            if kind == "parquet":
                yield from _parquet_rows(path, columns)
            else:
                yield from read_stream(stream, name, kind=kind, doc_id=doc_id, columns=columns, fetcher=fetcher)
    except OSError as error:
        yield Row(-1, None, Reject(name, None, f"cannot read: {error.strerror or error}"))


def read_stream(
    stream: io.BufferedIOBase,
    name: str,
    *,
    kind: str | None = None,
    doc_id: str | None = None,
    columns: Columns | None = None,
    url: str | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Row]:
    """The rows of a binary stream of the given kind (sniffed when None): a file's, stdin's or a fetched
    page's (then `url` is where it came from: the article's URL, and its id when it names none)."""
    columns = columns or Columns()
    head, stream = _with_head(stream)
    if kind is None:
        kind = kind_of("", head)
    if kind == "jsonl":
        yield from _jsonl_rows(stream, head, name)
    elif kind in ("csv", "tsv"):
        yield from _csv_rows(stream, head, name, columns, delimiter="\t" if kind == "tsv" else ",")
    elif kind == "document":
        yield Row(0, None, Reject(name, None, document_reason(Path(name).suffix)))
    elif kind == "binary":
        yield Row(0, None, Reject(name, None, "binary data, not text: unsupported file type"))
    elif kind == "parquet":
        yield Row(0, None, Reject(name, None, "Parquet can be read from a file only, not from a stream"))
    else:
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            yield Row(0, None, Reject(name, None, f"larger than {MAX_DOCUMENT_BYTES // 2**20} MB: not read"))
            return
        if kind == "urls":
            yield from _url_list_rows(data, name, columns, fetcher)
        else:
            yield from _document_rows(data, name, kind, doc_id, url)


# Media types of a request body (POST /articles) that the reader takes, and the kind each is; text/plain is
# sniffed, as stdin is. JSON bodies are the API's own article objects and do not come here.
MEDIA_TYPES: dict[str, str | None] = {
    "text/plain": None,
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/xml": "feed", "text/xml": "feed",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/jsonlines": "jsonl",
}


# Media types of fetched answers beyond those of request bodies.
_WEB_KINDS: dict[str, str] = {
    "application/json": "json", "application/pdf": "document", "application/msword": "document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "document",
    "application/octet-stream": "binary", "application/vnd.apache.parquet": "binary",
}


def read_body(
    data: bytes, media_type: str, *, name: str = "<request>", columns: Columns | None = None
) -> tuple[list[Article], list[Reject]]:
    """The articles in a request body of one of MEDIA_TYPES, and the rejects, as a file of that kind gives."""
    articles: list[Article] = []
    rejects: list[Reject] = []
    for row in read_stream(io.BytesIO(data), name, kind=MEDIA_TYPES[media_type], columns=columns):
        if isinstance(row.item, Reject):
            rejects.append(row.item)
        elif row.item is not None:
            articles.append(row.item)
    return articles, rejects


def _url_list_rows(data: bytes, name: str, columns: Columns, fetcher: Fetcher | None) -> Iterator[Row]:
    """A file of URLs, one a line (# comments and blank lines skipped): each page fetched and read."""
    lines = decode_bytes(data).splitlines()
    entries = [(index, index + 1, line.strip()) for index, line in enumerate(lines)
               if line.strip() and not line.lstrip().startswith("#")]
    yield from _url_rows(entries, name, columns, fetcher)


def _url_rows(
    entries: list[tuple[int, int | None, str]], name: str, columns: Columns, fetcher: Fetcher | None
) -> Iterator[Row]:
    """Each URL fetched and read as a file of its media type (or content); a failure is that URL's Reject."""
    from detente.articles.fetch import Fetcher

    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        places = {url: (index, line) for index, line, url in entries}
        for url, result in fetcher.fetch_all([url for _, _, url in entries]):
            index, line = places[url]
            if isinstance(result, str):
                yield Row(index, line, Reject(name, line, result if line is None else f"{url}: {result}"))
                continue
            kind = MEDIA_TYPES.get(result.media_type) or _WEB_KINDS.get(result.media_type)
            for row in read_stream(io.BytesIO(result.body), result.url, kind=kind, columns=columns, url=result.url):
                yield Row(index, line, row.item)
    finally:
        if own:
            fetcher.close()


def _document_rows(data: bytes, name: str, kind: str, doc_id: str | None, url: str | None = None) -> Iterator[Row]:
    """A whole file held in memory: plain text, an HTML page, a feed, or a JSON file."""
    from detente.articles import feeds, html

    if kind == "feed":
        for index, found in enumerate(feeds.feed_records(data)):
            yield Row(index, None, _record_item(found, name, None))
        return
    text = decode_bytes(data)
    if kind == "json":
        yield from _json_file_rows(text, name)
        return
    if kind == "html":
        found = html.page_record(text, url=url)
        if isinstance(found, dict) and not found.get("url"):
            found["id"] = doc_id
        yield Row(0, None, _record_item(found, name, None))
        return
    yield Row(0, None, _record_item({"id": doc_id, "text": text, "url": url}, name, None))


def _record_item(found: dict | str, name: str, line: int | None) -> Article | Reject:
    if isinstance(found, str):
        return Reject(name, line, found)
    reasons: list[str] = []
    article = parse_article_record(found, None, reasons.append)
    if article is None:
        return Reject(name, line, reasons[0])
    problem = quality_problem(article.text)  # another language, or markup rather than prose
    return article if problem is None else Reject(name, line, problem)


def _json_file_rows(text: str, name: str) -> Iterator[Row]:
    """A .json file: one article object, or an array of them."""
    problem = _json_problem(text)
    if problem is None:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            problem = f"not valid JSON: {getattr(error, 'msg', error)}"
    if problem is not None:
        yield Row(0, None, Reject(name, None, problem))
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        yield Row(index, None, _record_item(record, f"{name}[{index}]" if isinstance(data, list) else name, None))


def _json_problem(text: str) -> str | None:
    depth = json_depth(text)
    return f"JSON nested {depth} deep (at most {MAX_JSON_DEPTH})" if depth > MAX_JSON_DEPTH else None


def _jsonl_rows(stream: io.BufferedIOBase, head: bytes, name: str) -> Iterator[Row]:
    """One JSON article a line, each line judged alone: too long, too deep, not JSON, not an article."""
    encoding, skip = file_encoding(head)
    stream.read(skip)
    if encoding is not None:  # UTF-16/32: lines are cut after decoding, as their newlines are two bytes or four
        lines: Iterable[bytes | str | None] = _text_lines(io.TextIOWrapper(stream, encoding=encoding, errors="replace"))
    else:
        lines = _byte_lines(stream)
    for index, line in enumerate(lines):
        if line is None:
            yield Row(index, index + 1, Reject(name, index + 1, f"line longer than {MAX_LINE_BYTES:,} bytes"))
            continue
        text = line if isinstance(line, str) else decode_bytes(line, None)
        if not text.strip():
            yield Row(index, index + 1, None)  # not a row of data, but a line that batch chunks count
            continue
        yield Row(index, index + 1, _json_line_item(text, name, index + 1))


def _json_line_item(text: str, name: str, line: int) -> Article | Reject:
    problem = _json_problem(text)
    if problem is not None:
        return Reject(name, line, problem)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return Reject(name, line, f"not valid JSON: {error.msg}")
    except RecursionError:
        return Reject(name, line, f"JSON nested too deep (at most {MAX_JSON_DEPTH})")
    return _record_item(record, name, line)


def _byte_lines(stream: io.BufferedIOBase) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line over MAX_LINE_BYTES, which is skipped to its end unread."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(2**20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _text_lines(stream: io.TextIOBase) -> Iterator[str | None]:
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith("\n"):
            while (rest := stream.readline(2**20)) and not rest.endswith("\n"):
                pass
            yield None
            continue
        yield line


def _csv_rows(stream: io.BufferedIOBase, head: bytes, name: str, columns: Columns, *, delimiter: str) -> Iterator[Row]:
    """One article per row; a table without a text column is one Reject naming the columns found and expected."""
    encoding, skip = file_encoding(head)
    stream.read(skip)
    if encoding is None:
        encoding = "utf-8" if _is_utf8(head) else "cp1252"
    # surrogateescape keeps a stray non-UTF-8 byte from stopping the file; that row is rejected alone. A
    # UTF-16/32 file cut in the middle of a character gets a replacement character (surrogateescape raises).
    errors = "replace" if encoding.startswith("utf-16") or encoding.startswith("utf-32") else "surrogateescape"
    text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")
    reader = csv.reader(text, delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        yield Row(0, None, Reject(name, None, "empty table"))
        return
    try:
        mapping = columns.resolve(header)
    except ColumnsMissing as error:
        yield Row(0, 1, Reject(name, 1, str(error)))
        return
    positions = {field: header.index(column) for field, column in mapping.items()}
    for index, values in enumerate(reader):
        line = reader.line_num
        if not any(value.strip() for value in values):
            yield Row(index, line, Reject(name, line, "empty row"))
            continue
        record = {field: values[i] if i < len(values) else None for field, i in positions.items()}
        if any(isinstance(v, str) and _has_surrogates(v) for v in record.values()):
            yield Row(index, line, Reject(name, line, "not valid UTF-8"))
            continue
        yield Row(index, line, _record_item(record, name, line))


def _parquet_rows(path: Path, columns: Columns) -> Iterator[Row]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        mapping = columns.resolve(parquet.schema_arrow.names)
    except ColumnsMissing as error:
        yield Row(0, None, Reject(str(path), None, str(error)))
        return
    except (OSError, ValueError) as error:
        yield Row(-1, None, Reject(str(path), None, f"cannot read Parquet: {error}"))
        return
    fields = {column: field for field, column in mapping.items()}
    index = 0
    for batch in parquet.iter_batches(batch_size=1024, columns=list(fields)):
        for values in batch.to_pylist():
            record = {fields[column]: value for column, value in values.items()}
            yield Row(index, index + 1, _record_item(record, str(path), index + 1))
            index += 1


def parse_article_record(record: object, default_date: date | None, reject: Callable[[str], None]) -> Article | None:
    """An Article from a decoded JSON/CSV/Parquet row or a feed entry, or None after telling reject why not.

    Its id is the record's own, else its URL, else a hash of its text."""
    if not isinstance(record, dict):
        reject("expected a JSON object with id and text")
        return None
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reject("missing or empty text")
        return None
    record = {key: value for key, value in record.items() if value is not None}
    if record.get("id") in (None, ""):
        record["id"] = record.get("url") or text_id(text)
    if record.get("date") in (None, ""):
        record["date"] = default_date
    try:
        return Article.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        reject(f"invalid {field}: {first['msg']}")
        return None


def _stdin_bytes() -> io.BufferedIOBase:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8"))  # a text stream put in place of stdin (tests)


def _with_head(stream: io.BufferedIOBase, size: int = SNIFF_BYTES) -> tuple[bytes, io.BufferedIOBase]:
    """The first bytes of a stream, and a stream that still starts with them (a pipe cannot seek back)."""
    if stream.seekable():
        here = stream.tell()
        head = stream.read(size)
        stream.seek(here)
        return head, stream
    head = stream.read(size)
    return head, io.BufferedReader(_Replayed(head, stream))


class _Replayed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size], self.head = self.head[:size], self.head[size:]
            return size
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > len(head) - 4  # a character cut at the end of the sample
    return True


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
