"""Options and helpers shared by several commands."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import click

from detente.articles import Columns, Reject
from detente.articles.copies import CopyIndex
from detente.articles.read import Duplicate
from detente.errors import Errors, InputError
from detente.model import Article, publication_day


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """The day of --date, in any form an article's date may take (2023-05-10, 2023-05-10T10:00:00Z...)."""
    if value is None:
        return None
    day = publication_day(value)
    if not isinstance(day, dt.date):
        raise InputError(Errors.E005.format(value=value))
    return day


date_option = click.option(
    "--date",
    "default_date",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (text files, pages without a date, stdin).",
)


def columns_options(command: Callable) -> Callable:
    """--id-column, --text-column, --date-column, --url-column and --title-column: where a CSV or Parquet
    export keeps each field of an article (detente.articles.columns recognises common names without them)."""
    for field in reversed(("id", "text", "date", "url", "title")):
        command = click.option(
            f"--{field}-column",
            f"{field}_column",
            metavar="NAME",
            default=None,
            help=f"CSV/Parquet column holding the article's {field}.  [default: recognised by name]",
        )(command)
    return command


def columns_of(options: dict[str, str | None]) -> Columns:
    """The Columns of the --*-column options a command received."""
    return Columns(**{name.removesuffix("_column"): value for name, value in options.items()})


workers_option = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes that code.  [default: one per core]",
)


class RejectCounter:
    """Prints one line per rejected input (file, line, reason) and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, reject: Reject) -> None:
        self.count += 1
        click.echo(f"rejected: {reject}", err=True)


class DuplicateCounter:
    """Prints one line per article read a second time in the run (not coded again) and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, duplicate: Duplicate) -> None:
        self.count += 1
        click.echo(f"duplicate: {duplicate}", err=True)


class CopiesInRun:
    """Finds the copies among a run's articles (near-duplicates: detente.articles.copies), prints one line for
    each and counts them; every article still goes on to be coded."""

    def __init__(self) -> None:
        self.index = CopyIndex()
        self.count = 0

    def watch(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            found = self.index.add_text(article.id, article.text)
            if found is not None:
                self.count += 1
                click.echo(f"copy: {found}", err=True)
            yield article


def run_counts(duplicates: int, copies: int) -> str:
    """The end of a summary line: ', duplicates N, copies M', each only when there are some."""
    return (f", duplicates {duplicates}" if duplicates else "") + (f", copies {copies}" if copies else "")


class _PrintedByCommand(logging.Filter):
    """Drops the reader's log line for a rejected input: the command prints that input's line itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("rejected")


@contextmanager
def rejects_printed_once() -> Iterator[None]:
    """While a command prints each rejected input, the reader does not log it a second time."""
    reader_log = logging.getLogger("detente.articles.read")
    quiet = _PrintedByCommand()
    reader_log.addFilter(quiet)
    try:
        yield
    finally:
        reader_log.removeFilter(quiet)
