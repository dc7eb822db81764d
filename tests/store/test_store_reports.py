"""Duplicate reports: each mention kept with its source; event_reports counts mentions, sources, articles."""

from __future__ import annotations

from eventkit import make_event

from detente.model import Article, Mention


def test_event_reports_counts_mentions_sources_and_articles(store) -> None:
    same = {"event_type": "AGREE", "actor": "RUS", "recipient": "GEO", "date": "2012-03-02"}
    reports = [
        ("a1", "https://www.news-one.example/story1"),
        ("a2", "https://news-one.example/story2"),  # same host as a1 once www. is dropped
        ("a3", "https://other.example/x"),
        ("a4", ""),  # no url: the document is its own source
    ]
    for doc, url in reports:
        store.add_events(Article(id=doc, text="t", url=url), [make_event(doc, url=url, **same)])
    # Two mentions in one article count as two mentions, one article.
    third = "https://third.example/y"
    store.add_events(
        Article(id="a5", text="t", url=third),
        [make_event("a5", url=third, **same), make_event("a5", trigger_start=40, url=third, **same)],
    )
    store.add_events(Article(id="b1", text="t"), [make_event("b1", "ACCUSE", "GEO", "RUS", "2012-03-05")])
    rows = store.sql(
        "SELECT event, actor_codes, recipient_codes, date, mentions, sources, articles FROM event_reports"
        " ORDER BY mentions DESC"
    )[1]
    assert rows == [
        ("AGREE", ["RUS"], ["GEO"], "2012-03-02", 6, 4, 5),
        ("ACCUSE", ["GEO"], ["RUS"], "2012-03-05", 1, 1, 1),
    ]
    # A report without url has no source; the counts take its document as its own source.
    assert store.sql("SELECT source FROM events WHERE doc_id IN ('a1', 'a4') ORDER BY doc_id")[1] == [
        ("news-one.example",),
        (None,),
    ]
    stats = store.stats()
    assert (stats["events"], stats["unique_events"]) == (7, 2)
    _, _, counts = store.get_event(make_event("a3", **same).event_id)
    assert counts == {"mentions": 6, "sources": 4, "articles": 5}


def test_an_act_told_twice_in_one_article_is_one_row_and_two_mentions(store) -> None:
    told_twice = [
        Mention(sentence_index=0, trigger_start=7, trigger_end=13),
        Mention(sentence_index=4, trigger_start=310, trigger_end=316),
    ]
    store.add_events(Article(id="a1", text="t"), [make_event("a1", mentions=told_twice)])
    assert store.sql("SELECT mentions, sources, articles FROM event_reports")[1] == [(2, 1, 1)]
    [event] = store.query()
    assert [m.sentence_index for m in event.mentions] == [0, 4]
