"""`iomstrat export iati|hledger`: the strategy in the field's formats."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

from iomstrat.cli.common import (
    EXIT_CODES_HELP,
    LEDGER_OPTION,
    LOCALE_OPTION,
    PARTIAL_OPTION,
    STDOUT_OPTION,
    Locale,
    as_of_option,
    command_group,
    fail,
    guard,
    parse_date,
    require,
    state,
    strategy_paths,
    write,
)
from iomstrat.findings import EXIT_CANNOT_RUN, EXIT_FINDINGS, Usage, printable, usage
from iomstrat.render.diagnostics import render_text

if TYPE_CHECKING:  # the core is imported where it is used: `--help` and other commands skip it
    from iomstrat.core.export import ExportInput
    from iomstrat.export.records import Recorded
    from iomstrat.findings import Diagnostic

app = command_group(
    "Export strategies to IATI 2.03 XML or an hledger journal.",
    "iomstrat export iati --output iom.xml --check",
)


def _strategies(
    paths: list[str] | None, as_of: dt.date, partial: bool, ledgers: list[str] | None = None
) -> tuple[list[Recorded], list[Diagnostic], ExportInput]:
    read = _read(paths, as_of, partial, ledgers)
    return list(read.strategies), list(read.errors), read


def _read(
    paths: list[str] | None, as_of: dt.date, partial: bool, ledgers: list[str] | None = None
) -> ExportInput:
    """Every strategy with its booked payments (and the `--ledger` files of the one PATH),
    through the one pipeline; a file that stops the export, or errors on the money path
    without --partial, end the command here."""
    from iomstrat.core.export import read_strategies
    from iomstrat.core.pipeline import Run, expand_paths
    from iomstrat.render.diagnostics import skipped_note

    given = strategy_paths(paths, locale=state.locale)
    if ledgers and len(expand_paths(given)) != 1:
        fail(usage("ledger_one"))
    read = read_strategies(given, Run(as_of, ledgers=tuple(ledgers or ())))
    sys.stderr.write("".join(skipped_note(name, state.locale) for name in read.skipped))
    if read.problem is not None:
        fail(read.problem)
    if not read.strategies:
        sys.stderr.write(render_text(read.errors, state.locale))
        raise typer.Exit(read.exit_status)
    if not read.figures_leave(partial=partial):
        from iomstrat.render.completeness import withheld_note

        sys.stderr.write(render_text(read.errors, state.locale))
        sys.stderr.write(withheld_note(read.completeness, state.locale))
        raise typer.Exit(EXIT_FINDINGS)
    return read


def _notices(problems: Sequence[Usage], locale: str) -> str:
    """What an export left out or lacks, one line each in `locale`."""
    from iomstrat.render.usage import usage_text

    return "".join(f"iomstrat: {printable(usage_text(p, locale))}\n" for p in problems)


@app.command(
    "iati",
    short_help="One IATI 2.03 activity per strategy.",
    epilog=(
        "Examples: iomstrat export iati --output iom.xml --check; "
        "iomstrat export iati strategy.yaml -o - . " + EXIT_CODES_HELP
    ),
)
def iati(
    paths: list[str] = typer.Argument(
        None,
        metavar="[PATH]...",
        help="Strategy files or folders (default: the embedded IOM strategy).",
    ),
    output: str = STDOUT_OPTION,
    check: bool = typer.Option(
        False,
        "--check",
        help=(
            "Check the output with IATI's own rules: the 2.03 XSD, the standard ruleset and "
            "the codelists (shipped, no network), unique identifiers and budget rules."
        ),
    ),
    as_of: str = as_of_option("Date for the activity status"),
    partial: bool = PARTIAL_OPTION,
    locale: Locale = LOCALE_OPTION,
) -> None:
    """One IATI 2.03 iati-activity per strategy: organisations, dates, sector, recipients,
    aid/finance/flow types, budgets per year, planned disbursements, commitments and
    disbursements. What a strategy lacks for IATI's rules is a finding naming the field."""
    guard(output, paths)
    require("iati")
    from iomstrat.export.iati import check_iati, gap_findings, iati_activities
    from iomstrat.findings import Severity
    from iomstrat.render.completeness import mark_xml

    date = parse_date(as_of)
    read = _read(paths, date, partial)
    problems = list(read.errors)
    now = dt.datetime.now(dt.UTC)
    export = iati_activities(
        read.strategies, date, generated=now, updated=[min(s.changed, now) for s in read.sources]
    )
    if export.text is None:
        sys.stderr.write(_notices(export.problems, locale))
        raise typer.Exit(EXIT_CANNOT_RUN)
    write(mark_xml(export.text, read.completeness), output)
    problems += gap_findings(export.gaps, [(s.name, s.document) for s in read.sources])
    if check:
        problems += check_iati(export.text, output if output != "-" else "<stdout>", now)
    if problems:
        sys.stderr.write(render_text(sorted(problems), locale))
    if any(d.severity >= Severity.ERROR for d in problems):
        raise typer.Exit(EXIT_FINDINGS)


@app.command(
    "hledger",
    short_help="An hledger journal of the plan, approvals and payments.",
    epilog=(
        "Examples: iomstrat export hledger -o iom.journal; "
        "iomstrat export hledger | hledger -f - bal -Y; "
        "iomstrat export hledger strategy.yaml --ledger payments.csv -o iom.journal. "
        + EXIT_CODES_HELP
    ),
)
def hledger(
    paths: list[str] = typer.Argument(
        None,
        metavar="[PATH]...",
        help="Strategy files or folders (default: the embedded IOM strategy).",
    ),
    output: str = STDOUT_OPTION,
    partial: bool = PARTIAL_OPTION,
    ledger: list[str] = LEDGER_OPTION,
    locale: Locale = LOCALE_OPTION,
) -> None:
    """An hledger journal that passes `hledger check -s`: parliament's approvals as revenues of
    the Finance Act code, disbursements as expenses per line (other currencies at their @
    cost), the plan as periodic transactions for `hledger bal --budget -Y`; amounts to the
    øre."""
    from iomstrat.export.hledger import journal
    from iomstrat.findings import Severity

    guard(output, paths, ledger)
    from iomstrat.render.completeness import mark_journal

    strategies, problems, read = _strategies(paths, dt.date.today(), partial, ledger)
    result = journal(strategies)
    write(mark_journal(result.text, read.completeness), output)
    sys.stderr.write(_notices(result.problems, locale))
    if problems:
        sys.stderr.write(render_text(problems, locale))
    if result.problems or any(d.severity >= Severity.ERROR for d in problems):
        raise typer.Exit(EXIT_FINDINGS)  # a table left out (IOM450) is a warning
