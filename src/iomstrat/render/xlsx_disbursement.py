"""Disbursement reports and the portfolio as workbook sheets (`iomstrat disbursement --format
xlsx`): one sheet per report, one for its priority areas, one for the portfolio."""

from __future__ import annotations

from collections.abc import Sequence

from iomstrat.render.disbursement import (
    FIGURE_COLUMNS,
    notes,
    portfolio_title,
    priority_label,
    row_label,
    subtitle,
)
from iomstrat.render.words import word
from iomstrat.render.xlsx import Cell, Sheet, workbook
from iomstrat.results.disbursement import DisbursementReport, Portfolio

PERCENT = "0.0%"


def _heading(report: DisbursementReport, locale: str) -> tuple[str, ...]:
    return (report.title, subtitle(report, locale))


def _title(base: str, index: int, count: int) -> str:
    return base if count == 1 else f"{base} {index + 1}"


def report_sheet(report: DisbursementReport, title: str, locale: str = "en") -> Sheet:
    first = word("line" if report.by == "line" else f"by_{report.by}", locale).capitalize()
    rows: list[tuple[Cell, ...]] = []
    for row in report.rows:
        figures = row.figures
        rows.append(
            (
                row_label(row, locale),
                row.year if row.year is not None else word("period", locale),
                *(getattr(figures, name) for name in FIGURE_COLUMNS),
            )
        )
    headings = (word("rate_long" if c == "rate" else c, locale) for c in FIGURE_COLUMNS)
    return Sheet(
        title=title,
        heading=_heading(report, locale),
        columns=(first, word("year", locale), *headings),
        rows=tuple(rows),
        bold_rows=frozenset(i for i, r in enumerate(report.rows) if r.kind != "line"),
        footnote=" ".join(notes(report, locale)),
        column_formats=(
            None,
            "0",
            *(PERCENT if name == "rate" else None for name in FIGURE_COLUMNS),
        ),
    )


def priority_sheet(report: DisbursementReport, title: str, locale: str = "en") -> Sheet:
    return Sheet(
        title=title,
        heading=_heading(report, locale),
        columns=tuple(
            word(k, locale)
            for k in ("year", "priority_area", "allocated", "disbursed", "allocations")
        ),
        rows=tuple(
            (r.year, priority_label(r, locale), r.allocated, r.disbursed, r.items)
            for r in report.priority_rows
        ),
        bold_rows=frozenset(i for i, r in enumerate(report.priority_rows) if r.kind != "line"),
        column_formats=("0", None, None, None, "0"),
    )


def portfolio_sheet(portfolio: Portfolio, locale: str = "en") -> Sheet:
    keys = ("finance_act_code", "year", "planned", "approved", "disbursed", "remaining", "files")
    return Sheet(
        title=word("sheet_portfolio", locale),
        heading=(portfolio_title(portfolio, locale),),
        columns=tuple(word(k, locale) for k in keys),
        rows=tuple(
            (
                r.finance_act_code,
                r.year if r.year is not None else word("total", locale),
                r.planned,
                r.approved,
                r.disbursed,
                r.remaining,
                r.files,
            )
            for r in portfolio.rows
        ),
        bold_rows=frozenset(i for i, r in enumerate(portfolio.rows) if r.year is None),
        column_formats=(None, "0", None, None, None, None, "0"),
    )


def disbursement_sheets(
    reports: Sequence[DisbursementReport], portfolio: Portfolio | None, locale: str = "en"
) -> list[Sheet]:
    sheets: list[Sheet] = []
    count = len(reports)
    for index, report in enumerate(reports):
        if report.by != "priority":
            title = _title(word("sheet_disbursement", locale), index, count)
            sheets.append(report_sheet(report, title, locale))
        if report.priority_rows:
            title = _title(word("sheet_priority", locale), index, count)
            sheets.append(priority_sheet(report, title, locale))
    if portfolio is not None:
        sheets.append(portfolio_sheet(portfolio, locale))
    return sheets


def disbursement_workbook(
    reports: Sequence[DisbursementReport], portfolio: Portfolio | None, locale: str = "en"
) -> bytes:
    return workbook(disbursement_sheets(reports, portfolio, locale))
