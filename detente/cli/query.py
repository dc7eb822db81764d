"""`detente query`: events from the store by actor, recipient, type and period, as a table or an export."""

from __future__ import annotations

import click

from detente.errors import Errors, StoreError
from detente.store import EXPORT_FORMATS, EventFilter, export_events, open_store
from detente.terminal import Column
from detente.terminal import format_table as fit_table

TABLE_COLUMNS = ("date", "event", "mode", "actor", "recipient", "intensity", "trigger", "doc_id")


@click.command("query")
@click.option(
    "--db", "db", metavar="FILE", default=None, help="Event store (default: $DETENTE_DB or ./detente.duckdb)."
)
@click.option("--actor", "actor", metavar="CODE", default=None, help="Only events with this actor code (e.g. RUS).")
@click.option("--recipient", "recipient", metavar="CODE", default=None, help="Only events with this recipient code.")
@click.option("--type", "type_", metavar="TYPE", default=None, help="Only events of this PLOVER type (e.g. AGREE).")
@click.option("--since", "since", metavar="DATE", default=None, help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", "until", metavar="DATE", default=None, help="Up to the end of this date's period.")
@click.option("--pair", "pair", metavar="A,B", default=None, help="Only events between A and B, either way.")
@click.option("--doc-id", "doc_id", metavar="ID", default=None, help="Only events of this article.")
@click.option("--limit", "limit", type=click.IntRange(min=1), default=None, help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", *EXPORT_FORMATS]),
    default="table",
    show_default=True,
    help="Output format (parquet needs --output DIR; docs/events.md and docs/store.md list the columns).",
)
@click.option(
    "--output",
    "output",
    metavar="FILE",
    default=None,
    help="Write to FILE (a directory for parquet, one YYYY/MM/ folder per month) instead of stdout.",
)
def command(
    db: str | None,
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    since: str | None,
    until: str | None,
    pair: str | None,
    doc_id: str | None,
    limit: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """Print or export the stored events matching every filter given, in date order."""
    where = EventFilter(
        actor=actor, recipient=recipient, type=type_, since=since, until=until, pair=pair, doc_id=doc_id
    )
    with open_store(db, read_only=True) as store:
        if fmt == "table":
            events = store.query(where, limit=limit)
            rows = [
                (
                    e.date or "",
                    e.event,
                    e.mode,
                    " ".join(a.code for a in e.actor),
                    " ".join(r.code for r in e.recipient),
                    f"{e.intensity:g}",
                    e.trigger,
                    e.doc_id,
                )
                for e in events
            ]
            text = format_table(TABLE_COLUMNS, rows)
            if output:
                with open(output, "w", encoding="utf-8") as stream:
                    stream.write(text + "\n")
            else:
                click.echo(text)
            return
        if limit is not None:
            raise StoreError(Errors.E146.format(name="--limit", reason="only with --format table"))
        count = export_events(store, fmt, output, where)
    if output:
        click.echo(f"{count} rows written to {output}", err=True)


WHOLE = ("date", "doc_id", "event_id", "intensity")  # never wrapped: ids, dates and numbers are read whole


def format_table(columns: tuple[str, ...] | list[str], rows: list[tuple], width: int | None = None) -> str:
    """Rows as left-aligned text columns fitted to the terminal's width: long cells wrap in their column."""
    layout = [Column(str(c), wrap=str(c) not in WHOLE, min_width=8) for c in columns]
    return fit_table(layout, rows, width) + f"\n({len(rows)} rows)"
