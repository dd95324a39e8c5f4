"""The `iomstrat` command line: typer parses options, calls one core function, picks a renderer
and maps the result to an exit code. No logic lives here."""

from __future__ import annotations

import typer

from iomstrat import __version__
from iomstrat.cli import budget, disbursement, validate
from iomstrat.cli.common import EXIT_CODES_HELP, state

app = typer.Typer(
    name="iomstrat",
    help=(
        "Budget and disbursement calculator for multi-year donor organisation strategies.\n\n"
        "Without PATH, commands use the embedded strategy for IOM 2023-2026.\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iomstrat {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    no_color: bool = typer.Option(
        False, "--no-color", help="No colours in tables (also when NO_COLOR is set)."
    ),
) -> None:
    state.no_color = no_color


app.add_typer(budget.app, name="budget")
app.command(name="validate", epilog=validate.EPILOG)(validate.command)
app.command(name="disbursement", epilog=disbursement.EPILOG)(disbursement.command)


def main() -> None:
    app()
