"""Issue 18, item 7: strong tokens only, read from the environment or a file, and a limit on guessing."""

from __future__ import annotations

import logging

import pytest
import uvicorn
from click.testing import CliRunner
from eventkit import keyword_coder
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.api.auth import MAX_FAILURES, FailedAttempts, token_weakness
from detente.cli.main import cli

STRONG = "Vq3-k9Lx_2mZp8Rt4sWn7Yb1Hc6Jd0Fg5"
ONE = {"id": "t1", "text": "Russia met Georgia.", "date": "2012-03-02"}


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def served(monkeypatch, tmp_path):
    """What `detente serve` would run: uvicorn.run is replaced by a recorder of how the app answers a
    wrong token and the right one (while the command still holds the store open)."""
    seen = {}

    def run(app, **options) -> None:
        seen["wrong"] = _posts_with(app, "wrong" * 8)
        seen["right"] = _posts_with(app, STRONG)

    monkeypatch.setattr(uvicorn, "run", run)
    for name in ("DETENTE_TOKEN", "DETENTE_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "served.duckdb"))
    return seen


def _serve(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["serve", *args], env=env)


def test_issue18_new_token_prints_a_strong_one(served):
    result = _serve("--new-token")
    assert result.exit_code == 0
    token = result.stdout.strip()
    assert token_weakness(token) is None and len(token) >= 32
    assert _serve("--new-token").stdout.strip() != token
    assert served == {}  # printed and left


@pytest.mark.parametrize("weak", ["a", "test-token-123", "a" * 40, "ab" * 20])
def test_issue18_weak_tokens_are_refused(served, weak):
    result = _serve(env={"DETENTE_TOKEN": weak})
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [E170] The token is too weak")
    assert (weak not in result.stderr) or len(weak) < 3  # the message names the problem, not the token
    assert served == {}


def _posts_with(app, token: str) -> int:
    client = TestClient(app)
    return client.post("/articles", json=ONE, headers={"Authorization": f"Bearer {token}"}).status_code


@pytest.mark.parametrize("source", ["DETENTE_TOKEN", "DETENTE_API_TOKEN", "file"])
def test_issue18_token_from_environment_or_file(served, tmp_path, monkeypatch, source):
    if source == "file":
        path = tmp_path / "token"
        path.write_text(STRONG + "\n", encoding="utf-8")
        result = _serve("--token-file", str(path))
    else:
        monkeypatch.setenv(source, STRONG)
        result = _serve()
    assert result.exit_code == 0, result.output
    assert served == {"wrong": 401, "right": 201}


@pytest.fixture
def guarded(store):
    clock = _Clock()
    app = create_app(store, token=STRONG, coder=keyword_coder, failed_attempts=FailedAttempts(clock=clock))
    return TestClient(app), clock


def test_issue18_guessing_is_limited_per_client(guarded, caplog):
    client, clock = guarded
    wrong = {"Authorization": "Bearer not-the-token-at-all-but-long-enough"}
    with caplog.at_level(logging.WARNING, logger="detente.api.auth"):
        codes = [client.post("/articles", json=ONE, headers=wrong).status_code for _ in range(MAX_FAILURES)]
    assert codes == [401] * MAX_FAILURES
    blocked = client.post("/articles", json=ONE, headers={"Authorization": f"Bearer {STRONG}"})
    assert blocked.status_code == 429
    assert blocked.json()["error"]["code"] == "E171"
    assert blocked.headers["Retry-After"] == "60"
    clock.now += 30
    assert client.post("/articles", json=ONE, headers=wrong).headers["Retry-After"] == "30"
    clock.now += 31
    assert client.post("/articles", json=ONE, headers={"Authorization": f"Bearer {STRONG}"}).status_code == 201
    # logged once per failure, with the client and path, never with the token sent
    assert len(caplog.records) == MAX_FAILURES
    assert all("testclient" in r.getMessage() and "/articles" in r.getMessage() for r in caplog.records)
    assert not any("not-the-token" in r.getMessage() for r in caplog.records)


def test_issue18_reads_are_not_limited(guarded):
    client, _ = guarded
    for _ in range(MAX_FAILURES):
        client.post("/articles", json=ONE)
    assert client.get("/events").status_code == 200
    assert client.get("/events").json()["total"] > 0
