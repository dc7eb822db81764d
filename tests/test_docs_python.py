"""docs/python.md is a notebook-style session, run here as a doctest: what it shows is what detente prints."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "python.md"


def test_python_doc_runs_as_shown(nlp) -> None:
    pytest.importorskip("pandas", reason="the doc shows .to_pandas(): pip install -e '.[pandas]'")
    result = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10
    assert result.failed == 0, f"{result.failed} examples of docs/python.md print something else (see above)"


@pytest.mark.parametrize(
    ("given", "ids"),
    [
        ("Russia expelled two Georgian diplomats.", ["text-1"]),
        (["Russia expelled two Georgian diplomats.", "Georgia recalled its envoy from Moscow."], ["text-1", "text-2"]),
    ],
)
def test_code_articles_takes_plain_strings(nlp, given, ids) -> None:
    import detente

    events = list(detente.code_articles(given, nlp=nlp))
    assert sorted({e.doc_id for e in events}) == ids
    assert all(e.date is None for e in events)


def test_events_table_has_the_flat_columns_and_converts_to_pandas(nlp) -> None:
    import detente
    from detente.schema import NAMES

    events = detente.code_article({"id": "a", "date": "2020-01-02", "text": "Chile accused Peru of spying."}, nlp=nlp)
    table = detente.events_table(events)
    assert table.column_names == list(NAMES)
    assert table.num_rows == len(events) == 1
    pandas = pytest.importorskip("pandas")
    frame = table.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert frame.loc[0, "event"] == "ACCUSE" and frame.loc[0, "date"] == "2020-01-02"
