"""What iomstrat reads in a CSV or TSV ledger before it reads a payment: its encoding, delimiter,
header, the column each field would come from, the date order and number style of the first
rows, and the `ledgers:` entry that reads it. Serves the finding of a header that matches no
mapping (a ready entry to paste) and `iomstrat ledger inspect`.

Only the head of the file is read (SAMPLE_BYTES); the file is the user's, opened as a regular
file only (loader/ledger_files.py)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from iomstrat.findings import Phrase
from iomstrat.loader import dialect
from iomstrat.loader import documents as loader
from iomstrat.loader import ledger_files as files
from iomstrat.loader.dialect import Declared

SAMPLE_BYTES = 65536
SAMPLE_ROWS = 200
REQUIRED = ("date", "line", "amount", "currency", "voucher")
"""What a mapped export needs (exchange_rate, note and the rest are optional)."""
FIELDS = (*REQUIRED, "exchange_rate", "note", "year", "allocation", "refund")
GUESSES = {
    "date": ("dato", "date"),
    "line": ("konto", "account", "line", "linje"),
    "amount": ("beløb", "belob", "beloeb", "amount"),
    "currency": ("valuta", "currency"),
    "voucher": ("bilag", "voucher", "reference"),
    "exchange_rate": ("kurs", "rate"),
    "note": ("tekst", "text", "note"),
    "year": ("bevillingsår", "år", "year"),
    "allocation": ("allokering", "allocation"),
    "refund": ("tilbagebetal", "refund"),
}
"""Header words that suggest a column (the first header holding one wins)."""
OTHER_SEPARATORS = "|:!^~#"
"""Characters a one-column header may be split by, which iomstrat does not read as a delimiter."""
LINE_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")


@dataclass(frozen=True)
class Inspection:
    """A ledger's head as iomstrat reads it. `delimiter` None: the header holds none of `,` `;`
    tab, and `foreign` names the character it seems split by instead."""

    path: str
    kind: str  # "csv" or "xlsx"
    encoding: str | None
    delimiter: str | None
    foreign: str | None
    header: tuple[str, ...]
    columns: dict[str, str]  # field -> the header that holds it (as mapped or guessed)
    own_header: bool  # the header is iomstrat's own: no `columns:` mapping needed
    rows: tuple[tuple[str, ...], ...]  # the first rows, as split
    date_format: str | None
    date_choices: tuple[str, ...] = ()  # day- or month-first, when no day above 12 tells
    numbers: dialect.Numbers | None = None
    accounts: tuple[str, ...] = ()  # line-column values that are no line id (to map)
    problems: tuple[str, ...] = field(default=())

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(f for f in REQUIRED if f not in self.columns)


def guess(field_name: str, names: Sequence[str]) -> str | None:
    """The header that holds a field: the field's own name, else one holding a word for it."""
    if field_name in names:
        return field_name
    for name in names:
        folded = name.casefold()
        if any(word in folded for word in GUESSES.get(field_name, ())):
            return name
    return None


def inspect(
    ledger: Declared, header: Sequence[str] | None = None, rows: Iterable[Sequence[str]] = ()
) -> Inspection:
    """The head of a CSV/TSV ledger (read from its file), or of an xlsx ledger's header and
    rows as its reader gave them (`header`). OSError and files.Refused pass up."""
    if header is not None:
        return _inspection(ledger, "xlsx", None, None, None, list(header), [list(r) for r in rows])
    handle, _ = files.open_regular(ledger.path)
    with handle:
        head = handle.read(SAMPLE_BYTES)
    encoding = ledger.encoding or _encoding(head)
    text = head.decode(encoding, errors="replace")
    if len(head) == SAMPLE_BYTES and "\n" in text:
        text = text[: text.rindex("\n") + 1]  # whole lines only
    first_line = re.split(r"\r\n?|\n", text, maxsplit=1)[0]  # whatever ends the header line
    split = dialect.sniff_delimiter(first_line, ledger.delimiter)
    delimiter: str | None = split
    foreign = None
    if split not in first_line:  # one column: split by something else?
        others = (*dialect.DELIMITERS, *OTHER_SEPARATORS)
        foreign = next((c for c in others if c != split and c in first_line), None)
        if foreign is not None and foreign not in dialect.DELIMITERS:
            delimiter = None
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=split))
    except csv.Error:
        table = [line.split(split) for line in text.splitlines()]
    names = [name.strip() for name in table[0]] if table else []
    while names and not names[-1]:  # a trailing delimiter names nothing, as the reader reads it
        names.pop()
    body = table[1 : SAMPLE_ROWS + 1]
    return _inspection(ledger, "csv", encoding, delimiter, foreign, names, body)


def inspect_sheet(ledger: Declared) -> Inspection:
    """The header and first rows of an xlsx ledger's sheet (the one its reader reads), each
    cell as text as that reader takes it; typed dates and numbers are read as they are, so
    only text cells tell a dialect. OSError, files.Refused and the workbook's errors pass up."""
    from iomstrat.loader.xlsx_ledger import cell_value, open_sheet

    def text(value: object) -> str:
        if isinstance(value, float):
            return ""  # a number cell with decimals, taken as it is: it tells no number style
        found = cell_value(value, amount=False)
        return found.isoformat() if isinstance(found, dt.date) else str(found)

    handle, _ = files.open_regular(ledger.path)
    with handle:
        sheet = open_sheet(handle, ledger.sheet)
        header = [text(v).strip() for v in next(sheet, [])]
        rows = [[text(v) for v in row] for row in islice(sheet, SAMPLE_ROWS)]
    while header and not header[-1]:
        header.pop()
    return _inspection(ledger, "xlsx", None, None, None, header, rows)


def _encoding(head: bytes) -> str:
    """As the reader decides: UTF-8 (with or without a BOM), else cp1252."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not a character cut at the end of the sample
            return "cp1252"
    return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"


def _inspection(
    ledger: Declared,
    kind: str,
    encoding: str | None,
    delimiter: str | None,
    foreign: str | None,
    names: list[str],
    body: list[list[str]],
) -> Inspection:
    columns: dict[str, str] = {}
    folded = {n.casefold(): n for n in reversed(names)}
    if foreign is None:
        for name in FIELDS:
            if ledger.columns is not None and name in ledger.columns:
                found = folded.get(ledger.columns[name].strip().casefold())
            elif ledger.columns is not None:
                found = folded.get(name)
            else:
                found = guess(name, names)
            if found is not None and found not in columns.values():
                columns[name] = found
    index = {f: names.index(h) for f, h in columns.items()}

    def cells(name: str) -> list[str]:
        i = index.get(name)
        if i is None:
            return []
        return [str(row[i]).strip() for row in body if len(row) > i and str(row[i]).strip()]

    problems: list[str] = []
    date_format: str | None = None
    choices: tuple[str, ...] = ()
    if "date" in index:
        try:
            date_format = dialect.date_format_of(cells("date"), ledger.date_format)
        except dialect.AmbiguousDates as ambiguous:
            choices = ambiguous.choices
            problems.append("dates.ambiguous")
    numbers = None
    if "amount" in index:
        try:
            numbers = dialect.numbers_of(
                cells("amount"), cells("exchange_rate"), ledger.decimal, ledger.thousands
            )
        except dialect.Contradiction as contradiction:
            problems.append(f"numbers.{contradiction.kind}")
    lines = ledger.lines or {}
    accounts = tuple(
        dict.fromkeys(v for v in cells("line") if v not in lines and not LINE_ID.fullmatch(v))
    )
    own = set(REQUIRED) | {"exchange_rate"} <= set(names) and set(names) <= set(FIELDS)
    shown = tuple(tuple(str(c) for c in row) for row in body[:5])
    return Inspection(
        ledger.path,
        kind,
        encoding,
        delimiter,
        foreign,
        tuple(names),
        columns,
        own,
        shown,
        date_format,
        choices,
        numbers,
        accounts[:20],
        tuple(problems),
    )


def yaml_text(text: str) -> str:
    """A YAML flow scalar for `text`: plain where that reads back the same, else quoted."""
    plain = re.fullmatch(r"[^\s,:{}\[\]#&*!|>'\"%@`<-][^,:{}\[\]#]*", text)
    special = re.fullmatch(r"[-+.0-9eE:_]+|true|false|yes|no|on|off|null|~", text, re.I)
    if plain and not special and not text.endswith(" "):
        return loader.echo(text)
    return json.dumps(loader.echo(text), ensure_ascii=False)


def placeholder(key: str) -> str:
    """A place in an entry the user fills in, marked for the renderer to word in the reader's
    language (`render.ledger_words.entry`): `column.voucher` (the header of the voucher
    column) or `line` (a line id). The marks are control characters, which no text quoted
    from a ledger holds (`echo` writes them as '?')."""
    return f"\x1f{key}\x1f"


def entry(found: Inspection, path: str, lines: dict[str, str] | None = None) -> str:
    """The `ledgers:` entry that reads this ledger, in flow style on one line; a field no
    header holds gets a placeholder to fill in (the header of the voucher column), an account
    value of the line column a line id's (`placeholder`)."""
    parts = [f"path: {yaml_text(path)}"]
    if not found.own_header:
        wanted = [f for f in FIELDS if f in found.columns or f in REQUIRED]
        mapping = ", ".join(
            f"{f}: {yaml_text(found.columns[f])}"
            if f in found.columns
            else f'{f}: "{placeholder(f"column.{f}")}"'
            for f in wanted
        )
        parts.append(f"columns: {{{mapping}}}")
    mapped = [f"{yaml_text(a)}: {yaml_text(line)}" for a, line in (lines or {}).items()]
    mapped += [f"{yaml_text(a)}: {placeholder('line')}" for a in found.accounts]
    if mapped:
        parts.append(f"lines: {{{', '.join(mapped)}}}")
    if found.delimiter not in (None, ","):
        parts.append(f"delimiter: {json.dumps(found.delimiter)}")
    if found.numbers is not None and found.numbers.decimal != ".":
        parts.append(f'decimal: "{found.numbers.decimal}"')
        parts.append(f'thousands: "{found.numbers.thousands}"')
    if found.date_format not in (None, "%Y-%m-%d"):
        parts.append(f'date_format: "{found.date_format}"')
    elif found.date_choices:
        parts.append(f'date_format: "{found.date_choices[0]}"')
    if found.encoding == "cp1252":
        parts.append("encoding: cp1252")
    return "{" + ", ".join(parts) + "}"


def header_hint(
    ledger: Declared, names: Sequence[str], faults: tuple[Phrase, ...]
) -> tuple[str, dict[str, Any]]:
    """The finding of a header that matches no mapping (its kind and values): what was read,
    what is missing, and a `ledgers:` entry to paste (the ledger named as the strategy file
    must write it)."""
    try:
        found = inspect(ledger) if ledger.sheet is None and _kind(ledger.path) == "csv" else None
    except (OSError, files.Refused):
        found = None
    if found is None:
        found = _inspection(ledger, "xlsx", None, None, None, list(names), [])
    shown = ", ".join(f"'{loader.echo(n)}'" for n in names[:20]) + (" …" if len(names) > 20 else "")
    where = ledger.entry_path or os.path.basename(ledger.path)
    if found.foreign in dialect.DELIMITERS:
        return "delimiter", {
            "faults": faults,
            "delimiter": ledger.delimiter or ",",
            "shown": shown,
            "foreign": found.foreign,
            "declare": json.dumps(found.foreign),
        }
    if found.foreign is not None:
        return "split", {
            "faults": faults,
            "shown": shown,
            "split_by": found.foreign,
            "encoding": found.encoding,
        }
    matched = tuple((f, loader.echo(h)) for f, h in found.columns.items())
    return "columns", {
        "faults": faults,
        "dialect": found,
        "shown": shown,
        "matched": matched,
        "entry": entry(found, where),
    }


def _kind(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    return "yaml" if suffix in (".yaml", ".yml") else "csv"
