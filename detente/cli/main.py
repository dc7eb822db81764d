"""The `detente` command: a click group whose commands live one per module in detente.cli."""

from __future__ import annotations

import importlib
import logging
import sys
import traceback

import click

from detente.cli.exits import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE
from detente.errors import DetenteError, Errors, is_disk_full

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
    "watch": "watch",
}



class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(f"detente.cli.{COMMANDS[name]}").command

    def invoke(self, ctx: click.Context):
        """Run the command; turn what it raises into one line on stderr and an exit code of the scheme."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort):
            raise
        except click.ClickException as error:
            error.exit_code = EXIT_USAGE  # click's own file errors exit 1, which means "inputs rejected" here
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except DetenteError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(getattr(error, "exit_code", EXIT_USAGE))
        except Exception as error:  # the last line of defence: one line, no traceback by default
            if is_disk_full(error):
                click.echo(f"error: {Errors.E173.format(reason=error)}", err=True)  # a batch, an --output file
                ctx.exit(EXIT_INTERNAL)
            if _verbose(ctx):
                traceback.print_exc(file=sys.stderr)
            hint = "" if _verbose(ctx) else " (run with --verbose for the traceback)"
            click.echo(f"internal error: {type(error).__name__}: {error}{hint}", err=True)
            ctx.exit(EXIT_INTERNAL)


def _verbose(ctx: click.Context) -> bool:
    return bool(ctx.params.get("verbose"))


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does to stderr.")
@click.version_option(package_name="detente")
def cli(verbose: bool) -> None:
    """detente: code international news into PLOVER events and relations between countries."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def main() -> None:
    cli(standalone_mode=True)


if __name__ == "__main__":
    main()
