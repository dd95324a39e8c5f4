"""Disbursement sheets of the workbook, on report objects of the shape issue 4's
`iomstrat.report_disbursement` defines (built here until that module is on main)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

import openpyxl

from iomstrat.render.xlsx_disbursement import disbursement_workbook


@dataclass(frozen=True)
class Figures:
    planned: Decimal
    approved: Decimal | None
    allocated: Decimal | None
    disbursed: Decimal
    remaining: Decimal
    rate: Decimal | None
    scheduled: Decimal
    variance: Decimal
    forecast: Decimal


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    kind: str
    year: int | None
    figures: Figures


@dataclass(frozen=True)
class PriorityRow:
    key: str
    label: str
    kind: str
    allocated: Decimal
    disbursed: Decimal
    items: int


@dataclass(frozen=True)
class Report:
    file: str
    title: str
    currency: str
    as_of: dt.date
    by: str
    rows: tuple[Row, ...]
    priority_rows: tuple[PriorityRow, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class PortfolioRow:
    finance_act_code: str
    year: int | None
    planned: Decimal
    approved: Decimal | None
    disbursed: Decimal
    remaining: Decimal
    files: int


@dataclass(frozen=True)
class Portfolio:
    currency: str
    as_of: dt.date
    files: tuple[str, ...]
    rows: tuple[PortfolioRow, ...]


D = Decimal
CORE = Figures(
    D(48_000_000),
    D(48_000_000),
    None,
    D(24_000_000),
    D(24_000_000),
    D("0.5"),
    D(36_000_000),
    D(-12_000_000),
    D(48_000_000),
)
SOFT = Figures(
    D(50_000_000),
    D(50_000_000),
    D("30000000"),
    D("12345678.91"),
    D("37654321.09"),
    D("0.2469135782"),
    D(25_000_000),
    D("-12654321.09"),
    D(50_000_000),
)
REPORT = Report(
    file="examples/illustrative_2023.yaml",
    title="Strategy for IOM 2023-2026",
    currency="DKK",
    as_of=dt.date(2023, 12, 31),
    by="line",
    rows=(
        Row("core", "Core funding", "line", 2023, CORE),
        Row("soft_earmarked", "Soft earmarked", "line", 2023, SOFT),
    ),
    priority_rows=(
        PriorityRow("1", "1. Migration governance", "line", D(18_000_000), D("7000000.5"), 2),
        PriorityRow("total", "Total", "total", D(30_000_000), D("12345678.91"), 3),
    ),
    notes=("Illustrative figures.",),
)
PORTFOLIO = Portfolio(
    "DKK",
    dt.date(2023, 12, 31),
    ("a.yaml", "b.yaml"),
    (
        PortfolioRow(
            "§06.32.10.14",
            2023,
            D(100_000_000),
            D(100_000_000),
            D("36345678.91"),
            D("63654321.09"),
            2,
        ),
        PortfolioRow(
            "§06.32.10.14", None, D(400_000_000), None, D("36345678.91"), D("363654321.09"), 2
        ),
    ),
)


def test_disbursement_workbook_reads_back() -> None:
    book = openpyxl.load_workbook(io.BytesIO(disbursement_workbook([REPORT], PORTFOLIO)))
    assert book.sheetnames == ["Disbursement", "Priority areas", "Portfolio"]

    sheet = book["Disbursement"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[3] == (
        "Line",
        "Year",
        "Planned",
        "Approved",
        "Allocated",
        "Disbursed",
        "Remaining",
        "Rate",
        "Scheduled",
        "Variance",
        "Forecast",
    )
    soft = next(r for r in rows if r[0] == "Soft earmarked")
    assert [D(str(v)) for v in soft[2:]] == [
        D(50_000_000),
        D(50_000_000),
        D(30_000_000),
        D("12345678.91"),
        D("37654321.09"),
        D("0.2469135782"),
        D(25_000_000),
        D("-12654321.09"),
        D(50_000_000),
    ]
    core = next(r for r in rows if r[0] == "Core funding")
    assert core[4] is None  # core is not allocated: an empty cell, not 0
    cells = {
        c.column_letter: c
        for c in next(r for r in sheet.iter_rows() if r[0].value == "Core funding")
    }
    assert cells["H"].number_format == "0.0%" and cells["H"].value == 0.5
    assert cells["C"].number_format == "#,##0.00"  # cents of the converted payments
    assert cells["C"].data_type == "n"

    priority = list(book["Priority areas"].iter_rows(values_only=True))
    assert priority[-1] == ("Total", 30000000, 12345678.91, 3)

    portfolio = list(book["Portfolio"].iter_rows(values_only=True))
    assert portfolio[-1][:3] == ("§06.32.10.14", "Total", 400000000)
    assert portfolio[-1][3] is None


def test_several_reports_get_numbered_sheets() -> None:
    book = openpyxl.load_workbook(io.BytesIO(disbursement_workbook([REPORT, REPORT], None)))
    assert book.sheetnames == [
        "Disbursement 1",
        "Priority areas 1",
        "Disbursement 2",
        "Priority areas 2",
    ]
