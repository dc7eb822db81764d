"""Docs are complete: every route of the app (API, OpenAPI document, dashboard) is in docs/api.md."""

from __future__ import annotations

from pathlib import Path

from detente.api import create_app
from detente.store import open_store

API_DOC = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")


def _routes(tmp_path) -> list[str]:
    """'METHOD /path' of every route a writable app serves."""
    store = open_store(str(tmp_path / "routes.duckdb"))
    try:
        app = create_app(store, token="t")
    finally:
        store.close()
    return [
        f"{method} {route.path}"
        for route in app.routes
        for method in sorted(getattr(route, "methods", None) or ())
        if method != "HEAD"  # Starlette answers HEAD wherever it answers GET
    ]


def test_every_route_is_documented(tmp_path):
    routes = _routes(tmp_path)
    assert {"GET /events", "POST /articles", "GET /", "GET /openapi.json"} <= set(routes)
    missing = [route for route in routes if f"`{route}`" not in API_DOC]
    assert not missing, f"routes missing from docs/api.md: {missing}"
