"""Checks of payments against lines, approvals and years (IOM401, IOM402, IOM409-IOM411, IOM413).
Payment findings point at the payment's file and line."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from array import array
from collections import defaultdict
from decimal import Decimal
from itertools import compress, repeat
from typing import Any, TypeVar, cast

from iomstrat.checks.context import FOREVER, Context
from iomstrat.engine.book import ZERO, Daily, Day
from iomstrat.engine.plan import approved_line, approved_year, planned
from iomstrat.findings import Diagnostic, Money, echo
from iomstrat.loader.payments import Payment, grouped
from iomstrat.loader.text import one_case, printable
from iomstrat.model.strategy import Approval

PAID_BEFORE_APPROVAL = "IOM401"
PAID_ABOVE_APPROVAL = "IOM402"
OUTSIDE_YEAR = "IOM409"
DUPLICATE_VOUCHER = "IOM410"
PAID_ABOVE_LINE = "IOM411"
PAYMENT_LINE = "IOM413"
NEGATIVE_PAYMENT = "IOM418"
AFTER_AS_OF = "IOM458"  # a note: the as-of date may be earlier on purpose
AFTER_TODAY = "IOM459"  # a warning: a payment not yet made cannot be in a ledger of payments
K = TypeVar("K")


def check_payment_lines(ctx: Context) -> list[Diagnostic]:
    if ctx.book is None:
        return []
    known = {line.id for line in ctx.strategy.budget.lines}
    lines = ctx.book.payments.columns.line
    if set(lines) <= known:
        return []
    names, payments = tuple(sorted(known)), ctx.book.payments
    unknown = compress(range(len(lines)), map(operator.not_, map(known.__contains__, lines)))
    return payments.findings_at(
        unknown,
        lambda p: payments.finding(
            p, PAYMENT_LINE, kind="payment", voucher=echo(p.voucher), line=p.line, lines=names
        ),
    )


def check_payments_approved(ctx: Context) -> list[Diagnostic]:
    """Payments before parliament approved their year, or beyond what it approved.

    From sums first: the days paid before their year's approval, and the years and lines
    whose running sums may pass what was approved; only their payments are walked, in date
    order, and a record is made only for a finding."""
    if ctx.book is None:
        return []
    strategy, found = ctx.strategy, []
    book = ctx.book
    approvals = {a.year: a for a in reversed(strategy.approvals)}  # the first entry wins
    year_limit = {y: approved_year(strategy, y, FOREVER) for y in approvals}
    line_limit: dict[tuple[str, int], Decimal | None] = {}
    early, years_due, lines_due = _approvals_due(ctx, approvals, year_limit, line_limit)
    if not early and not years_due and not lines_due:
        return []
    columns, amounts, records = book.payments.columns, book.amounts, book.payments.records
    lines, years, dates = columns.line, columns.year, columns.date
    every = range(len(years))
    # Paid before the year's approval (none yet, or its decision later): a finding each, told
    # by column (the day of each year's decision), not walked; among the (year, date) pairs
    # the sums show (`early`), and with an amount (one without a rate is in no sum).
    unapproved = {y for y, a in approvals.items() if a.status == "planned"}
    unapproved.update(set(years).difference(approvals))
    decision = {y: a.decided_on or dt.date.min for y, a in approvals.items()}
    decision.update(dict.fromkeys(unapproved, dt.date.max))
    before = map(operator.lt, dates, map(decision.get, years, repeat(dt.date.max)))
    priced = map(operator.is_not, amounts, repeat(None))
    told = map(operator.and_, map(early.__contains__, zip(years, dates, strict=True)), before)
    early_rows = array("q", compress(every, map(operator.and_, told, priced)) if early else ())
    # The rows of the running sums, as one flag a row (a set of a million rows is 60 MB).
    summed = map(years_due.__contains__, years)
    if lines_due:
        on_line = map(lines_due.__contains__, zip(lines, years, strict=True))
        summed = map(operator.or_, summed, on_line)
    if unapproved:  # not summed: no approval to pass
        allowed = map(operator.not_, map(unapproved.__contains__, years))
        summed = map(operator.and_, summed, allowed)
    flags = bytes(summed) if years_due or lines_due else bytes(len(years))
    paid_year: dict[int, Decimal] = defaultdict(Decimal)
    paid_line: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    reported: set[tuple[str, int]] = set()
    for index in filter(flags.__getitem__, book.dated.order):
        year, amount = years[index], amounts[index]
        assert amount is not None  # `dated` holds the payments with an amount
        limits = []
        if year in years_due:
            paid_year[year] += amount
            limits.append(("", year, year_limit[year], paid_year[year]))
        key = (lines[index], year)
        if key in lines_due:
            paid_line[key] += amount
            limits.append((key[0], year, line_limit[key], paid_line[key]))
        for line_id, limit_year, limit, paid in limits:
            if limit is not None and paid > limit and (line_id, limit_year) not in reported:
                reported.add((line_id, limit_year))
                currency, p = strategy.strategy.currency, records[index]
                found.append(
                    book.payments.finding(
                        p,
                        PAID_ABOVE_APPROVAL,
                        kind="line" if line_id else "",
                        voucher=echo(p.voucher),
                        year=limit_year,
                        paid=Money(paid, currency),
                        approved=Money(limit, currency),
                        excess=Money(paid - limit, currency),
                        **({"line": line_id} if line_id else {}),
                    )
                )

    def before_approval(p: Payment) -> Diagnostic:
        approval = approvals.get(p.year)
        values: dict[str, Any] = {"voucher": echo(p.voucher), "date": p.date, "year": p.year}
        if approval is None or approval.status == "planned":
            return book.payments.finding(p, PAID_BEFORE_APPROVAL, kind="none", **values)
        finance_act, decided_on = approval.finance_act or "", approval.decided_on
        assert decided_on is not None  # a payment is listed only before the decision
        return book.payments.finding(
            p, PAID_BEFORE_APPROVAL, **values, finance_act=finance_act, decided_on=decided_on
        )

    return found + book.payments.findings_at(early_rows, before_approval)


def _approvals_due(
    ctx: Context,
    approvals: dict[int, Approval],
    year_limit: dict[int, Decimal | None],
    line_limit: dict[tuple[str, int], Decimal | None],
) -> tuple[set[tuple[int, dt.date]], set[int], set[tuple[str, int]]]:
    """What the book's daily sums show may hold a finding: the (year, date) pairs paid before
    the year was approved (each of their payments is one), and the years, and the lines of a
    year approved line by line, whose running sum may pass what was approved (without
    refunds the largest running sum is the total; with them, the peaks of each day)."""
    assert ctx.book is not None
    daily = ctx.book.daily
    early: set[tuple[int, dt.date]] = set()
    years: dict[int, list[Day]] = defaultdict(list)
    lines: dict[tuple[str, int], list[Day]] = defaultdict(list)
    for key in daily.sums:
        line, year, day = key
        approval = approvals.get(year)
        if approval is None or approval.status == "planned":
            early.add((year, day))
            continue
        if approval.decided_on is not None and day < approval.decided_on:
            early.add((year, day))
        years[year].append(key)
        if approval.lines is not None:
            lines[(line, year)].append(key)
    for line, year in lines:
        line_limit[(line, year)] = approved_line(ctx.strategy, line, year, FOREVER)
    return early, _may_pass(daily, years, year_limit), _may_pass(daily, lines, line_limit)


def _may_pass(daily: Daily, days: dict[K, list[Day]], limits: dict[K, Decimal | None]) -> set[K]:
    """The running sums (each of the days of its key) that may pass their limit."""
    due = set()
    for key, keys in days.items():
        limit = limits[key]
        if limit is None:
            continue
        if daily.negative:
            passes = any(peak > limit for _day, peak in daily.peaks(keys))
        else:
            passes = sum(map(daily.sums.__getitem__, keys), ZERO) > limit
        if passes:
            due.add(key)
    return due


def check_line_limits(ctx: Context) -> list[Diagnostic]:
    """A line's payments in a year beyond its planned amount (personnel support above its
    line, or any other line). From sums first: only the payments of the lines and years whose
    running sum may pass the plan are walked."""
    if ctx.book is None:
        return []
    book, found = ctx.book, []
    kinds = {line.id: line.kind for line in ctx.strategy.budget.lines}
    days: dict[tuple[str, int], list[Day]] = defaultdict(list)
    for day_key in book.daily.sums:
        if day_key[0] in kinds:
            days[day_key[:2]].append(day_key)
    limits: dict[tuple[str, int], Decimal | None] = {
        key: planned(ctx.strategy, *key) for key in days
    }
    due = _may_pass(book.daily, days, limits)
    if not due:
        return []
    columns, amounts, records = book.payments.columns, book.amounts, book.payments.records
    lines, years = columns.line, columns.year
    flags = bytes(map(due.__contains__, zip(lines, years, strict=True)))  # one flag a row
    walked = list(filter(flags.__getitem__, book.dated.order))
    keys = zip(map(lines.__getitem__, walked), map(years.__getitem__, walked), strict=True)
    priced = cast("list[Decimal]", amounts)  # `dated` holds the payments with an amount
    # Each line and year's running sum in date order, by C-level maps; its first payment past
    # the plan is the finding.
    for key, indexes in grouped(keys, walked).items():
        limit = limits[key]
        assert limit is not None
        running = list(itertools.accumulate(map(priced.__getitem__, indexes)))
        past = next(compress(range(len(running)), map(limit.__lt__, running)), None)
        if past is None:
            continue
        currency, p = ctx.strategy.strategy.currency, records[indexes[past]]
        found.append(
            book.payments.finding(
                p,
                PAID_ABOVE_LINE,
                voucher=echo(p.voucher),
                line=p.line,
                line_kind=kinds[p.line],
                year=p.year,
                paid=Money(running[past], currency),
                planned=Money(limit, currency),
            )
        )
    return found


def day_today() -> dt.date:
    """Today, for what a ledger of payments made cannot hold yet (a test sets it)."""
    return dt.date.today()


def check_payment_dates(ctx: Context) -> list[Diagnostic]:
    """Payments dated after the as-of date are not counted as of it: a note per ledger file at
    its first such payment, with how many (the as-of date may be earlier on purpose); dated
    after today, a warning (a payment not yet made), counted or not."""
    if ctx.book is None:
        return []
    dates, sources = ctx.book.payments.columns.date, ctx.book.payments.columns.source
    today, as_of = day_today(), ctx.as_of
    last = max(dates, default=as_of)
    if last <= as_of and last <= today:
        return []
    first: dict[tuple[int, str], int] = {}
    count: dict[tuple[int, str], int] = defaultdict(int)
    for index, day in enumerate(dates):
        if day > today:
            kind = "left_out" if day > as_of else "counted"
        elif day > as_of:
            kind = ""
        else:
            continue
        key = (sources[index], kind)
        first.setdefault(key, index)
        count[key] += 1
    records, found = ctx.book.payments.records, []
    for key, index in first.items():
        payment, kind = records[index], key[1]
        values: dict[str, Any] = {"date": payment.date, "as_of": as_of, "payments": count[key]}
        if kind:
            values["today"] = today
        code = AFTER_TODAY if kind else AFTER_AS_OF
        found.append(
            ctx.book.payments.finding(
                payment, code, kind=kind, voucher=echo(payment.voucher), **values
            )
        )
    return found


def check_years(ctx: Context) -> list[Diagnostic]:
    """Payments dated in their appropriation year, within the period; allocations too. From
    the distinct (year, date) pairs: only the payments of a pair outside are read."""
    period = ctx.strategy.strategy.period
    found = []
    years = period.years  # a new range at each call
    outside = _pairs_outside(ctx, years) if ctx.book is not None else set()
    if ctx.book is not None and outside:
        payments, months = ctx.book.payments, ctx.strategy.strategy.supplementary_period_months

        def outside_year(p: Payment) -> Diagnostic:
            voucher = echo(p.voucher)
            if p.year not in years:
                return payments.finding(
                    p,
                    OUTSIDE_YEAR,
                    kind="payment_period",
                    voucher=voucher,
                    year=p.year,
                    start=period.start,
                    end=period.end,
                )
            dated: dict[str, Any] = {"voucher": voucher, "date": p.date, "year": p.year}
            if months:
                return payments.finding(
                    p, OUTSIDE_YEAR, kind="payment_year_months", **dated, months=months
                )
            return payments.finding(p, OUTSIDE_YEAR, kind="payment_year", **dated)

        pairs = zip(payments.columns.year, payments.columns.date, strict=True)
        rows = compress(range(len(payments)), map(outside.__contains__, pairs))
        found += payments.findings_at(rows, outside_year)
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


def _pairs_outside(ctx: Context, years: range) -> set[tuple[int, dt.date]]:
    """The distinct (year, date) pairs of payments for a year outside the period or dated
    outside their year (and its supplementary period): from the book's daily sums, or, when
    some payment has no amount (it is not in them), from the columns."""
    assert ctx.book is not None
    if len(ctx.book.dated) == len(ctx.book.payments):
        pairs = {(year, day) for _line, year, day in ctx.book.daily.sums}
    else:
        columns = ctx.book.payments.columns
        pairs = set(zip(columns.year, columns.date, strict=True))
    return {
        (year, day)
        for year, day in pairs
        if year not in years or (day.year != year and not _in_supplementary_period(ctx, day, year))
    }


def _in_supplementary_period(ctx: Context, day: dt.date, year: int) -> bool:
    """Whether a payment dated `day` may be charged to `year`: after the year's end, within the
    supplementary period the strategy states (the state accounts' practice)."""
    months = ctx.strategy.strategy.supplementary_period_months
    if not months or day.year != year + 1:
        return False
    return day.month <= months


def check_refunds(ctx: Context) -> list[Diagnostic]:
    """A negative payment is a refund, marked as one (with its voucher); a refund is negative.
    Only the payments marked as refunds or signed are read (a sign is tested by column)."""
    if ctx.book is None:
        return []
    payments = ctx.book.payments
    columns = payments.columns
    every, rows = range(len(columns.refund)), set[int]()
    if True in columns.refund:
        rows.update(compress(every, columns.refund))
    if any(map(Decimal.is_signed, columns.amount)):
        rows.update(compress(every, map(Decimal.is_signed, columns.amount)))
    amounts, refunds = columns.amount, columns.refund
    wrong = [i for i in rows if (amounts[i] < 0) is not refunds[i]]

    def unmarked(p: Payment) -> Diagnostic:
        kind = "negative" if p.amount < 0 else "refund"
        voucher = echo(p.voucher)
        return payments.finding(p, NEGATIVE_PAYMENT, kind=kind, voucher=voucher, amount=p.amount)

    return payments.findings_at(wrong, unmarked)


def check_vouchers(ctx: Context) -> list[Diagnostic]:
    """A voucher is used once; `DK-1`, ` DK-1 ` and `dk-1` are the same voucher (a finance
    system's export pads and a hand-typed ledger may not). The vouchers are folded by column;
    only the payments of a folded voucher used twice are read."""
    if ctx.book is None:
        return []
    payments = ctx.book.payments
    vouchers = payments.columns.voucher
    if _vouchers_distinct(vouchers):
        return []
    folded = list(map(str.casefold, map(" ".join, map(str.split, vouchers))))
    twice = _used_twice(folded)
    rows = compress(range(len(folded)), map(twice.__contains__, folded))
    first: dict[str, int] = {}  # folded voucher -> the row of its first use
    again = [index for index in rows if first.setdefault(folded[index], index) != index]

    def duplicate(p: Payment) -> Diagnostic:
        earlier = payments.records[first[" ".join(p.voucher.split()).casefold()]]
        file, line = payments.where(earlier)
        used: dict[str, Any] = {"voucher": echo(p.voucher.strip()), "file": file, "line": line}
        if earlier.voucher == p.voucher:
            return payments.finding(p, DUPLICATE_VOUCHER, **used)
        first_used = echo(earlier.voucher.strip())
        return payments.finding(p, DUPLICATE_VOUCHER, kind="as", **used, first=first_used)

    return payments.findings_at(again, duplicate)


def _used_twice(keys: list[str]) -> set[str]:
    """The keys that occur more than once: sorted, equal keys are neighbours."""
    ordered = sorted(keys)
    return set(compress(ordered, map(operator.eq, ordered, itertools.islice(ordered, 1, None))))


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
    if not (text.isascii() and printable(text)) or " " in text:
        return False
    # One case only: lower-casing is one-to-one on these vouchers, compare them as written.
    keys = vouchers if one_case(text) else "\n".join(vouchers).lower().split("\n")
    del text
    # Sorted, equal keys are neighbours; a ledger's vouchers mostly come in order already,
    # which the sort sees in one pass (and a list of a million costs 8 MB, a set 64 MB).
    keys = sorted(keys)
    return not any(map(operator.eq, keys, itertools.islice(keys, 1, None)))
