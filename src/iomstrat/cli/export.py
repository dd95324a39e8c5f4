"""`iomstrat export iati|hledger`: the strategy in the field's formats."""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import TYPE_CHECKING

import typer

from iomstrat.cli.common import (
    EXIT_CANNOT_RUN,
    EXIT_CODES_HELP,
    EXIT_FINDINGS,
    fail,
    parse_date,
    strategy_path,
    write,
)
from iomstrat.render.diagnostics import render_text

if TYPE_CHECKING:  # the core is imported where it is used: `--help` and other commands skip it
    from iomstrat.export.records import Recorded
    from iomstrat.findings import Diagnostic
    from iomstrat.loader.documents import Document

app = typer.Typer(
    help="Export strategies to IATI 2.03 XML or an hledger journal.",
    epilog="Example: iomstrat export iati --output iom.xml --check",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _strategies(paths: list[str] | None, as_of: dt.date) -> tuple[list[Recorded], list[Diagnostic]]:
    strategies, problems, _ = _read(paths, as_of)
    return strategies, problems


def _read(
    paths: list[str] | None, as_of: dt.date
) -> tuple[list[Recorded], list[Diagnostic], list[tuple[str, Document, dt.datetime]]]:
    """Read every strategy with its booked payments; errors are collected for the report, an
    unreadable or invalid file stops the run. Also each file's name, document and the time its
    data (the file or one of its ledgers) last changed."""
    from iomstrat.core.pipeline import validate_file
    from iomstrat.findings import Severity

    strategies: list[Recorded] = []
    problems: list[Diagnostic] = []
    files: list[tuple[str, Document, dt.datetime]] = []
    for path in paths or [strategy_path(None)]:
        result = validate_file(path, as_of)
        problems += [d for d in result.diagnostics if d.severity >= Severity.ERROR]
        if result.reading.strategy is None:
            if result.table is not None:
                fail(f"{path}: is a table file, not a strategy")
            sys.stderr.write(render_text(problems))
            worst = max((d.severity for d in problems), default=Severity.FATAL)
            raise typer.Exit(EXIT_CANNOT_RUN if worst is Severity.FATAL else EXIT_FINDINGS)
        assert result.book is not None
        strategies.append((result.reading.strategy, result.book))
        files.append(
            (path, result.reading.document, _changed([path, *result.book.payments.sources]))
        )
    return strategies, problems, files


def _changed(paths: list[str]) -> dt.datetime:
    """The latest modification time of the files (now for standard input or a vanished file)."""
    times = []
    for path in paths:
        try:
            times.append(os.stat(path).st_mtime)
        except (OSError, ValueError):
            times.append(dt.datetime.now(dt.UTC).timestamp())
    return dt.datetime.fromtimestamp(max(times), dt.UTC)


@app.command(
    "iati",
    epilog=(
        "Examples: iomstrat export iati --output iom.xml --check; "
        "iomstrat export iati strategy.yaml -o - . " + EXIT_CODES_HELP
    ),
)
def iati(
    paths: list[str] = typer.Argument(
        None, metavar="[PATH]...", help="Strategy files (default: the embedded IOM strategy)."
    ),
    output: str = typer.Option("-", "--output", "-o", help="Write to this file ('-': stdout)."),
    check: bool = typer.Option(
        False,
        "--check",
        help=(
            "Check the output with IATI's own rules: the 2.03 XSD, the standard ruleset and "
            "the codelists (shipped, no network), unique identifiers and budget rules."
        ),
    ),
    as_of: str = typer.Option(
        None, "--as-of", metavar="DATE", help="Date for the activity status (default today)."
    ),
) -> None:
    """One IATI 2.03 iati-activity per strategy: organisations, dates, sector, recipients,
    aid/finance/flow types, budgets per year, planned disbursements, commitments and
    disbursements. What a strategy lacks for IATI's rules is a finding naming the field."""
    from iomstrat.export.iati import check_iati, gap_findings, iati_activities
    from iomstrat.findings import Severity

    date = parse_date(as_of)
    strategies, problems, files = _read(paths, date)
    now = dt.datetime.now(dt.UTC)
    export = iati_activities(
        strategies, date, generated=now, updated=[min(when, now) for _, _, when in files]
    )
    if export.text is None:
        sys.stderr.write("".join(f"iomstrat: missing {p}\n" for p in export.problems))
        raise typer.Exit(EXIT_CANNOT_RUN)
    write(export.text, output)
    problems += gap_findings(export.gaps, [(name, document) for name, document, _ in files])
    if check:
        problems += check_iati(export.text, output if output != "-" else "<stdout>", now)
    if problems:
        sys.stderr.write(render_text(sorted(problems)))
    if any(d.severity >= Severity.ERROR for d in problems):
        raise typer.Exit(EXIT_FINDINGS)


@app.command(
    "hledger",
    epilog=(
        "Examples: iomstrat export hledger -o iom.journal; "
        "iomstrat export hledger | hledger -f - bal -Y. " + EXIT_CODES_HELP
    ),
)
def hledger(
    paths: list[str] = typer.Argument(
        None, metavar="[PATH]...", help="Strategy files (default: the embedded IOM strategy)."
    ),
    output: str = typer.Option("-", "--output", "-o", help="Write to this file ('-': stdout)."),
) -> None:
    """An hledger journal that passes `hledger check -s`: parliament's approvals as revenues of
    the Finance Act code, disbursements as expenses per line (other currencies at their @
    cost), the plan as periodic transactions for `hledger bal --budget -Y`; amounts to the
    øre."""
    from iomstrat.export.hledger import journal

    strategies, problems = _strategies(paths, dt.date.today())
    result = journal(strategies)
    write(result.text, output)
    sys.stderr.write("".join(f"iomstrat: {p}\n" for p in result.problems))
    if problems:
        sys.stderr.write(render_text(problems))
    if problems or result.problems:
        raise typer.Exit(EXIT_FINDINGS)
