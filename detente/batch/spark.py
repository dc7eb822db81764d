"""The Spark engine of `detente batch`: the same coder, run per partition with mapInArrow on PySpark 4.

The driver reads and chunks the input exactly as the local engine does and keeps the manifest; Spark
codes a wave of chunks at a time, one chunk per task, and the driver writes each chunk's files. So a
killed Spark run resumes like a local one, and both engines give the same events.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import islice

from detente.batch.coding import CodedBatch, Coder, code_safely, detente_coder
from detente.batch.inputs import Chunk
from detente.errors import BatchError, Errors
from detente.model import Article, Event

log = logging.getLogger(__name__)

_RESULT_SCHEMA = "chunk int, ordinal int, event string, sentences long, failures string"


def _import_pyspark():
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise BatchError(Errors.E157.format(reason=error)) from error
    return SparkSession


def spark_session(master: str | None = None, *, app_name: str = "detente-batch"):
    """A SparkSession on `master` (default: spark-submit's, else local[*]); a local one is quiet and on loopback."""
    SparkSession = _import_pyspark()
    builder = SparkSession.builder.appName(app_name)
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    if master:
        builder = builder.master(master)
    local = master is not None and master.startswith("local")
    if local:
        # Nothing outside this machine needs to reach a local run: no UI, no listening on other interfaces,
        # and the executors run this very Python, where detente and its model are installed.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.host", "127.0.0.1")
                   .config("spark.sql.shuffle.partitions", "4"))
    try:
        session = builder.getOrCreate()
    except Exception as error:  # PySpark raises its own errors when Java or the master is missing
        raise BatchError(Errors.E158.format(reason=_first_line(error))) from error
    session.sparkContext.setLogLevel("ERROR")
    return session


def _first_line(error: Exception) -> str:
    """Py4J errors carry a whole Java stack trace; the first line says what failed."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _code_partition(coder: Coder, batches: Iterable) -> Iterator:
    """Runs on an executor: code each chunk row of the partition; one summary row per chunk, one row per event."""
    import pyarrow as pa

    for batch in batches:
        columns = batch.to_pydict()
        out = {"chunk": [], "ordinal": [], "event": [], "sentences": [], "failures": []}
        for chunk, payload in zip(columns["chunk"], columns["articles"], strict=True):
            articles = [Article.model_validate(record) for record in json.loads(payload)]
            # the coder caches its spaCy pipeline per Python worker process, which Spark reuses across tasks
            result = code_safely(coder, articles)
            rows = [(-1, None, result.sentences, json.dumps(result.failures))]
            rows += [(i, event.model_dump_json(), 0, None) for i, event in enumerate(result.events)]
            for ordinal, event, sentences, failures in rows:
                out["chunk"].append(chunk)
                out["ordinal"].append(ordinal)
                out["event"].append(event)
                out["sentences"].append(sentences)
                out["failures"].append(failures)
        yield pa.RecordBatch.from_pydict(out, schema=pa.schema([
            ("chunk", pa.int32()), ("ordinal", pa.int32()), ("event", pa.string()),
            ("sentences", pa.int64()), ("failures", pa.string()),
        ]))


def code_chunks_on_spark(
    chunks: Iterator[Chunk],
    *,
    master: str | None = None,
    coder: Coder = detente_coder,
    wave: int | None = None,
) -> Iterator[tuple[Chunk, CodedBatch]]:
    """Code chunks on Spark, `wave` chunks per job (default: the cluster's parallelism), in input order."""
    SparkSession = _import_pyspark()
    ours = SparkSession.getActiveSession() is None  # a notebook's own session is left running
    session = spark_session(master)
    try:
        wave = wave or max(2, session.sparkContext.defaultParallelism)
        while group := list(islice(chunks, wave)):
            yield from _code_wave(session, group, coder)
    finally:
        if ours:
            session.stop()


def _code_wave(session, group: list[Chunk], coder: Coder) -> Iterator[tuple[Chunk, CodedBatch]]:
    rows = [(i, json.dumps([a.model_dump(mode="json") for a in chunk.articles])) for i, chunk in enumerate(group)]
    # one slice per chunk, so each chunk is one task and the chunks spread over every executor core
    frame = session.createDataFrame(session.sparkContext.parallelize(rows, numSlices=len(rows)),
                                    schema="chunk int, articles string")
    coded = frame.mapInArrow(functools.partial(_code_partition, coder), _RESULT_SCHEMA)
    try:
        table = coded.toArrow()
    except Exception as error:  # a Py4J or PySpark error: the job, not one article, failed
        raise BatchError(Errors.E158.format(reason=_first_line(error))) from error
    results = {i: CodedBatch() for i in range(len(group))}
    ordered = sorted(zip(*(table.column(name).to_pylist() for name in
                           ("chunk", "ordinal", "event", "sentences", "failures")), strict=True),
                     key=lambda row: (row[0], row[1]))
    for chunk, ordinal, event, sentences, failures in ordered:
        if ordinal < 0:
            results[chunk].sentences += sentences
            results[chunk].failures.extend(tuple(f) for f in json.loads(failures))
        else:
            results[chunk].events.append(Event.model_validate_json(event))
    for i, chunk in enumerate(group):
        for article_id, reason in results[i].failures:
            log.warning("%s: article %s skipped: %s", chunk.path, article_id, reason)
        yield chunk, results[i]
