"""The budget table as a Rich table, JSON, CSV or Markdown."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from iomstrat.render.formats import BudgetFormat
from iomstrat.render.numbers import figure, plain
from iomstrat.render.tabular import CsvStyle, fit, md_cell, md_row, stacked
from iomstrat.render.words import unit as unit_words
from iomstrat.render.words import word

if TYPE_CHECKING:  # annotations only: commands that print no budget do not build these classes
    from iomstrat.results.budget import ApprovedLine, BudgetRow, BudgetTable, YearHeading


def year_header(heading: YearHeading, locale: str) -> str:
    return word(f"head_{heading.status}", locale).format(heading.year)


def caption(table: BudgetTable, locale: str) -> str:
    return f"({unit_words(table.currency, table.unit, locale)})"


def footnote(table: BudgetTable, locale: str) -> str:
    """The file's own approval note, else the default one in the locale."""
    return table.footnote or word("default_footnote", locale)


def _any_decided(table: BudgetTable) -> bool:
    return any(h.status != "planned" for h in table.years)


def _approved_cells(table: BudgetTable, locale: str) -> list[str]:
    """The decided amount of each year; empty while a year is only planned."""
    amounts = [h.approved_amount for h in table.years]
    return ["" if amount is None else figure(amount, locale) for amount in amounts]


def _approved_line_cells(line: ApprovedLine, table: BudgetTable, locale: str) -> list[str]:
    """A line's approved amounts, shown where a year is reduced or withheld."""
    amounts = [line.amounts.get(h.year) for h in table.years]
    return ["" if amount is None else figure(amount, locale) for amount in amounts]


def approved_line_name(line: ApprovedLine, locale: str) -> str:
    return word("approved_line", locale).format(line.name)


def row_name(row: BudgetRow, locale: str) -> str:
    """A row's label and name; the grand total the file does not state and the total of a
    Finance Act code are named in `locale`."""
    if row.kind == "code":
        return word("total_code", locale).format(row.finance_act_code)
    return f"{row.label} {row.name}".strip() or word("total", locale)


def headers(table: BudgetTable, locale: str) -> list[str]:
    years = [h.year for h in table.years]
    return [
        caption(table, locale),
        word("finance_act_code", locale),
        *(year_header(h, locale) for h in table.years),
        word("total_years", locale).format(years[0], years[-1]),
    ]


def _cells(table: BudgetTable, row: BudgetRow, locale: str) -> list[str]:
    return [
        row_name(row, locale),
        row.finance_act_code,
        *(figure(row.amounts[h.year], locale) for h in table.years),
        figure(row.total, locale),
    ]


def _grid(table: BudgetTable, locale: str, *, compact: bool) -> Any:
    """The Rich table; `compact` drops the frame and the padding at the edges and lets names
    fold narrower, for a narrow terminal."""
    from rich import box
    from rich.table import Table

    title = f"{table.title}\n{table.funding_basis}".strip()
    grid = Table(
        title=title,
        caption=footnote(table, locale),
        caption_justify="left",
        box=None if compact else box.HEAVY_HEAD,
        show_edge=not compact,
        pad_edge=not compact,
    )
    names = headers(table, locale)
    if compact:
        names[1] = word("finance_act_code_short", locale)
    for index, header in enumerate(names):
        if index == 0:
            grid.add_column(header, ratio=1, min_width=12 if compact else 24, overflow="fold")
        else:
            header = "\n".join(header.rsplit(" ", 1)) if index > 1 else header
            grid.add_column(header, justify="left" if index == 1 else "right", no_wrap=True)
    for row in table.rows:
        style = "bold" if row.kind != "line" else None
        grid.add_row(*_cells(table, row, locale), style=style, end_section=row.kind != "line")
    if _any_decided(table):
        grid.add_row(
            word("approved_row", locale), "", *_approved_cells(table, locale), "", style="italic"
        )
    for line in table.approved_lines:
        cells = _approved_line_cells(line, table, locale)
        grid.add_row(approved_line_name(line, locale), "", *cells, "", style="italic")
    return grid


def _stacked(table: BudgetTable, locale: str, width: int) -> Any:
    rows = [(_cells(table, r, locale), r.kind != "line") for r in table.rows]
    if _any_decided(table):
        rows.append(
            ([word("approved_row", locale), "", *_approved_cells(table, locale), ""], False)
        )
    for line in table.approved_lines:
        cells = _approved_line_cells(line, table, locale)
        rows.append(([approved_line_name(line, locale), "", *cells, ""], False))
    title = "\n".join(t for t in (table.title, table.funding_basis, caption(table, locale)) if t)
    return stacked(title, headers(table, locale), rows, width=width)


def render_table(table: BudgetTable, locale: str, *, color: bool, width: int | None = None) -> str:
    """The table at the terminal's `width`: framed, then compact, then stacked, whichever first
    shows every figure whole; `width` None: the framed table at 120 columns, as when piped."""
    return fit(
        lambda compact: _grid(table, locale, compact=compact),
        lambda columns: _stacked(table, locale, columns),
        width=width,
        full_width=120,
        color=color,
    )


def as_data(table: BudgetTable, locale: str = "en") -> dict[str, Any]:
    """Plain data for JSON: amounts as strings holding exact decimals."""
    return {
        "title": table.title,
        "currency": table.currency,
        "unit": table.unit,
        "funding_basis": table.funding_basis,
        "years": [
            {
                "year": h.year,
                "status": h.status,
                "approved_amount": None if h.approved_amount is None else plain(h.approved_amount),
            }
            for h in table.years
        ],
        "rows": [
            {
                "id": r.id,
                "label": r.label,
                "name": r.name or row_name(r, locale),
                "kind": r.kind,
                "finance_act_code": r.finance_act_code,
                "amounts": {str(y): plain(v) for y, v in r.amounts.items()},
                "total": plain(r.total),
            }
            for r in table.rows
        ],
        "approved_lines": [
            {
                "id": line.id,
                "name": line.name,
                "apportioned": line.apportioned,
                "amounts": {
                    str(y): None if v is None else plain(v) for y, v in line.amounts.items()
                },
            }
            for line in table.approved_lines
        ],
        "footnote": footnote(table, locale),
    }


def render_json(table: BudgetTable, locale: str = "en") -> str:
    import json  # here, not above: `validate` loads this module for the enum alone

    return json.dumps(as_data(table, locale), ensure_ascii=False, indent=2) + "\n"


def render_csv(table: BudgetTable, locale: str) -> str:
    """CSV a spreadsheet opens as numbers: ',' separated with '.' decimals in English,
    ';' separated with ',' decimals where the locale writes a decimal comma (Danish)."""
    style = CsvStyle(locale)
    out = io.StringIO()
    writer = style.writer(out)
    years = [h.year for h in table.years]
    writer.writerow(["id", "label", "name", "kind", "finance_act_code", *map(str, years), "total"])
    number = style.number

    for row in table.rows:
        writer.writerow(
            [
                row.id,
                row.label,
                row.name or row_name(row, locale),
                row.kind,
                row.finance_act_code,
                *(number(row.amounts[y]) for y in years),
                number(row.total),
            ]
        )
    if _any_decided(table):
        approved = [h.approved_amount for h in table.years]
        cells = ["" if value is None else number(value) for value in approved]
        writer.writerow(["approved", "", word("approved_row", locale), "approved", "", *cells, ""])
    for line in table.approved_lines:
        cells = ["" if (v := line.amounts[y]) is None else number(v) for y in years]
        name = approved_line_name(line, locale)
        writer.writerow([f"approved:{line.id}", "", name, "approved", "", *cells, ""])
    return out.getvalue()


def render_markdown(table: BudgetTable, locale: str) -> str:
    names = headers(table, locale)
    lines = [
        f"### {md_cell(table.title)}",
        "",
        md_row(names),
        "|" + "---|" * 2 + "---:|" * (len(names) - 2),
    ]
    for row in table.rows:
        cells = [
            row_name(row, locale),
            row.finance_act_code,
            *(figure(row.amounts[h.year], locale) for h in table.years),
            figure(row.total, locale),
        ]
        if row.kind != "line":
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append(md_row(cells))
    if _any_decided(table):
        cells = [f"_{word('approved_row', locale)}_", "", *_approved_cells(table, locale), ""]
        lines.append(md_row(cells))
    for line in table.approved_lines:
        name = approved_line_name(line, locale)
        lines.append(md_row([f"_{name}_", "", *_approved_line_cells(line, table, locale), ""]))
    lines += ["", f"_{md_cell(footnote(table, locale))}_", ""]
    return "\n".join(lines)


def render(
    table: BudgetTable,
    fmt: BudgetFormat,
    locale: str,
    *,
    color: bool = False,
    width: int | None = None,
) -> str:
    if fmt is BudgetFormat.table:
        return render_table(table, locale, color=color, width=width)
    if fmt is BudgetFormat.json:
        return render_json(table, locale)
    if fmt is BudgetFormat.csv:
        return render_csv(table, locale)
    if fmt is BudgetFormat.xlsx:
        raise ValueError("xlsx is binary: use iomstrat.render.xlsx.budget_workbook")
    return render_markdown(table, locale)
