"""Issue 18, item 3: worker processes die with their parent, whatever phase it is killed in."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

DRIVER = Path(__file__).parent / "batch_orphan_run.py"


def _marked(mark: str) -> list[int]:
    """The live processes whose environment carries the mark: the driver's descendants."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"DETENTE_ORPHAN_MARK={mark}".encode() in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def _left_after(mark: str, within: float) -> list[int]:
    deadline = time.monotonic() + within
    while (left := _marked(mark)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="counts processes through /proc")
@pytest.mark.parametrize(
    ("phase", "after", "arrival", "within"),
    [
        # the workers are still importing (unpickling their coder) when the parent dies: no detente code
        # runs in them yet, so they can only go once they get that far
        ("starting", 0.5, 2.0, 6.0),
        ("coding", 0.5, 0.0, 1.0),  # mid-batch: at once
        ("closing", 0.5, 0.0, 1.0),  # the pool waits for its last batch
    ],
)
def test_issue18_workers_die_with_a_killed_parent(phase, after, arrival, within):
    mark = uuid.uuid4().hex
    env = {**os.environ, "DETENTE_ORPHAN_MARK": mark, "BATCH_FAKE_ARRIVAL": str(arrival),
           "BATCH_FAKE_DELAY": "0.25", "PYTHONPATH": str(Path(__file__).parent)}
    driver = subprocess.Popen([sys.executable, str(DRIVER)], env=env, stdout=subprocess.PIPE, text=True)
    try:
        for line in driver.stdout:
            if line.strip() == phase:
                break
        time.sleep(after)
        assert driver.poll() is None, "the driver finished before it could be killed"
        workers = [pid for pid in _marked(mark) if pid != driver.pid]
        assert len(workers) >= 2, workers  # two workers (and multiprocessing's resource tracker)
        driver.send_signal(signal.SIGKILL)
        driver.wait()
        assert _left_after(mark, within) == []
    finally:
        for pid in _marked(mark):
            os.kill(pid, signal.SIGKILL)
        driver.kill()
