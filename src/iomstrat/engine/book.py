"""The book of payments: every payment converted to the strategy's currency, at its stated rate
or the ECB reference rate of its date. Pure: rates come in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from iomstrat.findings import Diagnostic, Severity
from iomstrat.loader.ledgers import Payment, Payments
from iomstrat.rates import Quote

NO_RATE = "IOM414"
RATE_AFTER_HISTORY = "IOM415"
CENT = Decimal("0.01")
ZERO = Decimal(0)


class Rates(Protocol):
    def known(self, currency: str) -> bool: ...

    def quote(self, currency: str, into: str, on: dt.date) -> Quote | None: ...


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Book:
    """Every payment with its amount in the strategy's currency (whole units, to the cent);
    `amounts[i]` belongs to `payments.records[i]`, None where no rate could be found."""

    payments: Payments
    amounts: list[Decimal | None]
    diagnostics: list[Diagnostic]
    dated: list[tuple[Payment, Decimal]]  # payments with an amount, in date (then file) order


def book_payments(payments: Payments, currency: str, rates: Rates) -> Book:
    """Convert each payment at its stated exchange rate, else at the ECB rate of its date."""
    amounts: list[Decimal | None] = []
    found: list[Diagnostic] = []
    quotes: dict[tuple[str, dt.date], Quote | None] = {}
    for p in payments.records:
        if p.currency == currency:
            amounts.append(p.amount)
            continue
        if p.exchange_rate is not None:
            amounts.append(cents(p.amount * p.exchange_rate))
            continue
        key = (p.currency, p.date)
        if key not in quotes:
            quotes[key] = rates.quote(p.currency, currency, p.date)
        quote = quotes[key]
        if quote is None:
            amounts.append(None)
            found.append(
                payments.diagnostic(
                    p,
                    NO_RATE,
                    Severity.ERROR,
                    f"payment {p.voucher}: no ECB reference rate for {p.currency} on "
                    f"{p.date.isoformat()}; state its exchange_rate ({currency} per {p.currency})",
                )
            )
            continue
        if quote.on < p.date:
            found.append(
                payments.diagnostic(
                    p,
                    RATE_AFTER_HISTORY,
                    Severity.WARNING,
                    f"payment {p.voucher} on {p.date.isoformat()} is after the shipped ECB "
                    f"history; converted at the rate of {quote.on.isoformat()}; state its "
                    "exchange_rate",
                )
            )
        amounts.append(cents(p.amount * quote.rate))
    dated = [(p, a) for p, a in zip(payments.records, amounts, strict=True) if a is not None]
    dated.sort(key=_date_of)  # stable: file order within a day
    return Book(payments, amounts, found, dated)


def _date_of(pair: tuple[Payment, Decimal]) -> dt.date:
    return pair[0].date
