"""RSS and Atom feeds to articles with feedparser: one article per entry, with its date, link and id.

An entry that carries only a summary is coded from the summary and marked summary_only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from detente.articles.html import fragment_text

log = logging.getLogger(__name__)


def feed_records(data: bytes) -> Iterator[dict | str]:
    """Each entry's article fields, or a reason: an entry without text, or a feed that is not one."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") or ("" if parsed.get("version") else "neither RSS nor Atom")
        yield f"not a valid feed: {problem}" if problem else "a feed without entries"
        return
    broken = parsed.get("bozo_exception") if parsed.get("bozo") else None
    for entry in parsed.entries:
        found = _entry_record(entry)
        # a truncated feed still gives its whole entries; the cut one says why it has no text
        yield f"{found} (the feed is broken: {broken})" if isinstance(found, str) and broken else found


def _entry_record(entry) -> dict | str:
    content = [part.get("value", "") for part in entry.get("content", []) if part.get("value", "").strip()]
    summary_only = not content
    body = "\n".join(content) if content else entry.get("summary", "")
    text = fragment_text(body) if body else ""
    if not text.strip():
        return "feed entry without text or summary"
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    link = entry.get("link", "")
    record = {
        "id": entry.get("id") or link or None,
        "text": text,
        "title": fragment_text(entry.get("title", "")) if entry.get("title") else "",
        "url": link,
        "date": dt.date(*stamp[:3]) if stamp else None,
        "summary_only": summary_only,
    }
    if summary_only:
        log.info("feed entry %s has only a summary: the summary is coded", record["id"] or link)
    return record
