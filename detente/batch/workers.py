"""Code articles on several processes, streaming: results come back in input order, few batches in flight."""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TypeVar

from detente.batch.coding import CodedBatch, Coder, code_safely, detente_coder
from detente.batch.progress import Progress
from detente.errors import Errors, InputError, WorkerDied
from detente.model import Article, Event

log = logging.getLogger(__name__)

Tag = TypeVar("Tag")

# Articles per task sent to a worker: big enough for spaCy's batching (16 parses as fast as 32 or more;
# 128 and up is slower), small enough to keep the workers busy to the end of the input (the last task
# runs while other workers may idle) and the memory per worker small.
BATCH_SIZE = 16
# Tasks queued per worker beyond the one it is running; bounds memory whatever the input size.
IN_FLIGHT_PER_WORKER = 2

# Inputs with fewer articles are coded in this process: starting workers, each loading the pipeline
# (about 2 s of CPU apiece), costs more than coding them here.
IN_PROCESS_BELOW = 2 * BATCH_SIZE

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_worker_coder: Coder | None = None


def default_workers() -> int:
    """One worker per core."""
    return os.cpu_count() or 1


def check_workers(workers: int | None) -> int:
    """The worker count to use, or InputError for a count below 1."""
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise InputError(Errors.E154.format(value=workers))
    return workers


def _start_worker(coder: Coder, ready, parent: int) -> None:
    """Runs once in each worker process: keep the coder and load its pipeline before the first task."""
    global _worker_coder
    _worker_coder = coder
    _exit_with_parent(parent)
    code_safely(coder, [])  # loads the spaCy pipeline now, once, not inside the first task
    ready.put(os.getpid())


def _exit_with_parent(parent: int, every: float = 0.2) -> None:
    """Stop this worker when its parent dies: a parent killed with -9 cannot shut its pool down.

    `parent` is the pid the parent gave: by the time this runs, a parent killed during the worker's
    start-up is gone and os.getppid() already names whoever adopted the worker.
    """
    _kill_me_with_parent()
    if os.getppid() != parent:  # died before the kernel was asked to tell
        os._exit(1)

    def watch() -> None:  # where prctl is missing; elsewhere a second guard
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="detente-parent-watch", daemon=True).start()


def _kill_me_with_parent() -> None:
    """On Linux, ask the kernel to SIGKILL this process when its parent dies: at once, even while
    a C extension holds the GIL (a polling thread can wait seconds for it)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError) as error:
        log.debug("prctl(PR_SET_PDEATHSIG) unavailable: %s", error)


def _code_in_worker(articles: list[Article]) -> CodedBatch:
    assert _worker_coder is not None, "worker started without a coder"
    return code_safely(_worker_coder, articles)


def _worker_pid() -> int:
    return os.getpid()


class WorkerPool:
    """Worker processes that each load the coder's pipeline once; reusable across many calls."""

    def __init__(self, workers: int | None = None, *, coder: Coder = detente_coder) -> None:
        self.workers = check_workers(workers)
        self.coder = coder
        self.pids: list[int] = []
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self, timeout: float = 600) -> list[int]:
        """Start every worker and wait until each has loaded its pipeline; returns their process ids."""
        if self._executor is not None:
            return self.pids
        # spawn, not fork: the parent may hold threads (DuckDB, Spark, logging) whose locks a fork would copy.
        context = multiprocessing.get_context("spawn")
        ready = context.Queue()
        # The workers are all spawned here, by this thread; on Linux the kernel kills them when the
        # thread that spawned them ends, so start a pool on a thread that outlives it (the main one).
        self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                             initializer=_start_worker, initargs=(self.coder, ready, os.getpid()))
        # with spawn, the pool starts a process per task submitted while none is idle
        probes = [self._executor.submit(_worker_pid) for _ in range(self.workers)]
        try:
            self.pids = sorted(ready.get(timeout=timeout) for _ in range(self.workers))
            for probe in probes:
                probe.result(timeout=timeout)
        except BrokenProcessPool as error:
            self.close()
            raise WorkerDied(Errors.E156.format(reason=error)) from error
        return self.pids

    def code_batches(self, batches: Iterable[tuple[Tag, list[Article]]]) -> Iterator[tuple[Tag, CodedBatch]]:
        """Code each (tag, articles) batch on the workers, yielding (tag, result) in input order."""
        self.start()
        assert self._executor is not None
        pending: deque[tuple[Tag, Future[CodedBatch]]] = deque()
        source = iter(batches)
        try:
            for tag, articles in islice(source, self.workers * (1 + IN_FLIGHT_PER_WORKER)):
                pending.append((tag, self._executor.submit(_code_in_worker, articles)))
            while pending:
                tag, future = pending.popleft()
                try:
                    result = future.result()
                except BrokenProcessPool as error:
                    raise WorkerDied(Errors.E156.format(reason=error)) from error
                for next_tag, articles in islice(source, 1):
                    pending.append((next_tag, self._executor.submit(_code_in_worker, articles)))
                yield tag, result
        finally:
            for _, future in pending:  # the consumer stopped early: drop what it will not read
                future.cancel()

    def close(self) -> None:
        """Stop the workers."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def code_batches(
    batches: Iterable[tuple[Tag, list[Article]]],
    workers: int,
    *,
    coder: Coder = detente_coder,
    pool: WorkerPool | None = None,
) -> Iterator[tuple[Tag, CodedBatch]]:
    """Code each (tag, articles) batch, yielding (tag, result) in input order; workers=1 codes in-process."""
    if pool is not None:
        yield from pool.code_batches(batches)
        return
    if check_workers(workers) == 1:
        for tag, articles in batches:
            yield tag, code_safely(coder, articles)
        return
    with WorkerPool(workers, coder=coder) as own_pool:
        yield from own_pool.code_batches(batches)


def workers_worth_starting(articles: Iterable[Article], workers: int) -> tuple[int, Iterator[Article]]:
    """`workers`, or 1 (code in this process) for an input of fewer than IN_PROCESS_BELOW articles; and the
    articles again, the ones read to find out included."""
    iterator = iter(articles)
    head = list(islice(iterator, IN_PROCESS_BELOW))
    return (workers if len(head) >= IN_PROCESS_BELOW else 1), chain(head, iterator)


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most `size` articles."""
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def code_in_workers(
    articles: Iterable[Article | dict],
    workers: int | None = None,
    *,
    progress: Progress | None = None,
    coder: Coder = detente_coder,
    on_failure: Callable[[str, str], None] | None = None,
    batch_size: int = BATCH_SIZE,
    pool: WorkerPool | None = None,
) -> Iterator[Event]:
    """The events of `detente.code_articles(articles)`, in the same order, coded on `workers` processes.

    An article whose coding raises is skipped, logged and passed to on_failure(article_id, reason).
    A started `pool` (WorkerPool) is used instead of new processes, and its coder and size win.
    """
    workers = check_workers(workers)  # here, not in the generator, so a bad count fails at the call
    records = (a if isinstance(a, Article) else Article.model_validate(a) for a in articles)
    return _code_in_workers(records, workers, progress, coder, on_failure, batch_size, pool)


def _code_in_workers(
    articles: Iterable[Article],
    workers: int,
    progress: Progress | None,
    coder: Coder,
    on_failure: Callable[[str, str], None] | None,
    batch_size: int,
    pool: WorkerPool | None,
) -> Iterator[Event]:
    if pool is None:
        workers, articles = workers_worth_starting(articles, workers)
    tagged = ((len(batch), batch) for batch in batched(articles, batch_size))
    for count, result in code_batches(tagged, workers, coder=coder, pool=pool):
        for article_id, reason in result.failures:
            if on_failure is None:
                log.warning("article %s skipped: %s", article_id, reason)
            else:  # the caller reports it; logging it too would print every failure twice
                log.info("article %s skipped: %s", article_id, reason)
                on_failure(article_id, reason)
        if progress is not None:
            progress.update(count, result.sentences)
        yield from result.events
