"""code_in_workers: the same events in the same order as one process, streaming, failures isolated."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from batch_corpus import corpus_records
from batch_fake_coder import fake_code_articles, fake_coder

from detente.batch.progress import Progress
from detente.batch.workers import BATCH_SIZE, IN_FLIGHT_PER_WORKER, WorkerPool, code_in_workers
from detente.errors import InputError
from detente.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _articles(count: int) -> list[Article]:
    return [Article.model_validate(r) for r in corpus_records(count, seed=3)]


@pytest.mark.parametrize("workers", [1, 2])
def test_same_events_in_the_same_order_as_one_process(workers):
    articles = _articles(150)
    progress = Progress(len(articles), enabled=False)
    events = list(code_in_workers(articles, workers, progress=progress, coder=fake_coder))
    assert [e.model_dump() for e in events] == [e.model_dump() for e in fake_code_articles(articles)]
    assert (progress.articles, progress.sentences) == (150, 450)


def test_dicts_are_accepted_like_articles():
    records = corpus_records(5, seed=3)
    assert list(code_in_workers(records, 1, coder=fake_coder)) == fake_code_articles(_articles(5))


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_fails_is_skipped_and_reported_alone(workers):
    articles = _articles(40)
    articles[17] = Article(id="bad", text="EXPLODE. France met Chile.")
    failures = []
    events = list(
        code_in_workers(articles, workers, coder=fake_coder, on_failure=lambda i, reason: failures.append((i, reason)))
    )
    good = articles[:17] + articles[18:]
    assert events == fake_code_articles(good)
    assert failures == [("bad", "coding failed: RuntimeError: the fake coder cannot code this")]


def test_input_is_streamed_with_a_bounded_number_of_articles_in_flight():
    pulled = itertools.count()

    def endless():
        for n in itertools.count():
            next(pulled)
            yield Article(id=f"a{n}", text="France met Chile. Kenya praised Japan.")

    first_events = list(itertools.islice(code_in_workers(endless(), 2, coder=fake_coder), 10))
    assert [e.doc_id for e in first_events] == ["a0", "a0", "a1", "a1", "a2", "a2", "a3", "a3", "a4", "a4"]
    in_flight_limit = 2 * (1 + IN_FLIGHT_PER_WORKER) * BATCH_SIZE + BATCH_SIZE
    assert next(pulled) <= in_flight_limit


@pytest.mark.parametrize("workers", [0, -2])
def test_worker_count_below_one_is_refused_at_the_call(workers):
    with pytest.raises(InputError, match=r"\[E154\]"):
        code_in_workers([], workers)


@pytest.mark.slow
def test_real_coder_on_two_workers_equals_code_articles():
    from detente.articles import read_articles
    from detente.coder import code_articles

    articles = [a for path in sorted(EXAMPLES.iterdir()) for a in read_articles([str(path)])]  # each file apart: 8
    assert articles, "examples/ holds the sample articles"
    reference = list(code_articles(articles))
    progress = Progress(enabled=False)
    events = list(code_in_workers(articles, 2, progress=progress))
    assert [e.model_dump() for e in events] == [e.model_dump() for e in reference]
    assert len({e.doc_id for e in events}) >= 4
    assert progress.articles == len(articles)
    assert progress.sentences >= 5 * len(articles)


def test_a_started_pool_is_reused_by_later_calls_with_the_same_processes():
    from detente.batch.workers import WorkerPool

    articles = _articles(70)
    with WorkerPool(2, coder=fake_coder) as pool:
        pids = list(pool.pids)
        first = list(code_in_workers(articles, pool=pool))
        second = list(code_in_workers(articles[:10], pool=pool))
        assert pool.pids == pids and len(set(pids)) == 2
    assert first == fake_code_articles(articles)
    assert second == fake_code_articles(articles[:10])


class _CountingPool:
    """Stands in for WorkerPool: counts pools made and started, and codes with the fake coder."""

    made: list[_CountingPool] = []

    def __init__(self, workers: int | None = None, **_options) -> None:
        self.pool = WorkerPool(workers, coder=fake_coder)
        self.starts = 0
        _CountingPool.made.append(self)

    def code_batches(self, batches):
        self.starts += 1 if self.pool._executor is None else 0
        return self.pool.code_batches(batches)

    def close(self) -> None:
        self.pool.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@pytest.mark.parametrize(("count", "pools"), [(1, 0), (BATCH_SIZE * 2 - 1, 0), (BATCH_SIZE * 2, 1)])
def test_issue18_a_small_input_is_coded_in_process(monkeypatch, count, pools):
    import detente.batch.workers as workers_module

    monkeypatch.setattr(_CountingPool, "made", [])
    monkeypatch.setattr(workers_module, "WorkerPool", _CountingPool)
    articles = _articles(count)
    assert list(code_in_workers(articles, 2, coder=fake_coder)) == fake_code_articles(articles)
    assert len(_CountingPool.made) == pools


def test_issue18_load_starts_one_pool_for_the_whole_input(tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    import detente.cli.load as load_cli
    from detente.cli.main import cli
    from detente.store import open_store

    monkeypatch.setattr(_CountingPool, "made", [])
    monkeypatch.setattr(load_cli, "WorkerPool", _CountingPool)
    records = corpus_records(150, seed=5)  # three of the store's chunks of 64
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(cli, ["load", str(inputs), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert [pool.starts for pool in _CountingPool.made] == [1]
    assert _CountingPool.made[0].pool._executor is None  # closed
    with open_store(str(db), read_only=True) as store:
        assert store.sql("SELECT count(*) FROM events")[1][0][0] == len(
            fake_code_articles([Article.model_validate(r) for r in records])
        )
