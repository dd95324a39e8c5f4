"""A table file as a Rich table, JSON, CSV or Markdown: figures as printed, with their markers,
'-' for none, refunds in parentheses (negative in CSV and JSON), and the computed sums."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.render.formats import TableFormat
from iomstrat.render.tabular import CsvStyle, fit, md_cell, md_row, stacked
from iomstrat.render.words import unit, word

if TYPE_CHECKING:  # annotations only: commands that print no table do not build these classes
    from iomstrat.results.table import FigureTable, TableCell, TableLine


def _fixed(value: Decimal, places: int) -> str:
    return format(value.quantize(Decimal(1).scaleb(-places)), "f")


def _localized(value: Decimal, places: int, locale: str) -> str:
    from babel.numbers import format_decimal  # here: every command loads this module's enum

    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)


def _cell(cell: TableCell | None, line: TableLine, places: int, locale: str | None) -> str:
    """A cell as the document prints it; `locale` None gives the machine form for CSV."""
    if cell is None:
        return ""
    if cell.dash or cell.amount is None:
        return "-"
    if line.kind == "growth":
        return f"{cell.amount}%" if locale else str(cell.amount)
    if locale is None:
        return _fixed(cell.amount, places) + cell.marker
    text = _localized(abs(cell.amount), places, locale)
    text = f"({text})" if cell.amount < 0 else text
    return text + cell.marker


def _has_totals(table: FigureTable) -> bool:
    return any(line.total is not None for line in table.lines if line.kind != "computed")


def _heading(heading: str | int, locale: str) -> str:
    """A column's heading; one printed without, by its number: 'column 3' / 'kolonne 3'."""
    return heading if isinstance(heading, str) else word("column_n", locale).format(n=heading)


def _headers(table: FigureTable, locale: str) -> list[str]:
    headings = [_heading(h, locale) for h in table.headings]
    headers = [table.row_heading or table.heading, *headings]
    if _has_totals(table):
        headers += [table.total_heading or word("total", locale), word("computed", locale)]
    return headers


_UNNAMED = {"total": "total", "growth": "growth_percent", "computed": "computed"}
"""The words of the rows a table file does not name: its totals, growth, the computed sums."""


def _name(line: TableLine, locale: str) -> str:
    """A row's name: the file's, else the word for its kind in `locale`."""
    return line.name or (word(_UNNAMED[line.kind], locale) if line.kind in _UNNAMED else "")


def _cells(table: FigureTable, line: TableLine, locale: str | None) -> list[str]:
    from iomstrat.results.table import TableCell

    cells = [_cell(c, line, table.places, locale) for c in line.cells]
    if _has_totals(table):
        computed = line.computed_total
        cells.append(_cell(line.total, line, table.places, locale))
        cells.append(
            "" if computed is None else _cell(TableCell(computed), line, table.places, locale)
        )
    return cells


def _caption(table: FigureTable, locale: str) -> str:
    return f"({unit(table.currency, table.unit, locale)})"


def _grid(table: FigureTable, locale: str, *, compact: bool) -> Any:
    from rich import box
    from rich.table import Table

    grid = Table(
        title=f"{table.title} {_caption(table, locale)}",
        caption="\n".join(table.footnotes) or None,
        caption_justify="left",
        box=None if compact else box.HEAVY_HEAD,
        show_edge=not compact,
        pad_edge=not compact,
    )
    for index, header in enumerate(_headers(table, locale)):
        if index == 0:
            grid.add_column(header, ratio=1, min_width=12 if compact else 24, overflow="fold")
        else:
            grid.add_column(header, justify="right", no_wrap=True)
    kinds = [line.kind for line in table.lines] + [""]
    for index, line in enumerate(table.lines):
        grid.add_row(
            _name(line, locale),
            *_cells(table, line, locale),
            style="bold" if line.kind in {"total", "computed"} else None,
            end_section=kinds[index + 1] != line.kind,
        )
    return grid


def _stacked(table: FigureTable, locale: str, width: int) -> Any:
    rows = [
        ([_name(line, locale), *_cells(table, line, locale)], line.kind in {"total", "computed"})
        for line in table.lines
    ]
    title = "\n".join([f"{table.title} {_caption(table, locale)}", *table.footnotes])
    return stacked(title, _headers(table, locale), rows, width=width)


def render_table(table: FigureTable, locale: str, *, color: bool, width: int | None = None) -> str:
    """Framed, compact or stacked, whichever first fits `width`; None: framed at 140."""
    return fit(
        lambda compact: _grid(table, locale, compact=compact),
        lambda columns: _stacked(table, locale, columns),
        width=width,
        full_width=140,
        color=color,
    )


def _json_cell(cell: TableCell | None) -> Any:
    if cell is None:
        return None
    if cell.dash or cell.amount is None:
        return "-"
    return {"amount": str(cell.amount), "marker": cell.marker} if cell.marker else str(cell.amount)


def render_json(table: FigureTable) -> str:
    data = {
        "title": table.title,
        "heading": table.heading,
        "currency": table.currency,
        "unit": table.unit,
        "columns": [_heading(h, "en") for h in table.headings],
        "lines": [
            {
                "name": _name(line, "en"),
                "kind": line.kind,
                "refund": line.refund,
                "cells": [_json_cell(c) for c in line.cells],
                "total": _json_cell(line.total),
                "computed_total": None if line.computed_total is None else str(line.computed_total),
            }
            for line in table.lines
        ],
        "footnotes": list(table.footnotes),
    }
    import json  # here, not above: only JSON output needs it

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_csv(table: FigureTable, locale: str = "en") -> str:
    """Figures in machine form with their footnote markers, in the locale's CSV style."""
    style = CsvStyle(locale)
    out = io.StringIO()
    writer = style.writer(out)
    headers = ["name", "kind", *(_heading(h, locale) for h in table.headings)]
    if _has_totals(table):
        headers += [table.total_heading or word("total", locale), "computed"]
    writer.writerow(headers)
    for line in table.lines:
        cells = _cells(table, line, None)
        if style.decimal_comma:
            cells = [cell.replace(".", ",") for cell in cells]
        writer.writerow([_name(line, locale), line.kind, *cells])
    return out.getvalue()


def render_markdown(table: FigureTable, locale: str) -> str:
    headers = _headers(table, locale)
    lines = [
        f"### {md_cell(table.title)} {_caption(table, locale)}",
        "",
        md_row(headers),
        "|---|" + "---:|" * (len(headers) - 1),
    ]
    for line in table.lines:
        cells = [_name(line, locale), *_cells(table, line, locale)]
        if line.kind in {"total", "computed"}:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append(md_row(cells))
    notes = [md_cell(note).replace("*", "\\*") for note in table.footnotes]
    lines += ["", *(f"_{note}_  " for note in notes), ""]
    return "\n".join(lines)


def render(
    table: FigureTable,
    fmt: TableFormat,
    locale: str,
    *,
    color: bool = False,
    width: int | None = None,
) -> str:
    if fmt is TableFormat.table:
        return render_table(table, locale, color=color, width=width)
    if fmt is TableFormat.json:
        return render_json(table)
    if fmt is TableFormat.csv:
        return render_csv(table, locale)
    return render_markdown(table, locale)
