"""`iomstrat budget show`: the budget table as the strategy prints it."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import (
    EXIT_CODES_HELP,
    LOCALE_OPTION,
    WIDE_HELP,
    Locale,
    fail,
    guard,
    parse_date,
    strategy_path,
    table_width,
    use_color,
    workbook_output,
    write,
    write_bytes,
)
from iomstrat.render.formats import BudgetFormat

app = typer.Typer(
    help="The strategy's budget.",
    epilog="Example: iomstrat budget show --format xlsx --output budget.xlsx",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command(
    "show",
    epilog=(
        "Examples: iomstrat budget show; iomstrat budget show --locale da --unit thousand; "
        "iomstrat budget show strategy.yaml --format csv --output budget.csv; "
        "iomstrat budget show --format xlsx --output budget.xlsx. " + EXIT_CODES_HELP
    ),
)
def show(
    path: str = typer.Argument(None, help="Strategy file (default: the embedded IOM strategy)."),
    fmt: BudgetFormat = typer.Option(BudgetFormat.table, "--format", "-f", help="Output format."),
    language: Locale = LOCALE_OPTION,
    unit: str = typer.Option(
        None, "--unit", "-u", help="million, thousand or kroner (default: the file's unit)."
    ),
    output: str = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to this file (xlsx: required)."
    ),
    wide: bool = typer.Option(False, "--wide", help=WIDE_HELP),
    as_of: str = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="Head each year by parliament's decision in force on this date (default today).",
    ),
) -> None:
    """Show the budget table: lines, subtotal and total by year, Finance Act code, footnote."""
    locale = language.value
    # The core is imported here, not above: `--help` and other commands need none of it.
    from iomstrat.core.budget import show_budget
    from iomstrat.core.pipeline import Run
    from iomstrat.model.strategy import UNIT_FACTORS
    from iomstrat.render.diagnostics import render_text

    guard(output, [path] if path else None)
    if unit is not None and unit not in UNIT_FACTORS:
        fail(f"unknown unit '{unit[:20]}'; choose one of {', '.join(UNIT_FACTORS)}")
    if fmt is BudgetFormat.xlsx:
        workbook_output(output)
    shown = show_budget(strategy_path(path, locale), Run(parse_date(as_of), payments=False), unit)
    if shown.problem is not None:
        fail(shown.problem)
    if shown.table is not None:
        if fmt is BudgetFormat.xlsx:
            from iomstrat.render.xlsx import budget_workbook

            workbook = budget_workbook(shown.table, locale=locale, findings=shown.errors)
            write_bytes(workbook, output, fmt)
        else:
            from iomstrat.render import budget as render_budget

            text = render_budget.render(
                shown.table, fmt, locale, color=use_color(), width=table_width(wide)
            )
            write(text, output, spreadsheet=fmt is BudgetFormat.csv)
    sys.stderr.write(render_text(shown.errors, locale))
    raise typer.Exit(shown.exit_status)
