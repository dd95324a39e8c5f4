"""`iomstrat ledger inspect`: what iomstrat reads in a ledger, and the `ledgers:` entry to paste."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import EXIT_CODES_HELP, LOCALE_OPTION, Locale, command_group

app = command_group(
    "Payment ledgers: what iomstrat reads, and how to map them.",
    "iomstrat ledger inspect exports/finance.csv --strategy data/strategy.yaml",
)


@app.command(
    "inspect",
    short_help="What iomstrat reads in a ledger, and the entry to paste.",
    epilog=(
        "Examples: iomstrat ledger inspect exports/finance.csv --strategy data/strategy.yaml; "
        "iomstrat ledger inspect '{path: exports/finance.csv, columns: {date: Bogføringsdato, "
        "line: Finanskonto, amount: Beløb, currency: Valuta, voucher: Bilagsnr.}}'. "
        + EXIT_CODES_HELP
    ),
)
def inspect(
    ledger: str = typer.Argument(
        ...,
        metavar="FILE",
        help="The ledger, or a `ledgers:` entry in YAML flow style ({path: FILE, columns: …}).",
    ),
    strategy: str = typer.Option(
        None,
        "--strategy",
        "-s",
        metavar="FILE",
        help="The strategy file the entry is for: its path is written relative to this file.",
    ),
    language: Locale = LOCALE_OPTION,
) -> None:
    """The ledger's dialect (encoding, delimiter, date order, number style), its header, the
    column mapping iomstrat would use or needs, the first rows read with it, the first
    problems, and a ready `ledgers:` entry to paste into the strategy file (or to give to
    `--ledger` of `validate`, `disbursement`, `reconcile` and `export hledger`)."""
    from iomstrat.core.ledger import inspect_ledger
    from iomstrat.render.ledger import render_inspection

    view = inspect_ledger(ledger, strategy)
    sys.stdout.write(render_inspection(view, language.value))
    raise typer.Exit(view.exit_status)
