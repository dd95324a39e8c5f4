"""Checks of payments, dialogue allocations and the schedule (codes IOM4xx); registered in
`engine.checks.strategy_checks`. Payment findings point at the payment's file and line."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from decimal import Decimal

from iomstrat.engine.checks import Check, Context
from iomstrat.engine.disbursement import (
    ZERO,
    allocation_line,
    approved_line,
    approved_year,
    factor,
    planned,
    soft_earmarked_line,
)
from iomstrat.ledger import Payment
from iomstrat.places import Places
from iomstrat.report import Diagnostic, Severity

PAID_BEFORE_APPROVAL = "IOM401"
PAID_ABOVE_APPROVAL = "IOM402"
PAID_WITHOUT_ALLOCATION = "IOM403"
PAID_ABOVE_ALLOCATION = "IOM404"
ALLOCATED_ABOVE_LINE = "IOM405"
OUTSIDE_AFRICA = "IOM406"
UNKNOWN_PLACE = "IOM407"
DIALOGUE_GAP = "IOM408"
OUTSIDE_YEAR = "IOM409"
DUPLICATE_VOUCHER = "IOM410"
PAID_ABOVE_LINE = "IOM411"
UNKNOWN_RESULT_CODE = "IOM412"
PAYMENT_LINE = "IOM413"
SCHEDULE = "IOM416"

FOCUS_CONTINENT = "Africa"
DIALOGUE_MONTHS = 7
"""Six-monthly dialogue, with a month's grace: a longer gap between decisions is reported."""
FOREVER = dt.date.max


def _money(ctx: Context, amount: Decimal) -> str:
    return f"{ctx.strategy.strategy.currency} {amount:,.2f}"


def check_payment_lines(ctx: Context) -> list[Diagnostic]:
    if ctx.book is None:
        return []
    known = {line.id for line in ctx.strategy.budget.lines}
    return [
        ctx.book.payments.diagnostic(
            p,
            PAYMENT_LINE,
            Severity.ERROR,
            f"payment {p.voucher} is on line '{p.line}', which the budget does not have "
            f"(lines: {', '.join(sorted(known))})",
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
    paid_year: dict[int, Decimal] = defaultdict(Decimal)
    paid_line: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    reported: set[tuple[str, int]] = set()
    for p, amount in book.dated:
        approval = approvals.get(p.year)
        if approval is None or approval.status == "planned":
            found.append(
                book.payments.diagnostic(
                    p,
                    PAID_BEFORE_APPROVAL,
                    Severity.ERROR,
                    f"payment {p.voucher} of {p.date.isoformat()} for {p.year} is made before "
                    f"the year's parliamentary approval (none recorded)",
                )
            )
            continue
        if approval.decided_on is not None and p.date < approval.decided_on:
            found.append(
                book.payments.diagnostic(
                    p,
                    PAID_BEFORE_APPROVAL,
                    Severity.ERROR,
                    f"payment {p.voucher} of {p.date.isoformat()} precedes the approval of "
                    f"{p.year} ({approval.finance_act or 'Finance Act'}, "
                    f"{approval.decided_on.isoformat()})",
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
                what = f"line '{line_id}' of {year}" if line_id else str(year)
                found.append(
                    book.payments.diagnostic(
                        p,
                        PAID_ABOVE_APPROVAL,
                        Severity.ERROR,
                        f"payment {p.voucher} brings {what} to {_money(ctx, paid)}, above the "
                        f"approved {_money(ctx, limit)} by {_money(ctx, paid - limit)}",
                    )
                )
    return found


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
            what = "personnel support" if kinds[p.line] == "personnel" else f"line '{p.line}'"
            found.append(
                ctx.book.payments.diagnostic(
                    p,
                    PAID_ABOVE_LINE,
                    Severity.ERROR,
                    f"payment {p.voucher} brings {what} for {p.year} to "
                    f"{_money(ctx, paid[key])}, above its line of {_money(ctx, limit)}",
                )
            )
    return found


def check_soft_earmarked_payments(ctx: Context) -> list[Diagnostic]:
    """Soft-earmarked funds are paid only as allocated in the six-monthly dialogue."""
    if ctx.book is None:
        return []
    strategy, book, found = ctx.strategy, ctx.book, []
    soft = {allocation_line(strategy, a) for a in strategy.allocations}
    soft.add(soft_earmarked_line(strategy))
    unit = factor(strategy)
    items = {
        item.id: (allocation, item)
        for allocation in strategy.allocations
        for item in allocation.items
        if item.id is not None
    }
    paid: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    paid_item: dict[str, Decimal] = defaultdict(Decimal)
    reported: set[tuple[str, int] | str] = set()
    # Per (line, year): decision dates in order and the amount allocated by each date.
    decided: dict[tuple[str | None, int], tuple[list[dt.date], list[Decimal]]] = {}
    for a in sorted(strategy.allocations, key=lambda a: a.date):
        dates, totals = decided.setdefault((allocation_line(strategy, a), a.year), ([], []))
        dates.append(a.date)
        previous = totals[-1] if totals else ZERO
        totals.append(previous + sum((i.amount for i in a.items), ZERO) * unit)
    for p, amount in book.dated:
        if p.line not in soft:
            continue
        dates, totals = decided.get((p.line, p.year), ([], []))
        taken = bisect.bisect_right(dates, p.date)
        if not taken:
            found.append(
                book.payments.diagnostic(
                    p,
                    PAID_WITHOUT_ALLOCATION,
                    Severity.ERROR,
                    f"soft-earmarked payment {p.voucher} of {p.date.isoformat()} has no "
                    f"allocation approved in a dialogue decision for {p.year} by that date",
                )
            )
            continue
        if p.allocation is not None:
            target = items.get(p.allocation)
            if target is None or target[0].date > p.date:
                why = "no dialogue decision has it" if target is None else "decided later"
                found.append(
                    book.payments.diagnostic(
                        p,
                        PAID_WITHOUT_ALLOCATION,
                        Severity.ERROR,
                        f"payment {p.voucher} names allocation '{p.allocation}': {why}",
                    )
                )
            else:
                paid_item[p.allocation] += amount
                limit = target[1].amount * unit
                if paid_item[p.allocation] > limit and p.allocation not in reported:
                    reported.add(p.allocation)
                    found.append(
                        book.payments.diagnostic(
                            p,
                            PAID_ABOVE_ALLOCATION,
                            Severity.ERROR,
                            f"payment {p.voucher} brings allocation '{p.allocation}' to "
                            f"{_money(ctx, paid_item[p.allocation])}, above its "
                            f"{_money(ctx, limit)}",
                        )
                    )
        key = (p.line, p.year)
        paid[key] += amount
        allocated = totals[taken - 1]
        if paid[key] > allocated and key not in reported:
            reported.add(key)
            found.append(
                book.payments.diagnostic(
                    p,
                    PAID_ABOVE_ALLOCATION,
                    Severity.ERROR,
                    f"payment {p.voucher} brings soft-earmarked payments of {p.year} to "
                    f"{_money(ctx, paid[key])}, above the {_money(ctx, allocated)} allocated "
                    f"by {p.date.isoformat()}",
                )
            )
    return found


def check_allocation_amounts(ctx: Context) -> list[Diagnostic]:
    """Allocations of a year add up to no more than the year's soft-earmarked amount."""
    strategy, found = ctx.strategy, []
    running: dict[tuple[str | None, int], Decimal] = defaultdict(Decimal)
    order = sorted(range(len(strategy.allocations)), key=lambda i: strategy.allocations[i].date)
    for index in order:
        allocation = strategy.allocations[index]
        line_id = allocation_line(strategy, allocation)
        key = (line_id, allocation.year)
        before = running[key]
        running[key] += sum((item.amount for item in allocation.items), ZERO)
        if line_id is None:
            continue
        line = strategy.line(line_id)
        if line is None:
            found.append(
                ctx.document.diagnostic(
                    ("allocations", index, "line"),
                    PAYMENT_LINE,
                    Severity.ERROR,
                    f"allocation names line '{line_id}', which the budget does not have",
                )
            )
            continue
        approved = approved_line(strategy, line_id, allocation.year, FOREVER)
        limit = (
            approved / factor(strategy)
            if approved is not None
            else line.amounts.get(allocation.year, ZERO)
        )
        if running[key] > limit >= before:
            found.append(
                ctx.document.diagnostic(
                    ("allocations", index, "items"),
                    ALLOCATED_ABOVE_LINE,
                    Severity.ERROR,
                    f"allocations for {allocation.year} reach {running[key]} "
                    f"({strategy.strategy.unit}), above the year's soft-earmarked {limit}",
                )
            )
    return found


def check_allocation_places(ctx: Context) -> list[Diagnostic]:
    """Allocations go to African countries and regions (the strategy's geographic focus)."""
    if not ctx.strategy.allocations:
        return []
    places = Places()
    found = []
    for a_index, allocation in enumerate(ctx.strategy.allocations):
        for i_index, item in enumerate(allocation.items):
            path = ("allocations", a_index, "items", i_index)
            if item.country is not None:
                continent = places.country_continent(item.country)
                continents = {continent} if continent else None
                name, field = item.country, "country"
            else:
                assert item.region is not None
                continents = places.region_continents(item.region)
                name, field = item.region, "region"
            if continents is None:
                found.append(
                    ctx.document.diagnostic(
                        (*path, field),
                        UNKNOWN_PLACE,
                        Severity.ERROR,
                        f"{field} '{name}' is not known; use a country name or ISO code, a UN "
                        "region (e.g. Eastern Africa) or Sahel, Horn of Africa, Lake Chad Basin, "
                        "North/West/East Africa",
                    )
                )
            elif continents != {FOCUS_CONTINENT}:
                found.append(
                    ctx.document.diagnostic(
                        (*path, field),
                        OUTSIDE_AFRICA,
                        Severity.WARNING,
                        f"{field} '{name}' is in {', '.join(sorted(continents))}, outside the "
                        "soft-earmarked funds' geographic focus on Africa (section 5)",
                    )
                )
    return found


def check_result_codes(ctx: Context) -> list[Diagnostic]:
    """Allocation tags name priority areas and SRF codes the strategy has (Annex 4)."""
    areas = {area.id for area in ctx.strategy.priority_areas}
    outputs = {code for area in ctx.strategy.priority_areas for code in area.outputs}
    outcomes = {code for area in ctx.strategy.priority_areas for code in area.outcomes}
    found = []
    for a_index, allocation in enumerate(ctx.strategy.allocations):
        for i_index, item in enumerate(allocation.items):
            path = ("allocations", a_index, "items", i_index)
            if item.priority_area is not None and item.priority_area not in areas:
                found.append(
                    ctx.document.diagnostic(
                        (*path, "priority_area"),
                        UNKNOWN_RESULT_CODE,
                        Severity.ERROR,
                        f"priority area {item.priority_area} is not one of the strategy's "
                        f"({', '.join(map(str, sorted(areas))) or 'none recorded'})",
                    )
                )
            for key, codes, known in (
                ("outputs", item.outputs, outputs),
                ("outcomes", item.outcomes, outcomes),
            ):
                for c_index, code in enumerate(codes):
                    if code not in known:
                        found.append(
                            ctx.document.diagnostic(
                                (*path, key, c_index),
                                UNKNOWN_RESULT_CODE,
                                Severity.ERROR,
                                f"SRF {key[:-1]} {code} is not among those the strategy "
                                "selects (Annex 4)",
                            )
                        )
    return found


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def check_dialogue_gaps(ctx: Context) -> list[Diagnostic]:
    """Dialogue decisions about six months apart; a gap over seven months is reported."""
    found = []
    order = sorted(
        range(len(ctx.strategy.allocations)), key=lambda i: ctx.strategy.allocations[i].date
    )
    for previous, current in itertools.pairwise(order):
        before = ctx.strategy.allocations[previous].date
        after = ctx.strategy.allocations[current].date
        if after > _add_months(before, DIALOGUE_MONTHS):
            found.append(
                ctx.document.diagnostic(
                    ("allocations", current, "date"),
                    DIALOGUE_GAP,
                    Severity.WARNING,
                    f"dialogue decision of {after.isoformat()} comes {(after - before).days} days "
                    f"after the one of {before.isoformat()}; the dialogue is six-monthly",
                )
            )
    return found


def check_years(ctx: Context) -> list[Diagnostic]:
    """Payments dated in their appropriation year, within the period; allocations too."""
    period = ctx.strategy.strategy.period
    found = []
    if ctx.book is not None:
        for p in ctx.book.payments.records:
            if p.year not in period.years:
                message = f"payment {p.voucher} is for {p.year}, outside the period "
                message += f"{period.start}-{period.end}"
            elif p.date.year != p.year:
                message = (
                    f"payment {p.voucher} of {p.date.isoformat()} is dated outside its "
                    f"appropriation year {p.year}"
                )
            else:
                continue
            found.append(ctx.book.payments.diagnostic(p, OUTSIDE_YEAR, Severity.ERROR, message))
    for index, allocation in enumerate(ctx.strategy.allocations):
        if allocation.year not in period.years:
            found.append(
                ctx.document.diagnostic(
                    ("allocations", index, "half_year"),
                    OUTSIDE_YEAR,
                    Severity.ERROR,
                    f"allocation for {allocation.half_year}, outside the period "
                    f"{period.start}-{period.end}",
                )
            )
    return found


def check_vouchers(ctx: Context) -> list[Diagnostic]:
    if ctx.book is None:
        return []
    payments = ctx.book.payments
    first: dict[str, Payment] = {}
    found = []
    for p in payments.records:
        earlier = first.setdefault(p.voucher, p)
        if earlier is not p:
            file, line = payments.where(earlier)
            found.append(
                payments.diagnostic(
                    p,
                    DUPLICATE_VOUCHER,
                    Severity.ERROR,
                    f"voucher {p.voucher} is already used at {file}:{line}",
                )
            )
    return found


def check_schedule(ctx: Context) -> list[Diagnostic]:
    """Scheduled tranches of a line-year add up to its planned amount."""
    strategy, found = ctx.strategy, []
    unit = factor(strategy)
    for line_id, by_year in strategy.schedule.items():
        line = strategy.line(line_id)
        if line is None:
            found.append(
                ctx.document.diagnostic(
                    ("schedule", line_id),
                    SCHEDULE,
                    Severity.ERROR,
                    f"schedule for line '{line_id}', which the budget does not have",
                    key=True,
                )
            )
            continue
        for year, tranches in by_year.items():
            path = ("schedule", line_id, year)
            if year not in strategy.strategy.period.years:
                found.append(
                    ctx.document.diagnostic(
                        path,
                        SCHEDULE,
                        Severity.ERROR,
                        f"schedule year {year} outside the period",
                        key=True,
                    )
                )
                continue
            annual = line.amounts.get(year, ZERO)
            total = sum(
                (
                    t.amount if t.amount is not None else annual * (t.share or ZERO)
                    for t in tranches
                ),
                ZERO,
            )
            if abs(total - annual) * unit >= Decimal("0.01") * len(tranches):
                found.append(
                    ctx.document.diagnostic(
                        path,
                        SCHEDULE,
                        Severity.ERROR,
                        f"tranches of '{line_id}' for {year} add up to {total}, not the "
                        f"planned {annual} ({strategy.strategy.unit})",
                    )
                )
            for t_index, tranche in enumerate(tranches):
                if tranche.date is not None and tranche.date.year != year:
                    found.append(
                        ctx.document.diagnostic(
                            (*path, t_index, "date"),
                            SCHEDULE,
                            Severity.ERROR,
                            f"tranche dated {tranche.date.isoformat()} outside {year}",
                        )
                    )
    return found


def disbursement_checks() -> tuple[Check, ...]:
    """The IOM4xx checks, in reporting order; a fresh tuple per call."""
    return (
        check_payment_lines,
        check_payments_approved,
        check_line_limits,
        check_soft_earmarked_payments,
        check_allocation_amounts,
        check_allocation_places,
        check_result_codes,
        check_dialogue_gaps,
        check_years,
        check_vouchers,
        check_schedule,
    )
