"""Issue 16: copies of one story in the store. An article stored is compared with every stored one (their
signatures and bands are kept); a copy joins the story of the article it copies, and event_reports (so GDELT's
NumSources) counts the story as one source. Replacing an article mends its story; summary_only is kept."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from eventkit import keyword_coder, make_event

import detente
from detente.cli.main import cli
from detente.model import Article
from detente.store import GDELT_COLUMNS, export_events

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/wire_story.py

from wire_story import COPY, OWN_REPORT, SECOND_COPY, WIRE  # noqa: E402

SAME = {"event_type": "AGREE", "actor": "KAZ", "recipient": "KGZ", "date": "2024-09-12"}


def _report(store, doc_id: str, text: str, url: str) -> None:
    """Store an article that reports the one agreement."""
    store.add_events(Article(id=doc_id, text=text, url=url), [make_event(doc_id, url=url, **SAME)])


def _counts(store) -> tuple[int, int, int]:
    return store.sql("SELECT mentions, sources, articles FROM event_reports WHERE event = 'AGREE'")[1][0]


def _stories(store) -> list[tuple[str, str]]:
    return store.sql("SELECT article_id, story_id FROM article_stories ORDER BY article_id")[1]


def test_copies_are_one_story_and_count_as_one_source(store):
    _report(store, "wire-1", WIRE, "https://wire.example/1")
    _report(store, "own-3", OWN_REPORT, "https://other.example/3")
    assert _counts(store) == (2, 2, 2) and _stories(store) == []
    _report(store, "daily-7", COPY, "https://steppe.example/7")  # another load, another outlet
    assert _stories(store) == [("daily-7", "wire-1"), ("wire-1", "wire-1")]
    [(article, copy_of, score)] = store.sql("SELECT * FROM article_copies")[1]
    assert (article, copy_of) == ("daily-7", "wire-1") and score >= 0.7
    # three articles, three hosts, but the wire story and its copy are one source
    assert _counts(store) == (3, 2, 3)
    buffer = io.StringIO()
    export_events(store, "gdelt", buffer)
    rows = [line.split("\t") for line in buffer.getvalue().splitlines()]
    column = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    assert {(r[column["NumMentions"]], r[column["NumSources"]], r[column["NumArticles"]]) for r in rows} == {
        ("3", "2", "3")
    }


def test_copies_stored_together_are_found_among_themselves(store):
    report = store.load(
        [Article(id="b", text=COPY, url="https://steppe.example/7"),
         Article(id="a", text=WIRE, url="https://wire.example/1"),
         Article(id="c", text=SECOND_COPY, url="https://post.example/c")],
        coder=lambda articles: [],
    )
    # a and c are copies of b (c shares its "Thursday evening"): all three are b's story, the first stored
    assert report.copies == 2 and [c[:2] for c in report.copies_found] == [("a", "b"), ("c", "b")]
    assert _stories(store) == [("a", "b"), ("b", "b"), ("c", "b")]


def test_replacing_an_article_mends_its_story(store):
    _report(store, "wire-1", WIRE, "https://wire.example/1")
    _report(store, "daily-7", COPY, "https://steppe.example/7")
    _report(store, "post-2", SECOND_COPY, "https://post.example/2")
    assert {story for _, story in _stories(store)} == {"wire-1"}
    # the article that names the story becomes another text: the story takes its next article's id
    _report(store, "wire-1", OWN_REPORT, "https://wire.example/1")
    assert _stories(store) == [("daily-7", "daily-7"), ("post-2", "daily-7")]
    assert store.sql("SELECT copy_of FROM article_copies ORDER BY 1")[1] in ([("daily-7",)], [])
    assert _counts(store) == (3, 2, 3)
    # and a story left with one article is no story
    _report(store, "post-2", "Chile and Peru held talks on their maritime border in Lima on Friday.",
            "https://post.example/2")
    assert _stories(store) == []
    assert _counts(store) == (3, 3, 3)
    assert store.sql("SELECT count(*) FROM article_minhash")[1] == [(3,)]


def test_an_unchanged_article_is_not_its_own_copy(store):
    for _ in range(2):
        store.load([Article(id="a", text=WIRE, url="https://wire.example/1")], coder=lambda articles: [])
    assert _stories(store) == [] and store.sql("SELECT count(*) FROM article_bands")[1] == [(32,)]


def test_summary_only_is_stored_and_read_back(store):
    article = Article(id="s1", text="Russia agreed with Georgia.", url="https://feed.example/s1", summary_only=True)
    store.add_events(article, [make_event("s1", url=article.url)])
    assert store.sql("SELECT summary_only FROM articles")[1] == [(True,)]
    [event] = store.query()
    _, read, _ = store.get_event(event.event_id)
    assert read.summary_only is True


@pytest.fixture
def keyword_model(monkeypatch):
    monkeypatch.setattr(detente, "code_articles", keyword_coder)


def test_load_names_each_copy_and_counts_them(tmp_path, keyword_model):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in [
        {"id": "wire-1", "text": WIRE, "url": "https://wire.example/1", "date": "2024-09-12"},
        {"id": "daily-7", "text": COPY, "url": "https://steppe.example/7", "date": "2024-09-12"},
        {"id": "wire-1-again", "text": WIRE, "url": "https://wire.example/1", "date": "2024-09-12"},
    ]), encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    result = CliRunner().invoke(cli, ["load", str(path), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "duplicate: wire-1-again: the same article as wire-1, read before: not coded again" in lines
    assert [line[: line.index("(")] for line in lines if line.startswith("copy: ")] == [
        "copy: daily-7: a copy of wire-1 "
    ]
    assert lines[-1].startswith("read 2, coded 2, ") and lines[-1].endswith(", duplicates 1, copies 1")
