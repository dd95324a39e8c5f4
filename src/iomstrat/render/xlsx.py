"""Computed tables as an Excel workbook (openpyxl) that opens and prints well in Excel and
LibreOffice: one sheet per view, figures stored as numbers with a number format (never as
text), a named font on every cell, columns as wide as their widest shown figure, a wrapped
header of its own height, a `Kind` column (line, subtotal, total) for filters and pivots,
landscape fit-to-width printing with the header repeated on every page, and, when the figures
come with error findings, a banner in the first rows that says so."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties

from iomstrat.findings import Diagnostic, Severity, printable, stands_for
from iomstrat.render.budget import (
    APPORTIONED,
    apportioned,
    approved_line_name,
    cover_name,
    footnote,
    headers,
    printed_mark,
    row_name,
    version_notes,
)
from iomstrat.render.completeness import banner
from iomstrat.render.diagnostics import message
from iomstrat.render.words import word
from iomstrat.results.completeness import COMPLETE, Completeness

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from iomstrat.results.budget import BudgetTable

Cell = str | Decimal | int | None
MAX_PLACES = 8
"""Most decimals a format shows: one øre in DKK million."""
FONT = "Arial"
"""A font every spreadsheet has or maps to one of the same widths (Liberation Sans in
LibreOffice): a cell without a font name is drawn in the reader's default, whose width is
not the one the columns were sized for, and LibreOffice shows `###`."""
SIZE = 10
LINE_HEIGHT = 12.75  # points per wrapped line of 10 pt Arial, as both programs lay it out
TEXT_WIDTH = 45  # widest text column, in characters; longer text wraps
SHORT_HEADER = 16  # characters of a header that never wraps
INDENT = 1  # levels of indent of text after another column
INDENT_WIDTH = 2  # characters one level of indent takes, as LibreOffice and Excel draw it
PAGE_WIDTH = 140  # characters across landscape A4 at full size: the first column may fill it
BANNER_ITEMS = 10  # error findings listed under the banner; the rest are counted
PERCENT = "0.0%"
WHOLE = "0"  # years and counts: no grouping mark in 2023
KINDS = ("line", "subtotal", "total")

LANGUAGE_TAGS = {"en": "", "da": "[$-406]"}
"""A number format's locale (Windows LCID 0x406 is Danish): LibreOffice then writes 1.234,5
whatever the reader's own settings; Excel always uses the reader's separators."""


def words(locale: str) -> Mapping[str, str]:
    """The words a workbook shows, from the one catalogue (render/words.py)."""
    return {mine: word(key, locale) for mine, key in _KEYS.items()}


TOTALS = ("subtotal", "total", "code", "region")
"""Kinds of row printed bold on a band: a pivot on `Kind` leaves them out (a Finance Act
code's total, a continent's in the view by place)."""

_KEYS = {
    "Kind": "kind",
    "line": "kind_line",
    "subtotal": "kind_subtotal",
    "total": "kind_total",
    "approved": "kind_approved",
    "code": "kind_code",
    "cover": "kind_cover",
    "region": "kind_region",
    "errors": "xlsx_errors",
    "error": "xlsx_error",
    "more": "xlsx_more",
    "page": "xlsx_page",
}
"""The workbook's own words, by the catalogue's keys."""


@dataclass(frozen=True)
class Sheet:
    """One view as a grid: heading lines, a header row, rows with their kind, a footnote."""

    title: str
    heading: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kinds: tuple[str, ...]
    """Per row: line, subtotal or total; shown in the Kind column, totals set in bold."""
    footnote: str = ""  # a row for each of its lines
    column_formats: tuple[str | None, ...] = ()
    """A number format per column where one differs from the figures' own (e.g. '0.0%')."""
    file: str | None = None
    """The one file its figures come from: only that file's errors head it (None: every file's)."""
    marks: Mapping[tuple[int, int], str] = field(default_factory=dict)
    """Cells (row, column; from 0, of `rows`) whose figure carries a mark after it (`†`, a
    cover's `[*]`), in its number format: the cell stays a number."""


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


def shown(value: Cell, fmt: str) -> str:
    """The text a spreadsheet shows for `value` in `fmt` (one of ours), for column widths."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    fmt = fmt.removeprefix(LANGUAGE_TAGS["da"])
    if fmt == PERCENT:
        return f"{Decimal(value) * 100:.1f}%"
    if fmt.startswith("#,##0"):
        places = len(fmt) - len("#,##0.") if "." in fmt else 0
        return f"{Decimal(value):,.{places}f}"
    return str(value)


def _put(ws: Worksheet, row: int, column: int, value: Cell) -> Any:
    """Text is stored as text: openpyxl stores a string that starts with '=' as a live formula
    (`=HYPERLINK(…)` from a budget line's name) unless the cell's data type says string. What
    XML cannot hold (a control character in a file name) becomes '?'."""
    if not isinstance(value, str):
        return ws.cell(row=row, column=column, value=value)
    cell = ws.cell(row=row, column=column, value=printable(value))
    cell.data_type = "s"
    return cell


def _formats(sheet: Sheet, locale: str) -> list[str | None]:
    """The number format of each column: its own, or the one the sheet's figures share."""
    own = list(sheet.column_formats) + [None] * (len(sheet.columns) - len(sheet.column_formats))
    figures = [
        v
        for r in sheet.rows
        for v, f in zip(r, own, strict=False)
        if isinstance(v, Decimal) and f is None
    ]
    money = number_format(figures)
    numeric = [
        any(isinstance(r[i], (Decimal, int)) for r in sheet.rows) for i in range(len(sheet.columns))
    ]
    tag = LANGUAGE_TAGS.get(locale, "")
    return [
        tag + (f or money) if is_number or f else None
        for f, is_number in zip(own, numeric, strict=True)
    ]


def _lines(text: str, width: float) -> int:
    """Lines `text` takes wrapped at `width` characters (word-wise, as both programs wrap)."""
    if not text:
        return 1
    chars = max(1, int(width) - 1)
    return sum(
        len(textwrap.wrap(part, chars, break_long_words=True)) or 1 for part in text.split("\n")
    )


def _font(bold: bool = False, color: str | None = None) -> Font:
    return Font(name=FONT, size=SIZE, bold=bold, color=color)


THIN = Side(style="thin", color="808080")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
BANNER_FILL = PatternFill("solid", fgColor="FFE0E0")


def _banner(findings: Sequence[Diagnostic], locale: str) -> list[str]:
    """The first rows of every sheet when the figures come with errors: a count, then them."""
    errors = sorted(d for d in findings if d.severity >= Severity.ERROR)
    if not errors:
        return []
    say, total = words(locale), sum(map(stands_for, errors))
    count = say["error"] if total == 1 else say["errors"].format(n=total)
    listed = [f"{d.location()}: {d.code} {message(d, locale)}" for d in errors[:BANNER_ITEMS]]
    rest = total - sum(map(stands_for, errors[:BANNER_ITEMS]))
    return [count, *listed, *([say["more"].format(n=rest)] if rest > 0 else [])]


def _header_text(text: str) -> str:
    """Text for a page header or footer, where '&' starts a code."""
    return text.replace("&", "&&")[:100]


def _fill(sheet: Sheet, ws: Worksheet, locale: str, banner: Sequence[str]) -> None:
    say = words(locale)
    ws.title = sheet.title[:31]  # Excel's limit on sheet names
    columns = (*sheet.columns, say["Kind"])
    rows = [(*r, say[k]) for r, k in zip(sheet.rows, sheet.kinds, strict=True)]
    formats = [*_formats(sheet, locale), None]
    width = len(columns)
    widths = _widths(columns, rows, formats, sheet.kinds)
    for col in {c for _, c in sheet.marks}:
        widths[col] += max(len(m) for (_, c), m in sheet.marks.items() if c == col)
    # Text after another column starts a little in: wrapped text (a long line name) fills its
    # cell to the edge, and a right-aligned year ends at it, so text set flush beside either
    # would touch it ("capacity §06.32.10.14", "2023 1. Enhanced").
    indented = {col for col in range(2, width) if formats[col - 1] is None}
    widths = [w + INDENT_WIDTH if col in indented else w for col, w in enumerate(widths, 1)]
    page = sum(widths)

    row = 0

    def text_row(text: str, font: Font, fill: PatternFill | None = None) -> None:
        # One line of text across the table's width, wrapped, as tall as its lines.
        nonlocal row
        row += 1
        cell = _put(ws, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if fill is not None:
            cell.fill = fill
        if width > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        lines = _lines(text, page)
        ws.row_dimensions[row].height = lines * LINE_HEIGHT + 2

    for index, line in enumerate(banner):
        text_row(line, _font(bold=index == 0, color="C00000"), BANNER_FILL)
    if banner:
        row += 1
    for index, line in enumerate(sheet.heading):
        text_row(line, _font(bold=index == 0))
    if sheet.heading:
        row += 1

    row += 1
    header_row = row
    for col, name in enumerate(columns, start=1):
        cell = _put(ws, row, col, name)
        cell.font = _font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = Border(bottom=THIN)
        side = "right" if formats[col - 1] is not None else "left"
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="bottom",
            horizontal="center" if col == width else side,
            indent=INDENT if col in indented else 0,
        )
    header_lines = max(_lines(n, w) for n, w in zip(columns, widths, strict=True))
    ws.row_dimensions[row].height = header_lines * LINE_HEIGHT + 3

    for index, (values, kind) in enumerate(zip(rows, sheet.kinds, strict=True)):
        row += 1
        total = kind in TOTALS
        lines = 1
        for col, value in enumerate(values, start=1):
            cell = _put(ws, row, col, value)
            cell.font = _font(bold=total)
            fmt = formats[col - 1]
            if fmt is not None and isinstance(value, (Decimal, int)):
                mark = sheet.marks.get((index, col - 1), "").replace('"', "")
                cell.number_format = fmt + (f'"{mark}"' if mark else "")
            if total:
                cell.fill = TOTAL_FILL
                cell.border = Border(top=THIN)
            # Top: a figure beside a wrapped label stands on the label's first line.
            room = widths[col - 1] - (INDENT_WIDTH if col in indented else 0)
            wrap = isinstance(value, str) and len(value) > room - 2
            kind_column = col == width
            indent = col in indented and isinstance(value, str)
            cell.alignment = Alignment(
                wrap_text=wrap,
                vertical="top",
                horizontal="center" if kind_column else "left" if indent else None,
                indent=INDENT if indent else 0,
            )
            if wrap:
                lines = max(lines, _lines(str(value), room))
        if lines > 1:
            ws.row_dimensions[row].height = lines * LINE_HEIGHT + 2
    last_row = row
    if sheet.footnote:
        row += 1
        for line in sheet.footnote.split("\n"):  # a note a row, each wrapped to the table
            text_row(line, _font())

    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
    ws.freeze_panes = f"B{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(width)}{max(last_row, header_row)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    header, footer = ws.oddHeader, ws.oddFooter
    if header is not None:
        header.left.text = _header_text(sheet.title)
        if banner:
            header.right.text = _header_text(banner[0])
            header.right.color = "C00000"
    if footer is not None:
        footer.center.text = say["page"]


def _widths(
    columns: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    formats: Sequence[str | None],
    kinds: Sequence[str],
) -> list[float]:
    """Column widths in characters: the widest shown value and the header's longest word.
    Figures never wrap (or they show ###); text set in bold counts a tenth wider, and wraps
    beyond TEXT_WIDTH, or in the first column beyond what the other columns leave of a page."""
    widths: list[float] = []
    text: list[bool] = []
    for col, name in enumerate(columns):
        fmt = formats[col] or ""
        longest = 0.0
        for values, kind in zip(rows, kinds, strict=True):
            value = values[col]
            bold = 1.1 if kind in TOTALS and isinstance(value, str) else 1.0
            longest = max(longest, len(shown(value, fmt)) * bold)
        # A short header stays on one line (a break at "2023-" reads badly); a long one
        # wraps between words.
        header = len(name) if len(name) <= SHORT_HEADER else max(map(len, name.split()))
        widths.append(max(longest, header * 1.1, 6) + 2)
        text.append(any(isinstance(values[col], str) for values in rows))
    capped = [min(w, TEXT_WIDTH) if t else w for w, t in zip(widths, text, strict=True)]
    if text and text[0]:
        capped[0] = min(widths[0], max(TEXT_WIDTH, PAGE_WIDTH - sum(capped[1:])))
    return [math.ceil(w) for w in capped]


def workbook(
    sheets: Sequence[Sheet],
    *,
    locale: str = "en",
    findings: Sequence[Diagnostic] = (),
    completeness: Completeness = COMPLETE,
) -> bytes:
    """The workbook's bytes, sheets in the order given; error `findings` head every sheet whose
    figures they concern, after the banner of figures that are not complete."""
    book = Workbook()
    book.remove(book.worksheets[0])
    # The workbook's default font too: blank cells show it, and column widths are counted in
    # the width of its digits.
    book._fonts = IndexedList([_font()])  # type: ignore[attr-defined]
    book._named_styles["Normal"].font = _font()  # type: ignore[attr-defined]
    marked = banner(completeness, locale)
    # A finding on a sheet's own file heads that sheet alone; one on another file (a ledger)
    # heads every sheet, for which sheet it concerns is not known here.
    files = {sheet.file for sheet in sheets}
    for sheet in sheets:
        own = [d for d in findings if sheet.file in (None, d.file) or d.file not in files]
        lines = [*([marked] if marked else []), *_banner(own, locale)]
        _fill(sheet, book.create_sheet(), locale, lines)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def budget_sheet(table: BudgetTable, locale: str = "en") -> Sheet:
    """The budget as printed; below it, where a year is decided, what parliament approved (and
    each line's approved amount where a year is reduced or withheld), marked `approved`."""
    years = [h.year for h in table.years]
    rows: list[tuple[Any, ...]] = [
        (row_name(r, locale), r.finance_act_code, *(r.amounts[y] for y in years), r.total)
        for r in table.rows
    ]
    # A figure apportioned over the lines is marked † in its number format (it stays a number);
    # the note under the sheet says which version gives the year's total only.
    marks: dict[tuple[int, int], str] = {}
    for index, r in enumerate(table.rows):
        shares = apportioned(table, r)
        marks |= {(index, 2 + years.index(y)): APPORTIONED for y in shares}
        if shares:
            marks[(index, 2 + len(years))] = APPORTIONED
    kinds = [r.kind for r in table.rows]
    if any(h.status != "planned" for h in table.years):
        rows.append(
            (word("approved_row", locale), "", *(h.approved_amount for h in table.years), None)
        )
        kinds.append("approved")
    for line in table.approved_lines:
        rows.append((approved_line_name(line, locale), "", *(line.amounts[y] for y in years), None))
        kinds.append("approved")
    # The cover as printed, its footnote markers in brackets in the number format (`390[*]`).
    for cover in table.cover:
        keys = [str(y) for y in years] + ["total"]
        marks |= {
            (len(rows), 2 + column): printed_mark(mark)
            for column, key in enumerate(keys)
            if (mark := cover.markers.get(key))
        }
        figures = (cover.by_year.get(y) for y in years)
        rows.append((cover_name(cover, locale), "", *figures, cover.total))
        kinds.append("cover")
    return Sheet(
        title=word("sheet_budget", locale),
        heading=tuple(t for t in (table.title, table.funding_basis) if t),
        columns=tuple(headers(table, locale)),
        rows=tuple(rows),
        kinds=tuple(kinds),
        footnote="\n".join([footnote(table, locale), *version_notes(table, locale)]),
        marks=marks,
    )


def budget_workbook(
    table: BudgetTable, *, locale: str = "en", findings: Sequence[Diagnostic] = ()
) -> bytes:
    return workbook([budget_sheet(table, locale)], locale=locale, findings=findings)
