"""Payments dated after the as-of date are not counted as of it, and say so (IOM458, a note at
the first of each ledger file); dated after today, a warning (IOM459), counted or not. Figures
of the illustrative strategy computed by hand."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from iomstrat.checks import payments

from .conftest import ROOT, run_cli

STRATEGY = ROOT / "examples" / "illustrative_2023.yaml"
LEDGER = ROOT / "examples" / "illustrative_2023_ledger.csv"


@pytest.fixture
def strategy(tmp_path: Path) -> str:
    shutil.copy(STRATEGY, tmp_path / "strategy.yaml")
    shutil.copy(LEDGER, tmp_path / LEDGER.name)
    return str(tmp_path / "strategy.yaml")


def lines(stderr: str, code: str) -> list[str]:
    return [line for line in stderr.splitlines() if f" {code} " in line]


def test_a_payment_after_the_as_of_date_is_a_note_and_left_out(
    strategy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(payments, "day_today", lambda: dt.date(2024, 6, 1))
    run = run_cli("validate", strategy, "--as-of", "2023-10-31")
    assert run.exit_code == 0
    ledger = str(Path(strategy).parent / LEDGER.name)
    # the strategy: DK-2023-005 (2023-11-15) at its line 211; the ledger: DK-2023-006
    # (2023-12-01, row 5) and DK-2023-P04 (2023-12-15, row 6)
    assert lines(run.stdout + run.stderr, "IOM458") == [
        f"{ledger}:5:1: note IOM458 payment DK-2023-006 of 2023-12-01 is dated after the "
        "as-of date 2023-10-31: not counted as of that date (2 payments of this file are dated "
        "so)",
        f"{strategy}:211:1: note IOM458 payment DK-2023-005 of 2023-11-15 is dated after the "
        "as-of date 2023-10-31: not counted as of that date (1 payment of this file is dated "
        "so)",
    ]
    data = json.loads(
        run_cli("disbursement", strategy, "--as-of", "2023-10-31", "--format", "json").stdout
    )
    rows = {r["key"]: r for r in data["reports"][0]["rows"] if r["year"] == 2023}
    # 12 000 000 + USD 1 000 000 at 6.80; DK-2023-005 and -006 are later
    assert rows["soft_earmarked"]["disbursed"] == "18800000"
    # P01-P03 of 500 000; P04 is later
    assert rows["personnel"]["disbursed"] == "1500000"
    assert data["complete"] is True
    # as of the end of the year every payment is counted, and nothing is said
    run = run_cli("validate", strategy, "--as-of", "2023-12-31")
    assert "IOM458" not in run.stdout + run.stderr


def test_a_payment_after_today_is_a_warning(strategy: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(payments, "day_today", lambda: dt.date(2023, 11, 30))
    ledger = str(Path(strategy).parent / LEDGER.name)
    run = run_cli("validate", strategy, "--as-of", "2023-11-20")
    found = run.stdout + run.stderr
    assert lines(found, "IOM459") == [
        f"{ledger}:5:1: warning IOM459 payment DK-2023-006 of 2023-12-01 is dated after today "
        "(2023-11-30), a payment not yet made: not counted as of 2023-11-20 (2 payments of "
        "this file are dated so)"
    ]
    assert lines(found, "IOM458") == []  # DK-2023-005 of 2023-11-15 is before 2023-11-20
    run = run_cli("validate", strategy, "--as-of", "2023-12-31")
    assert lines(run.stdout + run.stderr, "IOM459") == [
        f"{ledger}:5:1: warning IOM459 payment DK-2023-006 of 2023-12-01 is dated after today "
        "(2023-11-30), a payment not yet made: counted as of 2023-12-31 (2 payments of this "
        "file are dated so)"
    ]
