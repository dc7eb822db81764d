"""An event read back from the store equals the event stored; a second load changes nothing."""

from __future__ import annotations

import itertools

from eventkit import events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.model import Article, Event
from detente.store import open_store

_documents = itertools.count()
_store: list = []


def _shared_store():
    if not _store:
        _store.append(open_store(":memory:"))
    return _store[0]


def _table_counts(store) -> tuple[int, int, int]:
    _, rows = store.sql(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM dyads)"
    )
    return rows[0]


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(events, min_size=1, max_size=4))
def test_events_read_back_equal_and_second_load_changes_nothing(batch: list[Event]) -> None:
    # One store for all examples (opening one per example is most of the cost); ids kept apart by a counter.
    store = _shared_store()
    doc_id = f"{next(_documents)}:{batch[0].doc_id}"
    batch = [e.model_copy(update={"doc_id": doc_id}) for e in batch]
    article = Article(id=doc_id, text="some text", url="https://example.org/a")
    first = store.add_events(article, batch)
    assert first.events_stored == len(batch)
    stored = store.query(doc_id=doc_id)
    assert sorted(stored, key=lambda e: e.model_dump_json()) == sorted(batch, key=lambda e: e.model_dump_json())
    counts = _table_counts(store)
    second = store.add_events(article, batch)
    assert (second.unchanged, second.events_stored) == (1, 0)
    assert _table_counts(store) == counts
    assert store.query(doc_id=doc_id) == stored


@settings(max_examples=25, deadline=None)
@given(event=events)
def test_event_round_trips_through_jsonl_export(event: Event, tmp_path_factory) -> None:
    from detente.store import export_events

    path = tmp_path_factory.mktemp("export") / "events.jsonl"
    with open_store(":memory:") as store:
        store.add_events(Article(id=event.doc_id, text="t"), [event])
        assert export_events(store, "jsonl", str(path)) == 1
    assert Event.model_validate_json(path.read_text(encoding="utf-8").strip()) == event
