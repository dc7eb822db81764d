"""`detente load PATH...`: code articles and store them with their events (idempotent by content hash)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

import click

from detente.articles import Reject, read_articles
from detente.articles.copies import Copy
from detente.batch.progress import Progress
from detente.batch.workers import WorkerPool, code_in_workers, default_workers, workers_worth_starting
from detente.cli.exits import EXIT_REJECTED
from detente.cli.options import (
    DuplicateCounter,
    columns_of,
    columns_options,
    parse_date,
    rejects_printed_once,
    run_counts,
    workers_option,
)
from detente.model import Article
from detente.store.staging import StagedWrites


class CodingFailed(Exception):
    """The coder failed on an article of a chunk; the message is its reason."""

    def __str__(self) -> str:
        return str(self.args[0])


class UndatedArticles:
    """Notes the articles read without a publication date: their events are dated by their text alone,
    so most end up undated, and the ledger and charts cannot place them."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def watch(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.date is None:
                self.ids.append(article.id)
            yield article

    def warning(self) -> str:
        shown = ", ".join(self.ids[:3]) + (", ..." if len(self.ids) > 3 else "")
        count = f"{len(self.ids)} article" + ("" if len(self.ids) == 1 else "s")
        return (
            f"warning: {count} without a publication date ({shown}); their events are dated "
            'only by their own text: give --date, or a "date" in each JSONL line'
        )


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
    help="Publication date of inputs that carry none (text files, pages and rows without a date).",
)
@workers_option
@columns_options
def command(
    paths: tuple[str, ...], db: str | None, default_date: str | None, workers: int | None, **columns: str | None
) -> None:
    """Code the articles at PATHs (files of any kind `code` reads, directories, or -) and store them with
    their events.

    An article already stored with the same content adds nothing; one with the same id and a changed
    text replaces its events. Each rejected input is printed as FILE:LINE: REASON on stderr, each
    article the coder failed on as ID: REASON; the exit code is then 1.
    """
    rejected: list[Reject] = []
    undated = UndatedArticles()
    duplicates = DuplicateCounter()

    def on_reject(item: Reject) -> None:
        rejected.append(item)
        click.echo(f"rejected {item}", err=True)

    # Into a copy swapped in after commits, so that readers of the store keep reading meanwhile.
    with StagedWrites(db) as store, rejects_printed_once():
        articles = undated.watch(
            read_articles(
                paths, default_date=default_date, on_reject=on_reject, columns=columns_of(columns),
                on_duplicate=duplicates,
            )
        )
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
    for article_id, copy_of, similarity in report.copies_found:
        click.echo(f"copy: {Copy(article_id, copy_of, similarity)}", err=True)
    if undated.ids:
        click.echo(undated.warning(), err=True)
    failed = f", failed {report.failed}" if report.failed else ""
    click.echo(
        f"read {report.read}, coded {report.coded}, unchanged {report.unchanged}, "
        f"replaced {report.replaced}, rejected {len(rejected)}{failed}, events stored {report.events_stored}"
        f"{run_counts(duplicates.count, report.copies)}"
    )
    if rejected or report.failed:
        sys.exit(EXIT_REJECTED)  # some inputs rejected (docs/cli.md, "Exit codes")
