"""Issue 18, reads in parallel: pages selected in memory are the pages SQL selects."""

from __future__ import annotations

import random

import pytest
from eventkit import make_event

import detente.store.store as store_module
from detente.model import Article, Entity
from detente.store import EventFilter

CODES = ["RUS", "GEO", "UKR", "FRA"]
DATES = [None, "2011", "2012-03", "2012-03-02", "2012-03-31", "2013-07-14", "2014"]
FILTERS = [
    EventFilter(),
    EventFilter(actor="RUS"),
    EventFilter(recipient="geo"),
    EventFilter(type="ACCUSE"),
    EventFilter(since="2012-03"),
    EventFilter(until="2012"),
    EventFilter(since="2012-03-02", until="2013"),
    EventFilter(pair=("RUS", "GEO")),
    EventFilter(pair=("FRA", "UKR"), since="2012"),
    EventFilter(actor="UKR", recipient="FRA", type="AGREE"),
    EventFilter(doc_id="d7"),
    EventFilter(actor="DEU"),  # nobody
]


def _entity(code: str) -> Entity:
    return Entity(text=code, code=code, start=0, end=3)


@pytest.fixture
def varied(store):
    rng = random.Random(18)
    for number in range(40):
        doc = f"d{number}"
        events = []
        for position in range(rng.randint(1, 4)):
            actors = rng.sample(CODES, rng.choice([1, 1, 2]))  # joint actors now and then
            recipients = rng.sample(CODES, rng.choice([0, 1, 1, 2]))
            events.append(
                make_event(
                    doc, rng.choice(["AGREE", "ACCUSE", "CONSULT"]), date=rng.choice(DATES),
                    actor=_entity(actors[0]).code, recipient=[_entity(c) for c in recipients],
                    sentence_index=position,
                )
            )
            events[-1].actor = [_entity(c) for c in actors]
        store.add_events(Article(id=doc, text="t"), events)
    return store


def _answers(store) -> list:
    return [
        (store.page_keys(where, limit=7, offset=3), store.page_keys(where), store.count(where),
         [e.event_id for e in store.query(where, limit=5, offset=2)])
        for where in FILTERS
    ]


def test_issue18_pages_in_memory_equal_pages_from_sql(varied, monkeypatch):
    in_memory = _answers(varied)
    assert varied._page_copy is not None and varied._page_copy.table is not None
    monkeypatch.setattr(store_module, "PAGE_COPY_MAX_EVENTS", 0)
    varied._page_copy = None
    varied._counts.clear()
    from_sql = _answers(varied)
    assert varied._page_copy.table is None
    assert in_memory == from_sql
    assert any(count > 10 for _, _, count, _ in in_memory)
