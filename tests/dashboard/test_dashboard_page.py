"""The dashboard page and its assets: served from the package, escaped, no CDN, no markup from data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from eventkit import keyword_coder, make_event
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.model import Article, Entity
from detente.store import open_store

STATIC = Path(__file__).parents[2] / "detente" / "dashboard" / "static"


@pytest.fixture
def client(tmp_path):
    store = open_store(str(tmp_path / "d.duckdb"))
    hostile = Entity(text="<img src=x onerror=alert(1)>", code="<b>X</b>")
    store.add_events(Article(id="h1", text="t"), [make_event("h1", actor="RUS", recipient=[hostile])])
    yield TestClient(create_app(store, token="t", coder=keyword_coder))
    store.close()


def test_page_renders_with_pairs_and_types(client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<option value="AGREE">AGREE</option>' in page.text
    assert 'src="/static/chart.js"' in page.text and 'src="/static/app.js"' in page.text
    assert "1 event (1 unique) from 1 article" in page.text  # issue 19: counts are pluralised


def test_stored_strings_are_escaped_in_the_page(client) -> None:
    page = client.get("/").text
    assert "<b>X</b>" not in page
    assert "&lt;b&gt;X&lt;/b&gt;" in page


def test_page_has_a_content_security_policy_without_inline_scripts(client) -> None:
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text) is None  # no inline script blocks
    assert re.search(r"<[^>]*\son[a-z]+\s*=", page.text) is None  # no inline event handlers


@pytest.mark.parametrize("name", ["app.js", "chart.js", "map.js", "apidocs.js", "style.css"])
def test_assets_are_served_from_the_package_with_no_external_urls(client, name) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.text == (STATIC / name).read_text(encoding="utf-8")
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", response.text)


@pytest.mark.parametrize("name", ["app.js", "chart.js", "map.js", "apidocs.js"])
def test_scripts_never_write_markup(name) -> None:
    source = (STATIC / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, f"{name} uses {sink}"


@pytest.mark.parametrize("name", ["../api/app.py", "__init__.py", "app.py", "style.CSS"])
def test_static_serves_only_assets(client, name) -> None:
    assert client.get(f"/static/{name}").status_code == 404


def test_country_shapes_are_served_from_the_package(client) -> None:
    """Issue 17: the map's Natural Earth shapes come from detente itself, with their source noted beside them."""
    response = client.get("/static/world.geojson")
    assert response.status_code == 200 and response.headers["content-type"] == "application/geo+json"
    world = response.json()
    codes = {f["properties"]["iso_a3"] for f in world["features"]}
    assert len(world["features"]) >= 170 and {"GEO", "RUS", "SYR", "FRA", "NOR", "USA"} <= codes
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in world["features"])
    for feature in world["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1] and all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)
    assert "Natural Earth" in world["source"]
    sources = (STATIC / "SOURCES.md").read_text(encoding="utf-8")
    assert "world.geojson" in sources and "public domain" in sources
    assert len(response.content) < 200_000  # simplified: the page loads it at once
