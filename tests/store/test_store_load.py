"""Loading articles: coded once, idempotent by content hash, replaced when the text changes."""

from __future__ import annotations

from datetime import date

import pytest
from eventkit import keyword_coder, make_event

from detente.model import Article


def _articles() -> list[Article]:
    return [
        Article(id="a1", text="Russia agreed with Georgia on wine. France met Germany.", date=date(2012, 3, 2)),
        Article(id="a2", text="Georgia accused Russia of spying. Nothing else happened.", date=date(2012, 5, 9)),
        Article(id="a3", text="No countries here.", date=date(2012, 5, 9)),
    ]


def test_load_codes_and_stores_articles_and_events(store) -> None:
    report = store.load(_articles(), coder=keyword_coder)
    assert report.to_dict() == {
        "read": 3,
        "coded": 3,
        "unchanged": 0,
        "replaced": 0,
        "events_stored": 3,
        "events_removed": 0,
        "failed": 0,
        "failures": [],
        "copies": 0,
        "copies_found": [],
    }
    assert [(e.doc_id, e.event, e.dyad()) for e in store.query()] == [
        ("a1", "AGREE", ("RUS", "GEO")),
        ("a1", "CONSULT", ("FRA", "DEU")),
        ("a2", "ACCUSE", ("GEO", "RUS")),
    ]
    assert store.sql("SELECT count(*) FROM articles")[1] == [(3,)]


def test_loading_the_same_articles_again_adds_nothing_and_codes_nothing(store) -> None:
    store.load(_articles(), coder=keyword_coder)
    before = store.sql("SELECT event_key, event_id FROM events ORDER BY event_key")[1]
    coded: list[str] = []

    def counting_coder(articles):
        articles = list(articles)
        coded.extend(a.id for a in articles)
        return keyword_coder(articles)

    report = store.load(_articles(), coder=counting_coder)
    assert (report.read, report.coded, report.unchanged, report.events_stored) == (3, 0, 3, 0)
    assert coded == []
    assert store.sql("SELECT event_key, event_id FROM events ORDER BY event_key")[1] == before


def test_changed_article_with_same_id_replaces_its_events(store) -> None:
    store.load(_articles(), coder=keyword_coder)
    changed = Article(id="a1", text="Russia attacked Georgia.", date=date(2012, 3, 2))
    report = store.load([changed], coder=keyword_coder)
    assert (report.coded, report.replaced, report.events_removed, report.events_stored) == (1, 1, 2, 1)
    assert [(e.event, e.dyad()) for e in store.query(doc_id="a1")] == [("ASSAULT", ("RUS", "GEO"))]
    assert store.count() == 2
    assert store.sql("SELECT text FROM articles WHERE id = 'a1'")[1] == [("Russia attacked Georgia.",)]
    # The dyads of the replaced events are gone too: only the new pair lookups remain.
    assert store.count(pair=("FRA", "DEU")) == 0


def test_two_versions_of_one_id_in_one_load_keep_the_last(store) -> None:
    first = Article(id="x", text="Russia agreed with Georgia.")
    second = Article(id="x", text="Russia accused Georgia.")
    report = store.load([first, second], coder=keyword_coder)
    assert (report.read, report.coded, report.replaced) == (2, 2, 1)
    assert [e.event for e in store.query()] == ["ACCUSE"]


def test_add_events_stores_precoded_events_and_is_idempotent(store) -> None:
    article = Article(id="doc1", text="Russia agreed with Georgia.", url="https://www.example.org/news/1")
    event = make_event()
    assert store.add_events(article, [event]).events_stored == 1
    assert store.add_events(article, [event]).unchanged == 1
    assert store.query() == [event]


def test_read_only_store_refuses_to_write(tmp_path) -> None:
    from detente.errors import StoreError
    from detente.store import open_store

    path = str(tmp_path / "ro.duckdb")
    open_store(path).close()
    with open_store(path, read_only=True) as ro, pytest.raises(StoreError, match=r"\[E136\]"):
        ro.add_events(Article(id="a", text="t"), [make_event(doc_id="a")])


def test_missing_store_opened_read_only_is_E130(tmp_path) -> None:
    from detente.errors import StoreError
    from detente.store import open_store

    with pytest.raises(StoreError, match=r"\[E130\]"):
        open_store(str(tmp_path / "nothing.duckdb"), read_only=True)


def test_default_path_comes_from_DETENTE_DB(tmp_path, monkeypatch) -> None:
    from detente.store import open_store

    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "env.duckdb"))
    with open_store() as store:
        assert store.path == str(tmp_path / "env.duckdb")
    assert (tmp_path / "env.duckdb").is_file()


def test_add_events_refuses_events_of_another_article(store) -> None:
    from detente.errors import StoreError

    with pytest.raises(StoreError, match=r"\[E146\]"):
        store.add_events(Article(id="doc1", text="t"), [make_event(doc_id="other")])
    assert store.count() == 0


def test_an_article_the_coder_fails_on_is_skipped_and_reported(store) -> None:
    def fragile_coder(articles):
        for article in articles:
            if "poison" in article.text:
                raise ValueError("cannot parse this")
        return keyword_coder(articles)

    articles = _articles() + [Article(id="bad", text="poison Russia attacked Georgia.")]
    report = store.load(articles, coder=fragile_coder)
    assert (report.read, report.coded, report.failed, report.events_stored) == (4, 3, 1, 3)
    assert report.failures == [("bad", "ValueError: cannot parse this")]
    assert store.sql("SELECT count(*) FROM articles WHERE id = 'bad'")[1] == [(0,)]
    # Not stored, so a later load tries it again.
    assert store.load(articles, coder=keyword_coder).coded == 1
