"""hledger cross-check: the REAL `hledger bal` on iomstrat's journal must give iomstrat's own totals
per line and year, to the øre. hledger is a Debian package that .ci/run installs; not skipped."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from iomstrat.engine.budget import budget_table
from iomstrat.model.errors import read_strategy

from .conftest import DATA_FILE, edited, run_cli

CODE = "§06.32.10.14"
LINES = ("core", "soft_earmarked", "personnel")

DECIDED = """approvals:
  - year: 2023
    status: approved
    finance_act: Finance Act 2023
    decided_on: 2023-03-15
  - year: 2024
    status: reduced
    finance_act: Finance Act 2024
    decided_on: 2023-12-20
    amount: 95.454321
    lines: {core: 45.654321, soft_earmarked: 48, personnel: 1.8}
  - year: 2025
    status: withheld
    finance_act: Finance Act 2025
    decided_on: 2024-12-19
  - year: 2026
    status: planned
"""


def hledger_balances(journal: Path) -> dict[tuple[str, str], Decimal]:
    """{(account, year): balance} as the real hledger computes it."""
    hledger = shutil.which("hledger")
    assert hledger, "hledger is not installed: apt-get install -y hledger (.ci/run does)"
    out = subprocess.run(
        [hledger, "-f", str(journal), "bal", "-Y", "-O", "csv", "--layout=bare", "--empty"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = list(csv.reader(io.StringIO(out)))
    years = rows[0][2:]
    return {
        (row[0], year): Decimal(value)
        for row in rows[1:]
        if row[0] != "total"
        for year, value in zip(years, row[2:], strict=True)
    }


def export(tmp_path: Path, text: str) -> tuple[Path, Path]:
    source = tmp_path / "strategy.yaml"
    source.write_text(text, encoding="utf-8")
    journal = tmp_path / "strategy.journal"
    result = run_cli("export", "hledger", str(source), "--output", str(journal))
    assert result.exit_code == 0, result.stderr
    return source, journal


def test_commitments_per_line_and_year_equal_the_budget_table(tmp_path: Path) -> None:
    source, journal = export(tmp_path, DATA_FILE.read_text(encoding="utf-8"))
    strategy = read_strategy(str(source)).strategy
    assert strategy is not None
    table = budget_table(strategy, "kroner")
    expected = {
        (f"commitment:{row.finance_act_code}:{row.id}", str(year)): amount
        for row in table.rows
        if row.kind == "line"
        for year, amount in row.amounts.items()
    }
    balances = hledger_balances(journal)
    assert {k: v for k, v in balances.items() if k[0].startswith("commitment:")} == expected
    assert len(expected) == 12
    assert balances[(f"commitment:{CODE}:core", "2023")] == Decimal("48000000.00")
    # Each year's commitment balances against the strategy: -100 million.
    assert balances[("strategy:2022-18394", "2026")] == Decimal("-100000000.00")


def test_approvals_per_line_and_year_to_the_ore(tmp_path: Path) -> None:
    text = edited("approvals:", "approvals_old:")
    text = text[: text.index("approvals_old:")] + DECIDED
    _, journal = export(tmp_path, text)
    balances = hledger_balances(journal)
    approved = {k: v for k, v in balances.items() if k[0].startswith("approved:")}
    hand = {
        # 2023 approved as planned, on 2023-03-15.
        (f"approved:{CODE}:core", "2023"): Decimal("48000000.00"),
        (f"approved:{CODE}:soft_earmarked", "2023"): Decimal("50000000.00"),
        (f"approved:{CODE}:personnel", "2023"): Decimal("2000000.00"),
        # 2024 reduced on 2023-12-20: counted in its appropriation year 2024, to the øre.
        (f"approved:{CODE}:core", "2024"): Decimal("45654321.00"),
        (f"approved:{CODE}:soft_earmarked", "2024"): Decimal("48000000.00"),
        (f"approved:{CODE}:personnel", "2024"): Decimal("1800000.00"),
        # 2025 withheld: zero on every line; 2026 still planned: no approval.
        (f"approved:{CODE}:core", "2025"): Decimal("0"),
        (f"approved:{CODE}:soft_earmarked", "2025"): Decimal("0"),
        (f"approved:{CODE}:personnel", "2025"): Decimal("0"),
    }
    hand |= {(f"approved:{CODE}:{line}", "2026"): Decimal(0) for line in LINES}
    assert approved == hand
    assert balances[(f"appropriation:{CODE}", "2024")] == Decimal("-95454321.00")


def test_the_journal_names_accounts_by_code_and_line() -> None:
    result = run_cli("export", "hledger", str(DATA_FILE))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "commodity 1000.00 DKK"
    assert "2023-01-01 Commitment 2023 | IOM" in lines
    assert any(
        line.split() == [f"commitment:{CODE}:soft_earmarked", "50000000.00", "DKK"]
        for line in lines
    )
