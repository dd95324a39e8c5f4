"""The book of payments: every payment converted to the strategy's currency, at its stated rate
or the ECB reference rate of its date. Pure: rates come in."""

from __future__ import annotations

import datetime as dt
import operator
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import cached_property
from itertools import compress, islice, repeat
from typing import Any, NamedTuple, Protocol, overload

from iomstrat.findings import Diagnostic, Money, echo
from iomstrat.loader.dialect import MAX_AMOUNT
from iomstrat.loader.payments import Columns, Payment, Payments, grouped
from iomstrat.rates import Quote, is_iso_4217

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


def all_converted(amounts: list[Decimal], rates: list[Decimal]) -> list[Decimal] | None:
    """`converted` of each amount at its rate, by column (no Python call per payment); None
    when any is not below the bound of an amount (the caller then converts one by one)."""
    values = list(map(_EXACT.multiply, amounts, rates))
    if values and max(map(abs, values)) >= MAX_AMOUNT:
        return None
    return list(map(Decimal.quantize, values, repeat(CENT), repeat(ROUND_HALF_UP), repeat(_EXACT)))


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

    @property
    def order(self) -> Sequence[int]:
        """The indexes of these payments into the records, in date (then file) order."""
        return range(len(self._records)) if self._order is None else self._order

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

    def in_date_order(self, keep: Sequence[bool]) -> Iterator[int]:
        """The indexes of the payments with an amount whose `keep` is true, in date (then
        file) order: the rows a check walks once the sums have told which may hold a
        finding."""
        return filter(keep.__getitem__, self.dated.order)

    @cached_property
    def daily(self) -> Daily:
        """The payments with an amount summed per (line, appropriation year, date), once per
        book: what the checks and the reconciliation ask of a million payments."""
        # `dated` leaves out the payments without an amount (no rate)
        missing = len(self.dated) != len(self.amounts)
        return _daily(self.payments.columns, self.amounts, missing)


Day = tuple[str, int, dt.date]
"""A line, an appropriation year and a date."""
NamedDay = tuple[str, int, dt.date, str]
"""A line, an appropriation year, a date and the allocation item payments name."""


class Daily(NamedTuple):
    """Sums of a book's amounts per (line, appropriation year, date), and of the payments
    naming an allocation item per (line, year, date, item). `negative` says whether any amount
    is below zero: then a running sum can pass a limit within a day and come back under it, so
    `rises` holds, for each day (and named day) with a refund, the sum of its payments without
    the refunds: the most a running sum can rise within that day."""

    sums: dict[Day, Decimal]
    negative: bool
    named: dict[NamedDay, Decimal]
    rises: dict[Day | NamedDay, Decimal]

    def rise(self, key: Day | NamedDay) -> Decimal:
        """The most a running sum can rise within this day: its sum, unless it has a refund."""
        if key in self.rises:
            return self.rises[key]
        return self.named[key] if len(key) == 4 else self.sums[key]

    def peaks(self, keys: Iterable[Day | NamedDay]) -> Iterator[tuple[dt.date, Decimal]]:
        """For the days of one running sum (one line and year, a year over its lines, an item
        over the lines naming it): each day in order and the most the running sum can reach on
        it. Keys of one day are taken together: the payments of two lines interleave within a
        day, so the most they can add is the sum of their rises."""
        days: dict[dt.date, tuple[Decimal, Decimal]] = {}
        for key in keys:
            total = self.named[key] if len(key) == 4 else self.sums[key]
            paid, rise = days.get(key[2], (ZERO, ZERO))
            days[key[2]] = (paid + total, rise + self.rise(key))
        running = ZERO
        for day in sorted(days):
            paid, rise = days[day]
            yield day, running + rise
            running += paid


def _daily(columns: Columns, amounts: list[Decimal | None], missing: bool) -> Daily:
    """Each payment's amount appended to the list of its key, then each list summed: every
    step a C-level map or sum, no Python statement per payment. One pass serves both sums:
    where payments name items, the key holds the item too."""
    names = columns.allocation
    keys: Iterable[tuple[Any, ...]] = (
        zip(columns.line, columns.year, columns.date, strict=True)
        if names.count(None) == len(names)
        else zip(columns.line, columns.year, columns.date, names, strict=True)
    )
    known: Iterable[Decimal] = amounts  # type: ignore[assignment]  # None filtered out below
    if missing:  # no rate: not in the sums
        have = list(map(operator.is_not, amounts, repeat(None)))
        keys, known = compress(keys, have), compress(amounts, have)  # type: ignore[arg-type]
    groups = grouped(keys, known)
    # The sign tells, cheaper than comparing with zero: a -0.00 only sends the checks the
    # long way, through the payments in date order.
    signed: Iterable[Decimal] = filter(None, amounts) if missing else amounts  # type: ignore[assignment]
    negative = any(map(Decimal.is_signed, signed))
    sums: dict[Day, Decimal] = {}
    named: dict[NamedDay, Decimal] = {}
    rises: dict[Day | NamedDay, Decimal] = {}
    for key, group in groups.items():
        total = sum(group, ZERO)
        day = key[:3]
        sums[day] = sums[day] + total if day in sums else total
        if len(key) == 4 and key[3] is not None:
            named[key] = total
    if negative:  # the days with a refund: what their payments add before any is returned
        for key, group in groups.items():
            if any(map(Decimal.is_signed, group)):
                day = key[:3]
                rises[day] = rises.get(day, ZERO)
                if len(key) == 4 and key[3] is not None:
                    rises[key] = sum((a for a in group if not a.is_signed()), ZERO)
        for key, group in groups.items():  # a refunded day's rise counts all its payments
            day = key[:3]
            if day in rises:
                rises[day] += sum((a for a in group if not a.is_signed()), ZERO)
    return Daily(sums, negative, named, rises)


def book_payments(payments: Payments, currency: str, rates: Rates) -> Book:
    """Convert each payment at its stated exchange rate, else at the ECB rate of its date.
    By column: only the payments in another currency are looked at, a quote is asked once per
    currency and day, and where every one of them has a quote of its own day and converts
    within the bound of an amount they are converted in one map; a payment is made into a
    record only for a finding."""
    columns = payments.columns
    amounts: list[Decimal | None] = list(columns.amount)
    foreign = list(
        compress(range(len(amounts)), map(operator.ne, columns.currency, repeat(currency)))
    )
    if not foreign:  # a ledger in the strategy's currency
        return Book(payments, amounts, [], _in_date_order(payments, amounts, False))
    keys = list(
        zip(
            map(columns.currency.__getitem__, foreign),
            map(columns.date.__getitem__, foreign),
            strict=True,
        )
    )
    stated = list(map(columns.exchange_rate.__getitem__, foreign))
    asked = set(compress(keys, map(operator.is_, stated, repeat(None))))  # no rate stated
    quotes = {key: rates.quote(key[0], currency, key[1]) for key in asked}
    if stated.count(None) == len(stated) and all(
        quote is not None and quote.on == day for (_, day), quote in quotes.items()
    ):
        rate = {key: quote.rate for key, quote in quotes.items() if quote is not None}
        values = all_converted(
            list(map(columns.amount.__getitem__, foreign)), list(map(rate.__getitem__, keys))
        )
        if values is not None:
            deque(map(amounts.__setitem__, foreign, values), maxlen=0)
            return Book(payments, amounts, [], _in_date_order(payments, amounts, False))
    iso: dict[str, bool] = {}  # whether a currency without a rate exists
    beyond: list[int] = []  # converted beyond the bound of an amount
    no_rate: list[int] = []  # no ECB rate for the currency (an ISO 4217 one) on or before
    after_history: list[int] = []  # dated after the last ECB rate: the last one is used
    for index, key, exchange_rate in zip(foreign, keys, stated, strict=True):
        amount = columns.amount[index]
        if exchange_rate is not None:
            amounts[index] = value = converted(amount, exchange_rate)
            if value is None:
                beyond.append(index)
            continue
        quote, (code, day) = quotes[key], key
        if quote is None:
            amounts[index] = None
            if code not in iso:  # each currency asked once (babel's list is long)
                iso[code] = is_iso_4217(code, rates) and is_iso_4217(currency, rates)
            if iso[code]:
                no_rate.append(index)  # a currency that does not exist: IOM425 says so
            continue
        if quote.on < day:
            after_history.append(index)
        amounts[index] = value = converted(amount, quote.rate)
        if value is None:
            beyond.append(index)

    def rate_of(p: Payment) -> Decimal:
        if p.exchange_rate is not None:
            return p.exchange_rate
        quote = quotes[(p.currency, p.date)]
        assert quote is not None  # converted, so quoted
        return quote.rate

    def without_rate(p: Payment) -> Diagnostic:
        voucher = echo(p.voucher)
        values: dict[str, Any] = {"currency": p.currency, "date": p.date, "target": currency}
        return payments.finding(p, NO_RATE, voucher=voucher, **values)

    def after(p: Payment) -> Diagnostic:
        quote = quotes[(p.currency, p.date)]
        assert quote is not None  # quoted, from an earlier day
        voucher = echo(p.voucher)
        return payments.finding(
            p, RATE_AFTER_HISTORY, voucher=voucher, date=p.date, rate_date=quote.on
        )

    found = payments.findings_at(no_rate, without_rate)
    found += payments.findings_at(after_history, after)
    found += payments.findings_at(
        beyond, lambda p: _beyond_bound(payments, p, rate_of(p), currency)
    )
    missing = None in map(amounts.__getitem__, foreign)
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
