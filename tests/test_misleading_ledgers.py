"""Ledgers that once gave wrong figures with exit 0 (issue 23): each case is a file, and each
gives the right figures or a finding with exit 1 or 2, never a traceback."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from iomstrat.core.payments import read_ledger
from iomstrat.engine.book import book_payments, converted
from iomstrat.loader import dialect
from iomstrat.loader.dialect import Declared, Numbers
from iomstrat.loader.payments import Payment, Payments

from .conftest import run_cli
from .disbursement_helpers import edit, example_text

HEADER = "date,line,amount,currency,voucher,exchange_rate\n"


def read(path: Path, data: bytes, **declared: object) -> Payments:
    path.write_bytes(data)
    payments = Payments(["strategy"])
    read_ledger(Declared(str(path), **declared), payments)  # type: ignore[arg-type]
    return payments


def messages(payments: Payments) -> list[str]:
    return [f"{d.line}:{d.code} {d.message}" for d in payments.diagnostics]


def strategy_with(folder: Path, entry: str) -> Path:
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", "ledgers:\n" + entry)
    path = folder / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- 1. settings checked as a whole -----------------------------------------------------------


def test_a_thousands_point_on_a_file_of_decimal_points_is_a_finding_not_a_hundredfold(
    tmp_path: Path,
) -> None:
    # A blank line sends the block to the row path, which read 250.25 as 25025.
    data = HEADER + "2023-03-31,personnel,250.25,DKK,V1,\n\n2023-06-30,personnel,1.5,DKK,V2,\n"
    found = read(tmp_path / "l.csv", data.encode(), thousands=".")
    assert list(found.records) == []
    assert messages(found) == [
        "1:IOM430 the `ledgers:` entry declares thousands '.', but amounts such as '250.25' in "
        "the file are written with decimal '.'; declare `decimal: \".\"` (and a thousands "
        "separator other than '.')"
    ]
    path = strategy_with(tmp_path, '  - {path: l.csv, thousands: "."}\n')
    run = run_cli("disbursement", str(path), "--as-of", "2024-01-01", "-f", "csv")
    assert run.exit_code == 2, run.stdout
    assert "IOM430" in run.stdout + run.stderr


def test_the_same_mark_declared_for_decimals_and_thousands_is_refused(tmp_path: Path) -> None:
    data = HEADER + "2023-03-31,personnel,250,DKK,V1,\n"
    found = read(tmp_path / "l.csv", data.encode(), decimal=".", thousands=".")
    assert messages(found) == [
        "1:IOM430 the `ledgers:` entry declares decimal '.' and thousands '.': the decimal mark "
        "and the thousands separator must differ"
    ]
    with pytest.raises(dialect.Contradiction):
        dialect.numbers_of([], [], ",", ",")


def test_a_declared_thousands_mark_alone_implies_the_other_decimal_mark(tmp_path: Path) -> None:
    assert dialect.numbers_of(["250"], [], None, ".") == Numbers(",", ".")
    assert dialect.numbers_of(["250"], ["7.45"], None, ".") == Numbers(",", ".")
    assert dialect.numbers_of(["1.250,50"], [], None, ".") == Numbers(",", ".")
    found = read(
        tmp_path / "l.csv",
        (HEADER + '2023-03-31,personnel,"1.250,50",DKK,V1,\n').encode(),
        thousands=".",
    )
    assert [p.amount for p in found.records] == [Decimal("1250.50")]


def test_a_declared_decimal_mark_the_file_contradicts_names_both(tmp_path: Path) -> None:
    data = "date;line;amount;currency;voucher;exchange_rate\n2023-03-31;personnel;1,250.50;DKK;V;\n"
    [message] = messages(read(tmp_path / "l.csv", data.encode(), decimal=","))
    assert message.startswith(
        "1:IOM430 the `ledgers:` entry declares decimal ',', but amounts such as '1,250.50' in "
        "the file are written with decimal '.'"
    )


# --- 2. one bound for an amount, whatever its spelling ----------------------------------------


@pytest.mark.parametrize(
    ("numbers", "text"),
    [
        (Numbers(".", ","), "1000000000000000"),
        (Numbers(".", ","), "1,000,000,000,000,000"),
        (Numbers(".", ","), "1,000,000,000,000,000.01"),
        (Numbers(",", "."), "-1.000.000.000.000.000.000.000.000.000.000"),
        (Numbers(",", " "), "1 000 000 000 000 000,00"),
    ],
)
def test_an_amount_of_16_whole_digits_is_refused_however_written(
    numbers: Numbers, text: str
) -> None:
    assert dialect.amount_parser(numbers)(text) is None
    assert dialect.amount_column(numbers)([text]) is None
    assert dialect.beyond_bound(text)


@pytest.mark.parametrize(
    ("numbers", "text", "value"),
    [
        (Numbers(".", ","), "999,999,999,999,999.99", Decimal("999999999999999.99")),
        (Numbers(".", ","), "999999999999999.99", Decimal("999999999999999.99")),
        (Numbers(",", "."), "-999.999.999.999.999,99", Decimal("-999999999999999.99")),
    ],
)
def test_the_largest_amount_reads_on_both_paths(
    numbers: Numbers, text: str, value: Decimal
) -> None:
    assert dialect.amount_parser(numbers)(text) == value
    assert dialect.amount_column(numbers)([text]) == [str(value).replace(",", "")]
    assert not dialect.beyond_bound(text)


def test_a_grouped_amount_beyond_the_bound_is_a_bad_row(tmp_path: Path) -> None:
    data = (
        HEADER
        + '2023-03-31,personnel,"1,000,000,000,000,000",DKK,V1,\n'
        + '2023-03-31,personnel,"-1,000,000,000,000,000,000,000,000,000,000",DKK,V2,\n'
        + '2023-03-31,personnel,"1,000,000,000,000,000,000,000,000,000,000.01",DKK,V3,\n'
        + "2023-03-31,personnel,1.00,DKK,V4,\n"
    )
    found = read(tmp_path / "l.csv", data.encode())
    assert [p.amount for p in found.records] == [Decimal("1.00")]
    found_at = [m.split(" ledger row")[0] for m in messages(found)]
    assert found_at == ["2:IOM422", "3:IOM422", "4:IOM422"]
    assert "beyond the limit of an amount" in messages(found)[0]


def test_a_converted_amount_of_27_digits_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    # 10^14 USD at 10^9 - 1 DKK per USD: both within their bounds, the product is not.
    ledger = HEADER + "2023-03-31,personnel,100000000000000,USD,V1,999999999\n"
    (tmp_path / "l.csv").write_text(ledger, encoding="utf-8")
    path = strategy_with(tmp_path, "  - l.csv\n")
    for command in ("validate", "disbursement"):
        run = run_cli(command, str(path), "--as-of", "2024-01-01")
        assert run.exit_code in (1, 2), (command, run.stdout)
        said = run.stdout + run.stderr
        assert "IOM431" in said and "Traceback" not in said, said


def test_conversion_is_exact_then_rounded_once() -> None:
    assert converted(Decimal("0.01"), Decimal("0.5")) == Decimal("0.01")  # 0.005: half up
    # Exactly 100 005 000 000 099.99499999999999: 99.99. Rounded to Decimal's 28 digits first
    # it became ...099.995, then 100.00: a cent made up.
    amount, rate = Decimal("100004999999999.99"), Decimal("1.000000000001")
    assert converted(amount, rate) == Decimal("100005000000099.99")
    assert converted(Decimal("999999999999999.99"), Decimal("999999999.999999999999")) is None
    assert converted(Decimal("-999999999999999.99"), Decimal("1.000000000001")) is None


def test_a_payment_beyond_the_bound_is_not_counted_and_the_book_says_so() -> None:
    payments = Payments(["s"])
    payments.add(
        Payment(
            dt.date(2023, 3, 31),
            "core",
            Decimal("1E14"),
            "USD",
            "V",
            Decimal("1E12"),
            2023,
            None,
            0,
            2,
        )
    )
    book = book_payments(payments, "DKK", rates=None)  # type: ignore[arg-type]
    assert book.amounts == [None]
    assert [d.code for d in book.diagnostics] == ["IOM431"]


def test_a_yaml_ledger_at_a_rate_of_a_trillion_is_a_finding_in_every_command(
    tmp_path: Path,
) -> None:
    """10^14 USD at 10^12 DKK per USD, each within the strategy file's bounds: 27 digits, which
    once ended every command in decimal.InvalidOperation."""
    (tmp_path / "l.yaml").write_text(
        "disbursements:\n"
        "  - {date: 2023-03-31, line: personnel, amount: 100000000000000, currency: USD,"
        " voucher: V1, exchange_rate: 1000000000000}\n",
        encoding="utf-8",
    )
    path = strategy_with(tmp_path, "  - l.yaml\n")
    for command in (("validate",), ("disbursement",), ("report", "-o", str(tmp_path / "r.html"))):
        run = run_cli(*command, str(path), "--as-of", "2024-01-01")
        said = run.stdout + run.stderr
        assert run.exit_code in (1, 2), (command, said)
        assert "l.yaml:2:" in said and "IOM431" in said, said
