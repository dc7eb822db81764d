"""detente.evaluation agrees with the shared scorer (../shared/eval/score.py) and behaves as a metric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import detente
from detente.errors import InputError
from detente.evaluation import (
    METRICS,
    group_predictions,
    matches,
    read_gold,
    read_predictions,
    score,
    score_per_doc,
)
from detente.model import PLOVER_TYPES, Entity, Event


def _ent(code: str, sector: str = "") -> dict:
    return {"code": code, "sector": sector}


def _gold(
    event: str,
    actor: list,
    recipient: list,
    *,
    mode: str = "",
    date: str | None = None,
    alt: list | None = None,
    optional: bool = False,
) -> dict:
    return {
        "event": event,
        "alt": alt or [],
        "mode": mode,
        "actor": actor,
        "recipient": recipient,
        "date": date,
        "optional": optional,
    }


# A small hand-made sample that passes through every rule of the shared scorer: alt types, optional
# events, symmetric types split into actor and recipient, code prefixes (RUSGOV, IGOUNO), bare-string
# entities, duplicates, a recipient the gold lacks, a false alarm, a document never predicted.
GOLD = [
    {
        "id": "d1",
        "date": "2012-03-02",
        "text": "t",
        "events": [
            _gold("AGREE", [_ent("RUS", "GOV")], [_ent("GEO", "GOV")], date="2012-03-02"),
            _gold("SANCTION", [_ent("RUS", "GOV")], [_ent("GEO")], mode="discontinue", date="2006"),
            _gold("ASSAULT", [_ent("RUS", "MIL"), _ent("GEO", "MIL")], [], mode="heavy-weapons", date="2008-08"),
            _gold("SUPPORT", [_ent("GEO", "GOV")], [_ent("RUS", "CVL")], alt=["AGREE"], date="2012-02-28"),
            _gold("ACCUSE", [_ent("USA", "GOV")], [_ent("RUS", "GOV")], mode="disapprove", date="2008", optional=True),
        ],
    },
    {
        "id": "d2",
        "date": "2024-05-10",
        "text": "t",
        "events": [
            _gold("CONSULT", [_ent("FRA", "GOV")], [_ent("IGOUNO")], mode="visit", date="2024-05-09"),
            _gold("COERCE", [_ent("TUR", "COP")], [_ent("TUR", "JRN")], mode="arrest"),
        ],
    },
    {"id": "d3", "date": "2024-05-10", "text": "Rain fell.", "events": []},
    {"id": "d4", "date": "2024-05-10", "text": "Nobody came.", "events": []},
    {
        "id": "d5",
        "date": "2024-05-10",
        "text": "t",
        "events": [
            _gold("PROTEST", [_ent("SRB", "CVL")], [_ent("SRB", "GOV")], mode="demo", date="2024-05"),
        ],
    },
]

PREDICTED = [
    {
        "doc_id": "d1",
        "event": "AGREE",
        "mode": "",
        "actor": [_ent("RUS", "GOV")],
        "recipient": [_ent("GEO", "MIL")],
        "date": "2012-03-02",
    },
    {
        "doc_id": "d1",
        "event": "AGREE",
        "mode": "",
        "actor": [_ent("RUS", "GOV")],
        "recipient": [_ent("GEO", "GOV")],
        "date": "2012-03-01",
    },
    {
        "doc_id": "d1",
        "event": "SANCTION",
        "mode": "expel",
        "actor": [_ent("RUSGOV", "GOV")],
        "recipient": ["GEO"],
        "date": "2006-05-01",
    },
    {
        "doc_id": "d1",
        "event": "ASSAULT",
        "mode": "heavy-weapons",
        "actor": [_ent("RUS", "MIL")],
        "recipient": [_ent("GEO", "GOV")],
        "date": "2008-09-01",
    },
    {
        "doc_id": "d1",
        "event": "AGREE",
        "mode": "",
        "actor": [_ent("GEO", "GOV")],
        "recipient": [_ent("RUS", "GOV")],
        "date": "2012-02-28",
    },
    {
        "doc_id": "d1",
        "event": "ACCUSE",
        "mode": "disapprove",
        "actor": [_ent("USA", "GOV")],
        "recipient": [_ent("RUS")],
        "date": "2008-08",
    },
    {
        "doc_id": "d1",
        "event": "REJECT",
        "mode": "",
        "actor": [_ent("GEO", "GOV")],
        "recipient": [_ent("RUS", "GOV")],
        "date": "2012-03-02",
    },
    {
        "doc_id": "d2",
        "event": "CONSULT",
        "mode": "",
        "actor": [_ent("FRA", "GOV")],
        "recipient": [_ent("IGO", "GOV")],
        "date": None,
    },
    {
        "doc_id": "d2",
        "event": "COERCE",
        "mode": "arrest",
        "actor": [_ent("TUR", "COP")],
        "recipient": [],
        "date": "2024-05-10",
    },
    {
        "doc_id": "d3",
        "event": "PROTEST",
        "mode": "demo",
        "actor": [_ent("GBR", "CVL")],
        "recipient": [],
        "date": "2024-05-10",
    },
    {"doc_id": "zz", "event": "AID", "actor": [_ent("USA")], "recipient": [_ent("UKR")]},
]

# Printed by `python ../shared/eval/score.py gold.jsonl pred.jsonl --json --per-doc` on the sample
# above (written out one document / one event a line), 2026-11-26.
SHARED_SUMMARY = {
    "documents": 5,
    "missing_documents": 2,
    "gold_events": 7,
    "predicted_events": 9,
    "recall": 0.7143,
    "precision": 0.6667,
    "f1": 0.6897,
    "type_recall": 0.8571,
    "date_accuracy": 0.6,
    "sector_accuracy": 0.8571,
    "mode_accuracy": 0.3333,
    "false_alarm_docs": "1/2",
}
SHARED_PER_DOC = [
    {"id": "d1", "required": 4, "found": 4, "predicted": 6, "correct": 5},
    {"id": "d2", "required": 2, "found": 1, "predicted": 2, "correct": 1},
    {"id": "d3", "required": 0, "found": 0, "predicted": 1, "correct": 0},
    {"id": "d4", "required": 0, "found": 0, "predicted": 0, "correct": 0},
    {"id": "d5", "required": 1, "found": 0, "predicted": 0, "correct": 0},
]


def test_summary_agrees_with_shared_scorer() -> None:
    assert score(GOLD, PREDICTED) == SHARED_SUMMARY
    assert tuple(SHARED_SUMMARY) == METRICS


def test_per_doc_agrees_with_shared_scorer() -> None:
    assert score_per_doc(GOLD, PREDICTED) == SHARED_PER_DOC


def test_document_records_score_like_event_records() -> None:
    by_doc: dict[str, list] = {}
    for pred in PREDICTED:
        by_doc.setdefault(pred["doc_id"], []).append(pred)
    docs = [{"id": doc_id, "events": events} for doc_id, events in by_doc.items()]
    assert score(GOLD, docs) == SHARED_SUMMARY


def test_files_round_trip(tmp_path: Path) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in GOLD) + "\n")
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in PREDICTED))
    assert score(read_gold(gold_path), read_predictions(pred_path)) == SHARED_SUMMARY


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        # symmetric: two fighting parties may be split into actor and recipient
        (
            {"event": "ASSAULT", "actor": ["GEO"], "recipient": ["RUS"]},
            _gold("ASSAULT", [_ent("RUS"), _ent("GEO")], []),
            True,
        ),
        # not symmetric: a recipient the gold event does not have
        ({"event": "PROTEST", "actor": ["SRB"], "recipient": ["USA"]}, _gold("PROTEST", [_ent("SRB")], []), False),
        # actor and recipient swapped on a directed type
        (
            {"event": "ACCUSE", "actor": ["RUS"], "recipient": ["USA"]},
            _gold("ACCUSE", [_ent("USA")], [_ent("RUS")]),
            False,
        ),
        (
            {"event": "REJECT", "actor": ["GEO"], "recipient": ["RUS"]},
            _gold("REQUEST", [_ent("GEO")], [_ent("RUS")], alt=["REJECT"]),
            True,
        ),
        (
            {"event": "CONSULT", "actor": ["UKR"], "recipient": ["POL"]},
            _gold("CONSULT", [_ent("POL"), _ent("UKR")], []),
            True,
        ),
    ],
)
def test_matching_rules(pred: dict, gold: dict, expected: bool) -> None:
    assert matches(pred, gold) is expected


def test_event_records_are_grouped_by_document() -> None:
    event = Event(
        doc_id="a1",
        event_id="x",
        event="AID",
        date="2015-04-27",
        actor=[Entity(text="Japan", code="JPN", sector="GOV")],
        recipient=[Entity(text="Nepal", code="NPL")],
    )
    grouped = group_predictions([event])
    assert list(grouped) == ["a1"]
    assert grouped["a1"][0]["actor"][0]["code"] == "JPN"
    gold = [{"id": "a1", "text": "t", "events": [_gold("AID", [_ent("JPN", "GOV")], [_ent("NPL")], date="2015")]}]
    assert score(gold, [event])["f1"] == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "t", "events": []}\n{not json\n', "[E120]"),
        ('{"id": "a", "events": []}\n', "[E121]"),
        ('{"id": "a", "text": "t", "date": "02/03/2012", "events": []}\n', "[E121]"),
        ('{"id": "a", "text": "t", "events": [{"actor": []}]}\n', "[E121]"),
        ("\n\n", "[E122]"),
    ],
)
def test_bad_gold_files_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


# --- properties -------------------------------------------------------------------------------

codes = st.sampled_from(["RUS", "GEO", "USA", "FRA", "IGO", "UKR", "TUR"])
sectors = st.sampled_from(["", "GOV", "MIL", "CVL"])
entities = st.lists(st.builds(_ent, codes, sectors), min_size=1, max_size=2)
gold_events = st.builds(
    lambda event, actor, recipient, date, opt: _gold(event, actor, recipient, date=date, optional=opt),
    st.sampled_from(PLOVER_TYPES),
    entities,
    st.one_of(st.just([]), entities),
    st.sampled_from([None, "2008", "2008-08", "2012-03-02"]),
    st.booleans(),
)
gold_docs = st.lists(st.lists(gold_events, max_size=4), min_size=1, max_size=5).map(
    lambda docs: [{"id": f"d{i}", "text": "t", "events": events} for i, events in enumerate(docs)]
)


@settings(max_examples=60, deadline=None)
@given(gold_docs)
def test_perfect_predictions_score_one(docs: list[dict]) -> None:
    predicted = [dict(g, doc_id=d["id"]) for d in docs for g in d["events"] if not g["optional"]]
    result = score(docs, predicted)
    if result["gold_events"]:
        assert result["recall"] == result["precision"] == result["f1"] == 1.0
        assert result["type_recall"] == 1.0
        assert result["date_accuracy"] in (1.0, None)
        assert result["sector_accuracy"] in (1.0, None)


@settings(max_examples=60, deadline=None)
@given(gold_docs)
def test_empty_predictions_recall_nothing(docs: list[dict]) -> None:
    result = score(docs, [])
    assert result["missing_documents"] == len(docs)
    assert result["predicted_events"] == 0 and result["f1"] == 0.0
    assert result["recall"] == (0.0 if result["gold_events"] else None)


# --- the command --------------------------------------------------------------------------------


def _fake_coder(articles, *, nlp=None, include_negated=False):  # stands in for detente.code_articles: no spaCy needed
    for article in articles:
        if article.id == "d1":
            assert str(article.date) == "2012-03-02"
            yield Event(
                doc_id="d1",
                event_id="e1",
                event="AGREE",
                actor=[Entity(text="Russia", code="RUS", sector="GOV")],
                recipient=[Entity(text="Georgia", code="GEO", sector="GOV")],
                date="2012-03-02",
            )


def test_eval_command_prints_shared_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.cli.evaluate import command

    monkeypatch.setattr(detente, "code_articles", _fake_coder, raising=False)
    gold_path, out_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in GOLD[:4]))
    result = CliRunner().invoke(command, [str(gold_path), "--output", str(out_path), "--per-doc"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # RUS AGREE GEO also finds the gold GEO SUPPORT RUS: its alt is AGREE, a symmetric type.
    assert json.loads(lines[0]) == {"id": "d1", "required": 4, "found": 2, "predicted": 1, "correct": 1}
    assert "              recall: 0.3333" in lines
    assert "    false_alarm_docs: 0/2" in lines
    assert "   missing_documents: 0" in lines
    written = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert [r["id"] for r in written] == ["d1", "d2", "d3", "d4"]
    assert written[0]["events"][0]["recipient"][0]["code"] == "GEO" and written[1]["events"] == []

    as_json = CliRunner().invoke(command, [str(gold_path), "--json"])
    assert json.loads(as_json.output)["precision"] == 1.0


def test_bad_prediction_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "a", "event": "AID"}\n\n{"doc_id": \n')
    with pytest.raises(InputError, match=r"\[E123\] .*pred.jsonl:3"):
        read_predictions(path)


# -- locations (issue 17) --------------------------------------------------------------------------------
def _placed(doc: str, event: str, trigger: str, country: str, lat: float | None, lon: float | None) -> dict:
    place = {"country": country, "lat": lat, "lon": lon}
    return {"doc_id": doc, "event": event, "trigger": trigger, "sentence_index": 0, "place": place}


def test_locations_score_country_and_place_within_50_km() -> None:
    from detente.evaluation import score_locations

    gold = [
        {"doc_id": "a", "event": "ASSAULT", "trigger": "shelled", "country": "SYR", "place": "Aleppo",
         "lat": 36.20, "lon": 37.16, "sentence_index": 0},
        {"doc_id": "a", "event": "ACCUSE", "trigger": "blamed", "country": "TUR", "place": "", "lat": None,
         "lon": None, "sentence_index": 0},
        {"doc_id": "b", "event": "PROTEST", "trigger": "marched", "country": "GEO", "place": "Tbilisi",
         "lat": 41.69, "lon": 44.83, "sentence_index": 0},
        {"doc_id": "c", "event": "AID", "trigger": "sent", "country": "NPL", "place": "", "lat": None, "lon": None},
    ]
    predicted = [
        _placed("a", "ASSAULT", "shelled the town", "SYR", 36.40, 37.16),  # 22 km off: the place
        _placed("a", "ACCUSE", "blamed", "SYR", 35.0, 38.0),  # the wrong state
        _placed("b", "PROTEST", "marched", "GEO", 42.27, 42.70),  # Kutaisi, 190 km off: the state only
    ]
    figures = score_locations(gold, predicted)
    # document c was not coded: its row does not count
    assert figures == {
        "location_events": 3,
        "location_matched": 3,
        "country_accuracy": round(2 / 3, 4),
        "place_events": 2,
        "place_accuracy": 0.5,
    }


def test_a_location_file_without_coordinates_for_its_place_is_refused(tmp_path) -> None:
    from detente.errors import InputError
    from detente.evaluation import read_location_gold

    path = tmp_path / "locations.jsonl"
    path.write_text('{"doc_id": "a", "event": "AID", "trigger": "sent", "country": "NPL", "place": "Pokhara"}\n')
    with pytest.raises(InputError, match=r"\[E121\].*:1: a place needs numeric 'lat' and 'lon'"):
        read_location_gold(path)
