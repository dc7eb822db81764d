"""`detente relations A B [PATH...]`: where two countries stand, thread by thread, with the sources."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import click

from detente.cli.options import parse_date
from detente.errors import Errors, InputError
from detente.ledger import build_ledger, country_code, plot_ledger
from detente.model import Event
from detente.places.region import region_of
from detente.terminal import terminal_width

DEFAULT_DB = "detente.duckdb"  # as the store's default, so `detente load` then `detente relations` just works


def coded_events(paths: Sequence[str], default_date: date | None) -> Iterator[Event]:
    """Code the articles at paths (the same readers and coder as `detente code`)."""
    import detente
    from detente.articles import read_articles

    # the ledger reads standing relations told in passing too ("US-backed forces")
    yield from detente.code_articles(read_articles(paths, default_date=default_date), include_background=True)


def stored_events(db: str | None, a: str, b: str) -> Iterator[Event]:
    """The pair's events from the event store, or InputError E114 when there is no store to read."""
    path = db or os.environ.get("DETENTE_DB") or DEFAULT_DB
    if not Path(path).is_file():
        raise InputError(Errors.E114.format(a=a, b=b, reason=f"no database file {path}"))
    from detente.store import events_for_pair  # here: coding PATHs needs no DuckDB

    return events_for_pair(path, a, b)


@click.command("relations")
@click.argument("a")
@click.argument("b")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option(
    "--db",
    "db",
    metavar="FILE",
    default=None,
    help="Event store to read when no PATH is given (default: $DETENTE_DB or ./detente.duckdb).",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    default=None,
    help="Only events dated on or before this day (YYYY-MM-DD).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the ledger as JSON (docs/ledger.md).")
@click.option(
    "--plot",
    "plot",
    metavar="FILE",
    default=None,
    help="Also draw the monthly cooperation-conflict line to FILE (.png or .svg).",
)
@click.option(
    "--date",
    "publication_date",
    metavar="YYYY-MM-DD",
    default=None,
    callback=parse_date,
    help="Publication date of .txt inputs (as in `detente code`).",
)
@click.option(
    "--near",
    "near",
    metavar="PLACE",
    default=None,
    help="Only events placed within --km of PLACE (a city, ADM1 or state in the places table).",
)
@click.option("--km", "km", type=float, default=None, help="The radius for --near, in km (default 50).")
@click.option(
    "--adm1",
    "adm1",
    metavar="NAME_OR_CODE",
    default=None,
    help="Only events placed in this first-level division (a name, or its GeoNames code: SY.09).",
)
def command(
    a: str,
    b: str,
    paths: tuple[str, ...],
    db: str | None,
    as_of: str | None,
    as_json: bool,
    plot: str | None,
    publication_date: str | None,
    near: str | None,
    km: float | None,
    adm1: str | None,
) -> None:
    """Show where countries A and B stand on each thread of their relations, and since when, says who.

    A and B are ISO alpha-3 codes or country names. With PATHs the articles are coded first;
    without, the events come from the event store (see `detente load`). --near or --adm1 keep the events
    placed in a region.
    """
    code_a, code_b = country_code(a), country_code(b)
    region = region_of(near, km, adm1, prefer=(code_a, code_b))
    if paths:
        events = coded_events(paths, publication_date)
    else:
        events = stored_events(db, code_a, code_b)
    ledger = build_ledger(events, code_a, code_b, as_of=as_of, region=region)
    if plot:
        plot_ledger(ledger, plot)
    if as_json:
        click.echo(json.dumps(ledger.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(ledger.render_text(terminal_width(fallback=100)), nl=False)
