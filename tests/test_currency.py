"""Conversion at the ECB reference rate of a date, to the cent, without network."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from iomstrat.engine.book import book_payments
from iomstrat.loader.payments import Payment, Payments
from iomstrat.rates import EcbRates

# ECB euro foreign exchange reference rates published for 15 November 2023:
# 1 EUR = 1.0868 USD = 7.4588 DKK (ecb.europa.eu, "Euro foreign exchange reference rates").
USD_PER_EUR = D("1.0868")
DKK_PER_EUR = D("7.4588")


def payment(amount: str, currency: str, rate: str | None = None, day: int = 15) -> Payment:
    return Payment(
        dt.date(2023, 11, day),
        "soft_earmarked",
        D(amount),
        currency,
        "V-1",
        D(rate) if rate else None,
        2023,
        None,
        0,
        1,
    )


def book(*records: Payment) -> list[D | None]:
    return book_payments(Payments(["x"], list(records)), "DKK", EcbRates()).amounts


def test_usd_converts_at_the_ecb_rate_of_the_day_to_the_cent() -> None:
    expected = (D("1234567.89") / USD_PER_EUR * DKK_PER_EUR).quantize(D("0.01"))
    assert expected == D("8472943.48")  # 1,234,567.89 x 7.4588 / 1.0868
    assert book(payment("1234567.89", "USD")) == [expected]


def test_stated_rate_wins_over_the_ecb() -> None:
    assert book(payment("1000000", "USD", "6.80")) == [D("6800000.00")]


def test_weekend_takes_the_last_fixing_before_it() -> None:
    # 18 November 2023 is a Saturday: the rate of Friday 17 November applies.
    saturday, friday = book(payment("1000", "USD", day=18), payment("1000", "USD", day=17))
    assert saturday == friday


def test_quote_between_two_non_euro_currencies() -> None:
    quote = EcbRates().quote("DKK", "USD", dt.date(2023, 11, 15))
    assert quote is not None
    assert (D(100_000_000) * quote.rate).quantize(D("0.01")) == (
        D(100_000_000) / DKK_PER_EUR * USD_PER_EUR
    ).quantize(D("0.01"))


def test_unknown_currency_has_no_quote() -> None:
    assert EcbRates().quote("XOF", "DKK", dt.date(2023, 11, 15)) is None


def test_a_usd_view_schedules_what_it_approves_to_the_cent() -> None:
    """2023 approved as planned, due in four tranches: in USD the tranches add up to the
    approved amount converted once (each tranche rounded alone drifted by a cent or two)."""
    import csv
    import io

    from .conftest import ROOT, run_cli

    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    args = ["disbursement", example, "--as-of", "2023-12-31", "--currency", "USD", "-f", "csv"]
    rows = list(csv.DictReader(io.StringIO(run_cli(*args).stdout)))
    decided = [r for r in rows if r["section"] == "rows" and r["year"] == "2023" and r["approved"]]
    assert len(decided) == 4  # three lines and the year
    assert all(r["scheduled"] == r["approved"] for r in decided), decided
    quarters = list(csv.DictReader(io.StringIO(run_cli(*args, "--by", "quarter").stdout)))
    tranches = [D(r["scheduled"]) for r in quarters if r["kind"] == "line" and r["year"] == "2023"]
    assert len(tranches) == 4
    assert sum(tranches) == D(next(r["approved"] for r in decided if r["key"] == "2023"))


def test_a_usd_view_allocates_what_it_approves_to_the_cent() -> None:
    """The dialogue allocates the soft-earmarked line's whole 50 million of 2023 in six items:
    in USD they add up to the approved amount converted once (6,965,190.81), where each item
    rounded alone gave 6,965,190.80; the view by priority area sums the same items."""
    import csv
    import io

    from .conftest import ROOT, run_cli

    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    args = ["disbursement", example, "--as-of", "2024-12-31", "--currency", "USD", "-f", "csv"]
    rows = list(csv.DictReader(io.StringIO(run_cli(*args).stdout)))
    soft = next(r for r in rows if r["key"] == "soft_earmarked" and r["year"] == "2023")
    assert soft["approved"] == soft["allocated"] == "6965190.81"
    areas = list(csv.DictReader(io.StringIO(run_cli(*args, "--by", "priority").stdout)))
    assert [r["allocated"] for r in areas if r["kind"] == "total"] == ["6965190.81"]


def test_quotes_are_currency_converters_day_by_day() -> None:
    """The history is read without `currency_converter`'s converter (issue 24, start-up):
    every quote is the one its converter gives with the last known fixing, on weekdays,
    weekends and holidays, before a currency's first fixing and after its last (CYP, HRK
    and RUB stopped), between two non-euro currencies, from and into the euro."""
    from currency_converter import CurrencyConverter, RateNotFoundError

    converter = CurrencyConverter(
        decimal=True, fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known"
    )
    rates = EcbRates()
    pairs = [("USD", "DKK"), ("DKK", "USD"), ("EUR", "DKK"), ("DKK", "EUR"), ("GBP", "SEK")]
    pairs += [("CYP", "DKK"), ("HRK", "DKK"), ("RUB", "EUR"), ("ISK", "USD"), ("BGN", "DKK")]
    days = [dt.date(1998, 12, 31), dt.date(1999, 1, 1), dt.date(1999, 1, 4)]
    days += [dt.date(2007, 12, 28) + dt.timedelta(days=n) for n in range(10)]  # CYP's end
    days += [dt.date(2022, 2, 25) + dt.timedelta(days=n) for n in range(12)]  # RUB's end
    days += [dt.date(2022, 12, 28) + dt.timedelta(days=n) for n in range(8)]  # HRK's end
    days += [dt.date(2023, 1, 1) + dt.timedelta(days=n) for n in range(0, 1100, 7)]
    last = rates.last_date()
    checked = 0
    for currency, into in pairs:
        for day in days:
            try:
                expected: D | None = converter.convert(D(1), currency, into, date=min(day, last))
            except RateNotFoundError:
                expected = None
            quote = rates.quote(currency, into, day)
            assert (quote.rate if quote else None) == expected, (currency, into, day)
            if quote is not None:
                assert quote.on == min(day, last)
                checked += 1
    assert checked > 1000
    # one day after the history: its last rate, dated its last day
    after = rates.quote("USD", "DKK", last + dt.timedelta(days=30))
    assert after == rates.quote("USD", "DKK", last) and after is not None and after.on == last


def test_converting_by_column_is_converting_each() -> None:
    """`all_converted` (the book's column form) gives `converted` of each payment, to the cent
    and half up, and None where one would pass the bound of an amount."""
    from iomstrat.engine.book import all_converted, converted

    amounts = [D("1234567.89"), D("-0.005"), D("0.015"), D("99999999999.99"), D("-250000.5")]
    rates = [D("6.893831499121427910848053269"), D("1"), D("1"), D("7.46"), D("0.1342")]
    expected = [converted(a, r) for a, r in zip(amounts, rates, strict=True)]
    assert None not in expected
    assert all_converted(amounts, rates) == expected
    assert [str(v) for v in expected[1:3]] == ["-0.01", "0.02"]  # half up, away from zero
    assert converted(D("9" * 15), D("1000")) is None
    assert all_converted([D(1), D("9" * 15)], [D(1), D(1000)]) is None


def test_the_history_ends_at_its_last_day_with_a_fixing() -> None:
    from iomstrat.rates import _last_fixed

    lines = ["2024-01-03,N/A,N/A,", "2024-01-02,1.1,N/A,", "2023-12-29,1.0,7.4,"]
    assert _last_fixed(lines) == "2024-01-02"  # the latest line has no fixing
    assert _last_fixed(lines[1:]) == "2024-01-02"
    assert _last_fixed(sorted(lines[1:])) == "2024-01-02"  # in any order
