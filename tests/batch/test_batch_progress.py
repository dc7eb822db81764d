"""The progress line: rates, ETA, drawn only on a terminal, at most once per interval."""

from __future__ import annotations

import io

import pytest

from detente.batch.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (None, "50 articles  5.0 articles/s  40.0 sentences/s"),
        (200, "50/200 articles  5.0 articles/s  40.0 sentences/s  ETA 30s"),
        (3100, "50/3,100 articles  5.0 articles/s  40.0 sentences/s  ETA 10m10s"),
        (40_050, "50/40,050 articles  5.0 articles/s  40.0 sentences/s  ETA 2h13m"),
    ],
)
def test_line_gives_rates_and_eta_only_when_total_known(total, expected):
    clock = Clock()
    progress = Progress(total, stream=io.StringIO(), clock=clock)
    clock.now += 10
    progress.update(50, 400)
    assert progress.line() == expected


def test_not_a_terminal_means_nothing_is_written():
    stream = io.StringIO()
    with Progress(10, stream=stream) as progress:
        progress.update(5, 10)
    assert progress.articles == 5 and progress.sentences == 10
    assert stream.getvalue() == ""


def test_terminal_gets_one_redrawn_line_per_interval_and_a_final_newline():
    clock, stream = Clock(), Terminal()
    progress = Progress(None, stream=stream, clock=clock, interval=1.0)
    assert progress.enabled
    clock.now += 0.5
    progress.update(1, 2)  # first draw
    clock.now += 0.2
    progress.update(1, 2)  # within the interval: not drawn
    clock.now += 1.3
    progress.update(1, 2)  # drawn again
    progress.close()
    output = stream.getvalue()
    assert output.count("\r\x1b[K") == 3  # two updates drawn + the final line
    assert output.endswith("3 articles  1.5 articles/s  3.0 sentences/s\n")
