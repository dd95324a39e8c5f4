"""A ledger whose every row is wrong in one way: the first thousand findings of a code in a
file are listed, in the file's order, and one finding counts the rest (which are not made),
whichever reader or check finds them; a second reader or check of the same code adds to it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from iomstrat.findings import MAX_PER_CODE, Severity, finding, limit, more
from iomstrat.loader.payments import Payment, Payments
from iomstrat.render.messages import text

from .conftest import ROOT, run_cli

UNHCR = ROOT / "examples" / "illustrative_unhcr_2024.yaml"
HEADER = "date,line,amount,currency,voucher,exchange_rate,allocation\n"
ROWS = 1500  # rows 2..1501 of the ledger: 1000 listed (2..1001), 500 counted from row 1002


def strategy_with(folder: Path, rows: list[str]) -> Path:
    text = UNHCR.read_text(encoding="utf-8")
    text = text[: text.index("disbursements:")]
    (folder / "ledger.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    path = folder / "unhcr.yaml"
    path.write_text(text + "ledgers: [ledger.csv]\n", encoding="utf-8")
    return path


def findings_of(path: Path, code: str, *extra: str) -> list[dict[str, object]]:
    done = run_cli("validate", str(path), "--as-of", "2025-12-31", "--format", "json", *extra)
    assert done.exit_code == 1, done.stdout + done.stderr
    return [f for f in json.loads(done.stdout) if f["code"] == code]


def assert_listed_then_counted(found: list[dict[str, object]], code: str) -> None:
    listed, counted = found[:-1], found[-1]
    assert len(listed) == MAX_PER_CODE == 1000
    assert [f["line"] for f in listed] == list(range(2, 1002))
    assert counted["line"] == 1002
    assert counted["values"] == {"code": code, "count": 500, "line": 1002, "shown": 1000}
    assert counted["message"] == (
        f"500 more {code} findings from line 1002 on, not listed (the first 1000 are)"
    )


def test_a_ledger_whose_every_amount_is_bad_lists_a_thousand_rows_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    rows = [f"2024-03-01,core,x{n},DKK,V-{n},,\n" for n in range(ROWS)]
    found = findings_of(strategy_with(tmp_path, rows), "IOM422")
    assert_listed_then_counted(found, "IOM422")
    assert "'x999'" in str(found[-2]["message"])  # the last one listed is worded in full
    done = run_cli("validate", str(tmp_path / "unhcr.yaml"), "--as-of", "2025-12-31")
    # the summary counts every bad row, listed or not
    assert "1 file checked: 1500 errors" in done.stdout + done.stderr


def test_payments_on_a_line_the_budget_lacks_are_listed_in_the_files_order(
    tmp_path: Path,
) -> None:
    rows = [f"2024-03-01,kore,1,DKK,V-{n},,\n" for n in range(ROWS)]
    found = findings_of(strategy_with(tmp_path, rows), "IOM413")
    assert_listed_then_counted(found, "IOM413")
    assert found[0]["values"] == {
        "voucher": "V-0",
        "line": "kore",
        "lines": ["climate_displacement", "core", "soft_earmarked", "syria_response"],
    }


def test_payments_walked_in_date_order_are_still_listed_in_the_files_order(
    tmp_path: Path,
) -> None:
    # 2025 is only planned: each payment of 2025 is paid before approval (IOM401). The ledger
    # is written latest first, so the walk in date order meets row 1501 first; the rows listed
    # are still the file's first thousand.
    start = dt.date(2025, 1, 1)
    days = [start + dt.timedelta(days=n % 365) for n in range(ROWS)]
    days.sort(reverse=True)
    rows = [f"{day},core,1,DKK,V-{n},," + "\n" for n, day in enumerate(days)]
    found = findings_of(strategy_with(tmp_path, rows), "IOM401")
    assert_listed_then_counted(found, "IOM401")
    danish = run_cli(
        "validate", str(tmp_path / "unhcr.yaml"), "--as-of", "2025-12-31", "--locale", "da"
    )
    assert "500 kontrolresultater mere af IOM401 fra linje 1002 og frem" in danish.stdout


def test_a_count_made_by_a_check_and_findings_of_another_are_limited_together() -> None:
    # A check listed 1000 findings of IOM413 in a.csv and counted 20 more from line 1002;
    # another check found 3 of the same code on lines 1 to 3: of these 1003 findings the first
    # 1000 lines are listed, and 23 are counted from line 999 on.
    one = [
        finding("a.csv", n, 1, "IOM413", kind="payment", voucher="V", line="x", lines=())
        for n in range(2, 1002)
    ]
    counted = more("a.csv", 1002, "IOM413", 20)
    other = [
        finding("a.csv", n, 1, "IOM413", kind="payment", voucher="W", line="y", lines=())
        for n in (1, 2, 3)
    ]
    kept = limit([*one, counted, *other])
    listed = [d for d in kept if d.kind != "more"]
    assert len(listed) == 1000
    assert [d.line for d in listed][:4] == [1, 2, 2, 3]
    assert max(d.line for d in listed) == 998
    (rest,) = [d for d in kept if d.kind == "more"]
    assert dict(rest.values) == {"code": "IOM413", "count": 23, "line": 999, "shown": 1000}
    assert rest.severity is Severity.ERROR


def test_findings_at_rows_of_two_ledgers_are_limited_per_file() -> None:
    day = dt.date(2024, 3, 1)
    records = [
        Payment(day, "kore", 1, "DKK", f"V-{n}", None, 2024, None, n % 2, n // 2 + 2)  # type: ignore[arg-type]
        for n in range(2 * 1003)
    ]
    payments = Payments(["a.csv", "b.csv"], records)

    def make(p: Payment) -> object:
        return payments.finding(
            p, "IOM413", kind="payment", voucher=p.voucher, line=p.line, lines=("core",)
        )

    found = payments.findings_at(range(len(records)), make)  # type: ignore[arg-type]
    for file in ("a.csv", "b.csv"):
        mine = [d for d in found if d.file == file]
        assert len(mine) == 1001
        (rest,) = [d for d in mine if d.kind == "more"]
        assert dict(rest.values) == {"code": "IOM413", "count": 3, "line": 1002, "shown": 1000}
        assert text(rest, "en") == (
            "3 more IOM413 findings from line 1002 on, not listed (the first 1000 are)"
        )


def test_banners_and_footers_count_what_a_count_stands_for(tmp_path: Path) -> None:
    # 1500 bad amounts: 1000 findings listed and one standing for 500; every count a person
    # reads says 1500
    rows = [f"2024-03-01,core,x{n},DKK,V-{n},," + "\n" for n in range(ROWS)]
    path = str(strategy_with(tmp_path, rows))
    done = run_cli("disbursement", path, "--as-of", "2025-12-31", "-f", "markdown", "--partial")
    assert done.stdout.startswith(
        "> **INCOMPLETE: 1500 errors in payments (ledger.csv); 1500 ledger rows left out;"
    )
    withheld = run_cli("disbursement", path, "--as-of", "2025-12-31", "-f", "csv")
    assert "no figures written: 1500 errors in payments (ledger.csv);" in withheld.stderr
    github = run_cli("validate", path, "--as-of", "2025-12-31", "--format", "github").stdout
    # ten annotations shown, the other 1490 errors counted
    assert "GitHub shows 10 per level and step): 1490 more errors (" in github
