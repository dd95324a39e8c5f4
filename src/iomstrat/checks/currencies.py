"""Money inputs checked as money (IOM425-IOM427): every currency an ISO 4217 code, a rate on a
payment in the strategy's own currency exactly 1, and a stated rate within a plausible band of
the ECB reference rate of its day."""

from __future__ import annotations

from decimal import Decimal

from iomstrat.checks.context import Context
from iomstrat.findings import Diagnostic, echo
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
    bad = {c for c in set(payments.columns.currency) if not is_iso_4217(c, ctx.rates)}
    for p in payments.records if bad else ():
        if p.currency in bad:
            kind, values = _not_iso(p.currency, "payment_")
            found.append(
                payments.finding(p, NOT_ISO_4217, kind=kind, voucher=echo(p.voucher), **values)
            )
    return found


def check_stated_rates(ctx: Context) -> list[Diagnostic]:
    """A rate on a payment in the strategy's currency is 1 or absent; a rate on another
    currency lies within a factor BAND above or below the ECB rate of the payment's day."""
    if ctx.book is None:
        return []
    payments = ctx.book.payments
    rates = set(payments.columns.exchange_rate)
    if rates <= {None}:
        return []
    own = ctx.strategy.strategy.currency
    found: list[Diagnostic] = []
    quotes: dict[tuple[str, object], Decimal | None] = {}
    for p in payments.records:
        rate = p.exchange_rate
        if rate is None:
            continue
        if p.currency == own:
            if rate != 1:
                found.append(
                    payments.finding(
                        p, RATE_IN_OWN_CURRENCY, voucher=echo(p.voucher), currency=own, stated=rate
                    )
                )
            continue
        if ctx.rates is None:
            continue
        key = (p.currency, p.date)
        if key not in quotes:
            quote = ctx.rates.quote(p.currency, own, p.date)
            quotes[key] = quote.rate if quote is not None else None
        ecb = quotes[key]
        if ecb is None or ecb <= 0:
            continue
        if rate > ecb * BAND or rate * BAND < ecb:
            found.append(
                payments.finding(
                    p,
                    IMPLAUSIBLE_RATE,
                    voucher=echo(p.voucher),
                    stated=rate,
                    currency=p.currency,
                    into=own,
                    date=p.date,
                    rate=ecb,
                    band=BAND,
                )
            )
    return found
