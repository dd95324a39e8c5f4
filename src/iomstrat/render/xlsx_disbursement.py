"""Disbursement reports and the portfolio as workbook sheets (for `iomstrat disbursement
--format xlsx`): one sheet per report, one for priority areas, one for the portfolio.

Typed against the shape of `iomstrat.report_disbursement` (issue 4) through protocols, so it
stands on its own until that module is on main; wire it up in cli/disbursement.py with
`write_bytes(disbursement_workbook(result.reports, result.portfolio), output, fmt)`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from iomstrat.render.xlsx import Cell, Sheet, workbook

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


class FiguresLike(Protocol):
    @property
    def planned(self) -> Decimal: ...
    @property
    def approved(self) -> Decimal | None: ...
    @property
    def allocated(self) -> Decimal | None: ...
    @property
    def disbursed(self) -> Decimal: ...
    @property
    def remaining(self) -> Decimal: ...
    @property
    def rate(self) -> Decimal | None: ...
    @property
    def scheduled(self) -> Decimal: ...
    @property
    def variance(self) -> Decimal: ...
    @property
    def forecast(self) -> Decimal: ...


class RowLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def figures(self) -> FiguresLike: ...


class PriorityRowLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def allocated(self) -> Decimal: ...
    @property
    def disbursed(self) -> Decimal: ...
    @property
    def items(self) -> int: ...


class ReportLike(Protocol):
    @property
    def file(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def currency(self) -> str: ...
    @property
    def as_of(self) -> dt.date: ...
    @property
    def by(self) -> str: ...
    @property
    def rows(self) -> Sequence[RowLike]: ...
    @property
    def priority_rows(self) -> Sequence[PriorityRowLike]: ...
    @property
    def notes(self) -> Sequence[str]: ...


class PortfolioRowLike(Protocol):
    @property
    def finance_act_code(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def planned(self) -> Decimal: ...
    @property
    def approved(self) -> Decimal | None: ...
    @property
    def disbursed(self) -> Decimal: ...
    @property
    def remaining(self) -> Decimal: ...
    @property
    def files(self) -> int: ...


class PortfolioLike(Protocol):
    @property
    def currency(self) -> str: ...
    @property
    def as_of(self) -> dt.date: ...
    @property
    def files(self) -> Sequence[str]: ...
    @property
    def rows(self) -> Sequence[PortfolioRowLike]: ...


def _heading(report: ReportLike) -> tuple[str, ...]:
    return (
        report.title,
        f"Disbursement as of {report.as_of.isoformat()}, by {report.by} ({report.currency})",
    )


def _title(base: str, index: int, count: int) -> str:
    return base if count == 1 else f"{base} {index + 1}"


def report_sheet(report: ReportLike, title: str = "Disbursement") -> Sheet:
    first = "Line" if report.by == "line" else report.by.capitalize()
    rows: list[tuple[Cell, ...]] = []
    for row in report.rows:
        figures = row.figures
        rows.append(
            (
                row.label,
                row.year,
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


def priority_sheet(report: ReportLike, title: str = "Priority areas") -> Sheet:
    return Sheet(
        title=title,
        heading=_heading(report),
        columns=("Priority area", "Allocated", "Disbursed", "Allocations"),
        rows=tuple((r.label, r.allocated, r.disbursed, r.items) for r in report.priority_rows),
        bold_rows=frozenset(i for i, r in enumerate(report.priority_rows) if r.kind != "line"),
        column_formats=(None, None, None, "0"),
    )


def portfolio_sheet(portfolio: PortfolioLike) -> Sheet:
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
    reports: Sequence[ReportLike], portfolio: PortfolioLike | None
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


def disbursement_workbook(reports: Sequence[ReportLike], portfolio: PortfolioLike | None) -> bytes:
    return workbook(disbursement_sheets(reports, portfolio))
