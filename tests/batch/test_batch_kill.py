"""Issue 5: a batch killed with SIGKILL at any moment and run again ends with exactly the events of an
uninterrupted run: none lost, none duplicated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from batch_corpus import corpus_records, write_jsonl
from batch_fake_coder import fake_coder

from detente.batch.output import read_events
from detente.batch.runner import run_batch

RUNNER = Path(__file__).with_name("batch_kill_run.py")
CHUNK_SIZE = 25


def _run(input_path: Path, output: Path, workers: int = 1, kill_at: str = "", delay: str = "0"):
    env = {**os.environ, "BATCH_KILL_AT": kill_at, "BATCH_FAKE_DELAY": delay}
    return subprocess.run(
        [sys.executable, str(RUNNER), str(input_path), str(output), str(CHUNK_SIZE), str(workers)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _event_ids(output: Path) -> Counter:
    return Counter(read_events(output).column("event_id").to_pylist())


def _dedup_rows(output: Path) -> list[dict]:
    return pq.read_table(output / "events_dedup.parquet").to_pylist()


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, Path]:
    """The input and the output of one uninterrupted run."""
    root = tmp_path_factory.mktemp("kill")
    input_path = write_jsonl(root / "input.jsonl", corpus_records(300, seed=11), bad_rows_every=40)
    run_batch(input_path, root / "reference", chunk_size=CHUNK_SIZE, workers=1, coder=fake_coder)
    return input_path, root / "reference"


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", ["files:1", "files:4", "manifest:1", "manifest:7", "dedup"])
def test_kill_at_each_commit_step_then_resume_gives_the_same_events(reference, tmp_path, kill_at):
    input_path, reference_output = reference
    output = tmp_path / "out"

    killed = _run(input_path, output, kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if kill_at.startswith("files:"):  # the killed chunk's files are there, unrecorded: they must not count twice
        recorded = int(kill_at.split(":")[1]) - 1
        manifest_path = output / "manifest.json"
        chunks = json.loads(manifest_path.read_text())["chunks"] if manifest_path.exists() else {}
        assert len(chunks) == recorded
        assert list(output.rglob(f"part-00000-{recorded:06d}.parquet"))

    resumed = _run(input_path, output)
    assert resumed.returncode == 0, resumed.stderr
    assert _event_ids(output) == _event_ids(reference_output)
    assert max(_event_ids(output).values()) == 1
    assert _dedup_rows(output) == _dedup_rows(reference_output)
    manifest = json.loads((output / "manifest.json").read_text())
    reference_manifest = json.loads((reference_output / "manifest.json").read_text())
    assert manifest["complete"] is True
    assert manifest["totals"] == reference_manifest["totals"]
    assert not [p for p in output.rglob(".*") if p.is_file()], "temp files left behind"


def _wait_for_chunks(manifest: Path, count: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if len(json.loads(manifest.read_text())["chunks"]) >= count:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    raise AssertionError(f"the batch never recorded {count} chunks")


@pytest.mark.slow
def test_kill_minus_9_from_outside_twice_with_two_workers_then_resume(reference, tmp_path):
    input_path, reference_output = reference
    output = tmp_path / "out"
    env = {**os.environ, "BATCH_FAKE_DELAY": "0.01"}
    command = [sys.executable, str(RUNNER), str(input_path), str(output), str(CHUNK_SIZE), "2"]
    for recorded_before_kill in (2, 7):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_chunks(output / "manifest.json", recorded_before_kill, process)
        workers = psutil.Process(process.pid).children(recursive=True)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
        # the pool's workers must not outlive the killed batch
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert not alive

    resumed = _run(input_path, output, workers=2)
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed=0" not in resumed.stdout
    assert _event_ids(output) == _event_ids(reference_output)
    assert _dedup_rows(output) == _dedup_rows(reference_output)


@pytest.mark.slow
def test_detente_batch_command_killed_mid_run_resumes_to_the_uninterrupted_events(tmp_path):
    """The real command and coder, two workers: kill -9 after a few chunks, rerun, compare."""
    from detente.articles import read_articles

    examples = Path(__file__).resolve().parents[2] / "examples"
    articles = [a for path in sorted(examples.iterdir()) for a in read_articles([str(path)])]  # each file apart: 8
    input_path = tmp_path / "input.jsonl"
    input_path.write_text(
        "".join(
            json.dumps(a.model_dump(mode="json") | {"id": f"{a.id}-{copy}"}) + "\n"
            for copy in range(6)
            for a in articles
        )
    )
    repo = Path(__file__).resolve().parents[2]

    def command(output: Path) -> list[str]:
        return [
            sys.executable,
            "-m",
            "detente.cli.main",
            "batch",
            str(input_path),
            str(output),
            "--workers",
            "2",
            "--chunk-size",
            "4",
        ]

    reference = subprocess.run(command(tmp_path / "reference"), cwd=repo, capture_output=True, text=True, timeout=300)
    assert reference.returncode == 0, reference.stderr
    output = tmp_path / "out"
    process = subprocess.Popen(command(output), cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_chunks(output / "manifest.json", 2, process, timeout=120)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL
    assert not json.loads((output / "manifest.json").read_text())["complete"]

    resumed = subprocess.run(command(output), cwd=repo, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "0 from an earlier run" not in resumed.stdout
    assert _event_ids(output) == _event_ids(tmp_path / "reference")
    assert sum(_event_ids(output).values()) > 0
    assert _dedup_rows(output) == _dedup_rows(tmp_path / "reference")
