"""The write token: how strong it must be, checking it, and slowing down whoever guesses it."""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from fastapi import Request

from detente.api.errors import ApiError
from detente.errors import Errors

log = logging.getLogger(__name__)

MIN_TOKEN_LENGTH = 32
MIN_TOKEN_DISTINCT = 10  # "aaaa..." or "abab..." are 32 characters with no entropy to speak of
MAX_FAILURES = 10  # wrong tokens a client may send per window before it gets 429
FAILURE_WINDOW = 60.0  # seconds
_CLIENTS_TRACKED = 10_000  # the oldest are dropped beyond this: memory stays bounded under a flood


def new_token() -> str:
    """A random token: 32 bytes from the OS's generator, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def token_weakness(token: str) -> str | None:
    """Why a token is too weak to guard writes, or None."""
    if len(token) < MIN_TOKEN_LENGTH:
        return f"{len(token)} characters, fewer than {MIN_TOKEN_LENGTH}"
    if len(set(token)) < MIN_TOKEN_DISTINCT:
        return f"only {len(set(token))} different characters, fewer than {MIN_TOKEN_DISTINCT}"
    return None


class FailedAttempts:
    """Wrong tokens per client in a sliding window; a client over the limit waits out the window."""

    def __init__(
        self, limit: int = MAX_FAILURES, window: float = FAILURE_WINDOW, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> int | None:
        """Seconds the client must wait before its next try, or None when it may try now."""
        with self._lock:
            failures = self._recent(client)
            if len(failures) < self.limit:
                return None
            return max(1, int(failures[0] + self.window - self.clock() + 0.999))

    def record(self, client: str) -> int:
        """Count a wrong token from the client; returns its failures in the window."""
        with self._lock:
            failures = self._recent(client)
            failures.append(self.clock())
            self._failures[client] = failures
            self._failures.move_to_end(client)
            while len(self._failures) > _CLIENTS_TRACKED:
                self._failures.popitem(last=False)
            return len(failures)

    def _recent(self, client: str) -> deque[float]:
        failures = self._failures.get(client, deque())
        while failures and failures[0] <= self.clock() - self.window:
            failures.popleft()
        return failures


def check_token(request: Request, token: str | None, attempts: FailedAttempts) -> None:
    """Let the request through with the right bearer token; else 401, or 429 for a client over its limit.

    A failed attempt is logged with the client and path, never with the token it sent."""
    client = request.client.host if request.client else "unknown"
    wait = attempts.retry_after(client)
    if wait is not None:
        raise ApiError(429, Errors.E171.format(seconds=wait), headers={"Retry-After": str(wait)})
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode()):
        return
    failures = attempts.record(client)
    log.warning(
        "wrong or missing token from %s on %s %s (%d of %d allowed in %d s)",
        client, request.method, request.url.path, failures, attempts.limit, attempts.window,
    )
    raise ApiError(401, Errors.E138, headers={"WWW-Authenticate": "Bearer"})
