"""`detente watch SOURCE... --db FILE --every 15m [--pair A B]`: poll feeds, store what is new, and report each
change of a watched pair's ledger threads (on stdout, or posted as JSON to a webhook)."""

from __future__ import annotations

import sys
import time
from contextlib import closing
from datetime import datetime, timedelta

import click

from detente.articles import Reject
from detente.articles.fetch import Fetcher
from detente.batch.progress import Progress
from detente.cli.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED
from detente.cli.options import columns_of, columns_options, rejects_printed_once
from detente.errors import Errors, InputError
from detente.ledger import country_code
from detente.store import open_store
from detente.store.watch import PollReport, StateChange, parse_interval, poll

WEBHOOK_TIMEOUT_SECONDS = 10.0


def _interval(ctx: click.Context, param: click.Parameter, value: str) -> float:
    return parse_interval(value)


class Webhook:
    """POSTs each change as JSON to a URL; a failed post is one line on stderr and counted."""

    def __init__(self, url: str) -> None:
        import httpx

        self.url = url
        self.client = httpx.Client(timeout=WEBHOOK_TIMEOUT_SECONDS)
        self.failed = 0

    def post(self, change: StateChange) -> None:
        import httpx

        try:
            answer = self.client.post(self.url, json=change.to_dict())
            answer.raise_for_status()
        except httpx.HTTPError as error:
            self.failed += 1
            click.echo(f"webhook {self.url}: {type(error).__name__}: {error}", err=True)

    def close(self) -> None:
        self.client.close()


def print_change(change: StateChange) -> None:
    """The change's line on stdout, its source sentence under it."""
    click.echo(change.line())
    click.echo(f"    {change.sentence}")


def _summary(number: int, report: PollReport, next_at: datetime | None) -> str:
    load = report.load
    failed = f", failed {load.failed}" if load.failed else ""
    copies = f", copies {load.copies}" if load.copies else ""
    then = f"; next poll at {next_at:%H:%M:%S}" if next_at else ""
    return (
        f"poll {number} at {datetime.now():%H:%M:%S}: read {load.read}, coded {load.coded}, "
        f"unchanged {load.unchanged}, rejected {len(report.rejects)}{failed}, events stored {load.events_stored}"
        f"{copies}, changes {len(report.changes)}{then}"
    )


@click.command("watch")
@click.argument("sources", nargs=-1, required=True, metavar="FEED_OR_URL_LIST...")
@click.option(
    "--db", "db", metavar="FILE", default=None,
    help="Event store that remembers what was seen (default: $DETENTE_DB or ./detente.duckdb); created when missing.",
)
@click.option(
    "--every", "every", metavar="INTERVAL", default="15m", show_default=True, callback=_interval,
    help="Time between two polls: seconds, or a number with s, m, h or d (90s, 15m, 1h).",
)
@click.option(
    "--pair", "pairs", type=(str, str), multiple=True, metavar="A B",
    help="A country pair whose ledger changes to report (ISO alpha-3 codes or names); repeat for more pairs. "
    "Without: every pair an article of the poll is about.",
)
@click.option("--webhook", "webhook", metavar="URL", default=None, help="POST each change as JSON here, not to stdout.")
@click.option("--once", "once", is_flag=True, help="Poll once and exit (for cron, or a test).")
@columns_options
def command(
    sources: tuple[str, ...],
    db: str | None,
    every: float,
    pairs: tuple[tuple[str, str], ...],
    webhook: str | None,
    once: bool,
    **columns: str | None,
) -> None:
    """Poll FEED_OR_URL_LISTs (feeds, URL lists, or any input `code` reads) every INTERVAL, code and store
    what is new, and report each change of state of a watched pair's ledger threads, with its sentence.

    What was seen is remembered in the store, so a restart neither repeats nor skips. Ctrl-C stops after
    reporting what was stored (exit code 130); with --once the exit code is 1 when an input was rejected.
    """
    watched = [(country_code(a), country_code(b)) for a, b in pairs] or None
    for a, b in watched or []:
        if a == b:
            raise InputError(Errors.E113.format(code=a))
    hook = Webhook(webhook) if webhook else None
    on_change = hook.post if hook else print_change
    problems = 0
    number = 0
    try:
        with open_store(db) as store, rejects_printed_once():
            while True:
                number += 1
                report = _one_poll(store, sources, watched, on_change, columns)
                problems += len(report.rejects) + report.load.failed
                next_at = None if once else datetime.now() + timedelta(seconds=every)
                click.echo(_summary(number, report, next_at), err=True)
                if once:
                    break
                time.sleep(every)  # Ctrl-C wakes it at once
    except KeyboardInterrupt:
        click.echo(f"interrupted after {number} poll{'s' if number != 1 else ''}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        if hook is not None:
            hook.close()
    if problems or (hook is not None and hook.failed):
        sys.exit(EXIT_REJECTED)
    sys.exit(EXIT_OK)


def _one_poll(store, sources, watched, on_change, columns) -> PollReport:
    """One poll under a progress line (drawn when stderr is a terminal)."""

    def on_reject(item: Reject) -> None:
        click.echo(f"rejected {item}", err=True)

    # A client per poll: robots.txt is read again each poll, as a site may change it between two polls
    with Progress() as progress, closing(Fetcher()) as fetcher:

        def coder(chunk):
            import detente

            chunk = list(chunk)
            events = list(detente.code_articles(chunk))
            progress.update(articles=len(chunk))
            return events

        return poll(
            store, sources, watched, on_change=on_change, on_reject=on_reject,
            columns=columns_of(columns), fetcher=fetcher, coder=coder,
        )

