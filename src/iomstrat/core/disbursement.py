"""The core of `iomstrat disbursement`: read each strategy and its ledgers, check them, and
compute the disbursement report per file and the portfolio across files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from iomstrat.core.pipeline import validate_file
from iomstrat.engine.disbursement import VIEWS, disbursement_report, portfolio
from iomstrat.findings import Diagnostic, Severity
from iomstrat.rates import EcbRates
from iomstrat.results.disbursement import DisbursementReport, Portfolio


@dataclass(frozen=True)
class CalculatorResult:
    reports: tuple[DisbursementReport, ...]
    portfolio: Portfolio | None  # with more than one file
    diagnostics: tuple[Diagnostic, ...]  # errors and warnings of every file and ledger
    problem: str | None = None  # why nothing could be computed (a usage error)

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)


def calculate(
    paths: Sequence[str],
    *,
    as_of: dt.date,
    by: str = "line",
    currency: str | None = None,
    ledgers: Sequence[str] = (),
) -> CalculatorResult:
    """Reports for every readable file; findings are collected, never raised."""
    if by not in VIEWS:
        return CalculatorResult((), None, (), f"unknown view '{by[:20]}'; one of {VIEWS}")
    if ledgers and len(paths) != 1:
        return CalculatorResult((), None, (), "--ledger needs exactly one strategy file")
    rates = EcbRates()
    if currency is not None and not rates.known(currency):
        return CalculatorResult(
            (), None, (), f"currency '{currency[:10]}' has no ECB reference rate (e.g. DKK, USD)"
        )
    reports = []
    books = []
    found: list[Diagnostic] = []
    for path in paths:
        result = validate_file(path, as_of, ledgers=ledgers, rates=rates)
        found += [d for d in result.diagnostics if d.severity >= Severity.WARNING]
        strategy, book = result.reading.strategy, result.book
        if strategy is None or book is None:
            continue
        try:
            reports.append(
                disbursement_report(
                    strategy,
                    book,
                    file=result.reading.document.name,
                    as_of=as_of,
                    by=by,
                    currency=currency,
                    rates=rates,
                )
            )
        except ValueError as error:
            return CalculatorResult((), None, tuple(found), f"{path}: {error}")
        books.append((strategy, book))
    combined = None
    if len(paths) > 1 and books:
        target = currency or books[0][0].strategy.currency
        try:
            combined = portfolio(
                books,
                as_of=as_of,
                currency=target,
                files=tuple(r.file for r in reports),
                rates=rates,
            )
        except ValueError as error:
            return CalculatorResult((), None, tuple(found), f"portfolio: {error}")
    return CalculatorResult(tuple(reports), combined, tuple(found))
