"""A saved web page to an article: trafilatura finds the main text, so navigation, sidebars and footers
are not coded, and reads the title, the publication date (htmldate's logic) and the canonical URL."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
# trafilatura and htmldate log a broken or empty page at ERROR level; the reader's reject line already says
# so, once, with the file's name.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# Fewer words than this is a menu or a caption that the extractor fell back on, not an article.
MIN_WORDS = 8

NO_MAIN_TEXT = "no main text found in the page (navigation, lists or an empty page)"


def page_record(html: str, *, url: str | None = None) -> dict | str:
    """The page's article fields (text, title, date, url), or the reason it has no article."""
    import trafilatura  # imported when a page is read: it takes 0.3 s

    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, include_images=False
        )
    except Exception as error:  # noqa: BLE001 - a parser failure on one page is that page's reject
        return f"cannot parse the page: {type(error).__name__}: {error}"
    if found is None or len((found.text or "").split()) < MIN_WORDS:
        return NO_MAIN_TEXT
    text, title = found.text, (found.title or "").strip()
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest  # the headline is the title, as in a feed or a CSV row, not the first sentence
    record: dict = {"text": text, "title": title, "url": found.url or url or "", "date": found.date}
    return record


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one line per block, no markup."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - not HTML after all: the fragment is its own text
        return html
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"):
        block.tail = "\n" + (block.tail or "")
    for dropped in root.iter("script", "style"):
        dropped.drop_tree()
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)

