"""Checks of payments against lines, approvals and years (IOM401, IOM402, IOM409-IOM411, IOM413).
Payment findings point at the payment's file and line."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import defaultdict
from decimal import Decimal
from typing import Any

from iomstrat.checks.context import FOREVER, Context
from iomstrat.engine.plan import approved_line, approved_year, planned
from iomstrat.findings import Diagnostic, Money, echo
from iomstrat.loader.payments import Payment
from iomstrat.model.strategy import Approval

PAID_BEFORE_APPROVAL = "IOM401"
PAID_ABOVE_APPROVAL = "IOM402"
OUTSIDE_YEAR = "IOM409"
DUPLICATE_VOUCHER = "IOM410"
PAID_ABOVE_LINE = "IOM411"
PAYMENT_LINE = "IOM413"
NEGATIVE_PAYMENT = "IOM418"


def check_payment_lines(ctx: Context) -> list[Diagnostic]:
    if ctx.book is None:
        return []
    known = {line.id for line in ctx.strategy.budget.lines}
    if set(ctx.book.payments.columns.line) <= known:
        return []
    lines = tuple(sorted(known))
    return [
        ctx.book.payments.finding(
            p, PAYMENT_LINE, kind="payment", voucher=echo(p.voucher), line=p.line, lines=lines
        )
        for p in ctx.book.payments.records
        if p.line not in known
    ]


def check_payments_approved(ctx: Context) -> list[Diagnostic]:
    """Payments before parliament approved their year, or beyond what it approved."""
    if ctx.book is None:
        return []
    strategy, found = ctx.strategy, []
    book = ctx.book
    approvals = {a.year: a for a in reversed(strategy.approvals)}  # the first entry wins
    year_limit = {y: approved_year(strategy, y, FOREVER) for y in approvals}
    line_limit: dict[tuple[str, int], Decimal | None] = {}
    if _approved_in_sums(ctx, approvals, year_limit, line_limit):
        return []
    # Some payment is a finding: walk the payments in date order to name each one.
    paid_year: dict[int, Decimal] = defaultdict(Decimal)
    paid_line: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    reported: set[tuple[str, int]] = set()
    for p, amount in book.dated:
        approval = approvals.get(p.year)
        if approval is None or approval.status == "planned":
            found.append(
                book.payments.finding(
                    p,
                    PAID_BEFORE_APPROVAL,
                    kind="none",
                    voucher=echo(p.voucher),
                    date=p.date,
                    year=p.year,
                )
            )
            continue
        if approval.decided_on is not None and p.date < approval.decided_on:
            found.append(
                book.payments.finding(
                    p,
                    PAID_BEFORE_APPROVAL,
                    voucher=echo(p.voucher),
                    date=p.date,
                    year=p.year,
                    finance_act=approval.finance_act or "",
                    decided_on=approval.decided_on,
                )
            )
        paid_year[p.year] += amount
        limits = [("", p.year, year_limit[p.year], paid_year[p.year])]
        if approval.lines is not None:
            key = (p.line, p.year)
            paid_line[key] += amount
            if key not in line_limit:
                line_limit[key] = approved_line(strategy, p.line, p.year, FOREVER)
            limits.append((p.line, p.year, line_limit[key], paid_line[key]))
        for line_id, year, limit, paid in limits:
            if limit is not None and paid > limit and (line_id, year) not in reported:
                reported.add((line_id, year))
                currency = strategy.strategy.currency
                found.append(
                    book.payments.finding(
                        p,
                        PAID_ABOVE_APPROVAL,
                        kind="line" if line_id else "",
                        voucher=echo(p.voucher),
                        year=year,
                        paid=Money(paid, currency),
                        approved=Money(limit, currency),
                        excess=Money(paid - limit, currency),
                        **({"line": line_id} if line_id else {}),
                    )
                )
    return found


def _approved_in_sums(
    ctx: Context,
    approvals: dict[int, Approval],
    year_limit: dict[int, Decimal | None],
    line_limit: dict[tuple[str, int], Decimal | None],
) -> bool:
    """Whether the book's daily sums show that no payment precedes its year's approval and
    no running sum passes an approved amount (without refunds the largest running sum is the
    total); when not, the caller names the payments one by one."""
    assert ctx.book is not None
    daily = ctx.book.daily
    if daily.negative:
        return False
    paid_year: dict[int, Decimal] = defaultdict(Decimal)
    paid_line: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for (line, year, day), amount in daily.sums.items():
        approval = approvals.get(year)
        if approval is None or approval.status == "planned":
            return False
        if approval.decided_on is not None and day < approval.decided_on:
            return False
        paid_year[year] += amount
        if approval.lines is not None:
            paid_line[(line, year)] += amount
    for year, paid in paid_year.items():
        limit = year_limit[year]
        if limit is not None and paid > limit:
            return False
    for (line, year), paid in paid_line.items():
        limit = line_limit[(line, year)] = approved_line(ctx.strategy, line, year, FOREVER)
        if limit is not None and paid > limit:
            return False
    return True


def check_line_limits(ctx: Context) -> list[Diagnostic]:
    """A line's payments in a year beyond its planned amount (personnel support above its
    line, or any other line)."""
    if ctx.book is None:
        return []
    found = []
    kinds = {line.id: line.kind for line in ctx.strategy.budget.lines}
    paid: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    reported: set[tuple[str, int]] = set()
    limits: dict[tuple[str, int], Decimal] = {}
    if not ctx.book.daily.negative:  # the largest running sum is the total: sum per day first
        for (line, year, _day), amount in ctx.book.daily.sums.items():
            if line in kinds:
                paid[(line, year)] += amount
        if all(total <= planned(ctx.strategy, *key) for key, total in paid.items()):
            return []
        paid.clear()
    for p, amount in ctx.book.dated:
        if p.line not in kinds:
            continue
        key = (p.line, p.year)
        paid[key] += amount
        if key not in limits:
            limits[key] = planned(ctx.strategy, p.line, p.year)
        limit = limits[key]
        if paid[key] > limit and key not in reported:
            reported.add(key)
            currency = ctx.strategy.strategy.currency
            found.append(
                ctx.book.payments.finding(
                    p,
                    PAID_ABOVE_LINE,
                    voucher=echo(p.voucher),
                    line=p.line,
                    line_kind=kinds[p.line],
                    year=p.year,
                    paid=Money(paid[key], currency),
                    planned=Money(limit, currency),
                )
            )
    return found


def check_years(ctx: Context) -> list[Diagnostic]:
    """Payments dated in their appropriation year, within the period; allocations too."""
    period = ctx.strategy.strategy.period
    found = []
    years = period.years  # a new range at each call
    if ctx.book is not None and not _dated_in_years(ctx, years):
        for p in ctx.book.payments.records:
            voucher = echo(p.voucher)
            months = ctx.strategy.strategy.supplementary_period_months
            if p.year not in years:
                found.append(
                    ctx.book.payments.finding(
                        p,
                        OUTSIDE_YEAR,
                        kind="payment_period",
                        voucher=voucher,
                        year=p.year,
                        start=period.start,
                        end=period.end,
                    )
                )
            elif p.date.year != p.year and not _in_supplementary_period(ctx, p.date, p.year):
                dated: dict[str, Any] = {"voucher": voucher, "date": p.date, "year": p.year}
                found.append(
                    ctx.book.payments.finding(
                        p, OUTSIDE_YEAR, kind="payment_year_months", **dated, months=months
                    )
                    if months
                    else ctx.book.payments.finding(p, OUTSIDE_YEAR, kind="payment_year", **dated)
                )
    for index, allocation in enumerate(ctx.strategy.allocations):
        if allocation.year not in period.years:
            found.append(
                ctx.finding(
                    OUTSIDE_YEAR,
                    ("allocations", index, allocation.period_key),
                    kind="allocation",
                    period=allocation.label,
                    start=period.start,
                    end=period.end,
                )
            )
    return found


def _dated_in_years(ctx: Context, years: range) -> bool:
    """Whether every payment is for a year of the period and dated in it (or in its
    supplementary period), shown by the distinct (year, date) pairs of the book's daily sums;
    a payment without an amount is not in them, so then the payments are read one by one."""
    assert ctx.book is not None
    if len(ctx.book.dated) != len(ctx.book.payments):
        return False
    pairs = {(year, day) for _line, year, day in ctx.book.daily.sums}
    return all(
        year in years and (day.year == year or _in_supplementary_period(ctx, day, year))
        for year, day in pairs
    )


def _in_supplementary_period(ctx: Context, day: dt.date, year: int) -> bool:
    """Whether a payment dated `day` may be charged to `year`: after the year's end, within the
    supplementary period the strategy states (the state accounts' practice)."""
    months = ctx.strategy.strategy.supplementary_period_months
    if not months or day.year != year + 1:
        return False
    return day.month <= months


def check_refunds(ctx: Context) -> list[Diagnostic]:
    """A negative payment is a refund, marked as one (with its voucher); a refund is negative."""
    if ctx.book is None:
        return []
    columns = ctx.book.payments.columns
    if not any(columns.refund) and not any(map(Decimal.is_signed, filter(None, columns.amount))):
        return []  # no refund marked and none negative
    found = []
    for p in ctx.book.payments.records:
        if p.amount < 0 and not p.refund:
            kind = "negative"
        elif p.refund and p.amount >= 0:
            kind = "refund"
        else:
            continue
        found.append(
            ctx.book.payments.finding(
                p, NEGATIVE_PAYMENT, kind=kind, voucher=echo(p.voucher), amount=p.amount
            )
        )
    return found


def check_vouchers(ctx: Context) -> list[Diagnostic]:
    """A voucher is used once; `DK-1`, ` DK-1 ` and `dk-1` are the same voucher (a finance
    system's export pads and a hand-typed ledger may not)."""
    if ctx.book is None:
        return []
    payments = ctx.book.payments
    if _vouchers_distinct(payments.columns.voucher):
        return []
    first: dict[str, Payment] = {}
    found = []
    for p in payments.records:
        earlier = first.setdefault(" ".join(p.voucher.split()).casefold(), p)
        if earlier is not p:
            file, line = payments.where(earlier)
            used: dict[str, Any] = {"voucher": echo(p.voucher.strip()), "file": file, "line": line}
            found.append(
                payments.finding(p, DUPLICATE_VOUCHER, **used)
                if earlier.voucher == p.voucher
                else payments.finding(
                    p, DUPLICATE_VOUCHER, kind="as", **used, first=echo(earlier.voucher.strip())
                )
            )
    return found


def _vouchers_distinct(vouchers: list[str]) -> bool:
    """True when no two vouchers are the same once spaces are collapsed and case is folded,
    shown without folding each voucher in Python: when every voucher is ASCII, non-empty and
    without white space (what a finance system writes), lower-casing the text of all of them
    at once gives each one's folded form (for ASCII, `casefold` is `lower`). Any other ledger,
    or one with a duplicate, is compared voucher by voucher."""
    if "" in vouchers:
        return False
    text = "".join(vouchers)
    # ASCII white space is a space or a control character, which isprintable refuses.
    if not (text.isascii() and text.isprintable()) or " " in text:
        return False
    if text.isupper() or text.islower() or text.lower() == text:  # the last: no letters
        # One case only: lower-casing is one-to-one on these vouchers, compare them as written.
        keys = vouchers
    else:
        keys = "\n".join(vouchers).lower().split("\n")
    del text
    # Sorted, equal keys are neighbours; a ledger's vouchers mostly come in order already,
    # which the sort sees in one pass (and a list of a million costs 8 MB, a set 64 MB).
    keys = sorted(keys)
    return not any(map(operator.eq, keys, itertools.islice(keys, 1, None)))
