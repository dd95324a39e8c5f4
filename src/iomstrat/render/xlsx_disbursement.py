"""Disbursement reports and the portfolio as workbook sheets (`iomstrat disbursement --format
xlsx`): one sheet per report, one for its priority areas, one for the portfolio."""

from __future__ import annotations

from collections.abc import Sequence

from iomstrat.render.xlsx import Cell, Sheet, workbook
from iomstrat.results.disbursement import DisbursementReport, Portfolio

FIGURES = (
    ("planned", "Planned"),
    ("approved", "Approved"),
    ("allocated", "Allocated"),
    ("disbursed", "Disbursed"),
    ("remaining", "Remaining"),
    ("rate", "Rate"),
    ("scheduled", "Scheduled"),
    ("variance", "Variance"),
    ("forecast", "Forecast"),
)
PERCENT = "0.0%"


def _heading(report: DisbursementReport) -> tuple[str, ...]:
    return (
        report.title,
        f"Disbursement as of {report.as_of.isoformat()}, by {report.by} ({report.currency})",
    )


def _title(base: str, index: int, count: int) -> str:
    return base if count == 1 else f"{base} {index + 1}"


def report_sheet(report: DisbursementReport, title: str = "Disbursement") -> Sheet:
    first = "Line" if report.by == "line" else report.by.capitalize()
    rows: list[tuple[Cell, ...]] = []
    for row in report.rows:
        figures = row.figures
        rows.append(
            (
                row.label,
                row.year if row.year is not None else "Period",
                *(getattr(figures, name) for name, _ in FIGURES),
            )
        )
    return Sheet(
        title=title,
        heading=_heading(report),
        columns=(first, "Year", *(heading for _, heading in FIGURES)),
        rows=tuple(rows),
        bold_rows=frozenset(i for i, r in enumerate(report.rows) if r.kind != "line"),
        footnote=" ".join(report.notes),
        column_formats=(None, "0", *(PERCENT if name == "rate" else None for name, _ in FIGURES)),
    )


def priority_sheet(report: DisbursementReport, title: str = "Priority areas") -> Sheet:
    return Sheet(
        title=title,
        heading=_heading(report),
        columns=("Year", "Priority area", "Allocated", "Disbursed", "Allocations"),
        rows=tuple(
            (r.year, r.label, r.allocated, r.disbursed, r.items) for r in report.priority_rows
        ),
        bold_rows=frozenset(i for i, r in enumerate(report.priority_rows) if r.kind != "line"),
        column_formats=("0", None, None, None, "0"),
    )


def portfolio_sheet(portfolio: Portfolio) -> Sheet:
    return Sheet(
        title="Portfolio",
        heading=(
            f"Portfolio of {len(portfolio.files)} strategies as of "
            f"{portfolio.as_of.isoformat()} ({portfolio.currency})",
        ),
        columns=(
            "Finance Act code",
            "Year",
            "Planned",
            "Approved",
            "Disbursed",
            "Remaining",
            "Files",
        ),
        rows=tuple(
            (
                r.finance_act_code,
                r.year if r.year is not None else "Total",
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
    reports: Sequence[DisbursementReport], portfolio: Portfolio | None
) -> list[Sheet]:
    sheets: list[Sheet] = []
    for index, report in enumerate(reports):
        if report.by != "priority":
            sheets.append(report_sheet(report, _title("Disbursement", index, len(reports))))
        if report.priority_rows:
            sheets.append(priority_sheet(report, _title("Priority areas", index, len(reports))))
    if portfolio is not None:
        sheets.append(portfolio_sheet(portfolio))
    return sheets


def disbursement_workbook(
    reports: Sequence[DisbursementReport], portfolio: Portfolio | None
) -> bytes:
    return workbook(disbursement_sheets(reports, portfolio))
