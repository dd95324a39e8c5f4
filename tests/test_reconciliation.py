"""One truth for the money: a reduced year, payments to 30 June, and every view of the year
giving the same figures, computed by hand below."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
from decimal import Decimal as D
from pathlib import Path

import pytest

from iomstrat.core.pipeline import Run, check_file
from iomstrat.engine.disbursement import disbursement_report
from iomstrat.render.messages import text as message
from iomstrat.results.disbursement import DisbursementReport, Figures

from .conftest import draft_text, run_cli

AS_OF = dt.date(2024, 6, 30)

APPROVALS = """\
approvals:
  - year: 2023
    status: approved
    finance_act: Finance Act 2023
    decided_on: 2023-03-15
  - year: 2024
    status: reduced
    finance_act: Finance Act 2024
    decided_on: 2024-03-20
    amount: 90
    lines: {core: 43, soft_earmarked: 45, personnel: 2}
  - year: 2025
    status: planned
  - year: 2026
    status: planned
"""

PAYMENTS = """\
disbursements:
  - {date: 2024-04-15, line: core, amount: 21500000, currency: DKK, voucher: C-2024-1}
  - {date: 2024-06-28, line: personnel, amount: 1000000, currency: DKK, voucher: P-2024-1}
"""


def strategy(tmp_path: Path, approvals: str = APPROVALS, extra: str = PAYMENTS) -> Path:
    """The draft as transcribed (100 a year), with these approvals and payments."""
    text = draft_text()
    start = text.index("approvals:")
    end = text.index("\n\n", start) + 1
    path = tmp_path / "strategy.yaml"
    path.write_text(text[:start] + approvals + text[end:] + extra, encoding="utf-8")
    return path


def report(path: Path, by: str, as_of: dt.date = AS_OF) -> DisbursementReport:
    checked = check_file(str(path), Run(as_of))
    assert checked.strategy is not None and checked.book is not None, checked.diagnostics
    return disbursement_report(
        checked.strategy, checked.book, file="s", as_of=as_of, by=by, rates=Run(as_of).rates
    )


def row(rep: DisbursementReport, key: str, year: int | None) -> Figures:
    return next(r.figures for r in rep.rows if r.key == key and r.year == year)


def test_views_of_a_reduced_year_agree_to_the_ore(tmp_path: Path) -> None:
    path = strategy(tmp_path)
    by_line, by_year, by_quarter = (report(path, by) for by in ("line", "year", "quarter"))
    year = row(by_year, "2024", 2024)
    # Approved 90 million (43 + 45 + 2); paid 21.5 core + 1 personnel = 22.5 million.
    assert (year.approved, year.disbursed, year.remaining) == (
        D(90_000_000),
        D(22_500_000),
        D(67_500_000),
    )
    assert year.rate == D("0.2500")
    # Tranches follow the reduction: a quarter of 90 million due at 31 March and 30 June.
    assert (year.scheduled, year.variance) == (D(45_000_000), D(-22_500_000))
    # Core and personnel are on schedule (forecast 43 + 2); soft earmarked paid nothing and
    # its two tranches to come are 22.5 million (arrears are not assumed caught up).
    assert year.forecast == D(67_500_000)
    assert row(by_line, "2024", 2024) == year
    assert row(by_quarter, "2024", 2024) == year


def test_the_reduced_line_follows_its_approved_amount(tmp_path: Path) -> None:
    core = row(report(strategy(tmp_path), "line"), "core", 2024)
    assert (core.planned, core.approved) == (D(48_000_000), D(43_000_000))
    # Half of the approved 43 million paid by 30 June, as its schedule asks: on schedule.
    assert (core.scheduled, core.variance) == (D(21_500_000), D(0))
    assert core.forecast == D(43_000_000)
    assert core.remaining == D(21_500_000)
    soft = row(report(strategy(tmp_path), "line"), "soft_earmarked", 2024)
    assert (soft.approved, soft.scheduled, soft.forecast) == (
        D(45_000_000),
        D(22_500_000),
        D(22_500_000),
    )


def test_quarters_add_up_to_their_year(tmp_path: Path) -> None:
    rep = report(strategy(tmp_path), "quarter")
    quarters = [row(rep, f"2024-Q{q}", 2024) for q in (1, 2, 3, 4)]
    # Due each quarter: 10.75 core + 11.25 soft earmarked + 0.5 personnel = 22.5 million (the
    # reduced 90); the year's plan of 100 million spreads as they fall due: 25 a quarter.
    assert [q.planned for q in quarters] == [D(25_000_000)] * 4
    # Core paid on 15 April and personnel on 28 June: both in the second quarter.
    assert [q.disbursed for q in quarters] == [D(0), D(22_500_000), D(0), D(0)]
    assert [q.scheduled for q in quarters] == [D(22_500_000), D(22_500_000), D(0), D(0)]
    year = row(rep, "2024", 2024)
    assert sum(q.disbursed for q in quarters) == year.disbursed
    assert sum(q.scheduled for q in quarters) == year.scheduled
    assert sum(q.planned for q in quarters) == year.planned
    assert sum(q.remaining for q in quarters) == year.remaining
    assert sum(q.forecast for q in quarters) == year.forecast
    assert min(q.remaining for q in quarters) >= 0  # nothing overpaid


def test_a_schedule_written_for_the_reduction_is_accepted(tmp_path: Path) -> None:
    schedule = textwrap.dedent(
        """\
        schedule:
          core:
            2024: [{quarter: 2, amount: 21.5}, {quarter: 4, amount: 21.5}]
        """
    )
    path = strategy(tmp_path, extra=PAYMENTS + schedule)
    checked = check_file(str(path), Run(AS_OF))
    assert [d.code for d in checked.diagnostics if d.code in ("IOM416", "IOM417")] == []
    core = row(report(path, "line"), "core", 2024)
    assert (core.scheduled, core.variance, core.forecast) == (
        D(21_500_000),
        D(0),
        D(43_000_000),
    )


def test_a_schedule_still_written_for_the_plan_warns(tmp_path: Path) -> None:
    schedule = (
        "schedule:\n  core:\n    2024: [{quarter: 2, amount: 24}, {quarter: 4, amount: 24}]\n"
    )
    path = strategy(tmp_path, extra=PAYMENTS + schedule)
    found = [(d.code, d.severity.name) for d in check_file(str(path), Run(AS_OF)).diagnostics]
    assert ("IOM417", "WARNING") in found and ("IOM416", "ERROR") not in found
    core = row(report(path, "line"), "core", 2024)
    # 21.5 paid of the 24 due by June (arrears not assumed caught up), 24 due in December:
    # 45.5 million, above the 43 approved.
    assert core.forecast == D(45_500_000)


def test_before_the_decision_the_plan_is_the_basis(tmp_path: Path) -> None:
    rep = report(strategy(tmp_path), "year", as_of=dt.date(2024, 3, 1))
    year = row(rep, "2024", 2024)
    assert year.approved is None and year.planned == D(100_000_000)
    assert year.remaining == D(100_000_000)


def test_a_reduction_without_lines_is_apportioned_over_them(tmp_path: Path) -> None:
    approvals = APPROVALS.replace("    lines: {core: 43, soft_earmarked: 45, personnel: 2}\n", "")
    rep = report(strategy(tmp_path, approvals), "line")
    # 90 of 100 million: each line 90 % of its plan.
    assert [row(rep, line, 2024).approved for line in ("core", "soft_earmarked", "personnel")] == [
        D(43_200_000),
        D(45_000_000),
        D(1_800_000),
    ]
    assert row(rep, "2024", 2024).approved == D(90_000_000)


def test_negative_payment_is_an_error_unless_a_refund(tmp_path: Path) -> None:
    refund = "  - {date: 2024-06-29, line: core, amount: -500000, currency: DKK, voucher: R-1}\n"
    path = strategy(tmp_path, extra=PAYMENTS + refund)
    codes = [d.code for d in check_file(str(path), Run(AS_OF)).diagnostics]
    assert "IOM418" in codes
    marked = refund.replace("voucher: R-1}", "voucher: R-1, refund: true}")
    path = strategy(tmp_path, extra=PAYMENTS + marked)
    assert "IOM418" not in [d.code for d in check_file(str(path), Run(AS_OF)).diagnostics]
    assert row(report(path, "line"), "core", 2024).disbursed == D(21_000_000)


@pytest.mark.parametrize(("months", "expected"), [(None, True), (3, False), (1, True)])
def test_supplementary_period(tmp_path: Path, months: int | None, expected: bool) -> None:
    """A payment of 20 February 2024 charged to 2023: inside a three-month supplementary period,
    outside a one-month one, and outside any without one."""
    late = (
        "  - {date: 2024-02-20, line: personnel, amount: 100000, currency: DKK, "
        "voucher: P-2023-9, year: 2023}\n"
    )
    text = strategy(tmp_path, extra=PAYMENTS + late).read_text(encoding="utf-8")
    if months:
        text = text.replace(
            "  currency: DKK", f"  currency: DKK\n  supplementary_period_months: {months}", 1
        )
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    codes = [d.code for d in check_file(str(path), Run(AS_OF)).diagnostics]
    assert ("IOM409" in codes) is expected
    personnel = row(report(path, "line"), "personnel", 2023)
    assert personnel.disbursed == D(100_000)  # counted in its appropriation year, either way


def test_csv_keeps_its_columns_and_the_views_agree(tmp_path: Path) -> None:
    path = str(strategy(tmp_path))
    figures = {}
    for by in ("line", "year", "quarter"):
        run = run_cli("disbursement", path, "--as-of", "2024-06-30", "--by", by, "-f", "csv")
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        assert {
            "file",
            "key",
            "label",
            "kind",
            "year",
            "currency",
            "planned",
            "approved",
            "allocated",
            "disbursed",
            "remaining",
            "rate",
            "scheduled",
            "variance",
            "forecast",
        } <= set(rows[0])
        year = next(r for r in rows if r["key"] == "2024")
        figures[by] = {k: year[k] for k in ("approved", "disbursed", "remaining", "forecast")}
    assert figures["line"] == figures["year"] == figures["quarter"]
    assert figures["year"]["remaining"] == "67500000"


def test_budget_show_as_of_a_date_shows_the_reduction_and_its_lines(tmp_path: Path) -> None:
    path = str(strategy(tmp_path))
    before = run_cli("budget", "show", path, "--as-of", "2024-03-19", "-f", "json")
    years = {
        y["year"]: (y["status"], y["approved_amount"]) for y in json.loads(before.stdout)["years"]
    }
    assert years[2024] == ("planned", None) and years[2023] == ("approved", "100")
    assert json.loads(before.stdout)["approved_lines"] == []
    after = json.loads(
        run_cli("budget", "show", path, "--as-of", "2024-03-20", "-f", "json").stdout
    )
    assert after["years"][1] == {"year": 2024, "status": "reduced", "approved_amount": "90"}
    lines = {line["id"]: line["amounts"] for line in after["approved_lines"]}
    assert lines["core"] == {"2023": "48", "2024": "43", "2025": None, "2026": None}
    assert lines["soft_earmarked"]["2024"] == "45" and lines["personnel"]["2024"] == "2"
    csv_text = run_cli("budget", "show", path, "--as-of", "2024-06-30", "-f", "csv").stdout
    assert "approved:core,,a. Core funding (approved),approved,,48,43,,," in csv_text


def test_a_report_dated_before_a_decision_does_not_show_it(tmp_path: Path) -> None:
    path = str(strategy(tmp_path))
    out = tmp_path / "r.html"
    run = run_cli("report", path, "--as-of", "2024-03-01", "-o", str(out))
    assert run.exit_code in (0, 1), run.stderr
    html = out.read_text(encoding="utf-8")
    assert "Planned 2024*" in html and "Reduced 2024" not in html
    run_cli("report", path, "--as-of", "2024-06-30", "-o", str(out))
    assert "Reduced 2024" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json", "table"])
def test_an_unreadable_ledger_writes_no_figures(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(b"previous")
    run = run_cli(
        "disbursement",
        str(strategy(tmp_path)),
        "--ledger",
        str(tmp_path / "unreadable.csv"),
        "-f",
        fmt,
        "-o",
        str(out),
    )
    assert run.exit_code == 2
    assert out.read_bytes() == b"previous"
    assert "IOM420" in run.stderr


def test_vouchers_differing_only_by_spaces_or_case_are_one_voucher(tmp_path: Path) -> None:
    again = "  - {date: 2024-06-29, line: core, amount: 1, currency: DKK, voucher: ' c-2024-1 '}\n"
    path = strategy(tmp_path, extra=PAYMENTS + again)
    found = [d for d in check_file(str(path), Run(AS_OF)).diagnostics if d.code == "IOM410"]
    [finding] = found
    assert message(finding).startswith(f"voucher c-2024-1 is already used at {path}:")
    assert message(finding).endswith("(as C-2024-1)")


def test_the_budget_workbook_shows_the_reduction_and_its_lines(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "budget.xlsx"
    path = str(strategy(tmp_path))
    run = run_cli("budget", "show", path, "--as-of", "2024-06-30", "-f", "xlsx", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    rows = [r for r in load_workbook(out).active.iter_rows(values_only=True) if r[-1] == "approved"]
    # Approved by parliament: 2023 as planned (100), 2024 reduced to 90; then each line.
    assert [r[0] for r in rows] == [
        "Approved by parliament",
        "a. Core funding (approved)",
        "b. Soft earmarked: Migration management and capacity building in Africa and "
        "innovation (approved)",
        "Personnel support (approved)",
    ]
    assert [r[2:6] for r in rows] == [
        (100, 90, None, None),
        (48, 43, None, None),
        (50, 45, None, None),
        (2, 2, None, None),
    ]
