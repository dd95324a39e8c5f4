"""Checks of the dialogue's allocations and the payments that use them (IOM403-IOM408, IOM412):
amounts, places, result codes, the gaps between decisions."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from decimal import Decimal

from iomstrat.checks.context import FOREVER, Context, money
from iomstrat.checks.payments import PAYMENT_LINE
from iomstrat.engine.book import ZERO
from iomstrat.engine.plan import allocation_line, approved_line, factor, soft_earmarked_line
from iomstrat.findings import Diagnostic, Severity
from iomstrat.places import Places

PAID_WITHOUT_ALLOCATION = "IOM403"
PAID_ABOVE_ALLOCATION = "IOM404"
ALLOCATED_ABOVE_LINE = "IOM405"
OUTSIDE_AFRICA = "IOM406"
UNKNOWN_PLACE = "IOM407"
DIALOGUE_GAP = "IOM408"
UNKNOWN_RESULT_CODE = "IOM412"
FOCUS_CONTINENT = "Africa"
DIALOGUE_MONTHS = 7
"""Six-monthly dialogue, with a month's grace: a longer gap between decisions is reported."""


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
                            f"{money(ctx, paid_item[p.allocation])}, above its "
                            f"{money(ctx, limit)}",
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
                    f"{money(ctx, paid[key])}, above the {money(ctx, allocated)} allocated "
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
