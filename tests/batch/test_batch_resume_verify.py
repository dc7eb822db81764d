"""Issue 18, item 1: a resumed batch checks the files of every recorded chunk and codes again what is
missing or damaged; an input that could not be read is recorded as such and retried."""

from __future__ import annotations

import json
import os
import pathlib
import shutil

import pyarrow.parquet as pq
import pytest
from batch_fake_coder import fake_coder
from click.testing import CliRunner

import detente.cli.batch as batch_cli
from detente.batch.output import DEDUP_FILE, read_events
from detente.batch.runner import run_batch

ROOT = os.geteuid() == 0  # root reads a chmod 000 file: for root the denial is injected as well


def _event_ids(output) -> list[str]:
    return sorted(read_events(output).column("event_id").to_pylist())


def _manifest(output) -> dict:
    return json.loads((output / "manifest.json").read_text())


@pytest.fixture
def coded(corpus, tmp_path):
    """A finished batch, and the event ids it holds."""
    output = tmp_path / "out"
    run_batch(corpus, output, chunk_size=16, workers=1, coder=fake_coder)
    return output, _event_ids(output)


def _a_chunk_file(output) -> tuple[str, pathlib.Path]:
    key, record = sorted(_manifest(output)["chunks"].items())[2]
    return key, output / record["outputs"][0]


def _delete(path, monkeypatch=None):
    path.unlink()


def _truncate(path, monkeypatch=None):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path, monkeypatch=None):
    path.write_bytes(os.urandom(path.stat().st_size))


def _swap(path, monkeypatch=None):
    # a valid Parquet file of the right layout, but another chunk's
    other = sorted(p for p in path.parent.parent.parent.rglob("part-*.parquet") if p.name != path.name)[0]
    shutil.copyfile(other, path)


def _chmod(path, monkeypatch=None):
    path.chmod(0)
    if ROOT:  # root reads a mode-000 file: the denial it would meet is injected instead
        _deny(monkeypatch, path)


def _deny(monkeypatch, denied):
    """Opening `denied` fails once, as a mode-000 file does for anyone but root, until the run replaces it."""
    real_open = pathlib.Path.open
    tries = []

    def failing_open(self, *args, **kwargs):
        if self == denied and not tries:
            tries.append(self)
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", failing_open)


DAMAGE = [
    pytest.param(_delete, "is missing", id="delete"),
    pytest.param(_truncate, "has changed", id="truncate"),
    pytest.param(_garbage, "has changed", id="garbage"),
    pytest.param(_swap, "has changed", id="other-content"),
    pytest.param(_chmod, "cannot be read", id="chmod"),
]


@pytest.mark.parametrize(("damage", "why"), DAMAGE)
def test_issue18_resume_recodes_a_damaged_chunk(corpus, coded, damage, why, monkeypatch):
    output, expected = coded
    key, path = _a_chunk_file(output)
    damage(path, monkeypatch)
    summary = run_batch(corpus, output, chunk_size=16, workers=1, coder=fake_coder)
    assert [k for k, _ in summary.recoded] == [key]
    assert why in summary.recoded[0][1]
    assert (summary.chunks_coded, summary.complete) == (1, True)
    assert _event_ids(output) == expected
    assert pq.ParquetFile(output / DEDUP_FILE).metadata.num_rows == summary.dedup_events


def test_issue18_resume_of_an_intact_batch_recodes_nothing(corpus, coded):
    output, expected = coded
    summary = run_batch(corpus, output, chunk_size=16, workers=1, coder=fake_coder)
    assert (summary.recoded, summary.chunks_coded, summary.chunks_resumed) == ([], 0, 8)
    assert _event_ids(output) == expected


def test_issue18_cli_says_which_chunk_it_codes_again(corpus, coded, monkeypatch, caplog):
    output, expected = coded
    key, path = _a_chunk_file(output)
    path.unlink()
    monkeypatch.setattr(batch_cli, "run_batch", lambda *a, **k: run_batch(*a, **{**k, "coder": fake_coder}))
    result = CliRunner().invoke(batch_cli.command, [str(corpus), str(output), "--workers", "1", "--chunk-size", "16"])
    assert "chunks: 1 coded now, 1 of them again (damaged, missing or unread before), 7 from an earlier run" in (
        result.output
    )
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "coded again" in r.getMessage()]
    assert len(warnings) == 1 and key in warnings[0] and "is missing" in warnings[0]
    assert _event_ids(output) == expected


def _unreadable_once(monkeypatch, corpus):
    """The input file cannot be opened, as if its permissions were wrong for a moment."""
    real_open = pathlib.Path.open

    def failing_open(self, *args, **kwargs):
        if self == corpus:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", failing_open)


def _check_unreadable_then_retried(corpus, tmp_path, make_unreadable, make_readable):
    reference = tmp_path / "reference"
    run_batch(corpus, reference, chunk_size=16, workers=1, coder=fake_coder)
    output = tmp_path / "out"
    make_unreadable()
    first = run_batch(corpus, output, chunk_size=16, workers=1, coder=fake_coder)
    assert (first.articles, first.unreadable, first.complete) == (0, 1, False)
    assert first.rejected == 1
    assert _manifest(output)["complete"] is False
    make_readable()
    second = run_batch(corpus, output, chunk_size=16, workers=1, coder=fake_coder)
    assert [why for _, why in second.recoded] == ["its input could not be read"]
    assert (second.articles, second.rejected, second.unreadable, second.complete) == (120, 6, 0, True)
    assert _event_ids(output) == _event_ids(reference)


def test_issue18_an_input_unreadable_for_a_moment_is_retried(corpus, tmp_path, monkeypatch):
    _check_unreadable_then_retried(corpus, tmp_path, lambda: _unreadable_once(monkeypatch, corpus), monkeypatch.undo)


def test_issue18_a_chmod_000_input_is_retried(corpus, tmp_path, monkeypatch):
    mode = corpus.stat().st_mode

    def unreadable():
        corpus.chmod(0)
        if ROOT:  # root reads mode 000: the denial is injected
            _deny(monkeypatch, corpus)

    def readable():
        monkeypatch.undo()
        corpus.chmod(mode)

    _check_unreadable_then_retried(corpus, tmp_path, unreadable, readable)


def test_issue18_a_manifest_without_checks_still_catches_garbage(corpus, coded):
    # manifests written before the checks were recorded: the files must still read and add up
    output, expected = coded
    data = _manifest(output)
    for record in data["chunks"].values():
        record.pop("checks")
    (output / "manifest.json").write_text(json.dumps(data))
    key, path = _a_chunk_file(output)
    _garbage(path)
    summary = run_batch(corpus, output, chunk_size=16, workers=1, coder=fake_coder)
    assert [k for k, _ in summary.recoded] == [key] and "cannot be read" in summary.recoded[0][1]
    assert _event_ids(output) == expected
