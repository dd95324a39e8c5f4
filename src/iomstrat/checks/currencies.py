"""Money inputs checked as money (IOM425-IOM427): every currency an ISO 4217 code, a rate on a
payment in the strategy's own currency exactly 1, and a stated rate within a plausible band of
the ECB reference rate of its day."""

from __future__ import annotations

import datetime as dt
import operator
from decimal import Decimal
from itertools import compress, repeat

from iomstrat.checks.context import Context
from iomstrat.findings import Diagnostic, echo
from iomstrat.loader.payments import Payment
from iomstrat.rates import did_you_mean, is_iso_4217

NOT_ISO_4217 = "IOM425"
RATE_IN_OWN_CURRENCY = "IOM426"
IMPLAUSIBLE_RATE = "IOM427"
BAND = Decimal("1.5")
"""A stated rate more than this factor above or below the ECB rate of its day is implausible
(a rate typed the wrong way round, per 100 units, or for another currency)."""


def _not_iso(code: str, prefix: str = "") -> tuple[str, dict[str, str]]:
    """The kind and values of an IOM425 finding: with the code meant, if a local spelling."""
    hint = did_you_mean(code)
    if hint:
        return prefix + "suggest", {"currency": echo(code), "suggestion": hint}
    return prefix + "unknown", {"currency": echo(code)}


def check_currencies(ctx: Context) -> list[Diagnostic]:
    """The strategy's currency and every payment's are ISO 4217 codes."""
    found: list[Diagnostic] = []
    own = ctx.strategy.strategy.currency
    if not is_iso_4217(own, ctx.rates):
        kind, values = _not_iso(own)
        found.append(ctx.finding(NOT_ISO_4217, ("strategy", "currency"), kind=kind, **values))
    if ctx.book is None:
        return found
    payments = ctx.book.payments
    currencies = payments.columns.currency
    bad = {c for c in set(currencies) if not is_iso_4217(c, ctx.rates)}
    if not bad:
        return found
    said = {code: _not_iso(code, "payment_") for code in bad}

    def not_iso(p: Payment) -> Diagnostic:
        kind, values = said[p.currency]
        return payments.finding(p, NOT_ISO_4217, kind=kind, voucher=echo(p.voucher), **values)

    rows = compress(range(len(currencies)), map(bad.__contains__, currencies))
    return found + payments.findings_at(rows, not_iso)


def check_stated_rates(ctx: Context) -> list[Diagnostic]:
    """A rate on a payment in the strategy's currency is 1 or absent; a rate on another
    currency lies within a factor BAND above or below the ECB rate of the payment's day."""
    if ctx.book is None:
        return []
    payments = ctx.book.payments
    rates = set(payments.columns.exchange_rate)
    if rates <= {None}:
        return []
    own, columns = ctx.strategy.strategy.currency, payments.columns
    stated = columns.exchange_rate
    rows = list(compress(range(len(stated)), map(operator.is_not, stated, repeat(None))))
    currency, day = columns.currency, columns.date
    in_own = [i for i in rows if currency[i] == own and stated[i] != 1]
    found = payments.findings_at(
        in_own,
        lambda p: payments.finding(
            p, RATE_IN_OWN_CURRENCY, voucher=echo(p.voucher), currency=own, stated=p.exchange_rate
        ),
    )
    if ctx.rates is None:
        return found
    quotes: dict[tuple[str, dt.date], Decimal | None] = {}
    for key in {(currency[i], day[i]) for i in rows if currency[i] != own}:
        quote = ctx.rates.quote(key[0], own, key[1])
        quotes[key] = quote.rate if quote is not None and quote.rate > 0 else None

    def implausible(index: int) -> bool:
        ecb = quotes.get((currency[index], day[index]))
        rate = stated[index]
        assert rate is not None  # `rows` are the payments with a rate stated
        return ecb is not None and (rate > ecb * BAND or rate * BAND < ecb)

    def finding(p: Payment) -> Diagnostic:
        return payments.finding(
            p,
            IMPLAUSIBLE_RATE,
            voucher=echo(p.voucher),
            stated=p.exchange_rate,
            currency=p.currency,
            into=own,
            date=p.date,
            rate=quotes[(p.currency, p.date)],
            band=BAND,
        )

    foreign = [i for i in rows if currency[i] != own]
    return found + payments.findings_at(filter(implausible, foreign), finding)
