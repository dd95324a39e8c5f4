"""The core of `iomstrat disbursement`: read each strategy and its ledgers, check them, and
compute the disbursement report per file and the portfolio across files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from iomstrat.core.pipeline import (
    Checked,
    Run,
    check_files,
    completeness,
    expand_paths,
    figures_leave,
    left_out,
    shown_status,
    table_given,
    table_left_out,
)
from iomstrat.engine.disbursement import VIEWS, disbursement_report, portfolio
from iomstrat.engine.reconcile import NoRate
from iomstrat.findings import Diagnostic, Severity, Usage, usage
from iomstrat.results.completeness import Completeness
from iomstrat.results.disbursement import DisbursementReport, Portfolio


@dataclass(frozen=True)
class DisbursementResult:
    """Reports per file and the portfolio, or none at all: where a file or a ledger could not
    be read, no figure is given (they would be half true)."""

    reports: tuple[DisbursementReport, ...]
    portfolio: Portfolio | None  # with more than one file, or lines on several codes
    diagnostics: tuple[Diagnostic, ...]  # errors and warnings of every file and ledger
    problem: Usage | None = None  # why nothing could be computed (a usage error)
    left_out: tuple[Diagnostic, ...] = ()  # the errors of a strategy file that gives no figures
    skipped: tuple[str, ...] = ()  # other tools' YAML a folder holds, left out (`check_files`)

    @property
    def exit_status(self) -> int:
        return shown_status(self.diagnostics, shown=bool(self.reports), problem=self.problem)

    @property
    def completeness(self) -> Completeness:
        """Whether the figures are complete (pipeline.completeness): a strategy left out for its
        errors is missing from the portfolio's totals."""
        return completeness(self.diagnostics, left_out=self.left_out)

    def figures_leave(self, *, travels: bool, partial: bool) -> bool:
        """Whether the figures may be shown or written (pipeline.figures_leave)."""
        return bool(self.reports) and figures_leave(
            self.diagnostics, travels=travels, partial=partial, left_out=self.left_out
        )


def calculate(
    paths: Sequence[str],
    *,
    as_of: dt.date,
    by: str = "line",
    currency: str | None = None,
    ledgers: Sequence[str] = (),
) -> DisbursementResult:
    """Reports for every readable file, a folder standing for its YAML files of which other
    tools' are skipped as `validate` skips them (`check_files`); findings are collected, never
    raised."""
    if by not in VIEWS:
        return DisbursementResult((), None, (), usage("unknown_view", view=by[:20], views=VIEWS))
    if ledgers and len(expand_paths(list(paths))) != 1:
        return DisbursementResult((), None, (), usage("ledger_one"))
    run = Run(as_of, ledgers=tuple(ledgers))
    if currency is not None and not run.rates.known(currency):
        return DisbursementResult((), None, (), usage("unknown_currency", currency=currency[:10]))
    reports = []
    books = []
    found: list[Diagnostic] = []
    files_left_out: list[Diagnostic] = []
    tables: list[Checked] = []
    skipped: list[str] = []
    given = 0  # the files read as strategies or tables
    for result in check_files(paths, run):
        path = result.name
        if result.skipped:  # another tool's YAML in a folder: said, not summed
            skipped.append(path)
            continue
        given += 1
        if result.table is not None:  # an annex: no figures of disbursement, said below
            tables.append(result)
            continue
        found += [d for d in result.diagnostics if d.severity >= Severity.WARNING]
        strategy, book = result.strategy, result.book
        if strategy is None or book is None:
            files_left_out += left_out(result)
            continue
        try:
            reports.append(
                disbursement_report(
                    strategy,
                    book,
                    file=result.name,
                    as_of=as_of,
                    by=by,
                    currency=currency,
                    rates=run.rates,
                )
            )
        except NoRate as error:
            no_rate = usage("no_rate", file=path, source=error.source, target=error.target)
            return DisbursementResult((), None, tuple(found), no_rate, skipped=tuple(skipped))
        books.append((strategy, book))
    if tables and len(tables) == given:
        return DisbursementResult(
            (), None, (), table_given(tables[0], "disbursement"), skipped=tuple(skipped)
        )
    found += [table_left_out(table) for table in tables]
    combined = None
    # Across files, and for one file whose lines are on several Finance Act codes: per code.
    codes = {line.finance_act_code for strategy, _ in books for line in strategy.budget.lines}
    if (given - len(tables) > 1 or len(codes) > 1) and books:
        target = currency or books[0][0].strategy.currency
        try:
            combined = portfolio(
                books,
                as_of=as_of,
                currency=target,
                files=tuple(r.file for r in reports),
                rates=run.rates,
            )
        except NoRate as error:
            no_rate = usage("portfolio_no_rate", source=error.source, target=error.target)
            return DisbursementResult((), None, tuple(found), no_rate, skipped=tuple(skipped))
    if any(d.severity is Severity.FATAL for d in found):
        return DisbursementResult((), None, tuple(found), skipped=tuple(skipped))
    return DisbursementResult(
        tuple(reports),
        combined,
        tuple(found),
        left_out=tuple(files_left_out),
        skipped=tuple(skipped),
    )
