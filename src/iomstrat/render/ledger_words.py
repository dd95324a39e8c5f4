"""A ledger's dialect in words, English and Danish: its encoding, delimiter, date format and
number marks, as `ledger inspect` and a header finding (IOM421) say them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iomstrat.loader.ledger_inspect import Inspection

_WORDS: Mapping[str, tuple[str, str]] = {
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
}


def _w(key: str, locale: str) -> str:
    en, da = _WORDS[key]
    return da if locale == "da" else en


def delimiter(char: str, locale: str = "en") -> str:
    """A delimiter by name: "semicolon ';'" / "semikolon ';'"."""
    key = f"delimiter.{char}"
    return _w(key, locale) if key in _WORDS else f"'{char}'"


def thousands(char: str, locale: str = "en") -> str:
    """A thousands separator: "none", "space" or the character quoted."""
    key = f"thousands.{char}"
    return _w(key, locale) if key in _WORDS else f"'{char}'"


def dialect_words(found: Inspection, locale: str = "en") -> str:
    """The detected dialect in a few words: "cp1252, delimiter semicolon ';', dates
    day.month.year, decimal ',', thousands '.'"."""
    words = [found.encoding] if found.encoding else []
    if found.delimiter is not None:
        words.append(_w("delimiter", locale).format(delimiter(found.delimiter, locale)))
    elif found.kind == "csv":
        words.append(_w("no_delimiter", locale))
    if found.date_format:
        known = found.date_format in _WORDS
        dates = _w(found.date_format, locale) if known else found.date_format
        words.append(_w("dates", locale).format(dates))
    if found.numbers is not None:
        numbers = found.numbers
        marks = thousands(numbers.thousands, locale)
        words.append(_w("numbers", locale).format(numbers.decimal, marks))
    return ", ".join(words)
