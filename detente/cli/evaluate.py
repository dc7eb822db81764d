"""`detente eval GOLD.jsonl`: code a gold file's texts and print the scorer's figures."""

from __future__ import annotations

import json
from pathlib import Path

import click

from detente.evaluation import run_evaluation


@click.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write the scored events, one document a line ({id, events}), for score.py.",
)
@click.option("--per-doc", is_flag=True, help="Print one JSON line per gold document before the figures.")
@click.option(
    "--include-negated",
    is_flag=True,
    help="Score negated events too (left out by default: they say an event did not happen).",
)
@click.option(
    "--locations",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also score the events' places against this file of hand-coded locations (country, place within 50 km).",
)
def command(
    gold: Path, as_json: bool, output: Path | None, per_doc: bool, include_negated: bool, locations: Path | None
) -> None:
    """Code the texts of GOLD.jsonl and score the events against its hand-coded ones."""
    result = run_evaluation(gold, include_negated=include_negated, locations=locations)
    if output is not None:
        with output.open("w", encoding="utf-8") as out:
            for doc_id, events in result.predictions.items():
                record = {"id": doc_id, "events": [e.model_dump(mode="json") for e in events]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if per_doc:
        for row in result.per_doc:
            click.echo(json.dumps(row))
    if as_json:
        click.echo(json.dumps(result.summary))
    else:
        # The shared scorer's layout: names right-aligned in 20 columns.
        for name, value in result.summary.items():
            click.echo(f"{name:>20}: {value}")
