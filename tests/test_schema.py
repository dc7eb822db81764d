"""One flat layout (detente/schema.py): `code --format csv`, `query --format csv`, the store's Parquet export and
`detente batch` write the same columns, in the same order, of the same types; events round-trip through it."""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent / "store"))  # shared random events: tests/store/eventkit.py

from eventkit import events  # noqa: E402

from detente.batch.output import read_events, write_chunk  # noqa: E402
from detente.cli.main import cli  # noqa: E402
from detente.formats import EventWriter  # noqa: E402
from detente.model import Article, Event  # noqa: E402
from detente.schema import (  # noqa: E402
    ARROW_SCHEMA,
    COLUMNS,
    NAMES,
    SCHEMA_VERSION,
    SCHEMA_VERSION_KEY,
    date_start,
    event_from_flat,
    events_from_table,
    flat_row,
)
from detente.store import export_events, open_store  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles.jsonl"

# The layout of each released SCHEMA_VERSION: change a column and this fails until the version is bumped
# (and the store has a migration to match, tests/store/test_store_schema.py).
FINGERPRINTS = {1: "3d4cb7d0b2e621b2", 2: "6fbbd4209d1791dd", 3: "613f951063cdf216", 4: "e3e074a0a535e00d"}


def _fingerprint() -> str:
    layout = ";".join(f"{c.name}:{c.arrow}:{c.nullable}" for c in COLUMNS)
    return hashlib.sha1(layout.encode()).hexdigest()[:16]


def test_changing_the_layout_bumps_the_version() -> None:
    assert FINGERPRINTS.get(SCHEMA_VERSION) == _fingerprint(), "a column changed: bump SCHEMA_VERSION"
    assert ARROW_SCHEMA.metadata == {SCHEMA_VERSION_KEY.encode(): str(SCHEMA_VERSION).encode()}


def test_every_column_is_documented() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "events.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column.name}` |" in doc, f"column {column.name} is missing from docs/events.md"


def _date_order(batch: list[Event]) -> list[Event]:
    """The store's order: by the first day of the date's period, undated last, then as stored."""
    return sorted(batch, key=lambda e: (date_start(e.date) is None, date_start(e.date) or date.min))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(events, min_size=1, max_size=4))
def test_code_and_query_write_the_same_csv(batch: list[Event]) -> None:
    batch = [e.model_copy(update={"doc_id": "d"}) for e in batch]
    with open_store(":memory:") as store:
        store.add_events(Article(id="d", text="t"), batch)
        exported = io.StringIO()
        assert export_events(store, "csv", exported) == len(batch)
    coded = io.StringIO()
    EventWriter(coded, "csv").write_all(_date_order(batch))
    assert exported.getvalue() == coded.getvalue()
    assert next(csv.reader(io.StringIO(coded.getvalue()))) == list(NAMES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(events, min_size=1, max_size=4))
def test_events_round_trip_through_both_parquet_writers(batch: list[Event], tmp_path_factory) -> None:
    batch = [e.model_copy(update={"doc_id": "d"}) for e in batch]
    out = tmp_path_factory.mktemp("parquet")
    with open_store(":memory:") as store:
        store.add_events(Article(id="d", text="t"), batch)
        export_events(store, "parquet", str(out / "export"))
    write_chunk(out / "batch", "00000-000000", batch)
    exported = [pq.read_table(p) for p in sorted((out / "export").rglob("*.parquet"))]
    for table in [*exported, read_events(out / "batch")]:
        assert table.schema.equals(ARROW_SCHEMA, check_metadata=True)
    by_id = sorted(batch, key=lambda e: e.model_dump_json())
    for tables in (exported, [read_events(out / "batch")]):
        read = [e for t in tables for e in events_from_table(t)]
        assert sorted(read, key=lambda e: e.model_dump_json()) == by_id


@settings(max_examples=60, deadline=None)
@given(event=events)
def test_an_event_round_trips_through_its_flat_row(event: Event) -> None:
    assert event_from_flat(flat_row(event)) == event


@pytest.mark.slow
def test_every_writer_of_the_cli_agrees_column_for_column(tmp_path) -> None:
    """The real coder on the example articles, through code, load + query, and batch."""
    runner = CliRunner()
    code = runner.invoke(cli, ["code", str(EXAMPLES), "--format", "csv", "--workers", "1"])
    assert code.exit_code == 0, code.output
    db = str(tmp_path / "events.duckdb")
    assert runner.invoke(cli, ["load", str(EXAMPLES), "--db", db, "--workers", "1"]).exit_code == 0
    query = runner.invoke(cli, ["query", "--db", db, "--format", "csv"])
    assert query.exit_code == 0, query.output
    export = runner.invoke(cli, ["query", "--db", db, "--format", "parquet", "--output", str(tmp_path / "pq")])
    assert export.exit_code == 0, export.output
    batch = runner.invoke(cli, ["batch", str(EXAMPLES), str(tmp_path / "batch"), "--workers", "1"])
    assert batch.exit_code == 0, batch.output

    # code prints the events (then a count line on stderr, mixed in by CliRunner); query the same rows
    coded = list(csv.reader(io.StringIO(code.stdout)))
    queried = list(csv.reader(io.StringIO(query.stdout)))
    assert coded[0] == queried[0] == list(NAMES)
    assert len(coded) > 5
    assert sorted(coded[1:]) == sorted(queried[1:])

    exported = [pq.read_table(p) for p in sorted((tmp_path / "pq").rglob("*.parquet"))]
    batched = [pq.read_table(p) for p in sorted((tmp_path / "batch" / "events").rglob("*.parquet"))]
    for table in exported + batched:
        assert table.schema.equals(ARROW_SCHEMA, check_metadata=True)
    rows = sorted(r["event_id"] for t in exported for r in t.to_pylist())
    assert rows == sorted(r["event_id"] for t in batched for r in t.to_pylist()) == sorted(r[0] for r in coded[1:])
    by_id = {r["event_id"]: r for t in exported for r in t.to_pylist()}
    assert all(by_id[r["event_id"]] == r for t in batched for r in t.to_pylist())
