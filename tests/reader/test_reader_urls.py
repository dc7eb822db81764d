"""Issue 16: URLs and URL lists, fetched from a local server this test starts: each failure (404, 500, a
timeout, a redirect loop, a page over the byte limit, a gzip bomb, robots.txt) is one reject, the rest codes."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from pathlib import Path

import pytest

from detente.articles import Duplicate, Reject, read_articles
from detente.articles.fetch import Fetcher

SAME_STORY = Path(__file__).parent / "same-story"
LIMIT = 200_000


class Site(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: set[str] = set()
    busy = peak = 0
    lock = threading.Lock()

    def log_message(self, *args) -> None:  # keep the test's output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        Site.agents.add(self.headers.get("User-Agent", ""))
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/story": (200, "text/html; charset=utf-8", (SAME_STORY / "article.html").read_bytes()),
            "/feed": (200, "application/rss+xml", (SAME_STORY / "feed.xml").read_bytes()),
            "/private/story": (200, "text/html", (SAME_STORY / "article.html").read_bytes()),
            "/big": (200, "text/plain", b"Chile met Peru. " * (LIMIT // 8)),
        }
        if self.path in routes:
            status, media_type, body = routes[self.path]
            self._answer(status, body, {"Content-Type": media_type})
        elif self.path == "/bomb":
            body = gzip.compress(b"\0" * (50 * LIMIT))
            self._answer(200, body, {"Content-Type": "text/plain", "Content-Encoding": "gzip"})
        elif self.path == "/loop":
            self._answer(302, b"", {"Location": "/loop"})
        elif self.path == "/broken":
            self._answer(500, b"down", {"Content-Type": "text/plain"})
        elif self.path.startswith("/wait/"):
            with Site.lock:
                Site.busy += 1
                Site.peak = max(Site.peak, Site.busy)
            time.sleep(0.2)
            with Site.lock:
                Site.busy -= 1
            self._answer(200, f"Chile met Peru on day {self.path[6:]}.".encode(), {"Content-Type": "text/plain"})
        elif self.path == "/slow":
            time.sleep(1.5)
            self._answer(200, b"Chile met Peru.", {"Content-Type": "text/plain"})
        else:
            self._answer(404, b"no such page", {"Content-Type": "text/plain"})

    def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a client that gave up (the timeout case)
        pass


@pytest.fixture
def site():
    server = QuietServer(("127.0.0.1", 0), Site)
    # a short poll: shutdown() waits up to one poll interval (0.5 s by default) for the loop to notice
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    Site.hits.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _fetcher() -> Fetcher:
    return Fetcher(timeout=0.5, deadline=5, retries=1, backoff=0.01, max_bytes=LIMIT)


def test_a_url_list_codes_its_pages_and_rejects_each_failure_once(site, tmp_path):
    paths = ["story", "feed", "missing", "broken", "slow", "loop", "big", "bomb", "private/story"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# pages to code\n" + "".join(f"{site}/{p}\n" for p in paths), encoding="utf-8")
    rejects: list[Reject] = []
    duplicates: list[Duplicate] = []
    articles = list(read_articles([str(listing)], on_reject=rejects.append, fetcher=_fetcher(),
                                  on_duplicate=duplicates.append))
    page_url = "https://wire.example.org/2023/05/10/armenia-turkey-border"
    assert [(a.id, a.url) for a in articles] == [(page_url, page_url)]
    # the feed's entry is the page's article (one text at one URL): read once, and said
    assert duplicates == [Duplicate("example-wire-2023-05-10-0042", page_url)]
    assert {(r.path, r.line, r.reason.removeprefix(f"{site}/")) for r in rejects} == {
        (str(listing), 4, "missing: HTTP 404 Not Found"),
        (str(listing), 5, "broken: HTTP 500 Internal Server Error"),
        (str(listing), 6, "slow: timed out after 0.5 s"),
        (str(listing), 7, "loop: more than 5 redirects (a redirect loop?)"),
        (str(listing), 8, f"big: larger than {LIMIT:,} bytes: not read"),
        (str(listing), 9, f"bomb: larger than {LIMIT:,} bytes: not read"),
        (str(listing), 10, "private/story: disallowed by the site's robots.txt"),
    }
    assert Site.hits["/broken"] == 2 and Site.hits["/missing"] == 1  # a 500 is tried again, a 404 is not
    assert Site.hits["/robots.txt"] == 1 and "/private/story" not in Site.hits
    assert any(agent.startswith("detente/") for agent in Site.agents)


def test_a_url_argument_is_fetched_and_keeps_its_slashes(site):
    rejects: list[Reject] = []
    (article,) = read_articles([f"{site}/story", f"{site}/missing"], on_reject=rejects.append, fetcher=_fetcher())
    assert article.title == "Armenia and Turkey agree to reopen border crossing"
    assert [str(r) for r in rejects] == [f"{site}/missing: HTTP 404 Not Found"]


def test_no_more_than_two_requests_to_one_host_at_once(site, tmp_path):
    listing = tmp_path / "urls"
    listing.write_text("".join(f"{site}/wait/{n}\n" for n in range(6)), encoding="utf-8")
    Site.peak = 0
    articles = list(read_articles([str(listing)], fetcher=_fetcher()))
    assert [a.id for a in articles] == [f"{site}/wait/{n}" for n in range(6)]  # a text is known by its URL
    assert Site.peak == 2
