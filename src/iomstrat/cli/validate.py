"""`iomstrat validate`: check strategy files, print findings, exit 0, 1 or 2."""

from __future__ import annotations

import os
import sys

import typer

from iomstrat.cli.common import (
    LEDGER_OPTION,
    LOCALE_OPTION,
    STRICT_EXIT_CODES_HELP,
    Locale,
    as_of_option,
    fail,
    guard,
    parse_date,
    strategy_paths,
    write,
)
from iomstrat.findings import usage
from iomstrat.render.diagnostics import render, skipped_note, summary
from iomstrat.render.formats import DiagnosticFormat

SUMMARY = "Check strategy and table files: every finding in one run."
"""The command's line in the list of commands (whole: not its help cut short)."""
EPILOG = (
    "Examples: iomstrat validate; iomstrat validate data/*.yaml --strict; "
    "iomstrat validate --format sarif --output iomstrat.sarif strategy.yaml; "
    "iomstrat validate --locale da. "
    "Under GitHub Actions (GITHUB_ACTIONS=true) findings are printed as annotations "
    "unless --format is given. " + STRICT_EXIT_CODES_HELP
)


def output_format(fmt: DiagnosticFormat | None) -> DiagnosticFormat:
    """The format asked for; otherwise GitHub annotations inside GitHub Actions, else text."""
    if fmt is not None:
        return fmt
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return DiagnosticFormat.github
    return DiagnosticFormat.text


def command(
    paths: list[str] = typer.Argument(
        None, metavar="[PATH]...", help="Strategy files or folders ('-' reads stdin)."
    ),
    fmt: DiagnosticFormat = typer.Option(
        None,
        "--format",
        "-f",
        help="How to print findings (default: text; github under GitHub Actions).",
        show_default=False,
    ),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    skip_other_yaml: bool = typer.Option(
        False,
        "--skip-other-yaml",
        help="Skip, with a note, named YAML files of other tools (no top-level strategy: or "
        "table: key), as in a folder; the pre-commit hook uses it.",
    ),
    as_of: str = as_of_option("Judge approvals as of this date"),
    ledger: list[str] = LEDGER_OPTION,
    output: str = typer.Option(None, "--output", "-o", help="Write the findings to this file."),
    language: Locale = LOCALE_OPTION,
) -> None:
    """Check strategy files: totals, approval flags, codes, years; every finding in one run."""
    # The core is imported here, not above: `--help` and other commands need none of it.
    from iomstrat.core.pipeline import Run, expand_paths
    from iomstrat.core.validate import validate

    locale = language.value
    guard(output, paths, ledger)
    date = parse_date(as_of)
    given = strategy_paths(paths, locale=locale)
    if ledger and len(expand_paths(given)) != 1:
        fail(usage("ledger_one"))
    run = Run(date, ledgers=tuple(ledger or ()))
    result = validate(given, run, strict=strict, skip_other=skip_other_yaml)
    if result.empty_folder is not None:
        fail(usage("empty_folder", folder=result.empty_folder))
    for checked in result.files:
        if checked.skipped and not checked.diagnostics:  # not a FIFO passed by: its note says
            sys.stderr.write(skipped_note(checked.name, locale))
    fmt = output_format(fmt)
    root = None
    if fmt in (DiagnosticFormat.sarif, DiagnosticFormat.github):  # paths in the repository
        from iomstrat.loader.git import repository_root

        root = repository_root(os.getcwd()) or os.getcwd()
    write(render(result.diagnostics, fmt, root=root, locale=locale), output)
    if fmt is DiagnosticFormat.text:
        sys.stderr.write(
            summary(result.diagnostics, len(result.checked), locale, len(result.skipped))
        )
    raise typer.Exit(result.exit_status)
