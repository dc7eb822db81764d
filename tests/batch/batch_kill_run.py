"""Run a batch with the fake coder in a subprocess, optionally SIGKILLing itself at a chosen point.

Usage: python batch_kill_run.py INPUT OUTPUT_DIR CHUNK_SIZE WORKERS
BATCH_KILL_AT: 'files:N' (the Nth chunk's files written, its manifest entry not yet),
'manifest:N' (the Nth manifest temp file written, not yet renamed), 'dedup' (dedup temp written).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from batch_fake_coder import fake_coder  # noqa: E402

import detente.batch.manifest as manifest_module  # noqa: E402
import detente.batch.output as output_module  # noqa: E402
import detente.batch.runner as runner_module  # noqa: E402


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _install_kill_point(spec: str) -> None:
    where, _, count = spec.partition(":")
    calls = {"n": 0}

    def due() -> bool:
        calls["n"] += 1
        return calls["n"] == int(count or 1)

    if where == "files":
        real_write_chunk = runner_module.write_chunk

        def write_chunk(*args, **kwargs):
            written = real_write_chunk(*args, **kwargs)
            if due():
                _die()
            return written

        runner_module.write_chunk = write_chunk
    elif where in ("manifest", "dedup"):
        module = manifest_module if where == "manifest" else output_module
        real_replace = os.replace

        class _OS:
            def __getattr__(self, name):
                return getattr(os, name)

            @staticmethod
            def replace(src, dst):
                if (where == "manifest" or str(dst).endswith("events_dedup.parquet")) and due():
                    _die()
                real_replace(src, dst)

        module.os = _OS()


def main() -> None:
    input_path, output_dir, chunk_size, workers = sys.argv[1:5]
    if os.environ.get("BATCH_KILL_AT"):
        _install_kill_point(os.environ["BATCH_KILL_AT"])
    summary = runner_module.run_batch(
        input_path, output_dir, chunk_size=int(chunk_size), workers=int(workers), coder=fake_coder
    )
    print(f"events={summary.events} resumed={summary.chunks_resumed} coded={summary.chunks_coded}")


if __name__ == "__main__":
    main()
