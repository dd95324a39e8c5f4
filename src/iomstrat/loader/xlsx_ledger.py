"""The rows of an xlsx ledger (read-only: the sheet a person sees on opening the workbook, or
the one named), as text cells, with only the rows that hold a value.

Real dates and numbers are taken as they are: a date cell becomes the ISO date, a whole number
its digits, and a number cell, which openpyxl gives as a float, becomes the Decimal of the
float's shortest repr (`repr(0.1)` is `'0.1'`) rounded to øre for amounts; no float arithmetic
touches the money. Text cells stay text and are parsed like a CSV ledger's cells.

Cost follows the rows that hold data: the sheet's XML is streamed through a filter that drops
empty and formatted-but-empty rows in C (`re.sub` on each block) before openpyxl's parser sees
it, rows are taken as the parser finds them (a gap of a million row numbers costs nothing), and
the rows left and the shared strings are counted against limits before they are parsed.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, BinaryIO

from iomstrat.findings import Phrase, phrase
from iomstrat.loader.dialect import MAX_AMOUNT

ORE = Decimal("0.01")
MAX_UNPACKED = 1024 * 2**20
"""Largest workbook unpacked: a small zip may unpack to gigabytes."""
MAX_ROWS = 1_048_576
"""Rows holding a value in a sheet: Excel's own limit (a million payments fit)."""
MAX_SHARED_STRINGS = 2_000_000
"""Distinct texts of a workbook (a million payments have about a million vouchers)."""
MAX_COLUMNS = 16_384
"""Excel's own limit (XFD)."""
_BLOCK = 1 << 20


class NotReadable(Exception):
    """The workbook cannot be read: why, as a `workbook.*` phrase the renderer words."""

    def __init__(self, kind: str, **values: Any) -> None:
        super().__init__(kind)
        self.why = phrase(f"workbook.{kind}", **values)


class OverLimit(NotReadable):
    """The workbook is beyond a limit of rows or shared strings."""


class Sheet:
    """A worksheet's rows holding a value, as lists of cells, with `line_num` the sheet row of
    the last one read (as csv.reader has it); `notes` say why this sheet was read if it is not
    the workbook's first."""

    def __init__(
        self, rows: Iterator[tuple[int, list[Any]]], name: str, notes: list[Phrase]
    ) -> None:
        self._rows = rows
        self.name = name
        self.notes = notes
        self.line_num = 0

    def __iter__(self) -> Sheet:
        return self

    def __next__(self) -> list[Any]:
        self.line_num, row = next(self._rows)
        return row


def open_sheet(handle: BinaryIO, sheet: str | None) -> Sheet:
    """The named sheet (else the active visible one) of the workbook read from `handle`."""
    try:
        import openpyxl  # noqa: F401  # only xlsx ledgers pay for it
    except ImportError as error:  # openpyxl is installed with iomstrat, an extra elsewhere
        raise NotReadable("extra") from error
    from zipfile import BadZipFile, ZipFile

    try:
        archive = ZipFile(handle)
        unpacked = sum(item.file_size for item in archive.infolist())
        strings = next(
            (i.filename for i in archive.infolist() if i.filename.endswith("sharedStrings.xml")),
            None,
        )
        if unpacked <= MAX_UNPACKED and strings is not None:
            with archive.open(strings) as source:
                count = _count(source, (b"<si", b":si"))
            if count > MAX_SHARED_STRINGS:
                raise OverLimit("shared_strings", most=Decimal(MAX_SHARED_STRINGS))
        handle.seek(0)
    except (BadZipFile, OSError, ValueError, EOFError) as error:
        raise NotReadable("broken", error=type(error).__name__) from error
    if unpacked > MAX_UNPACKED:
        raise NotReadable("unpacked", mib=unpacked >> 20, most_mib=MAX_UNPACKED >> 20)
    with warnings.catch_warnings():
        # openpyxl warns of what it leaves out (data validation, extensions): not the values.
        warnings.simplefilter("ignore")
        try:
            workbook = _load(handle)
        except OverLimit:
            raise
        except (BadZipFile, KeyError, ValueError, OSError, TypeError, AttributeError) as error:
            raise NotReadable("broken", error=type(error).__name__) from error
    chosen, notes = _choose(workbook, sheet)
    return Sheet(_rows(workbook, chosen), chosen.title, notes)


def _load(handle: BinaryIO) -> Any:
    """openpyxl's read-only workbook, its shared strings read by `_strings`."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class Reader(ExcelReader):
        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)  # type: ignore[no-untyped-call]
            if part is not None:
                with self.archive.open(part.PartName[1:]) as source:
                    self.shared_strings = _strings(source)

    reader = Reader(handle, read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _strings(source: Any) -> list[str]:
    """The workbook's shared strings as openpyxl's `read_string_table` reads them (the plain
    text, then each rich-text run's; phonetic runs left out), without building its descriptor
    objects for each: 20x faster, so a million strings take seconds, not minutes."""
    from openpyxl.xml.functions import iterparse

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    item, text, run = f"{main}si", f"{main}t", f"{main}r"
    strings: list[str] = []
    root = None
    for event, node in iterparse(source, events=("start", "end")):
        if root is None:
            root = node
        elif event == "end" and node.tag == item:
            parts = [node.findtext(text) or ""]
            parts += [r.findtext(text) or "" for r in node.iterfind(run)]
            strings.append("".join(parts).replace("x005F_", ""))
            root.clear()  # what has been read is not kept
    return strings


def _choose(workbook: Any, sheet: str | None) -> tuple[Any, list[Phrase]]:
    """The sheet to read and, when it is not the workbook's first, why."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    sheets = list(workbook._sheets)
    names = [s.title for s in sheets]
    readable = [s for s in sheets if isinstance(s, ReadOnlyWorksheet)]
    if sheet is not None:
        named = next((s for s in sheets if s.title == sheet), None)
        if named is None:
            raise NotReadable("no_sheet", sheet=sheet, sheets=tuple(names))
        if named not in readable:
            raise NotReadable("chart", sheet=sheet)
        return named, []
    visible = [s for s in readable if s.sheet_state == "visible"]
    if not visible:
        raise NotReadable("no_visible" if readable else "no_worksheet")
    index = workbook._active_sheet_index
    active = sheets[index] if 0 <= index < len(sheets) else None
    chosen = active if active in visible else visible[0]
    first = sheets[0]
    if first is chosen:
        return chosen, []
    if first not in readable:
        why = "chart"
    elif first.sheet_state != "visible":
        why = "very_hidden" if first.sheet_state == "veryHidden" else "hidden"
    else:
        why = "not_active"
    return chosen, [phrase(f"first_sheet.{why}", first=first.title, chosen=chosen.title)]


def _rows(workbook: Any, worksheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """(sheet row, values) of each row holding a value, in the sheet's order."""
    from openpyxl.worksheet._reader import WorkSheetParser

    with workbook._archive.open(worksheet._worksheet_path) as counted:
        rows = _count(counted, (b"<row", b":row"), drop=_EMPTY)
    if rows > MAX_ROWS:  # counted before a row is parsed
        raise OverLimit("rows", sheet=worksheet.title, most=Decimal(MAX_ROWS))
    with workbook._archive.open(worksheet._worksheet_path) as source:
        parser = WorkSheetParser(
            _Filtered(source),
            worksheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, cells in parser.parse():
                values = {c["column"]: c["value"] for c in cells if c["value"] not in (None, "")}
                if not values:
                    continue
                width = max(values)
                if width > MAX_COLUMNS:
                    raise OverLimit("columns", row=number, most=MAX_COLUMNS)
                row: list[Any] = [None] * width
                for column, value in values.items():
                    row[column - 1] = value
                yield number, row


_EMPTY = b"<row/>"
"""The commonest empty row: taken out by `bytes.replace` before the regex sees the rest."""
_EMPTY_ROW = re.compile(
    rb"<(\w+:)?row\b[^>]*/>"  # <row r="7"/>
    rb"|<(\w+:)?row\b[^>]*>(?:\s|<(?:\w+:)?c\b[^>]*/>|<(?:\w+:)?c\b[^>]*>\s*</(?:\w+:)?c>)*"
    rb"</(?:\w+:)?row>"  # a row of formatted cells without a value
)


class _Filtered:
    """A sheet's XML without its empty rows, read as a file (what openpyxl's parser takes).
    Each block is cut after its last `>`, so an element is never split between two blocks
    (a row split by a cut is only left in: harmless)."""

    def __init__(self, source: Any) -> None:
        self._source = source
        self._rest = b""
        self._done = False

    def read(self, size: int = -1) -> bytes:
        while not self._done:
            data = self._source.read(_BLOCK)
            if not data:
                self._done = True
                data, self._rest = self._rest, b""
                return _EMPTY_ROW.sub(b"", data.replace(_EMPTY, b""))
            data = self._rest + data
            cut = data.rfind(b">") + 1
            data, self._rest = data[:cut], data[cut:]
            if len(self._rest) > 64 * _BLOCK:
                raise OverLimit("sheet_element")
            if data := _EMPTY_ROW.sub(b"", data.replace(_EMPTY, b"")):
                return data
        return b""


def _count(source: Any, marks: tuple[bytes, ...], drop: bytes = b"") -> int:
    """How often the `marks` occur in a stream, `drop` taken out first: `bytes.count` and
    `bytes.replace`, hundreds of MB a second. Each block is cut after its last `>`, so no
    tag is split between two blocks."""
    count, rest = 0, b""
    while data := source.read(_BLOCK):
        data = rest + data
        cut = data.rfind(b">") + 1
        data, rest = data[:cut], data[cut:]
        if len(rest) > 64 * _BLOCK:
            raise OverLimit("workbook_element")
        if drop:
            data = data.replace(drop, b"")
        count += sum(map(data.count, marks))
    return count + sum(map(rest.count, marks))


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
