"""The `detente` command: a click group whose commands live one per module in detente.cli."""

from __future__ import annotations

import importlib
import logging
import sys

import click

from detente.errors import DetenteError

# command name -> module in detente.cli that defines `command`, imported only when used: `detente code
# --help` takes 1.1 s so, 2.1 s when every command module (FastAPI, DuckDB) is imported up front.
# `detente --help` asks each command for its help line, so it imports them all either way (2.1 s).
COMMANDS: dict[str, str] = {
    "code": "code",
    "explain": "explain",
    "eval": "evaluate",
    "relations": "relations",
    "load": "load",
    "query": "query",
    "sql": "sql",
    "serve": "serve",
    "batch": "batch",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(f"detente.cli.{COMMANDS[name]}").command


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does to stderr.")
@click.version_option(package_name="detente")
def cli(verbose: bool) -> None:
    """detente: code international news into PLOVER events and relations between countries."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def main() -> None:
    try:
        cli(standalone_mode=True)
    except DetenteError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
