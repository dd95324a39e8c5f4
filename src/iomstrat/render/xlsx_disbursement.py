"""Disbursement reports and the portfolio as workbook sheets (`iomstrat disbursement --format
xlsx`): one sheet per report, one for its priority areas, one for the portfolio.

A row for a whole period (a line over all years, the grand total) has an empty Year and the
kind `total`: filtered to `line`, a sheet holds each figure once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iomstrat.render.xlsx import PERCENT, WHOLE, Cell, Sheet, words, workbook

if TYPE_CHECKING:
    from iomstrat.findings import Diagnostic
    from iomstrat.results.disbursement import DisbursementReport, DisbursementRow, Portfolio

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
FIRST = {"line": "Line", "year": "Year", "quarter": "Quarter", "priority": "Priority area"}


def _heading(report: DisbursementReport, locale: str) -> tuple[str, ...]:
    line = words(locale)["heading"].format(
        date=report.as_of.isoformat(),
        by=words(locale)[f"{report.by}_view"],
        currency=report.currency,
    )
    return (report.title, line)


def _title(base: str, index: int, count: int) -> str:
    return base if count == 1 else f"{base} {index + 1}"


def kind(row: DisbursementRow) -> str:
    """A row's kind for filters: a line's figures over the whole period are a total."""
    return row.kind if row.year is not None else "total"


def _label(row: DisbursementRow, locale: str) -> str:
    """Labels of totals and quarters in the sheet's language; line names as the file has them.
    A total's key is its period ("2023-2026"), a subtotal's its year, a quarter's "2023-Q2"."""
    say = words(locale)
    if row.kind != "line" and row.key.replace("-", "").isdigit():
        return f"{say['Total']} {row.key}"
    year, _, quarter = row.key.partition("-Q")
    if quarter and year.isdigit():
        return f"{year} {say['Q']}{quarter}"
    return row.label


def report_sheet(
    report: DisbursementReport, title: str = "Disbursement", locale: str = "en"
) -> Sheet:
    say = words(locale)
    rows: list[tuple[Cell, ...]] = [
        (
            _label(row, locale),
            row.year,
            *(getattr(row.figures, name) for name, _ in FIGURES),
        )
        for row in report.rows
    ]
    return Sheet(
        title=title,
        heading=_heading(report, locale),
        columns=(say[FIRST[report.by]], say["Year"], *(say[heading] for _, heading in FIGURES)),
        rows=tuple(rows),
        kinds=tuple(kind(r) for r in report.rows),
        footnote=" ".join(report.notes),
        column_formats=(None, WHOLE, *(PERCENT if name == "rate" else None for name, _ in FIGURES)),
    )


def priority_sheet(
    report: DisbursementReport, title: str = "Priority areas", locale: str = "en"
) -> Sheet:
    say = words(locale)
    return Sheet(
        title=title,
        heading=_heading(report, locale),
        columns=(
            say["Year"],
            say["Priority area"],
            say["Allocated"],
            say["Disbursed"],
            say["Allocations"],
        ),
        rows=tuple(
            (
                r.year,
                r.label if r.kind == "line" else say["Total"],
                r.allocated,
                r.disbursed,
                r.items,
            )
            for r in report.priority_rows
        ),
        kinds=tuple(r.kind for r in report.priority_rows),
        column_formats=(WHOLE, None, None, None, WHOLE),
    )


def portfolio_sheet(portfolio: Portfolio, locale: str = "en") -> Sheet:
    say = words(locale)
    return Sheet(
        title=say["Portfolio"],
        heading=(
            say["portfolio"].format(
                n=len(portfolio.files),
                date=portfolio.as_of.isoformat(),
                currency=portfolio.currency,
            ),
        ),
        columns=(
            say["Finance Act code"],
            say["Year"],
            say["Planned"],
            say["Approved"],
            say["Disbursed"],
            say["Remaining"],
            say["Files"],
        ),
        rows=tuple(
            (r.finance_act_code, r.year, r.planned, r.approved, r.disbursed, r.remaining, r.files)
            for r in portfolio.rows
        ),
        kinds=tuple("line" if r.year is not None else "total" for r in portfolio.rows),
        column_formats=(None, WHOLE, None, None, None, None, WHOLE),
    )


def disbursement_sheets(
    reports: Sequence[DisbursementReport], portfolio: Portfolio | None, locale: str = "en"
) -> list[Sheet]:
    say = words(locale)
    sheets: list[Sheet] = []
    for index, report in enumerate(reports):
        if report.by != "priority":
            title = _title(say["Disbursement"], index, len(reports))
            sheets.append(report_sheet(report, title, locale))
        if report.priority_rows:
            title = _title(say["Priority areas"], index, len(reports))
            sheets.append(priority_sheet(report, title, locale))
    if portfolio is not None:
        sheets.append(portfolio_sheet(portfolio, locale))
    return sheets


def disbursement_workbook(
    reports: Sequence[DisbursementReport],
    portfolio: Portfolio | None,
    *,
    locale: str = "en",
    findings: Sequence[Diagnostic] = (),
) -> bytes:
    """The workbook of a disbursement run; error `findings` put a banner atop every sheet."""
    sheets = disbursement_sheets(reports, portfolio, locale)
    return workbook(sheets, locale=locale, findings=findings)
