"""The benchmark's synthetic portfolio is valid data: payments add up to the plan to the øre
(those in dollars to a little less), the soft-earmarked ones name the items of the dialogue
decisions and add up to them, vouchers are unique, the CSV, the Danish export, YAML and hledger
journal hold the same payments, and iomstrat finds nothing wrong with it. (Speed itself is
measured by `python -m bench`, not here.)"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.generate import ALLOCATED, CSV_HEADER, PAID_YEARS, USD_EVERY, generate, item_id
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
    dollars: dict[tuple[int, str], int] = defaultdict(int)
    items: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        assert row["currency"] in ("DKK", "USD") and row["exchange_rate"] == ""
        assert Decimal(row["amount"]) > 0 and len(row["amount"].split(".")[1]) == 2
        key = (int(row["date"][:4]), row["line"])
        if row["currency"] == "DKK":
            paid[key] += Decimal(row["amount"])
        else:
            dollars[key] += 1
        assert bool(row["allocation"]) == (row["line"] == "soft_earmarked")
        items[row["allocation"]] += Decimal(row["amount"])
    # Every tenth payment off the dialogue line is in dollars (its DKK value is what the test
    # below books); the soft-earmarked line's payments add up to each item, in DKK.
    assert sum(dollars.values()) >= SIZE // USD_EVERY // 3
    assert {key[1] for key in dollars} == {"core", "personnel"}
    for key, amount in paid.items():
        assert (amount == PLAN[key[1]]) == (key not in dollars)
    assert {name: amount for name, amount in items.items() if name} == {
        item_id(year, half, index): Decimal(item[2] * 1_000_000)
        for year in PAID_YEARS
        for half, _, chosen in ALLOCATED
        for index, item in enumerate(chosen)
    }


def test_payments_in_dollars_keep_every_line_within_its_plan(portfolio: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["disbursement", str(portfolio / "strategy_2k_csv.yaml"), "-f", "json", "--as-of",
         "2025-12-31"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    disbursed = {
        (row["year"], row["key"]): Decimal(row["disbursed"])
        for row in json.loads(result.stdout)["reports"][0]["rows"]
        if row.get("kind") == "line" and row["year"] in PAID_YEARS
    }
    assert len(disbursed) == len(PAID_YEARS) * len(PLAN)
    for (year, line), amount in disbursed.items():
        # A dollar payment books less than its DKK part by under a US cent's worth.
        assert PLAN[line] - Decimal(SIZE) / 10 < amount <= PLAN[line], (year, line)


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
    assert [(p[0].removeprefix("expenses:iom:"), p[1], p[2]) for p in postings] == [
        (row["line"], row["amount"], row["currency"]) for row in rows
    ]
    danish = (portfolio / "ledger_2k_dk.csv").read_text(encoding="utf-8").splitlines()
    assert danish[0] == "Bilagsdato;Konto;Beløb;Valuta;Bilagsnr.;Kurs;Bevilling"
    accounts = {"4010": "core", "4020": "soft_earmarked", "4030": "personnel"}
    assert [
        (f"{d[6:]}-{d[3:5]}-{d[:2]}", accounts[a], amount.replace(".", "").replace(",", "."), v)
        for d, a, amount, _, v, _, _ in (line.split(";") for line in danish[1:])
    ] == [(row["date"], row["line"], row["amount"], row["voucher"]) for row in rows]


def test_iomstrat_finds_nothing_wrong(portfolio: Path) -> None:
    # As of the end of the paid years: the six-monthly dialogue has no decision for 2026 (IOM442).
    runner = CliRunner()
    for args in (
        ["validate", str(portfolio / "strategy_2k_csv.yaml"), "--as-of", "2025-12-31"],
        ["validate", str(portfolio / "strategy_2k_yaml.yaml"), "--as-of", "2025-12-31"],
        ["validate", str(portfolio / "strategy_2k_dk.yaml"), "--as-of", "2025-12-31"],
        ["validate", str(portfolio / "strategies"), "--as-of", "2022-06-30", "--strict"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "0 errors, 0 warnings" in result.output
