"""`iomstrat table show`: a table file (such as the strategy's annexes) as printed, with sums."""

from __future__ import annotations

import datetime as dt
import sys

import typer

from iomstrat.cli.common import (
    EXIT_CODES_HELP,
    LOCALE_OPTION,
    OUTPUT_OPTION,
    WIDE_OPTION,
    Locale,
    command_group,
    fail,
    format_option,
    guard,
    table_width,
    use_color,
    write,
)
from iomstrat.render.formats import TableFormat

app = command_group(
    "Tables of figures with stated totals (a strategy's annexes).",
    "iomstrat table show data/annex3_unearmarked_donors.yaml",
)


@app.command(
    "show",
    short_help="A table as printed, with computed sums.",
    epilog=(
        "Examples: iomstrat table show data/annex3_unearmarked_donors.yaml; "
        "iomstrat table show data/annex2_funding_2021.yaml --format csv. " + EXIT_CODES_HELP
    ),
)
def show(
    path: str = typer.Argument(..., help="Table file (top-level key `table:`)."),
    fmt: TableFormat = format_option(TableFormat.table),
    language: Locale = LOCALE_OPTION,
    output: str = OUTPUT_OPTION,
    wide: bool = WIDE_OPTION,
) -> None:
    """Show a table as printed, with a computed row of column sums and computed row totals;
    findings about its totals go to stderr."""
    locale = language.value
    # The core is imported here, not above: other commands, `--help` and `--version` need none.
    from iomstrat.core.pipeline import Run
    from iomstrat.core.table import show_table
    from iomstrat.render.diagnostics import render_text

    guard(output, [path] if path else None)
    shown = show_table(path, Run(dt.date.today(), payments=False))
    if shown.problem is not None:
        fail(shown.problem)
    if shown.table is not None:
        from iomstrat.render import table as render_table

        text = render_table.render(
            shown.table, fmt, locale, color=use_color(), width=table_width(wide)
        )
        write(text, output, spreadsheet=fmt is TableFormat.csv)
    sys.stderr.write(render_text(shown.errors, locale))
    raise typer.Exit(shown.exit_status)
