"""run_batch: output layout, counts, formats, reruns, and refusing to mix batches in one directory."""

from __future__ import annotations

import csv
import json
import shutil
from collections import Counter
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_corpus import corpus_records, write_jsonl
from batch_fake_coder import fake_code_articles, fake_coder
from click.testing import CliRunner

import detente.cli.batch as batch_cli
from detente.batch.output import read_events
from detente.batch.runner import run_batch
from detente.errors import BatchError, InputError
from detente.model import Article
from detente.schema import SCHEMA_VERSION, dedup_id, source_of


def _reference_events(records):
    return fake_code_articles([Article.model_validate(r) for r in records])


def test_batch_writes_partitioned_events_dedup_table_and_manifest(corpus, tmp_path):
    output = tmp_path / "out"
    summary = run_batch(corpus, output, chunk_size=16, workers=1, coder=fake_coder)
    records = corpus_records(120)
    expected = _reference_events(records)

    assert (summary.articles, summary.rejected, summary.failed, summary.rows) == (120, 6, 0, 126)
    assert (summary.chunks_coded, summary.chunks_resumed, summary.complete) == (8, 0, True)
    assert summary.events == len(expected) and summary.sentences == 360
    table = read_events(output)
    assert sorted(table.column("event_id").to_pylist()) == sorted(e.event_id for e in expected)

    for path in output.glob("events/*/*/*.parquet"):
        year, month = path.parent.parent.name, path.parent.name
        dates = set(pq.read_table(path).column("date").to_pylist())
        if year == "unknown":
            assert dates == {None}
        else:
            assert {d[:7] for d in dates} == {f"{year}-{month}"}

    manifest = json.loads((output / "manifest.json").read_text())
    assert manifest["complete"] is True and manifest["chunk_size"] == 16
    assert manifest["totals"] == {
        "articles": 120,
        "chunks": 8,
        "events": len(expected),
        "failed": 0,
        "rejected": 6,
        "rows": 126,
        "sentences": 360,
    }
    reasons = Counter(r["reason"].split(":")[0] for c in manifest["chunks"].values() for r in c["rejects"])
    assert reasons == {"not valid JSON": 2, "missing or empty text": 2, "invalid date": 2}

    dedup = {r["dedup_id"]: r for r in pq.read_table(output / "events_dedup.parquet").to_pylist()}
    mentions = Counter(dedup_id(e) for e in expected)
    assert {k: r["mentions"] for k, r in dedup.items()} == dict(mentions)
    articles = {k: len({e.doc_id for e in expected if dedup_id(e) == k}) for k in mentions}
    assert {k: r["articles"] for k, r in dedup.items()} == articles
    sources = {k: len({source_of(e.url) for e in expected if dedup_id(e) == k}) for k in mentions}
    assert {k: r["sources"] for k, r in dedup.items()} == sources


def test_rerun_of_a_complete_batch_codes_nothing_and_changes_nothing(corpus, tmp_path):
    output = tmp_path / "out"
    run_batch(corpus, output, chunk_size=50, workers=1, coder=fake_coder)
    before = sorted(read_events(output).column("event_id").to_pylist())
    again = run_batch(corpus, output, chunk_size=50, workers=1, coder=fake_coder)
    assert (again.chunks_coded, again.chunks_resumed) == (0, 3)
    assert sorted(read_events(output).column("event_id").to_pylist()) == before


def test_csv_parquet_and_directory_inputs_give_the_same_events(tmp_path):
    records = corpus_records(60, seed=5)
    expected = sorted(e.event_id for e in _reference_events(records))
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", records[:20])
    with (folder / "b.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=["id", "text", "date", "url"])
        writer.writeheader()
        writer.writerows({**r, "date": r["date"] or ""} for r in records[20:40])
    pq.write_table(
        pa.Table.from_pylist(
            [{**r, "date": date.fromisoformat(r["date"]) if r["date"] else None} for r in records[40:]]
        ),
        folder / "c.parquet",
    )
    summary = run_batch(folder, tmp_path / "out", chunk_size=7, workers=2, coder=fake_coder)
    assert summary.articles == 60 and summary.problems == 0
    assert sorted(read_events(tmp_path / "out").column("event_id").to_pylist()) == expected


def test_other_chunk_size_or_changed_input_is_refused(corpus, tmp_path):
    output = tmp_path / "out"
    run_batch(corpus, output, chunk_size=50, workers=1, coder=fake_coder)
    with pytest.raises(BatchError, match=r"\[E152\].*chunk size 50, not 40"):
        run_batch(corpus, output, chunk_size=40, workers=1, coder=fake_coder)
    with corpus.open("a") as stream:
        stream.write(json.dumps({"id": "late", "text": "France met Chile."}) + "\n")
    with pytest.raises(BatchError, match=r"\[E152\].*input files"):
        run_batch(corpus, output, chunk_size=50, workers=1, coder=fake_coder)


@pytest.mark.parametrize(
    ("options", "code"),
    [({"chunk_size": 0}, "E155"), ({"workers": 0}, "E154"), ({"engine": "dask"}, "E159")],
)
def test_bad_settings_are_numbered_errors(corpus, tmp_path, options, code):
    with pytest.raises(InputError, match=rf"\[{code}\]"):
        run_batch(corpus, tmp_path / "out", coder=fake_coder, **options)


def test_cli_exit_status_counts_skipped_rows(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_cli, "run_batch", lambda *a, **k: run_batch(*a, **{**k, "coder": fake_coder}))
    result = CliRunner().invoke(
        batch_cli.command, [str(corpus), str(tmp_path / "out"), "--workers", "1", "--chunk-size", "30"]
    )
    assert result.exit_code == 1, result.output
    assert "coded 120 articles (360 sentences)" in result.output
    assert "skipped: 6 bad input rows, 0 articles that failed" in result.output
    assert result.stderr.splitlines()[-1] == "read 126, coded 120, rejected 6, failed 0, events 301"  # issue 18

    clean = tmp_path / "clean.jsonl"
    shutil.copy(corpus, clean)
    clean.write_text(
        "".join(line for line in corpus.read_text().splitlines(keepends=True) if line.startswith('{"id": "art-'))
    )
    result = CliRunner().invoke(batch_cli.command, [str(clean), str(tmp_path / "out2"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "chunks: 1 coded now, 0 from an earlier run" in result.output


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_counts_every_row_and_sentence_and_total_shrinks_on_resume(corpus, tmp_path, workers):
    from detente.batch.progress import Progress
    from detente.batch.runner import count_rows

    assert count_rows(corpus) == 126
    progress = Progress(126, enabled=False)
    run_batch(corpus, tmp_path / "out", chunk_size=16, workers=workers, coder=fake_coder, progress=progress)
    assert (progress.articles, progress.sentences) == (126, 360)
    again = Progress(126, enabled=False)
    run_batch(corpus, tmp_path / "out", chunk_size=16, workers=workers, coder=fake_coder, progress=again)
    assert (again.total, again.articles) == (0, 0)


def test_an_output_directory_inside_the_input_directory_is_not_read_as_input(tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", corpus_records(10))
    first = run_batch(folder, folder / "out", chunk_size=4, workers=1, coder=fake_coder)
    again = run_batch(folder, folder / "out", chunk_size=4, workers=1, coder=fake_coder)
    assert (first.rows, again.rows, again.chunks_coded, again.chunks_resumed) == (10, 10, 0, 3)


def test_spark_engine_without_pyspark_is_a_numbered_error(corpus, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyspark", None)  # as if the spark extra were not installed
    with pytest.raises(BatchError, match=r"\[E157\].*detente\[spark\]"):
        run_batch(corpus, tmp_path / "out", engine="spark", coder=fake_coder)


def test_output_of_another_event_schema_is_refused(corpus, tmp_path):
    output = tmp_path / "out"
    run_batch(corpus, output, chunk_size=50, workers=1, coder=fake_coder)
    manifest = json.loads((output / "manifest.json").read_text())
    del manifest["schema_version"]  # as written before the layout was versioned
    (output / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BatchError, match=rf"\[E152\].*event schema version none, not {SCHEMA_VERSION}"):
        run_batch(corpus, output, chunk_size=50, workers=1, coder=fake_coder)
