"""Fault injection (not a test): SIGKILL `detente batch` and `detente load` at several points, damage a
batch chunk, resume, and count what was lost, duplicated or left running.

Run: .venv/bin/python bench/fault_injection.py [--articles 240] [--points 5] [--workers 2]

Each command is first run once uninterrupted for the reference events and its duration. Then, for
each of --points moments spread over that duration (the first inside the workers' start-up), a fresh
run is killed with SIGKILL (the parent only: its workers must go by themselves), the processes it
leaves are counted, and the same command is run again to the end; for batch, one chunk file of that
output is then damaged (deleted, truncated or overwritten, in turn) and the batch resumed once more.
The events of the output are compared with the reference: lost (in the reference, not in the output)
and duplicated (an event id stored twice). Exit status 0 when every count is 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

DETENTE = str(Path(sys.executable).with_name("detente"))
STATES = ["Chile", "Peru", "Norway", "Iceland", "Kenya", "Uganda", "Japan", "Vietnam", "Canada", "Mexico"]
ACTS = [
    "{a} signed a trade agreement with {b} on {day}.",
    "{a} accused {b} of violating the maritime border.",
    "Officials from {a} met their counterparts from {b} in the capital.",
    "{a} expelled two diplomats from {b} after the dispute.",
    "{a} promised economic aid to {b} for the coming year.",
    "{a} condemned the military exercises held by {b}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_corpus(path: Path, count: int) -> None:
    """`count` articles of four sentences each, in words of this script."""
    rng = random.Random(18)
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            sentences = []
            for _ in range(4):
                a, b = rng.sample(STATES, 2)
                sentences.append(rng.choice(ACTS).format(a=a, b=b, day=rng.choice(DAYS)))
            date = f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            stream.write(json.dumps({"id": f"fi-{number}", "text": " ".join(sentences), "date": date}) + "\n")


def marked(mark: str) -> list[int]:
    """Live processes carrying the mark in their environment: a run's parent and its descendants."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"DETENTE_FAULT_MARK={mark}".encode() in environ and state != "Z":
            found.append(int(entry.name))
    return found


def run(args: list[str], *, kill_after: float | None = None) -> tuple[float, int]:
    """Run a detente command; with kill_after, SIGKILL it then. Returns (seconds, processes left 2 s later)."""
    mark = uuid.uuid4().hex
    env = {**os.environ, "DETENTE_FAULT_MARK": mark}
    start = time.monotonic()
    process = subprocess.Popen([DETENTE, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is None:
        process.wait()
        return time.monotonic() - start, 0
    try:
        process.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
    deadline = time.monotonic() + 2.0
    while (left := marked(mark)) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:  # do not leave them to the next run
        os.kill(pid, signal.SIGKILL)
    return time.monotonic() - start, len(left)


def batch_events(output: Path) -> list[str]:
    """The event ids of a batch output; a file that does not read as Parquet holds none."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    found = []
    for path in sorted((output / "events").rglob("part-*.parquet")):
        try:
            found += pq.read_table(path, columns=["event_id"]).column("event_id").to_pylist()
        except (OSError, pa.ArrowException):
            continue
    return found


def store_events(path: Path) -> list[str]:
    from detente.store import open_store

    with open_store(str(path), read_only=True) as store:
        return [row[0] for row in store.sql("SELECT event_id FROM events")[1]]


def damage_a_chunk(output: Path, turn: int) -> str:
    """Delete, truncate or overwrite one recorded chunk file, in turn; returns what was done."""
    manifest = output / "manifest.json"
    if not manifest.exists():
        return "no chunk recorded"
    chunks = json.loads(manifest.read_text())["chunks"]
    files = [output / f for c in chunks.values() for f in c.get("outputs", [])]
    if not files:
        return "no chunk file"
    target = files[turn % len(files)]
    kind = ("delete", "truncate", "garbage")[turn % 3]
    if kind == "delete":
        target.unlink()
    elif kind == "truncate":
        target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    else:
        target.write_bytes(os.urandom(target.stat().st_size))
    return f"{kind} {target.relative_to(output)}"


def compare(reference: list[str], found: list[str]) -> tuple[int, int]:
    """(lost, duplicated) event ids."""
    counts = Counter(found)
    lost = sum((Counter(reference) - counts).values())
    duplicated = sum(n - 1 for n in counts.values() if n > 1)
    return lost, duplicated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--points", type=int, default=5, help="kill points per command")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="detente-faults-"))
    corpus = work / "corpus.jsonl"
    write_corpus(corpus, options.articles)
    workers = ["--workers", str(options.workers)]
    commands = {
        "batch": (lambda out: ["batch", str(corpus), str(out), "--chunk-size", "20", *workers], batch_events),
        "load": (lambda out: ["load", str(corpus), "--db", str(out), *workers], store_events),
    }
    totals = Counter()
    print(f"{'command':8} {'kill at':>8} {'left':>5} {'damage':50} {'lost':>5} {'dup':>5}")
    for name, (arguments, events_of) in commands.items():
        suffix = "" if name == "batch" else ".duckdb"
        reference_output = work / f"{name}-reference{suffix}"
        seconds, _ = run(arguments(reference_output))
        reference = events_of(reference_output)
        summary = f"uninterrupted: {seconds:.1f} s, {len(reference)} events"
        print(f"{name:8} {'-':>8} {'-':>5} {summary:50}")
        for point in range(options.points):
            at = seconds * (0.04 + 0.9 * point / max(options.points - 1, 1))
            output = work / f"{name}-{point}{suffix}"
            _, left = run(arguments(output), kill_after=at)
            run(arguments(output))
            damage = "-"
            if name == "batch":  # then damage a chunk of the finished output, and resume once more
                damage = damage_a_chunk(output, point)
                run(arguments(output))
            lost, duplicated = compare(reference, events_of(output))
            totals.update(left=left, lost=lost, duplicated=duplicated, kills=1)
            print(f"{name:8} {at:7.1f}s {left:5d} {damage:50} {lost:5d} {duplicated:5d}")
    print(f"\n{totals['kills']} kills: events lost {totals['lost']}, duplicated {totals['duplicated']}, "
          f"orphan processes {totals['left']}  (work files in {work})")
    return 0 if totals["lost"] == totals["duplicated"] == totals["left"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
