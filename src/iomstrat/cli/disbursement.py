"""`iomstrat disbursement`: plan, approvals, allocations and payments, per line and year."""

from __future__ import annotations

import enum
import sys

import typer

from iomstrat.cli.common import (
    EXIT_CODES_HELP,
    LEDGER_OPTION,
    LOCALE_CSV_OPTION,
    PARTIAL_OPTION,
    PATHS_ARGUMENT,
    WIDE_OPTION,
    WORKBOOK_OUTPUT_OPTION,
    Locale,
    as_of_option,
    fail,
    format_option,
    guard,
    parse_date,
    strategy_paths,
    table_width,
    use_color,
    workbook_output,
    write,
    write_bytes,
)
from iomstrat.render.formats import DisbursementFormat

SUMMARY = "Planned, approved, disbursed and remaining per line and year."
"""The command's line in the list of commands (whole: not its help cut short)."""
EPILOG = (
    "Examples: iomstrat disbursement examples/illustrative_2023.yaml --as-of 2023-12-31; "
    "iomstrat disbursement FILE --by quarter --currency USD; "
    "iomstrat disbursement FILE --format xlsx --output disbursement.xlsx; "
    "iomstrat disbursement a.yaml b.yaml --format json (portfolio per Finance Act code). "
    + EXIT_CODES_HELP
)


class View(enum.StrEnum):
    line = "line"
    year = "year"
    quarter = "quarter"
    priority = "priority"
    place = "place"


def command(
    paths: list[str] = PATHS_ARGUMENT,
    as_of: str = as_of_option("Figures as of this date"),
    by: View = typer.Option(
        View.line,
        "--by",
        help="Rows per line and year, year, quarter, priority area, or place (allocations and the "
        "payments naming them by country or region, with continent totals).",
    ),
    currency: str = typer.Option(
        None, "--currency", "-c", help="Show amounts in this currency, e.g. USD (ECB rates)."
    ),
    fmt: DisbursementFormat = format_option(DisbursementFormat.table),
    ledger: list[str] = LEDGER_OPTION,
    language: Locale = LOCALE_CSV_OPTION,
    output: str = WORKBOOK_OUTPUT_OPTION,
    wide: bool = WIDE_OPTION,
    partial: bool = PARTIAL_OPTION,
) -> None:
    """Planned, approved, allocated, unallocated, disbursed, remaining, rate, variance to
    schedule and forecast per line and year as of a date; with several files, totals per
    Finance Act code."""
    locale = language.value
    # The core is imported here, not above: `validate`, `--help` and `--version` need none of it.
    from iomstrat.core.disbursement import calculate
    from iomstrat.render.diagnostics import render_text, skipped_note
    from iomstrat.render.disbursement import render

    guard(output, paths, ledger)
    if fmt is DisbursementFormat.xlsx:
        workbook_output(output)
    date = parse_date(as_of)
    result = calculate(
        strategy_paths(paths, locale=locale),
        as_of=date,
        by=by.value,
        currency=currency.upper() if currency else None,
        ledgers=list(ledger or ()),
    )
    sys.stderr.write("".join(skipped_note(name, locale) for name in result.skipped))
    if result.problem is not None:
        sys.stderr.write(render_text(result.diagnostics, locale))
        fail(result.problem)
    complete = result.completeness
    travels = fmt is not DisbursementFormat.table or output not in (None, "-")
    leave = result.figures_leave(travels=travels, partial=partial)
    if leave and fmt is DisbursementFormat.xlsx:
        from iomstrat.render.xlsx_disbursement import disbursement_workbook

        workbook = disbursement_workbook(
            result.reports,
            result.portfolio,
            locale=locale,
            findings=result.diagnostics,
            completeness=complete,
        )
        write_bytes(workbook, output, fmt)
    elif leave:
        text = render(
            result.reports,
            result.portfolio,
            fmt,
            locale,
            color=use_color(),
            width=table_width(wide),
            completeness=complete,
        )
        write(text, output, spreadsheet=fmt is DisbursementFormat.csv)
    sys.stderr.write(render_text(result.diagnostics, locale))
    if result.reports and not leave and not complete.complete:
        from iomstrat.render.completeness import withheld_note

        sys.stderr.write(withheld_note(complete, locale))
    raise typer.Exit(result.exit_status)
