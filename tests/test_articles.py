"""Reading articles: paths, JSONL, stdin, rejects with reasons, boilerplate cleaning."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.articles import Reject, clean_text, read_articles


def test_text_file_id_is_its_path_from_the_folder_and_date_applies(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story-1.txt").write_text("Russia offered talks to Georgia.", encoding="utf-8")
    (tmp_path / "in" / "notes.md").write_text("not an article", encoding="utf-8")
    rejects: list[Reject] = []
    articles = list(read_articles([str(tmp_path / "in")], default_date=dt.date(2012, 3, 2), on_reject=rejects.append))
    assert [(a.id, a.date) for a in articles] == [("in/story-1", dt.date(2012, 3, 2))]
    assert [r.reason for r in rejects] == ["unsupported file type .md: not read"]


def test_jsonl_rejects_bad_lines_with_line_numbers(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Iran warned Israel.", "date": "2020-01-05", "url": "https://x.org/a"}),
        "{not json",
        json.dumps({"id": "b", "text": ""}),
        json.dumps({"id": "c", "text": "Text.", "date": "05/01/2020"}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": 7, "text": "Numeric ids become text."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rejects: list[Reject] = []
    articles = list(read_articles([str(path)], on_reject=rejects.append))
    assert [a.id for a in articles] == ["a", articles[1].id, "7"]
    assert articles[0].date == dt.date(2020, 1, 5) and articles[0].url == "https://x.org/a"
    assert [(r.line, r.reason.split(":")[0]) for r in rejects] == [
        (2, "not valid JSON"),
        (3, "missing or empty text"),
        (4, "invalid date"),
    ]
    assert articles[-2].id.startswith("sha1-")  # a line without id is known by a hash of its text


def test_missing_path_is_rejected_not_raised(tmp_path):
    rejects: list[Reject] = []
    assert list(read_articles([str(tmp_path / "nope.txt")], on_reject=rejects.append)) == []
    assert rejects[0].reason == "no such file or directory"


def test_stdin_plain_text_is_one_article(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Georgia cut ties with Russia.\nSecond line.\n"))
    articles = list(read_articles(["-"]))
    assert len(articles) == 1 and articles[0].id.startswith("sha1-") and "Second line." in articles[0].text


def test_boilerplate_is_blanked_in_place():
    text = (
        "Russia offered talks.\nBy Jane Doe\nCopyright 2024 Example Wire. All Rights Reserved. | "
        "https://example.org/a |\nSee https://example.org/b for more.\n"
    )
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert "Russia offered talks." in cleaned
    for gone in ("Jane Doe", "Copyright", "Reserved", "example.org"):
        assert gone not in cleaned


@given(st.text())
def test_cleaning_keeps_length_and_line_breaks(text):
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(cleaned) if c == "\n"]


@pytest.mark.parametrize("line", ['{"id": "x"}', "[1, 2]", '"just a string"'])
def test_jsonl_records_without_text_are_rejected(tmp_path, line):
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    rejects: list[Reject] = []
    assert list(read_articles([str(path)], on_reject=rejects.append)) == []
    assert len(rejects) == 1 and rejects[0].line == 1
