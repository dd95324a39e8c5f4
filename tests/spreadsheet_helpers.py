"""What every workbook the tool writes must hold, read back with openpyxl: a named font on
every cell, columns at least as wide as the figures they show, a header tall enough for its
wrapped lines, landscape fit-to-width printing with the header repeated on every page."""

from __future__ import annotations

import math
from decimal import Decimal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT = "Arial"
LINE = 12.75  # points per line of 10 pt Arial


def header_row(sheet: Worksheet, first: str) -> int:
    """The number of the row whose first cell is `first` (the header)."""
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == first)


def table(sheet: Worksheet, first: str) -> list[dict[str, object]]:
    """The rows under the header as dicts by column heading, up to the first empty row."""
    header = header_row(sheet, first)
    names = [c.value for c in sheet[header]]
    rows = []
    for row in sheet.iter_rows(min_row=header + 1, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(dict(zip(names, row, strict=False)))
    return rows


def displayed(value: object, fmt: str) -> str:
    """What a spreadsheet shows for a number in one of the formats the tool writes."""
    fmt = fmt.removeprefix("[$-406]")
    number = Decimal(str(value))
    if fmt == "0.0%":
        return f"{number * 100:.1f}%"
    if fmt == "0":
        return str(number)
    assert fmt.startswith("#,##0"), fmt
    return f"{number:,.{len(fmt.partition('.')[2])}f}"


def width_of(sheet: Worksheet, coordinate: str) -> float:
    """A cell's width in characters: its column's, or its merged range's."""
    for merged in sheet.merged_cells.ranges:
        if coordinate in merged:
            return sum(
                sheet.column_dimensions[get_column_letter(col)].width
                for col in range(merged.min_col, merged.max_col + 1)
            )
    return sheet.column_dimensions[coordinate.rstrip("0123456789")].width


def assert_prints_well(sheet: Worksheet, first: str) -> None:
    header = header_row(sheet, first)
    last_column = sheet.max_column
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=last_column):
        for cell in row:
            if cell.coordinate in sheet.merged_cells and cell.value is None:
                continue  # the hidden part of a merged heading
            assert cell.font.name == FONT, (sheet.title, cell.coordinate, cell.value)
    for row in sheet.iter_rows():
        for cell in row:
            width = width_of(sheet, cell.coordinate)
            if isinstance(cell.value, (int, float)):
                shown = displayed(cell.value, cell.number_format)
                assert width >= len(shown) + 1, (sheet.title, cell.coordinate, shown, width)
            elif isinstance(cell.value, str) and len(cell.value) > width:
                # Text wider than its column wraps, in a row tall enough for its lines.
                assert cell.alignment.wrap_text, (sheet.title, cell.coordinate)
                lines = math.ceil(len(cell.value) / width)
                assert sheet.row_dimensions[cell.row].height >= lines * LINE
    for cell in sheet[header]:
        width = sheet.column_dimensions[cell.column_letter].width
        assert cell.font.bold and cell.alignment.wrap_text
        lines = math.ceil(len(str(cell.value)) / width)
        assert sheet.row_dimensions[header].height >= lines * LINE, (cell.value, width)
    # Text beside another column starts indented, so that it never touches it (a wrapped line
    # name fills its cell to the edge; a year ends at it): a left-aligned heading too.
    for row in sheet.iter_rows(min_row=header, min_col=2, max_col=last_column - 1):
        for cell in row:
            text = isinstance(cell.value, str) and cell.coordinate not in sheet.merged_cells
            if text and (cell.row > header or cell.alignment.horizontal == "left"):
                assert cell.alignment.horizontal == "left", (sheet.title, cell.coordinate)
                assert cell.alignment.indent >= 1, (sheet.title, cell.coordinate)
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.freeze_panes == f"B{header + 1}"
    assert sheet.cell(header, last_column).value in ("Kind", "Art")
