"""The manifest of a batch (OUTPUT_DIR/manifest.json): which chunks are coded, and what came of them.

A chunk counts as coded only once it is in the manifest, and the manifest is replaced atomically after
the chunk's files are in place; so a killed run never records a chunk whose output is missing.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from detente.articles.read import Reject
from detente.batch.output import TMP_PREFIX
from detente.errors import BatchError, Errors
from detente.schema import SCHEMA_VERSION

MANIFEST_FILE = "manifest.json"
FORMAT = "detente-batch/1"
REJECTS_KEPT = 50  # reasons kept per chunk; the counts stay exact


def input_fingerprint(root: Path | str, files: list[Path | str]) -> list[dict]:
    """What identifies the input: each file's path (relative to the input), size and modification time; a URL
    by itself (what it serves may change: a resumed run fetches it again)."""
    if isinstance(root, str):
        return [{"path": root, "size": None, "mtime_ns": None}]
    base = root if root.is_dir() else root.parent
    return [
        {"path": p.relative_to(base).as_posix(), "size": p.stat().st_size, "mtime_ns": p.stat().st_mtime_ns}
        for p in files
    ]


def _version() -> str:
    try:
        return metadata.version("detente")
    except metadata.PackageNotFoundError:
        return "unknown"


class Manifest:
    """The record of one batch output directory."""

    def __init__(self, path: Path, data: dict) -> None:
        self.path = path
        self.data = data

    @classmethod
    def open(cls, output_dir: Path, *, input_path: str, files: list[dict], chunk_size: int) -> Manifest:
        """The directory's manifest, or a new one; E152 if it records a batch of other input or settings."""
        path = output_dir / MANIFEST_FILE
        if not path.exists():
            return cls(path, {
                "format": FORMAT, "detente_version": _version(), "input": input_path, "files": files,
                "chunk_size": chunk_size, "schema_version": SCHEMA_VERSION, "started": _now(), "complete": False,
                "chunks": {}, "totals": {}, "dedup": None,
            })
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise BatchError(Errors.E153.format(path=path, reason=error)) from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BatchError(Errors.E153.format(path=path, reason=f"not a {FORMAT} manifest"))
        # Files of two layouts in one directory would not read as one table; a manifest without the key
        # predates the versioned layout.
        if data.get("schema_version") != SCHEMA_VERSION:
            raise BatchError(Errors.E152.format(
                output=output_dir,
                reason=f"event schema version {data.get('schema_version', 'none')}, not {SCHEMA_VERSION}"))
        if data.get("chunk_size") != chunk_size:
            raise BatchError(Errors.E152.format(
                output=output_dir, reason=f"chunk size {data.get('chunk_size')}, not {chunk_size}"))
        if data.get("files") != files:
            raise BatchError(Errors.E152.format(
                output=output_dir, reason="the input files, their sizes or times differ"))
        return cls(path, data)

    @property
    def chunks(self) -> dict[str, dict]:
        """Coded chunks by key."""
        return self.data["chunks"]

    @property
    def complete(self) -> bool:
        """True once every chunk is coded and the deduplicated table is written."""
        return bool(self.data.get("complete"))

    def record_chunk(
        self, key: str, *, path: str, first_row: int, rows: int, articles: int, events: int, sentences: int,
        rejects: list[Reject], failures: list[tuple[str, str]], outputs: list[str], engine: str,
        checks: dict[str, dict] | None = None,
    ) -> None:
        """Add a coded chunk and save: the commit point of that chunk.

        A chunk whose input file could not be read (in part or at all) is recorded as unreadable: its
        rows are not coded, and the next run codes the chunk again.
        """
        self.chunks[key] = {
            "file": path, "first_row": first_row, "rows": rows, "articles": articles, "events": events,
            "sentences": sentences, "rejected": len(rejects), "failed": len(failures),
            "rejects": [{"line": r.line, "reason": r.reason} for r in rejects[:REJECTS_KEPT]],
            "failures": [{"id": i, "reason": r} for i, r in failures[:REJECTS_KEPT]],
            "outputs": outputs, "checks": checks or {}, "engine": engine,
            "unreadable": any(is_unreadable(r) for r in rejects),
        }
        self.data["complete"] = False
        self.save()

    def forget(self, key: str) -> None:
        """Drop a chunk from the record (to be coded again); saved by the caller."""
        self.chunks.pop(key, None)
        self.data["complete"] = False

    @property
    def unreadable(self) -> list[str]:
        """Keys of the chunks whose input could not be read: to be retried by the next run."""
        return sorted(key for key, chunk in self.chunks.items() if chunk.get("unreadable"))

    def finish(self, dedup_path: str, dedup_events: int) -> None:
        """Record the deduplicated table; the batch is complete unless some input could not be read."""
        self.data["dedup"] = {"path": dedup_path, "events": dedup_events}
        self.data["complete"] = not self.unreadable
        self.data["finished"] = _now()
        self.save()

    def totals(self) -> dict[str, int]:
        """Sums over the coded chunks."""
        names = ("rows", "articles", "events", "sentences", "rejected", "failed")
        sums = {name: sum(int(c.get(name, 0)) for c in self.chunks.values()) for name in names}
        sums["chunks"] = len(self.chunks)
        return sums

    def save(self) -> None:
        """Replace the manifest atomically (temp file, fsync, rename)."""
        self.data["totals"] = self.totals()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{TMP_PREFIX}{self.path.name}.{os.getpid()}")
        with tmp.open("w", encoding="utf-8") as stream:
            json.dump(self.data, stream, indent=1, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, self.path)


def is_unreadable(reject: Reject) -> bool:
    """True for the reject that stands for a file (or its rest) that could not be read, not for a bad row."""
    # detente.batch.inputs reports an unreadable file as one reject without a line, "cannot read ...".
    return reject.line is None and reject.reason.startswith("cannot read")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
