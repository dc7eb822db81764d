"""Batch output: partitions, the event file schema, leftovers of killed runs, and the deduplicated table."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.batch.output import remove_unrecorded, write_chunk, write_dedup
from detente.model import PLOVER_TYPES, Entity, Event, Location
from detente.schema import (
    ARROW_SCHEMA,
    SCHEMA_VERSION,
    SCHEMA_VERSION_KEY,
    events_from_table,
    events_table,
    partition_of,
    source_of,
)


def _event(
    doc_id: str,
    n: int,
    event: str = "CONSULT",
    actor: str = "FRA",
    recipient: str = "DEU",
    date: str | None = "2024-03-02",
    url: str = "",
) -> Event:
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}-{n}",
        event=event,
        actor=[Entity(text=actor, code=actor)],
        recipient=[Entity(text=recipient, code=recipient)],
        date=date,
        url=url,
        sentence_index=n,
    )


@pytest.mark.parametrize(
    ("date", "partition"),
    [
        ("2012-03-02", ("2012", "03")),
        ("2008-08", ("2008", "08")),
        ("2008", ("2008", "unknown")),
        (None, ("unknown", "unknown")),
        ("", ("unknown", "unknown")),
        ("last week", ("unknown", "unknown")),
    ],
)
def test_partition_of_event_date(date, partition):
    assert partition_of(date) == partition


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.Example.org/a/b", "example.org"),
        ("http://news.site.example:8080/x", "news.site.example"),
        ("", None),
        ("not a url", None),
    ],
)
def test_source_is_the_url_host(url, source):
    assert source_of(url) == source


def test_event_files_hold_every_event_field():
    fields = {c for c in ARROW_SCHEMA.names if c in Event.model_fields}
    assert fields | {"actor", "recipient", "mentions", "place"} == set(Event.model_fields)
    assert {"actor_codes", "actor_texts", "recipient_starts", "recipient_ends"} <= set(ARROW_SCHEMA.names)
    assert {"mention_sentences", "mention_starts", "mention_ends"} <= set(ARROW_SCHEMA.names)
    assert {f"location_{name}" for name in Location.model_fields} <= set(ARROW_SCHEMA.names)  # the place


entities = st.builds(
    Entity,
    text=st.text(max_size=8),
    code=st.sampled_from(["FRA", "DEU", "UNO"]),
    start=st.none() | st.integers(0, 10**6),
    end=st.none() | st.integers(0, 10**6),
)
events = st.builds(
    Event,
    doc_id=st.text(min_size=1, max_size=8),
    event_id=st.text(min_size=1, max_size=8),
    event=st.sampled_from(PLOVER_TYPES),
    context=st.lists(st.text(max_size=6), max_size=3),
    actor=st.lists(entities, max_size=2),
    recipient=st.lists(entities, max_size=2),
    date=st.none() | st.sampled_from(["2008", "2008-08", "2012-03-02"]),
    negated=st.booleans(),
    intensity=st.floats(-10, 10),
    sentence=st.text(max_size=30),
    trigger_start=st.integers(0, 10**6),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(events, max_size=5))
def test_events_round_trip_through_the_event_table(original):
    assert events_from_table(events_table(original)) == original


def test_chunk_files_per_partition_and_leftovers_removed(tmp_path):
    chunk_events = [_event("a", 0, date="2024-03-02"), _event("a", 1, date=None), _event("b", 0, date="2024-03")]
    written = write_chunk(tmp_path, "00000-000001", chunk_events)
    assert written == [
        "events/2024/03/part-00000-000001.parquet",
        "events/unknown/unknown/part-00000-000001.parquet",
    ]
    march = events_from_table(pq.read_table(tmp_path / written[0]))
    assert [e.event_id for e in march] == ["a-0", "b-0"]
    assert pq.read_schema(tmp_path / written[0]).metadata[SCHEMA_VERSION_KEY.encode()] == str(SCHEMA_VERSION).encode()

    write_chunk(tmp_path, "00000-000002", [_event("c", 0)])  # a killed run's unrecorded chunk
    (tmp_path / "events/2024/03/.tmp-part-00000-000003.parquet.77").write_bytes(b"half")
    (tmp_path / ".tmp-manifest.json.77").write_text("{")
    assert remove_unrecorded(tmp_path, {"00000-000001"}) == 3
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == written


def test_dedup_counts_mentions_sources_and_articles(tmp_path: Path):
    write_chunk(
        tmp_path,
        "00000-000000",
        [
            _event("a", 0, url="https://www.one.example/a"),
            _event("a", 1, url="https://www.one.example/a"),
            _event("b", 0, url="https://two.example/b"),
            _event("c", 0, url="https://one.example/c"),
            _event("c", 1, event="ACCUSE", url="https://one.example/c"),
            _event("d", 0, date=None),
        ],
    )
    write_chunk(tmp_path, "00000-000001", [_event("e", 0, recipient="JPN"), _event("f", 0, date=None)])
    assert write_dedup(tmp_path) == 4
    rows = pq.read_table(tmp_path / "events_dedup.parquet").to_pylist()
    counts = {
        (r["event"], tuple(r["recipient_codes"]), r["date"]): (r["mentions"], r["sources"], r["articles"]) for r in rows
    }
    assert counts == {
        ("CONSULT", ("DEU",), "2024-03-02"): (4, 2, 3),  # a twice, b, c; outlets one + two; articles a, b, c
        ("ACCUSE", ("DEU",), "2024-03-02"): (1, 1, 1),
        ("CONSULT", ("JPN",), "2024-03-02"): (1, 0, 1),  # no URL: no known source
        ("CONSULT", ("DEU",), None): (2, 0, 2),
    }
    consult = next(
        r for r in rows if r["event"] == "CONSULT" and r["date"] == "2024-03-02" and r["recipient_codes"] == ["DEU"]
    )
    assert (consult["first_event_id"], consult["first_doc_id"], consult["actor_codes"]) == ("a-0", "a", ["FRA"])


def test_dedup_of_no_events_is_an_empty_table(tmp_path):
    assert write_dedup(tmp_path) == 0
    assert pq.read_table(tmp_path / "events_dedup.parquet").num_rows == 0
