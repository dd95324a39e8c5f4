"""Computed tables as an Excel workbook (openpyxl): one sheet per view, figures stored as numbers
with a number format, so a spreadsheet can add them up; never as text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from iomstrat.findings import printable
from iomstrat.render.budget import _headers, _name
from iomstrat.results.budget import BudgetTable

Cell = str | Decimal | int | None
MAX_PLACES = 8
"""Most decimals a format shows: one øre in DKK million."""


@dataclass(frozen=True)
class Sheet:
    """One view as a grid: heading lines, a header row, rows, a footnote."""

    title: str
    heading: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    bold_rows: frozenset[int] = field(default_factory=frozenset)
    footnote: str = ""
    column_formats: tuple[str | None, ...] = ()
    """A number format per column where one differs from the figures' own (e.g. '0.0%')."""


def number_format(values: Sequence[Decimal]) -> str:
    """Thousands grouping and as many decimals as the most precise figure has, at most
    MAX_PLACES (the cell keeps every digit). Excel shows the format in the reader's own
    locale: 1,234.5 in English, 1.234,5 in Danish."""
    places = 0
    for value in values:
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int):
            places = max(places, -exponent)
    places = min(places, MAX_PLACES)
    return "#,##0" + ("." + "0" * places if places else "")


def _own(sheet: Sheet, index: int) -> str | None:
    return sheet.column_formats[index] if index < len(sheet.column_formats) else None


def _put(ws: Worksheet, row: int, column: int, value: Cell) -> Any:
    """Text is stored as text: openpyxl stores a string that starts with '=' as a live formula
    (`=HYPERLINK(…)` from a budget line's name) unless the cell's data type says string. What
    XML cannot hold (a control character in a file name) becomes '?'."""
    if not isinstance(value, str):
        return ws.cell(row=row, column=column, value=value)
    cell = ws.cell(row=row, column=column, value=printable(value))
    cell.data_type = "s"
    return cell


def _fill(sheet: Sheet, ws: Worksheet) -> None:
    ws.title = sheet.title[:31]  # Excel's limit on sheet names
    row = 1
    for line in sheet.heading:
        _put(ws, row, 1, line).font = Font(bold=row == 1)
        row += 1
    row += 1 if sheet.heading else 0
    header_row = row
    for col, name in enumerate(sheet.columns, start=1):
        cell = _put(ws, row, col, name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    figures = [
        v
        for r in sheet.rows
        for i, v in enumerate(r)
        if isinstance(v, Decimal) and not _own(sheet, i)
    ]
    fmt = number_format(figures)
    for index, values in enumerate(sheet.rows):
        row += 1
        for col, value in enumerate(values, start=1):
            cell = _put(ws, row, col, value)
            own = _own(sheet, col - 1)
            if isinstance(value, Decimal):
                cell.number_format = own or fmt
            elif isinstance(value, int) and own:
                cell.number_format = own
            if index in sheet.bold_rows:
                cell.font = Font(bold=True)
    if sheet.footnote:
        _put(ws, row + 2, 1, sheet.footnote)
    ws.freeze_panes = f"B{header_row + 1}"
    for col, name in enumerate(sheet.columns, start=1):
        longest = max([len(str(r[col - 1])) for r in sheet.rows] + [len(name) // 2, 8])
        ws.column_dimensions[get_column_letter(col)].width = min(longest + 2, 60)


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The workbook's bytes, sheets in the order given."""
    book = Workbook()
    book.remove(book.worksheets[0])
    for sheet in sheets:
        _fill(sheet, book.create_sheet())
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def budget_sheet(table: BudgetTable) -> Sheet:
    years = [h.year for h in table.years]
    headers = _headers(table)
    return Sheet(
        title="Budget",
        heading=tuple(t for t in (table.title, table.funding_basis) if t),
        columns=tuple(headers),
        rows=tuple(
            (_name(r), r.finance_act_code, *(r.amounts[y] for y in years), r.total)
            for r in table.rows
        ),
        bold_rows=frozenset(i for i, r in enumerate(table.rows) if r.kind != "line"),
        footnote=table.footnote,
    )


def budget_workbook(table: BudgetTable) -> bytes:
    return workbook([budget_sheet(table)])
