"""The payment checks answer from sums per day and walk the payments one by one only when the
sums show a finding: these are the cases where the sums alone would be wrong (a refund that
brings a running sum back under its limit, vouchers equal only once folded) and the reader's
one Decimal per distinct amount. Findings read 'file:line:CODE'."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iomstrat.checks import payments as payment_checks
from iomstrat.core.payments import read_ledger
from iomstrat.loader.payments import Payments

from .disbursement_helpers import codes, ledger_text

L = "illustrative_2023_ledger.csv"


def with_refund_column(ledger: str) -> str:
    """The example ledger with a `refund` column, empty in every row."""
    head, *rows = ledger.splitlines()
    return "\n".join([head + ",refund", *(row + "," for row in rows)]) + "\n"


def test_a_refund_after_a_payment_above_the_line_still_leaves_the_finding(tmp_path: Path) -> None:
    # Personnel support is 2 000 000 in 2023 and four payments of 500 000 use it all. Row 7
    # brings the line to 3 000 000; row 8 returns 1 000 000: the year's total is within the
    # line again, but the payment of row 7 went above it when it was made.
    ledger = with_refund_column(ledger_text()) + (
        "2023-12-20,personnel,1000000.00,DKK,DK-2023-P09,,,,\n"
        "2023-12-21,personnel,-1000000.00,DKK,DK-2023-R09,,,,yes\n"
    )
    assert codes(tmp_path, ledger=ledger) == [f"{L}:7:IOM411"]


def test_a_refund_alone_is_no_finding(tmp_path: Path) -> None:
    ledger = with_refund_column(ledger_text()) + (
        "2023-12-21,personnel,-100000.00,DKK,DK-2023-R09,,,,yes\n"
    )
    assert codes(tmp_path, ledger=ledger) == []


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("DK-2023-P01", "dk-2023-p01"),  # ASCII in both cases: the ledger is lower-cased at once
        ("DK-2023-P01", "Dk-2023-P01"),
        ("STRASSE-1", "straße-1"),  # not ASCII: `casefold` makes ß ss, voucher by voucher
        ("DK-2023-P01", "DK-2023-P01"),  # written the same
    ],
)
def test_vouchers_equal_once_folded_are_one_voucher(tmp_path: Path, first: str, again: str) -> None:
    ledger = ledger_text().replace("DK-2023-P01", first).replace("DK-2023-P02", again)
    assert codes(tmp_path, ledger=ledger) == [f"{L}:3:IOM410"]


def test_vouchers_of_one_case_that_differ_are_distinct(tmp_path: Path) -> None:
    ledger = ledger_text().replace("DK-2023-P", "dk-2023-p")
    assert codes(tmp_path, ledger=ledger) == []


AMOUNTS = ["12.50", "12.50", "7", "12.50", "7.00", "1000.25"]


def ledger_of(amounts: list[str]) -> str:
    return "date,line,amount,currency,voucher,exchange_rate\n" + "".join(
        f"2023-03-{day:02d},core,{amount},DKK,V-{day},\n" for day, amount in enumerate(amounts, 1)
    )


CSV = ledger_of(AMOUNTS)


def read(path: Path) -> Payments:
    payments = Payments()
    read_ledger(str(path), payments)
    return payments


def test_amounts_of_a_block_that_repeats_them_are_shared(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text(CSV, encoding="utf-8")  # 4 distinct texts of 6: one Decimal per cell
    each = read(path)
    repeated = ["12.50", "7", "12.50", "12.50", "7", "1000.25"]
    path.write_text(ledger_of(repeated), encoding="utf-8")  # 3 of 6: shared
    shared = read(path)
    for payments in (shared, each):
        assert payments.diagnostics == []
        assert [p.row for p in payments.records] == [2, 3, 4, 5, 6, 7]
    assert [str(p.amount) for p in each.records] == AMOUNTS
    assert [str(p.amount) for p in shared.records] == repeated
    assert each.columns.amount[0] is not each.columns.amount[1]
    assert shared.columns.amount[0] is shared.columns.amount[2] is shared.columns.amount[3]
    assert shared.columns.amount[1] is shared.columns.amount[4]


def folded(voucher: str) -> str:
    return " ".join(voucher.split()).casefold()


@pytest.mark.parametrize(
    ("vouchers", "shown"),
    [
        (["DK-1", "DK-2", "DK-10"], True),
        (["dk-1", "dk-2"], True),
        (["100234", "100235"], True),  # no letters: one case
        (["Dk-1", "dK-2", "DK-3"], True),  # mixed, distinct once lower-cased
        (["Dk-1", "dK-1"], False),  # the same voucher
        (["DK-1", "DK-1"], False),
        (["DK 1", "DK-1"], False),  # white space: compared one by one
        (["DK-1\t", "DK-2"], False),
        (["DK-1\x1f", "DK-2"], False),
        (["DK-ø", "DK-2"], False),  # not ASCII
        (["", "DK-2"], False),
    ],
)
def test_vouchers_shown_distinct_are_distinct(vouchers: list[str], shown: bool) -> None:
    assert payment_checks._vouchers_distinct(vouchers) is shown
    if shown:
        assert len({folded(v) for v in vouchers}) == len(vouchers)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aAbB1 \t-ø\x1c", max_size=4), max_size=8))
def test_vouchers_are_never_shown_distinct_when_they_are_not(vouchers: list[str]) -> None:
    if payment_checks._vouchers_distinct(vouchers):
        assert len({folded(v) for v in vouchers}) == len(vouchers)


@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=12))
def test_printable_and_one_case_are_strs_own_tests(text: str) -> None:
    """The byte-wise tests of ASCII text answer as `str.isprintable` and the case tests."""
    from iomstrat.loader.text import one_case, printable

    assert printable(text) == text.isprintable()
    assert one_case(text) == (text.isupper() or text.islower() or text.lower() == text)
