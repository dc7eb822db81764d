"""What kind of input a file holds, from its suffix and, where the suffix says little, its first bytes."""

from __future__ import annotations

import re

from detente.articles.columns import CANDIDATES
from detente.articles.decode import decode_bytes, file_encoding

# Kinds the reader knows: text, html, feed, jsonl, json, csv, tsv, parquet, urls (pages to fetch, one a
# line); and document (Word, PDF...), which it rejects with a reason, and binary, which it cannot read.
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".parquet": "parquet",
}
DOCUMENTS: dict[str, str] = {
    ".docx": "a Word document", ".doc": "a Word document", ".odt": "an OpenDocument text", ".rtf": "an RTF document",
    ".pdf": "a PDF", ".epub": "an e-book", ".pages": "a Pages document",
}
DOCUMENT_REASON = "{what}: not read (save it as text or HTML first)"

_HTML = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
_FEED = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.I)
_XML = re.compile(r"^\s*<\?xml", re.I)
_URL_LINE = re.compile(r"^https?://[^\s/]+\S*$")


def kind_of(suffix: str, head: bytes) -> str:
    """The kind of a file with this suffix that starts with these bytes (a few KB suffice)."""
    suffix = suffix.lower()
    if suffix in DOCUMENTS:
        return "document"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")):
        return "document"
    known = SUFFIXES.get(suffix)
    if known in ("jsonl", "json", "csv", "tsv", "parquet"):
        return known
    text = _head_text(head)
    if text is None:
        return "binary"
    if _HTML.match(text):
        return "html"  # a page saved as .txt or .xml is still a page
    if (_XML.match(text) or known == "feed") and _FEED.search(text[:4096]):
        return "feed"
    if known in (None, "text") and _is_url_list(text, complete=len(head) < 4096):
        return "urls"
    if known is not None:
        return known
    if text.lstrip().startswith("{"):
        return "jsonl"
    return _table_kind(text) or "text"


def _is_url_list(text: str, *, complete: bool) -> bool:
    """Whether every line (of those the sample holds whole) is an http(s) URL: a list of pages to fetch."""
    lines = text.splitlines() if complete else text.splitlines()[:-1]
    lines = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and all(_URL_LINE.match(line) for line in lines)


def _table_kind(text: str) -> str | None:
    """'csv' or 'tsv' when the first line is a header naming a text column (text, body, content...)."""
    header = text.split("\n", 1)[0].strip().lower()
    for delimiter, kind in ((",", "csv"), ("\t", "tsv")):
        names = {name.strip().strip('"').strip() for name in header.split(delimiter)}
        if len(names) > 1 and names & set(CANDIDATES["text"]):
            return kind
    return None


def _head_text(head: bytes) -> str | None:
    """The start of a file as text, or None when it is binary: more than one character in ten a control
    character (a few NULs in a text are tolerated: they become line breaks)."""
    encoding, skip = file_encoding(head)
    text = decode_bytes(head[skip:], encoding)[:4096]
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f" or char == "\x7f")
    return None if controls > len(text) // 10 else text


def document_reason(suffix: str) -> str:
    """Why a Word file, a PDF or the like is not read."""
    return DOCUMENT_REASON.format(what=DOCUMENTS.get(suffix.lower(), "a binary document (PDF, Word or zip)"))
