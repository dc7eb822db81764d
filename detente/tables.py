"""Read the tab-separated data files (gazetteer, lexicon): a header line, `#` comments, errors by line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from detente.errors import Errors, LexiconError


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a data file as dicts keyed by its header, with their line numbers; checks the columns."""
    header: list[str] | None = None
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in columns if c not in header]
                if missing:
                    raise LexiconError(Errors.E020.format(path=path, line=number, reason=f"missing columns {missing}"))
                continue
            if len(cells) > len(header):
                raise LexiconError(
                    Errors.E020.format(path=path, line=number, reason=f"{len(cells)} cells, header has {len(header)}")
                )
            cells += [""] * (len(header) - len(cells))
            yield number, {k: v.strip() for k, v in zip(header, cells, strict=True)}
