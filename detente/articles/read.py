"""Turn paths (a .txt file, a directory, a .jsonl file, or '-') into Article records."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from detente.errors import Errors, InputError
from detente.model import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reject:
    """An input that could not become an article: where, and why."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def read_articles(
    paths: Sequence[str],
    *,
    default_date: date | None = None,
    on_reject: Callable[[Reject], None] | None = None,
) -> Iterator[Article]:
    """Articles from each path in order; bad inputs go to on_reject (or are logged), never dropped silently."""

    def reject(item: Reject) -> None:
        log.warning("rejected %s", item)
        if on_reject is not None:
            on_reject(item)

    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin, "<stdin>", default_date, reject)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
            for file in files:
                yield from _read_text_file(file, default_date, reject)
        elif path.suffix == ".jsonl" and path.is_file():
            with path.open(encoding="utf-8") as stream:
                yield from _read_stream(stream, str(path), default_date, reject)
        elif path.is_file():
            yield from _read_text_file(path, default_date, reject)
        elif not path.exists():
            reject(Reject(str(path), None, "no such file or directory"))
        else:
            raise InputError(Errors.E004.format(path=path))


def _read_text_file(path: Path, default_date: date | None, reject: Callable[[Reject], None]) -> Iterator[Article]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reject(Reject(str(path), None, f"cannot read: {error}"))
        return
    if not text.strip():
        reject(Reject(str(path), None, "empty article"))
        return
    yield Article(id=path.stem, text=text, date=default_date)


def _read_stream(stream, name: str, default_date: date | None, reject: Callable[[Reject], None]) -> Iterator[Article]:
    """One JSON article a line; a stream that is not JSON at all is one plain-text article."""
    first = True
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        if first and name == "<stdin>" and not line.lstrip().startswith("{"):
            yield from _plain_stdin(line + stream.read(), default_date, reject)
            return
        first = False
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            reject(Reject(name, number, f"not valid JSON: {error.msg}"))
            continue
        article = parse_article_record(record, default_date, lambda reason, n=number: reject(Reject(name, n, reason)))
        if article is not None:
            yield article


def _plain_stdin(text: str, default_date: date | None, reject: Callable[[Reject], None]) -> Iterator[Article]:
    if not text.strip():
        reject(Reject("<stdin>", None, "empty article"))
        return
    yield Article(id="stdin", text=text, date=default_date)


def parse_article_record(record: object, default_date: date | None, reject: Callable[[str], None]) -> Article | None:
    """An Article from a decoded JSON/CSV/Parquet row, or None after telling reject why not."""
    if not isinstance(record, dict):
        reject("expected a JSON object with id and text")
        return None
    if record.get("id") in (None, ""):
        reject("missing id")
        return None
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        reject("missing or empty text")
        return None
    if record.get("date") in (None, ""):
        record = {**record, "date": default_date}
    try:
        return Article.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        reject(f"invalid {field}: {first['msg']}")
        return None
