"""Recorded disbursements in both exports, on the illustrative example (payments in the file,
in a CSV ledger, in USD at a stated rate and at the ECB rate): the real `hledger bal` equals
`iomstrat disbursement`'s figures per line and year to the øre; IATI gets type-3 transactions."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

from lxml import etree

from iomstrat.core.pipeline import Run, check_file
from iomstrat.engine.disbursement import disbursement_report
from iomstrat.export.iati import check_iati, iati_activities
from iomstrat.rates import EcbRates

from .conftest import ROOT, real_text, run_cli
from .test_export_hledger import CODE, hledger_balances, table

EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"
LEDGER = ROOT / "examples" / "illustrative_2023_ledger.csv"
AS_OF = dt.date(2026, 12, 31)  # after every payment


def test_hledger_balances_equal_the_disbursement_report(tmp_path: Path) -> None:
    journal = tmp_path / "example.journal"
    result = run_cli("export", "hledger", str(EXAMPLE), "--output", str(journal))
    assert result.exit_code == 0, result.stderr
    balances = hledger_balances(journal)

    checked = check_file(str(EXAMPLE), Run(AS_OF))
    strategy, book = checked.strategy, checked.book
    assert strategy is not None and book is not None
    report = disbursement_report(
        strategy, book, file=str(EXAMPLE), as_of=AS_OF, by="line", rates=EcbRates()
    )
    rows = [row for row in report.rows if row.kind == "line" and row.year is not None]
    assert len(rows) == 12
    for row in rows:
        year = str(row.year)
        assert balances[(f"expenses:IOM:{CODE}:{row.key}", year)] == row.figures.disbursed, row
    # By hand: core paid 24 + 24 million in 2023; personnel 4 x 0.5 million (the CSV ledger);
    # soft-earmarked 12 million + 1 million USD at a stated 6.80 + 1 million USD at the ECB rate
    # of 2023-11-15 (7.4588 DKK and 1.0868 USD per euro: 7 458 800 / 1.0868 = 6 863 084.28)
    # + 5 million = 30 663 084.28.
    assert balances[(f"expenses:IOM:{CODE}:core", "2023")] == Decimal("48000000.00")
    assert balances[(f"expenses:IOM:{CODE}:personnel", "2023")] == Decimal("2000000.00")
    assert balances[(f"expenses:IOM:{CODE}:soft_earmarked", "2023")] == Decimal("30663084.28")
    # Approved 100 million, disbursed 80 663 084.28: 19 336 915.72 left.
    assert balances[("assets:appropriations:IOM", "2023")] == Decimal("19336915.72")
    text = journal.read_text(encoding="utf-8")
    assert "1000000 USD @ 6.80 DKK" in text  # the file's own rate
    assert "1000000 USD @@ 6863084.28 DKK" in text  # the ECB rate's total cost, to the øre


def test_hledger_budget_report_compares_plan_with_disbursements(tmp_path: Path) -> None:
    journal = tmp_path / "example.journal"
    assert run_cli("export", "hledger", str(EXAMPLE), "-o", str(journal)).exit_code == 0
    rows = {row[0]: row[1:3] for row in table(journal, "bal", "--budget", "-Y", "-B")}
    assert rows[f"expenses:IOM:{CODE}:core"] == ["48000000.00 DKK", "48000000.00 DKK"]
    assert rows[f"expenses:IOM:{CODE}:soft_earmarked"] == ["30663084.28 DKK", "50000000.00 DKK"]
    assert rows[f"revenues:appropriation:IOM:{CODE}"] == ["-100000000.00 DKK", "-100000000.00 DKK"]


def test_iati_disbursements_are_type_3_in_their_own_currency(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "    acronym: IOM\n",
        "    acronym: IOM\n    iati_identifier: XM-DAC-47066\n"
        "  donor: {name: Ministry of Foreign Affairs of Denmark, iati_identifier: XM-DAC-3-1}\n",
        1,
    )
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(LEDGER, tmp_path / LEDGER.name)
    checked = check_file(str(path), Run(AS_OF))
    assert checked.strategy is not None and checked.book is not None
    export = iati_activities([(checked.strategy, checked.book)], AS_OF)
    assert export.text is not None
    assert check_iati(export.text, "example.xml") == []
    root = etree.fromstring(export.text.encode("utf-8"))
    found = [
        (
            t.find("transaction-type").get("code"),  # type: ignore[union-attr]
            t.find("transaction-date").get("iso-date"),  # type: ignore[union-attr]
            t.find("value").get("currency"),  # type: ignore[union-attr]
            t.findtext("value"),
        )
        for t in root.iter("transaction")
    ]
    # The 2023 approval: one commitment per line, 48 + 50 + 2 million.
    assert found[:3] == [
        ("2", "2023-03-15", "DKK", "48000000"),
        ("2", "2023-03-15", "DKK", "50000000"),
        ("2", "2023-03-15", "DKK", "2000000"),
    ]
    assert found[3:6] == [
        ("3", "2023-03-31", "DKK", "500000"),  # from the CSV ledger
        ("3", "2023-04-03", "DKK", "24000000"),
        ("3", "2023-05-02", "DKK", "12000000"),
    ]
    assert ("3", "2023-06-15", "USD", "1000000") in found
    assert len(found) == 3 + 5 + 5  # the approval, 5 payments in the file, 5 in the ledger


def test_hledger_leaves_out_a_payment_without_any_rate(tmp_path: Path) -> None:
    path = tmp_path / "xof.yaml"
    path.write_text(
        real_text()
        + "\ndisbursements:\n"
        + "  - {date: 2023-04-03, line: core, amount: 1000, currency: XOF, voucher: X-1}\n",
        encoding="utf-8",
    )
    result = run_cli("export", "hledger", str(path), "--partial")
    assert result.exit_code == 1
    assert "X-1) has no rate to DKK; left out" in result.stderr
    assert "IOM414" in result.stderr
    assert "X-1" not in result.stdout


def test_export_hledger_reads_a_ledger_given_with_ledger(tmp_path: Path) -> None:
    """The example without its `ledgers:` line, the CSV given with --ledger: the same journal
    as the example that names it."""
    text = EXAMPLE.read_text(encoding="utf-8")
    line = next(row for row in text.splitlines(keepends=True) if row.startswith("ledgers:"))
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(text.replace(line, ""), encoding="utf-8")
    shutil.copy(LEDGER, tmp_path / LEDGER.name)
    ledger = str(tmp_path / LEDGER.name)
    alone = run_cli("export", "hledger", str(strategy))
    given = run_cli("export", "hledger", str(strategy), "--ledger", ledger)
    named = run_cli("export", "hledger", str(EXAMPLE))
    assert alone.exit_code == given.exit_code == named.exit_code == 0
    assert "DK-2023-P01" not in alone.stdout
    assert given.stdout == named.stdout and "voucher:DK-2023-P01" in given.stdout
    two = run_cli("export", "hledger", str(strategy), str(EXAMPLE), "--ledger", ledger)
    assert (two.exit_code, two.stderr) == (
        2,
        "iomstrat: --ledger needs exactly one strategy file\n",
    )
