"""Writes that readers need not wait for: a load writes a copy of the store and swaps it in after commits.

DuckDB lets one process open a file writable, or many open it read-only, never both. So `detente load`
copies the store to PATH.staging, writes there, and after a commit group replaces PATH with a copy of the
checkpointed staging file (os.replace, atomic). A reader keeps the file it opened and reopens PATH when
its identity changes (Store.reading). A killed load leaves PATH as of its last swap; the next load
starts from PATH again and skips what is stored (docs/store.md, "Concurrency").
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from pathlib import Path
from types import TracebackType

import duckdb

from detente.errors import DiskFull, Errors, StoreError, is_disk_full
from detente.store.store import SANDBOX, Store, open_store, store_path

log = logging.getLogger(__name__)

# A swap copies the whole file; after one, the next waits at least this many times as long as it took,
# so that copying costs a load at most about a tenth of its time.
SWAP_SPACING = 10


class StagedWrites:
    """A writable Store over a copy of the store at path, swapped in after commits and when done.

    Use as a context manager: `with StagedWrites(path) as store: store.load(...)`.
    """

    def __init__(self, path: str | None = None) -> None:
        self.path = store_path(path)
        self.staging = f"{self.path}.staging"
        self._swap_file = f"{self.path}.swap"
        self._lock_file: int | None = None
        self._store: Store | None = None
        self._unswapped = False
        self._last_swap = 0.0
        self._swap_seconds = 0.0
        self.swaps = 0

    def __enter__(self) -> Store:
        self._lock()
        try:
            self._check_no_writer()
            self._start_staging()
            self._store = open_store(self.staging)
        except BaseException:
            self._unlock()
            raise
        self._store.after_write = self._committed
        return self._store

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            # What was committed before a failure is whole: swap it in too, as a load into PATH would keep it.
            if self._unswapped and not is_disk_full(error):
                self.swap()
        finally:
            if self._store is not None:
                self._store.close()
            for leftover in (self.staging, f"{self.staging}.wal", self._swap_file):
                Path(leftover).unlink(missing_ok=True)
            self._unlock()

    # -- one writer at a time ----------------------------------------------------------------------------
    def _lock(self) -> None:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock_file = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._unlock()
            raise StoreError(Errors.E040.format(reason=f"another load is writing {self.path}")) from None

    def _unlock(self) -> None:
        if self._lock_file is not None:
            os.close(self._lock_file)  # closing releases the flock
            self._lock_file = None

    def _check_no_writer(self) -> None:
        """A process with the file open writable (`detente serve` without --read-only) would lose its writes
        to a swap: refuse, as opening the file would."""
        if not Path(self.path).exists():
            return
        try:
            duckdb.connect(self.path, read_only=True, config=SANDBOX).close()
        except duckdb.Error as error:
            raise StoreError(Errors.E040.format(reason=str(error).splitlines()[0])) from None

    def _start_staging(self) -> None:
        # Under the lock, any staging file is a killed load's: its swapped part is in PATH already.
        for leftover in (self.staging, f"{self.staging}.wal", self._swap_file):
            Path(leftover).unlink(missing_ok=True)
        if not Path(self.path).exists():
            return
        try:
            shutil.copyfile(self.path, self.staging)
            if Path(f"{self.path}.wal").exists():  # a writer killed before its checkpoint: replayed on open
                shutil.copyfile(f"{self.path}.wal", f"{self.staging}.wal")
        except OSError as error:
            Path(self.staging).unlink(missing_ok=True)
            Path(f"{self.staging}.wal").unlink(missing_ok=True)
            if is_disk_full(error):
                raise DiskFull(Errors.E172.format(path=self.staging, reason=error.strerror)) from error
            raise StoreError(Errors.E040.format(reason=f"cannot copy {self.path}: {error}")) from None

    # -- swapping ------------------------------------------------------------------------------------
    def _committed(self) -> None:
        self._unswapped = True
        if time.monotonic() - self._last_swap >= SWAP_SPACING * self._swap_seconds:
            self.swap()

    def swap(self) -> None:
        """Make what the staging file holds the store at path: checkpoint, copy, fsync, os.replace."""
        assert self._store is not None
        started = time.monotonic()
        try:
            with self._store.cursor() as cur:
                cur.execute("CHECKPOINT")  # everything in the file itself, nothing left in its WAL
            shutil.copyfile(self.staging, self._swap_file)
            with open(self._swap_file, "rb+") as copy:
                os.fsync(copy.fileno())
        except (OSError, duckdb.Error) as error:
            Path(self._swap_file).unlink(missing_ok=True)
            if is_disk_full(error):
                raise DiskFull(Errors.E172.format(path=self.path, reason=str(error).splitlines()[0])) from error
            raise
        # The WAL of a killed writer was replayed into the staging copy; left beside the new file, it
        # would be replayed again onto it.
        Path(f"{self.path}.wal").unlink(missing_ok=True)
        os.replace(self._swap_file, self.path)
        directory = os.open(Path(self.path).parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        self._unswapped = False
        self.swaps += 1
        self._last_swap = time.monotonic()
        self._swap_seconds = self._last_swap - started
        log.info("swapped in %s (%.2f s)", self.path, self._swap_seconds)
