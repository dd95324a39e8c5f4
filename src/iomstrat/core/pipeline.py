"""The core of `iomstrat validate`: read each file, run every check, return findings as data."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from iomstrat.checks import run_checks
from iomstrat.checks.context import Context
from iomstrat.engine.book import Book, Rates, book_payments
from iomstrat.findings import Diagnostic, Severity
from iomstrat.loader import documents as loader
from iomstrat.loader.gcpause import collector_paused
from iomstrat.loader.ledgers import collect_payments
from iomstrat.model.errors import STRATEGY_LIMITS, Reading, validate_as
from iomstrat.model.strategy import Strategy
from iomstrat.rates import EcbRates

if TYPE_CHECKING:
    from iomstrat.model.table import Table

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileResult:
    reading: Reading
    diagnostics: tuple[Diagnostic, ...]
    book: Book | None = None  # payments of the strategy and its ledgers, converted
    table: Table | None = None  # set instead of a strategy for a table file

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
    """Check one file as what its top-level key says it is: a table file or a strategy."""
    document = loader.load(path, display_name=display_name, limits=STRATEGY_LIMITS)
    return check_document(document, path, as_of, ledgers=ledgers, rates=rates)


def check_document(
    document: loader.Document,
    path: str,
    as_of: dt.date,
    *,
    ledgers: Sequence[str] = (),
    rates: Rates | None = None,
) -> FileResult:
    """The checks of `validate_file` on a file already read (`report` hashes the bytes)."""
    if isinstance(document.data, dict) and "table" in document.data:
        # Imported here: only a file that may be a table pays for building the table models.
        from iomstrat.checks.annex import TableContext, run_table_checks
        from iomstrat.model.table import Table, is_table_data

        if is_table_data(document.data):
            table = validate_as(document, Table)
            found = list(document.diagnostics)
            if table is not None:
                found += run_table_checks(TableContext(table, document))
            return FileResult(Reading(document, None), tuple(sorted(found)), table=table)
    reading = Reading(document, validate_as(document, Strategy))
    found = list(reading.diagnostics)
    book = None
    if reading.strategy is not None:
        with collector_paused():  # ledgers: a million payments booked and checked, no cycles
            payments = collect_payments(reading.strategy, reading.document, path, ledgers)
            book = book_payments(payments, reading.strategy.strategy.currency, rates or EcbRates())
            found += payments.diagnostics + book.diagnostics
            found += run_checks(Context(reading.strategy, reading.document, as_of, book))
    return FileResult(reading, limit_findings(sorted(found)), book)


MAX_FINDINGS_PER_CODE = 1000
"""Findings listed per file and code; a ledger with one systematic fault shows these, then a
count, rather than a million lines."""


def limit_findings(found: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    kept: list[Diagnostic] = []
    dropped: dict[tuple[str, str], list[Diagnostic]] = {}
    counts: dict[tuple[str, str], int] = {}
    for item in found:
        key = (item.file, item.code)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= MAX_FINDINGS_PER_CODE:
            kept.append(item)
        else:
            dropped.setdefault(key, []).append(item)
    for (file, code), items in dropped.items():
        kept.append(
            Diagnostic(
                file,
                items[0].line,
                items[0].column,
                code,
                max(d.severity for d in items),
                f"{len(items)} more {code} findings from line {items[0].line} on, not listed "
                f"(the first {MAX_FINDINGS_PER_CODE} are)",
            )
        )
    return tuple(sorted(kept))


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
