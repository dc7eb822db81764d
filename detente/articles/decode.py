"""Bytes to text: byte-order marks, UTF-16 and Latin-1 inputs, NUL bytes; and the limits a JSON line must keep.

Everything here judges one input at a time and says why it failed, so that one bad file or line costs only
itself (issue 18: a Latin-1 or UTF-16 file, or a 100k-deep JSON line, used to stop the whole run).
"""

from __future__ import annotations

import codecs
import re

# A JSON line larger than this is rejected unread: an article is rarely over 1 MB, and json.loads of a
# huge line holds several times its size in memory.
MAX_LINE_BYTES = 16 * 1024 * 1024
# A whole document (a .txt or .html file, a feed) larger than this is rejected before it is decoded.
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
# An article record is an object of strings: depth 1, or 2 with a list of tags. json.loads recurses once
# per level and fails with RecursionError near 1,000 levels, so deeper lines are rejected before it runs.
MAX_JSON_DEPTH = 64

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def byte_order_mark(data: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark names and the mark's length, or (None, 0)."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None, 0


def wide_encoding(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without a mark (ASCII text leaves every other byte NUL)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def file_encoding(data: bytes) -> tuple[str | None, int]:
    """The encoding the start of a file shows (a mark, or UTF-16's pattern of NULs) and the bytes to skip."""
    encoding, skip = byte_order_mark(data)
    if encoding is not None:
        return encoding, skip
    return wide_encoding(data), 0


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Text from bytes: the encoding given or marked, else UTF-8, else Windows-1252 (Latin-1 for the
    five bytes it leaves undefined), so that no input fails to decode; NULs become line breaks later
    (model.plain_text)."""
    if encoding is None:
        encoding, skip = file_encoding(data)
        data = data[skip:]
    if encoding is not None:
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")


def _is_cp1252(data: bytes) -> bool:
    return not any(byte in data for byte in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def json_depth(line: str) -> int:
    """How deeply a JSON text nests arrays and objects, counted without parsing it (brackets in strings
    do not count), so that a line too deep for json.loads is known before json.loads sees it."""
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_JSON_STRING.sub('""', line)):
        if bracket.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest
