"""The core of `iomstrat report`: read each file once, hash it, check it as `validate` does,
and build its briefing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from iomstrat import loader
from iomstrat.briefing import Briefing, Report, SourceFile
from iomstrat.currency import EcbRates
from iomstrat.engine.briefing import briefing
from iomstrat.engine.checks import Context, run_checks
from iomstrat.engine.disbursement import Rates, book_payments
from iomstrat.ledger import collect_payments
from iomstrat.model import Strategy
from iomstrat.reading import validate_as
from iomstrat.report import Severity
from iomstrat.validate import expand_paths


def source_file(path: str, data: bytes | None) -> SourceFile:
    return SourceFile(
        path=path,
        absolute_path="(standard input)" if path == "-" else os.path.abspath(path),
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        size=len(data) if data is not None else None,
    )


def brief_file(path: str, as_of: dt.date, rates: Rates) -> Briefing:
    """One file's briefing. The file is read once, so its hash is that of the very bytes the
    figures come from; the steps after reading are `validate_file`'s."""
    data, problem = loader.read_bytes(path)
    source = source_file(path, data)
    if data is None:
        return Briefing(source, tuple([problem] if problem else []))
    document = loader.load_bytes(path, data)
    strategy = validate_as(document, Strategy)
    found = list(document.diagnostics)
    if strategy is None:
        return Briefing(source, tuple(sorted(found)))
    payments = collect_payments(strategy, document, path)
    book = book_payments(payments, strategy.strategy.currency, rates)
    found += payments.diagnostics + book.diagnostics
    found += run_checks(Context(strategy, document, as_of, book))
    ledgers = tuple(source_file(p, _read(p)) for p in payments.sources[1:])
    return briefing(
        strategy,
        book,
        source=source,
        diagnostics=tuple(sorted(found)),
        as_of=as_of,
        rates=rates,
        ledgers=ledgers,
    )


def _read(path: str) -> bytes | None:
    data, _ = loader.read_bytes(path)
    return data


def build_report(paths: list[str], as_of: dt.date) -> Report:
    rates = EcbRates()
    return Report(as_of, tuple(brief_file(path, as_of, rates) for path in expand_paths(paths)))


def exit_code(report: Report) -> int:
    """As `validate` (without --strict): 2 a file could not be read, 1 errors, else 0."""
    worst = max((d.severity for b in report.briefings for d in b.diagnostics), default=None)
    if worst is Severity.FATAL:
        return 2
    return 1 if worst is Severity.ERROR else 0
