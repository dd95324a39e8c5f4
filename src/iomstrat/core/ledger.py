"""The core of `iomstrat ledger inspect`: what iomstrat reads in a ledger (its dialect, header
and the column mapping it would use or needs), the first rows parsed with that mapping, the
first problems, and a ready `ledgers:` entry relative to a strategy file."""

from __future__ import annotations

from dataclasses import dataclass

from iomstrat.core.payments import command_line_ledger, read_ledger
from iomstrat.core.pipeline import exit_status
from iomstrat.findings import Diagnostic, Severity
from iomstrat.loader import ledger_files as files
from iomstrat.loader.dialect import Declared
from iomstrat.loader.ledger_files import entry_path
from iomstrat.loader.ledger_inspect import Inspection, entry, inspect, inspect_sheet
from iomstrat.loader.ledgers import LEDGER_UNREADABLE
from iomstrat.loader.payments import Payment, Payments

SHOWN = 5
"""Rows parsed and problems shown."""


@dataclass(frozen=True)
class LedgerView:
    path: str
    inspection: Inspection | None  # None: not a CSV/TSV ledger, or not readable
    entry: str  # the `ledgers:` entry that reads it, relative to the strategy file
    relative_to: str  # the strategy file ("": the working folder)
    rows: tuple[Payment, ...]  # the first rows as read with `entry`'s mapping
    problems: tuple[Diagnostic, ...]  # the first findings of reading it so

    @property
    def exit_status(self) -> int:
        return exit_status(self.problems)


def inspect_ledger(given: str, strategy: str | None) -> LedgerView:
    """Inspect the ledger `given` (a path, or a `ledgers:` entry in flow style)."""
    strategy_file = strategy or "-"
    found: list[Diagnostic] = []
    ledger = command_line_ledger(given, strategy_file, found)
    where = strategy or ""
    if ledger is None:
        return LedgerView(given, None, "", where, (), tuple(found))
    inspection: Inspection | None = None
    if ledger.sheet is None and not ledger.path.lower().endswith(
        (".xlsx", ".xlsm", ".yaml", ".yml")
    ):
        try:
            inspection = inspect(ledger)
        except (OSError, files.Refused):
            inspection = None
    elif ledger.path.lower().endswith((".xlsx", ".xlsm")):
        try:
            inspection = inspect_sheet(ledger)
        except Exception:  # openpyxl raises what its parsers raise: the reader below says why
            inspection = None
    place = entry_path(ledger.path, strategy_file)
    text = f"{{path: {place}}}"
    if inspection is not None:
        text = entry(inspection, place, ledger.lines)
    wanted = _as_inspected(ledger, inspection)
    payments = Payments()
    read_ledger(wanted, payments)
    problems = sorted(payments.diagnostics, key=lambda d: (-d.severity, d.line))
    if any(d.severity is Severity.FATAL and d.code == LEDGER_UNREADABLE for d in problems):
        # Not text of a ledger at all (UTF-16, a workbook named .csv, a NUL byte): a header
        # and a dialect read from its bytes would be noise, and no mapping would read it.
        inspection, text = None, f"{{path: {place}}}"
    if inspection is not None and inspection.foreign is not None:
        problems = [d for d in problems if d.severity is Severity.FATAL][:1]
    return LedgerView(
        ledger.path,
        inspection,
        text,
        where,
        tuple(payments.records[:SHOWN]),
        tuple(problems[:SHOWN]),
    )


def _as_inspected(ledger: Declared, found: Inspection | None) -> Declared:
    """The ledger as declared, completed with what the inspection found (its guessed columns
    where the header is not iomstrat's own, the detected dialect)."""
    if found is None:
        return ledger
    columns = ledger.columns
    if columns is None and not found.own_header and found.columns:
        columns = dict(found.columns)
    numbers = found.numbers
    thousands = ledger.thousands
    if thousands is None and numbers is not None:
        thousands = numbers.thousands
    return Declared(
        ledger.path,
        columns,
        ledger.delimiter or found.delimiter,
        ledger.decimal or (numbers.decimal if numbers else None),
        ledger.thousands
        if ledger.thousands is not None
        else (numbers.thousands if numbers else None),
        ledger.date_format or found.date_format or (found.date_choices or (None,))[0],
        ledger.encoding or found.encoding,
        ledger.lines,
        ledger.sheet,
        ledger.entry_path,
    )
