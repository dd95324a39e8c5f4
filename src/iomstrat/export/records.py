"""What the exporters report of a strategy, in whole currency units: the planned commitment per
line and year, parliament's decisions, and the booked payments (the disbursement engine's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.engine.book import Book
from iomstrat.engine.plan import decision, factor
from iomstrat.engine.plan import planned as planned_amount
from iomstrat.loader.payments import Payment
from iomstrat.model.strategy import Strategy

EVER = dt.date.max
"""Exports report every recorded decision and payment, whatever today's date."""

Recorded = tuple[Strategy, Book]
"""A strategy with its payments booked in its currency (from `core.pipeline`)."""


@dataclass(frozen=True)
class Decision:
    """Parliament's decision on one year; `lines` None when a reduction names no lines."""

    year: int
    status: str
    date: dt.date
    total: Decimal
    lines: dict[str, Decimal] | None
    finance_act: str | None
    apportioned: dict[str, Decimal] | None = None
    """A reduction that names no lines, split over them in proportion to their plan, as the
    figures do (engine.plan.decision); `lines` stays None: the split is the engine's, not
    parliament's."""


def year_start(year: int) -> dt.date | None:
    """1 January of `year`, None for a year no calendar date has (0, 10000…)."""
    return dt.date(year, 1, 1) if dt.MINYEAR <= year <= dt.MAXYEAR else None


def in_units(strategy: Strategy, amount: Decimal) -> Decimal:
    """An amount in the strategy's unit (e.g. million) as whole currency units."""
    return amount * factor(strategy)


def planned(strategy: Strategy) -> dict[tuple[str, int], Decimal]:
    """Planned amount per (line id, year) in whole currency units, every year of the period."""
    return {
        (line.id, year): planned_amount(strategy, line.id, year)
        for line in strategy.budget.lines
        for year in strategy.strategy.period.years
    }


def decisions(strategy: Strategy) -> list[Decision]:
    """Approved, reduced and withheld years, by year; a year still planned has none."""
    found = []
    for approval in sorted(strategy.approvals, key=lambda a: a.year):
        if approval.status == "planned":
            continue
        year = approval.year
        decided = decision(strategy, year, EVER)  # every line at once: linear in the lines
        # A reduction that names no lines: its total only (the engine's split is its estimate).
        lines = None if decided.lines is None or decided.apportioned else dict(decided.lines)
        total = decided.total or Decimal(0)
        date = approval.decided_on or year_start(year) or dt.date.min
        split = dict(decided.lines) if decided.lines is not None and decided.apportioned else None
        found.append(
            Decision(year, approval.status, date, total, lines, approval.finance_act, split)
        )
    return found


def booked(book: Book) -> list[tuple[Payment, Decimal | None]]:
    """Each payment with its amount in the strategy's currency (None: no rate), by date."""
    pairs = zip(book.payments.records, book.amounts, strict=True)
    return sorted(pairs, key=lambda pair: pair[0].date)
