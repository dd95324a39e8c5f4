"""`iomstrat report`: one self-contained HTML briefing (tables, charts, findings) per run."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import (
    EXIT_CODES_HELP,
    LOCALE_OPTION,
    PARTIAL_OPTION,
    PATHS_ARGUMENT,
    Locale,
    as_of_option,
    guard,
    parse_date,
    require,
    strategy_paths,
    write,
)

SUMMARY = "One self-contained HTML report of strategies."
"""The command's line in the list of commands (whole: not its help cut short)."""
EPILOG = (
    "Examples: iomstrat report --output iom.html; iomstrat report strategy.yaml --locale da "
    "--output briefing.html. The report is written even when the files have findings (they "
    "are listed at its top), unless a file cannot be read or an error touches payments, "
    "rates, approvals or allocations (then only with --partial, marked incomplete); findings "
    "also go to stderr. " + EXIT_CODES_HELP
)


def command(
    paths: list[str] = PATHS_ARGUMENT,
    output: str = typer.Option(
        ..., "--output", "-o", metavar="FILE.html", help="Write the HTML report here."
    ),
    locale: Locale = LOCALE_OPTION,
    as_of: str = as_of_option("Report and judge approvals as of this date"),
    absolute_paths: bool = typer.Option(
        False,
        "--absolute-paths",
        help="Show the input files' absolute paths (default: relative to the working folder).",
    ),
    partial: bool = PARTIAL_OPTION,
) -> None:
    """Write one self-contained HTML report: header facts, cover and budget tables, charts,
    findings; with several files, a table of contents and their portfolio."""
    guard(output, paths)
    require("report")
    date = parse_date(as_of)
    # The core is imported here, not above: other commands, `--help` and `--version` need none;
    # matplotlib loads only for this command.
    from iomstrat.core.report import (
        build_report,
        exit_code,
        findings,
        report_completeness,
        report_leaves,
    )
    from iomstrat.render.completeness import withheld_note
    from iomstrat.render.diagnostics import render_text, skipped_note
    from iomstrat.render.html import render

    report = build_report(strategy_paths(paths, locale=locale.value), date)
    sys.stderr.write("".join(skipped_note(name, locale.value) for name in report.skipped))
    complete = report_completeness(report)
    # A file or ledger that cannot be read, or errors on the money path: no half-true report
    # (unless --partial, and then marked).
    leave = report_leaves(report, partial=partial)
    if leave:
        page = render(report, locale.value, absolute_paths=absolute_paths, completeness=complete)
        write(page, output)
    sys.stderr.write(render_text(findings(report), locale.value))
    if not leave and not complete.complete:
        sys.stderr.write(withheld_note(complete, locale.value))
    raise typer.Exit(exit_code(report))
