"""Issue 16: `detente watch` polls a feed that a local test server changes between polls, stores what is new,
and reports each ledger change once: not again on the next poll, nor after a restart."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli.main import cli
from detente.errors import InputError
from detente.store import open_store
from detente.store.watch import StateChange, parse_interval, poll

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/localsite.py

from localsite import answer, serving  # noqa: E402

ENTRIES = [
    (
        "caucasus-1",
        "Tue, 06 Feb 2024 09:00:00 GMT",
        "https://caucasus.example.net/news/1",
        "TBILISI, Feb 6 - Georgia severed diplomatic relations with Russia on Tuesday after a quarrel over the "
        "border, the foreign ministry said.",
    ),
    (
        "caucasus-2",
        "Fri, 08 Mar 2024 10:00:00 GMT",
        "https://steppe.example.com/news/2",
        "MOSCOW, March 8 - Russia offered on Friday to restore diplomatic relations with Georgia, the Kremlin said.",
    ),
]


def feed(count: int) -> bytes:
    items = "".join(
        f"<item><guid>{guid}</guid><title>News {guid}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description>{text}</description></item>"
        for guid, date, link, text in ENTRIES[:count]
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Caucasus wire</title>'
        f"<link>https://caucasus.example.net/</link><description>test</description>{items}</channel></rss>"
    ).encode()


class Site(http.server.BaseHTTPRequestHandler):
    entries = 1  # how many entries the feed holds now: the test raises it between polls
    posted: list[dict] = []

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/feed.rss":
            self._answer(200, feed(Site.entries), "application/rss+xml")
        else:
            self._answer(404, b"no such page", "text/plain")

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Site.posted.append(json.loads(body))
        self._answer(204 if self.path == "/hook" else 500, b"", "text/plain")

    def _answer(self, status: int, body: bytes, media_type: str) -> None:
        answer(self, status, body, media_type)


@pytest.fixture
def site():
    Site.entries, Site.posted = 1, []
    with serving(Site) as url:
        yield url


def _watch(*args: str):
    return CliRunner().invoke(cli, ["watch", *args])


def test_a_change_is_reported_once_and_not_again_after_a_restart(site, tmp_path):
    db = str(tmp_path / "store.duckdb")
    args = [f"{site}/feed.rss", "--db", db, "--pair", "RUS", "GEO", "--once"]

    first = _watch(*args)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [
        "RUS–GEO diplomatic relations: no state → severed, 2024-02-06, caucasus.example.net",
        "    Georgia severed diplomatic relations with Russia on Tuesday after a quarrel over the "
        "border, the foreign ministry said.",
    ]
    assert "poll 1 at" in first.stderr and "read 1, coded 1, unchanged 0, rejected 0" in first.stderr

    Site.entries = 2  # the feed gains an entry
    second = _watch(*args)
    assert second.exit_code == 0, second.output
    assert second.stdout.splitlines()[0] == (
        "RUS–GEO diplomatic relations: severed → restoration offered, 2024-03-08, steppe.example.com"
    )
    assert len(second.stdout.splitlines()) == 2
    assert "read 2, coded 1, unchanged 1" in second.stderr  # the first entry is not coded again

    again = _watch(*args)  # a restart on the same feed: nothing new, nothing reported
    assert again.exit_code == 0 and again.stdout == ""
    assert "read 2, coded 0, unchanged 2" in again.stderr
    with open_store(db, read_only=True) as store:
        assert store.stats()["articles"] == 2


def test_changes_are_posted_as_json_to_a_webhook(site, tmp_path):
    Site.entries = 2
    result = _watch(f"{site}/feed.rss", "--db", str(tmp_path / "s.duckdb"), "--pair", "georgia", "russia",
                    "--once", "--webhook", f"{site}/hook")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert [(p["pair"], p["thread"], p["from"], p["to"], p["since"]) for p in Site.posted] == [
        (["GEO", "RUS"], "diplomatic", None, "severed", "2024-02-06"),
        (["GEO", "RUS"], "diplomatic", "severed", "restoration offered", "2024-03-08"),
    ]
    assert Site.posted[1]["sentence"].startswith("Russia offered on Friday to restore")
    assert Site.posted[1]["url"] == "https://steppe.example.com/news/2"


def test_a_failing_webhook_and_a_missing_feed_are_lines_on_stderr_and_exit_1(site, tmp_path):
    result = _watch(f"{site}/feed.rss", f"{site}/gone.rss", "--db", str(tmp_path / "s.duckdb"),
                    "--pair", "RUS", "GEO", "--once", "--webhook", f"{site}/broken-hook")
    assert result.exit_code == 1
    assert f"rejected {site}/gone.rss: HTTP 404 Not Found" in result.stderr
    assert f"webhook {site}/broken-hook: HTTPStatusError" in result.stderr
    assert "read 1, coded 1, unchanged 0, rejected 1" in result.stderr


def test_polls_in_one_run_report_each_change_once(site, tmp_path):
    changes: list[StateChange] = []
    with open_store(str(tmp_path / "s.duckdb")) as store:
        for entries in (1, 1, 2, 2):
            Site.entries = entries
            poll(store, [f"{site}/feed.rss"], [("RUS", "GEO")], on_change=changes.append)
    assert [c.line() for c in changes] == [
        "RUS–GEO diplomatic relations: no state → severed, 2024-02-06, caucasus.example.net",
        "RUS–GEO diplomatic relations: severed → restoration offered, 2024-03-08, steppe.example.com",
    ]


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("90", 90), ("30s", 30), ("1.5h", 5400), ("1d", 86400)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["0", "15 minutes", "-5m", "m", ""])
def test_bad_intervals_are_usage_errors(text, tmp_path):
    with pytest.raises(InputError, match=r"\[E190\]"):
        parse_interval(text)
    result = _watch("feed.rss", "--db", str(tmp_path / "s.duckdb"), "--pair", "RUS", "GEO", "--every", text)
    assert result.exit_code == 2 and "[E190]" in result.stderr


def test_without_pair_every_pair_of_the_new_articles_is_watched(site, tmp_path):
    Site.entries = 2
    result = _watch(f"{site}/feed.rss", "--db", str(tmp_path / "s.duckdb"), "--once")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if not line.startswith(" ")] == [
        "GEO–RUS diplomatic relations: no state → severed, 2024-02-06, caucasus.example.net",
        "GEO–RUS diplomatic relations: severed → restoration offered, 2024-03-08, steppe.example.com",
    ]


def test_an_edited_entry_is_coded_again_without_reporting_its_change_again(site, tmp_path):
    changes: list[StateChange] = []
    with open_store(str(tmp_path / "s.duckdb")) as store:
        poll(store, [f"{site}/feed.rss"], on_change=changes.append)
        original = ENTRIES[0]
        ENTRIES[0] = (*original[:3], original[3] + " Officials in Moscow did not comment on the decision.")
        try:
            report = poll(store, [f"{site}/feed.rss"], on_change=changes.append)
        finally:
            ENTRIES[0] = original
    assert report.load.coded == 1 and report.load.replaced == 1
    assert [c.after for c in changes] == ["severed"]


def test_a_pair_of_one_country_is_a_usage_error(tmp_path):
    result = _watch("feed.rss", "--db", str(tmp_path / "s.duckdb"), "--pair", "RUS", "russia", "--once")
    assert result.exit_code == 2 and "[E113]" in result.stderr


def test_an_unknown_country_is_a_usage_error(tmp_path):
    result = _watch("feed.rss", "--db", str(tmp_path / "s.duckdb"), "--pair", "RUS", "Atlantis", "--once")
    assert result.exit_code == 2 and "[E030]" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_stops_a_running_watch_with_exit_code_130(site, tmp_path):
    command = [sys.executable, "-m", "detente.cli.main", "watch", f"{site}/feed.rss", "--db",
               str(tmp_path / "s.duckdb"), "--pair", "RUS", "GEO", "--every", "1h"]
    # SIGINT as in a terminal: a shell starts a background job (pytest under `make test &`) with SIGINT
    # ignored, a child inherits that, and Python leaves an ignored SIGINT ignored
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "COLUMNS": "120"},
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = child.stderr.readline()
        lines.append(line)
        if line.startswith("poll 1 at") or not line:
            break
    assert lines[-1].startswith("poll 1 at") and "next poll at" in lines[-1], lines
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 130
    assert "interrupted after 1 poll" in err
    assert out.startswith("RUS–GEO diplomatic relations: no state → severed")
    with open_store(str(tmp_path / "s.duckdb"), read_only=True) as store:
        assert store.stats()["articles"] == 1


def test_watch_reads_a_local_feed_file_too(tmp_path):
    path = Path(tmp_path / "feed.rss")
    path.write_bytes(feed(2))
    result = _watch(str(path), "--db", str(tmp_path / "s.duckdb"), "--pair", "RUS", "GEO", "--once")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 4
