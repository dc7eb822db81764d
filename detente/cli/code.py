"""`detente code PATH...`: code articles into PLOVER events."""

from __future__ import annotations

import sys

import click

from detente.articles import read_articles
from detente.batch.coding import coder_for
from detente.batch.progress import Progress
from detente.batch.workers import code_in_workers, default_workers
from detente.cli.exits import EXIT_REJECTED
from detente.cli.options import (
    CopiesInRun,
    DuplicateCounter,
    RejectCounter,
    columns_of,
    columns_options,
    date_option,
    rejects_printed_once,
    run_counts,
    workers_option,
)
from detente.formats import FORMATS, EventWriter


@click.command("code")
@click.argument("paths", nargs=-1, required=True)
@date_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table for people, jsonl or csv (the flat layout of docs/events.md), or a layout of docs/store.md.",
)
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@workers_option
@columns_options
@click.option(
    "--include-negated",
    is_flag=True,
    help="Also write events the text says did not happen, flagged negated (left out by default).",
)
@click.option(
    "--include-background",
    is_flag=True,
    help="Also write standing relations told in passing (US-backed forces), flagged background.",
)
def command(
    paths: tuple[str, ...],
    default_date,
    fmt: str,
    output: str | None,
    workers: int | None,
    include_negated: bool,
    include_background: bool,
    **columns: str | None,
) -> None:
    """Code articles: PATH is a file (text, HTML page, RSS/Atom feed, JSONL, CSV, Parquet, a list of URLs), a
    directory of them, an http(s) URL, or - for stdin."""
    rejects, duplicates, copies = RejectCounter(), DuplicateCounter(), CopiesInRun()
    articles = read_articles(
        paths, default_date=default_date, on_reject=rejects, columns=columns_of(columns), on_duplicate=duplicates
    )
    counter = _ArticleCounter(copies.watch(articles))

    def failed(article_id: str, reason: str) -> None:
        rejects.count += 1
        counter.failed += 1
        click.echo(f"rejected: {article_id}: {reason}", err=True)

    stream = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        with Progress() as progress, rejects_printed_once():
            coder = coder_for(include_negated, include_background)
            events = code_in_workers(
                counter, workers or default_workers(), progress=progress, on_failure=failed, coder=coder
            )
            writer = EventWriter(stream, fmt)
            writer.write_all(events)
    finally:
        if output:
            stream.close()
        else:
            stream.flush()
    coded = counter.count - counter.failed
    click.echo(
        f"read {counter.count + rejects.count - counter.failed + duplicates.count}, coded {coded}, "
        f"rejected {rejects.count}, "
        f"events {writer.count}{run_counts(duplicates.count, copies.count)}",
        err=True,
    )
    if rejects.count:
        sys.exit(EXIT_REJECTED)  # some inputs rejected (docs/cli.md, "Exit codes")


class _ArticleCounter:
    """Counts articles as they stream through."""

    def __init__(self, articles):
        self.articles, self.count, self.failed = articles, 0, 0

    def __iter__(self):
        for article in self.articles:
            self.count += 1
            yield article
