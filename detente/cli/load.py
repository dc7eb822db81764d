"""`detente load PATH...`: code articles and store them with their events (idempotent by content hash)."""

from __future__ import annotations

import sys

import click

from detente.articles import Reject, read_articles
from detente.batch.progress import Progress
from detente.batch.workers import WorkerPool, code_in_workers, default_workers, workers_worth_starting
from detente.cli.options import parse_date, rejects_printed_once, workers_option
from detente.store import open_store


class CodingFailed(Exception):
    """The coder failed on an article of a chunk; the message is its reason."""

    def __str__(self) -> str:
        return str(self.args[0])


@click.command("load")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    "db",
    metavar="FILE",
    default=None,
    help="Event store (default: $DETENTE_DB or ./detente.duckdb); created when missing.",
)
@click.option(
    "--date",
    "default_date",
    metavar="YYYY-MM-DD",
    default=None,
    callback=parse_date,
    help="Publication date of inputs that carry none (.txt files, JSONL lines without date).",
)
@workers_option
def command(paths: tuple[str, ...], db: str | None, default_date: str | None, workers: int | None) -> None:
    """Code the articles at PATHs (.txt, directory, .jsonl or -) and store articles and events.

    An article already stored with the same content adds nothing; one with the same id and a changed
    text replaces its events. Each rejected input is printed as FILE:LINE: REASON on stderr, each
    article the coder failed on as ID: REASON; the exit code is then 1.
    """
    rejected: list[Reject] = []

    def on_reject(item: Reject) -> None:
        rejected.append(item)
        click.echo(f"rejected {item}", err=True)

    with open_store(db) as store, rejects_printed_once():
        articles = read_articles(paths, default_date=default_date, on_reject=on_reject)
        # One pool for the whole input, started when the first chunk needs coding; none for a small input.
        count, articles = workers_worth_starting(articles, workers or default_workers())
        pool = WorkerPool(count) if count > 1 else None
        with Progress() as progress:

            def coder(chunk):
                """Code a chunk on the workers; a failed article fails the chunk, which the store then
                codes one article at a time to name the one that failed."""
                failures: list[str] = []
                events = list(
                    code_in_workers(
                        chunk, count, progress=progress, pool=pool,
                        on_failure=lambda _id, reason: failures.append(reason),
                    )
                )
                if failures:
                    raise CodingFailed(failures[0])
                return events

            try:
                report = store.load(articles, coder=coder)
            finally:
                if pool is not None:
                    pool.close()
    for article_id, reason in report.failures:
        click.echo(f"failed {article_id}: {reason}", err=True)
    failed = f", failed {report.failed}" if report.failed else ""
    click.echo(
        f"read {report.read}, coded {report.coded}, unchanged {report.unchanged}, "
        f"replaced {report.replaced}, rejected {len(rejected)}{failed}, events stored {report.events_stored}"
    )
    if rejected or report.failed:
        sys.exit(1)  # some inputs rejected (docs/cli.md, "Exit codes")
