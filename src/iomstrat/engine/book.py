"""The book of payments: every payment converted to the strategy's currency, at its stated rate
or the ECB reference rate of its date. Pure: rates come in."""

from __future__ import annotations

import datetime as dt
import operator
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import cached_property
from itertools import compress, islice, repeat
from typing import NamedTuple, Protocol, overload

from iomstrat.findings import Diagnostic, Money, echo
from iomstrat.loader.dialect import MAX_AMOUNT
from iomstrat.loader.payments import Columns, Payment, Payments
from iomstrat.rates import Quote

NO_RATE = "IOM414"
RATE_AFTER_HISTORY = "IOM415"
CONVERTED_BEYOND_BOUND = "IOM431"
CENT = Decimal("0.01")
ZERO = Decimal(0)


class Rates(Protocol):
    def known(self, currency: str) -> bool: ...

    def quote(self, currency: str, into: str, on: dt.date) -> Quote | None: ...


_EXACT = Context(prec=60)
"""Digits enough for any product of an amount (17 digits) and a rate (21): exact, then
rounded once to the cent."""


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=_EXACT)


def converted(amount: Decimal, rate: Decimal) -> Decimal | None:
    """The amount at the rate, to the cent (the product exact, rounded once); None when it is
    not below the bound of an amount (it would leave the digits every sum is exact in)."""
    value = _EXACT.multiply(amount, rate)
    if abs(value) >= MAX_AMOUNT:
        return None
    return cents(value)


class Dated(Sequence[tuple[Payment, Decimal]]):
    """Payments with an amount, in date (then file) order, as (payment, amount) pairs made
    when asked: a million pairs kept in a list would cost 70 MB. `order` holds the indexes
    into the records in that order, or is None when the records are in it already."""

    def __init__(
        self, records: Sequence[Payment], amounts: list[Decimal | None], order: array[int] | None
    ) -> None:
        self._records, self._amounts, self._order = records, amounts, order

    def __len__(self) -> int:
        return len(self._records) if self._order is None else len(self._order)

    @overload
    def __getitem__(self, index: int) -> tuple[Payment, Decimal]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[Payment, Decimal]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[Payment, Decimal] | list[tuple[Payment, Decimal]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        at = index if self._order is None else self._order[index]
        return self._records[at], self._amounts[at]  # type: ignore[return-value]

    def __iter__(self) -> Iterator[tuple[Payment, Decimal]]:
        if self._order is None:
            return zip(self._records, self._amounts, strict=True)  # type: ignore[arg-type]
        records, amounts = self._records, self._amounts
        return ((records[i], amounts[i]) for i in self._order)  # type: ignore[misc]


@dataclass(frozen=True)
class Book:
    """Every payment with its amount in the strategy's currency (whole units, to the cent);
    `amounts[i]` belongs to `payments.records[i]`, None where no rate could be found."""

    payments: Payments
    amounts: list[Decimal | None]
    diagnostics: list[Diagnostic]
    dated: Dated  # payments with an amount, in date (then file) order

    @cached_property
    def daily(self) -> Daily:
        """The payments with an amount summed per (line, appropriation year, date), once per
        book: what the checks and the reconciliation ask of a million payments."""
        # `dated` leaves out the payments without an amount (no rate)
        missing = len(self.dated) != len(self.amounts)
        return _daily(self.payments.columns, self.amounts, missing)


class Daily(NamedTuple):
    """Sums of a book's amounts per (line, appropriation year, date); `negative` says whether
    any amount is below zero (then a running sum can pass a limit and come back under it, and
    only the payments in date order tell)."""

    sums: dict[tuple[str, int, dt.date], Decimal]
    negative: bool


def _daily(columns: Columns, amounts: list[Decimal | None], missing: bool) -> Daily:
    """Each payment's amount appended to the list of its key, then each list summed: every
    step a C-level map or sum, no Python statement per payment."""
    keys: Iterable[tuple[str, int, dt.date]] = zip(
        columns.line, columns.year, columns.date, strict=True
    )
    known: Iterable[Decimal] = amounts  # type: ignore[assignment]  # None filtered out below
    if missing:  # no rate: not in the sums
        have = list(map(operator.is_not, amounts, repeat(None)))
        keys, known = compress(keys, have), compress(amounts, have)  # type: ignore[arg-type]
    groups: dict[tuple[str, int, dt.date], list[Decimal]] = defaultdict(list)
    deque(map(list.append, map(groups.__getitem__, keys), known), maxlen=0)
    sums = {key: sum(group, ZERO) for key, group in groups.items()}
    # The sign tells, cheaper than comparing with zero: a -0.00 only sends the checks the
    # long way, through the payments in date order.
    signed: Iterable[Decimal] = filter(None, amounts) if missing else known
    negative = any(map(Decimal.is_signed, signed))
    return Daily(sums, negative)


def book_payments(payments: Payments, currency: str, rates: Rates) -> Book:
    """Convert each payment at its stated exchange rate, else at the ECB rate of its date."""
    records = payments.records
    found: list[Diagnostic] = []
    if set(payments.columns.currency) <= {currency}:  # a ledger in the strategy's currency
        amounts: list[Decimal | None] = list(payments.columns.amount)
        return Book(payments, amounts, found, _in_date_order(payments, amounts, False))
    amounts = []
    missing = False
    quotes: dict[tuple[str, dt.date], Quote | None] = {}
    for p in records:
        if p.currency == currency:
            amounts.append(p.amount)
            continue
        if p.exchange_rate is not None:
            amounts.append(value := converted(p.amount, p.exchange_rate))
            if value is None:
                missing = True
                found.append(_beyond_bound(payments, p, p.exchange_rate, currency))
            continue
        key = (p.currency, p.date)
        if key not in quotes:
            quotes[key] = rates.quote(p.currency, currency, p.date)
        quote = quotes[key]
        if quote is None:
            amounts.append(None)
            missing = True
            found.append(
                payments.finding(
                    p,
                    NO_RATE,
                    voucher=echo(p.voucher),
                    currency=p.currency,
                    date=p.date,
                    target=currency,
                )
            )
            continue
        if quote.on < p.date:
            found.append(
                payments.finding(
                    p, RATE_AFTER_HISTORY, voucher=echo(p.voucher), date=p.date, rate_date=quote.on
                )
            )
        amounts.append(value := converted(p.amount, quote.rate))
        if value is None:
            missing = True
            found.append(_beyond_bound(payments, p, quote.rate, currency))
    return Book(payments, amounts, found, _in_date_order(payments, amounts, missing))


def _beyond_bound(payments: Payments, p: Payment, rate: Decimal, currency: str) -> Diagnostic:
    return payments.finding(
        p,
        CONVERTED_BEYOND_BOUND,
        voucher=echo(p.voucher),
        amount=Money(p.amount, p.currency),
        rate=rate,
        limit=Money(Decimal(MAX_AMOUNT), currency),
    )


def _in_date_order(payments: Payments, amounts: list[Decimal | None], missing: bool) -> Dated:
    records, dates = payments.records, payments.columns.date
    if not missing and all(map(operator.le, dates, islice(dates, 1, None))):
        return Dated(records, amounts, None)  # most ledgers are written in date order
    order = [i for i, amount in enumerate(amounts) if amount is not None]
    order.sort(key=dates.__getitem__)  # stable: file order within a day
    return Dated(records, amounts, array("q", order))
