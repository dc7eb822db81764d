"""`detente sql "SELECT ..."`: one read-only SQL query over the event store."""

from __future__ import annotations

import csv
import datetime
import decimal
import json
import sys

import click

from detente.cli.query import format_table
from detente.store import open_store


@click.command("sql")
@click.argument("query")
@click.option(
    "--db", "db", metavar="FILE", default=None, help="Event store (default: $DETENTE_DB or ./detente.duckdb)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def command(query: str, db: str | None, fmt: str) -> None:
    """Run QUERY, a single SELECT (or WITH ... SELECT), on a read-only connection (tables: docs/store.md)."""
    with open_store(db, read_only=True) as store:
        columns, rows = store.sql(query)
    if fmt == "table":
        click.echo(format_table(columns, rows))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), default=_json_value, ensure_ascii=False))


def _json_value(value: object) -> object:
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return str(value)
