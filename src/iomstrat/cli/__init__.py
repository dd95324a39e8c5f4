"""The `iomstrat` command line: typer parses options, calls one core function, picks a renderer
and maps the result to an exit code. No logic lives here."""

from __future__ import annotations

import typer

from iomstrat import __version__
from iomstrat.cli import budget, disbursement, export, report, table, validate
from iomstrat.cli import diff as diff_command
from iomstrat.cli import init as init_command
from iomstrat.cli import schema as schema_command
from iomstrat.cli.common import EXIT_CODES_HELP, state

app = typer.Typer(
    name="iomstrat",
    help=(
        "Budget and disbursement calculator for multi-year donor organisation strategies.\n\n"
        "Without PATH, commands use the strategy files of the current folder, else the embedded "
        "example (IOM 2023-2026), and say which.\n\n" + EXIT_CODES_HELP
    ),
    epilog=(
        "Examples: iomstrat validate data/; iomstrat budget show --locale da; "
        "iomstrat diff --rev HEAD~1 data/strategy.yaml; iomstrat --install-completion. "
        "NO_COLOR=1 or --no-color turns colours off."
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
app.add_typer(table.app, name="table")
app.add_typer(export.app, name="export")
app.command(name="validate", epilog=validate.EPILOG)(validate.command)
app.command(name="disbursement", epilog=disbursement.EPILOG)(disbursement.command)
app.command(name="report", epilog=report.EPILOG)(report.command)
app.command(name="diff", epilog=diff_command.EPILOG)(diff_command.command)
app.command(name="init", epilog=init_command.EPILOG)(init_command.command)
app.command(name="schema", epilog=schema_command.EPILOG)(schema_command.command)


def main() -> None:
    app()
