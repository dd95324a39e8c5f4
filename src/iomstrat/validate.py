"""The core of `iomstrat validate`: read each file, run every check, return findings as data."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass

from iomstrat.currency import EcbRates
from iomstrat.engine.checks import Context, run_checks
from iomstrat.engine.disbursement import Book, Rates, book_payments
from iomstrat.ledger import collect_payments
from iomstrat.reading import Reading, read_strategy
from iomstrat.report import Diagnostic, Severity

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileResult:
    reading: Reading
    diagnostics: tuple[Diagnostic, ...]
    book: Book | None = None  # payments of the strategy and its ledgers, converted

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a directory stands for the YAML files directly inside it, sorted."""
    expanded: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.endswith(YAML_SUFFIXES))
            # A folder without YAML files is reported, not silently passed.
            expanded += [os.path.join(path, n) for n in names] or [path]
        else:
            expanded.append(path)
    return expanded


def validate_file(
    path: str,
    as_of: dt.date,
    *,
    display_name: str | None = None,
    ledgers: Sequence[str] = (),
    rates: Rates | None = None,
) -> FileResult:
    reading = read_strategy(path, display_name=display_name)
    found = list(reading.diagnostics)
    book = None
    if reading.strategy is not None:
        payments = collect_payments(reading.strategy, reading.document, path, ledgers)
        book = book_payments(payments, reading.strategy.strategy.currency, rates or EcbRates())
        found += payments.diagnostics + book.diagnostics
        found += run_checks(Context(reading.strategy, reading.document, as_of, book))
    return FileResult(reading, tuple(sorted(found)), book)


def exit_code(results: list[FileResult], *, strict: bool) -> int:
    """0 clean, 1 findings (errors; warnings too under --strict), 2 an input could not be read."""
    worst = max((r.worst for r in results if r.worst is not None), default=None)
    if worst is None:
        return 0
    if worst is Severity.FATAL:
        return 2
    if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
        return 1
    return 0
