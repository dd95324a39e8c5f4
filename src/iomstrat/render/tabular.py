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


LONG_TABLE = 1000
"""Rows from which a framed table printed without colour is written row by row
(`framed_rows`): Rich lays out each cell of a table (about 1.5 ms a row of ten figures), so a
strategy of thousands of lines spent most of its time in it."""


def progress_text(completed: float, width: int) -> str:
    """What Rich's `ProgressBar(total=100, completed=completed, width=width)` prints without
    colour: the bars done, a half bar, nothing for the rest (Rich's arithmetic)."""
    completed = min(100, max(0, completed))
    halves = int(width * 2 * completed / 100)
    return "━" * (halves // 2) + "╸" * (halves % 2)


def framed_rows(
    grid: Callable[[Sequence[int]], RenderableType],
    cells: Sequence[Sequence[str]],
    right: Sequence[bool],
    sections: Sequence[bool],
    *,
    width: int,
) -> str | None:
    """A framed table (Rich's `HEAVY_HEAD` box) of many rows, as Rich prints it without colour
    at `width`, with Rich laying out only the rows that set each column's width: `grid(rows)`
    makes the table of those rows, and every row is then written in the widths Rich chose.
    `cells` holds each row's text per column as Rich shows it (a progress bar as
    `progress_text`), `right` which columns are right-aligned, `sections` which rows end a
    section. The first column is cut with an ellipsis where too narrow, as Rich does; where
    `width` is too narrow for a figure, Rich would cut it: the table is laid out as wide as
    its figures need instead. None where Rich would do more than pad a cell (a line break, a
    tab): the caller lets Rich print the whole table. A test compares the two texts."""
    from rich.cells import cell_len

    if not cells or not all(cell.isprintable() for row in cells for cell in row):
        return None
    widest = set()  # for each column, a row of its longest cell
    for column in range(len(right)):
        sizes = [cell_len(row[column]) for row in cells]
        widest.add(sizes.index(max(sizes)))
    for room in (width, WIDE):
        lines = to_text(grid(sorted(widest)), width=room, color=False).split("\n")
        written = _written_rows(lines, cells, right, sections)
        if written is not None:
            return written
    return None


def _written_rows(
    lines: list[str],
    cells: Sequence[Sequence[str]],
    right: Sequence[bool],
    sections: Sequence[bool],
) -> str | None:
    """The lines of Rich's table of a few rows with `cells` in their place, in the widths its
    header shows; None where a figure does not fit its column."""
    from rich import box
    from rich.cells import cell_len, set_cell_size

    frame = box.HEAVY_HEAD
    head = next((i for i, line in enumerate(lines) if line.startswith(frame.head_row_left)), None)
    foot = next((i for i, line in enumerate(lines) if line.startswith(frame.bottom_left)), None)
    if head is None or foot is None:
        return None
    spans = [len(part) for part in lines[head][1:-1].split(frame.head_row_cross)]
    widths = [span - 2 for span in spans]  # each column is padded by a space either side
    if len(widths) != len(right) or min(widths) < 1:
        return None
    separator = frame.get_row(spans, "row", edge=True)
    body: list[str] = []
    for index, row in enumerate(cells):
        shown = []
        for column, (cell, wide, aligned_right) in enumerate(zip(row, widths, right, strict=True)):
            size = cell_len(cell)
            if size > wide:
                if column:
                    return None
                cell, size = set_cell_size(cell, wide - 1) + "…", wide
            pad = " " * (wide - size)
            shown.append(pad + cell if aligned_right else cell + pad)
        body.append(
            f"{frame.mid_left} " + f" {frame.mid_vertical} ".join(shown) + f" {frame.mid_right}"
        )
        if sections[index] and index < len(cells) - 1:
            body.append(separator)
    return "\n".join([*lines[: head + 1], *body, *lines[foot:]])
