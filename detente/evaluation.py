"""Score coded events against a hand-coded gold file, with the figures of the shared scorer.

The matching and counting rules are a typed copy of `score.py` from the project's shared
evaluation data (../shared/eval/score.py); tests/test_evaluation.py checks that both give the
same figures on a sample. Keep its semantics exactly: a change here is a change of the metric.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from detente.errors import Errors, InputError
from detente.model import Article, Event
from detente.places.region import haversine_km

log = logging.getLogger(__name__)

# Types whose participants may be listed together as actors (PLOVER manual, "Compound and
# Reciprocal Actors"): a prediction may split them into actor and recipient, or not.
SYMMETRIC: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE", "ASSAULT"})

# The figures `score()` returns, in the order the shared scorer prints them.
METRICS: tuple[str, ...] = (
    "documents",
    "missing_documents",
    "gold_events",
    "predicted_events",
    "recall",
    "precision",
    "f1",
    "type_recall",
    "date_accuracy",
    "sector_accuracy",
    "mode_accuracy",
    "false_alarm_docs",
)

GoldDoc = Mapping[str, Any]
Prediction = Mapping[str, Any]


def entity_codes(entities: Iterable[Any] | None) -> set[str]:
    """The codes of a list of entities (dicts or bare strings), upper-cased, cut to three letters."""
    out: set[str] = set()
    for entity in entities or []:
        if isinstance(entity, str):
            code = entity
        elif isinstance(entity, Mapping):
            code = entity.get("code") or ""
        else:
            continue
        code = str(code).strip().upper()[:3]
        if code:
            out.add(code)
    return out


def entity_sectors(entities: Iterable[Any] | None) -> dict[str, set[str]]:
    """Sectors by three-letter code, for the entities that carry a code."""
    out: dict[str, set[str]] = {}
    for entity in entities or []:
        if isinstance(entity, Mapping) and entity.get("code"):
            code = str(entity["code"]).upper()[:3]
            out.setdefault(code, set()).add(str(entity.get("sector") or "").upper()[:3])
    return out


def matches(pred: Prediction, gold: GoldDoc) -> bool:
    """Whether a predicted event counts as the gold event (type or alt, actor, recipient)."""
    if pred.get("event") not in {gold["event"], *gold.get("alt", [])}:
        return False
    pa, pr = entity_codes(pred.get("actor")), entity_codes(pred.get("recipient"))
    ga, gr = entity_codes(gold.get("actor")), entity_codes(gold.get("recipient"))
    if not gr and pr - ga:
        return False  # a recipient that the gold event does not have
    if (not ga or pa & ga) and (not gr or pr & gr):
        return True
    if gold["event"] in SYMMETRIC or pred.get("event") in SYMMETRIC:
        participants = pa | pr
        return bool(ga) and all(participants & side for side in (ga, gr) if side)
    return False


def date_matches(pred_date: object, gold_date: object) -> bool:
    """Whether a predicted date agrees with the gold date at the gold's precision."""
    return bool(pred_date) and str(pred_date).startswith(str(gold_date))


def group_predictions(records: Iterable[Event | Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Predicted events by document id, from Events, event dicts (`doc_id`) or document dicts (`events`)."""
    docs: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        rec = record.model_dump() if isinstance(record, Event) else dict(record)
        if "events" in rec:
            doc_id = rec.get("id", rec.get("doc_id"))
            docs.setdefault(str(doc_id), []).extend(
                e.model_dump() if isinstance(e, Event) else e for e in rec["events"] or []
            )
        else:
            docs.setdefault(str(rec.get("doc_id", rec.get("id"))), []).append(rec)
    return docs


@dataclass
class _Tally:
    """Running counts over the gold documents; field names follow the shared scorer."""

    required: int = 0
    found: int = 0
    type_found: int = 0
    predicted: int = 0
    correct: int = 0
    dated: int = 0
    date_right: int = 0
    sector_seen: int = 0
    sector_right: int = 0
    moded: int = 0
    mode_right: int = 0
    empty_docs: int = 0
    empty_docs_with_events: int = 0
    missing_docs: int = 0
    per_doc: list[dict[str, Any]] = field(default_factory=list)


def _count_sectors(tally: _Tally, gold: GoldDoc, hits: list[Prediction]) -> None:
    for role in ("actor", "recipient"):
        got: dict[str, set[str]] = {}
        for pred in hits:
            for code, secs in entity_sectors(pred.get(role)).items():
                got.setdefault(code, set()).update(secs)
        for code, secs in entity_sectors(gold.get(role)).items():
            wanted = {s for s in secs if s}
            if wanted and code in got:
                tally.sector_seen += 1
                tally.sector_right += bool(wanted & got[code])


def _score_document(tally: _Tally, doc: GoldDoc, predicted: Mapping[str, list[Prediction]]) -> None:
    doc_id = str(doc["id"])
    if doc_id not in predicted:
        tally.missing_docs += 1
    preds = [p for p in predicted.get(doc_id, []) if isinstance(p, Mapping) and p.get("event")]
    golds = doc.get("events", [])
    required = [g for g in golds if not g.get("optional")]
    found = 0
    for gold in required:
        hits = [p for p in preds if matches(p, gold)]
        tally.required += 1
        if any(p.get("event") in {gold["event"], *gold.get("alt", [])} for p in preds):
            tally.type_found += 1
        if not hits:
            continue
        found += 1
        if gold.get("mode"):
            tally.moded += 1
            tally.mode_right += any(p.get("mode") == gold["mode"] for p in hits)
        if gold.get("date"):
            tally.dated += 1
            tally.date_right += any(date_matches(p.get("date"), gold["date"]) for p in hits)
        _count_sectors(tally, gold, hits)
    tally.found += found
    # Precision counts distinct (type, actors, recipients): repeated mentions of one event count once.
    distinct: dict[tuple, Prediction] = {}
    for pred in preds:
        key = (
            pred.get("event"),
            tuple(sorted(entity_codes(pred.get("actor")))),
            tuple(sorted(entity_codes(pred.get("recipient")))),
        )
        distinct.setdefault(key, pred)
    right = sum(any(matches(p, g) for g in golds) for p in distinct.values())
    tally.predicted += len(distinct)
    tally.correct += right
    if not golds:
        tally.empty_docs += 1
        tally.empty_docs_with_events += bool(distinct)
    tally.per_doc.append(
        {"id": doc_id, "required": len(required), "found": found, "predicted": len(distinct), "correct": right}
    )


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _summary(tally: _Tally, documents: int) -> dict[str, Any]:
    recall, precision = _ratio(tally.found, tally.required), _ratio(tally.correct, tally.predicted)
    # f1 from the rounded recall and precision, as the shared scorer computes it.
    f1 = round(2 * recall * precision / (recall + precision), 4) if recall and precision else 0.0
    return {
        "documents": documents,
        "missing_documents": tally.missing_docs,
        "gold_events": tally.required,
        "predicted_events": tally.predicted,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "type_recall": _ratio(tally.type_found, tally.required),
        "date_accuracy": _ratio(tally.date_right, tally.dated),
        "sector_accuracy": _ratio(tally.sector_right, tally.sector_seen),
        "mode_accuracy": _ratio(tally.mode_right, tally.moded),
        "false_alarm_docs": f"{tally.empty_docs_with_events}/{tally.empty_docs}",
    }


def _tally(
    gold_docs: Iterable[GoldDoc], predicted_events: Iterable[Event | Mapping[str, Any]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    gold = list(gold_docs)
    predicted = group_predictions(predicted_events)
    tally = _Tally()
    for doc in gold:
        _score_document(tally, doc, predicted)
    return _summary(tally, len(gold)), tally.per_doc


def score(gold_docs: Iterable[GoldDoc], predicted_events: Iterable[Event | Mapping[str, Any]]) -> dict[str, Any]:
    """The shared scorer's figures (METRICS) for predicted events against gold documents."""
    return _tally(gold_docs, predicted_events)[0]


def score_per_doc(
    gold_docs: Iterable[GoldDoc], predicted_events: Iterable[Event | Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """One row per gold document: id, required, found, predicted, correct."""
    return _tally(gold_docs, predicted_events)[1]


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold documents from a JSONL file, checked for the fields scoring needs."""
    return _read_checked_jsonl(path, _gold_problem)


def _read_checked_jsonl(path: str | Path, problem_of: Callable[[object], str]) -> list[dict[str, Any]]:
    """The objects of a JSONL file, each checked by problem_of; the first bad line raises with its number."""
    rows: list[dict[str, Any]] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(Errors.E001.format(path=path, reason=error)) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(Errors.E120.format(path=path, line=number, reason=error)) from error
        problem = problem_of(row)
        if problem:
            raise InputError(Errors.E121.format(path=path, line=number, reason=problem))
        rows.append(row)
    if not rows:
        raise InputError(Errors.E122.format(path=path))
    return rows


def _gold_problem(doc: object) -> str:
    if not isinstance(doc, dict):
        return "a line must be a JSON object"
    for key, kind in (("id", (str, int)), ("text", str), ("events", list)):
        if not isinstance(doc.get(key), kind):
            return f"missing or malformed field {key!r}"
    if doc.get("date"):
        try:
            date.fromisoformat(str(doc["date"]))
        except ValueError:
            return f"publication date {doc['date']!r} is not YYYY-MM-DD"
    for event in doc["events"]:
        if not isinstance(event, dict) or not isinstance(event.get("event"), str):
            return "every gold event needs an 'event' type"
    return ""


def read_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Predicted records from a JSONL file (one event a line, or one document a line)."""
    records: list[dict[str, Any]] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(Errors.E001.format(path=path, reason=error)) from error
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputError(Errors.E123.format(path=path, line=number, reason=error)) from error
    return records


# -- locations -----------------------------------------------------------------------------------------
PLACE_KM = 50  # a predicted place this close to the hand-coded one is the place
# The figures `score_locations()` returns (docs/evaluation.md, "Locations").
LOCATION_METRICS: tuple[str, ...] = (
    "location_events",
    "location_matched",
    "country_accuracy",
    "place_events",
    "place_accuracy",
)


def read_location_gold(path: str | Path) -> list[dict[str, Any]]:
    """Hand-coded locations from a JSONL file: doc_id, event, trigger, country, and place with lat/lon or ''."""
    return _read_checked_jsonl(path, _location_problem)


def _location_problem(row: object) -> str:
    if not isinstance(row, dict):
        return "a line must be a JSON object"
    for key in ("doc_id", "event", "trigger", "country"):
        if not isinstance(row.get(key), str) or not row[key]:
            return f"missing or malformed field {key!r}"
    if row.get("place") and not all(isinstance(row.get(k), (int, float)) for k in ("lat", "lon")):
        return "a place needs numeric 'lat' and 'lon'"
    return ""


def _located(gold: Mapping[str, Any], preds: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The predicted event a hand-coded location is about: same type, trigger word and (if given) sentence."""
    word = gold["trigger"].lower()
    for pred in preds:
        if pred.get("event") != gold["event"] or word not in str(pred.get("trigger", "")).lower().split():
            continue
        sentences = {m.get("sentence_index") for m in pred.get("mentions") or []} | {pred.get("sentence_index")}
        if gold.get("sentence_index") is None or gold["sentence_index"] in sentences:
            return pred
    return None


def score_locations(
    gold_locations: Iterable[Mapping[str, Any]], predicted_events: Iterable[Event | Mapping[str, Any]]
) -> dict[str, Any]:
    """Country accuracy and place accuracy (within PLACE_KM) of the predicted events' places. Only gold rows
    whose document was coded count; a row no predicted event matches counts in location_events only."""
    predicted = group_predictions(predicted_events)
    events = matched = country_right = place_events = place_right = 0
    for gold in gold_locations:
        if gold["doc_id"] not in predicted:
            continue
        events += 1
        pred = _located(gold, predicted[gold["doc_id"]])
        if pred is None:
            continue
        matched += 1
        place = pred.get("place") or {}
        country_right += place.get("country") == gold["country"]
        if gold.get("place"):
            place_events += 1
            if place.get("lat") is not None and place.get("lon") is not None:
                far = haversine_km(place["lat"], place["lon"], gold["lat"], gold["lon"])
                place_right += far <= PLACE_KM
    return {
        "location_events": events,
        "location_matched": matched,
        "country_accuracy": _ratio(country_right, matched),
        "place_events": place_events,
        "place_accuracy": _ratio(place_right, place_events),
    }


@dataclass
class Evaluation:
    """What `detente eval` reports: the figures, per-document rows, and the coded events by document."""

    summary: dict[str, Any]
    per_doc: list[dict[str, Any]]
    predictions: dict[str, list[Event]]


def gold_articles(gold_docs: Iterable[GoldDoc]) -> list[Article]:
    """The gold documents as Articles to code (id, text, publication date)."""
    return [
        Article(
            id=str(d["id"]), text=d["text"], date=d.get("date") or None, title=d.get("title", ""), url=d.get("url", "")
        )
        for d in gold_docs
    ]


def run_evaluation(
    gold_path: str | Path, *, nlp: Any = None, include_negated: bool = False, locations: str | Path | None = None
) -> Evaluation:
    """Code the texts of a gold file with detente and score the events against it; with `locations`, a file of
    hand-coded locations, score the events' places too (LOCATION_METRICS join the figures)."""
    located = read_location_gold(locations) if locations is not None else None
    from detente import code_articles  # the coder sits downstream of scoring; import on use

    gold = read_gold(gold_path)
    predictions: dict[str, list[Event]] = {str(d["id"]): [] for d in gold}
    for event in code_articles(gold_articles(gold), nlp=nlp, include_negated=include_negated):
        # A negated event says the event did not happen (PLOVER: may be excluded from the data).
        if include_negated or not event.negated:
            predictions.setdefault(event.doc_id, []).append(event)
    log.info("coded %d gold documents: %d events", len(gold), sum(map(len, predictions.values())))
    # Every coded document is listed, with or without events, so none counts as missing.
    records = [{"id": doc_id, "events": events} for doc_id, events in predictions.items()]
    summary, per_doc = _tally(gold, records)
    if located is not None:
        summary.update(score_locations(located, records))
    return Evaluation(summary=summary, per_doc=per_doc, predictions=predictions)


def evaluate(
    gold_path: str | Path, *, nlp: Any = None, include_negated: bool = False, locations: str | Path | None = None
) -> dict[str, Any]:
    """Code a gold file's texts and return the scorer's figures (METRICS, and LOCATION_METRICS with locations)."""
    return run_evaluation(gold_path, nlp=nlp, include_negated=include_negated, locations=locations).summary
