"""The rendered budget reproduces every figure of the strategy's budget and cover tables."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from iomstrat.engine.budget import budget_table
from iomstrat.model.errors import read_strategy

from .conftest import DATA_FILE, run_cli

YEARS = (2023, 2024, 2025, 2026)


def strategy():  # type: ignore[no-untyped-def]
    reading = read_strategy(str(DATA_FILE))
    assert reading.strategy is not None, reading.diagnostics
    return reading.strategy


def test_metadata_matches_the_cover_table() -> None:
    info = strategy().strategy
    assert info.file_no == "2022-18394"
    assert info.responsible_unit == "Geneva"
    assert info.desk_officer == "Lea Rasmussen"
    assert info.financial_officer == "Michael Blichfeldt"
    assert (info.period.start, info.period.end) == (2023, 2026)
    assert info.currency == "DKK" and info.unit == "million"
    assert info.finance_act_code == "§06.32.10.14"
    assert info.funding_basis == "Funding as stipulated in the Danish Finance Act for 2022"


@pytest.mark.parametrize(
    ("line_id", "amount", "unit"),
    [
        ("core", "48", "UN Mission in Geneva"),
        ("soft_earmarked", "50", "Department of Migration, Stabilization and Fragility"),
        ("personnel", "2", "UN Mission in Geneva"),
    ],
)
def test_budget_lines(line_id: str, amount: str, unit: str) -> None:
    line = strategy().line(line_id)
    assert line is not None
    assert line.amounts == {year: Decimal(amount) for year in YEARS}
    assert all(isinstance(v, Decimal) for v in line.amounts.values())
    assert line.finance_act_code == "§06.32.10.14"
    assert line.responsible_unit == unit


def test_rendered_rows_in_document_order_with_every_figure() -> None:
    table = budget_table(strategy())
    rows = [(r.id, r.kind, [r.amounts[y] for y in YEARS], r.total) for r in table.rows]
    d = Decimal
    assert rows == [
        ("core_incl_soft_earmarked", "subtotal", [d(98)] * 4, d(392)),
        ("core", "line", [d(48)] * 4, d(192)),
        ("soft_earmarked", "line", [d(50)] * 4, d(200)),
        ("personnel", "line", [d(2)] * 4, d(8)),
        ("total", "total", [d(100)] * 4, d(400)),
    ]
    assert [r.label for r in table.rows[1:3]] == ["a.", "b."]
    assert [h.status for h in table.years] == ["planned"] * 4


def test_cover_rows() -> None:
    cover = strategy().cover
    assert cover is not None and cover.commitment and cover.projected_disbursement
    for row in (cover.commitment, cover.projected_disbursement):
        assert row.by_year == {year: Decimal(100) for year in YEARS}
        assert row.total == Decimal(400)


def test_stated_totals() -> None:
    totals = {t.id: t.stated for t in strategy().budget.totals}
    assert totals["core_incl_soft_earmarked"] == {y: Decimal(98) for y in YEARS}
    assert totals["total"] == {y: Decimal(100) for y in YEARS}


def test_table_output_shows_figures_and_footnote() -> None:
    run = run_cli("budget", "show")
    assert run.exit_code == 0
    out = run.stdout
    for text in (
        "a. Core funding",
        "§06.32.10.14",
        "Planned",
        "2026*",
        "367.5",
        "375",
        "*Subject to annual parliamentary approval",
    ):
        assert text in out
    # The signed version: 2023's 75 apportioned over the draft's 48 / 50 / 2 (marked †).
    core_row = next(line for line in out.splitlines() if "a. Core funding" in line)
    cells = [c.strip() for c in core_row.split("│") if c.strip()]
    assert cells[-5:] == ["36†", "48", "48", "48", "180†"]
    total_row = next(line for line in out.splitlines() if "Total contributions" in line)
    assert [c.strip() for c in total_row.split("│") if c.strip()][-5:] == [
        "75",
        "100",
        "100",
        "100",
        "375",
    ]


def test_json_output() -> None:
    data = json.loads(run_cli("budget", "show", "--format", "json").stdout)
    assert data["unit"] == "million" and data["currency"] == "DKK"
    by_id = {r["id"]: r for r in data["rows"]}
    assert by_id["total"]["amounts"] == {"2023": "75", "2024": "100", "2025": "100", "2026": "100"}
    assert by_id["total"]["total"] == "375"
    assert by_id["core"]["amounts"]["2023"] == "36"
    assert by_id["soft_earmarked"]["amounts"]["2025"] == "50"


def test_csv_english_and_danish() -> None:
    en = list(csv.reader(io.StringIO(run_cli("budget", "show", "-f", "csv").stdout)))
    assert en[0] == [
        "id",
        "label",
        "name",
        "kind",
        "finance_act_code",
        "2023",
        "2024",
        "2025",
        "2026",
        "total",
        "source",
        "apportioned_years",
        "markers",
        "complete",
    ]
    # 2023 as signed: the year's total only, so core's 36 is apportioned (and its period's 180)
    assert en[2][:2] == ["core", "a."] and en[2][5:] == [
        "36",
        "48",
        "48",
        "48",
        "180",
        "apportioned",
        "2023",
        "",
        "true",
    ]
    da_text = run_cli("budget", "show", "-f", "csv", "--locale", "da", "--unit", "thousand").stdout
    da = list(csv.reader(io.StringIO(da_text), delimiter=";"))
    assert da[2][5:10] == ["36000", "48000", "48000", "48000", "180000"]


def test_danish_locale_and_units_in_table() -> None:
    out = run_cli("budget", "show", "--locale", "da", "--unit", "kroner").stdout
    assert "48.000.000" in out and "375.000.000" in out
    out = run_cli("budget", "show", "--unit", "thousand").stdout
    assert "48,000" in out and "(DKK thousand)" in out


def test_danish_decimal_comma(write) -> None:  # type: ignore[no-untyped-def]
    from .conftest import edited

    text = edited("amounts: {2023: 48, 2024: 48,", "amounts: {2023: 48, 2024: 47.5,")
    text = text.replace("stated: {2023: 98, 2024: 98,", "stated: {2023: 98, 2024: 97.5,")
    text = text.replace("stated: {2023: 100, 2024: 100,", "stated: {2023: 100, 2024: 99.5,", 1)
    out = run_cli("budget", "show", write(text), "--locale", "da").stdout
    assert "47,5" in out and "179,5" in out  # 36 (2023 as signed) + 47.5 + 48 + 48


def test_markdown_output() -> None:
    out = run_cli("budget", "show", "-f", "markdown").stdout
    assert "| a. Core funding | §06.32.10.14 | 36† | 48 | 48 | 48 | 180† |" in out
    assert "| **Total contributions (core, soft earmarked and personnel support)** |" in out
    assert "_*Subject to annual parliamentary approval." in out


def test_output_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "budget.json"
    run = run_cli("budget", "show", "-f", "json", "--output", str(target))
    assert run.exit_code == 0 and run.stdout == ""
    assert json.loads(target.read_text())["rows"][0]["total"] == "367.5"


def test_bad_options_exit_2() -> None:
    assert run_cli("budget", "show", "--locale", "xx").exit_code == 2
    assert run_cli("budget", "show", "--unit", "billion").exit_code == 2
    assert run_cli("budget", "show", "--format", "pdf").exit_code == 2


def test_decided_years_show_what_parliament_approved(write) -> None:  # type: ignore[no-untyped-def]
    from .conftest import edited

    planned = (
        "  - year: 2024\n    status: planned\n"
        "    note: Planned; subject to annual parliamentary approval."
    )
    reduced = (
        "  - year: 2024\n    status: reduced\n    finance_act: Finance Act 2024\n"
        "    decided_on: 2024-03-20\n    amount: 90"
    )
    approved = planned.replace("2024", "2023").replace(
        "status: planned",
        "status: approved\n    finance_act: Finance Act 2023\n    decided_on: 2023-03-15",
    )
    text = edited(planned, reduced).replace(planned.replace("2024", "2023"), approved)
    path = write(text)
    rows = list(csv.reader(io.StringIO(run_cli("budget", "show", path, "-f", "csv").stdout)))
    # A reduction that names no lines is apportioned over them: 90 of 100, 90 % of each plan;
    # 2023 approved as planned in the signed version (75, its lines apportioned).
    approved_lines = {r[0]: r[5:9] for r in rows if r[0].startswith("approved:")}
    assert approved_lines == {
        "approved:core": ["36", "43.2", "", ""],
        "approved:soft_earmarked": ["37.5", "45", "", ""],
        "approved:personnel": ["1.5", "1.8", "", ""],
    }
    assert next(r for r in rows if r[0] == "approved") == [
        "approved",
        "",
        "Approved by parliament",
        "approved",
        "",
        "75",
        "90",
        "",
        "",
        "",
        "stated",
        "",
        "",
        "true",
    ]
    table = run_cli("budget", "show", path, "--unit", "thousand").stdout
    assert "Reduced" in table and "Approved" in table and "90,000" in table
    data = json.loads(run_cli("budget", "show", path, "-f", "json").stdout)
    assert [(y["status"], y["approved_amount"]) for y in data["years"]] == [
        ("approved", "75"),
        ("reduced", "90"),
        ("planned", None),
        ("planned", None),
    ]
