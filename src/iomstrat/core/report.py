"""The core of `iomstrat report`: read each file once, hash it, check it as `validate` does,
and build its briefing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from iomstrat.core.pipeline import check_document, expand_paths
from iomstrat.engine.book import Rates
from iomstrat.engine.briefing import briefing
from iomstrat.findings import Severity
from iomstrat.loader import documents as loader
from iomstrat.model.errors import STRATEGY_LIMITS
from iomstrat.rates import EcbRates
from iomstrat.results.briefing import Briefing, Report, SourceFile


def source_file(path: str, data: bytes | None) -> SourceFile:
    return SourceFile(
        path=path,
        absolute_path="(standard input)" if path == "-" else os.path.abspath(path),
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        size=len(data) if data is not None else None,
    )


def brief_file(path: str, as_of: dt.date, rates: Rates) -> Briefing:
    """One file's briefing, checked as `validate` checks it. The file is read once, so its
    hash is that of the very bytes the figures come from."""
    data, problem = loader.read_bytes(path, STRATEGY_LIMITS)
    source = source_file(path, data)
    if data is None:
        return Briefing(source, tuple([problem] if problem else []))
    document = loader.load_bytes(path, data, STRATEGY_LIMITS)
    result = check_document(document, path, as_of, rates=rates)
    strategy, book = result.reading.strategy, result.book
    if strategy is None or book is None:
        return Briefing(source, result.diagnostics, is_table=result.table is not None)
    ledgers = tuple(source_file(p, _read(p)) for p in book.payments.sources[1:])
    return briefing(
        strategy,
        book,
        source=source,
        diagnostics=result.diagnostics,
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
