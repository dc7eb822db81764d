"""Loading real articles (tests/store/articles, written for these tests) through the real coder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import detente
from detente.articles import read_articles
from detente.model import Article

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = list(read_articles([str(ARTICLES)], default_date=date(2012, 5, 14)))
    assert sorted(a.id for a in found) == ["articles/tank-deal", "articles/wine-embargo"]
    return found


def test_every_article_in_the_folder_loads_as_coded(store, articles) -> None:
    coded = list(detente.code_articles(articles))
    report = store.load(articles)
    assert (report.read, report.coded, report.events_stored) == (2, 2, len(coded))
    assert len(coded) >= 4  # both articles hold several events; a coder that finds none is broken
    stored = store.query()
    key = lambda e: (e.doc_id, e.sentence_index, e.trigger_start, e.event)  # noqa: E731
    assert sorted(stored, key=key) == sorted(coded, key=key)
    assert {e.doc_id for e in stored} == {"articles/tank-deal", "articles/wine-embargo"}


def test_real_articles_load_once_and_replace_on_change(store, articles) -> None:
    store.load(articles)
    before = store.count()
    again = store.load(articles)
    assert (again.coded, again.unchanged, again.events_stored, store.count()) == (0, 2, 0, before)
    wine = next(a for a in articles if a.id == "articles/wine-embargo")
    shorter = wine.model_copy(update={"text": wine.text.split("\n\n")[0] + "\n"})
    replaced = store.load([shorter])
    expected = len(detente.code_article(shorter))
    assert (replaced.replaced, replaced.events_stored) == (1, expected)
    assert len(store.query(doc_id="articles/wine-embargo")) == expected
    assert store.count() == before - replaced.events_removed + expected
