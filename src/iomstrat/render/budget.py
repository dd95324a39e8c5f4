"""The budget table as a Rich table, JSON, CSV or Markdown."""

from __future__ import annotations

import enum
import io
from typing import TYPE_CHECKING, Any

from iomstrat.render.numbers import figure, plain
from iomstrat.render.tabular import CsvStyle, md_cell, md_row, to_text

if TYPE_CHECKING:  # annotations only: commands that print no budget do not build these classes
    from iomstrat.results.budget import ApprovedLine, BudgetRow, BudgetTable, YearHeading

UNIT_WORDS = {"million": "million", "thousand": "thousand", "kroner": ""}


class BudgetFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # binary: render.xlsx.budget_workbook


def _year_header(heading: YearHeading) -> str:
    marks = {
        "planned": "Planned {}*",
        "approved": "Approved {}",
        "reduced": "Reduced {}",
        "withheld": "Withheld {}",
    }
    return marks[heading.status].format(heading.year)


def _caption(table: BudgetTable) -> str:
    unit = UNIT_WORDS[table.unit]
    return f"({table.currency} {unit})".replace(" )", ")")


APPROVED_ROW = "Approved by parliament"


def _any_decided(table: BudgetTable) -> bool:
    return any(h.status != "planned" for h in table.years)


def _approved_cells(table: BudgetTable, locale: str) -> list[str]:
    """The decided amount of each year; empty while a year is only planned."""
    amounts = [h.approved_amount for h in table.years]
    return ["" if amount is None else figure(amount, locale) for amount in amounts]


APPROVED_LINE = "{} (approved)"
"""A line's approved amounts, shown where a year is reduced or withheld."""


def _approved_line_cells(line: ApprovedLine, table: BudgetTable, locale: str) -> list[str]:
    amounts = [line.amounts.get(h.year) for h in table.years]
    return ["" if amount is None else figure(amount, locale) for amount in amounts]


def _name(row: BudgetRow) -> str:
    return f"{row.label} {row.name}".strip()


def _headers(table: BudgetTable) -> list[str]:
    first = _caption(table)
    years = [h.year for h in table.years]
    return [
        first,
        "Finance Act code",
        *map(_year_header, table.years),
        f"Total {years[0]}-{years[-1]}",
    ]


def render_table(table: BudgetTable, locale: str, *, color: bool, width: int = 120) -> str:
    from rich.table import Table

    title = f"{table.title}\n{table.funding_basis}".strip()
    grid = Table(title=title, caption=table.footnote, caption_justify="left")
    for index, header in enumerate(_headers(table)):
        if index == 0:
            grid.add_column(header, ratio=1, min_width=24, overflow="fold")
        else:
            header = header.replace(" ", "\n", 1) if index > 1 else header
            grid.add_column(header, justify="left" if index == 1 else "right", no_wrap=True)
    for row in table.rows:
        style = "bold" if row.kind != "line" else None
        grid.add_row(
            _name(row),
            row.finance_act_code,
            *(figure(row.amounts[h.year], locale) for h in table.years),
            figure(row.total, locale),
            style=style,
            end_section=row.kind != "line",
        )
    if _any_decided(table):
        grid.add_row(APPROVED_ROW, "", *_approved_cells(table, locale), "", style="italic")
    for line in table.approved_lines:
        cells = _approved_line_cells(line, table, locale)
        grid.add_row(APPROVED_LINE.format(line.name), "", *cells, "", style="italic")
    return to_text(grid, width=width, color=color)


def as_data(table: BudgetTable) -> dict[str, Any]:
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
                "name": r.name,
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
        "footnote": table.footnote,
    }


def render_json(table: BudgetTable) -> str:
    import json  # here, not above: `validate` loads this module for the enum alone

    return json.dumps(as_data(table), ensure_ascii=False, indent=2) + "\n"


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
                row.name,
                row.kind,
                row.finance_act_code,
                *(number(row.amounts[y]) for y in years),
                number(row.total),
            ]
        )
    if _any_decided(table):
        approved = [h.approved_amount for h in table.years]
        cells = ["" if value is None else number(value) for value in approved]
        writer.writerow(["approved", "", APPROVED_ROW, "approved", "", *cells, ""])
    for line in table.approved_lines:
        cells = ["" if (v := line.amounts[y]) is None else number(v) for y in years]
        name = APPROVED_LINE.format(line.name)
        writer.writerow([f"approved:{line.id}", "", name, "approved", "", *cells, ""])
    return out.getvalue()


def render_markdown(table: BudgetTable, locale: str) -> str:
    headers = _headers(table)
    lines = [
        f"### {md_cell(table.title)}",
        "",
        md_row(headers),
        "|" + "---|" * 2 + "---:|" * (len(headers) - 2),
    ]
    for row in table.rows:
        cells = [
            _name(row),
            row.finance_act_code,
            *(figure(row.amounts[h.year], locale) for h in table.years),
            figure(row.total, locale),
        ]
        if row.kind != "line":
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append(md_row(cells))
    if _any_decided(table):
        cells = [f"_{APPROVED_ROW}_", "", *_approved_cells(table, locale), ""]
        lines.append(md_row(cells))
    for line in table.approved_lines:
        name = APPROVED_LINE.format(line.name)
        lines.append(md_row([f"_{name}_", "", *_approved_line_cells(line, table, locale), ""]))
    lines += ["", f"_{md_cell(table.footnote)}_", ""]
    return "\n".join(lines)


def render(table: BudgetTable, fmt: BudgetFormat, locale: str, *, color: bool = False) -> str:
    if fmt is BudgetFormat.table:
        return render_table(table, locale, color=color)
    if fmt is BudgetFormat.json:
        return render_json(table)
    if fmt is BudgetFormat.csv:
        return render_csv(table, locale)
    if fmt is BudgetFormat.xlsx:
        raise ValueError("xlsx is binary: use iomstrat.render.xlsx.budget_workbook")
    return render_markdown(table, locale)
