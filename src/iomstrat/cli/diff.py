"""`iomstrat diff`: what an edit of a strategy file changes, for a reviewer."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import (
    LOCALE_OPTION,
    OUTPUT_OPTION,
    WIDE_OPTION,
    Locale,
    as_of_option,
    fail,
    format_option,
    guard,
    parse_date,
    strategy_path,
    table_width,
    use_color,
    write,
)
from iomstrat.findings import usage
from iomstrat.render.formats import DiffFormat

SUMMARY = "What changed between two versions of a strategy file."
"""The command's line in the list of commands (whole: not its help cut short)."""
EPILOG = (
    "Examples: iomstrat diff old.yaml new.yaml; "
    "iomstrat diff --rev HEAD~1 data/strategy_2023_2026.yaml; "
    "iomstrat diff --rev origin/main data/strategy.yaml --format markdown > comment.md. "
    "Exit codes: 0 the diff is shown; 1 the new version has error findings the old one "
    "had not; 2 cannot run (bad usage, an unreadable or invalid file, an unknown revision)."
)


def command(
    paths: list[str] = typer.Argument(
        None, metavar="OLD NEW | PATH", help="Two files; or, with --rev, one (default: embedded)."
    ),
    rev: str = typer.Option(
        None, "--rev", "-r", metavar="GIT_REV", help="Compare PATH at this git revision with PATH."
    ),
    fmt: DiffFormat = format_option(DiffFormat.table),
    language: Locale = LOCALE_OPTION,
    as_of: str = as_of_option("Judge approvals as of this date"),
    output: str = OUTPUT_OPTION,
    wide: bool = WIDE_OPTION,
) -> None:
    """Show what changed between two versions: figures per line and year, totals, approval
    flags, and the findings that appear or disappear."""
    locale = language.value
    # The core is imported here, not above: other commands, `--help` and `--version` need none.
    from iomstrat.core.diff import compare_files, compare_revision
    from iomstrat.core.pipeline import Run
    from iomstrat.render.diagnostics import render_text

    guard(output, paths)
    files = list(paths or [])
    run = Run(parse_date(as_of))
    if rev is not None:
        if len(files) > 1:
            fail(usage("rev_one"))
        comparison = compare_revision(rev, strategy_path(files[0] if files else None, locale), run)
    elif len(files) == 2:
        comparison = compare_files(files[0], files[1], run)
    else:
        fail(usage("two_files"))
        return
    if comparison.error is not None:
        fail(comparison.error)
    if comparison.diff is None:
        sys.stderr.write(render_text(comparison.problems, locale))
    else:
        diff, width = comparison.diff, table_width(wide)
        from iomstrat.render import diff as render_diff

        write(render_diff.render(diff, fmt, locale, color=use_color(), width=width), output)
    raise typer.Exit(comparison.exit_status)
