"""`detente batch INPUT OUTPUT_DIR`: code a large input into partitioned Parquet, resumable after a kill."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from detente.batch.progress import Progress
from detente.batch.runner import DEFAULT_CHUNK_SIZE, ENGINES, count_rows, run_batch
from detente.cli.exits import EXIT_REJECTED
from detente.cli.options import columns_of, columns_options


@click.command(name="batch")
@click.argument("input_path", metavar="INPUT")  # a path, or a URL: a Path would fold its '//'

@click.argument("output_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; spark: PySpark (pip install 'detente[spark]').",
)
@click.option(
    "--master",
    default=None,
    metavar="URL",
    help="Spark master (local[4], spark://host:7077, yarn); default: spark-submit's, else local[*].",
)
@click.option(
    "--workers",
    type=int,
    default=None,
    metavar="N",
    help="Worker processes for --engine local.  [default: one per core]",
)
@click.option(
    "--chunk-size",
    type=int,
    default=DEFAULT_CHUNK_SIZE,
    show_default=True,
    metavar="N",
    help="Input rows per chunk: the unit that is written atomically and skipped on resume.",
)
@columns_options
def command(
    input_path: str,
    output_dir: Path,
    engine: str,
    master: str | None,
    workers: int | None,
    chunk_size: int,
    **columns: str | None,
) -> None:
    """Code every article of INPUT (JSONL, CSV, Parquet, text, HTML or feed files, a list of URLs, or a
    directory of them; or an http(s) URL of a page or feed) into OUTPUT_DIR.

    Run it again with the same arguments after a crash or kill: coded chunks whose files check out are
    kept, the rest is coded (damaged or missing files and unreadable input included).
    Exit status 1 means some rows were skipped (their reasons are logged and in manifest.json).
    """
    progress = Progress()
    if progress.enabled:
        progress.total = count_rows(input_path, exclude=output_dir)
    with progress:
        summary = run_batch(
            input_path,
            output_dir,
            engine=engine,
            master=master,
            workers=workers,
            chunk_size=chunk_size,
            progress=progress,
            columns=columns_of(columns),
        )
    click.echo(
        f"coded {summary.articles:,} articles ({summary.sentences:,} sentences) into "
        f"{summary.events:,} events, {summary.dedup_events:,} distinct"
    )
    again = f", {len(summary.recoded)} of them again (damaged, missing or unread before)" if summary.recoded else ""
    click.echo(f"chunks: {summary.chunks_coded} coded now{again}, {summary.chunks_resumed} from an earlier run")
    if summary.unreadable:
        click.echo(f"unreadable: {summary.unreadable} chunks could not be read; run again to retry them", err=True)
    click.echo(
        f"output: {summary.output_dir}/events/YYYY/MM/, "
        f"{summary.output_dir}/events_dedup.parquet, {summary.output_dir}/manifest.json"
    )
    if summary.problems:
        click.echo(
            f"skipped: {summary.rejected:,} bad input rows, {summary.failed:,} articles that failed "
            "to code (reasons in manifest.json)",
            err=True,
        )
    click.echo(
        f"read {summary.rows}, coded {summary.articles}, rejected {summary.rejected}, failed {summary.failed}, "
        f"events {summary.events}",
        err=True,
    )
    if summary.problems:
        sys.exit(EXIT_REJECTED)  # some inputs rejected (docs/cli.md, "Exit codes")
