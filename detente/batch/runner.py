"""`detente batch`: code a large input chunk by chunk into partitioned Parquet, resumable after any kill."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.articles.columns import Columns
from detente.batch.coding import CodedBatch, Coder, detente_coder
from detente.batch.inputs import Chunk, input_files, input_root, read_chunks, url_list_rows
from detente.batch.manifest import Manifest, input_fingerprint
from detente.batch.output import (
    DEDUP_FILE,
    chunk_damage,
    output_checks,
    remove_unrecorded,
    write_chunk,
    write_dedup,
)
from detente.batch.progress import Progress
from detente.batch.workers import BATCH_SIZE, batched, check_workers, code_batches
from detente.errors import Errors, InputError

log = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 500
ENGINES = ("local", "spark")


@dataclass
class BatchSummary:
    """What a batch run did, and the totals of the whole output directory."""

    output_dir: Path
    chunks_coded: int  # by this run
    chunks_resumed: int  # found already coded
    rows: int
    articles: int
    events: int
    sentences: int
    rejected: int  # input rows that were not articles
    failed: int  # articles whose coding raised
    dedup_events: int
    complete: bool
    # chunks a previous run recorded whose files were missing or damaged, or whose input could not be
    # read, coded again by this run: (chunk key, why)
    recoded: list[tuple[str, str]] = field(default_factory=list)
    unreadable: int = 0  # chunks whose input could not be read by this run either: run again to retry them

    @property
    def problems(self) -> int:
        """Rows and articles that produced no coding: rejected plus failed."""
        return self.rejected + self.failed


def run_batch(
    input_path: str | Path,
    output_dir: str | Path,
    *,
    engine: str = "local",
    master: str | None = None,
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    coder: Coder = detente_coder,
    progress: Progress | None = None,
    columns: Columns | None = None,
) -> BatchSummary:
    """Code every row of INPUT into OUTPUT_DIR, skipping chunks a previous run already recorded."""
    if engine not in ENGINES:
        raise InputError(Errors.E159.format(value=engine))
    if chunk_size < 1:
        raise InputError(Errors.E155.format(value=chunk_size))
    workers = check_workers(workers)
    root, output = input_root(input_path), Path(output_dir)
    files = input_files(root, exclude=output)
    manifest = Manifest.open(output, input_path=str(input_path), files=input_fingerprint(root, files),
                             chunk_size=chunk_size)
    recoded = verify_recorded_chunks(output, manifest)
    resumed = len(manifest.chunks)
    removed = remove_unrecorded(output, manifest.chunks)
    if resumed or removed:
        log.info("resuming: %d chunks already coded, %d leftover files removed", resumed, removed)
    if progress is not None and progress.total is not None:
        progress.total = max(progress.total - manifest.totals()["rows"], 0)  # what is left to code
    pending = read_chunks(files, chunk_size, skip=set(manifest.chunks), columns=columns,
                          root=root if isinstance(root, Path) and root.is_dir() else None)
    if engine == "spark":
        from detente.batch.spark import code_chunks_on_spark

        results = code_chunks_on_spark(pending, master=master, coder=coder)
    else:
        results = code_chunks_locally(pending, workers, coder=coder, progress=progress)
    coded = 0
    for chunk, result in results:
        outputs = write_chunk(output, chunk.key, result.events)
        manifest.record_chunk(
            chunk.key, path=chunk.path, first_row=chunk.first_row, rows=chunk.rows,
            articles=len(chunk.articles) - len(result.failures), events=len(result.events),
            sentences=result.sentences, rejects=chunk.rejects, failures=result.failures, outputs=outputs,
            engine=engine, checks=output_checks(output, outputs),
        )
        coded += 1
        if progress is not None:  # the local engine counted its articles as they were coded
            coded_already = len(chunk.articles) if engine == "local" else 0
            progress.update(chunk.rows - coded_already, 0 if engine == "local" else result.sentences)
    dedup_events = write_dedup(output)
    manifest.finish(DEDUP_FILE, dedup_events)
    totals = manifest.totals()
    return BatchSummary(
        output_dir=output, chunks_coded=coded, chunks_resumed=resumed, rows=totals["rows"],
        articles=totals["articles"], events=totals["events"], sentences=totals["sentences"],
        rejected=totals["rejected"], failed=totals["failed"], dedup_events=dedup_events,
        complete=manifest.complete, recoded=recoded, unreadable=len(manifest.unreadable),
    )


def verify_recorded_chunks(output: Path, manifest: Manifest) -> list[tuple[str, str]]:
    """Forget the recorded chunks whose files are missing or damaged, or whose input could not be read,
    so that this run codes them again; returns (chunk key, why) for each."""
    redo = []
    for key, record in sorted(manifest.chunks.items()):
        why = "its input could not be read" if record.get("unreadable") else chunk_damage(output, record)
        if why is not None:
            log.warning("chunk %s (%s, rows from %s) is coded again: %s", key, record.get("file"),
                        record.get("first_row"), why)
            redo.append((key, why))
    if redo:
        for key, _ in redo:
            manifest.forget(key)
        manifest.save()  # before their files go: a kill from here on still recodes them
    return redo


def code_chunks_locally(
    chunks: Iterator[Chunk], workers: int, *, coder: Coder = detente_coder, progress: Progress | None = None
) -> Iterator[tuple[Chunk, CodedBatch]]:
    """Code each chunk on `workers` processes, yielding chunks in input order as each one completes.

    Chunks are cut into small batches that flow through one pool, so workers never wait at a chunk's end.
    """

    def batches() -> Iterator[tuple[tuple[Chunk, bool, int], list]]:
        for chunk in chunks:
            parts = list(batched(chunk.articles, BATCH_SIZE)) or [[]]
            for number, part in enumerate(parts):
                yield (chunk, number == len(parts) - 1, len(part)), part

    merged = CodedBatch()
    for (chunk, last, part), result in code_batches(batches(), workers, coder=coder):
        merged.events.extend(result.events)
        merged.sentences += result.sentences
        merged.failures.extend(result.failures)
        if progress is not None:
            progress.update(part, result.sentences)
        if last:
            for article_id, reason in merged.failures:
                log.warning("%s: article %s skipped: %s", chunk.path, article_id, reason)
            yield chunk, merged
            merged = CodedBatch()


def count_rows(input_path: str | Path, *, exclude: str | Path | None = None) -> int:
    """How many rows the input holds (for the progress ETA); reads JSONL and CSV once, Parquet metadata only."""
    import pyarrow.parquet as pq

    from detente.batch.inputs import FORMATS, _raw_rows

    total = 0
    for path in input_files(input_root(input_path), exclude=exclude):
        if isinstance(path, str) or (fetched := url_list_rows(path)) is not None:  # counted, not fetched
            total += 1 if isinstance(path, str) else fetched
        elif FORMATS.get(path.suffix.lower()) == "parquet":
            try:
                total += pq.ParquetFile(path).metadata.num_rows
            except (OSError, ValueError):
                continue
        else:
            total += sum(1 for row, _, _ in _raw_rows(path) if row >= 0)
    return total
