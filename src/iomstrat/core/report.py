"""The core of `iomstrat report`: read each file once, hash it, check it as `validate` does,
and build its briefing; with several strategies, their portfolio as `disbursement` makes it."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from iomstrat.core.pipeline import (
    Checked,
    Run,
    check_file,
    check_files,
    completeness,
    exit_status,
    figures_leave,
    left_out,
)
from iomstrat.engine.book import Book
from iomstrat.engine.briefing import briefing
from iomstrat.engine.disbursement import portfolio
from iomstrat.findings import Diagnostic
from iomstrat.loader import documents as loader
from iomstrat.model.strategy import Strategy
from iomstrat.results.briefing import Briefing, Report, SourceFile
from iomstrat.results.completeness import Completeness
from iomstrat.results.disbursement import Portfolio


def source_file(path: str, data: bytes | None) -> SourceFile:
    return SourceFile(
        path=path,
        absolute_path="(standard input)" if path == "-" else os.path.abspath(path),
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        size=len(data) if data is not None else None,
    )


def brief_file(path: str, run: Run) -> Briefing:
    """One file's briefing, through the one pipeline. The file is read once, so its hash is
    that of the very bytes the figures come from."""
    return _brief(check_file(path, run), run)[0]


def _brief(checked: Checked, run: Run) -> tuple[Briefing, tuple[Strategy, Book] | None]:
    path = checked.name
    source = source_file(path, checked.data)
    strategy, book = checked.strategy, checked.book
    if strategy is None or book is None:
        return Briefing(
            source,
            checked.diagnostics,
            is_table=checked.table is not None,
            left_out=left_out(checked),
        ), None
    ledgers = tuple(source_file(p, _read(p)) for p in book.payments.sources[1:])
    return briefing(
        strategy,
        book,
        source=source,
        diagnostics=checked.diagnostics,
        as_of=run.as_of,
        rates=run.rates,
        ledgers=ledgers,
        tables=checked.tables,
        history=checked.history,
        written=checked.written,  # the document's statements speak of the version transcribed
    ), (strategy, book)


def _read(path: str) -> bytes | None:
    data, _ = loader.read_bytes(path)
    return data


def build_report(paths: list[str], as_of: dt.date) -> Report:
    run = Run(as_of)
    briefed = []
    skipped: list[str] = []  # other tools' YAML a folder holds
    for checked in check_files(paths, run):
        if checked.skipped:
            skipped.append(checked.name)
        else:
            briefed.append(_brief(checked, run))
    books = [pair for _, pair in briefed if pair is not None]
    combined: Portfolio | None = None
    no_rate = False
    # Across files, and for one file whose lines are on several Finance Act codes: per code,
    # as `disbursement` gives it.
    codes = {line.finance_act_code for strategy, _ in books for line in strategy.budget.lines}
    if len(books) > 1 or len(codes) > 1:
        try:  # in the first strategy's currency, as `disbursement` sums them
            combined = portfolio(
                books,
                as_of=as_of,
                currency=books[0][0].strategy.currency,
                files=tuple(b.source.path for b, pair in briefed if pair is not None),
                rates=run.rates,
            )
        except ValueError:  # a currency without an ECB rate: no half-true total
            no_rate = True
    return Report(as_of, tuple(b for b, _ in briefed), combined, no_rate, tuple(skipped))


def exit_code(report: Report) -> int:
    """As `validate` (without --strict): 2 a file could not be read, 1 errors, else 0."""
    return exit_status(findings(report))


def findings(report: Report) -> list[Diagnostic]:
    return [d for b in report.briefings for d in b.diagnostics]


def _left_out(report: Report) -> list[Diagnostic]:
    return [d for b in report.briefings for d in b.left_out]


def report_completeness(report: Report) -> Completeness:
    """Whether the figures are complete (pipeline.completeness): every payment of every file
    read and accepted, and no file left out of the portfolio for its errors."""
    return completeness(findings(report), left_out=_left_out(report))


def report_leaves(report: Report, *, partial: bool) -> bool:
    """Whether the page may be written: an HTML page travels (pipeline.figures_leave)."""
    return figures_leave(
        findings(report), travels=True, partial=partial, left_out=_left_out(report)
    )
