"""The dashboard at /: one server-rendered page, its scripts and styles, and the offline API docs page."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from detente.errors import Errors
from detente.model import PLOVER_TYPES
from detente.store import Store

HERE = Path(__file__).parent
STATIC = HERE / "static"
_STATIC_NAME = re.compile(r"^[a-z0-9_-]+\.(js|css|svg|geojson)$")  # only our own assets, never a path
_MEDIA = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
    "geojson": "application/geo+json",  # the map's country shapes (static/SOURCES.md)
}

# Autoescape every template: article text and stored strings must never become markup.
_templates = Environment(
    loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True)
)


def render_page(name: str, **context: object) -> str:
    """A dashboard template rendered with autoescaping."""
    return _templates.get_template(name).render(**context)


def mount_dashboard(app: FastAPI, store: Store, *, read_only: bool = False) -> None:
    """Add /, /docs and /static/{name} to app."""

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        stats = store.stats()
        actors = [a["code"] for a in store.actors()]
        return HTMLResponse(
            render_page(
                "index.html",
                stats=stats,
                pairs=store.pairs(50),
                actors=actors,
                types=PLOVER_TYPES,
                read_only=read_only,
            )
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        # Our own page over /openapi.json: FastAPI's default /docs loads swagger-ui from a CDN.
        return HTMLResponse(render_page("docs.html"))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        match = _STATIC_NAME.match(name)
        path = STATIC / name
        if not match or not path.is_file():
            # The app's handler (detente.api.errors) gives it the one error shape; the page imports nothing
            # from detente.api, which mounts it (no import cycle).
            raise HTTPException(404, Errors.E141.format(what=f"static file {name!r}"))
        return FileResponse(path, media_type=_MEDIA[match.group(1)], headers={"Cache-Control": "no-cache"})
