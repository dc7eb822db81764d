"""Options and helpers shared by several commands."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import click

from detente.articles import Reject
from detente.errors import Errors, InputError


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputError(Errors.E005.format(value=value)) from error


date_option = click.option(
    "--date",
    "default_date",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (.txt files, stdin).",
)


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
