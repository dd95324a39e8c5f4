"""The benchmark's synthetic portfolio is valid data: payments add up to the plan to the øre,
vouchers are unique, the CSV, YAML and hledger journal hold the same payments, and iomstrat
finds nothing wrong with it. (Speed itself is measured by `python -m bench`, not here.)"""

from __future__ import annotations

import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.generate import CSV_HEADER, PAID_YEARS, generate
from iomstrat.cli import build
from iomstrat.loader import documents as loader

app = build()

SIZE = 2_000
PLAN = {"core": Decimal(48_000_000), "soft_earmarked": Decimal(50_000_000)}
PLAN["personnel"] = Decimal(2_000_000)


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("portfolio")
    generate(root, (SIZE,), strategies=3)
    return root


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        assert handle.readline() == CSV_HEADER + "\n"
        handle.seek(0)
        return list(csv.DictReader(handle))


def test_csv_ledger_adds_up_to_the_plan(portfolio: Path) -> None:
    rows = read_csv(portfolio / "ledger_2k.csv")
    assert len(rows) == SIZE
    assert len({row["voucher"] for row in rows}) == SIZE
    paid: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for row in rows:
        assert row["currency"] == "DKK" and row["exchange_rate"] == ""
        assert Decimal(row["amount"]) > 0 and len(row["amount"].split(".")[1]) == 2
        paid[(int(row["date"][:4]), row["line"])] += Decimal(row["amount"])
    assert paid == {(year, line): PLAN[line] for year in PAID_YEARS for line in PLAN}


def test_yaml_ledger_and_journal_hold_the_same_payments(portfolio: Path) -> None:
    rows = read_csv(portfolio / "ledger_2k.csv")
    document = loader.load(str(portfolio / "ledger_2k.yaml"))
    assert document.diagnostics == []
    records = document.data["disbursements"]
    assert [(str(r["date"]), r["line"], str(r["amount"]), r["voucher"]) for r in records] == [
        (row["date"], row["line"], row["amount"], row["voucher"]) for row in rows
    ]
    journal = (portfolio / "ledger_2k.journal").read_text(encoding="utf-8")
    postings = [line.split() for line in journal.splitlines() if "expenses:iom:" in line]
    assert [(p[0].removeprefix("expenses:iom:"), p[1]) for p in postings] == [
        (row["line"], row["amount"]) for row in rows
    ]


def test_iomstrat_finds_nothing_wrong(portfolio: Path) -> None:
    # As of the end of the paid years: the six-monthly dialogue has no decision for 2026 (IOM442).
    runner = CliRunner()
    for args in (
        ["validate", str(portfolio / "strategy_2k_csv.yaml"), "--as-of", "2025-12-31"],
        ["validate", str(portfolio / "strategy_2k_yaml.yaml"), "--as-of", "2025-12-31"],
        ["validate", str(portfolio / "strategies"), "--as-of", "2022-06-30", "--strict"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "0 errors, 0 warnings" in result.output
