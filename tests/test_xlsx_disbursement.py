"""`iomstrat disbursement --format xlsx`: sheets per report, priority areas and portfolio, read
back with openpyxl and compared with the figures (and with the JSON output of the same run)."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl

from iomstrat.render.xlsx_disbursement import disbursement_workbook
from iomstrat.results.disbursement import DisbursementReport as Report
from iomstrat.results.disbursement import DisbursementRow as Row
from iomstrat.results.disbursement import Figures, Portfolio, PortfolioRow, PriorityRow

from .conftest import ROOT, run_cli

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
        PriorityRow("1", "1. Migration governance", "line", 2023, D(18_000_000), D("7000000.5"), 2),
        PriorityRow("total", "Total", "total", None, D(30_000_000), D("12345678.91"), 3),
    ),
    payments=3,
    allocations=1,
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
    assert priority[-1] == (None, "Total", 30000000, 12345678.91, 3)

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


def test_disbursement_command_writes_the_json_figures(tmp_path: Path) -> None:
    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    target = tmp_path / "disbursement.xlsx"
    args = ["disbursement", example, "--as-of", "2023-12-31"]
    run = run_cli(*args, "--format", "xlsx", "--output", str(target))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    expected = json.loads(run_cli(*args, "--format", "json").stdout)["reports"][0]["rows"]
    sheet = openpyxl.load_workbook(target)["Disbursement"]
    rows = list(sheet.iter_rows(values_only=True))
    data = rows[4:]
    assert len([r for r in data if r[0] is not None]) >= len(expected)
    columns = ["planned", "approved", "allocated", "disbursed", "remaining", "rate"]
    for want, got in zip(expected, data, strict=False):
        assert got[0] == want["label"]
        assert got[1] == (want["year"] if want["year"] is not None else "Period")
        for index, name in enumerate(columns, start=2):
            if want[name] is None:
                assert got[index] is None
            else:
                assert Decimal(str(got[index])) == Decimal(want[name]), (want["label"], name)
    soft = next(r for r in data if str(r[0]).startswith("b. Soft") and r[1] == 2023)
    assert Decimal(str(soft[5])) == Decimal("30663084.28")


def test_disbursement_xlsx_needs_an_output_file() -> None:
    run = run_cli("disbursement", "--format", "xlsx")
    assert run.exit_code == 2
    assert run.stderr.endswith("iomstrat: --format xlsx writes a file: give --output FILE\n")
