"""`detente code PATH...`: code articles into PLOVER events."""

from __future__ import annotations

import sys

import click

from detente.articles import read_articles
from detente.cli.options import RejectCounter, date_option
from detente.coder import code_articles
from detente.formats import FORMATS, EventWriter


@click.command("code")
@click.argument("paths", nargs=-1, required=True)
@date_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def command(paths: tuple[str, ...], default_date, fmt: str, output: str | None) -> None:
    """Code articles: PATH is a .txt file, a directory of them, a .jsonl file, or - for stdin."""
    rejects = RejectCounter()
    counter = _ArticleCounter(read_articles(paths, default_date=default_date, on_reject=rejects))
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        writer = EventWriter(stream, fmt)
        writer.write_all(code_articles(counter))
    finally:
        if output:
            stream.close()
    click.echo(
        f"read {counter.count + rejects.count}, coded {counter.count}, rejected {rejects.count}, events {writer.count}",
        err=True,
    )
    if rejects.count:
        sys.exit(1)


class _ArticleCounter:
    """Counts articles as they stream through."""

    def __init__(self, articles):
        self.articles, self.count = articles, 0

    def __iter__(self):
        for article in self.articles:
            self.count += 1
            yield article
