"""The plan and the decisions in whole currency units: planned per line and year, parliament's
decision in force on a date, the dialogue's allocations, and the schedule of tranches."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from iomstrat.engine.book import ZERO, cents
from iomstrat.model.strategy import UNIT_FACTORS, Allocation, Strategy

Tranches = dict[tuple[str, int], list[tuple[dt.date, Decimal]]]


def factor(strategy: Strategy) -> Decimal:
    return UNIT_FACTORS[strategy.strategy.unit]


def planned(strategy: Strategy, line_id: str, year: int) -> Decimal:
    line = strategy.line(line_id)
    return line.amounts.get(year, ZERO) * factor(strategy) if line else ZERO


def decided(strategy: Strategy, year: int, as_of: dt.date) -> bool:
    """Whether parliament had decided the year by `as_of`."""
    approval = strategy.approval(year)
    if approval is None or approval.status == "planned":
        return False
    return approval.decided_on is None or approval.decided_on <= as_of


def approved_line(strategy: Strategy, line_id: str, year: int, as_of: dt.date) -> Decimal | None:
    """The amount approved for one line, None while undecided or where a reduction names no
    lines (the year total is known, its split is not)."""
    if not decided(strategy, year, as_of):
        return None
    approval = strategy.approval(year)
    assert approval is not None
    if approval.status == "withheld":
        return ZERO
    if approval.lines is not None:
        return approval.lines.get(line_id, ZERO) * factor(strategy)
    if approval.status == "approved":
        return planned(strategy, line_id, year)
    return None


def approved_year(strategy: Strategy, year: int, as_of: dt.date) -> Decimal | None:
    if not decided(strategy, year, as_of):
        return None
    approval = strategy.approval(year)
    assert approval is not None
    if approval.status == "withheld":
        return ZERO
    if approval.amount is not None:
        return approval.amount * factor(strategy)
    if approval.lines is not None:
        return sum(approval.lines.values(), ZERO) * factor(strategy)
    return sum((planned(strategy, line.id, year) for line in strategy.budget.lines), ZERO)


def soft_earmarked_line(strategy: Strategy) -> str | None:
    return next((ln.id for ln in strategy.budget.lines if ln.kind == "soft_earmarked"), None)


def allocation_line(strategy: Strategy, allocation: Allocation) -> str | None:
    return allocation.line or soft_earmarked_line(strategy)


def allocated(strategy: Strategy, line_id: str, year: int, as_of: dt.date) -> Decimal:
    """Soft-earmarked funds of `year` allocated in dialogue decisions taken by `as_of`."""
    total = ZERO
    for allocation in strategy.allocations:
        if (
            allocation.year == year
            and allocation.date <= as_of
            and allocation_line(strategy, allocation) == line_id
        ):
            total += sum((item.amount for item in allocation.items), ZERO)
    return total * factor(strategy)


def quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return (
        dt.date(year + 1, 1, 1) - dt.timedelta(days=1)
        if month == 12
        else (dt.date(year, month + 1, 1) - dt.timedelta(days=1))
    )


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def schedule(strategy: Strategy) -> Tranches:
    """Due date and amount of every tranche per (line, year). A line-year the file does not
    schedule takes the cover table's "Projected ann. Disb." for the year, split over the lines
    in proportion to their planned amounts, in four equal tranches due at quarter ends."""
    unit = factor(strategy)
    years = list(strategy.strategy.period.years)
    projected = strategy.cover.projected_disbursement if strategy.cover else None
    result: Tranches = {}
    for line in strategy.budget.lines:
        for year in years:
            annual = line.amounts.get(year, ZERO) * unit
            given = strategy.schedule.get(line.id, {}).get(year)
            if given is not None:
                result[(line.id, year)] = sorted(
                    (
                        t.date or quarter_end(year, t.quarter or 4),
                        t.amount * unit if t.amount is not None else cents(annual * (t.share or 0)),
                    )
                    for t in given
                )
                continue
            year_total = sum((ln.amounts.get(year, ZERO) for ln in strategy.budget.lines), ZERO)
            if projected is not None and year in projected.by_year and year_total:
                annual = cents(
                    projected.by_year[year] * unit * line.amounts.get(year, ZERO) / year_total
                )
            quarter = cents(annual / 4)
            result[(line.id, year)] = [
                (quarter_end(year, q), quarter if q < 4 else annual - 3 * quarter)
                for q in range(1, 5)
            ]
    return result


def planned_total(strategy: Strategy, year: int) -> Decimal:
    """The year's plan over all lines, in the file's unit."""
    return sum((line.amounts.get(year, ZERO) for line in strategy.budget.lines), ZERO)
