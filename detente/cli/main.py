"""The `detente` command: a click group whose commands live one per module in detente.cli."""

from __future__ import annotations

import importlib
import logging
import sys

import click

from detente.errors import DetenteError

# command name -> module in detente.cli that defines `command`; imported only when used,
# so `detente code` does not pay for FastAPI or DuckDB.
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
        return [name for name in COMMANDS if _module_exists(COMMANDS[name])]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not _module_exists(COMMANDS[name]):
            return None
        return importlib.import_module(f"detente.cli.{COMMANDS[name]}").command


def _module_exists(module: str) -> bool:
    return importlib.util.find_spec(f"detente.cli.{module}") is not None


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
