"""Building blocks every table renderer shares: a Rich console that writes to a string,
Markdown cells and tables, and CSV a spreadsheet in the reader's locale opens as numbers."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.render.numbers import decimal_symbol, plain

if TYPE_CHECKING:
    from rich.console import RenderableType


def rich_console(width: int, color: bool) -> tuple[Any, io.StringIO]:
    """A console printing into the returned buffer, for renderers that print several parts."""
    from rich.console import Console

    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
    )
    return console, out


def to_text(renderable: RenderableType, *, width: int, color: bool) -> str:
    """What Rich prints for `renderable` at `width`, with or without colour."""
    console, out = rich_console(width, color)
    console.print(renderable)
    return out.getvalue()


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks folded."""
    return text.replace("|", "\\|").replace("\n", " ")


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
        return csv.writer(out, delimiter=self.delimiter, lineterminator="\r\n")

    def dict_writer(self, out: io.StringIO, fields: Sequence[str]) -> csv.DictWriter[str]:
        return csv.DictWriter(
            out, fields, delimiter=self.delimiter, lineterminator="\r\n", restval=""
        )


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
