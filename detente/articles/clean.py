"""Strip boilerplate (copyright lines, rights notices, URLs, bylines) before coding.

Cleaning never moves text: boilerplate is blanked with spaces, so character offsets of events
still point into the article as the user gave it.
"""

from __future__ import annotations

import re

_BOILERPLATE_LINE = re.compile(
    r"""^\s*(
        (copyright|\(c\)|©).*                          # copyright lines
      | .*all\s+rights\s+reserved.*                    # rights notices
      | by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*(,.*)?   # bylines: "By Jane Doe, Reuters"
      | (reporting|writing|editing)\s+by\s+.*          # wire credits
      | (read\s+more|related|share\s+this|follow\s+us|click\s+here|subscribe)\b.*
      | (https?://|www\.)\S+\s*                        # a bare URL line
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_URL = re.compile(r"(https?://|www\.)\S+")
# A wire dateline opening the story: "TBILISI, May 12 (Example Wire) - ", "MOSCOW (Reuters) -- ".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{2,}(,\s*[A-Z][a-z]+\.?\s+\d{1,2}(,\s*\d{4})?)?\s*(\([^)\n]{1,40}\))?\s*[-\u2013\u2014]{1,2}\s+"
)
_CREDIT_TAIL = re.compile(r"\(\s*(AFP|AP|Reuters|dpa|Xinhua|TASS)\s*\)\s*$")


def dateline_place(text: str) -> str:
    """The place a wire dateline opens the story with ("TBILISI, May 12 (Example Wire) - " -> "Tbilisi"), or
    "": where the story was filed, a hint of the state it is about when no other name says."""
    dateline = _DATELINE.match(text)
    if not dateline:
        return ""
    place = re.split(r"[,(\-\u2013\u2014]", dateline.group().strip(), maxsplit=1)[0].strip()
    return " ".join(word.capitalize() for word in place.split())


def clean_text(text: str) -> str:
    """The article with boilerplate blanked out; same length, same offsets."""
    dateline = _DATELINE.match(text)
    if dateline:
        text = " " * dateline.end() + text[dateline.end() :]
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _BOILERPLATE_LINE.match(body) or _is_pipe_footer(body):
            out.append(" " * len(body) + line[len(body) :])
            continue
        body = _URL.sub(lambda m: " " * len(m.group()), body)
        body = _CREDIT_TAIL.sub(lambda m: " " * len(m.group()), body)
        out.append(body + line[len(line.rstrip("\r\n")) :])
    return "".join(out)


def _is_pipe_footer(line: str) -> bool:
    """Footers like 'Copyright ... | https://site/story |' that mix notices and links."""
    parts = [p.strip() for p in line.split("|") if p.strip()]
    return len(parts) >= 2 and all(_BOILERPLATE_LINE.match(p) or _URL.fullmatch(p) for p in parts)
