"""The quality gate: coding our own gold sets must not score below their baselines.

tests/gold/detente-gold.jsonl (short documents) is gated by tests/gold/baseline.json, and
tests/gold/detente-articles.jsonl (whole articles) by tests/gold/baseline-articles.json.

The baseline only goes up: raise it (rounded down to 2 decimals) when the coder improves; never lower
it to make a change pass (docs/evaluation.md).
"""

from __future__ import annotations

import collections
import json
import math
import re
from pathlib import Path

import pytest

from detente.evaluation import METRICS, evaluate, read_gold
from detente.model import CONTEXTS, MODES, PLOVER_TYPES, SECTORS

HERE = Path(__file__).resolve().parent
GOLD = HERE / "detente-gold.jsonl"
BASELINE = json.loads((HERE / "baseline.json").read_text())
ARTICLES = HERE / "detente-articles.jsonl"
ARTICLES_BASELINE = json.loads((HERE / "baseline-articles.json").read_text())
SEED_EVENTS = HERE.parent.parent / "eval" / "seed-naharnet-32039.events.jsonl"
# The seed coding's fields: codes, dates and line numbers; no sentence, trigger or note quotes the article.
SEED_FIELDS = frozenset(
    ("doc_id", "sentence_index", "event", "alt", "mode", "actor", "recipient", "date", "historical", "optional")
)

# Figures that are ratios in [0, 1] where higher is better: the only ones a baseline may hold.
GATED = {"recall", "precision", "f1", "type_recall", "date_accuracy", "sector_accuracy", "mode_accuracy"}


@pytest.fixture(scope="module")
def figures() -> dict:
    return evaluate(GOLD)


@pytest.fixture(scope="module")
def article_figures() -> dict:
    return evaluate(ARTICLES)


@pytest.mark.parametrize("metric", sorted(BASELINE))
def test_gold_score_not_below_baseline(figures: dict, metric: str) -> None:
    assert figures[metric] is not None and figures[metric] >= BASELINE[metric], (
        f"{metric} {figures[metric]} < baseline {BASELINE[metric]}: {json.dumps(figures)}"
    )


@pytest.mark.parametrize("metric", sorted(ARTICLES_BASELINE))
def test_article_score_not_below_baseline(article_figures: dict, metric: str) -> None:
    value, floor = article_figures[metric], ARTICLES_BASELINE[metric]
    assert value is not None and value >= floor, f"{metric} {value} < baseline {floor}: {json.dumps(article_figures)}"


@pytest.mark.parametrize("baseline", [BASELINE, ARTICLES_BASELINE], ids=["gold", "articles"])
def test_baseline_lists_only_known_metrics(baseline: dict) -> None:
    assert {"f1", "type_recall", "sector_accuracy"} <= set(baseline) <= GATED <= set(METRICS)
    for metric, value in baseline.items():
        assert isinstance(value, float) and 0.0 <= value <= 1.0, metric
        assert math.isclose(value, round(value, 2)), f"{metric}: round the baseline down to 2 decimals"


def _required(docs: list[dict]) -> list[dict]:
    return [e for d in docs for e in d["events"] if not e.get("optional")]


def test_gold_set_is_complete() -> None:
    docs = read_gold(GOLD)
    required = _required(docs)
    per_type = collections.Counter(e["event"] for e in required)
    assert len(required) >= 90
    assert {t: n for t, n in per_type.items() if n < 4} == {} and set(per_type) == set(PLOVER_TYPES)
    assert len({(e["event"], e["mode"]) for e in required if e["mode"]}) >= 50
    assert sum(not d["events"] for d in docs) >= 5  # false-alarm checks
    assert len({d["id"] for d in docs}) == len(docs)


def test_article_set_is_whole_articles() -> None:
    docs = read_gold(ARTICLES)
    assert len(docs) >= 6 and len({d["id"] for d in docs}) == len(docs)
    for doc in docs:
        sentences = re.findall(r"[.!?]\"?(?=\s+[A-Z\"]|$)", doc["text"])
        assert doc["id"].startswith("article-") and doc["title"] and 10 <= len(sentences) <= 20, doc["id"]
        assert len(_required([doc])) >= 8, doc["id"]
        for event in doc["events"]:
            # every event quotes the words it rests on ("..." between separate passages)
            assert event["note"] and all(part in doc["text"] for part in event["note"].split(" ... ")), (
                f"{doc['id']} {event['event']}: note {event['note']!r} is not in the text"
            )


@pytest.mark.parametrize("path", [GOLD, ARTICLES], ids=["gold", "articles"])
def test_gold_events_use_plover_codes(path: Path) -> None:
    for doc in read_gold(path):
        for event in doc["events"]:
            where = f"{doc['id']} {event['event']}"
            assert event["event"] in PLOVER_TYPES and set(event["alt"]) <= set(PLOVER_TYPES), where
            assert not event["mode"] or event["mode"] in MODES[event["event"]], where
            assert set(event["context"]) <= CONTEXTS, where
            assert event["actor"], where
            for entity in event["actor"] + event["recipient"]:
                assert re.fullmatch(r"[A-Z]{3}", entity["code"]), where
                assert not entity["sector"] or entity["sector"] in SECTORS, where
            if event["date"]:
                assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", event["date"]), where
                assert event["date"] <= doc["date"], f"{where}: dated after publication"


def test_seed_coding_holds_no_article_text() -> None:
    events = [json.loads(line) for line in SEED_EVENTS.read_text().splitlines() if line.strip()]
    assert {e["doc_id"] for e in events} == {"naharnet-32039"} and len(_required([{"events": events}])) >= 12
    for event in events:
        assert set(event) <= SEED_FIELDS, f"fields that may quote the article: {set(event) - SEED_FIELDS}"
        assert all(set(entity) == {"code", "sector"} for entity in event["actor"] + event["recipient"])
        assert event["event"] in PLOVER_TYPES and isinstance(event["sentence_index"], int)
