"""IATI 2.03 export: the default strategy validates against the official XSD; budgets, planned
disbursements and commitments carry the strategy's figures; --check catches broken exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree

from iomstrat.core.pipeline import Run, check_file
from iomstrat.export.iati import check_iati, iati_activities

from .conftest import DATA_FILE, edited, run_cli

AS_OF = dt.date(2024, 6, 1)

DECIDED = """approvals:
  - year: 2023
    status: approved
    finance_act: Finance Act 2023
    decided_on: 2023-03-15
  - year: 2024
    status: reduced
    finance_act: Finance Act 2024
    decided_on: 2023-12-20
    amount: 95.5
    lines: {core: 45.5, soft_earmarked: 48, personnel: 2}
  - year: 2025
    status: planned
  - year: 2026
    status: planned
"""


def decided_text() -> str:
    text = edited("approvals:", "approvals_old:")
    return text[: text.index("approvals_old:")] + DECIDED


def export_of(path: Path | str) -> str:
    checked = check_file(str(path), Run(AS_OF))
    assert checked.strategy is not None and checked.book is not None
    export = iati_activities([(checked.strategy, checked.book)], AS_OF)
    assert export.text is not None
    return export.text


def tree(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def test_default_strategy_export_validates_against_the_xsd() -> None:
    text = export_of(DATA_FILE)
    assert check_iati(text, "iom.xml") == []
    root = tree(text)
    assert root.get("version") == "2.03"
    (activity,) = root.findall("iati-activity")
    assert activity.get("default-currency") == "DKK"
    assert activity.findtext("iati-identifier") == "XM-DAC-3-1-2022-18394"
    assert activity.find("reporting-org").get("ref") == "XM-DAC-3-1"  # type: ignore[union-attr]
    orgs = [(o.get("role"), o.get("ref")) for o in activity.findall("participating-org")]
    assert orgs == [("1", "XM-DAC-3-1"), ("4", "XM-DAC-47066")]
    dates = [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")]
    assert dates == [("1", "2023-01-01"), ("3", "2026-12-31")]
    assert activity.find("activity-status").get("code") == "2"  # type: ignore[union-attr]


def test_budgets_are_indicative_while_planned() -> None:
    activity = tree(export_of(DATA_FILE)).find("iati-activity")
    assert activity is not None
    budgets = [
        (
            b.get("type"),
            b.get("status"),
            b.find("period-start").get("iso-date"),
            b.findtext("value"),
        )  # type: ignore[union-attr]
        for b in activity.findall("budget")
    ]
    assert budgets == [
        ("1", "1", f"{year}-01-01", "100000000") for year in (2023, 2024, 2025, 2026)
    ]
    planned = [p.findtext("value") for p in activity.findall("planned-disbursement")]
    assert planned == ["100000000"] * 4
    assert activity.findall("transaction") == []


def test_approval_commits_and_a_reduction_revises(tmp_path: Path) -> None:
    path = tmp_path / "decided.yaml"
    path.write_text(decided_text(), encoding="utf-8")
    text = export_of(path)
    assert check_iati(text, "decided.xml") == []
    activity = tree(text).find("iati-activity")
    assert activity is not None
    budgets = [
        (
            b.get("type"),
            b.get("status"),
            b.find("period-start").get("iso-date"),
            b.findtext("value"),
        )  # type: ignore[union-attr]
        for b in activity.findall("budget")
    ]
    assert budgets == [
        ("1", "2", "2023-01-01", "100000000"),
        ("1", "1", "2024-01-01", "100000000"),
        ("2", "2", "2024-01-01", "95500000"),
        ("1", "1", "2025-01-01", "100000000"),
        ("1", "1", "2026-01-01", "100000000"),
    ]
    transactions = [
        (
            t.find("transaction-type").get("code"),  # type: ignore[union-attr]
            t.find("transaction-date").get("iso-date"),  # type: ignore[union-attr]
            t.findtext("value"),
            t.find("value").get("value-date"),  # type: ignore[union-attr]
        )
        for t in activity.findall("transaction")
    ]
    assert transactions == [
        ("2", "2023-03-15", "100000000", "2023-03-15"),
        ("2", "2023-12-20", "95500000", "2023-12-20"),
    ]


def test_check_catches_a_negative_budget_a_long_period_an_overlap_and_no_value_date() -> None:
    text = export_of(DATA_FILE)
    text = text.replace(">100000000</value>", ">-100000000</value>", 1)
    text = text.replace(
        '<period-end iso-date="2024-12-31"/>', '<period-end iso-date="2025-01-01"/>', 1
    )
    text = text.replace('value-date="2026-01-01"', "", 1)
    lines = text.splitlines()

    def line_of(needle: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if needle in line)

    budget_2024 = line_of('<period-start iso-date="2024-01-01"/>') - 1
    budget_2025 = line_of('<period-start iso-date="2025-01-01"/>') - 1
    no_date = line_of('<value currency="DKK" >100000000</value>')
    assert [(d.line, d.code, d.message) for d in check_iati(text, "broken.xml")] == [
        (line_of(">-100000000<"), "IOM704", "budget value -100000000 is negative"),
        (
            budget_2024,
            "IOM702",
            "budget period 2024-01-01 to 2025-01-01 is longer than 12 months",
        ),
        (
            budget_2025,
            "IOM703",
            "budget 2025-01-01 to 2025-12-31 overlaps budget 2024-01-01 to 2025-01-01 "
            "of the same type 1",
        ),
        (
            no_date,
            "IOM701",
            "IATI 2.03 schema: Element 'value': The attribute 'value-date' is required "
            "but missing.",
        ),
        (no_date, "IOM705", "budget value has no value-date"),
    ]


def test_cli_export_check_passes_on_the_default_strategy(tmp_path: Path) -> None:
    out = tmp_path / "iom.xml"
    result = run_cli("export", "iati", "--output", str(out), "--check", "--as-of", "2024-06-01")
    assert result.exit_code == 0, result.stderr
    assert check_iati(out.read_text(encoding="utf-8"), str(out)) == []


def test_cli_export_check_fails_on_a_negative_budget(tmp_path: Path) -> None:
    path = tmp_path / "negative.yaml"
    path.write_text(
        edited("amounts: {2023: 48,", "amounts: {2023: -148,").replace(
            "stated: {2023: 98,", "stated: {2023: -98,"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "negative.xml"
    result = run_cli("export", "iati", str(path), "--output", str(out), "--check")
    assert result.exit_code == 1
    assert (
        f"{out}:" in result.stderr and "IOM704 budget value -96000000 is negative" in result.stderr
    )


def test_cli_export_without_identifiers_cannot_run(tmp_path: Path) -> None:
    path = tmp_path / "anonymous.yaml"
    path.write_text(edited("    iati_identifier: XM-DAC-3-1", ""), encoding="utf-8")
    result = run_cli("export", "iati", str(path))
    assert result.exit_code == 2
    assert "strategy.donor.iati_identifier" in result.stderr


def test_cli_export_refuses_a_table_file_and_a_missing_file(tmp_path: Path) -> None:
    table = run_cli("export", "iati", str(DATA_FILE.parent / "annex2_funding_2021.yaml"))
    assert table.exit_code == 2
    assert "is a table file, not a strategy" in table.stderr
    missing = run_cli("export", "hledger", str(tmp_path / "nothing.yaml"))
    assert missing.exit_code == 2
    assert "IOM001" in missing.stderr
