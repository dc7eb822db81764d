"""The allocator setting for coding processes: big freed buffers are reused, not faulted in again."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's"
)

# Allocate and free buffers of growing sizes, up to 28 MB, as the parser does batch after batch, and
# count the page faults that takes once the sizes have all been seen.
_CHURN = """
import resource, sys
import numpy
from detente.memory import keep_freed_buffers
if sys.argv[1] == "tuned":
    assert keep_freed_buffers() and keep_freed_buffers()  # idempotent
def churn():
    for mb in (2, 6, 12, 20, 28):
        kept = [numpy.ones(mb * 2**17) for _ in range(3)]
        del kept
churn()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(10):
    churn()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    result = subprocess.run([sys.executable, "-c", _CHURN, mode], capture_output=True, text=True, check=True)
    return int(result.stdout.strip())


def test_freed_buffers_are_reused_instead_of_faulted_in_again():
    untuned, tuned = _faults("default"), _faults("tuned")
    assert untuned > 10_000  # by default big freed buffers go back to the system
    assert tuned < untuned / 20
