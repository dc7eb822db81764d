"""The location gate: the places of the events in our two gold sets must not score below their floor.

tests/gold/locations.jsonl holds the hand-coded country (and place, with GeoNames coordinates, where the text
names one) of events of tests/gold/detente-gold.jsonl and tests/gold/detente-articles.jsonl, keyed by document,
event type, trigger word and sentence. tests/gold/baseline-locations.json holds the floors; they only go up
(docs/evaluation.md, "Locations").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.evaluation import read_gold, read_location_gold, run_evaluation, score_locations
from detente.model import PLOVER_TYPES

HERE = Path(__file__).resolve().parent
LOCATIONS = HERE / "locations.jsonl"
BASELINE = json.loads((HERE / "baseline-locations.json").read_text())
GOLD_FILES = (HERE / "detente-gold.jsonl", HERE / "detente-articles.jsonl")


@pytest.fixture(scope="module")
def figures() -> dict:
    records = [
        {"id": doc_id, "events": events}
        for path in GOLD_FILES
        for doc_id, events in run_evaluation(path).predictions.items()
    ]
    return score_locations(read_location_gold(LOCATIONS), records)


def test_the_location_gold_is_whole() -> None:
    rows = read_location_gold(LOCATIONS)
    documents = {str(d["id"]) for path in GOLD_FILES for d in read_gold(path)}
    assert len(rows) >= 80
    assert all(r["doc_id"] in documents and r["event"] in PLOVER_TYPES for r in rows)
    assert all(len(r["country"]) == 3 and r["country"].isupper() for r in rows)
    assert sum(bool(r["place"]) for r in rows) >= 40  # events whose text names where they happened
    keys = [(r["doc_id"], r["event"], r["trigger"], r["sentence_index"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_every_gold_location_finds_its_event(figures: dict) -> None:
    assert figures["location_matched"] == figures["location_events"] == len(read_location_gold(LOCATIONS))


@pytest.mark.parametrize("metric", sorted(BASELINE))
def test_location_score_not_below_baseline(figures: dict, metric: str) -> None:
    assert figures[metric] is not None and figures[metric] >= BASELINE[metric], json.dumps(figures)
