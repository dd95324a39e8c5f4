"""The rows of an xlsx ledger (read-only, the first sheet or the one named), as text cells.

Real dates and numbers are taken as they are: a date cell becomes the ISO date, a whole number
its digits, and a number cell, which openpyxl gives as a float, becomes the Decimal of the
float's shortest repr (`repr(0.1)` is `'0.1'`) rounded to øre for amounts; no float arithmetic
touches the money. Text cells stay text and are parsed like a CSV ledger's cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, BinaryIO

from iomstrat.loader.dialect import MAX_AMOUNT

ORE = Decimal("0.01")
MAX_UNPACKED = 1024 * 2**20
"""Largest workbook unpacked: a small zip may unpack to gigabytes."""
XLSX_EXTRA = "install iomstrat[xlsx] (openpyxl) to read xlsx ledgers"


class NotReadable(Exception):
    """The workbook cannot be read; the message says why, in one line."""


class Sheet:
    """A worksheet's rows as lists of cells, with `line_num` the last row read (as csv.reader)."""

    def __init__(self, rows: Iterator[tuple[Any, ...]], name: str) -> None:
        self._rows = rows
        self.name = name
        self.line_num = 0

    def __iter__(self) -> Sheet:
        return self

    def __next__(self) -> list[Any]:
        row = next(self._rows)
        self.line_num += 1
        return list(row)


def open_sheet(handle: BinaryIO, sheet: str | None) -> Sheet:
    """The named sheet (or the first) of the workbook read from `handle`."""
    try:
        import openpyxl  # only xlsx ledgers pay for it
    except ImportError as error:  # openpyxl is installed with iomstrat, an extra elsewhere
        raise NotReadable(XLSX_EXTRA) from error
    from zipfile import BadZipFile, ZipFile

    try:
        unpacked = sum(item.file_size for item in ZipFile(handle).infolist())
        handle.seek(0)
    except (BadZipFile, OSError, ValueError) as error:
        raise NotReadable(f"not a readable xlsx workbook ({type(error).__name__})") from error
    if unpacked > MAX_UNPACKED:
        raise NotReadable(
            f"the workbook unpacks to {unpacked >> 20} MiB, over the limit of "
            f"{MAX_UNPACKED >> 20} MiB (a million payments take about 150 MiB)"
        )
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise NotReadable(f"not a readable xlsx workbook ({type(error).__name__})") from error
    names = workbook.sheetnames
    if sheet is None:
        if not names:
            raise NotReadable("the workbook has no sheet")
        sheet = names[0]
    elif sheet not in names:
        raise NotReadable(f"the workbook has no sheet '{sheet}' (sheets: {', '.join(names)})")
    worksheet = workbook[sheet]
    return Sheet(worksheet.iter_rows(values_only=True), sheet)


def cell_value(value: Any, *, amount: bool) -> str | dt.date | Decimal:
    """A cell as the ledger reader takes it: a date, a Decimal, or text to parse."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        number = Decimal(repr(value))  # the float's shortest repr, never its binary expansion
        if not number.is_finite() or abs(number) >= MAX_AMOUNT:
            return repr(value)  # refused as text
        return number.quantize(ORE, rounding=ROUND_HALF_EVEN) if amount else number
    return str(value).strip()


def cell_name(column: int, row: int) -> str:
    """`C7` for the 3rd column of row 7."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"
