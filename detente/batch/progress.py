"""A progress line on stderr (articles/s, sentences/s, ETA) shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


def _format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


class Progress:
    """Counts coded articles and sentences and redraws one status line at most every `interval` seconds."""

    def __init__(
        self,
        total: int | None = None,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        interval: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        # A progress line in a log file or a pipe is noise: draw only on a terminal unless told otherwise.
        self.enabled = enabled if enabled is not None else _is_terminal(self.stream)
        self.interval = interval
        self.clock = clock
        self.articles = 0
        self.sentences = 0
        self.started = clock()
        self._last_draw = float("-inf")
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def update(self, articles: int = 0, sentences: int = 0) -> None:
        """Add what was just coded and redraw if the interval has passed."""
        self.articles += articles
        self.sentences += sentences
        now = self.clock()
        if self.enabled and now - self._last_draw >= self.interval:
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The status text: done (of total), rates, and the ETA when the total is known."""
        now = self.clock() if now is None else now
        elapsed = max(now - self.started, 1e-9)
        article_rate = self.articles / elapsed
        sentence_rate = self.sentences / elapsed
        done = f"{self.articles:,}" if self.total is None else f"{self.articles:,}/{self.total:,}"
        text = f"{done} articles  {article_rate:,.1f} articles/s  {sentence_rate:,.1f} sentences/s"
        if self.total is not None and article_rate > 0:
            remaining = max(self.total - self.articles, 0) / article_rate
            text += f"  ETA {_format_duration(remaining)}"
        return text

    def close(self) -> None:
        """Draw the final line and end it, so later output starts on a fresh line."""
        if self.enabled:
            self._draw(self.clock())
            if self._drawn:
                self.stream.write("\n")
                self.stream.flush()
            self.enabled = False

    def _draw(self, now: float) -> None:
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()
        self._last_draw = now
        self._drawn = True


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
