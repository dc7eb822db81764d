"""`detente serve`: the web API and dashboard over an event store, on uvicorn."""

from __future__ import annotations

import os

import click

from detente.api import DEFAULT_MAX_BODY_BYTES, create_app
from detente.errors import DetenteError, Errors
from detente.store import open_store


@click.command("serve")
@click.option(
    "--db", "db", metavar="FILE", default=None, help="Event store (default: $DETENTE_DB or ./detente.duckdb)."
)
@click.option("--host", "host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port.")
@click.option(
    "--token",
    "token",
    metavar="T",
    default=None,
    help="Token for POST /articles (default: $DETENTE_API_TOKEN); needed unless --read-only.",
)
@click.option("--read-only", "read_only", is_flag=True, help="Serve without writing: POST /articles answers 403.")
@click.option(
    "--max-body-bytes",
    "max_body_bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BODY_BYTES,
    show_default=True,
    help="Larger request bodies get 413.",
)
def command(db: str | None, host: str, port: int, token: str | None, read_only: bool, max_body_bytes: int) -> None:
    """Serve the API (/events, /relations/A/B, ..., /docs) and the dashboard at / (docs/api.md)."""
    import uvicorn  # only this command needs the server

    token = token or os.environ.get("DETENTE_API_TOKEN") or None
    if not read_only and not token:
        raise DetenteError(Errors.E137)
    store = open_store(db, read_only=read_only)
    app = create_app(store, token=token, read_only=read_only, max_body_bytes=max_body_bytes)
    click.echo(
        f"detente serving {store.path} on http://{host}:{port}/ ({'read-only' if read_only else 'writable'})",
        err=True,
    )
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()
