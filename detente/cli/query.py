"""`detente query`: events from the store by actor, recipient, type and period, as a table or an export."""

from __future__ import annotations

import click

from detente.errors import Errors, StoreError
from detente.store import EventFilter, export_events, open_store

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
    type=click.Choice(["table", "jsonl", "csv", "parquet", "gdelt"]),
    default="table",
    show_default=True,
    help="Output format (parquet needs --output DIR; docs/events.md lists the columns).",
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


def format_table(columns: tuple[str, ...] | list[str], rows: list[tuple]) -> str:
    """Rows as left-aligned text columns; long cells are cut to keep one row a line."""
    cells = [[_cut(str(c)) for c in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def _cut(text: str, width: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
