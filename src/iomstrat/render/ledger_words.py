"""A ledger in words, English and Danish: its dialect (encoding, delimiter, date format and
number marks) as `ledger inspect` and a header finding (IOM421) say it, and the labels of
`ledger inspect`'s output."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iomstrat.loader.ledger_inspect import Inspection

WORDS: Mapping[str, tuple[str, str]] = {
    "delimiter.,": ("comma ','", "komma ','"),
    "delimiter.;": ("semicolon ';'", "semikolon ';'"),
    "delimiter.\t": ("tab", "tabulator"),
    "delimiter": ("delimiter {}", "skilletegn {}"),
    "no_delimiter": (
        "no delimiter iomstrat reads (`,` `;` tab)",
        "intet skilletegn, iomstrat læser (`,` `;` tabulator)",
    ),
    "dates": ("dates {}", "datoer {}"),
    "numbers": ("decimal '{}', thousands {}", "decimaltegn '{}', tusindtalsskilletegn {}"),
    "thousands.": ("none", "intet"),
    "thousands. ": ("space", "mellemrum"),
    "%Y-%m-%d": ("year-month-day", "år-måned-dag"),
    "%d-%m-%Y": ("day-month-year", "dag-måned-år"),
    "%d.%m.%Y": ("day.month.year", "dag.måned.år"),
    "%d/%m/%Y": ("day/month/year", "dag/måned/år"),
    "%m-%d-%Y": ("month-day-year", "måned-dag-år"),
    "%m.%d.%Y": ("month.day.year", "måned.dag.år"),
    "%m/%d/%Y": ("month/day/year", "måned/dag/år"),
    # a date format as a pattern of its digits (a finding's `format`)
    "pattern.%Y-%m-%d": ("YYYY-MM-DD", "ÅÅÅÅ-MM-DD"),
    "pattern.%d-%m-%Y": ("DD-MM-YYYY", "DD-MM-ÅÅÅÅ"),
    "pattern.%d.%m.%Y": ("DD.MM.YYYY", "DD.MM.ÅÅÅÅ"),
    "pattern.%d/%m/%Y": ("DD/MM/YYYY", "DD/MM/ÅÅÅÅ"),
    "pattern.%m-%d-%Y": ("MM-DD-YYYY", "MM-DD-ÅÅÅÅ"),
    "pattern.%m.%d.%Y": ("MM.DD.YYYY", "MM.DD.ÅÅÅÅ"),
    "pattern.%m/%d/%Y": ("MM/DD/YYYY", "MM/DD/ÅÅÅÅ"),
    # `ledger inspect`, line by line
    "inspect.ledger": ("ledger: {}", "oversigt: {}"),
    "inspect.dialect": ("dialect: {}", "format: {}"),
    "inspect.header": ("header: {}", "overskrift: {}"),
    "inspect.columns": ("columns: {}", "kolonner: {}"),
    "inspect.none_matched": ("none matched", "ingen passer"),
    "inspect.missing": ("columns it needs: {}", "kolonner, der mangler: {}"),
    "inspect.accounts": (
        "account values to map to line ids: {}",
        "kontoværdier, der skal oversættes til linje-id'er: {}",
    ),
    "inspect.rows": ("first rows read:", "de første rækker, der er læst:"),
    "inspect.row": ("line {}: {}", "linje {}: {}"),
    "inspect.rate": ("rate {}", "kurs {}"),
    "inspect.problems": ("first problems:", "de første problemer:"),
    "inspect.entry": (
        "ledgers: entry (path relative to {}):",
        "post under `ledgers:` (stien er relativ til {}):",
    ),
    "inspect.working_folder": ("the working folder", "arbejdsmappen"),
    # what the user fills in, in a `ledgers:` entry to paste
    "placeholder.column": ("<header of the {} column>", "<overskriften på kolonnen {}>"),
    "placeholder.line": ("<line id>", "<linje-id>"),
}


def word(key: str, locale: str) -> str:
    """The words of `key` in `locale` ("en" or "da")."""
    en, da = WORDS[key]
    return da if locale == "da" else en


_PLACEHOLDER = re.compile("\x1f(column|line)(?:\\.(\\w+))?\x1f")
"""A place to fill in, as `loader.ledger_inspect.placeholder` marks it."""


def entry(text: str, locale: str = "en") -> str:
    """A `ledgers:` entry to paste, its places to fill in worded: `<header of the voucher
    column>` / `<overskriften på kolonnen voucher>`, `<line id>` / `<linje-id>`."""
    return _PLACEHOLDER.sub(lambda m: word(f"placeholder.{m[1]}", locale).format(m[2] or ""), text)


def date_pattern(date_format: str, locale: str = "en") -> str:
    """A date format as the pattern of its digits: "DD-MM-YYYY" / "DD-MM-ÅÅÅÅ"."""
    key = f"pattern.{date_format}"
    return word(key, locale) if key in WORDS else date_format


def delimiter(char: str, locale: str = "en") -> str:
    """A delimiter by name: "semicolon ';'" / "semikolon ';'"."""
    key = f"delimiter.{char}"
    return word(key, locale) if key in WORDS else f"'{char}'"


def thousands(char: str, locale: str = "en") -> str:
    """A thousands separator: "none", "space" or the character quoted."""
    key = f"thousands.{char}"
    return word(key, locale) if key in WORDS else f"'{char}'"


def dialect_words(found: Inspection, locale: str = "en") -> str:
    """The detected dialect in a few words: "cp1252, delimiter semicolon ';', dates
    day.month.year, decimal ',', thousands '.'"."""
    words = [found.encoding] if found.encoding else []
    if found.delimiter is not None:
        words.append(word("delimiter", locale).format(delimiter(found.delimiter, locale)))
    elif found.kind == "csv":
        words.append(word("no_delimiter", locale))
    if found.date_format:
        known = found.date_format in WORDS
        dates = word(found.date_format, locale) if known else found.date_format
        words.append(word("dates", locale).format(dates))
    if found.numbers is not None:
        numbers = found.numbers
        marks = thousands(numbers.thousands, locale)
        words.append(word("numbers", locale).format(numbers.decimal, marks))
    return ", ".join(words)
