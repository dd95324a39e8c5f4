"""Building blocks every table renderer shares: a Rich console that writes to a string,
Markdown cells and tables, and CSV a spreadsheet in the reader's locale opens as numbers."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.render.numbers import decimal_symbol, plain

if TYPE_CHECKING:
    from rich.console import RenderableType


def rich_console(width: int, color: bool) -> tuple[Any, io.StringIO]:
    """A console printing into the returned buffer, for renderers that print several parts.
    Markup and emoji codes are off: every string is printed as written, so a name such as
    "Core funding [note 1]", "[/]" or "[link=…]" is text, never a style, a crash or a link."""
    from rich.console import Console

    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
    )
    return console, out


def to_text(renderable: RenderableType, *, width: int, color: bool) -> str:
    """What Rich prints for `renderable` at `width`, with or without colour."""
    console, out = rich_console(width, color)
    console.print(renderable)
    return out.getvalue()


# What makes Markdown text active where it is shown (a pull-request comment): HTML tags,
# links and images, @mentions; the backslash first, so that no escape can be undone.
_MD_ACTIVE = re.compile(r"([\\<>\[\]@|])")


def md_text(text: str) -> str:
    """Text shown as written in Markdown: backslash-escaped wherever it could start a tag, a
    link, an image or a mention, on one line."""
    return _MD_ACTIVE.sub(r"\\\1", " ".join(text.splitlines()))


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: inert (`md_text`), pipes escaped."""
    return md_text(text)


def md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(md_cell(cell) for cell in cells) + " |"


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right_from: int) -> list[str]:
    """A Markdown table; columns from `right_from` on (figures) are right-aligned."""
    align = ["---" if i < right_from else "---:" for i in range(len(headers))]
    return [md_row(headers), "| " + " | ".join(align) + " |", *(md_row(r) for r in rows)]


class CsvStyle:
    """CSV for a locale: ',' separated with '.' decimals in English, ';' separated with ','
    decimals where the locale writes a decimal comma (Danish), as its spreadsheets expect."""

    def __init__(self, locale: str) -> None:
        self.decimal_comma = decimal_symbol(locale) == ","
        self.delimiter = ";" if self.decimal_comma else ","

    def number(self, value: Decimal) -> str:
        text = plain(value)
        return text.replace(".", ",") if self.decimal_comma else text

    def writer(self, out: io.StringIO) -> Any:
        return _InertRows(csv.writer(out, delimiter=self.delimiter, lineterminator="\r\n"))

    def dict_writer(self, out: io.StringIO, fields: Sequence[str]) -> csv.DictWriter[str]:
        writer = csv.DictWriter(
            out, fields, delimiter=self.delimiter, lineterminator="\r\n", restval=""
        )
        writer.writer = _InertRows(writer.writer)  # type: ignore[assignment]  # same methods
        return writer


# A cell a spreadsheet would evaluate: it starts with = + - @, a tab or a carriage return
# (OWASP, "CSV injection"). Our own figures (-1234.50, -1234,50, 4.10*) and the '-' printed
# for "nothing" are numbers or plain text there, and stay as they are.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIGURE = re.compile(r"-?[0-9][0-9.,]*\**|-")


def inert_cell(value: object) -> object:
    """A CSV cell no spreadsheet evaluates: text that starts like a formula gets a leading
    single quote, as OWASP recommends; numbers and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _FIGURE.fullmatch(value):
        return "'" + value
    return value


class _InertRows:
    """A csv writer whose every cell goes through `inert_cell` first."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([inert_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


WIDE = 1000
"""A width no table reaches: what a table needs when nothing limits it."""


_BOX = re.compile("[\u2500-\u257f]")


def _words(text: str) -> list[str]:
    return sorted(_BOX.sub(" ", text).split())


def fitted(layouts: Sequence[Callable[[], RenderableType]], *, width: int, color: bool) -> str:
    """The first of `layouts` (each a fresh table, fullest first) that shows every word and
    figure whole at `width`: the same words as with unlimited room, none cropped, cut ('…') or
    split. The last layout is taken as it comes (a stacked one fits by construction)."""
    for make in layouts[:-1]:
        narrow = to_text(make(), width=width, color=False)
        if _words(narrow) == _words(to_text(make(), width=WIDE, color=False)):
            return to_text(make(), width=width, color=color) if color else narrow
    return to_text(layouts[-1](), width=width, color=color)


def fit(
    grid: Callable[[bool], RenderableType],
    stack: Callable[[int], RenderableType],
    *,
    width: int | None,
    full_width: int,
    color: bool,
) -> str:
    """A table at a terminal's `width`: `grid(compact=False)` framed, then `grid(True)`
    compact, then `stack(width)` in blocks, whichever first shows every word whole (`fitted`);
    `width` None (--wide, or not a terminal): the framed table at `full_width`, one row a line."""
    if width is None:
        return to_text(grid(False), width=full_width, color=color)
    return fitted(
        [lambda: grid(False), lambda: grid(True), lambda: stack(width)], width=width, color=color
    )


def stacked(
    title: str,
    headers: Sequence[str],
    rows: Sequence[tuple[Sequence[str], bool]],
    *,
    width: int,
) -> RenderableType:
    """Rows as blocks for a narrow screen: the row's first cell on a line, then each other
    cell after its heading, as many to a line as `width` holds. `rows` pairs cells with
    whether the row is a (sub)total, printed bold."""
    from rich.text import Text

    out = Text()
    if title:
        out.append(title + "\n", style="bold")
    for cells, bold in rows:
        out.append(cells[0] + "\n", style="bold" if bold else "underline")
        line = " "
        for header, cell in zip(headers[1:], cells[1:], strict=True):
            if not cell:
                continue
            pair = f" {header.replace(chr(10), ' ')}: {cell}"
            if len(line) + len(pair) + 1 > width and line.strip():
                out.append(line + "\n")
                line = " "
            line += pair + " "
        if line.strip():
            out.append(line.rstrip() + "\n")
    return out
