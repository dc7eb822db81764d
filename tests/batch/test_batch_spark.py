"""Issue 5: --engine spark on local[2] gives the same events as the local engine on the same input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from detente.batch.output import read_events
from detente.batch.runner import run_batch

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None, reason="PySpark needs Java 17 (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def sample_input(tmp_path_factory) -> Path:
    """The example articles twice over under new ids, plus two bad rows, as JSONL."""
    from detente.articles import read_articles

    articles = [a for path in sorted(EXAMPLES.iterdir()) for a in read_articles([str(path)])]  # each file apart: 8
    assert len(articles) >= 4, "examples/ holds the sample articles"
    path = tmp_path_factory.mktemp("spark") / "input.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for copy in range(2):
            for article in articles:
                record = article.model_dump(mode="json") | {"id": f"{article.id}-{copy}"}
                stream.write(json.dumps(record) + "\n")
        stream.write("{broken\n")
        stream.write(json.dumps({"id": "empty", "text": ""}) + "\n")
    return path


def test_spark_engine_gives_the_local_engines_events(sample_input, tmp_path, monkeypatch):
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    local = run_batch(sample_input, tmp_path / "local", chunk_size=5, workers=1)
    spark = run_batch(sample_input, tmp_path / "spark", engine="spark", master="local[2]", chunk_size=5)

    assert local.events > 0
    assert (spark.articles, spark.events, spark.rejected, spark.sentences) == (
        local.articles,
        local.events,
        local.rejected,
        local.sentences,
    )
    local_table, spark_table = read_events(tmp_path / "local"), read_events(tmp_path / "spark")
    assert sorted(spark_table.column("event_id").to_pylist()) == sorted(local_table.column("event_id").to_pylist())
    assert spark_table.sort_by("event_id").equals(local_table.sort_by("event_id"))
    assert pq.read_table(tmp_path / "spark" / "events_dedup.parquet").equals(
        pq.read_table(tmp_path / "local" / "events_dedup.parquet")
    )
    manifest = json.loads((tmp_path / "spark" / "manifest.json").read_text())
    assert {c["engine"] for c in manifest["chunks"].values()} == {"spark"}
    # a killed Spark run resumes like a local one: forget two chunks, and only they are coded again
    manifest_path = tmp_path / "spark" / "manifest.json"
    assert len(manifest["chunks"]) == 4
    for key in sorted(manifest["chunks"])[1:3]:
        del manifest["chunks"][key]
    manifest_path.write_text(json.dumps(manifest))
    resumed = run_batch(sample_input, tmp_path / "spark", engine="spark", master="local[2]", chunk_size=5)
    assert (resumed.chunks_coded, resumed.chunks_resumed) == (2, 2)
    assert read_events(tmp_path / "spark").sort_by("event_id").equals(local_table.sort_by("event_id"))
