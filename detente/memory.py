"""Memory helpers shared by stages that build many small objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many new objects are made that are no garbage yet
    (a parse view, a ledger fold): the collections they would set off cost up to half the work, and
    reference counting frees what is dropped anyway. Restores the collector's state on exit."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
