"""The plan and the decisions in whole currency units: planned per line and year, parliament's
decision in force on a date, the dialogue's allocations, and the schedule of tranches."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from iomstrat.engine.book import ZERO, cents
from iomstrat.model.strategy import UNIT_FACTORS, Allocation, Strategy

Tranches = dict[tuple[str, int], list[tuple[dt.date, Decimal]]]


def factor(strategy: Strategy) -> Decimal:
    return UNIT_FACTORS[strategy.strategy.unit]


def funded_years(strategy: Strategy) -> tuple[int, ...]:
    """The years of the period some line gives an amount for (all of them where none does): a
    stated period may be longer than its funded years (duration 2023-2027, amounts 2024-2027)."""
    period = strategy.strategy.period.years
    given = {year for line in strategy.budget.lines for year in line.amounts}
    return tuple(year for year in period if year in given) or tuple(period)


def planned(strategy: Strategy, line_id: str, year: int) -> Decimal:
    line = strategy.line(line_id)
    return line.amounts.get(year, ZERO) * factor(strategy) if line else ZERO


def decided(strategy: Strategy, year: int, as_of: dt.date) -> bool:
    """Whether parliament had decided the year by `as_of`."""
    approval = strategy.approval(year)
    if approval is None or approval.status == "planned":
        return False
    return approval.decided_on is None or approval.decided_on <= as_of


class Decision(NamedTuple):
    """Parliament's decision on a year in force on a date, in whole currency units. Before it
    `status` is "undecided" and there are no amounts. A reduction that names no lines is
    apportioned over the lines in proportion to their plan (`apportioned`), so that every
    line has an amount and the lines add up to the year."""

    status: str  # undecided | approved | reduced | withheld
    total: Decimal | None
    lines: dict[str, Decimal] | None
    apportioned: bool = False
    finance_act: str | None = None
    decided_on: dt.date | None = None


UNDECIDED = Decision("undecided", None, None)


def decision(strategy: Strategy, year: int, as_of: dt.date) -> Decision:
    if not decided(strategy, year, as_of):
        return UNDECIDED
    approval = strategy.approval(year)
    assert approval is not None
    unit = factor(strategy)
    ids = [line.id for line in strategy.budget.lines]
    act, on = approval.finance_act, approval.decided_on
    if approval.status == "withheld":
        return Decision("withheld", ZERO, dict.fromkeys(ids, ZERO), False, act, on)
    if approval.lines is not None:
        lines = {i: approval.lines.get(i, ZERO) * unit for i in ids}
        total = approval.amount * unit if approval.amount is not None else sum(lines.values(), ZERO)
        return Decision(approval.status, total, lines, False, act, on)
    plan = {i: planned(strategy, i, year) for i in ids}
    total = approval.amount * unit if approval.amount is not None else sum(plan.values(), ZERO)
    if approval.status == "approved":  # as planned (IOM204 reports an amount that is not)
        return Decision("approved", total, plan, False, act, on)
    return Decision(approval.status, total, apportion(total, plan), True, act, on)


def apportion(total: Decimal, weights: dict[str, Decimal]) -> dict[str, Decimal]:
    """`total` split in proportion to `weights`, to the cent; the rounding falls on the last
    line with a weight, so the parts add up to `total` exactly."""
    whole = sum(weights.values(), ZERO)
    if not whole:
        return dict.fromkeys(weights, ZERO)
    parts = {key: cents(total * weight / whole) for key, weight in weights.items()}
    last = next(key for key in reversed(weights) if weights[key])
    parts[last] += total - sum(parts.values(), ZERO)
    return parts


def approved_line(strategy: Strategy, line_id: str, year: int, as_of: dt.date) -> Decimal | None:
    """The amount parliament approved for one line, None while undecided or where a reduction
    names no lines (the year total is known, its split is not)."""
    found = decision(strategy, year, as_of)
    if found.lines is None or found.apportioned:
        return None
    return found.lines.get(line_id, ZERO)


def approved_year(strategy: Strategy, year: int, as_of: dt.date) -> Decimal | None:
    return decision(strategy, year, as_of).total


def dialogue_lines(strategy: Strategy) -> tuple[str, ...]:
    """The lines whose payments need a dialogue allocation, as the file declares (none if it
    declares no dialogue): no line kind implies a dialogue."""
    return tuple(strategy.dialogue.lines) if strategy.dialogue is not None else ()


def allocation_line(strategy: Strategy, allocation: Allocation) -> str | None:
    """The line an allocation names, else the dialogue's line where it declares exactly one."""
    if allocation.line is not None:
        return allocation.line
    lines = dialogue_lines(strategy)
    return lines[0] if len(lines) == 1 else None


def allocated_lines(strategy: Strategy) -> set[str]:
    """Lines that show what is allocated: the dialogue's, and any an allocation names."""
    found = set(dialogue_lines(strategy))
    found.update(ln for a in strategy.allocations if (ln := allocation_line(strategy, a)))
    return found


def quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return (
        dt.date(year + 1, 1, 1) - dt.timedelta(days=1)
        if month == 12
        else (dt.date(year, month + 1, 1) - dt.timedelta(days=1))
    )


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def schedule(strategy: Strategy, as_of: dt.date = dt.date.min) -> Tranches:
    """Due date and amount of every tranche per (line, year), in whole currency units, for the
    decisions in force on `as_of`. A written schedule's shares are shares of the year's basis
    (the approved amount once decided, else the plan). A line-year the file does not schedule
    is paid in four equal tranches due at quarter ends: of its approved amount once the year
    is decided; before that, of the cover table's "Projected ann. Disb." for the year, split
    over the lines in proportion to their plan (or of the plan, where the cover has none)."""
    unit = factor(strategy)
    years = list(strategy.strategy.period.years)
    projected = strategy.cover.projected_disbursement if strategy.cover else None
    result: Tranches = {}
    for year in years:
        decided_year = decision(strategy, year, as_of)
        year_total = sum((ln.amounts.get(year, ZERO) for ln in strategy.budget.lines), ZERO)
        for line in strategy.budget.lines:
            annual = line.amounts.get(year, ZERO) * unit
            if decided_year.lines is not None:
                annual = decided_year.lines.get(line.id, ZERO)
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
            planning = decided_year.lines is None and projected is not None and year_total
            if planning and projected is not None and year in projected.by_year:
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
