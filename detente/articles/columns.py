"""Which column of a CSV or Parquet export holds an article's id, text, date, URL and title.

The defaults recognise detente's own layout and common exports: GDELT-style (DocumentIdentifier or
SOURCEURL, seendate or DATEADDED), Media Cloud (stories_id, publish_date, url, title, text), and CMS or
scraper dumps (body, content, headline, link). A column the user names overrides the guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FIELDS = ("id", "text", "date", "url", "title")

# Candidate names per field, in order of preference, compared case-insensitively.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "id": ("id", "stories_id", "story_id", "article_id", "doc_id", "docid", "guid", "globaleventid", "an"),
    "text": ("text", "body", "content", "full_text", "story_text", "article_text", "maintext", "article"),
    "date": (
        "date", "publish_date", "published", "publication_date", "pubdate", "published_at", "seendate",
        "dateadded", "datetime", "timestamp", "sqldate",
    ),
    "url": ("url", "link", "sourceurl", "source_url", "documentidentifier", "guid_url", "permalink"),
    "title": ("title", "headline", "name"),
}


@dataclass(frozen=True)
class Columns:
    """The column names the user gave (--id-column ... --title-column); None means: recognise it."""

    id: str | None = None
    text: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None

    def resolve(self, found: Sequence[str]) -> dict[str, str]:
        """field -> column of `found` holding it; raises ColumnsMissing when the text column is absent or a
        named column does not exist."""
        by_folded = {name.strip().lower(): name for name in found}
        mapping: dict[str, str] = {}
        missing: list[str] = []
        for field in FIELDS:
            named = getattr(self, field)
            if named is not None:
                if named.strip().lower() in by_folded:
                    mapping[field] = by_folded[named.strip().lower()]
                else:
                    missing.append(f"{field}: {named!r} (given)")
                continue
            column = next((by_folded[c] for c in CANDIDATES[field] if c in by_folded), None)
            if column is not None:
                mapping[field] = column
            elif field == "text":
                missing.append("text: one of " + ", ".join(CANDIDATES["text"]) + " (or give --text-column)")
        if missing:
            raise ColumnsMissing(found, missing)
        return mapping


class ColumnsMissing(ValueError):
    """A table lacks a column an article needs; the message lists the columns found and those expected."""

    def __init__(self, found: Sequence[str], missing: list[str]) -> None:
        super().__init__(f"columns found: {', '.join(found) or 'none'}; expected {'; '.join(missing)}")
