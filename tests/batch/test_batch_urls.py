"""Issue 16: batch takes what code and load take from the web: an http(s) URL of a page or a feed as its INPUT, and
files listing URLs; each is fetched through the one reader (from a local server this test starts), a failed URL is
one rejected row, and a run resumes."""

from __future__ import annotations

import http.server
import json
import sys
from pathlib import Path

import pytest
from batch_fake_coder import fake_coder
from click.testing import CliRunner

from detente.batch.runner import count_rows, run_batch
from detente.cli.main import cli

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/localsite.py

from localsite import answer, serving  # noqa: E402

SAME_STORY = Path(__file__).parents[1] / "reader" / "same-story"
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
<item><title>One</title><link>https://news.example/1</link><guid>n-1</guid>
<pubDate>Thu, 11 May 2023 08:00:00 +0000</pubDate>
<description>France met Chile. The ministers talked in Paris on Thursday.</description></item>
<item><title>Two</title><link>https://news.example/2</link><guid>n-2</guid>
<pubDate>Fri, 12 May 2023 08:00:00 +0000</pubDate>
<description>Japan praised Kenya. The two governments signed a trade deal on Friday.</description></item>
</channel></rss>"""


class Site(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        routes = {
            "/feed": ("application/rss+xml", FEED),
            "/story": ("text/html; charset=utf-8", (SAME_STORY / "article.html").read_bytes()),
        }
        media_type, body = routes.get(self.path, ("text/plain", b""))
        answer(self, 200 if self.path in routes else 404, body, media_type)


@pytest.fixture
def site():
    Site.hits.clear()
    with serving(Site) as url:
        yield url


def _doc_ids(output: Path) -> set[str]:
    import pyarrow.parquet as pq

    return {doc for path in (output / "events").rglob("*.parquet") for doc in pq.read_table(path)["doc_id"].to_pylist()}


def test_a_feed_url_is_a_batch_input_and_a_run_resumes(site, tmp_path):
    output = tmp_path / "out"
    summary = run_batch(f"{site}/feed", output, chunk_size=1, workers=1, coder=fake_coder)
    assert (summary.rows, summary.articles, summary.rejected, summary.chunks_coded) == (2, 2, 0, 2)
    assert _doc_ids(output) == {"n-1", "n-2"}
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"] == f"{site}/feed"  # its '//' kept
    assert manifest["files"] == [{"path": f"{site}/feed", "size": None, "mtime_ns": None}]
    again = run_batch(f"{site}/feed", output, chunk_size=1, workers=1, coder=fake_coder)
    assert (again.chunks_coded, again.chunks_resumed, again.articles) == (0, 2, 2)


def test_a_url_list_codes_each_page_and_rejects_a_failed_url(site, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# world news\n{site}/story\n{site}/missing\n{site}/feed\n", encoding="utf-8")
    assert count_rows(listing) == 3 and not Site.hits  # counted without fetching
    summary = run_batch(listing, tmp_path / "out", chunk_size=10, workers=1, coder=fake_coder)
    assert (summary.articles, summary.rejected) == (3, 1)
    assert _doc_ids(tmp_path / "out") == {"n-1", "n-2"}  # the page is read too, but the fake coder finds nothing
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    [chunk] = manifest["chunks"].values()
    assert [r["reason"] for r in chunk["rejects"]] == [f"{site}/missing: HTTP 404 Not Found"]


def test_batch_command_takes_a_url_and_says_what_failed(site, tmp_path, monkeypatch):
    monkeypatch.setattr("detente.cli.batch.run_batch", _with_fake_coder)
    result = CliRunner().invoke(cli, ["batch", f"{site}/feed", str(tmp_path / "a"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "read 2, coded 2, rejected 0, failed 0, events 2"
    result = CliRunner().invoke(cli, ["batch", f"{site}/missing", str(tmp_path / "b"), "--workers", "1"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "read 1, coded 0, rejected 1, failed 0, events 0"


def _with_fake_coder(*args, **kwargs):
    return run_batch(*args, **kwargs, coder=fake_coder)
