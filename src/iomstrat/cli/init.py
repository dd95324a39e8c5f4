"""`iomstrat init`: write a new strategy file from options; never overwrites."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import fail

LINE_KINDS = ("core", "soft_earmarked", "earmarked", "personnel", "other")
"""BudgetLine.kind's values, written out so that `--help` need not load the models (a test
keeps them equal to scaffold.LINE_KINDS)."""

LINE_HELP = (
    f"A budget line (repeat for each); KIND is one of {', '.join(LINE_KINDS)}; AMOUNT is "
    "one figure for every year or one per year, comma-separated."
)
EPILOG = (
    "Example: iomstrat init unhcr.yaml --organisation 'Office of the UN High Commissioner for "
    "Refugees' --acronym UNHCR --start 2024 --end 2027 --finance-act-code '§06.32.10.16' "
    "--line 'core:Core funding:core:100' --line 'africa:Soft earmarked, Africa:soft_earmarked:"
    "20,20,25,25'. Then: iomstrat validate unhcr.yaml. "
    "Exit codes: 0 written; 2 cannot run (bad options, or the file exists)."
)


def command(
    path: str = typer.Argument(..., metavar="PATH", help="The new file ('-' prints it)."),
    organisation: str = typer.Option(..., "--organisation", help="Full name of the organisation."),
    acronym: str = typer.Option(None, "--acronym", help="Short name, e.g. IOM."),
    start: int = typer.Option(..., "--start", help="First year of the strategy."),
    end: int = typer.Option(..., "--end", help="Last year of the strategy."),
    lines: list[str] = typer.Option(
        ...,
        "--line",
        metavar="ID:NAME:KIND:AMOUNT",
        help=LINE_HELP,
    ),
    finance_act_code: str = typer.Option(
        ..., "--finance-act-code", metavar="CODE", help="Finance Act code, e.g. §06.32.10.14."
    ),
    currency: str = typer.Option("DKK", "--currency", help="ISO 4217 currency code."),
    unit: str = typer.Option("million", "--unit", help="million, thousand or kroner."),
    title: str = typer.Option(None, "--title", help="Title of the strategy."),
) -> None:
    """Write a new strategy file that validates: organisation, period, budget lines, a total
    of all lines, every year planned (awaiting its Finance Act)."""
    # The core is imported here, not above: other commands, `--help` and `--version` need none.
    from iomstrat.core.init import NewStrategy, ScaffoldError, parse_line, strategy_text

    try:
        spec = NewStrategy(
            organisation=organisation,
            acronym=acronym,
            start=start,
            end=end,
            lines=tuple(parse_line(line) for line in lines),
            finance_act_code=finance_act_code,
            currency=currency,
            unit=unit,
            title=title,
        )
        text = strategy_text(spec, file_name=path)
    except ScaffoldError as error:
        fail(str(error))
        return
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        # "x": refuse to overwrite, atomically, even if the file appears meanwhile.
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        fail(f"{path}: exists; iomstrat init does not overwrite (choose another PATH)")
    except OSError as error:
        fail(f"{path}: cannot write: {error.strerror or error}")
    sys.stderr.write(f"wrote {path}; check it with: iomstrat validate {path}\n")
