"""Batch input: JSONL, CSV and Parquet give the same articles, chunked the same way; bad rows are rejected."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_corpus import corpus_records, write_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.batch.inputs import chunk_key, input_files, read_chunks
from detente.errors import InputError


def _write(path: Path, records: list[dict]) -> Path:
    if path.suffix == ".jsonl":
        return write_jsonl(path, records)
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.DictWriter(stream, fieldnames=["id", "text", "date", "url"])
            writer.writeheader()
            writer.writerows({**r, "date": r["date"] or ""} for r in records)
        return path
    table = pa.Table.from_pylist([{**r, "date": date.fromisoformat(r["date"]) if r["date"] else None} for r in records])
    pq.write_table(table, path)
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_every_format_gives_the_same_articles_and_chunks(tmp_path, suffix):
    records = corpus_records(23)
    path = _write(tmp_path / f"input{suffix}", records)
    chunks = list(read_chunks(input_files(path), 10))
    assert [(c.key, c.first_row, c.rows) for c in chunks] == [
        ("00000-000000", 0, 10),
        ("00000-000001", 10, 10),
        ("00000-000002", 20, 3),
    ]
    articles = [a for c in chunks for a in c.articles]
    assert [a.id for a in articles] == [r["id"] for r in records]
    assert [a.date.isoformat() if a.date else None for a in articles] == [r["date"] for r in records]
    assert [a.text for a in articles] == [r["text"] for r in records]
    assert not any(c.rejects for c in chunks)


def test_bad_rows_are_rejected_with_their_line_and_reason(tmp_path):
    path = tmp_path / "input.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                json.dumps({"id": "ok", "text": "France met Chile.", "date": "2024-03-02T09:30:00Z"}).encode(),
                b"{not json",
                json.dumps({"id": "empty", "text": ""}).encode(),
                json.dumps({"id": "late", "text": "France met Chile.", "date": "2024-02-30"}).encode(),
                json.dumps({"text": "no id"}).encode(),
                b'{"id": "latin1", "text": "caf\xe9"}',
                b"",
                json.dumps([1, 2]).encode(),
            ]
        )
        + b"\n"
    )
    (chunk,) = read_chunks([path], 100)
    # a line without id is known by a hash of its text; a Latin-1 line is decoded as such
    assert [a.id for a in chunk.articles] == ["ok", chunk.articles[1].id, "latin1"]
    assert chunk.articles[1].id.startswith("sha1-") and chunk.articles[2].text == "caf\u00e9"
    assert chunk.articles[0].date == date(2024, 3, 2)
    assert chunk.rows == 8
    assert [(r.line, r.reason.split(":")[0]) for r in chunk.rejects] == [
        (2, "not valid JSON"),
        (3, "missing or empty text"),
        (4, "invalid date"),
        (8, "expected a JSON object with id and text"),
    ]


def test_csv_row_with_bad_bytes_is_rejected_alone(tmp_path):
    path = tmp_path / "input.csv"
    # past the first 8 KB the reader judges the encoding by, so the file is UTF-8 with one bad row
    filler = "".join(f"f{n},France met Chile.,2024-01-05\n" for n in range(400)).encode()
    path.write_bytes(
        b"id,text,date\na,France met Chile.,2024-01-05\n" + filler + b"b,caf\xe9 talk,2024-01-05\n"
        b'c,"Kenya praised Japan.\nJapan met Kenya.",\n'
    )
    (chunk,) = read_chunks([path], 1000)
    assert [(a.id, a.date) for a in chunk.articles][:1] + [(a.id, a.date) for a in chunk.articles][-1:] == [
        ("a", date(2024, 1, 5)), ("c", None)]
    assert chunk.articles[-1].text == "Kenya praised Japan.\nJapan met Kenya."
    assert [r.reason for r in chunk.rejects] == ["not valid UTF-8"]


def test_latin1_csv_is_decoded_as_such(tmp_path):
    path = tmp_path / "input.csv"
    path.write_bytes(b"id,text\nb,caf\xe9 talk\n")
    (chunk,) = read_chunks([path], 100)
    assert [a.text for a in chunk.articles] == ["caf\u00e9 talk"]


def test_skipped_chunks_are_not_yielded_and_the_rest_are_unchanged(corpus):
    files = input_files(corpus)
    every = list(read_chunks(files, 16))
    skip = {chunk_key(0, 0), chunk_key(0, 3)}
    rest = list(read_chunks(files, 16, skip=skip))
    assert [c.key for c in rest] == [c.key for c in every if c.key not in skip]
    assert [[a.id for a in c.articles] for c in rest] == [
        [a.id for a in c.articles] for c in every if c.key not in skip
    ]


def test_directory_input_lists_supported_files_in_path_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.csv", "a.jsonl", "c.parquet", "notes.txt", "notes.md", ".hidden.jsonl", "_tmp/x.jsonl"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    assert [p.relative_to(tmp_path).as_posix() for p in input_files(tmp_path)] == [
        "a.jsonl", "b/2.csv", "c.parquet", "notes.txt"]


def test_directory_entries_that_are_not_files_are_left_out_not_waited_on(tmp_path, caplog):
    import os

    (tmp_path / "a.jsonl").write_text("")
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "loop.jsonl").symlink_to(tmp_path / "loop.jsonl")
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "nowhere")
    assert [p.name for p in input_files(tmp_path)] == ["a.jsonl"]
    said = sorted(r.getMessage().rsplit("/", 1)[1] for r in caplog.records)
    assert said == [
        "gone.jsonl: not read (dangling symbolic link)",
        "loop.jsonl: not read (symbolic link loop)",
        "pipe.jsonl: not read (a FIFO (named pipe), not a file: pipe it to '-' instead)",
    ]
    with pytest.raises(InputError, match=r"\[E160\] .*a FIFO"):
        input_files(tmp_path / "pipe.jsonl")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda root: root / "missing.jsonl", "E160"),
        (lambda root: _touch(root / "input.md"), "E151"),
        (lambda root: root, "E150"),
    ],
)
def test_unusable_input_is_a_numbered_error(tmp_path, make, code):
    with pytest.raises(InputError, match=rf"\[{code}\]"):
        input_files(make(tmp_path))


def _touch(path: Path) -> Path:
    path.write_text("x")
    return path


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(st.sampled_from(["ok", "bad", "blank"]), max_size=40), chunk_size=st.integers(1, 12))
def test_chunks_partition_the_rows_whatever_the_chunk_size(tmp_path_factory, lines, chunk_size):
    path = tmp_path_factory.mktemp("chunks") / "input.jsonl"
    rows = {
        "ok": lambda n: json.dumps({"id": f"a{n}", "text": "France met Chile."}),
        "bad": lambda n: "{",
        "blank": lambda n: "",
    }
    path.write_text("".join(rows[kind](n) + "\n" for n, kind in enumerate(lines)))
    chunks = list(read_chunks([path], chunk_size))
    assert sum(c.rows for c in chunks) == len(lines)
    assert [a.id for c in chunks for a in c.articles] == [f"a{n}" for n, k in enumerate(lines) if k == "ok"]
    assert sum(len(c.rejects) for c in chunks) == lines.count("bad")
    assert all(c.first_row == c.index * chunk_size and 0 < c.rows <= chunk_size for c in chunks)


def test_csv_from_a_spreadsheet_with_byte_order_mark_and_capitalised_header(tmp_path):
    path = tmp_path / "input.csv"
    path.write_bytes("\ufeffID,Text,Date\nx1,France met Chile.,2024-02-03\n".encode())
    (chunk,) = read_chunks([path], 10)
    assert [(a.id, a.text, a.date) for a in chunk.articles] == [("x1", "France met Chile.", date(2024, 2, 3))]


def test_parquet_with_integer_ids_and_timestamps(tmp_path):
    from datetime import datetime

    path = tmp_path / "input.parquet"
    pq.write_table(pa.table({"id": [5, 6], "text": ["France met Chile.", None],
                             "date": [datetime(2024, 5, 6, 13, 45), datetime(2024, 5, 7)],
                             "extra": ["ignored", "ignored"]}), path)
    (chunk,) = read_chunks([path], 10)
    assert [(a.id, a.date) for a in chunk.articles] == [("5", date(2024, 5, 6))]
    assert [(r.line, r.reason) for r in chunk.rejects] == [(2, "missing or empty text")]
