"""Read the tab-separated data files (gazetteer, lexicon): a header line, `#` comments, errors by line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields
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


def read_classes(path: Path, table: object, column: str, member: Callable[[str], str] = str.lower) -> None:
    """Add the rows of a class table (a class name, then its members |-separated in `column`) to `table`, a
    dataclass with one frozenset field per class ("place-anaphor" fills `place_anaphor`). `member` turns a
    cell into a member and raises ValueError for a bad one. A class the table does not declare, a bad
    member or a row without members is an error naming the file and line."""
    known = {f.name for f in fields(table) if f.init and f.type in ("frozenset[str]", frozenset)}  # type: ignore[arg-type]
    for number, row in read_tsv(path, ("class", column)):
        attribute = row["class"].replace("-", "_")
        try:
            if attribute not in known:
                names = ", ".join(sorted(k.replace("_", "-") for k in known))
                raise ValueError(f"unknown class {row['class']!r} (known: {names})")
            members = frozenset(member(m.strip()) for m in row[column].split("|") if m.strip())
            if not members:
                raise ValueError("a class row needs at least one member")
        except ValueError as error:
            raise LexiconError(Errors.E020.format(path=path, line=number, reason=str(error))) from error
        setattr(table, attribute, getattr(table, attribute) | members)
