"""`iomstrat budget show`: the budget table as the strategy prints it."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import (
    EXIT_CODES_HELP,
    LOCALE_OPTION,
    PARTIAL_OPTION,
    WIDE_OPTION,
    WORKBOOK_OUTPUT_OPTION,
    Locale,
    as_of_option,
    command_group,
    fail,
    format_option,
    guard,
    parse_date,
    strategy_path,
    table_width,
    use_color,
    workbook_output,
    write,
    write_bytes,
)
from iomstrat.findings import usage
from iomstrat.render.formats import BudgetFormat

app = command_group(
    "The strategy's budget.", "iomstrat budget show --format xlsx --output budget.xlsx"
)


@app.command(
    "show",
    short_help="The budget table as the strategy prints it.",
    epilog=(
        "Examples: iomstrat budget show; iomstrat budget show --locale da --unit thousand; "
        "iomstrat budget show strategy.yaml --format csv --output budget.csv; "
        "iomstrat budget show --format xlsx --output budget.xlsx. " + EXIT_CODES_HELP
    ),
)
def show(
    path: str = typer.Argument(None, help="Strategy file (default: the embedded IOM strategy)."),
    fmt: BudgetFormat = format_option(BudgetFormat.table),
    language: Locale = LOCALE_OPTION,
    unit: str = typer.Option(
        None, "--unit", "-u", help="million, thousand or kroner (default: the file's unit)."
    ),
    output: str = WORKBOOK_OUTPUT_OPTION,
    wide: bool = WIDE_OPTION,
    as_of: str = as_of_option("Head each year by parliament's decision in force on this date"),
    partial: bool = PARTIAL_OPTION,
) -> None:
    """Show the budget table: lines, subtotal and total by year, Finance Act code, footnote."""
    locale = language.value
    # The core is imported here, not above: `--help` and other commands need none of it.
    from iomstrat.core.budget import show_budget
    from iomstrat.core.pipeline import Run, completeness, figures_leave
    from iomstrat.model.strategy import UNIT_FACTORS
    from iomstrat.render.diagnostics import render_text

    guard(output, [path] if path else None)
    if unit is not None and unit not in UNIT_FACTORS:
        fail(usage("unknown_unit", unit=unit[:20], units=tuple(UNIT_FACTORS)))
    if fmt is BudgetFormat.xlsx:
        workbook_output(output)
    shown = show_budget(strategy_path(path, locale), Run(parse_date(as_of), payments=False), unit)
    if shown.problem is not None:
        fail(shown.problem)
    complete = completeness(shown.errors)
    travels = fmt is not BudgetFormat.table or output not in (None, "-")
    leave = figures_leave(shown.errors, travels=travels, partial=partial)
    if shown.table is not None and leave:
        if fmt is BudgetFormat.xlsx:
            from iomstrat.render.xlsx import budget_workbook

            workbook = budget_workbook(shown.table, locale=locale, findings=shown.errors)
            write_bytes(workbook, output, fmt)
        else:
            from iomstrat.render import budget as render_budget

            text = render_budget.render(
                shown.table,
                fmt,
                locale,
                color=use_color(),
                width=table_width(wide),
                completeness=complete,
            )
            write(text, output, spreadsheet=fmt is BudgetFormat.csv)
    sys.stderr.write(render_text(shown.errors, locale))
    if shown.table is not None and not leave:
        from iomstrat.render.completeness import withheld_note

        sys.stderr.write(withheld_note(complete, locale))
    raise typer.Exit(shown.exit_status)
