"""Articles from the web: `detente code https://...` and files that list URLs (GDELT's URL lists, say).

A polite, bounded client: a user agent that says who is asking, timeouts (and a deadline for the whole
answer, so a server that trickles bytes cannot hold a run), retries with backoff on network errors and
429/5xx answers, at most a few redirects, a byte limit counted after decompression (a gzip bomb stops at
the limit), robots.txt respected, and at most PER_HOST requests to one host at a time. Every failure is a
reason for one Reject; the other URLs are still fetched.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from detente.articles.decode import MAX_DOCUMENT_BYTES

log = logging.getLogger(__name__)

USER_AGENT = "detente/0.1 (news event coder; reads pages its user asked for)"
TIMEOUT_SECONDS = 10.0  # to connect, and between two reads
DEADLINE_SECONDS = 60.0  # for a whole answer
RETRIES = 2  # after the first try, on network errors and 429/5xx
BACKOFF_SECONDS = 0.5  # doubled at each retry
MAX_REDIRECTS = 5
PER_HOST = 2
PARALLEL = 4
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Fetched:
    """A page or file as the server sent it: the URL it ended at, its bytes and media type."""

    url: str
    body: bytes
    media_type: str


def is_url(text: str) -> bool:
    """Whether an argument or a line names an http(s) URL."""
    return text.startswith(("http://", "https://")) and bool(urlsplit(text).netloc) and " " not in text.strip()


class Fetcher:
    """Fetches URLs under the limits above; one per run, so robots.txt is read once per host."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT_SECONDS,
        deadline: float = DEADLINE_SECONDS,
        retries: int = RETRIES,
        backoff: float = BACKOFF_SECONDS,
        max_bytes: int = MAX_DOCUMENT_BYTES,
        per_host: int = PER_HOST,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import httpx

        self.deadline, self.retries, self.backoff, self.max_bytes = deadline, retries, backoff, max_bytes
        self.per_host, self.sleep, self.user_agent = per_host, sleep, user_agent
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": user_agent},
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robot_locks: dict[str, threading.Lock] = {}
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched | str:
        """The answer to GET url, or why there is none."""
        if not self.allowed(url):
            return "disallowed by the site's robots.txt"
        with self._host_slot(url):
            for attempt in range(self.retries + 1):
                result, retry = self._get(url)
                if not retry or attempt == self.retries:
                    return result
                self.sleep(self.backoff * 2**attempt)
        return result  # pragma: no cover - the loop always returns

    def fetch_all(self, urls: Iterable[str]) -> Iterator[tuple[str, Fetched | str]]:
        """(url, answer or reason) for each URL, in the order given, fetched PARALLEL at a time."""
        urls = list(urls)
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            yield from zip(urls, pool.map(self.fetch, urls), strict=True)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this user agent fetch url (no robots.txt, or one that fails: yes)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._robot_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one read of robots.txt per site, however many threads ask at once
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
            rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        import httpx

        try:
            answer = self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError as error:
            log.info("no robots.txt from %s (%s): fetching as allowed", origin, error)
            return None
        rules = urllib.robotparser.RobotFileParser()
        if answer.status_code in (401, 403):
            rules.disallow_all = True
        elif answer.status_code >= 400:
            return None
        else:
            rules.parse(answer.text[:500_000].splitlines())
        return rules

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(self.per_host))

    def _get(self, url: str) -> tuple[Fetched | str, bool]:
        """One try: (answer or reason, whether another try may help)."""
        import httpx

        started = time.monotonic()
        try:
            with self.client.stream("GET", url) as answer:
                if answer.status_code >= 400:
                    return f"HTTP {answer.status_code} {answer.reason_phrase}", answer.status_code in _RETRY_STATUSES
                declared = answer.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    return self._too_large(), False
                chunks, size = [], 0
                for chunk in answer.iter_bytes():  # decompressed: the limit holds for gzip bombs too
                    size += len(chunk)
                    if size > self.max_bytes:
                        return self._too_large(), False
                    if time.monotonic() - started > self.deadline:
                        return f"no complete answer within {self.deadline:g} s", False
                    chunks.append(chunk)
                media_type = answer.headers.get("content-type", "").split(";", 1)[0].strip().lower()
                return Fetched(str(answer.url), b"".join(chunks), media_type), False
        except httpx.TooManyRedirects:
            return f"more than {MAX_REDIRECTS} redirects (a redirect loop?)", False
        except httpx.TimeoutException:
            return f"timed out after {self.client.timeout.read:g} s", True
        except httpx.HTTPError as error:
            return f"cannot fetch: {type(error).__name__}: {error}", True

    def _too_large(self) -> str:
        return f"larger than {self.max_bytes:,} bytes: not read"
