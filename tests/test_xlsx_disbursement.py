"""`iomstrat disbursement --format xlsx`: sheets per report, priority areas and portfolio, read
back with openpyxl and compared with the figures (and with the JSON output of the same run)."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl

from iomstrat.findings import Diagnostic, Severity
from iomstrat.render.xlsx_disbursement import disbursement_workbook
from iomstrat.results.disbursement import DisbursementReport as Report
from iomstrat.results.disbursement import DisbursementRow as Row
from iomstrat.results.disbursement import Figures, Portfolio, PortfolioRow, PriorityRow

from .conftest import ROOT, run_cli
from .spreadsheet_helpers import assert_prints_well, table

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
    unallocated=D(20_000_000),  # approved 50 less allocated 30
    unallocated_basis="approved",
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
    assert rows[:2] == [
        ("Strategy for IOM 2023-2026", *[None] * 13),
        ("Disbursement as of 31 December 2023, by line (DKK)", *[None] * 13),
    ]
    assert rows[3] == (
        "Line",
        "Year",
        "Planned",
        "Approved",
        "Allocated",
        "Unallocated",
        "Basis",
        "Disbursed",
        "Remaining",
        "Rate",
        "Scheduled",
        "Variance",
        "Forecast",
        "Kind",
    )
    soft = next(r for r in rows if r[0] == "Soft earmarked")
    assert soft[6] == "approved"  # what the unallocated figure is measured against
    assert [D(str(v)) for v in (*soft[2:6], *soft[7:13])] == [
        D(50_000_000),
        D(50_000_000),
        D(30_000_000),
        D(20_000_000),
        D("12345678.91"),
        D("37654321.09"),
        D("0.2469135782"),
        D(25_000_000),
        D("-12654321.09"),
        D(50_000_000),
    ]
    assert soft[13] == "line"
    core = next(r for r in rows if r[0] == "Core funding")
    assert core[4] is None  # core is not allocated: an empty cell, not 0
    cells = {
        c.column_letter: c
        for c in next(r for r in sheet.iter_rows() if r[0].value == "Core funding")
    }
    assert cells["J"].number_format == "0.0%" and cells["J"].value == 0.5
    assert cells["F"].value is None and cells["G"].value is None  # nothing to allocate
    assert cells["C"].number_format == "#,##0.00"  # cents of the converted payments
    assert cells["C"].data_type == "n"
    assert cells["B"].number_format == "0" and cells["B"].value == 2023  # no "2,023"
    # Widest shown figures: -12,654,321.09 (Variance, 14 characters), 24.7% (Rate).
    assert sheet.column_dimensions["L"].width >= 15
    assert sheet.column_dimensions["J"].width >= 6
    assert_prints_well(sheet, "Line")

    priority = list(book["Priority areas"].iter_rows(values_only=True))
    assert priority[-1] == (None, "Total", 30000000, 12345678.91, 3, "total")
    assert_prints_well(book["Priority areas"], "Year")

    portfolio = list(book["Portfolio"].iter_rows(values_only=True))
    assert portfolio[-1][:3] == ("§06.32.10.14", None, 400000000)  # no text in Year
    assert portfolio[-1][3] is None
    assert [r[-1] for r in portfolio[-2:]] == ["line", "total"]
    assert_prints_well(book["Portfolio"], "Finance Act code")


def test_disbursement_workbook_in_danish_with_an_error_banner() -> None:
    error = Diagnostic("ledger.csv", 7, 1, "IOM409", Severity.ERROR, "payment outside the period")
    warning = Diagnostic("s.yaml", 3, 1, "IOM205", Severity.WARNING, "not approved yet")
    quarters = replace(
        REPORT,
        by="quarter",
        rows=(
            Row("2023-Q1", "", "line", 2023, CORE, 1),
            Row("2023", "", "subtotal", 2023, CORE),
            Row("2023-2026", "", "total", None, CORE),
        ),
    )
    data = disbursement_workbook([quarters], None, locale="da", findings=[warning, error])
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Udbetalinger", "Prioritetsområder"]
    sheet = book["Udbetalinger"]
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows[:6]] == [
        "1 fejl: tallene kan være ufuldstændige",
        # the code's Danish summary (render/words.py) in place of the English sentence
        "ledger.csv:7:1: IOM409 udbetaling dateret uden for sit bevillingsår eller perioden; "
        "allokering uden for perioden",
        None,
        "Strategy for IOM 2023-2026",
        "Udbetalinger pr. 31. december 2023 fordelt på kvartal (DKK)",
        None,
    ]
    assert rows[6][:2] == ("Kvartal", "År") and rows[6][-1] == "Art"
    assert [(r[0], r[1], r[-1]) for r in rows[7:10]] == [
        ("1. kvt. 2023", 2023, "linje"),
        ("I alt 2023", 2023, "subtotal"),
        ("I alt 2023-2026", None, "total"),
    ]
    assert sheet.cell(8, 3).number_format == "[$-406]#,##0"
    assert sheet.cell(8, 10).number_format == "[$-406]0.0%"
    assert_prints_well(sheet, "Kvartal")
    assert book["Prioritetsområder"]["A1"].value == "1 fejl: tallene kan være ufuldstændige"


def test_several_reports_get_sheets_named_by_organisation() -> None:
    iom = replace(REPORT, organisation="IOM", file="iom.yaml")
    unhcr = replace(REPORT, organisation="UN[HCR]: refugees/asylum", file="unhcr.yaml")
    book = openpyxl.load_workbook(io.BytesIO(disbursement_workbook([iom, unhcr, iom], None)))
    assert book.sheetnames == [
        "IOM",
        "IOM priority areas",
        "UN-HCR-- refugees-asylum",
        "UN-HCR-- refugees-asylum priori",  # Excel's 31 characters
        "IOM 2",
        "IOM 2 priority areas",
    ]


def test_a_portfolios_sheets_are_named_by_organisation_each_with_its_own_errors(
    tmp_path: Path,
) -> None:
    """One member's error heads its own sheets and the portfolio's, not the other member's."""
    broken = tmp_path / "iom.yaml"
    text = (ROOT / "examples" / "illustrative_2023.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("{2023: 48", "{2023: 47", 1), encoding="utf-8")
    assert broken.read_text(encoding="utf-8") != text
    ledger = ROOT / "examples" / "illustrative_2023_ledger.csv"
    (tmp_path / ledger.name).write_bytes(ledger.read_bytes())
    unhcr = str(ROOT / "examples" / "illustrative_unhcr_2024.yaml")
    target = tmp_path / "portfolio.xlsx"
    run = run_cli(
        "disbursement",
        str(broken),
        unhcr,
        "--as-of",
        "2024-12-31",
        "-f",
        "xlsx",
        "-o",
        str(target),
        "--partial",
    )
    assert run.exit_code == 1, run.stderr
    book = openpyxl.load_workbook(target)
    assert [
        n for n in book.sheetnames if not n.endswith(("priority areas", "dialogue periods"))
    ] == [
        "IOM",
        "UNHCR",
        "Portfolio",
    ]

    def banner(name: str) -> str:
        """The findings heading a sheet, below the mark of incomplete figures (every sheet of
        a workbook that is partial carries that, issue 22)."""
        top = [str(cell.value) for cell in book[name]["A"][:8] if cell.value is not None]
        return " ".join(t for t in top if not t.startswith("INCOMPLETE"))

    assert "error" in banner("IOM") and "error" in banner("Portfolio")
    assert "error" not in banner("UNHCR") and "iom.yaml" not in banner("UNHCR")


def test_every_header_row_has_distinct_names(tmp_path: Path) -> None:
    """Every workbook the tool writes: the budget (reduced, with the approved lines), each view
    of a portfolio, in dollars, and the reconciliation with IATI."""
    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    unhcr = str(ROOT / "examples" / "illustrative_unhcr_2024.yaml")
    donor = str(ROOT / "tests" / "iati_files" / "denmark_iom_2023.xml")
    runs = {
        f"{view}.xlsx": ["disbursement", example, unhcr, "--by", view, "--as-of", "2024-12-31"]
        for view in ("line", "year", "quarter", "priority", "place")
    }
    runs["usd.xlsx"] = ["disbursement", example, "--currency", "USD", "--as-of", "2024-12-31"]
    runs["budget.xlsx"] = ["budget", "show", str(ROOT / "data" / "strategy_2023_2026.yaml")]
    runs["reconcile.xlsx"] = ["reconcile", example, "--iati", donor, "--as-of", "2024-01-31"]
    for name, args in runs.items():
        target = tmp_path / name
        run = run_cli(*args, "-f", "xlsx", "-o", str(target))
        assert run.exit_code in (0, 1) and target.exists(), run.stderr
        for sheet in openpyxl.load_workbook(target).worksheets:
            header = next(
                [c.value for c in row] for row in sheet.iter_rows() if row[-1].value == "Kind"
            )
            assert len(header) == len(set(header)) and None not in header, (name, header)


def test_disbursement_command_writes_the_json_figures(tmp_path: Path) -> None:
    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    target = tmp_path / "disbursement.xlsx"
    args = ["disbursement", example, "--as-of", "2023-12-31"]
    run = run_cli(*args, "--format", "xlsx", "--output", str(target))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    expected = json.loads(run_cli(*args, "--format", "json").stdout)["reports"][0]["rows"]
    sheet = openpyxl.load_workbook(target)["Disbursement"]
    data = table(sheet, "Line")
    assert len(data) == len(expected) == 20
    columns = ["planned", "approved", "allocated", "disbursed", "remaining", "rate"]
    for want, got in zip(expected, data, strict=True):
        assert got["Year"] == want["year"]  # empty for a line over the whole period
        assert got["Kind"] == (want["kind"] if want["year"] is not None else "total")
        for name in columns:
            if want[name] is None:
                assert got[name.capitalize()] is None
            else:
                figure = Decimal(str(got[name.capitalize()]))
                assert figure == Decimal(want[name]), (want["label"], name)
    soft = next(r for r in data if str(r["Line"]).startswith("b. Soft") and r["Year"] == 2023)
    assert Decimal(str(soft["Disbursed"])) == Decimal("30663084.28")
    # Filtered to lines, the sheet counts each payment once: 80,663,084.28 disbursed in all.
    lines = [r for r in data if r["Kind"] == "line"]
    assert sum(Decimal(str(r["Disbursed"])) for r in lines) == Decimal("80663084.28")
    assert [r["Line"] for r in data if r["Kind"] != "line"][-1] == "Total 2023-2026"
    assert_prints_well(sheet, "Line")


def test_disbursement_xlsx_needs_an_output_file() -> None:
    run = run_cli("disbursement", "--format", "xlsx")
    assert run.exit_code == 2
    assert run.stderr.endswith("iomstrat: --format xlsx writes a file: give --output FILE\n")


def test_disbursement_with_error_findings_writes_a_banner(tmp_path: Path) -> None:
    # A payment for 2022, before the period: three errors; the figures come out with --partial,
    # under the mark of figures that are not complete.
    ledger = tmp_path / "extra.csv"
    ledger.write_text(
        "date,line,amount,currency,voucher,exchange_rate,allocation,note\n"
        "2022-06-30,core,1000.00,DKK,DK-X-1,,,outside the period\n"
    )
    target = tmp_path / "disbursement.xlsx"
    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    args = ["disbursement", example, "--as-of", "2023-12-31", "--ledger", str(ledger)]
    run = run_cli(*args, "-f", "xlsx", "-o", str(target))
    assert run.exit_code == 1 and not target.exists()  # withheld
    run = run_cli(*args, "-f", "xlsx", "-o", str(target), "--partial")
    assert run.exit_code == 1
    assert [line.split()[2] for line in run.stderr.splitlines()] == ["IOM401", "IOM409", "IOM411"]
    sheet = openpyxl.load_workbook(target)["Disbursement"]
    first = [sheet.cell(row, 1).value for row in range(1, 7)]
    assert first[0] == (
        "INCOMPLETE: 3 errors in payments (extra.csv); the figures leave out or misstate what "
        "they name"
    )
    assert first[1] == "3 errors: figures may be incomplete"
    assert [str(v).removeprefix(f"{ledger}:2:1: ")[:6] for v in first[2:5]] == [
        "IOM401",
        "IOM409",
        "IOM411",
    ]
    assert first[5] is None
    assert sheet.cell(7, 1).value.startswith("ILLUSTRATIVE")
    assert_prints_well(sheet, "Line")
    rows = table(sheet, "Line")
    total = next(r for r in rows if r["Line"] == "Total 2023")
    assert Decimal(str(total["Disbursed"])) == Decimal("80663084.28")
