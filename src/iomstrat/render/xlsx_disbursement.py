"""Disbursement reports and the portfolio as workbook sheets (`iomstrat disbursement --format
xlsx`): one sheet per report, one for its priority areas, one for the portfolio.

A row for a whole period (a line over all years, the grand total) has an empty Year and the
kind `total`: filtered to `line`, a sheet holds each figure once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iomstrat.render.disbursement import (
    DIALOGUE_HEADINGS,
    FIGURE_COLUMNS,
    GROUPED,
    PORTFOLIO_HEADINGS,
    basis_word,
    dialogue_title,
    group_headings,
    notes,
    portfolio_code,
    portfolio_title,
    priority_label,
    row_label,
    subtitle,
)
from iomstrat.render.words import word
from iomstrat.render.xlsx import PERCENT, WHOLE, Cell, Sheet, workbook
from iomstrat.results.completeness import COMPLETE, Completeness

if TYPE_CHECKING:
    from iomstrat.findings import Diagnostic
    from iomstrat.results.disbursement import DisbursementReport, DisbursementRow, Portfolio

FIRST = {
    "line": "line",
    "year": "year",
    "quarter": "quarter",
    "priority": "priority_area",
    "place": "place",
}


def _heading(report: DisbursementReport, locale: str) -> tuple[str, ...]:
    return (report.title, subtitle(report, locale))


_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LIMIT = 31
"""Excel's longest sheet name."""


def _titles(reports: Sequence[DisbursementReport], locale: str) -> list[tuple[str, str]]:
    """Each report's sheet names (disbursement, priority areas): the words alone for one
    report; in a portfolio the organisation's name (its acronym where it has one), and for its
    priority areas that name with the words, each unique and within Excel's limits."""
    figures = word("sheet_disbursement", locale)

    def grouped(report: DisbursementReport) -> str:
        return word("sheet_place" if report.by == "place" else "sheet_priority", locale)

    if len(reports) == 1:
        return [(figures, grouped(reports[0]))]
    names: list[tuple[str, str]] = []
    taken: set[str] = set()
    for report in reports:
        base = _NOT_IN_SHEET_NAMES.sub("-", report.organisation).strip("' ") or figures
        number, name = 1, base[:SHEET_NAME_LIMIT]
        while name.lower() in taken:
            number += 1
            suffix = f" {number}"
            name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        taken.add(name.lower())
        area = f"{name} {grouped(report).lower()}"[:SHEET_NAME_LIMIT]
        taken.add(area.lower())
        names.append((name, area))
    return names


def kind(row: DisbursementRow) -> str:
    """A row's kind for filters: a line's figures over the whole period are a total."""
    return row.kind if row.year is not None else "total"


def report_sheet(
    report: DisbursementReport, title: str = "Disbursement", locale: str = "en"
) -> Sheet:
    # By year the first column is the year: no second one of the same name.
    # The words saying what each unallocated figure is measured against follow its column.
    year: tuple[str, ...] = () if report.by == "year" else (word("year", locale),)
    keys = [k for c in FIGURE_COLUMNS for k in ((c, BASIS) if c == "unallocated" else (c,))]
    rows: list[tuple[Cell, ...]] = [
        (
            row_label(row, locale),
            *((row.year,) if year else ()),
            *(
                basis_word(row.figures.unallocated_basis, locale)
                if k == BASIS
                else getattr(row.figures, k)
                for k in keys
            ),
        )
        for row in report.rows
    ]
    figures = (word("rate_long" if k == "rate" else k, locale) for k in keys)
    return Sheet(
        title=title,
        heading=_heading(report, locale),
        columns=(word(FIRST[report.by], locale).capitalize(), *year, *figures),
        rows=tuple(rows),
        kinds=tuple(kind(r) for r in report.rows),
        footnote=" ".join(notes(report, locale)),
        column_formats=(
            None,
            *((WHOLE,) if year else ()),
            *(PERCENT if k == "rate" else None for k in keys),
        ),
        file=report.file,
    )


BASIS = "unallocated_basis"


def dialogue_sheet(report: DisbursementReport, title: str, locale: str = "en") -> Sheet:
    """Per dialogue line, year and period: the year's amount and what it is (approved or
    planned), allocated in the period, unallocated at its end."""
    keys = (*DIALOGUE_HEADINGS[:3], BASIS, *DIALOGUE_HEADINGS[3:])
    return Sheet(
        title=title,
        heading=tuple(dialogue_title(report, locale).split("\n")),
        columns=tuple(word(k, locale) for k in keys),
        rows=tuple(
            (
                r.label or r.line,
                r.period,
                r.basis,
                basis_word(r.basis_kind, locale),
                r.allocated,
                r.unallocated,
            )
            for r in report.dialogue_periods
        ),
        kinds=tuple("line" for _ in report.dialogue_periods),
        column_formats=(None, None, None, None, None, None),
        file=report.file,
    )


def priority_sheet(
    report: DisbursementReport, title: str = "Priority areas", locale: str = "en"
) -> Sheet:
    keys = group_headings(report.by)
    return Sheet(
        title=title,
        heading=_heading(report, locale),
        columns=tuple(word(k, locale) for k in keys),
        rows=tuple(
            (
                r.year,
                priority_label(r, locale),
                r.allocated,
                r.disbursed,
                r.items,
            )
            for r in report.priority_rows
        ),
        kinds=tuple(r.kind for r in report.priority_rows),
        column_formats=(WHOLE, None, None, None, WHOLE),
        file=report.file,
    )


def portfolio_sheet(portfolio: Portfolio, locale: str = "en") -> Sheet:
    keys = PORTFOLIO_HEADINGS
    return Sheet(
        title=word("sheet_portfolio", locale),
        heading=(portfolio_title(portfolio, locale),),
        columns=tuple(word(k, locale) for k in keys),
        rows=tuple(
            (
                portfolio_code(r, locale),
                r.year,
                r.planned,
                r.approved,
                r.allocated,
                r.disbursed,
                r.remaining,
                r.files,
            )
            for r in portfolio.rows
        ),
        kinds=tuple("line" if r.year is not None else "total" for r in portfolio.rows),
        column_formats=(None, WHOLE, None, None, None, None, None, WHOLE),
    )


def disbursement_sheets(
    reports: Sequence[DisbursementReport], portfolio: Portfolio | None, locale: str = "en"
) -> list[Sheet]:
    sheets: list[Sheet] = []
    for report, (figures, areas) in zip(reports, _titles(reports, locale), strict=True):
        if report.by not in GROUPED:
            sheets.append(report_sheet(report, figures, locale))
        if report.priority_rows:
            sheets.append(priority_sheet(report, areas, locale))
        if report.dialogue_periods:
            name = word("sheet_dialogue", locale)
            if len(reports) > 1:  # a portfolio: each report's own, named by its organisation
                name = f"{figures} {name.lower()}"[:SHEET_NAME_LIMIT]
            sheets.append(dialogue_sheet(report, name, locale))
    if portfolio is not None:
        sheets.append(portfolio_sheet(portfolio, locale))
    return sheets


def disbursement_workbook(
    reports: Sequence[DisbursementReport],
    portfolio: Portfolio | None,
    *,
    locale: str = "en",
    findings: Sequence[Diagnostic] = (),
    completeness: Completeness = COMPLETE,
) -> bytes:
    """The workbook of a disbursement run; error `findings` put a banner atop every sheet,
    after the mark of figures that are not complete."""
    sheets = disbursement_sheets(reports, portfolio, locale)
    return workbook(sheets, locale=locale, findings=findings, completeness=completeness)
