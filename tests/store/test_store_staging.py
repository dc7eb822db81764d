"""Issue 18, readers during writes: a load writes a staging copy and swaps it in; readers keep answering."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.errors import StoreError
from detente.model import Article
from detente.store import open_store
from detente.store.staging import StagedWrites
from tests.store.eventkit import keyword_coder

ROOT = Path(__file__).resolve().parents[2]

# A writer in another process, as `detente load` is: 12 commit groups of 4 articles, a pause after each.
WRITER = """
import sys, time
from detente.model import Article
from detente.store.staging import StagedWrites
from tests.store.eventkit import keyword_coder
with StagedWrites(sys.argv[1]) as store:
    for group in range(12):
        store.load([Article(id=f"w{group}-{i}", text="France met Germany.", date="2013-05-04") for i in range(4)],
                   coder=keyword_coder)
        time.sleep(0.15)
print("written", flush=True)
"""


def _seed(path: Path) -> None:
    with StagedWrites(str(path)) as store:
        store.load([Article(id="seed", text="Russia agreed with Georgia.", date="2012-03-02")], coder=keyword_coder)


def test_issue18_readers_keep_answering_while_a_load_writes(tmp_path):
    path = tmp_path / "events.duckdb"
    _seed(path)
    server = open_store(str(path), read_only=True)  # a long-lived reader, as `detente serve --read-only`
    assert server.count() == 1
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT, env=env, stdout=subprocess.PIPE)
    seen, errors = [], []
    try:
        while writer.poll() is None:
            try:
                seen.append(server.count())
                assert len(server.query(limit=5)) == min(5, seen[-1])
                with open_store(str(path), read_only=True) as one_off:  # as `detente query` opens it
                    assert one_off.count() >= 1
            except StoreError as error:
                errors.append(str(error))
            time.sleep(0.02)
    finally:
        output, _ = writer.communicate(timeout=60)
    assert writer.returncode == 0 and b"written" in output
    assert errors == []
    assert seen == sorted(seen), "a reader went back to an older state"
    assert len(set(seen)) > 2, f"the reader saw no commit group before the end: {sorted(set(seen))}"
    assert server.count() == 1 + 12 * 4
    server.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.duckdb", "events.duckdb.lock"]


def test_issue18_one_load_at_a_time(tmp_path):
    path = tmp_path / "events.duckdb"
    with StagedWrites(str(path)), pytest.raises(StoreError, match=r"\[E040\].*another load is writing"):
        StagedWrites(str(path)).__enter__()


def test_issue18_a_killed_loads_staging_file_is_discarded(tmp_path):
    path = tmp_path / "events.duckdb"
    _seed(path)
    # What a load killed between a commit and its swap leaves: a staging file and its WAL, never swapped in.
    Path(f"{path}.staging").write_bytes(b"half a database")
    Path(f"{path}.staging.wal").write_bytes(b"half a log")
    with StagedWrites(str(path)) as store:
        assert store.count() == 1
        store.load([Article(id="next", text="Georgia accused Russia.", date="2012-03-03")], coder=keyword_coder)
    with open_store(str(path), read_only=True) as reader:
        assert reader.count() == 2
    assert not Path(f"{path}.staging").exists() and not Path(f"{path}.staging.wal").exists()


def test_issue18_a_load_refuses_a_store_another_process_writes(tmp_path):
    path = tmp_path / "events.duckdb"
    _seed(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, duckdb, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True);"
         " time.sleep(30)", str(path)],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"open"
        with pytest.raises(StoreError, match=r"\[E040\]"), StagedWrites(str(path)):
            pass
    finally:
        holder.kill()
        holder.wait()
