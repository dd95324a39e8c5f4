"""`iomstrat reconcile`: the strategy and its ledgers against what is published to IATI."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import (
    EXIT_CODES_HELP,
    LEDGER_OPTION,
    LOCALE_CSV_OPTION,
    PARTIAL_OPTION,
    WIDE_OPTION,
    WORKBOOK_OUTPUT_OPTION,
    Locale,
    as_of_option,
    fail,
    format_option,
    guard,
    parse_date,
    require,
    strategy_paths,
    table_width,
    workbook_output,
    write,
    write_bytes,
)
from iomstrat.findings import usage
from iomstrat.render.formats import DisbursementFormat

SUMMARY = "The strategy and its ledgers against published IATI files."
"""The command's line in the list of commands (whole: not its help cut short)."""
EPILOG = (
    "Examples: iomstrat reconcile examples/illustrative_2023.yaml --iati denmark.xml "
    "--iati iom.xml; iomstrat reconcile FILE --iati activities.xml --format json. "
    "Amounts match within 1 unit in one currency, within 2 % across currencies (each side at "
    "its own rate; published values at the ECB rate of their value-date), dates within 31 "
    "days. A published value not read or priced (IOM902, IOM915) or an error on the money path "
    "withholds the figures in csv, json, markdown, xlsx or a file unless --partial (then "
    "marked incomplete); the table shows them under a banner. Files with a DTD are refused "
    "(exit 2). " + EXIT_CODES_HELP
)


def command(
    paths: list[str] = typer.Argument(
        None, metavar="[STRATEGY]", help="The strategy file (default: the one in this folder)."
    ),
    iati: list[str] = typer.Option(
        ...,
        "--iati",
        metavar="FILE",
        help="An IATI 2.0x activity file (the donor's, the organisation's); repeatable.",
    ),
    as_of: str = as_of_option("Approvals in force on this date"),
    fmt: DisbursementFormat = format_option(DisbursementFormat.table),
    ledger: list[str] = LEDGER_OPTION,
    language: Locale = LOCALE_CSV_OPTION,
    output: str = WORKBOOK_OUTPUT_OPTION,
    wide: bool = WIDE_OPTION,
    partial: bool = PARTIAL_OPTION,
) -> None:
    """Compare the strategy's approvals and the ledgers' payments with the donor's published
    commitments and disbursements, and these with the organisation's incoming commitments and
    funds, per year and line and transaction by transaction."""
    locale = language.value
    require("iati")
    guard(output, [*(paths or ()), *iati], ledger)
    if fmt is DisbursementFormat.xlsx:
        workbook_output(output)
    files = strategy_paths(paths, single=True, locale=locale)
    if len(files) != 1:
        fail(usage("reconcile_one"))
    from iomstrat.core.reconcile import reconcile
    from iomstrat.render.diagnostics import render_text
    from iomstrat.render.published import render, workbook

    result = reconcile(files[0], iati, as_of=parse_date(as_of), ledgers=list(ledger or ()))
    if result.problem is not None:
        sys.stderr.write(render_text(result.diagnostics, locale))
        fail(result.problem)
    complete = result.completeness
    travels = fmt is not DisbursementFormat.table or output not in (None, "-")
    leave = result.figures_leave(travels=travels, partial=partial)
    if leave and result.reconciliation is not None:
        if fmt is DisbursementFormat.xlsx:
            data = workbook(result.reconciliation, locale, result.diagnostics, complete)
            write_bytes(data, output, fmt)
        else:
            text = render(
                result.reconciliation, fmt, locale, width=table_width(wide), completeness=complete
            )
            write(text, output, spreadsheet=fmt is DisbursementFormat.csv)
    sys.stderr.write(render_text(result.diagnostics, locale))
    if result.reconciliation is not None and not leave and not complete.complete:
        from iomstrat.render.completeness import withheld_note

        sys.stderr.write(withheld_note(complete, locale))
    raise typer.Exit(result.exit_status)
