"""Unallocated (approved less allocated) per dialogue line and year, and per dialogue period
where the dialogue meets more often than once a year, in every format of `disbursement` and in
the report. A year not yet approved is measured against its plan and marked so."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
from decimal import Decimal
from pathlib import Path

import openpyxl

from .conftest import run_cli
from .test_report import Page, report

# Soft earmarked: 100 million a year, 2024 approved, 2025 planned; the annual dialogue allocates
# 30 million (1 February) and 25 million (1 September) for 2024.
ANNUAL = textwrap.dedent(
    """\
    schema_version: 1
    strategy:
      title: Unallocated (test)
      organisation: {name: Test Organisation, acronym: TO}
      period: {start: 2024, end: 2025}
      currency: DKK
      unit: million
      finance_act_code: "§06.32.10.16"
    budget:
      title: Contributions
      lines:
        - {id: core, name: Core, kind: core, finance_act_code: "§06.32.10.16",
           amounts: {2024: 50, 2025: 50}}
        - {id: soft_earmarked, name: Soft earmarked, kind: soft_earmarked,
           finance_act_code: "§06.32.10.16", amounts: {2024: 100, 2025: 100}}
      totals:
        - {id: total, name: Total, lines: [core, soft_earmarked], stated: {2024: 150, 2025: 150}}
    approvals:
      - {year: 2024, status: approved, finance_act: Finance Act 2024, decided_on: 2023-12-14}
      - {year: 2025, status: planned}
    dialogue: {lines: [soft_earmarked], every_months: 12}
    allocations:
      - date: 2024-02-01
        period: 2024
        approved_by: Desk
        items:
          - {id: sudan, country: Sudan, purpose: Camps, amount: 30}
      - date: 2024-09-01
        period: 2024
        approved_by: Desk
        items:
          - {region: Sahel, purpose: Protection, amount: 25}
    """
)
# The same decisions in a six-monthly dialogue: 30 million for 2024-H1, 25 million for 2024-H2.
SIX_MONTHLY = (
    ANNUAL.replace("every_months: 12}", "every_months: 6, grace_months: 2}")
    .replace("date: 2024-02-01\n    period: 2024", "date: 2024-02-01\n    period: 2024-H1")
    .replace("date: 2024-09-01\n    period: 2024", "date: 2024-09-01\n    period: 2024-H2")
)
AS_OF = ("--as-of", "2024-12-31")


def write(folder: Path, text: str) -> str:
    path = folder / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_six_monthly_file_differs_only_in_its_periods() -> None:
    assert SIX_MONTHLY.count("period: 2024-H") == 2 and "every_months: 6" in SIX_MONTHLY


def test_json_unallocated_per_line_and_year(tmp_path: Path) -> None:
    run = run_cli("disbursement", write(tmp_path, ANNUAL), *AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)["reports"][0]
    rows = {(r["key"], r["year"]): r for r in data["rows"]}
    soft = rows[("soft_earmarked", 2024)]
    # 100 approved - (30 + 25) allocated = 45 million, against the approval
    assert (soft["approved"], soft["allocated"], soft["unallocated"]) == (
        "100000000",
        "55000000",
        "45000000",
    )
    assert soft["unallocated_basis"] == "approved"
    # 2025 not yet approved: its plan of 100 million, nothing allocated, marked as the plan's
    later = rows[("soft_earmarked", 2025)]
    assert (later["approved"], later["unallocated"], later["unallocated_basis"]) == (
        None,
        "100000000",
        "planned",
    )
    # core is not allocated by the dialogue: no unallocated figure at all
    assert rows[("core", 2024)]["unallocated"] is None
    assert rows[("core", 2024)]["unallocated_basis"] is None
    # the period: 45 + 100 = 145 million, partly against the plan
    period = rows[("soft_earmarked", None)]
    assert (period["unallocated"], period["unallocated_basis"]) == ("145000000", "mixed")
    assert rows[("2024", 2024)]["unallocated"] == "45000000"  # the year: dialogue lines only
    assert data["dialogue_periods"] == []  # an annual dialogue: the year is the period
    assert any("the plan stands in for a year not yet approved" in n for n in data["notes"])


def test_six_monthly_unallocated_at_each_periods_end(tmp_path: Path) -> None:
    run = run_cli("disbursement", write(tmp_path, SIX_MONTHLY), *AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    periods = json.loads(run.stdout)["reports"][0]["dialogue_periods"]
    # 2024: 100 - 30 = 70 after H1, 70 - 25 = 45 after H2; 2025 has not begun and has nothing
    assert [(p["period"], p["allocated"], p["unallocated"], p["basis_kind"]) for p in periods] == [
        ("2024-H1", "30000000", "70000000", "approved"),
        ("2024-H2", "25000000", "45000000", "approved"),
    ]
    assert {p["line"] for p in periods} == {"soft_earmarked"}
    # as of mid-2024 the second decision is not yet taken: 70 million remain at both ends
    run = run_cli(
        "disbursement", write(tmp_path, SIX_MONTHLY), "--as-of", "2024-06-30", "-f", "json"
    )
    periods = json.loads(run.stdout)["reports"][0]["dialogue_periods"]
    assert [(p["period"], p["unallocated"]) for p in periods] == [
        ("2024-H1", "70000000"),
        ("2024-H2", "70000000"),
    ]


def test_a_year_begun_but_not_approved_is_measured_against_its_plan(tmp_path: Path) -> None:
    run = run_cli(
        "disbursement", write(tmp_path, SIX_MONTHLY), "--as-of", "2025-03-31", "-f", "json"
    )
    periods = json.loads(run.stdout)["reports"][0]["dialogue_periods"]
    assert [(p["period"], p["basis"], p["unallocated"], p["basis_kind"]) for p in periods][2:] == [
        ("2025-H1", "100000000", "100000000", "planned"),
        ("2025-H2", "100000000", "100000000", "planned"),
    ]


def test_csv_has_the_figure_and_what_it_is_measured_against(tmp_path: Path) -> None:
    run = run_cli("disbursement", write(tmp_path, SIX_MONTHLY), *AS_OF, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    soft = {r["year"]: r for r in rows if r["section"] == "rows" and r["key"] == "soft_earmarked"}
    assert (soft["2024"]["unallocated"], soft["2024"]["unallocated_basis"]) == (
        "45000000",
        "approved",
    )
    assert (soft["2025"]["unallocated"], soft["2025"]["unallocated_basis"]) == (
        "100000000",
        "planned",
    )
    periods = [r for r in rows if r["section"] == "dialogue_period"]
    assert [(r["period"], r["approved"], r["allocated"], r["unallocated"]) for r in periods] == [
        ("2024-H1", "100000000", "30000000", "70000000"),
        ("2024-H2", "100000000", "25000000", "45000000"),
    ]
    # Danish: ';' separated, decimal comma, the same machine words
    run = run_cli(
        "disbursement", write(tmp_path, SIX_MONTHLY), *AS_OF, "-f", "csv", "--locale", "da"
    )
    rows = list(csv.DictReader(io.StringIO(run.stdout), delimiter=";"))
    assert {r["unallocated_basis"] for r in rows if r["key"] == "soft_earmarked"} == {
        "approved",
        "planned",
        "mixed",
    }


def test_table_and_markdown_mark_the_plans_figures(tmp_path: Path) -> None:
    path = write(tmp_path, SIX_MONTHLY)
    table = run_cli("--no-color", "disbursement", path, *AS_OF).stdout
    row_2024 = next(line for line in table.splitlines() if "2024  Soft earmarked" in line)
    row_2025 = next(line for line in table.splitlines() if "2025  Soft earmarked" in line)
    assert "45,000,000" in row_2024 and "45,000,000*" not in row_2024
    assert "100,000,000*" in row_2025
    assert "Allocated and unallocated by dialogue period" in table
    h2 = next(line for line in table.splitlines() if "2024-H2" in line)
    assert h2.split()[-5:] == ["│", "25,000,000", "│", "45,000,000", "│"]
    markdown = run_cli("disbursement", path, *AS_OF, "-f", "markdown").stdout
    assert "| Soft earmarked | 2024-H1 | 100,000,000 | 30,000,000 | 70,000,000 |" in markdown
    assert "| Unallocated |" in markdown
    danish = run_cli("disbursement", path, *AS_OF, "-f", "markdown", "--locale", "da").stdout
    assert "| Ikke allokeret |" in danish and "Allokeret og ikke allokeret pr. dialogperiode" in (
        danish
    )
    assert "100.000.000\\*" in danish or "100.000.000*" in danish


def test_xlsx_has_the_column_the_words_and_a_sheet_of_periods(tmp_path: Path) -> None:
    out = tmp_path / "d.xlsx"
    run = run_cli(
        "disbursement", write(tmp_path, SIX_MONTHLY), *AS_OF, "-f", "xlsx", "-o", str(out)
    )
    assert run.exit_code == 0, run.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Disbursement", "Dialogue periods"]
    rows = list(book["Disbursement"].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "Line")
    at, basis = header.index("Unallocated"), header.index("Basis")
    soft = {r[1]: r for r in rows if r[0] == "Soft earmarked"}
    assert (soft[2024][at], soft[2024][basis]) == (45_000_000, "approved")
    assert (soft[2025][at], soft[2025][basis]) == (100_000_000, "planned")
    assert (soft[None][at], soft[None][basis]) == (145_000_000, "approved and planned")
    periods = list(book["Dialogue periods"].iter_rows(values_only=True))
    assert ("Soft earmarked", "2024-H2", 100_000_000, "approved", 25_000_000, 45_000_000) in [
        r[:6] for r in periods
    ]


def test_the_report_shows_unallocated_per_year_and_period(tmp_path: Path) -> None:
    html, _ = report(tmp_path, write(tmp_path, SIX_MONTHLY), *AS_OF)
    page = Page(html)
    years = page.table("years-table")
    assert years[0][5] == "Unallocated"
    assert [row[5] for row in years[1:]] == ["45,000,000", "100,000,000*"]
    assert page.table("dialogue-periods-table")[1:] == [
        ["Soft earmarked", "2024-H1", "100,000,000", "30,000,000", "70,000,000"],
        ["Soft earmarked", "2024-H2", "100,000,000", "25,000,000", "45,000,000"],
    ]
    html, _ = report(tmp_path, write(tmp_path, SIX_MONTHLY), *AS_OF, "--locale", "da")
    assert Page(html).table("years-table")[0][5] == "Ikke allokeret"


def test_a_quarterly_dialogue_lists_its_four_quarters(tmp_path: Path) -> None:
    # Both decisions for the third quarter: 100 - 0 - 0 - 55 - 0.
    text = (
        ANNUAL.replace("every_months: 12}", "every_months: 3, grace_months: 6}")
        .replace("date: 2024-02-01\n    period: 2024", "date: 2024-06-01\n    period: 2024-Q3")
        .replace("date: 2024-09-01\n    period: 2024", "date: 2024-09-01\n    period: 2024-Q3")
    )
    run = run_cli("disbursement", write(tmp_path, text), *AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    periods = json.loads(run.stdout)["reports"][0]["dialogue_periods"]
    assert [(p["period"], p["allocated"], p["unallocated"]) for p in periods] == [
        ("2024-Q1", "0", "100000000"),
        ("2024-Q2", "0", "100000000"),
        ("2024-Q3", "55000000", "45000000"),
        ("2024-Q4", "0", "45000000"),
    ]


# Two lines the annual dialogue allocates, one decided year and one planned, amounts to the øre:
# humanitarian 100 million in 2024, 30.12345678 + 25 million allocated: 44,876,543.22 left;
# development 60 million, 12.5 million allocated: 47,500,000 left; 2025 planned, nothing allocated.
TWO_LINES = textwrap.dedent(
    """\
    schema_version: 1
    strategy:
      title: Two dialogue lines (test)
      organisation: {name: Test Organisation, acronym: TO}
      period: {start: 2024, end: 2025}
      currency: DKK
      unit: million
      finance_act_code: "§06.32.10.16"
    budget:
      title: Contributions
      lines:
        - {id: core, name: Core, kind: core, finance_act_code: "§06.32.10.16",
           amounts: {2024: 50, 2025: 50}}
        - {id: humanitarian, name: Humanitarian, kind: soft_earmarked,
           finance_act_code: "§06.32.10.16", amounts: {2024: 100, 2025: 100}}
        - {id: development, name: Development, kind: soft_earmarked,
           finance_act_code: "§06.32.10.16", amounts: {2024: 60, 2025: 60}}
      totals:
        - {id: total, name: Total, lines: [core, humanitarian, development],
           stated: {2024: 210, 2025: 210}}
    approvals:
      - {year: 2024, status: approved, finance_act: Finance Act 2024, decided_on: 2023-12-14}
      - {year: 2025, status: planned}
    dialogue: {lines: [humanitarian, development], every_months: 12}
    allocations:
      - date: 2024-02-01
        period: 2024
        line: humanitarian
        approved_by: Desk
        items:
          - {id: sudan, country: Sudan, purpose: Camps, amount: 30.12345678}
      - date: 2024-03-01
        period: 2024
        line: development
        approved_by: Desk
        items:
          - {id: chad, country: Chad, purpose: Livelihoods, amount: 12.5}
      - date: 2024-09-01
        period: 2024
        line: humanitarian
        approved_by: Desk
        items:
          - {region: Sahel, purpose: Protection, amount: 25}
    """
)


def test_the_report_shows_unallocated_per_dialogue_line_as_disbursement(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES)
    run = run_cli("disbursement", path, *AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    rows = {(r["key"], r["year"]): r for r in json.loads(run.stdout)["reports"][0]["rows"]}
    by_hand = {  # (line, year): (basis, allocated, unallocated), in kroner
        ("humanitarian", 2024): ("100000000", "55123456.78", "44876543.22"),
        ("development", 2024): ("60000000", "12500000", "47500000"),
        ("humanitarian", 2025): ("100000000", "0", "100000000"),
        ("development", 2025): ("60000000", "0", "60000000"),
    }
    for (line, year), (basis, allocated, unallocated) in by_hand.items():
        row = rows[(line, year)]
        assert (row["approved"] or row["planned"], row["allocated"], row["unallocated"]) == (
            basis,
            allocated,
            unallocated,
        )
    assert rows[("2024", 2024)]["unallocated"] == "92376543.22"  # the year: both lines

    # The report: the years table sums the lines, as disbursement's year; the lines' own
    # figures follow, each the same as disbursement's (in whole kroner, as the report's tables).
    html, _ = report(tmp_path, path, *AS_OF)
    page = Page(html)
    assert [row[5] for row in page.table("years-table")[1:]] == ["92,376,543", "160,000,000*"]
    assert page.table("dialogue-periods-table")[1:] == [
        ["Humanitarian", "2024", "100,000,000", "55,123,457", "44,876,543"],
        ["Humanitarian", "2025", "100,000,000*", "0", "100,000,000*"],
        ["Development", "2024", "60,000,000", "12,500,000", "47,500,000"],
        ["Development", "2025", "60,000,000*", "0", "60,000,000*"],
    ]
    # the report's data are disbursement's figures to the øre
    from iomstrat.core.report import build_report

    [briefing] = build_report([path], dt.date(2024, 12, 31)).briefings
    assert {
        (p.line, p.year): (p.basis, p.allocated, p.unallocated) for p in briefing.dialogue_periods
    } == {key: tuple(map(Decimal, values)) for key, values in by_hand.items()}


def test_one_dialogue_line_has_no_table_of_lines(tmp_path: Path) -> None:
    """The years table is that line's: no second table saying the same."""
    html, _ = report(tmp_path, write(tmp_path, ANNUAL), *AS_OF)
    assert 'class="dialogue-periods-table"' not in html
