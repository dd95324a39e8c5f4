"""Payment records from the strategy file and from separate ledgers (CSV or YAML), in one pass.

A record is a small tuple holding where it came from (source index and line), so that a
ledger of a million payments costs one tuple each and findings can still name file:line.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from iomstrat.findings import Diagnostic, Severity
from iomstrat.loader import documents as loader
from iomstrat.loader.gcpause import collector_paused
from iomstrat.model.errors import validate_as
from iomstrat.model.strategy import Disbursement, Model, Strategy

LEDGER_UNREADABLE = "IOM420"
LEDGER_HEADER = "IOM421"
LEDGER_VALUE = "IOM422"

REQUIRED_COLUMNS = ("date", "line", "amount", "currency", "voucher", "exchange_rate")
OPTIONAL_COLUMNS = ("note", "year", "allocation", "refund")
REFUND_MARKS = {
    "": False,
    "no": False,
    "false": False,
    "0": False,
    "yes": True,
    "true": True,
    "1": True,
}
"""A `refund` cell: a negative amount returned to the donor is marked so; blank is not."""
MAX_LEDGER_BYTES = 512 * 1024 * 1024
"""Largest CSV ledger read; a million payments take about 70 MB."""
MAX_FINDINGS_PER_LEDGER = 1000
"""Bad rows reported per ledger before the rest are only counted."""

_AMOUNT = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,2})?")
_RATE = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,12})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LINE = re.compile(r"[a-z][a-z0-9_]{0,63}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_YEAR = re.compile(r"[0-9]{4}")


class Payment(NamedTuple):
    """One disbursement as recorded: amount in whole units of its own currency."""

    date: dt.date
    line: str
    amount: Decimal
    currency: str
    voucher: str
    exchange_rate: Decimal | None
    year: int  # appropriation year
    allocation: str | None
    source: int  # index into Payments.sources
    row: int  # 1-based line in that source
    refund: bool = False  # money returned: the amount is negative


@dataclass
class Payments:
    """Every payment of one strategy: the files they come from, the records, read findings."""

    sources: list[str] = field(default_factory=list)
    records: list[Payment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def where(self, payment: Payment) -> tuple[str, int]:
        return self.sources[payment.source], payment.row

    def diagnostic(
        self, payment: Payment, code: str, severity: Severity, message: str
    ) -> Diagnostic:
        return Diagnostic(self.sources[payment.source], payment.row, 1, code, severity, message)


class LedgerFile(Model):
    """A YAML ledger: a top-level `disbursements:` list of the strategy file's mappings."""

    disbursements: list[Disbursement]


def ledger_path(strategy_file: str, ledger: str) -> str:
    """A ledger named in a strategy file is relative to that file."""
    if os.path.isabs(ledger) or strategy_file == "-":
        return ledger
    return os.path.join(os.path.dirname(strategy_file), ledger)


def collect_payments(
    strategy: Strategy,
    document: loader.Document,
    strategy_file: str,
    extra_ledgers: Iterable[str] = (),
) -> Payments:
    """The strategy's own `disbursements`, then its `ledgers`, then ledgers given on the
    command line; findings about unreadable ledgers or bad rows are collected, not raised."""
    payments = Payments(sources=[document.name])
    for index, item in enumerate(strategy.disbursements):
        row = document.position(("disbursements", index)).line
        payments.records.append(_from_model(item, 0, row))
    ledgers = [ledger_path(strategy_file, name) for name in strategy.ledgers]
    for path in [*ledgers, *extra_ledgers]:
        read_ledger(path, payments)
    return payments


def read_ledger(path: str, payments: Payments) -> None:
    """Add one ledger's records to `payments`: CSV by its suffix, YAML otherwise."""
    payments.sources.append(path)
    source = len(payments.sources) - 1
    if path.lower().endswith(".csv"):
        _read_csv(path, source, payments)
    else:
        _read_yaml(path, source, payments)


def _from_model(item: Disbursement, source: int, row: int) -> Payment:
    return Payment(
        item.date,
        item.line,
        item.amount,
        item.currency,
        item.voucher,
        item.exchange_rate,
        item.year if item.year is not None else item.date.year,
        item.allocation,
        source,
        row,
        item.refund,
    )


def _read_yaml(path: str, source: int, payments: Payments) -> None:
    document = loader.load(path, lean=True)  # positions of records only, unless a finding asks
    ledger = validate_as(document, LedgerFile)
    payments.diagnostics += document.diagnostics
    if ledger is None:
        return
    for index, item in enumerate(ledger.disbursements):
        row = document.position(("disbursements", index)).line
        payments.records.append(_from_model(item, source, row))


def _read_csv(path: str, source: int, payments: Payments) -> None:
    def fatal(message: str, line: int = 1) -> None:
        payments.diagnostics.append(
            Diagnostic(path, line, 1, LEDGER_UNREADABLE, Severity.FATAL, message)
        )

    try:
        size = os.path.getsize(path)
        if size > MAX_LEDGER_BYTES:
            fatal(f"ledger is {size / 2**20:.0f} MiB, over the limit of {MAX_LEDGER_BYTES >> 20}")
            return
        with open(path, encoding="utf-8-sig", newline="") as handle, collector_paused():
            _parse_csv(path, csv.reader(handle), source, payments)
    except FileNotFoundError:
        fatal("no such ledger file")
    except IsADirectoryError:
        fatal("ledger is a directory, not a file")
    except PermissionError:
        fatal("permission denied")
    except UnicodeDecodeError:
        fatal("ledger is not UTF-8 text; export it as UTF-8 CSV")
    except csv.Error as error:
        fatal(f"CSV: {loader.echo(str(error))}")
    except OSError as error:
        fatal(f"cannot read ledger: {error.strerror or error}")


def _parse_csv(path: str, reader: Any, source: int, payments: Payments) -> None:
    header = next(reader, None)
    if header is None:
        payments.diagnostics.append(
            Diagnostic(path, 1, 1, LEDGER_HEADER, Severity.ERROR, "ledger is empty (no header)")
        )
        return
    names = [name.strip() for name in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    unknown = [n for n in names if n not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown or len(set(names)) != len(names):
        what = (
            f"missing {', '.join(missing)}"
            if missing
            else f"unknown column {loader.echo(unknown[0])}"
            if unknown
            else "a column is named twice"
        )
        payments.diagnostics.append(
            Diagnostic(
                path,
                1,
                1,
                LEDGER_HEADER,
                Severity.ERROR,
                f"ledger header: {what}; expected {','.join(REQUIRED_COLUMNS)} "
                f"(optional: {', '.join(OPTIONAL_COLUMNS)})",
            )
        )
        return
    i_date, i_line, i_amount, i_currency, i_voucher, i_rate = (
        names.index(c) for c in REQUIRED_COLUMNS
    )
    i_year = names.index("year") if "year" in names else None
    i_alloc = names.index("allocation") if "allocation" in names else None
    i_refund = names.index("refund") if "refund" in names else None
    width = len(names)
    records = payments.records
    bad = 0
    start = reader.line_num + 1
    amount_match = _AMOUNT.fullmatch
    date_match = _DATE.fullmatch
    line_match = _LINE.fullmatch
    currency_match = _CURRENCY.fullmatch
    fromisoformat = dt.date.fromisoformat
    # A ledger repeats a few hundred dates and a few lines and currencies: one object each.
    dates: dict[str, dt.date] = {}
    interned: dict[str, str] = {}
    for cells in reader:
        row = start
        start = reader.line_num + 1
        problem: str | None = None
        if len(cells) != width:
            if not cells:  # blank line
                continue
            problem = f"{len(cells)} fields, the header has {width}"
        else:
            date_text = cells[i_date]
            amount_text = cells[i_amount]
            line_id = cells[i_line]
            currency = cells[i_currency]
            voucher = cells[i_voucher]
            rate_text = cells[i_rate]
            date = dates.get(date_text)
            if date is None and date_match(date_text):
                with contextlib.suppress(ValueError):
                    date = dates[date_text] = fromisoformat(date_text)
            if date is None:
                problem = f"date '{loader.echo(date_text)}' is not a date (YYYY-MM-DD)"
            elif not amount_match(amount_text):
                problem = (
                    f"amount '{loader.echo(amount_text)}' is not a number of whole currency "
                    "units with at most 2 decimals (e.g. 1250000.00)"
                )
            elif not line_match(line_id):
                problem = f"line '{loader.echo(line_id)}' is not a budget line id"
            elif not currency_match(currency):
                problem = f"currency '{loader.echo(currency)}' is not an ISO 4217 code (e.g. DKK)"
            elif not voucher.strip():
                problem = "voucher is empty"
            elif rate_text and (not _RATE.fullmatch(rate_text) or Decimal(rate_text) == 0):
                problem = f"exchange_rate '{loader.echo(rate_text)}' is not a positive number"
            year = date.year if date is not None else 0
            if problem is None and i_year is not None and cells[i_year]:
                if _YEAR.fullmatch(cells[i_year]):
                    year = int(cells[i_year])
                else:
                    problem = f"year '{loader.echo(cells[i_year])}' is not a year"
            refund = False
            if problem is None and i_refund is not None:
                mark = REFUND_MARKS.get(cells[i_refund].strip().lower())
                if mark is None:
                    problem = f"refund '{loader.echo(cells[i_refund])}' is not yes or no"
                refund = bool(mark)
            if problem is None and date is not None:
                records.append(
                    Payment(
                        date,
                        interned.setdefault(line_id, line_id),
                        Decimal(amount_text),
                        interned.setdefault(currency, currency),
                        voucher,
                        Decimal(rate_text) if rate_text else None,
                        year,
                        (cells[i_alloc] or None) if i_alloc is not None else None,
                        source,
                        row,
                        refund,
                    )
                )
                continue
        bad += 1
        if bad <= MAX_FINDINGS_PER_LEDGER:
            payments.diagnostics.append(
                Diagnostic(path, row, 1, LEDGER_VALUE, Severity.ERROR, f"ledger row: {problem}")
            )
    if bad > MAX_FINDINGS_PER_LEDGER:
        payments.diagnostics.append(
            Diagnostic(
                path,
                1,
                1,
                LEDGER_VALUE,
                Severity.ERROR,
                f"{bad - MAX_FINDINGS_PER_LEDGER} more bad rows not listed ({bad} in all)",
            )
        )
