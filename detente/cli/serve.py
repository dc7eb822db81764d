"""`detente serve`: the web API and dashboard over an event store, on uvicorn."""

from __future__ import annotations

import os
from pathlib import Path

import click

from detente.api import DEFAULT_MAX_BODY_BYTES, create_app
from detente.api.auth import new_token, token_weakness
from detente.errors import DetenteError, Errors, InputError
from detente.store import open_store

# Where the token may come from besides --token (which `ps` shows to every user): first found wins.
TOKEN_VARIABLES = ("DETENTE_TOKEN", "DETENTE_API_TOKEN")


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
    help="Token for POST /articles; visible in ps, so prefer $DETENTE_TOKEN or --token-file.",
)
@click.option(
    "--token-file",
    "token_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Read the token from the first line of FILE.",
)
@click.option("--new-token", "print_new_token", is_flag=True, help="Print a new random token and exit.")
@click.option("--read-only", "read_only", is_flag=True, help="Serve without writing: POST /articles answers 403.")
@click.option(
    "--max-body-bytes",
    "max_body_bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BODY_BYTES,
    show_default=True,
    help="Larger request bodies get 413.",
)
def command(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    token_file: Path | None,
    print_new_token: bool,
    read_only: bool,
    max_body_bytes: int,
) -> None:
    """Serve the API (/events, /relations/A/B, ..., /docs) and the dashboard at / (docs/api.md).

    The write token comes from --token, --token-file, $DETENTE_TOKEN or $DETENTE_API_TOKEN, in that
    order; it must have at least 32 characters, 10 of them different (`--new-token` prints one).
    """
    if print_new_token:
        click.echo(new_token())
        return
    token = _token(token, token_file)
    if not read_only and not token:
        raise DetenteError(Errors.E137)
    if token and (weakness := token_weakness(token)):
        raise InputError(Errors.E170.format(reason=weakness))
    import uvicorn  # only this command needs the server

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


def _token(given: str | None, token_file: Path | None) -> str | None:
    if given:
        return given
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(Errors.E001.format(path=token_file, reason=error)) from None
        return lines[0].strip() if lines and lines[0].strip() else None
    return next((os.environ[name] for name in TOKEN_VARIABLES if os.environ.get(name)), None)
