"""Run by test_batch_orphans.py in a subprocess that the test kills with SIGKILL: start a pool of two
workers and code 40 articles slowly, announcing each phase on stdout."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from batch_fake_coder import SlowToArrive  # noqa: E402

from detente.batch.workers import WorkerPool, code_in_workers  # noqa: E402
from detente.model import Article  # noqa: E402


def say(phase: str) -> None:
    print(phase, flush=True)


def main() -> None:
    articles = [Article(id=f"a{n}", text="France met Chile.", date=None) for n in range(40)]
    pool = WorkerPool(2, coder=SlowToArrive())
    say("starting")
    pool.start()
    say("coding")  # batches of 16, 16 and 8 articles: both workers busy
    events = code_in_workers(articles, pool=pool)
    next(events)  # the first batch is back; the third is being coded
    say("closing")
    pool.close()  # waits for the third batch
    say("done")


if __name__ == "__main__":
    main()
