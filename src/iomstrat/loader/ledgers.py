"""Payment records from the strategy file and from separate ledgers (CSV, TSV, xlsx or YAML).

A record is a small tuple holding where it came from (source index and line), so that a
ledger of a million payments costs one tuple each and findings can still name file:line.
A CSV ledger is read in its own dialect (loader/dialect.py) and with the column and value
mapping of its `ledgers:` entry; which files may be read is loader/ledger_files.py's rule.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import os
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice, repeat
from operator import itemgetter
from typing import Any, BinaryIO

from iomstrat.findings import (
    MAX_PER_CODE,
    Diagnostic,
    Phrase,
    Severity,
    finding,
    more,
    phrase,
)
from iomstrat.loader import dialect
from iomstrat.loader import documents as loader
from iomstrat.loader import ledger_files as files
from iomstrat.loader.dialect import Declared
from iomstrat.loader.gcpause import collector_paused
from iomstrat.loader.payments import Payment, Payments
from iomstrat.loader.text import Unsafe, printable, unsafe

LEDGER_UNREADABLE = "IOM420"
LEDGER_HEADER = "IOM421"
LEDGER_VALUE = "IOM422"
LEDGER_DIALECT = "IOM423"
LEDGER_REFUSED = files.LEDGER_REFUSED
LEDGER_SETTINGS = "IOM430"
LEDGER_SHEET = "IOM432"
LEDGER_LIMIT = "IOM433"
LEDGER_CHANGED = "IOM434"

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
    "nej": False,
    "ja": True,
}
"""A `refund` cell: a negative amount returned to the donor is marked so; blank is not. Danish
exports write `ja`/`nej` (any case, as every mark)."""
MAPPED_REQUIRED = ("date", "line", "amount", "currency", "voucher")
"""A mapped export (`columns:`) needs no rate column; its other columns are ignored."""
MAX_LEDGER_BYTES = files.MAX_LEDGER_BYTES
UNLISTED = phrase("ledger.unlisted")
"""The problem of a bad row beyond those listed: it is counted (`findings.MAX_PER_CODE`), not
worded; the phrase says so should one ever be shown."""
SAMPLE_ROWS = 1000
"""Rows a dialect is told from (the dates of the whole file when these cannot tell)."""

_LINE = re.compile(r"[a-z][a-z0-9_]{0,63}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_YEAR = re.compile(r"[0-9]{4}")
_UNSEEN: Any = object()


YamlReader = Callable[[BinaryIO, str, int, "Payments"], None]
"""Reads a YAML ledger into the payments: a list of the strategy file's own payment mappings,
validated by the model (`core.payments`), which this loader does not know."""


def read_ledger(
    ledger: Declared | str,
    payments: Payments,
    *,
    read_yaml: YamlReader,
    seen: set[tuple[int, int]] | None = None,
    budget: int = files.MAX_TOTAL_LEDGER_BYTES,
    optional: bool = False,
) -> int:
    """Add one ledger's records to `payments`, its kind told by its suffix; the bytes read.
    A file already in `seen` (device, inode) is not read again. An `optional` ledger that does
    not exist is the catalogue's `absent` kind (a warning), not fatal."""
    if isinstance(ledger, str):
        ledger = Declared(ledger)
    path = ledger.path

    def fatal(why: str, code: str = LEDGER_UNREADABLE, **values: Any) -> None:
        payments.diagnostics.append(
            finding(path, 1, 1, code, kind=why, severity=Severity.FATAL, **values)
        )

    kind = _kind(path)
    try:
        handle, info = files.open_regular(path)
    except files.Refused as refused:
        payments.sources.append(path)
        fatal("refused", LEDGER_REFUSED, problem=refused.why)
        return 0
    except FileNotFoundError:
        payments.sources.append(path)
        if optional:
            payments.diagnostics.append(finding(path, 1, 1, LEDGER_UNREADABLE, kind="absent"))
        else:
            fatal("missing")
        return 0
    except PermissionError:
        payments.sources.append(path)
        fatal("permission")
        return 0
    except OSError as error:
        payments.sources.append(path)
        fatal("os_error", reason=loader.echo(str(error.strerror or error)))
        return 0
    with handle:
        identity = (info.st_dev, info.st_ino)
        if seen is not None:
            if identity in seen:
                return 0  # a ledger named twice is one ledger
            seen.add(identity)
        payments.sources.append(path)
        if info.st_size > budget:
            total = phrase("refused.total", most_mib=files.MAX_TOTAL_LEDGER_BYTES >> 20)
            fatal("refused", LEDGER_REFUSED, problem=total)
            return 0
        source = len(payments.sources) - 1
        records, found = len(payments), len(payments.diagnostics)
        head = handle.read(8)
        handle.seek(0)
        if kind is None:
            fatal("unknown_kind")
        elif head.startswith(b"PK\x03\x04") and kind != "xlsx":
            fatal("zip", written_as=kind)
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and kind != "xlsx":
            # Excel's "Unicode Text" export: a NUL after every ASCII letter, not a broken file.
            fatal("utf16")
        elif kind == "xlsx":
            _read_xlsx(handle, ledger, source, payments)
        elif kind == "yaml":
            read_yaml(handle, path, source, payments)
        else:
            delimiter = ledger.delimiter or ("\t" if kind == "tsv" else None)
            _read_csv(handle, ledger, delimiter, source, payments)
        if _changed(handle, info):  # read in passes: they must have read one file
            payments.truncate(records)
            del payments.diagnostics[found:]
            fatal("", LEDGER_CHANGED)
        return info.st_size


def _changed(handle: BinaryIO, before: os.stat_result) -> bool:
    after = os.fstat(handle.fileno())
    return (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns)


def _kind(path: str) -> str | None:
    suffix = os.path.splitext(path)[1].lower()
    return {
        ".csv": "CSV",
        ".txt": "CSV",
        ".tsv": "tsv",
        ".tab": "tsv",
        ".xlsx": "xlsx",
        ".xlsm": "xlsx",
        ".yaml": "yaml",
        ".yml": "yaml",
    }.get(suffix)


# --- CSV --------------------------------------------------------------------------------------


def _read_csv(
    handle: BinaryIO, ledger: Declared, delimiter: str | None, source: int, payments: Payments
) -> None:
    path = ledger.path

    def fatal(kind: str, line: int = 1, code: str = LEDGER_UNREADABLE, **values: Any) -> None:
        payments.diagnostics.append(
            finding(path, line, 1, code, kind=kind, severity=Severity.FATAL, **values)
        )

    head = handle.read(65536)
    if b"\x00" in head:
        fatal("nul")
        return
    encoding = ledger.encoding or "utf-8"
    if encoding == "utf-8" and head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    # The header line, whatever ends it (LF, CR LF or a carriage return alone).
    first_line = re.split(rb"\r\n?|\n", head, maxsplit=1)[0].decode(encoding, errors="replace")
    delimiter = dialect.sniff_delimiter(first_line, delimiter)
    records, found = len(payments), len(payments.diagnostics)
    reader: Any = None
    while True:
        try:
            handle.seek(0)
            with _text(handle, encoding) as text:
                reader = csv.reader(text, delimiter=delimiter)
                header = next(reader, None)
                plan = _plan(path, header, reader, ledger, delimiter, payments.diagnostics)
            if plan is None:
                return
            handle.seek(0)
            rows = _Rows(path, plan, ledger, source, payments, None)
            with collector_paused():
                _csv_rows(handle, encoding, delimiter, rows)
            rows.finish()
            return
        except UnicodeDecodeError:
            payments.truncate(records)
            del payments.diagnostics[found:]
            if ledger.encoding is not None or encoding != "utf-8":
                line = _bad_byte_line(handle, encoding)
                fatal("encoding", line, LEDGER_DIALECT, encoding=encoding)
                return
            encoding = "cp1252"  # what Excel writes as "CSV (semikolonsepareret)"
        except (csv.Error, _CsvError) as error:
            line = error.line if isinstance(error, _CsvError) else reader.line_num
            message = str(error)
            if isinstance(error, _LongLine) or (isinstance(error, _CsvError) and error.long):
                fatal("long_line", line, most_mib=MAX_LINE_BYTES >> 20)
            elif "NUL" in message:
                fatal("nul", line)
            else:
                fatal("csv", line, reason=loader.echo(message))
            return
        except OSError as error:
            fatal("os_error", reason=loader.echo(str(error.strerror or error)))
            return


def _bad_byte_line(handle: BinaryIO, encoding: str) -> int:
    """The line of the first byte that is not `encoding` text (streams decode in blocks)."""
    handle.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    while block := handle.read(2**20):
        try:
            decoder.decode(block)
        except UnicodeDecodeError as error:
            return line + block.count(b"\n", 0, max(error.start, 0))
        line += block.count(b"\n")
    return line


@contextlib.contextmanager
def _text(handle: BinaryIO, encoding: str) -> Iterator[io.TextIOWrapper]:
    """The binary file as text, without closing it afterwards."""
    wrapper = io.TextIOWrapper(handle, encoding=encoding, newline="")
    try:
        yield wrapper
    finally:
        wrapper.detach()


# --- xlsx -------------------------------------------------------------------------------------


class _Sheet:
    """An xlsx sheet's rows with each cell as the row reader takes it: a date, a Decimal (from
    a number cell) or text; `line_num` the sheet row last read, as csv.reader has it."""

    def __init__(self, rows: Any, kinds: dict[int, str], width: int) -> None:
        self._rows = rows
        self._kinds = kinds
        self._width = width

    @property
    def line_num(self) -> int:
        return int(self._rows.line_num)

    def __iter__(self) -> _Sheet:
        return self

    def __next__(self) -> list[Any]:
        from iomstrat.loader.xlsx_ledger import cell_value

        cells = next(self._rows)
        while len(cells) > self._width and cells[-1] in (None, ""):
            cells.pop()
        cells += [None] * (self._width - len(cells))
        kinds = self._kinds
        return [
            cell_value(value, amount=kinds[i] == "amount") if i in kinds else _cell(value)
            for i, value in enumerate(cells)
        ]


def _cell(value: Any) -> str:
    """A cell read as text (line, currency, voucher, year…): a whole number gives its digits."""
    from iomstrat.loader.xlsx_ledger import cell_value

    converted = cell_value(value, amount=False)
    return converted.isoformat() if isinstance(converted, dt.date) else str(converted)


def _read_xlsx(handle: BinaryIO, ledger: Declared, source: int, payments: Payments) -> None:
    from iomstrat.loader.xlsx_ledger import NotReadable, OverLimit, open_sheet

    path = ledger.path

    records = len(payments)
    try:  # twice: the header and the dialect from the first rows, then every row, streamed
        sheet = open_sheet(handle, ledger.sheet)
        header = [_cell(v) for v in next(sheet, [])]
        while header and not header[-1]:
            header.pop()
        # The dialect of the text cells: dates and numbers typed as such are taken as they are.
        texts = ([v.strip() if isinstance(v, str) else None for v in row] for row in sheet)
        plan = _plan(path, header, texts, ledger, None, payments.diagnostics)
        if plan is None:
            return
        index = plan.layout.index
        kinds: dict[int, str] = {
            index[k]: k for k in ("amount", "exchange_rate", "date") if k in index
        }
        handle.seek(0)
        sheet = open_sheet(handle, ledger.sheet)
        next(sheet, None)
        rows = _Sheet(sheet, kinds, plan.layout.width)
        where = f"{os.path.basename(path)}[{sheet.name}]"
        for note in sheet.notes:
            payments.diagnostics.append(finding(path, 1, 1, LEDGER_SHEET, note=note))
        _rows(path, rows, plan, ledger, source, payments, where)
    except OverLimit as error:
        payments.truncate(records)
        why = finding(path, 1, 1, LEDGER_LIMIT, problem=error.why)
        payments.diagnostics.append(why)
    except NotReadable as error:
        payments.truncate(records)
        why = finding(path, 1, 1, LEDGER_UNREADABLE, kind="workbook", problem=error.why)
        payments.diagnostics.append(why)
    except Exception as error:  # openpyxl raises what its XML parsers raise
        payments.truncate(records)
        broken = phrase("workbook.broken", error=type(error).__name__)
        why = finding(path, 1, 1, LEDGER_UNREADABLE, kind="workbook", problem=broken)
        payments.diagnostics.append(why)


# --- the rows, in either kind of file ---------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """Which column holds what."""

    index: dict[str, int]
    width: int


@dataclass(frozen=True)
class _Plan:
    """How a ledger's rows are read: its columns, number style and date format."""

    layout: _Layout
    numbers: dialect.Numbers
    date_format: str
    trailing: int = 0  # empty names after the header's last (a trailing `;`)


def _plan(
    path: str,
    header: list[Any] | None,
    rows: Iterator[list[Any]],
    ledger: Declared,
    delimiter: str | None,
    diagnostics: list[Diagnostic],
) -> _Plan | None:
    """The columns from the header and the dialect from the first rows (and, when those cannot
    tell the dates apart, from every row); None after a finding that says what to declare."""

    def refuse(code: str, kind: str, **values: Any) -> None:
        """A catalogued finding that stops the ledger (its words come from render)."""
        diagnostics.append(finding(path, 1, 1, code, kind=kind, severity=Severity.FATAL, **values))

    names = [str(name).strip() for name in header or ()]
    while names and not names[-1]:  # a trailing delimiter (`...;exchange_rate;`) names nothing
        names.pop()
    if not names:
        refuse(LEDGER_HEADER, "empty")
        return None
    layout = _layout(names, ledger, delimiter, refuse)
    if layout is None:
        return None
    sample = list(islice(rows, SAMPLE_ROWS))

    def column(name: str, rows: Iterable[list[Any]]) -> Iterator[str]:
        i = layout.index.get(name)
        if i is not None:
            for cells in rows:
                if len(cells) > i and isinstance(cells[i], str) and cells[i]:
                    yield cells[i].strip()

    try:
        numbers = dialect.numbers_of(
            column("amount", sample),
            column("exchange_rate", sample),
            ledger.decimal,
            ledger.thousands,
        )
    except dialect.Contradiction as contradiction:
        refuse(LEDGER_SETTINGS, contradiction.kind, **contradiction.values)
        return None
    try:
        date_format = dialect.date_format_of(column("date", sample), ledger.date_format)
    except dialect.AmbiguousDates as first:
        try:
            rest = chain([first.example], column("date", rows))
            date_format = dialect.date_format_of(rest, None)
        except dialect.AmbiguousDates:
            day, month = first.choices
            refuse(
                LEDGER_DIALECT,
                "dates",
                text=loader.echo(first.example),
                day=day,
                month=month,
                day_format=day,
                month_format=month,
            )
            return None
    return _Plan(layout, numbers, date_format, len(header or ()) - len(names))


def _layout(
    names: list[str],
    ledger: Declared,
    delimiter: str | None,
    refuse: Callable[..., None],
) -> _Layout | None:
    """The column of each field, or None after a finding that teaches the header."""
    mapping = ledger.columns
    if not mapping:  # the documented names, in any case (as mapped names are matched)
        folded_header = [n.casefold() for n in names]
        missing = [c for c in REQUIRED_COLUMNS if c not in folded_header]
        unknown = [
            n for n, f in zip(names, folded_header, strict=True)
            if f not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
        ]  # fmt: skip
        twice = len(set(folded_header)) != len(folded_header)
        if not (missing or unknown or twice):
            return _Layout({n: i for i, n in enumerate(folded_header)}, len(names))
        if twice and not (missing or unknown):
            refuse(LEDGER_HEADER, "twice")
            return None
        kind, values = _teach_header(names, missing, ledger, unknown)
        refuse(LEDGER_HEADER, kind, **values)
        return None
    folded_names = [n.casefold() for n in names]
    folded = {n: i for i, n in reversed(list(enumerate(folded_names)))}
    index: dict[str, int] = {}
    for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
        header = mapping.get(name, name)
        at = folded.get(header.strip().casefold())
        if at is not None:
            index[name] = at
    missing = [c for c in MAPPED_REQUIRED if c not in index]
    absent = [f"{k}: {mapping[k]}" for k in mapping if k not in index]
    if absent or missing:
        kind, values = _teach_header(names, missing, ledger, [], absent)
        refuse(LEDGER_HEADER, kind, **values)
        return None
    # A column read by a name the header gives twice: which one holds the figures is not known.
    doubled = []
    for field, at in index.items():
        places = [str(i + 1) for i, n in enumerate(folded_names) if n == folded_names[at]]
        if len(places) > 1:
            heading = loader.echo(names[at])
            doubled.append(phrase("header.doubled", column=field, heading=heading, at=places))
    if doubled:
        refuse(LEDGER_HEADER, "doubled", doubled=tuple(doubled))
        return None
    return _Layout(index, len(names))


def _teach_header(
    names: list[str],
    missing: list[str],
    ledger: Declared,
    unknown: list[str],
    absent: list[str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """What was read, what is missing, and the `ledgers:` entry to paste (ledger_inspect): the
    finding's kind and values."""
    from iomstrat.loader.ledger_inspect import header_hint

    faults = [phrase("header.no_column", columns=tuple(missing))] if missing else []
    if absent:
        faults.append(phrase("header.no_header", columns=tuple(absent)))
    if unknown and not missing:
        faults.append(
            phrase(
                "header.unknown",
                name=loader.echo(unknown[0]),
                required=",".join(REQUIRED_COLUMNS),
                optional=tuple(OPTIONAL_COLUMNS),
            )
        )
    return header_hint(ledger, names, tuple(faults))


def _rows(
    path: str,
    reader: Any,
    plan: _Plan,
    ledger: Declared,
    source: int,
    payments: Payments,
    sheet: str,
) -> None:
    """Every row of an xlsx sheet to a Payment, or to a finding that names its cell."""
    rows = _Rows(path, plan, ledger, source, payments, sheet)
    rows.one_by_one((cells, reader.line_num) for cells in reader)
    rows.finish()


class _CsvError(Exception):
    """What csv.reader said of a ledger, and at which line."""

    def __init__(self, message: str, line: int, *, long: bool = False) -> None:
        super().__init__(message)
        self.line = line
        self.long = long  # a line longer than any cell may be (`_LongLine`)


BLOCK_CHARS = 1 << 17
"""Bytes of a CSV ledger read, decoded and split at a time (whole lines: about 2 700 rows)."""
FIELD_LIMIT = csv.field_size_limit()


def _csv_rows(handle: BinaryIO, encoding: str, delimiter: str, rows: _Rows) -> None:
    """Every data row of a CSV ledger to `rows`. A block of lines without quotes, with `\n` or
    `\r\n` line ends, is split at its delimiter by `str.split` and read a column at a time;
    csv.reader reads a block whose lines are not all as wide as the header (it has blank
    lines, or a row a finding must name), and the rest of the file from the first quote on
    (a quoted cell may hold a delimiter or a line break)."""
    blocks = _blocks(handle, encoding)
    try:
        _split_blocks(blocks, delimiter, rows)
    except _LongLine as error:  # in a block read by str.split: the line after the last
        raise _CsvError(str(error), rows.lines_read + 1, long=True) from None


def _split_blocks(blocks: Iterator[str], delimiter: str, rows: _Rows) -> None:
    """`_csv_rows` block by block; `rows.lines_read` the lines of the file read so far."""
    line = 0
    for text in blocks:
        if line == 0:
            header, newline, text = text.partition("\n")
            if '"' in header or "\r" in header.removesuffix("\r"):
                reader = csv.reader(
                    _lines(chain([header + newline + text], blocks)), delimiter=delimiter
                )
                next(reader, None)
                rows.read(reader, 0)
                return
            line = rows.lines_read = 1
            if not text:
                continue
        # From the first quote, or a line ended by a carriage return alone, csv.reader reads.
        lone_cr = "\r" in text and "\r" in text.replace("\r\n", "")
        if '"' in text or lone_cr:
            rows.read(csv.reader(_lines(chain([text], blocks)), delimiter=delimiter), line)
            return
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        count = text.count("\n") + (not text.endswith("\n"))
        # csv.reader refuses a NUL byte and a cell beyond its limit, at their line.
        refused = "\x00" in text or (
            len(text) > FIELD_LIMIT and max(map(len, text.split("\n"))) > FIELD_LIMIT
        )
        if refused or not rows.split(text, delimiter, line + 1, count):
            rows.read(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), line)
        line += count
        rows.lines_read = line


class _LongLine(csv.Error):
    """A line longer than csv.reader would ever accept: the file is not read on."""


MAX_LINE_BYTES = 1 << 23
"""Longest line read (8 MiB): csv.reader refuses a cell beyond 131 072 characters anyway."""


def _blocks(handle: BinaryIO, encoding: str) -> Iterator[str]:
    """The file's text in blocks of whole lines (each ends with a line feed, or a carriage
    return in a file whose lines end so; the last may end with neither), cut before decoding:
    in every encoding a ledger may declare (UTF-8, cp1252, Latin-1) the bytes 0x0A and 0x0D are
    a line feed and a carriage return and nothing else. The bytes of an unfinished line are
    kept in pieces and only new bytes are searched, so a long line costs its length once."""
    decoder = codecs.getincrementaldecoder(encoding)()
    pending: list[bytes] = []
    size = 0
    while data := handle.read(BLOCK_CHARS):
        # A final carriage return may be the first half of a CR LF: not a place to cut.
        cut = data.rfind(b"\n") + 1 or data.rfind(b"\r", 0, len(data) - 1) + 1
        if not cut:
            pending.append(data)
            size += len(data)
            if size > MAX_LINE_BYTES:
                raise _LongLine(f"a line longer than {MAX_LINE_BYTES >> 20} MiB")
            continue
        yield decoder.decode(b"".join([*pending, data[:cut]]))
        pending, size = [data[cut:]], len(data) - cut
    text = decoder.decode(b"".join(pending), final=True)
    if text:
        yield text


def _lines(blocks: Iterable[str]) -> Iterator[str]:
    """Blocks of text as the lines csv.reader reads (ends kept: `\n`, `\r\n` or `\r`)."""
    for block in blocks:
        yield from io.StringIO(block, newline="")


CHUNK_ROWS = 20_000
"""Rows csv.reader gives at a time, checked column by column at once (C-level maps); a chunk
with any bad row is read again row by row for its findings."""
SAMPLE_AMOUNTS = 200
"""Amounts of a block that tell whether it repeats its amounts."""


def _numbered(chunk: list[list[str]], first: int) -> Iterator[tuple[list[str], int]]:
    """Each row with its first line: a quoted cell may hold line breaks."""
    row = first
    for cells in chunk:
        yield cells, row
        row += 1
        for cell in cells:
            if "\n" in cell or "\r" in cell:
                row += cell.count("\n") + cell.count("\r") - cell.count("\r\n")


class _Rows:
    """The rows of one ledger to Payments: a chunk of good rows column by column, the others
    one by one with a finding each. Values that repeat (dates, lines, currencies, years, rates,
    allocations) are checked once and kept as one object."""

    def __init__(
        self,
        path: str,
        plan: _Plan,
        ledger: Declared,
        source: int,
        payments: Payments,
        sheet: str | None,
    ) -> None:
        self.path, self.plan, self.source, self.payments, self.sheet = (
            path,
            plan,
            source,
            payments,
            sheet,
        )
        index = plan.layout.index
        self.columns = tuple(index[c] for c in MAPPED_REQUIRED)
        self.i_rate = index.get("exchange_rate")
        self.i_year = index.get("year")
        self.i_alloc = index.get("allocation")
        self.i_refund = index.get("refund")
        self.width = plan.layout.width
        # A CSV file of the documented names is as wide as its header, its empty names after
        # the last (a trailing `;`) included: a row wider holds a shifted cell. A mapped export
        # or a sheet may have more columns, which are ignored (when empty, in a CSV file).
        self.widest = plan.layout.width + plan.trailing
        if ledger.columns or sheet is not None:
            self.widest = sys.maxsize
        self.bad = 0
        self.first_unlisted = 0  # the row of the first bad row not listed
        self.lines_read = 0  # of a CSV file, by the blocks split so far
        numbers = plan.numbers
        self.parse_date = dialect.date_parser(plan.date_format)
        self.parse_amount = dialect.amount_parser(numbers)
        self.parse_rate = dialect.rate_parser(numbers)
        if sheet is not None:
            self.parse_date, self.parse_amount, self.parse_rate = _typed(
                self.parse_date, self.parse_amount, self.parse_rate
            )
        self.amount_texts = dialect.amount_column(numbers)
        self.lines = ledger.lines or {}
        self.dates: dict[Any, tuple[dt.date, int] | None] = {}
        self.days: dict[Any, dt.date] = {}  # the valid ones of `dates`, by column
        self.day_years: dict[Any, int] = {}
        self.line_ids: dict[str, str | None] = {}
        self.currencies: dict[str, str | None] = {}
        self.years: dict[str, int | None] = {}
        self.rates: dict[str, Decimal | None] = {"": None}
        self.allocations: dict[str, str | None] = {"": None}

    def _date(self, text: Any) -> tuple[dt.date, int] | None:
        dated = self.dates.get(text, _UNSEEN)
        if dated is _UNSEEN:
            day = self.parse_date(text)
            dated = (day, day.year) if day is not None else None
            if len(self.dates) < 100_000:  # beyond: a hostile file, read row by row
                self.dates[text] = dated
                if day is not None:
                    self.days[text], self.day_years[text] = day, day.year
        return dated  # type: ignore[no-any-return]

    def _line(self, text: str) -> str | None:
        line_id = self.line_ids.get(text, "")
        if line_id == "":
            line_id = _line_id(text, self.lines)
            if len(self.line_ids) < 100_000:
                self.line_ids[text] = line_id
        return line_id

    def _currency(self, text: str) -> str | None:
        currency = self.currencies.get(text, "")
        if currency == "":
            currency = text if _CURRENCY.fullmatch(text) else None
            if len(self.currencies) < 100_000:
                self.currencies[text] = currency
        return currency

    def _rate(self, text: Any) -> Decimal | None:
        if text in self.rates:
            return self.rates[text]
        rate = self.parse_rate(text)
        if len(self.rates) < 100_000:
            self.rates[text] = rate
        return rate

    def _year(self, text: str) -> int | None:
        found = self.years.get(text, 0)
        if found == 0:
            found = self.years[text] = int(text) if _YEAR.fullmatch(text) else None
        return found

    def _allocation(self, text: str) -> str | None:
        return self.allocations.setdefault(text, text)

    def read(self, reader: Any, base: int) -> None:
        """The rows csv.reader reads, `base` lines of the file before its first."""
        try:
            while True:
                first = base + reader.line_num + 1
                chunk = list(islice(reader, CHUNK_ROWS))
                if not chunk:
                    return
                if not self.by_rows(chunk, first, base + reader.line_num):
                    self.one_by_one(_numbered(chunk, first))
        except csv.Error as error:  # a long line: the one after those csv.reader has read
            at = base + reader.line_num + isinstance(error, _LongLine)
            raise _CsvError(str(error), at, long=isinstance(error, _LongLine)) from None

    def by_rows(self, chunk: list[list[str]], first: int, last: int) -> bool:
        """`by_columns` for rows as csv.reader gives them: each on one line of the file."""
        widths = set(map(len, chunk))
        if last - first + 1 != len(chunk) or len(widths) != 1 or not self.wide_enough(*widths):
            return False
        if self.shifted(widths.pop(), lambda i: map(itemgetter(i), chunk)):
            return False
        return self.by_columns(lambda i: list(map(itemgetter(i), chunk)), len(chunk), first)

    def split(self, text: str, delimiter: str, first: int, count: int) -> bool:
        """`by_columns` for the `count` lines of a text without quotes (line ends `\n`, the
        last line's optional), split at the delimiter at once after a delimiter is put before
        each line feed: a line feed then starts a cell, and no cell holds two. The lines are
        all as wide as the first when the `count - 1` line feeds are all in the cells where a
        line of that width would start; else False (nothing added)."""
        end = text.find("\n")
        width = text.count(delimiter, 0, end if end >= 0 else len(text)) + 1  # the first line's
        if not self.wide_enough(width):
            return False
        cells = text.replace("\n", delimiter + "\n").split(delimiter)
        if text.endswith("\n"):
            cells.pop()  # what followed the last line's end
        starts = "".join(cells[::width])  # each line's first cell, with its line feed
        if len(cells) != count * width or starts.count("\n") != count - 1:
            return False
        if self.shifted(width, lambda i: cells[i::width]):
            return False

        def column(i: int) -> list[str]:
            return starts.split("\n") if i == 0 else cells[i::width]

        return self.by_columns(column, count, first)

    def wide_enough(self, width: int) -> bool:
        """Whether rows this wide are read column by column: as wide as the header, or wider
        up to `widest` (the columns beyond the header ignored, when they are empty)."""
        return self.width <= width <= self.widest

    def shifted(self, width: int, column: Callable[[int], Iterable[str]]) -> bool:
        """Whether a CSV row wider than the header holds text beyond it: a delimiter inside an
        unquoted text has moved the cells after it (a balance column's figure may then be read
        as the amount). Empty cells there (a trailing `;`) are harmless; a sheet's cells never
        move."""
        return self.sheet is None and any(any(column(i)) for i in range(self.width, width))

    def by_columns(self, column: Callable[[int], list[str]], n: int, first: int) -> bool:
        """Payments of `n` rows on lines `first`... in which every row is good, checked and
        built a column at a time (`column(i)` the texts of the header's column i); False
        (nothing added) when a row needs a finding."""
        caches = (len(self.dates), len(self.rates), len(self.line_ids), len(self.currencies))
        if max(caches) >= 50_000:  # kept below 100 000: every text of a chunk cached
            return False
        i_date, i_line, i_amount, i_currency, i_voucher = self.columns

        date_texts = column(i_date)
        distinct_dates = set(date_texts)
        if None in map(self._date, distinct_dates):
            return False
        # Each date once, and its year (two lookups a cell, not a pair made and taken apart).
        days = _mapped(self.days, date_texts, distinct_dates)
        line_ids = _known(self.line_ids, self._line, column(i_line))
        currencies = _known(self.currencies, self._currency, column(i_currency))
        if line_ids is None or currencies is None:
            return False
        amounts = self.amount_texts(column(i_amount))
        if amounts is None:
            return False
        vouchers = column(i_voucher)
        if not _vouchers_good(vouchers):
            return False  # read again row by row: the finding names the row
        rates: Iterable[Decimal | None] = repeat(None, n)
        if self.i_rate is not None:
            texts = column(self.i_rate)
            distinct = _distinct(texts)
            if any(t != "" and self._rate(t) is None for t in distinct):
                return False
            rates = _mapped(self.rates, texts, distinct)
        if self.i_year is not None:
            texts = column(self.i_year)
            if any(t != "" and self._year(t) is None for t in set(texts)):
                return False
            years: Iterable[int] = [
                self.years[t] if t else d.year  # type: ignore[misc]
                for t, d in zip(texts, days, strict=True)
            ]
        else:
            years = _mapped(self.day_years, date_texts, distinct_dates)
        allocations: Iterable[str | None] = repeat(None, n)
        if self.i_alloc is not None:
            texts = column(self.i_alloc)
            distinct_allocations = set(texts)
            if unsafe("".join(distinct_allocations)) is not None:
                return False
            if any(t != t.strip() for t in distinct_allocations):
                return False  # read row by row, which strips the cells
            allocations = map(self.allocations.setdefault, texts, texts)
        refunds: Iterable[bool] = repeat(False, n)
        if self.i_refund is not None:
            texts = column(self.i_refund)
            if any(_refund(t) is None for t in set(texts)):
                return False
            refunds = map(_refund, texts)  # type: ignore[arg-type]
        self.payments.extend(
            (
                days,
                line_ids,
                self._decimals(amounts),
                currencies,
                vouchers,
                rates,
                years,
                allocations,
                array("q", [self.source]) * n,
                array("q", range(first, first + n)),
                refunds,
            )
        )
        return True

    def _decimals(self, texts: Sequence[str]) -> Iterable[Decimal]:
        """The amounts of a column. Where the first cells repeat their amounts (a ledger of
        monthly payments of one size), one Decimal for each distinct text of the block:
        a Decimal is 104 bytes. Otherwise one per cell: a cache of the ledger's amounts cost
        more time to look up (0.5 s a million) than making each amount (0.2 s)."""
        if len(set(texts[:SAMPLE_AMOUNTS])) * 2 > min(len(texts), SAMPLE_AMOUNTS):
            return map(Decimal, texts)
        values = {text: Decimal(text) for text in set(texts)}
        return map(values.__getitem__, texts)

    def one_by_one(self, rows: Iterable[tuple[list[Any], int]]) -> None:
        """Each row to a Payment or a finding."""
        i_date, i_line, i_amount, i_currency, i_voucher = self.columns
        i_rate, i_year, i_alloc = self.i_rate, self.i_year, self.i_alloc
        width = self.width
        numbers, add, sheet = self.plan.numbers, self.payments.add, self.sheet
        parse_amount = self.parse_amount
        for cells, row in rows:
            # Spaces around a cell are the file's layout (`date, line, amount`), not its value:
            # gone here as the column path never takes a cell that has them.
            cells = [cell.strip() if isinstance(cell, str) else cell for cell in cells]
            problem: Phrase | None = None
            column = 0
            if len(cells) != width and (
                not width <= len(cells) <= self.widest or (sheet is None and any(cells[width:]))
            ):
                if all(cell == "" for cell in cells):  # blank line
                    continue
                problem = phrase("ledger.fields", count=len(cells), width=width)
            else:
                date_text = cells[i_date]
                dated = self._date(date_text)
                amount_text = cells[i_amount]
                amount = parse_amount(amount_text)
                line_text = cells[i_line]
                line_id = self._line(line_text)
                currency_text = cells[i_currency]
                currency = self._currency(currency_text)
                voucher = cells[i_voucher]
                rate_text = cells[i_rate] if i_rate is not None else ""
                rate = self._rate(rate_text)
                # Why a row is bad is worded only for a row listed: beyond the first thousand
                # (`findings.MAX_PER_CODE`) a bad row is counted, not told about.
                listed = self.bad < MAX_PER_CODE
                if dated is None:
                    problem = _bad_date(date_text, self.plan.date_format) if listed else UNLISTED
                    column = i_date
                elif amount is None:
                    problem = _bad_amount(amount_text, numbers) if listed else UNLISTED
                    column = i_amount
                elif line_id is None:
                    problem = _bad_line(line_text, self.lines) if listed else UNLISTED
                    column = i_line
                elif currency is None:
                    problem = _bad_currency(currency_text) if listed else UNLISTED
                    column = i_currency
                elif (problem := _voucher_problem(voucher)) is not None:
                    column = i_voucher
                elif self.i_alloc is not None and (found_unsafe := unsafe(cells[self.i_alloc])):
                    problem = phrase("ledger.allocation", problem=_unsafe(found_unsafe))
                    column = self.i_alloc
                elif rate is None and rate_text != "":
                    comma = numbers.decimal == "." and "," in str(rate_text)
                    rate_kind = "ledger.rate_comma" if comma else "ledger.rate"
                    problem = phrase(rate_kind, text=loader.echo(str(rate_text)))
                    column = i_rate or 0
                if problem is None and dated is not None:
                    date, year = dated
                    if i_year is not None and cells[i_year]:
                        found = self._year(cells[i_year])
                        if found is None:
                            problem = phrase("ledger.year", text=loader.echo(cells[i_year]))
                            column = i_year
                        else:
                            year = found
                refund: bool | None = False
                if problem is None and self.i_refund is not None:
                    refund = _refund(cells[self.i_refund])
                    if refund is None:
                        refund_text = loader.echo(str(cells[self.i_refund]))
                        problem = phrase("ledger.refund", text=refund_text)
                        column = self.i_refund
                if problem is None and dated is not None:
                    add(
                        Payment(
                            date,
                            line_id,  # type: ignore[arg-type]  # checked above
                            amount,  # type: ignore[arg-type]
                            currency,  # type: ignore[arg-type]
                            voucher,
                            rate,
                            year,
                            self._allocation(cells[i_alloc]) if i_alloc is not None else None,
                            self.source,
                            row,
                            bool(refund),
                        )
                    )
                    continue
            self.bad += 1
            if self.bad == MAX_PER_CODE + 1:
                self.first_unlisted = row
            if self.bad <= MAX_PER_CODE:
                if sheet is None:
                    bad = finding(self.path, row, 1, LEDGER_VALUE, kind="row", problem=problem)
                else:
                    from iomstrat.loader.xlsx_ledger import cell_name

                    at = column + 1
                    bad = finding(
                        self.path,
                        row,
                        at,
                        LEDGER_VALUE,
                        kind="cell",
                        sheet=sheet,
                        cell=cell_name(at, row),
                        problem=problem,
                    )
                self.payments.diagnostics.append(bad)

    def finish(self) -> None:
        if self.bad > MAX_PER_CODE:  # the rest counted, not made (`findings.limit` merges it)
            count = self.bad - MAX_PER_CODE
            self.payments.diagnostics.append(
                more(self.path, self.first_unlisted, LEDGER_VALUE, count)
            )


def _voucher_problem(text: str) -> Phrase | None:
    """The voucher rule, for one cell: not empty nor white space alone, no refused character."""
    if not text or text.isspace():
        return phrase("ledger.voucher_empty")
    found = unsafe(text)
    return None if found is None else phrase("ledger.voucher", problem=_unsafe(found))


def _unsafe(found: Unsafe) -> Phrase:
    """A refused character of a cell, as the model's text fields say it (`value.unsafe_*`)."""
    kind, values = found.described()
    return phrase(f"value.{kind}", **values)


def _vouchers_good(column: list[str]) -> bool:
    """`_voucher_problem` for a column at once: True only if it holds for no cell. Printable
    (then no refused character) and without a space, no voucher can be white space alone
    either; only a column with spaces or unprintable characters is looked at closer."""
    joined = "".join(column)
    clean = printable(joined) and " " not in joined
    if "" in column or (not clean and any(map(str.isspace, column))):
        return False
    if not clean and any(t != t.strip() for t in column):
        return False  # read row by row, which strips the cells
    return clean or unsafe(joined) is None


def _bad_currency(text: str) -> Phrase:
    from iomstrat.rates import did_you_mean

    meant = did_you_mean(text)
    if meant:
        return phrase("ledger.currency_suggest", text=loader.echo(text), suggestion=meant)
    return phrase("ledger.currency", text=loader.echo(text))


def _refund(text: str) -> bool | None:
    return REFUND_MARKS.get(str(text).strip().lower())


def _known(cache: dict[Any, Any], fill: Callable[[Any], object], column: list[str]) -> Any:
    """The cached value of every cell of a column, each distinct text checked once through
    `fill`; None when a text's value is None (not valid)."""
    distinct = _distinct(column)
    for text in distinct:
        if cache.get(text, _UNSEEN) is _UNSEEN:
            fill(text)
        if cache.get(text) is None:
            return None
    return _mapped(cache, column, distinct)


def _distinct(column: list[str]) -> set[str]:
    """The texts of a column; one text (a currency, empty rates) told by `count` (no hashing)."""
    if column and column.count(column[0]) == len(column):
        return {column[0]}
    return set(column)


def _mapped(cache: dict[Any, Any], column: list[str], distinct: set[str]) -> list[Any]:
    """The cached value of every cell; a column of one text (one currency, no rates) at once."""
    if len(distinct) == 1:
        return [cache[column[0]]] * len(column)
    return list(map(cache.__getitem__, column))


def _line_id(text: str, lines: dict[str, str]) -> str | None:
    """The budget line a row names: through the ledger's `lines:` mapping, else itself."""
    mapped = lines.get(text.strip())
    if mapped is not None:
        return mapped
    return text if _LINE.fullmatch(text) else None


def _bad_line(text: str, lines: dict[str, str]) -> Phrase:
    if lines:
        known = tuple(loader.echo(k) for k in list(lines)[:10])
        return phrase("ledger.line_mapped", text=loader.echo(text), known=known)
    return phrase("ledger.line", text=loader.echo(text))


def _bad_date(value: Any, date_format: str) -> Phrase:
    text = loader.echo(str(value))
    other = dialect.other_date_format(str(value)) if isinstance(value, str) else None
    if other is not None and other != date_format:
        return phrase(
            "ledger.date_other",
            text=text,
            format=date_format,
            other=other,
            declare=other,
        )
    return phrase("ledger.date", text=text, format=date_format)


def _bad_amount(value: Any, numbers: dialect.Numbers) -> Phrase:
    text = loader.echo(str(value))
    if dialect.beyond_bound(str(value)):
        return phrase("ledger.amount_bound", text=text)
    written = {
        "text": text,
        "decimal": numbers.decimal,
        "thousands": numbers.thousands,
        "example": _example(numbers),
    }
    other = dialect.reread_amount(value, numbers) if isinstance(value, str) else None
    if other is not None:
        amount, style = other
        return phrase(
            "ledger.amount_other",
            **written,
            reads=str(amount),
            other_decimal=style.decimal,
            other_thousands=style.thousands,
            declare=_declaration(style),
        )
    return phrase("ledger.amount", **written)


def _declaration(numbers: dialect.Numbers) -> str:
    """The `ledgers:` settings that read amounts in this style: a decimal mark alone implies
    the other of `.` and `,` as thousands separator, so a space is declared too."""
    declared = f'decimal: "{numbers.decimal}"'
    if numbers.thousands == " ":
        declared += f', thousands: "{numbers.thousands}"'
    return declared


def _example(numbers: dialect.Numbers) -> str:
    return f"1{numbers.thousands}250{numbers.thousands}000{numbers.decimal}00"


def _typed(
    parse_date: Callable[[str], dt.date | None],
    parse_amount: Callable[[str], Decimal | None],
    parse_rate: Callable[[str], Decimal | None],
) -> tuple[Callable[[Any], Any], Callable[[Any], Any], Callable[[Any], Any]]:
    """The parsers for an xlsx sheet: text cells as in a CSV ledger, typed cells as they are."""
    from iomstrat.loader.dialect import MAX_AMOUNT, MAX_RATE

    def date(value: Any) -> dt.date | None:
        if isinstance(value, str):
            return parse_date(value)
        return value if isinstance(value, dt.date) else None

    def amount(value: Any) -> Decimal | None:
        if isinstance(value, Decimal):
            return value if value.is_finite() and abs(value) < MAX_AMOUNT else None
        return parse_amount(value) if isinstance(value, str) else None

    def rate(value: Any) -> Decimal | None:
        if isinstance(value, Decimal):
            return value if value.is_finite() and 0 < value < MAX_RATE else None
        return parse_rate(value) if isinstance(value, str) else None

    return date, amount, rate
