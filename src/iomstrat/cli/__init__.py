"""The `iomstrat` command line: typer parses options, calls one core function, picks a renderer
and maps the result to an exit code. No logic lives here.

`main` builds the command line with the one command it is asked to run, so that a run imports
that command's module alone and typer reads that command's options alone (5 ms of each
start-up); `--help`, a word that is no command, and shell completion get every command."""

import os
import sys
from importlib import import_module

import typer

from iomstrat import __version__
from iomstrat.cli.common import EXIT_CODES_HELP, Root, state

GROUPS = ("budget", "table", "export", "ledger")
"""Commands with subcommands: each module's `app`."""
COMMANDS = ("validate", "disbursement", "reconcile", "report", "diff", "init", "schema")
"""Commands: each module's `command`, `SUMMARY` and `EPILOG`."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iomstrat {__version__}")
        raise typer.Exit(0)


def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    no_color: bool = typer.Option(
        False, "--no-color", help="No colours in tables (also when NO_COLOR is set)."
    ),
) -> None:
    state.no_color = no_color
    state.locale = "en"  # until a command's --locale says otherwise


def build(only: str | None = None) -> typer.Typer:
    """The command line with every command, or with the command `only` alone."""
    app = typer.Typer(
        name="iomstrat",
        help=(
            "Budget and disbursement calculator for multi-year donor organisation strategies.\n\n"
            "Without PATH, commands use the strategy files of the current folder, else the "
            "embedded example (IOM 2023-2026), and say which.\n\n"
            + EXIT_CODES_HELP.replace(
                "error findings", "error findings (warnings too, with iomstrat validate --strict)"
            )
        ),
        epilog=(
            "Examples: iomstrat validate data/; iomstrat budget show --locale da; "
            "iomstrat diff --rev HEAD~1 data/strategy.yaml; iomstrat --install-completion. "
            "NO_COLOR=1 or --no-color turns colours off."
        ),
        cls=Root,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(root)
    for name in GROUPS:
        if only in (None, name):
            app.add_typer(import_module(f"iomstrat.cli.{name}").app, name=name)
    for name in COMMANDS:
        if only in (None, name):
            module = import_module(f"iomstrat.cli.{name}")
            app.command(name=name, short_help=module.SUMMARY, epilog=module.EPILOG)(module.command)
    return app


def invoked(argv: list[str]) -> str | None:
    """The command a command line runs, when it runs one: the first word that is not an
    option (the root's options take no value), if it names a command."""
    if "_IOMSTRAT_COMPLETE" in os.environ:
        return None
    for arg in argv:
        if arg in ("--help", "--install-completion", "--show-completion"):
            return None  # the root's help lists every command
        if not arg.startswith("-"):
            return arg if arg in GROUPS or arg in COMMANDS else None
    return None


def main() -> None:
    build(invoked(sys.argv[1:]))()
