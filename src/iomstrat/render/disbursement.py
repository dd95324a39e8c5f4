"""Disbursement reports and the portfolio as a Rich table, JSON, CSV or Markdown."""

from __future__ import annotations

import enum
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.render.numbers import figure, plain
from iomstrat.render.tabular import CsvStyle, md_cell, rich_console

if TYPE_CHECKING:  # annotations only: `validate` loads this module for the enum, not the reports
    from iomstrat.results.disbursement import (
        DisbursementReport,
        DisbursementRow,
        Portfolio,
        PriorityRow,
    )


class DisbursementFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # binary: render.xlsx_disbursement.disbursement_workbook


FIGURE_COLUMNS = (
    "planned",
    "approved",
    "allocated",
    "disbursed",
    "remaining",
    "rate",
    "scheduled",
    "variance",
    "forecast",
)
HEADINGS = {
    "planned": "Planned",
    "approved": "Approved",
    "allocated": "Allocated",
    "disbursed": "Disbursed",
    "remaining": "Remaining",
    "rate": "%",
    "scheduled": "Scheduled",
    "variance": "Variance",
    "forecast": "Forecast",
}
TABLE_COLUMNS = tuple(c for c in FIGURE_COLUMNS if c != "scheduled")
"""The table leaves out `scheduled` (variance says how far from it); JSON and CSV have it."""
EMPTY = "—"


def _whole(value: Decimal | None, locale: str) -> str:
    """Table figures in whole currency units; exact values are in JSON and CSV."""
    if value is None:
        return EMPTY
    return figure(value.quantize(Decimal(1)), locale)


def _percent(value: Decimal | None, locale: str) -> str:
    if value is None:
        return EMPTY
    from babel.numbers import format_decimal  # here: every command loads this module's enum

    return str(format_decimal(value * 100, format="0.0", locale=locale))


def _title(report: DisbursementReport) -> str:
    return (
        f"{report.title}\nDisbursement as of {report.as_of.isoformat()}, by {report.by} "
        f"({report.currency})"
    )


def nothing_recorded(report: DisbursementReport) -> str:
    return (
        f"Nothing recorded yet in {report.file}: no payments and no dialogue allocations. "
        "The figures below are the plan; add approvals, `allocations:`, `disbursements:` or "
        "`ledgers:` to the file (or --ledger FILE) to track them."
    )


def _row_label(row: DisbursementRow, by: str) -> str:
    if by == "line" and row.kind == "line":
        return f"{row.year if row.year is not None else 'Period'}  {row.label}"
    return row.label


def render_table(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    locale: str,
    *,
    color: bool,
    width: int = 160,
) -> str:
    from rich.progress_bar import ProgressBar
    from rich.table import Table

    console, out = rich_console(width, color)
    for report in reports:
        if report.nothing_recorded:
            console.print(nothing_recorded(report), style="bold")
        if report.by == "priority":
            console.print(_priority_table(report, locale))
        else:
            grid = Table(title=_title(report), caption="\n".join(report.notes) or None)
            grid.add_column(
                "Line / year" if report.by == "line" else report.by.capitalize(),
                no_wrap=True,
                overflow="ellipsis",
                max_width=30,
            )
            for column in TABLE_COLUMNS:
                grid.add_column(HEADINGS[column], justify="right", no_wrap=True)
                if column == "rate":
                    grid.add_column("Progress", no_wrap=True)
            for row in report.rows:
                f = row.figures
                rate = f.rate if f.rate is not None else Decimal(0)
                cells: list[Any] = []
                for column in TABLE_COLUMNS:
                    value = getattr(f, column)
                    cells.append(
                        _percent(value, locale) if column == "rate" else _whole(value, locale)
                    )
                    if column == "rate":
                        cells.append(
                            ProgressBar(
                                total=100, completed=float(min(rate, Decimal(1)) * 100), width=12
                            )
                        )
                grid.add_row(
                    _row_label(row, report.by),
                    *cells,
                    style="bold" if row.kind != "line" else None,
                    end_section=row.kind != "line",
                )
            console.print(grid)
    if combined is not None:
        console.print(_portfolio_table(combined, locale))
    return out.getvalue()


def _priority_table(report: DisbursementReport, locale: str) -> Any:
    from rich.table import Table

    grid = Table(title=_title(report), caption="\n".join(report.notes) or None)
    grid.add_column("Year", no_wrap=True)
    grid.add_column("Priority area", ratio=1, overflow="fold")
    for name in ("Allocated", "Disbursed", "Allocations"):
        grid.add_column(name, justify="right", no_wrap=True)
    for row in report.priority_rows:
        grid.add_row(
            str(row.year) if row.year is not None else "",
            row.label,
            _whole(row.allocated, locale),
            _whole(row.disbursed, locale),
            str(row.items),
            style="bold" if row.kind != "line" else None,
        )
    return grid


def _portfolio_table(combined: Portfolio, locale: str) -> Any:
    from rich.table import Table

    grid = Table(
        title=f"Portfolio of {len(combined.files)} strategies as of "
        f"{combined.as_of.isoformat()} ({combined.currency})"
    )
    for name in ("Finance Act code", "Year", "Planned", "Approved", "Disbursed", "Remaining"):
        grid.add_column(name, justify="left" if name == "Finance Act code" else "right")
    grid.add_column("Files", justify="right")
    for row in combined.rows:
        grid.add_row(
            row.finance_act_code,
            str(row.year) if row.year is not None else "Total",
            _whole(row.planned, locale),
            _whole(row.approved, locale),
            _whole(row.disbursed, locale),
            _whole(row.remaining, locale),
            str(row.files),
            style="bold" if row.year is None else None,
            end_section=row.year is None,
        )
    return grid


def _exact(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _row_data(row: DisbursementRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "label": row.label,
        "kind": row.kind,
        "year": row.year,
        **{column: _exact(getattr(row.figures, column)) for column in FIGURE_COLUMNS},
    }


def _priority_data(row: PriorityRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "label": row.label,
        "kind": row.kind,
        "year": row.year if row.year is not None else "",
        "allocated": plain(row.allocated),
        "disbursed": plain(row.disbursed),
        "items": row.items,
    }


def as_data(reports: Sequence[DisbursementReport], combined: Portfolio | None) -> dict[str, Any]:
    """Plain data for JSON: amounts as strings holding exact decimals."""
    return {
        "reports": [
            {
                "file": r.file,
                "title": r.title,
                "currency": r.currency,
                "as_of": r.as_of.isoformat(),
                "by": r.by,
                "nothing_recorded": r.nothing_recorded,
                "payments": r.payments,
                "allocations": r.allocations,
                "rows": [_row_data(row) for row in r.rows],
                "priority_areas": [_priority_data(row) for row in r.priority_rows],
                "notes": list(r.notes),
            }
            for r in reports
        ],
        "portfolio": None
        if combined is None
        else {
            "currency": combined.currency,
            "as_of": combined.as_of.isoformat(),
            "files": list(combined.files),
            "rows": [
                {
                    "finance_act_code": row.finance_act_code,
                    "year": row.year,
                    "planned": plain(row.planned),
                    "approved": _exact(row.approved),
                    "disbursed": plain(row.disbursed),
                    "remaining": plain(row.remaining),
                    "files": row.files,
                }
                for row in combined.rows
            ],
        },
    }


def render_json(reports: Sequence[DisbursementReport], combined: Portfolio | None) -> str:
    import json  # here, not above: only JSON output needs it

    return json.dumps(as_data(reports, combined), ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = (
    "file",
    "section",
    "key",
    "label",
    "kind",
    "year",
    "currency",
    *FIGURE_COLUMNS,
    "items",
    "finance_act_code",
)


def render_csv(
    reports: Sequence[DisbursementReport], combined: Portfolio | None, locale: str = "en"
) -> str:
    """One table of exact figures: sections rows, priority and portfolio. ',' separated with
    '.' decimals in English; ';' separated with ',' decimals where the locale writes a decimal
    comma (Danish), so that a spreadsheet in that locale reads numbers."""
    style = CsvStyle(locale)
    out = io.StringIO()
    writer = style.dict_writer(out, CSV_HEADER)

    def localised(row: dict[str, Any]) -> dict[str, Any]:
        if not style.decimal_comma:
            return row
        return {
            k: v.replace(".", ",") if k in FIGURE_COLUMNS and isinstance(v, str) else v
            for k, v in row.items()
        }

    writer.writeheader()
    for r in reports:
        base = {"file": r.file, "currency": r.currency}
        for row in r.rows:
            writer.writerow(localised({**base, "section": "rows", **_row_data(row)}))
        for p in r.priority_rows:
            writer.writerow(localised({**base, "section": "priority", **_priority_data(p)}))
    if combined is not None:
        for total in combined.rows:
            writer.writerow(
                localised(
                    {
                        "section": "portfolio",
                        "currency": combined.currency,
                        "key": total.finance_act_code,
                        "year": total.year if total.year is not None else "",
                        "planned": plain(total.planned),
                        "approved": _exact(total.approved) or "",
                        "disbursed": plain(total.disbursed),
                        "remaining": plain(total.remaining),
                        "items": total.files,
                        "finance_act_code": total.finance_act_code,
                    }
                )
            )
    return out.getvalue()


def render_markdown(
    reports: Sequence[DisbursementReport], combined: Portfolio | None, locale: str
) -> str:
    lines: list[str] = []
    for r in reports:
        lines += [f"### {md_cell(_title(r))}", ""]
        if r.nothing_recorded:
            lines += [f"_{md_cell(nothing_recorded(r))}_", ""]
        if r.by == "priority":
            lines += [
                "| Year | Priority area | Allocated | Disbursed | Allocations |",
                "|---|---|---:|---:|---:|",
            ]
            for p in r.priority_rows:
                year = str(p.year) if p.year is not None else ""
                lines.append(
                    f"| {year} | {md_cell(p.label)} | {_whole(p.allocated, locale)} | "
                    f"{_whole(p.disbursed, locale)} | {p.items} |"
                )
        else:
            headings = [HEADINGS[c] for c in TABLE_COLUMNS]
            lines += [
                "| " + " | ".join(["Line / year", *headings]) + " |",
                "|---|" + "---:|" * len(headings),
            ]
            for row in r.rows:
                cells = [
                    _percent(row.figures.rate, locale)
                    if c == "rate"
                    else _whole(getattr(row.figures, c), locale)
                    for c in TABLE_COLUMNS
                ]
                label = md_cell(_row_label(row, r.by))
                if row.kind != "line":
                    label = f"**{label}**"
                lines.append("| " + " | ".join([label, *cells]) + " |")
        lines += ["", *(f"_{md_cell(n)}_" for n in r.notes), ""]
    if combined is not None:
        lines += [
            f"### Portfolio as of {combined.as_of.isoformat()} ({combined.currency})",
            "",
            "| Finance Act code | Year | Planned | Approved | Disbursed | Remaining | Files |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for total in combined.rows:
            lines.append(
                f"| {md_cell(total.finance_act_code)} | {total.year or 'Total'} | "
                f"{_whole(total.planned, locale)} | {_whole(total.approved, locale)} | "
                f"{_whole(total.disbursed, locale)} | {_whole(total.remaining, locale)} | "
                f"{total.files} |"
            )
        lines.append("")
    return "\n".join(lines)


def render(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    fmt: DisbursementFormat,
    locale: str = "en",
    *,
    color: bool = False,
) -> str:
    if fmt is DisbursementFormat.table:
        return render_table(reports, combined, locale, color=color)
    if fmt is DisbursementFormat.json:
        return render_json(reports, combined)
    if fmt is DisbursementFormat.csv:
        return render_csv(reports, combined, locale)
    if fmt is DisbursementFormat.xlsx:
        raise ValueError("xlsx is binary: use iomstrat.render.xlsx_disbursement")
    return render_markdown(reports, combined, locale)
