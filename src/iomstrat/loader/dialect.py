"""How a ledger writes its values: delimiter, decimal mark, thousands separator, date format.

Each is taken from the ledger's `ledgers:` entry when declared, else told from the file itself;
where the file cannot tell (only whole numbers, only days up to 12) the parsers that need to
know say what to declare. Pure functions of text: no files, no findings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.findings import echo

DELIMITERS = (",", ";", "\t")
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m/%d/%Y")


@dataclass(frozen=True)
class Declared:
    """A ledger's `ledgers:` entry as the loader needs it (None: detect)."""

    path: str
    columns: dict[str, str] | None = None  # our column -> the ledger's header
    delimiter: str | None = None
    decimal: str | None = None
    thousands: str | None = None
    date_format: str | None = None
    encoding: str | None = None
    lines: dict[str, str] | None = None  # finance-system account -> line id
    sheet: str | None = None
    entry_path: str | None = None  # the path as the strategy file writes it (for a hint)


def sniff_delimiter(header: str, declared: str | None) -> str:
    """The declared delimiter, else the one of `,` `;` tab the header line holds most of."""
    if declared is not None:
        return declared
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: the order of DELIMITERS
    return best if counts[best] else ","


# --- numbers ----------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"[.,]")
_NBSP = ("\u00a0", "\u202f")


@dataclass(frozen=True)
class Numbers:
    """A decimal mark and thousands separator, and the parser of amounts written with them."""

    decimal: str
    thousands: str


class Contradiction(ValueError):
    """A ledger's declared number settings contradict each other or what its amounts show:
    its kind and values (`render/messages.py` words IOM430)."""

    def __init__(self, kind: str, **values: str) -> None:
        super().__init__(kind)
        self.kind, self.values = kind, values


def numbers_of(
    amounts: Iterable[str],
    rates: Iterable[str],
    decimal: str | None,
    thousands: str | None,
) -> Numbers:
    """The number style of a file: declared, else told by the first amount whose separators can
    mean one thing only (`1.250,50`, `1250,50`, `1,250.50`, `1.250.000`), else by the mark of
    an exchange rate (`7,4536`; rates are not grouped); a file of whole numbers reads the same
    either way and gets the point. Contradiction when the two marks are one, or when the file's
    first telling amount writes its decimals with the mark a declared setting excludes (a
    declared `thousands: "."` on `250.25` would otherwise read 25025)."""
    if decimal is not None and decimal == thousands:
        raise Contradiction("same_marks", mark=decimal)
    told = next(((text, mark) for text in amounts if (mark := _decimal_mark(text))), None)
    if told is not None:
        text, mark = told
        if decimal is not None and mark != decimal:
            raise Contradiction("decimal", declared=decimal, text=echo(text), mark=mark)
        if decimal is None and mark == thousands:
            raise Contradiction("thousands", declared=mark, text=echo(text), mark=mark)
    if decimal is None:
        if told is not None:
            decimal = told[1]
        else:
            marks = (mark[-1] for mark in map(_SEPARATOR.findall, rates) if mark)
            decimal = next((m for m in marks if m != thousands), None)
            if decimal is None:
                decimal = "," if thousands == "." else "."
    if thousands is None:
        thousands = "." if decimal == "," else ","
    return Numbers(decimal, thousands)


def _decimal_mark(text: str) -> str | None:
    marks: list[str] = _SEPARATOR.findall(text)
    if not marks:
        return None
    if len(set(marks)) == 2:
        return marks[-1]  # 1.250,50 or 1,250.50: the last one is the decimal mark
    mark = marks[0]
    tail = len(text) - text.rindex(mark) - 1
    if len(marks) > 1 or tail == 3:  # 1.250.000, or 1.250 (amounts have at most 2 decimals)
        return "," if mark == "." else "."
    return mark if tail in (1, 2) else None


MAX_AMOUNT = Decimal(10) ** 15
"""As the strategy file: an amount, however written (digits, grouped, with decimals), and a
converted amount are below it in size; anything larger is a typing accident. The bound keeps
every sum of a run's payments within the 28 digits of Decimal's arithmetic."""
MAX_RATE = Decimal(10) ** 9
"""An exchange rate is below it (nine digits before its decimals), in a text or a number cell."""
_DIGITS = re.compile(r"[0-9]")


def beyond_bound(text: str) -> bool:
    """Whether an amount's text holds more whole digits than an amount may have."""
    whole = re.split(r"[.,](?=[0-9]{1,2}$)", text.strip(), maxsplit=1)[0]
    return len("".join(_DIGITS.findall(whole)).lstrip("0")) > 15


def _amount(numbers: Numbers, *, grouped: bool) -> str:
    """The rule of one amount cell, as a regex: an optional minus, whole units (at most 15
    digits, or with `grouped` in groups of three: `1,250,000`, at most five groups), then at most
    two decimals. Both the row path (`amount_parser`) and the column path (`amount_column`)
    are built from it. Quantifiers are possessive (`++`, `{1,15}+`): a run of digits is always
    followed by a mark or an end, so giving digits back could never make a match, and the
    regex engine does not keep the states to try it (8x faster over a million amounts)."""
    dec, sep = re.escape(numbers.decimal), re.escape(numbers.thousands)
    groups = rf"[0-9]{{1,3}}+(?:{sep}[0-9]{{3}}+){{1,4}}+|" if grouped else ""
    return rf"-?(?:{groups}[0-9]{{1,15}}+)(?:{dec}[0-9]{{1,2}}+)?+"


def amount_parser(numbers: Numbers) -> Callable[[str], Decimal | None]:
    """Text to Decimal in `numbers`' style; None for anything else (so also 5e5, NaN, 1_000)."""
    ungrouped = re.compile(_amount(numbers, grouped=False)).fullmatch
    grouped = re.compile(_amount(numbers, grouped=True)).fullmatch if numbers.thousands else None
    spaces = numbers.thousands == " "
    thousands, decimal = numbers.thousands, numbers.decimal

    def parse(text: str) -> Decimal | None:
        if spaces and any(s in text for s in _NBSP):
            text = text.replace("\u00a0", " ").replace("\u202f", " ")
        if not ungrouped(text):  # as the column path: the thousands mark only where grouped
            if grouped is None or not grouped(text):
                return None
            text = text.replace(thousands, "")
        return Decimal(text.replace(decimal, ".") if decimal != "." else text)

    return parse


def amount_column(numbers: Numbers) -> Callable[[list[str]], list[str] | None]:
    """For a column of amounts at once: the texts Decimal() reads, or None unless every cell is
    an amount (a space as thousands separator is left to `amount_parser`). The column is
    tested as one text, a line per amount, against the cell rule `_amount`: one regex call,
    not one per row."""
    if numbers.thousands == " ":
        return lambda column: None
    ungrouped = re.compile(rf"(?:{_amount(numbers, grouped=False)}\n)*+").fullmatch
    grouped = re.compile(rf"(?:{_amount(numbers, grouped=bool(numbers.thousands))}\n)*+").fullmatch
    thousands, decimal = numbers.thousands, numbers.decimal

    def texts(column: list[str]) -> list[str] | None:
        text = "\n".join(column) + "\n"
        if text.count("\n") != len(column):  # a cell with a line break of its own
            return None
        changed = False
        if ungrouped(text) is None:  # some cell groups thousands (or is no amount)
            if grouped(text) is None:
                return None
            text, changed = text.replace(thousands, ""), True
        if decimal != ".":
            text, changed = text.replace(decimal, "."), True
        # The marks are replaced in the joined text, each cell's as its own (no mark is a line
        # break): two passes at memory speed, not two calls per cell.
        return text[:-1].split("\n") if changed else column

    return texts


def rate_parser(numbers: Numbers) -> Callable[[str], Decimal | None]:
    """An exchange rate: digits with up to 12 decimals in the file's decimal mark, above 0."""
    pattern = re.compile(rf"[0-9]{{1,9}}(?:{re.escape(numbers.decimal)}[0-9]{{1,12}})?")
    decimal = numbers.decimal

    def parse(text: str) -> Decimal | None:
        if not pattern.fullmatch(text):
            return None
        value = Decimal(text.replace(decimal, ".") if decimal != "." else text)
        return value if value else None

    return parse


def reread_amount(text: str, numbers: Numbers) -> tuple[Decimal, Numbers] | None:
    """What a bad amount would be in the other common style (for a finding that teaches)."""
    for other in (Numbers(",", "."), Numbers(".", ","), Numbers(",", " "), Numbers(".", "")):
        if other != numbers:
            value = amount_parser(other)(text)
            if value is not None:
                return value, other
    return None


# --- dates ------------------------------------------------------------------------------------

_DATE_SHAPES = (
    (re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), "%Y-%m-%d", ""),
    (re.compile(r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}"), "%d-%m-%Y", "%m-%d-%Y"),
    (re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}"), "%d.%m.%Y", "%m.%d.%Y"),
    (re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"), "%d/%m/%Y", "%m/%d/%Y"),
)


class AmbiguousDates(ValueError):
    """Every date of the file reads both day-first and month-first (no day above 12)."""

    def __init__(self, example: str, choices: tuple[str, str]) -> None:
        super().__init__(example)
        self.example = example
        self.choices = choices


DATE_VOTES = 5
"""Valid dates that read one way only, enough to decide a file's date order (one bad or odd
date among the first cannot decide it alone)."""


def date_format_of(samples: Iterable[str], declared: str | None) -> str:
    """The declared date format, else the one the dates show: ISO, or day and month told apart
    by a day above 12 (`29.09.2023`); when every day is up to 12, AmbiguousDates. Only dates
    valid in a format count for it (`2024-13-01` or `32.01.2024` decide nothing); the format
    with most such dates wins, read until one has `DATE_VOTES` (ties: the first seen)."""
    if declared is not None:
        return declared
    undecided: tuple[str, str, str] | None = None
    votes: dict[str, int] = {}
    for text in samples:
        for shape, day_first, month_first in _DATE_SHAPES:
            if not shape.fullmatch(text):
                continue
            valid = [f for f in (day_first, month_first) if f and _valid(text, f)]
            if len(valid) == 1:
                votes[valid[0]] = votes.get(valid[0], 0) + 1
                if votes[valid[0]] >= DATE_VOTES:
                    return valid[0]
            elif valid:
                undecided = undecided or (text, day_first, month_first)
    if votes:
        return max(votes, key=votes.__getitem__)  # the first seen among equals
    if undecided is not None:
        raise AmbiguousDates(undecided[0], undecided[1:])
    return "%Y-%m-%d"


def _valid(text: str, date_format: str) -> bool:
    """Whether `text`, of a shape of `_DATE_SHAPES`, is a day of the calendar in `date_format`."""
    a, b, c = (int(part) for part in re.split(r"[-./]", text))
    year, month, day = (a, b, c) if date_format[1] == "Y" else (c, b, a)
    if date_format.startswith("%m"):
        month, day = a, b
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def date_parser(date_format: str) -> Callable[[str], dt.date | None]:
    """Text to a date in `date_format`; None for anything else. Dates repeat: one object each."""
    cache: dict[str, dt.date | None] = {}
    if date_format == "%Y-%m-%d":
        shape = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

        def convert(text: str) -> dt.date | None:
            return dt.date.fromisoformat(text) if shape.fullmatch(text) else None

    else:
        separator = date_format[2]
        day_first = date_format.startswith("%d")
        shape = re.compile(
            rf"[0-9]{{1,2}}{re.escape(separator)}[0-9]{{1,2}}{re.escape(separator)}[0-9]{{4}}"
        )

        def convert(text: str) -> dt.date | None:
            if not shape.fullmatch(text):
                return None
            a, b, year = text.split(separator)
            day, month = (a, b) if day_first else (b, a)
            return dt.date(int(year), int(month), int(day))

    def parse(text: str) -> dt.date | None:
        try:
            return cache[text]
        except KeyError:
            pass
        try:
            value = convert(text)
        except ValueError:
            value = None
        if len(cache) < 100_000:
            cache[text] = value
        return value

    return parse


def other_date_format(text: str) -> str | None:
    """A format among the known ones that reads `text` (for a finding that teaches)."""
    for date_format in DATE_FORMATS:
        if date_parser(date_format)(text) is not None:
            return date_format
    return None
